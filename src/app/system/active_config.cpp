#include "app/system/active_config.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/config/location.hpp"
#include "core/config/parser.hpp"
#include "core/screens/views.hpp"

namespace sk {
namespace {

std::optional<std::string> read_small_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::string text(max_config_bytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    return text;
}

// Temp file, fsync, rename, fsync of the directory: the copy is whole or absent after a power cut.
void write_atomically(const std::string& path, const std::string& text) {
    std::error_code ignored;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ignored);
    std::string temp = path + ".tmp";
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        return;
    }
    bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
              ::fsync(fd) == 0;
    ::close(fd);
    if (!ok || std::rename(temp.c_str(), path.c_str()) != 0) {
        std::filesystem::remove(temp, ignored);
        return;
    }
    int dir = ::open(std::filesystem::path(path).parent_path().c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

}  // namespace

ActiveConfig::ActiveConfig(std::optional<std::string> flag, std::string state_dir,
                           PictureDecoder decode)
    : flag_(std::move(flag)),
      last_good_path_(state_dir + "/last-good-config.yaml"),
      decode_(std::move(decode)),
      current_(default_config()) {}

std::vector<std::string> ActiveConfig::watched_paths() const {
    return config_search_paths(flag_);
}

ConfigUpdate ActiveConfig::reload() {
    ConfigUpdate update;
    path_ = locate_config(flag_).path;
    if (!path_) {
        if (!loaded_once_) {
            update.log.push_back("no config file found: using the built-in sample schedule");
            update.config = current_;
        } else if (last_file_) {
            // The file in use was deleted (or moved away) and no other is in the search order:
            // the last good schedule stays, as it does for a broken file.
            const Diagnostics gone{Diagnostic{
                *last_file_, 0, 0, "was removed; save a config there to change the schedule"}};
            update.log.push_back(gone.front().to_string());
            update.log.push_back("keeping the last good config until a config file is saved");
            update.banner = error_banner(gone);
        }
        loaded_once_ = true;
        return update;
    }
    last_file_ = path_;

    ConfigResult result = load_config_file(*path_, PictureCheck{std::nullopt, decode_});
    if (result.ok()) {
        current_ = *result.config;
        update.config = current_;
        update.log.push_back((loaded_once_ ? "config reloaded: " : "config: ") + *path_);
        if (auto text = read_small_file(*path_); text && read_small_file(last_good_path_) != text) {
            write_atomically(last_good_path_, *text);
        }
        loaded_once_ = true;
        return update;
    }

    for (const auto& diagnostic : result.diagnostics) {
        update.log.push_back(diagnostic.to_string());
    }
    update.banner = error_banner(result.diagnostics);
    if (!loaded_once_) {
        // Starting with a broken file: the last good copy, else the built-in sample. The copy's
        // pictures are where the file's are, beside the file.
        const PictureCheck pictures{std::filesystem::path(*path_).parent_path().string(), decode_};
        ConfigResult last_good = load_config_file(last_good_path_, pictures);
        if (last_good.ok()) {
            current_ = *last_good.config;
            update.log.push_back("using the last good config, saved in " + last_good_path_);
        } else {
            update.log.push_back("using the built-in sample schedule until the config is fixed");
        }
        update.config = current_;
        loaded_once_ = true;
    } else {
        update.log.push_back("keeping the last good config until the file is fixed");
    }
    return update;
}

}  // namespace sk
