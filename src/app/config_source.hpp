// ConfigSource: finds, loads and names the config file the program runs with.
#pragma once

#include <optional>
#include <string>

#include "config.hpp"
#include "config_parser.hpp"
#include "local_time.hpp"

namespace sk {

struct LoadedConfig {
    std::string origin;  // the file's path, or "built-in config"
    ConfigResult result;
};

// Finds the config (--config, XDG, /etc, built-in) and parses it.
LoadedConfig load_config(const std::optional<std::string>& flag);

// The zone the schedule runs in: the config's timezone, else the system's.
Zone schedule_zone(const Config& config);

}  // namespace sk
