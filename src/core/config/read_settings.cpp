// config_settings: the `session:`, `display:`, `audio:` and `keys:` sections.
#include <algorithm>
#include <array>
#include <map>

#include "core/config/key_names.hpp"
#include "core/config/sections.hpp"

namespace sk {
namespace {

using namespace std::chrono_literals;

constexpr std::array<std::string_view, 7> session_keys = {
    "get_ready",        "switch_sides", "prompt_window", "start",
    "auto_start_after", "lengthen_by",  "lengthen_every"};
constexpr std::array<std::string_view, 6> display_keys = {
    "rotation", "font", "idle", "power_off_command", "power_on_command", "command_timeout"};
constexpr std::array<std::string_view, 2> audio_keys = {"enabled", "volume"};
constexpr std::array<std::string_view, 3> key_roles = {"button", "skip", "stop"};
constexpr std::array<std::string_view, 2> start_names = {"button", "auto"};
constexpr std::array<std::string_view, 4> rotation_names = {"0", "90", "180", "270"};
constexpr std::array<std::string_view, 3> idle_names = {"clock", "dark", "off"};

// A settings section's map; an empty section (every line commented out) keeps the defaults.
std::optional<MapFields> section_fields(ConfigReader& reader, const Field& field,
                                        std::span<const std::string_view> allowed) {
    static const ConfigNode no_settings{ConfigNode::Kind::map, {}, 0, 0, {}, {}};
    if (field.value->kind == ConfigNode::Kind::empty) {
        return MapFields(reader, no_settings, "", allowed);
    }
    if (!expect_kind(reader, field, ConfigNode::Kind::map, "a map of settings")) {
        return std::nullopt;
    }
    return MapFields(reader, *field.value, "in " + std::string(field.name), allowed);
}

std::vector<std::string> read_command(ConfigReader& reader, const Field& field) {
    const std::string what =
        "a list such as [wlopm, --off, \"*\"] (the program, then its arguments)";
    if (!expect_kind(reader, field, ConfigNode::Kind::list, what)) {
        return {};
    }
    if (field.value->items.empty()) {
        reader.error(*field.value, std::string(field.name) + " must be " + what + ", not empty");
        return {};
    }
    std::vector<std::string> argv;
    for (const ConfigNode& item : field.value->items) {
        if (auto word = read_text(reader, Field{"each word of a command", &item, &item})) {
            argv.push_back(std::move(*word));
        }
    }
    return argv;
}

}  // namespace

void read_session(ConfigReader& reader, const Field& field, SessionSettings& session) {
    const auto fields = section_fields(reader, field, session_keys);
    if (!fields) {
        return;
    }
    if (const auto f = fields->get("get_ready")) {
        session.get_ready = read_duration(reader, *f, 0s, 2min).value_or(session.get_ready);
    }
    if (const auto f = fields->get("switch_sides")) {
        session.switch_sides = read_duration(reader, *f, 0s, 1min).value_or(session.switch_sides);
    }
    if (const auto f = fields->get("prompt_window")) {
        if (const auto window = read_duration(reader, *f, 1min, 12h)) {
            if (*window % 1min != 0s) {
                reader.error(*f->value, "prompt_window must be whole minutes such as 60m, not " +
                                            describe(*f->value));
            } else {
                session.prompt_window = std::chrono::duration_cast<Minutes>(*window);
            }
        }
    }
    if (const auto f = fields->get("start")) {
        if (const auto start = read_choice(reader, *f, start_names)) {
            session.start = *start == 0 ? StartMode::wait_for_key : StartMode::automatic;
        }
    }
    if (const auto f = fields->get("auto_start_after")) {
        session.auto_start_after =
            read_duration(reader, *f, 0s, 10min).value_or(session.auto_start_after);
    }
    if (const auto f = fields->get("lengthen_by")) {
        session.lengthen_by = read_duration(reader, *f, 0s, 1min).value_or(session.lengthen_by);
    }
    if (const auto f = fields->get("lengthen_every")) {
        session.lengthen_every_days =
            read_int(reader, *f, 1, 365).value_or(session.lengthen_every_days);
    }
}

void read_display(ConfigReader& reader, const Field& field, DisplaySettings& display) {
    const auto fields = section_fields(reader, field, display_keys);
    if (!fields) {
        return;
    }
    if (const auto f = fields->get("rotation")) {
        if (const auto rotation = read_choice(reader, *f, rotation_names)) {
            display.rotation = static_cast<Rotation>(*rotation * 90);
        }
    }
    if (const auto f = fields->get("font")) {
        display.font = read_text(reader, *f).value_or(display.font);
    }
    if (const auto f = fields->get("idle")) {
        if (const auto idle = read_choice(reader, *f, idle_names)) {
            display.idle = static_cast<IdleScreen>(*idle);
        }
    }
    if (const auto f = fields->get("power_off_command")) {
        display.power_off_command = read_command(reader, *f);
    }
    if (const auto f = fields->get("power_on_command")) {
        display.power_on_command = read_command(reader, *f);
    }
    if (const auto f = fields->get("command_timeout")) {
        display.command_timeout =
            read_duration(reader, *f, 1s, 60s).value_or(display.command_timeout);
    }
}

void read_audio(ConfigReader& reader, const Field& field, AudioSettings& audio) {
    const auto fields = section_fields(reader, field, audio_keys);
    if (!fields) {
        return;
    }
    if (const auto f = fields->get("enabled")) {
        audio.enabled = read_bool(reader, *f).value_or(audio.enabled);
    }
    if (const auto f = fields->get("volume")) {
        audio.volume = Volume{read_int(reader, *f, 0, 100).value_or(audio.volume.percent)};
    }
}

void read_keys(ConfigReader& reader, const Field& field, KeySettings& keys) {
    const auto fields = section_fields(reader, field, key_roles);
    if (!fields) {
        return;
    }
    // Which job each key has; a role the file leaves out keeps its default keys.
    std::map<std::string, std::string, std::less<>> roles_by_key;
    const std::array<const std::vector<std::string>*, 3> defaults = {&keys.button, &keys.skip,
                                                                     &keys.stop};
    for (std::size_t i = 0; i < key_roles.size(); ++i) {
        if (!fields->get(key_roles[i])) {
            for (const std::string& key : *defaults[i]) {
                roles_by_key.emplace(key, std::string(key_roles[i]) + " key (by default)");
            }
        }
    }
    // In file order, so a key given two jobs is reported where it is given the second.
    for (const Field& role : fields->fields()) {
        if (!has_value(reader, role)) {
            continue;
        }
        const ConfigNode& value = *role.value;
        if (value.kind != ConfigNode::Kind::text && value.kind != ConfigNode::Kind::list) {
            reader.error(value, std::string(role.name) +
                                    " must be a key name or a list of key names, not " +
                                    describe(value));
            continue;
        }
        const std::vector<ConfigNode> single{value};
        const auto& names = value.kind == ConfigNode::Kind::list ? value.items : single;
        if (names.empty() && role.name == "button") {
            reader.error(value, "button needs at least one key, or the kiosk cannot be started");
            continue;
        }
        std::vector<std::string> chosen;
        for (const ConfigNode& name_node : names) {
            const auto name = read_text(reader, Field{"a key name", &name_node, &name_node});
            if (!name) {
                continue;
            }
            const auto canonical = canonical_key_name(*name);
            if (!canonical) {
                const std::string hint = did_you_mean(*name, known_key_names());
                reader.error(name_node, quoted(*name) + " is not a key name" +
                                            (hint.empty() ? "; use SDL key names such as Space, "
                                                            "Return, Right or Gamepad A"
                                                          : hint));
                continue;
            }
            const std::string job = std::string(role.name) + " key";
            const auto [owner, added] = roles_by_key.emplace(*canonical, job);
            if (!added && owner->second != job) {
                reader.error(name_node, *canonical + " is already the " + owner->second +
                                            "; give each key one job");
                continue;
            }
            if (std::find(chosen.begin(), chosen.end(), *canonical) == chosen.end()) {
                chosen.push_back(*canonical);
            }
        }
        auto& target = role.name == "button" ? keys.button
                       : role.name == "skip" ? keys.skip
                                             : keys.stop;
        target = std::move(chosen);
    }
}

}  // namespace sk
