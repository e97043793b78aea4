// ConfigLocation: which config file the program reads, found in the documented order.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace sk {

// Where the config came from: a file, or the built-in sample when no file exists.
struct ConfigLocation {
    std::optional<std::string> path;  // empty: use the built-in sample
};

// Looks up an environment variable; injectable so tests need not touch the real environment.
using EnvLookup = std::function<std::optional<std::string>(const char* name)>;
// Tells whether a path exists (file, FIFO, directory: anything the loader should report on).
using PathExists = std::function<bool(const std::string& path)>;

// `--config FILE` wins (even when missing: the loader reports it); else
// $XDG_CONFIG_HOME/stretch-kiosk/config.yaml (default ~/.config), else
// /etc/stretch-kiosk/config.yaml, else the built-in sample.
ConfigLocation locate_config(const std::optional<std::string>& flag, const EnvLookup& env,
                             const PathExists& exists);

// The real environment and file system.
ConfigLocation locate_config(const std::optional<std::string>& flag);

}  // namespace sk
