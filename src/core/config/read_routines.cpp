// config_routines: the `stretches:` and `routines:` sections.
#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <span>

#include "core/config/picture_file.hpp"
#include "core/config/sections.hpp"

namespace sk {
namespace {

using namespace std::chrono_literals;

constexpr std::array<std::string_view, 11> stretch_keys = {
    "title", "steps",    "per_leg",   "caution",      "cue",  "picture",
    "needs", "position", "get_ready", "switch_sides", "ready"};
// In the order of enum class Position, after unknown.
constexpr std::array<std::string_view, 3> position_names = {"standing", "seated", "lying"};
// In the order of enum class ReadyMode.
constexpr std::array<std::string_view, 2> ready_names = {"timed", "press"};
// In the order of enum class Equipment.
constexpr std::array<std::string_view, 5> need_names = {"chair", "two_chairs", "towel", "wall",
                                                        "mat"};
constexpr std::array<std::string_view, 3> routine_keys = {"title", "steps", "ready"};
constexpr std::array<std::string_view, 6> step_keys = {"stretch", "hold",        "hold_max",
                                                       "sides",   "repetitions", "rest"};
constexpr std::array<std::string_view, 3> side_names = {"both", "left", "right"};
constexpr std::size_t most_lines = 6;  // what fits on the screen beside the countdown

// A map of id -> settings; nullptr (reported) when it is not a map or has nothing in it.
const ConfigNode* section_map(ConfigReader& reader, const Field& field, std::string_view one) {
    if (field.value->kind == ConfigNode::Kind::empty ||
        (field.value->kind == ConfigNode::Kind::map && field.value->keys.empty())) {
        reader.error(field.spot(), std::string(field.name) + " is empty; add a " +
                                       std::string(one) +
                                       ", or remove the line to use the built-in ones");
        return nullptr;
    }
    if (!expect_kind(reader, field, ConfigNode::Kind::map,
                     "a map of " + std::string(field.name) + " by name")) {
        return nullptr;
    }
    return field.value;
}

std::vector<std::string> read_lines(ConfigReader& reader, const Field& field) {
    std::vector<std::string> lines;
    if (!expect_kind(reader, field, ConfigNode::Kind::list, "a list of short lines")) {
        return lines;
    }
    const auto& items = field.value->items;
    if (items.empty()) {
        reader.error(*field.value,
                     "steps is empty; add 1 to " + std::to_string(most_lines) + " short lines");
        return lines;
    }
    if (items.size() > most_lines) {
        reader.error(*field.value, "steps has " + std::to_string(items.size()) +
                                       " lines; keep it to " + std::to_string(most_lines) +
                                       " so they fit on the screen");
        return lines;
    }
    for (const ConfigNode& item : items) {
        if (auto line = read_short_text(reader, Field{"a step", &item, &item}, longest_line)) {
            lines.push_back(std::move(*line));
        }
    }
    return lines;
}

// The picture files one config names, each read and checked once: what was wrong with it, if
// anything. Reading and decoding costs milliseconds a file, so a config may name only so many.
struct PictureFiles {
    static constexpr std::size_t most = 32;
    const PictureCheck& check;
    std::map<std::string, std::optional<std::string>, std::less<>> problems;
};

// What is wrong with the picture file at `path` (`value` as written), or nullopt.
std::optional<std::string> picture_file_problem(PictureFiles& files, const std::string& path,
                                                const std::string& value) {
    if (const auto seen = files.problems.find(path); seen != files.problems.end()) {
        return seen->second;
    }
    if (files.problems.size() >= PictureFiles::most) {
        return "is one picture file too many: a config can show at most " +
               std::to_string(PictureFiles::most);
    }
    std::string svg;
    auto problem = read_picture_file(path, svg);
    if (problem && path != value && problem->starts_with("cannot be opened")) {
        *problem += " (looked for " + path + ")";
    }
    if (!problem && files.check.decode) {
        problem = files.check.decode(svg);
    }
    files.problems.emplace(path, problem);
    return problem;
}

// A built-in picture by its name, or an SVG file (relative to the config's folder) read and
// checked now, so that a missing or broken one is reported here rather than left out unseen.
Picture read_picture(ConfigReader& reader, const Field& field, PictureFiles& files) {
    const auto value = read_text(reader, field);
    if (!value) {
        return {};
    }
    if (!names_svg_file(*value)) {
        const auto names = built_in_picture_names();
        const auto same_letters = [](char a, char b) {
            return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
        };
        for (const std::string_view name : names) {
            if (std::equal(value->begin(), value->end(), name.begin(), name.end(), same_letters)) {
                return {Picture::Source::built_in, std::string(name)};
            }
        }
        reader.error(*field.value, "unknown picture " + quoted(*value) +
                                       did_you_mean(*value, names) + "; name a built-in picture (" +
                                       join_words(names, "or") + ") or an SVG file ending in .svg");
        return {};
    }
    const std::string path = picture_path(*value, files.check.folder.value_or(""));
    if (const auto problem = picture_file_problem(files, path, *value)) {
        reader.error(*field.value, "picture '" + *value + "' " + *problem);
        return {};
    }
    return {Picture::Source::file, path};
}

// The items of a list, or the one text written without brackets (`needs: towel`); none, reported
// as not `expected`, for anything else.
std::span<const ConfigNode> list_or_one(ConfigReader& reader, const Field& field,
                                        const std::string& expected) {
    if (field.value->kind == ConfigNode::Kind::text) {
        return {field.value, 1};
    }
    if (!expect_kind(reader, field, ConfigNode::Kind::list, expected)) {
        return {};
    }
    return field.value->items;
}

// `needs: [towel]` (or `needs: towel`): each a name from need_names, once.
std::vector<Equipment> read_needs(ConfigReader& reader, const Field& field) {
    std::vector<Equipment> needs;
    if (!has_value(reader, field)) {
        return needs;
    }
    const auto items =
        list_or_one(reader, field, "a list such as [towel] of " + join_words(need_names, "or"));
    for (const ConfigNode& item : items) {
        const auto text = read_text(reader, Field{"a need", &item, &item});
        if (!text) {
            continue;
        }
        const auto found = std::find(need_names.begin(), need_names.end(), *text);
        if (found == need_names.end()) {
            const std::string hint = did_you_mean(*text, need_names);
            reader.error(item, "unknown need " + quoted(*text) + hint + "; a stretch can need " +
                                   join_words(need_names, "or"));
            continue;
        }
        const auto need = static_cast<Equipment>(found - need_names.begin());
        if (std::find(needs.begin(), needs.end(), need) != needs.end()) {
            reader.error(item, quoted(*text) + " is already in needs; list each thing once");
            continue;
        }
        needs.push_back(need);
    }
    return needs;
}

Stretch read_stretch(ConfigReader& reader, const ConfigNode& key, const ConfigNode& value,
                     PictureFiles& pictures) {
    Stretch stretch;
    stretch.id = key.text;
    short_enough(reader, key, "the stretch name " + quoted(key.text), longest_name);
    if (!expect_kind(reader, Field{key.text, &key, &value}, ConfigNode::Kind::map,
                     "a map with title and steps")) {
        return stretch;
    }
    const MapFields fields(reader, value, "in stretch " + quoted(key.text), stretch_keys);
    if (const auto field = fields.require("title", "; add a title: for the screen")) {
        stretch.title = read_short_text(reader, *field, longest_name).value_or("");
    }
    if (const auto field = fields.require("steps", "; add steps: with 1 to 6 short lines")) {
        stretch.steps = read_lines(reader, *field);
    }
    if (const auto field = fields.get("per_leg")) {
        const bool per_leg = read_bool(reader, *field).value_or(false);
        stretch.laterality = per_leg ? Laterality::per_leg : Laterality::both_legs;
    }
    if (const auto field = fields.get("caution")) {
        stretch.caution = read_short_text(reader, *field, longest_caution).value_or("");
    }
    if (const auto field = fields.get("cue")) {
        stretch.cue = read_short_text(reader, *field, longest_line).value_or("");
    }
    if (const auto field = fields.get("picture")) {
        stretch.picture = read_picture(reader, *field, pictures);
    }
    if (const auto field = fields.get("needs")) {
        stretch.needs = read_needs(reader, *field);
    }
    if (const auto field = fields.get("position")) {
        if (const auto position = read_choice(reader, *field, position_names)) {
            stretch.position = static_cast<Position>(*position + 1);
        }
    }
    if (const auto field = fields.get("get_ready")) {
        stretch.get_ready = read_duration(reader, *field, 0s, 2min);
    }
    if (const auto field = fields.get("switch_sides")) {
        stretch.switch_sides = read_duration(reader, *field, 0s, 1min);
    }
    if (const auto field = fields.get("ready")) {
        if (const auto ready = read_choice(reader, *field, ready_names)) {
            stretch.ready = static_cast<ReadyMode>(*ready);
        }
    }
    return stretch;
}

std::string unknown_stretch(const std::string& name, const std::vector<Stretch>& stretches) {
    std::vector<std::string_view> ids;
    for (const Stretch& stretch : stretches) {
        ids.push_back(stretch.id);
    }
    const std::string hint = did_you_mean(name, ids);
    return "unknown stretch " + quoted(name) +
           (hint.empty() ? "; the stretches are " + join_words(ids, "and") : hint);
}

RoutineStep read_step(ConfigReader& reader, const ConfigNode& node, const std::string& routine_id,
                      const std::vector<Stretch>& stretches) {
    RoutineStep step;
    if (node.kind != ConfigNode::Kind::map) {
        reader.error(node, "each step of a routine must be a map starting with stretch:, not " +
                               describe(node));
        return step;
    }
    const MapFields fields(reader, node, "in a step of routine " + quoted(routine_id), step_keys);
    const Stretch* stretch = nullptr;
    if (const auto field = fields.require("stretch", "; add stretch: with a name from stretches")) {
        if (auto name = read_text(reader, *field)) {
            step.stretch = *name;
            const auto found = std::find_if(stretches.begin(), stretches.end(),
                                            [&](const Stretch& s) { return s.id == *name; });
            // With no stretches at all, that is the problem, and it is reported there.
            if (found == stretches.end() && !stretches.empty()) {
                reader.error(*field->value, unknown_stretch(*name, stretches));
            } else if (found != stretches.end()) {
                stretch = &*found;
            }
        }
    }
    const auto hold_field = fields.get("hold");
    const auto hold = hold_field ? read_duration(reader, *hold_field, 10s, 5min) : step.hold;
    step.hold = hold.value_or(step.hold);
    step.hold_max = step.hold;
    if (const auto field = fields.get("hold_max")) {
        const auto hold_max = read_duration(reader, *field, 10s, 5min);
        if (hold_max && hold && *hold_max < *hold) {
            reader.error(*field->value, "hold_max (" + config_duration_text(*hold_max) +
                                            ") is shorter than hold (" +
                                            config_duration_text(*hold) +
                                            "); make it at least as long");
        }
        step.hold_max = hold_max.value_or(step.hold);
    }
    if (const auto field = fields.get("sides")) {
        if (const auto side = read_choice(reader, *field, side_names)) {
            step.sides = static_cast<SideSelection>(*side);
            if (stretch != nullptr && stretch->laterality != Laterality::per_leg) {
                reader.error(*field->key,
                             "sides is only for a stretch done one leg at a time, and " +
                                 quoted(stretch->id) +
                                 " is not; remove sides, or set per_leg: true on it");
            }
        }
    }
    if (const auto field = fields.get("repetitions")) {
        step.repetitions = read_int(reader, *field, 1, 10).value_or(step.repetitions);
    }
    if (const auto field = fields.get("rest")) {
        step.rest = read_duration(reader, *field, 0s, 5min).value_or(step.rest);
    }
    return step;
}

Routine read_routine(ConfigReader& reader, const ConfigNode& key, const ConfigNode& value,
                     const std::vector<Stretch>& stretches) {
    Routine routine;
    routine.id = key.text;
    routine.title = key.text;  // shown when there is no title
    short_enough(reader, key, "the routine name " + quoted(key.text), longest_name);
    if (!expect_kind(reader, Field{key.text, &key, &value}, ConfigNode::Kind::map,
                     "a map with a list of steps")) {
        return routine;
    }
    const MapFields fields(reader, value, "in routine " + quoted(key.text), routine_keys);
    if (const auto field = fields.get("title")) {
        routine.title = read_short_text(reader, *field, longest_name).value_or(routine.title);
    }
    if (const auto field = fields.get("ready")) {
        if (const auto ready = read_choice(reader, *field, ready_names)) {
            routine.ready = static_cast<ReadyMode>(*ready);
        }
    }
    if (const auto field = fields.require("steps", "; add steps: with at least one stretch")) {
        if (!expect_kind(reader, *field, ConfigNode::Kind::list, "a list of stretches")) {
            return routine;
        }
        if (field->value->items.empty()) {
            reader.error(*field->value, "steps is empty; add at least one stretch");
        }
        for (const ConfigNode& item : field->value->items) {
            routine.steps.push_back(read_step(reader, item, routine.id, stretches));
        }
    }
    return routine;
}

}  // namespace

std::vector<Stretch> read_stretches(ConfigReader& reader, const Field& field,
                                    const PictureCheck& pictures) {
    std::vector<Stretch> stretches;
    const ConfigNode* map = section_map(reader, field, "stretch");
    if (map == nullptr) {
        return stretches;
    }
    PictureFiles files{pictures, {}};
    const MapFields fields(reader, *map, "in stretches", {});
    for (const Field& stretch : fields.fields()) {
        stretches.push_back(read_stretch(reader, *stretch.key, *stretch.value, files));
    }
    return stretches;
}

std::vector<std::string> read_stretch_names(ConfigReader& reader, const Field& field,
                                            const std::vector<Stretch>& stretches) {
    std::vector<std::string> names;
    if (!has_value(reader, field)) {
        return names;
    }
    for (const ConfigNode& item :
         list_or_one(reader, field, "a list of stretch names such as [standing]")) {
        const auto name = read_text(reader, Field{"a stretch name", &item, &item});
        if (!name) {
            continue;
        }
        const bool known = std::any_of(stretches.begin(), stretches.end(),
                                       [&](const Stretch& s) { return s.id == *name; });
        if (!known) {
            reader.error(item, unknown_stretch(*name, stretches));
        } else if (std::find(names.begin(), names.end(), *name) != names.end()) {
            reader.error(item, quoted(*name) + " is already in " + std::string(field.name) +
                                   "; list each stretch once");
        } else {
            names.push_back(*name);
        }
    }
    return names;
}

std::vector<Routine> read_routines(ConfigReader& reader, const Field& field,
                                   const std::vector<Stretch>& stretches) {
    std::vector<Routine> routines;
    const ConfigNode* map = section_map(reader, field, "routine");
    if (map == nullptr) {
        return routines;
    }
    const MapFields fields(reader, *map, "in routines", {});
    for (const Field& routine : fields.fields()) {
        routines.push_back(read_routine(reader, *routine.key, *routine.value, stretches));
    }
    return routines;
}

}  // namespace sk
