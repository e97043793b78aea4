// ActiveConfig: the config in force, which changes only to another good one; a broken edit leaves
// the last good config running and says what is wrong.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/system/catalogs.hpp"
#include "core/config/parser.hpp"
#include "core/model/config.hpp"

namespace sk {

// What a (re)load found.
struct ConfigUpdate {
    std::optional<Config> config;  // a new good config to apply; empty when nothing changes
    std::string banner;            // the error to show on screen; empty when the file is good
    std::vector<std::string> log;  // sentences for the log
    // The language put in force, when it changed, and a language with no translation (once).
    std::vector<std::string> language_log;
};

class ActiveConfig {
  public:
    // `flag` is --config; `state_dir` keeps a copy of the last good file, so a config broken
    // while the kiosk was off still leaves the last good schedule in force after a restart.
    // `decode` checks the pictures a config names as the screen would draw them.
    // `catalogs` is where the translations are (catalog_dir(): beside the program, or installed).
    ActiveConfig(std::optional<std::string> flag, std::string state_dir, PictureDecoder decode,
                 std::string catalogs = catalog_dir());

    // Reads the file again (at start-up and whenever it changed).
    ConfigUpdate reload();

    const Config& current() const { return current_; }
    // The file in use; empty when running on the built-in config.
    const std::optional<std::string>& path() const { return path_; }
    // Every path of the search order, to watch: a config may appear, change or go at any of them.
    std::vector<std::string> watched_paths() const;

  private:
    std::optional<std::string> flag_;
    std::optional<std::string> path_;
    std::string last_good_path_;
    PictureDecoder decode_;
    Config current_;
    bool loaded_once_ = false;
    std::optional<std::string> last_file_;  // the config file found last, if any
    Languages languages_;

    // `config` becomes current, in its language.
    void make_current(Config config, ConfigUpdate& update);
};

}  // namespace sk
