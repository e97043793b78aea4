// ConfigSource: finds, loads and names the config file the program runs with.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "core/config/parser.hpp"
#include "core/model/config.hpp"
#include "core/time/local_time.hpp"

namespace sk {

struct LoadedConfig {
    std::string origin;  // the file's path, or "built-in config"
    ConfigResult result;
};

// Finds the config (--config, XDG, /etc, built-in) and parses it; `decode` checks the pictures it
// names as the screen would draw them.
LoadedConfig load_config(const std::optional<std::string>& flag, const PictureDecoder& decode);

// Loads the config for a print-and-exit mode, writing every diagnostic to `err` (and a count);
// nullopt means the config is bad (exit status 2).
std::optional<LoadedConfig> load_config_reporting(const std::optional<std::string>& flag,
                                                  std::ostream& err, const PictureDecoder& decode);

// The zone the schedule runs in: the config's timezone, else the system's.
Zone schedule_zone(const Config& config);

}  // namespace sk
