#include "config_source.hpp"

#include "config_location.hpp"

namespace sk {

LoadedConfig load_config(const std::optional<std::string>& flag) {
    ConfigLocation location = locate_config(flag);
    if (!location.path) {
        return {"built-in config", ConfigResult{default_config(), {}}};
    }
    return {*location.path, load_config_file(*location.path)};
}

Zone schedule_zone(const Config& config) {
    if (!config.timezone.empty()) {
        // The parser has checked that the zone exists; a tz database replaced underneath us
        // falls back to the system's zone rather than failing.
        if (auto zone = Zone::find(config.timezone)) {
            return *zone;
        }
    }
    return Zone::local();
}

}  // namespace sk
