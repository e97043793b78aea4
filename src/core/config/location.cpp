#include "core/config/location.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace sk {

ConfigLocation locate_config(const std::optional<std::string>& flag, const EnvLookup& env,
                             const PathExists& exists) {
    if (flag) {
        return {*flag};
    }
    std::optional<std::string> config_home = env("XDG_CONFIG_HOME");
    if (!config_home || config_home->empty()) {
        if (auto home = env("HOME"); home && !home->empty()) {
            config_home = *home + "/.config";
        }
    }
    if (config_home && !config_home->empty()) {
        std::string user_file = *config_home + "/stretch-kiosk/config.yaml";
        if (exists(user_file)) {
            return {user_file};
        }
    }
    const std::string system_file = "/etc/stretch-kiosk/config.yaml";
    if (exists(system_file)) {
        return {system_file};
    }
    return {std::nullopt};
}

ConfigLocation locate_config(const std::optional<std::string>& flag) {
    auto env = [](const char* name) -> std::optional<std::string> {
        const char* value = std::getenv(name);
        return value ? std::optional<std::string>(value) : std::nullopt;
    };
    auto exists = [](const std::string& path) {
        std::error_code error;
        return std::filesystem::exists(path, error);
    };
    return locate_config(flag, env, exists);
}

}  // namespace sk
