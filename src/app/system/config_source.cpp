#include "app/system/config_source.hpp"

#include <ostream>

#include "core/config/location.hpp"

namespace sk {

LoadedConfig load_config(const std::optional<std::string>& flag, const PictureDecoder& decode) {
    ConfigLocation location = locate_config(flag);
    if (!location.path) {
        return {"built-in config", ConfigResult{default_config(), {}}};
    }
    return {*location.path, load_config_file(*location.path, PictureCheck{std::nullopt, decode})};
}

std::optional<LoadedConfig> load_config_reporting(const std::optional<std::string>& flag,
                                                  std::ostream& err, const PictureDecoder& decode) {
    LoadedConfig loaded = load_config(flag, decode);
    // One write: stderr is unbuffered, and a hostile file can hold thousands of mistakes.
    std::string report;
    for (const auto& diagnostic : loaded.result.diagnostics) {
        report += diagnostic.to_string();
        report += '\n';
    }
    if (!loaded.result.ok()) {
        auto count = loaded.result.diagnostics.size();
        report += loaded.origin + ": " + std::to_string(count) +
                  (count == 1 ? " error" : " errors") + ", nothing changed\n";
    }
    err << report << std::flush;
    if (!loaded.result.ok()) {
        return std::nullopt;
    }
    return loaded;
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
