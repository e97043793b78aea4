// ConfigLocation: which config file the program reads, found in the documented order.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sk {

// Where the config came from: a file, or the built-in sample when no file exists.
struct ConfigLocation {
    std::optional<std::string> path;  // empty: use the built-in sample
};

// Looks up an environment variable; injectable so tests need not touch the real environment.
using EnvLookup = std::function<std::optional<std::string>(const char* name)>;
// Tells whether a path exists (file, FIFO, directory: anything the loader should report on).
using PathExists = std::function<bool(const std::string& path)>;

// Every path the search looks at, in order: `--config FILE` alone when given; else
// $XDG_CONFIG_HOME/stretch-kiosk/config.yaml (default ~/.config), then
// /etc/stretch-kiosk/config.yaml. A running kiosk watches them all: a config may appear later.
std::vector<std::string> config_search_paths(const std::optional<std::string>& flag,
                                             const EnvLookup& env);

// The first of config_search_paths that exists; `--config FILE` wins even when missing (the
// loader reports it); none: the built-in sample.
ConfigLocation locate_config(const std::optional<std::string>& flag, const EnvLookup& env,
                             const PathExists& exists);

// The real environment and file system.
std::vector<std::string> config_search_paths(const std::optional<std::string>& flag);
ConfigLocation locate_config(const std::optional<std::string>& flag);

}  // namespace sk
