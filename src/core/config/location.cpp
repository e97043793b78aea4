#include "core/config/location.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace sk {
namespace {

std::optional<std::string> real_environment(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::optional<std::string>(value) : std::nullopt;
}

}  // namespace

std::vector<std::string> config_search_paths(const std::optional<std::string>& flag,
                                             const EnvLookup& env) {
    if (flag) {
        return {*flag};
    }
    std::vector<std::string> paths;
    std::optional<std::string> config_home = env("XDG_CONFIG_HOME");
    if (!config_home || config_home->empty()) {
        if (auto home = env("HOME"); home && !home->empty()) {
            config_home = *home + "/.config";
        }
    }
    if (config_home && !config_home->empty()) {
        paths.push_back(*config_home + "/stretch-kiosk/config.yaml");
    }
    paths.push_back("/etc/stretch-kiosk/config.yaml");
    return paths;
}

ConfigLocation locate_config(const std::optional<std::string>& flag, const EnvLookup& env,
                             const PathExists& exists) {
    if (flag) {
        return {*flag};
    }
    for (const std::string& path : config_search_paths(flag, env)) {
        if (exists(path)) {
            return {path};
        }
    }
    return {std::nullopt};
}

std::vector<std::string> config_search_paths(const std::optional<std::string>& flag) {
    return config_search_paths(flag, real_environment);
}

ConfigLocation locate_config(const std::optional<std::string>& flag) {
    auto exists = [](const std::string& path) {
        std::error_code error;
        return std::filesystem::exists(path, error);
    };
    return locate_config(flag, real_environment, exists);
}

}  // namespace sk
