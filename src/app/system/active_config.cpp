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
                           PictureDecoder decode, std::string catalogs)
    : flag_(std::move(flag)),
      last_good_path_(state_dir + "/last-good-config.yaml"),
      decode_(std::move(decode)),
      current_(default_config()),
      languages_(std::move(catalogs)) {}

std::vector<std::string> ActiveConfig::watched_paths() const {
    return config_search_paths(flag_);
}

void ActiveConfig::make_current(Config config, ConfigUpdate& update) {
    const std::vector<std::string> said = languages_.put_in_force(config);
    update.language_log.insert(update.language_log.end(), said.begin(), said.end());
    current_ = std::move(config);
    update.config = current_;
}

ConfigUpdate ActiveConfig::reload() {
    ConfigUpdate update;
    path_ = locate_config(flag_).path;
    if (!path_) {
        if (!loaded_once_) {
            update.log.push_back("no config file found: using the built-in sample schedule");
            make_current(current_, update);
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
        update.log.push_back((loaded_once_ ? "config reloaded: " : "config: ") + *path_);
        make_current(*result.config, update);
        if (auto text = read_small_file(*path_); text && read_small_file(last_good_path_) != text) {
            write_atomically(last_good_path_, *text);
        }
        loaded_once_ = true;
        return update;
    }

    for (const auto& diagnostic : result.diagnostics) {
        update.log.push_back(diagnostic.to_string());
    }
    if (!loaded_once_) {
        // Starting with a broken file: the last good copy, else the built-in sample. The copy's
        // pictures are where the file's are, beside the file.
        const PictureCheck pictures{std::filesystem::path(*path_).parent_path().string(), decode_};
        ConfigResult last_good = load_config_file(last_good_path_, pictures);
        if (last_good.ok()) {
            update.log.push_back("using the last good config, saved in " + last_good_path_);
            make_current(*last_good.config, update);
        } else {
            update.log.push_back("using the built-in sample schedule until the config is fixed");
            make_current(current_, update);
        }
        loaded_once_ = true;
    } else {
        update.log.push_back("keeping the last good config until the file is fixed");
    }
    // In the language of the schedule in force: the banner's own words are the kiosk's.
    update.banner = error_banner(result.diagnostics);
    return update;
}

}  // namespace sk
