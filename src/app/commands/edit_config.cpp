#include "app/commands/edit_config.hpp"

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <istream>
#include <ostream>
#include <string>

#include "app/commands/cli_modes.hpp"
#include "app/commands/screen_program.hpp"
#include "app/system/editor.hpp"
#include "app/system/file_replace.hpp"
#include "core/config/location.hpp"
#include "core/config/parser.hpp"
#include "core/config/sample_config.hpp"
#include "core/files/file_io.hpp"

namespace sk {
namespace {

namespace fs = std::filesystem;

// The file --edit works on: --config FILE, else the one the kiosk would read. With none yet,
// a new one where the kiosk will look: /etc for root, the user's own otherwise.
std::string file_to_edit(const Options& options) {
    if (options.config_path) {
        return *options.config_path;
    }
    if (auto found = locate_config(std::nullopt).path) {
        return *found;
    }
    if (::geteuid() == 0) {
        return "/etc/stretch-kiosk/config.yaml";
    }
    const char* config_home = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    std::string base = config_home && *config_home ? config_home
                       : home                      ? std::string(home) + "/.config"
                                                   : ".config";
    return base + "/stretch-kiosk/config.yaml";
}

bool write_text(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    return static_cast<bool>(out);
}

// A private directory for the copy the editor works on ("config.yaml", so editors colour it as
// YAML); removed at the end unless it must keep an edit that could not be saved.
class EditDirectory {
  public:
    EditDirectory() {
        std::error_code ignored;
        std::string pattern = (fs::temp_directory_path(ignored) / "stretch-kiosk-edit.XXXXXX");
        if (::mkdtemp(pattern.data()) != nullptr) {
            path_ = pattern;
        }
    }
    EditDirectory(const EditDirectory&) = delete;
    EditDirectory& operator=(const EditDirectory&) = delete;
    ~EditDirectory() {
        if (!path_.empty() && !keep_) {
            std::error_code ignored;
            fs::remove_all(path_, ignored);
        }
    }
    bool valid() const { return !path_.empty(); }
    std::string file() const { return path_ + "/config.yaml"; }
    void keep() { keep_ = true; }

  private:
    std::string path_;
    bool keep_ = false;
};

// "Edit again? [Y/n]": yes unless the answer starts with n; no at the end of the input.
bool wants_another_go(std::istream& in, std::ostream& out) {
    out << "Edit again? [Y/n] " << std::flush;
    std::string answer;
    if (!std::getline(in, answer)) {
        out << '\n';
        return false;
    }
    if (::isatty(STDIN_FILENO) == 0) {
        out << answer << '\n';  // a terminal has echoed it; a script's answer shows here
    }
    const auto first = answer.find_first_not_of(" \t");
    return first == std::string::npos || (answer[first] != 'n' && answer[first] != 'N');
}

std::string count_text(std::size_t count) {
    return std::to_string(count) + (count == 1 ? " error" : " errors");
}

}  // namespace

int run_edit(const Options& options, std::chrono::system_clock::time_point now, std::istream& in,
             std::ostream& out, std::ostream& err) {
    std::string path = file_to_edit(options);
    std::error_code error;
    // A link is followed: the file it points at is the one replaced, and the link stays.
    if (fs::is_symlink(path, error)) {
        const fs::path target = fs::canonical(path, error);
        if (error) {
            err << "stretch-kiosk: " << path << " is a link to nothing (" << error.message()
                << "); give the path of the config file\n";
            return exit_failure;
        }
        path = target.string();
    }
    if (fs::is_directory(path, error)) {
        err << "stretch-kiosk: " << path << " is a directory; give the path of the config file\n";
        return exit_failure;
    }
    const std::optional<std::string> original = read_file(path);
    if (!original && fs::exists(path, error)) {
        err << "stretch-kiosk: cannot read " << path << '\n';
        return exit_failure;
    }
    if (!original) {
        fs::create_directories(fs::path(path).parent_path(), error);
    }
    if (std::string refusal = replace_refusal(path); !refusal.empty()) {
        err << "stretch-kiosk: " << refusal
            << "; run it as root: sudo stretch-kiosk --edit --config " << path << '\n';
        return exit_failure;
    }
    const auto editor = choose_editor();
    if (!editor) {
        err << "stretch-kiosk: no editor found: set EDITOR (for example EDITOR=nano)\n";
        return exit_failure;
    }
    EditDirectory directory;
    if (!directory.valid() ||
        !write_text(directory.file(), original.value_or(std::string(sample_config_text())))) {
        err << "stretch-kiosk: cannot make a copy to edit in " << fs::temp_directory_path(error)
            << '\n';
        return exit_failure;
    }
    if (!original) {
        out << path << " does not exist yet: starting from the sample config\n";
    }

    while (true) {
        const EditorRun run = run_editor(*editor, directory.file());
        if (!run.started || run.exit_status != 0) {
            err << "stretch-kiosk: the editor (" << editor->command << ") "
                << (run.started ? "failed with status " + std::to_string(run.exit_status)
                                : std::string("could not be started"))
                << ": " << path << " is unchanged\n";
            return exit_failure;
        }
        const std::optional<std::string> edited = read_file(directory.file());
        if (!edited) {
            err << "stretch-kiosk: the edited copy is gone: " << path << " is unchanged\n";
            return exit_failure;
        }
        if (original && *edited == *original) {
            out << "No changes: " << path << " is as it was\n";
            return exit_ok;
        }
        // The full parser, as the kiosk will read it (its pictures as the screen draws them);
        // places name the real file, and relative pictures are beside it.
        const ConfigResult result =
            parse_config(*edited, path, PictureCheck{std::nullopt, screen_picture_check()});
        if (result.ok()) {
            const ReplaceResult replaced = replace_file(path, *edited, original);
            if (!replaced.error.empty()) {
                directory.keep();
                err << "stretch-kiosk: not saved: " << replaced.error << "; your edit is in "
                    << directory.file() << '\n';
                return exit_failure;
            }
            out << "Saved " << path;
            if (replaced.backup) {
                out << "; the old one is " << *replaced.backup;
            }
            out << '\n';
            Options check = options;
            check.config_path = path;
            return run_check(check, now, out, err);
        }
        std::string report;
        for (const Diagnostic& diagnostic : result.diagnostics) {
            report += diagnostic.to_string() + '\n';
        }
        err << report << path << ": " << count_text(result.diagnostics.size()) << ", not saved\n"
            << std::flush;
        if (!wants_another_go(in, out)) {
            out << "Not saved: " << path << " is as it was\n";
            return exit_bad_config;
        }
    }
}

}  // namespace sk
