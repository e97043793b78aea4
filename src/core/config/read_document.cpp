// config_document: the top level of a config (which sections exist, and the time zone).
#include "core/config/sections.hpp"

#include <algorithm>
#include <array>

#include "core/time/local_time.hpp"
#include "core/words/language.hpp"

namespace sk {
namespace {

constexpr std::array<std::string_view, 11> top_level_keys = {
    "timezone", "language", "schedule", "stretches", "routines",      "session",
    "display",  "audio",    "voice",    "keys",      "skip_stretches"};

void read_timezone(ConfigReader& reader, const Field& field, std::string& timezone) {
    const auto name = read_text(reader, field);
    if (!name) {
        return;
    }
    if (!Zone::find(*name)) {
        reader.error(*field.value, "unknown time zone " + quoted(*name) +
                                       "; use an IANA name such as Europe/Berlin, or remove the "
                                       "line to use the system's zone");
        return;
    }
    timezone = *name;
}

void read_language(ConfigReader& reader, const Field& field, std::string& language) {
    const auto text = read_text(reader, field);
    if (!text) {
        return;
    }
    const std::string tag = language_tag(*text);
    if (tag.empty() || *text == "C" || *text == "POSIX") {
        reader.error(
            *field.value,
            "language must be a language code such as de, es or pt_BR, not " + quoted(*text));
        return;
    }
    language = tag;
}

// With its own stretches but the built-in routines, a file must still have what they use.
void check_default_routines(ConfigReader& reader, const Field& stretches_field,
                            const Config& config) {
    std::vector<std::string> reported;
    for (const Routine& routine : config.routines) {
        for (const RoutineStep& step : routine.steps) {
            if (config.find_stretch(step.stretch) != nullptr ||
                std::find(reported.begin(), reported.end(), step.stretch) != reported.end()) {
                continue;
            }
            reported.push_back(step.stretch);
            reader.error(*stretches_field.key, "the built-in routines use the stretch " +
                                                   quoted(step.stretch) +
                                                   "; add it here, or write your own routines");
        }
    }
}

}  // namespace

Config read_config_document(ConfigReader& reader, const ConfigNode& root, DefaultsSource defaults,
                            const PictureCheck& pictures) {
    Config config;
    if (root.kind != ConfigNode::Kind::map) {
        reader.error(root, "the config must be a map of settings starting with schedule:, not " +
                               describe(root));
        return config;
    }
    const MapFields fields(reader, root, "at the top level", top_level_keys);

    if (const auto field = fields.get("timezone")) {
        read_timezone(reader, *field, config.timezone);
    }
    if (const auto field = fields.get("language")) {
        read_language(reader, *field, config.language);
    }

    const auto stretches_field = fields.get("stretches");
    if (stretches_field) {
        config.stretches = read_stretches(reader, *stretches_field, pictures);
    } else {
        config.stretches = defaults().stretches;
    }

    if (const auto field = fields.get("routines")) {
        config.routines = read_routines(reader, *field, config.stretches);
    } else {
        config.routines = defaults().routines;
        if (stretches_field && !config.stretches.empty()) {
            check_default_routines(reader, *stretches_field, config);
        }
    }

    if (const auto field = fields.get("skip_stretches")) {
        config.skip_stretches = read_stretch_names(reader, *field, config.stretches);
    }
    if (const auto field = fields.require(
            "schedule", "; add a schedule: list with at least one entry (see the sample config)")) {
        config.schedule =
            read_schedule(reader, *field, config.routines, config.stretches, config.skip_stretches);
    }

    if (const auto field = fields.get("session")) {
        read_session(reader, *field, config.session);
    }
    if (const auto field = fields.get("display")) {
        read_display(reader, *field, config.display);
    }
    if (const auto field = fields.get("audio")) {
        read_audio(reader, *field, config.audio);
    }
    if (const auto field = fields.get("voice")) {
        config.voice = read_voice(reader, *field).applied_to(config.voice);
    }
    if (const auto field = fields.get("keys")) {
        read_keys(reader, *field, config.keys);
    }
    return config;
}

}  // namespace sk
