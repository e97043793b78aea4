// config_schedule: the `schedule:` section, with its times and days.
#include <algorithm>
#include <array>
#include <map>

#include "core/config/sections.hpp"
#include "core/time/duration_text.hpp"

namespace sk {
namespace {

constexpr std::array<std::string_view, 8> entry_keys = {
    "name", "time", "days", "routine", "theme", "volume", "voice", "skip_stretches"};
constexpr std::array<std::string_view, 2> theme_names = {"day", "night"};

// Every word `days:` understands, in the order a suggestion should prefer them.
constexpr std::array<std::string_view, 17> day_words = {
    "daily", "weekdays", "weekends", "mon",       "tue",      "wed",    "thu",      "fri",   "sat",
    "sun",   "monday",   "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday"};

std::optional<Weekdays> day_set(std::string_view word) {
    std::string lower(word);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    const auto found = std::find(day_words.begin(), day_words.end(), lower);
    if (found == day_words.end()) {
        return std::nullopt;
    }
    const auto index = found - day_words.begin();
    Weekdays days;
    const auto add_range = [&](int first, int last) {
        for (int day = first; day <= last; ++day) {
            days.insert(static_cast<Weekday>(day));
        }
    };
    if (index == 0) {
        add_range(0, 6);
    } else if (index == 1) {
        add_range(0, 4);
    } else if (index == 2) {
        add_range(5, 6);
    } else {
        days.insert(static_cast<Weekday>((index - 3) % 7));
    }
    return days;
}

std::optional<Weekdays> read_day_word(ConfigReader& reader, const ConfigNode& node) {
    if (node.kind != ConfigNode::Kind::text) {
        reader.error(node, "each day must be a day name such as mon, not " + describe(node));
        return std::nullopt;
    }
    const auto days = day_set(node.text);
    if (!days) {
        const std::string hint = did_you_mean(node.text, day_words);
        reader.error(node, "unknown day " + quoted(node.text) +
                               (hint.empty() ? "; use daily, weekdays, weekends or day names "
                                               "such as mon or monday"
                                             : hint));
    }
    return days;
}

std::optional<Weekdays> read_days(ConfigReader& reader, const Field& field) {
    if (!has_value(reader, field)) {
        return std::nullopt;
    }
    const ConfigNode& value = *field.value;
    if (value.kind == ConfigNode::Kind::text) {
        return read_day_word(reader, value);
    }
    if (value.kind != ConfigNode::Kind::list) {
        reader.error(value,
                     "days must be daily, weekdays, weekends, a day name or a list of "
                     "day names, not " +
                         describe(value));
        return std::nullopt;
    }
    if (value.items.empty()) {
        reader.error(value,
                     "days is an empty list, so this entry would never happen; add a day "
                     "or write daily");
        return std::nullopt;
    }
    Weekdays days;
    bool all_read = true;
    for (const ConfigNode& item : value.items) {
        if (const auto more = read_day_word(reader, item)) {
            days.bits = static_cast<std::uint8_t>(days.bits | more->bits);
        } else {
            all_read = false;
        }
    }
    return all_read ? std::optional(days) : std::nullopt;
}

std::optional<std::string> read_routine_name(ConfigReader& reader, const Field& field,
                                             const std::vector<Routine>& routines) {
    auto name = read_text(reader, field);
    // With no routines at all, that is the problem, and it is reported there.
    if (!name || routines.empty()) {
        return name;
    }
    std::vector<std::string_view> ids;
    for (const Routine& routine : routines) {
        if (routine.id == *name) {
            return name;
        }
        ids.push_back(routine.id);
    }
    const std::string hint = did_you_mean(*name, ids);
    reader.error(*field.value,
                 "unknown routine " + quoted(*name) +
                     (hint.empty() ? "; the routines are " + join_words(ids, "and") : hint));
    return std::nullopt;
}

// `name_node` is set to where the name was written, for telling of a repeated name.
// Whether skip_stretches (the top level's and the entry's) leave out every step of `routine`.
bool skips_everything(const Routine& routine, const std::vector<std::string>& skipped,
                      const std::vector<std::string>& also) {
    const auto named = [](const std::vector<std::string>& ids, const std::string& id) {
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    };
    return std::all_of(routine.steps.begin(), routine.steps.end(), [&](const RoutineStep& step) {
        return named(skipped, step.stretch) || named(also, step.stretch);
    });
}

ScheduleEntry read_entry(ConfigReader& reader, const ConfigNode& node,
                         const std::vector<Routine>& routines,
                         const std::vector<Stretch>& stretches,
                         const std::vector<std::string>& skipped, const ConfigNode*& name_node) {
    ScheduleEntry entry;
    const MapFields fields(reader, node, "in a schedule entry", entry_keys);
    if (const auto field = fields.require("name", "; add one such as name: Morning stretch")) {
        entry.name = read_short_text(reader, *field, longest_name).value_or("");
        name_node = field->value;
    }
    if (const auto field = fields.require("time", "; add one such as time: \"07:00\"")) {
        const std::string_view what = "a 24-hour time from 00:00 to 23:59 such as \"07:00\"";
        if (expect_kind(reader, *field, ConfigNode::Kind::text, what)) {
            if (const auto time = parse_time_of_day(field->value->text)) {
                entry.time = *time;
            } else {
                reader.error(*field->value, "time must be " + std::string(what) + ", not " +
                                                describe(*field->value));
            }
        }
    }
    if (const auto field = fields.require("days", "; add one such as days: daily")) {
        entry.days = read_days(reader, *field).value_or(Weekdays{});
    }
    if (const auto field = fields.require("routine", "; add one such as routine: full")) {
        entry.routine = read_routine_name(reader, *field, routines).value_or("");
    }
    if (const auto field = fields.get("theme")) {
        if (const auto theme = read_choice(reader, *field, theme_names)) {
            entry.theme = static_cast<Theme>(*theme);
        }
    }
    if (const auto field = fields.get("volume")) {
        if (const auto volume = read_int(reader, *field, 0, 100)) {
            entry.volume = Volume{*volume};
        }
    }
    if (const auto field = fields.get("voice")) {
        entry.voice = read_voice(reader, *field);
    }
    const auto skip_field = fields.get("skip_stretches");
    if (skip_field) {
        entry.skip_stretches = read_stretch_names(reader, *skip_field, stretches);
    }
    const auto routine = std::find_if(routines.begin(), routines.end(),
                                      [&](const Routine& r) { return r.id == entry.routine; });
    if (routine != routines.end() && !routine->steps.empty() &&
        skips_everything(*routine, skipped, entry.skip_stretches)) {
        const auto routine_field = fields.get("routine");
        reader.error(skip_field ? *skip_field->value : *routine_field->value,
                     "skip_stretches leaves routine " + quoted(routine->id) +
                         " with nothing to do; keep at least one of its stretches");
    }
    return entry;
}

}  // namespace

std::vector<ScheduleEntry> read_schedule(ConfigReader& reader, const Field& field,
                                         const std::vector<Routine>& routines,
                                         const std::vector<Stretch>& stretches,
                                         const std::vector<std::string>& skipped) {
    std::vector<ScheduleEntry> schedule;
    const ConfigNode& value = *field.value;
    if (value.kind == ConfigNode::Kind::empty ||
        (value.kind == ConfigNode::Kind::list && value.items.empty())) {
        reader.error(field.spot(), "the schedule is empty; add at least one entry");
        return schedule;
    }
    if (!expect_kind(reader, field, ConfigNode::Kind::list,
                     "a list of entries, each starting with -")) {
        return schedule;
    }
    std::map<std::string, int, std::less<>> name_lines;
    for (const ConfigNode& item : value.items) {
        if (item.kind != ConfigNode::Kind::map) {
            reader.error(item,
                         "each schedule entry must be a map with name, time, days and "
                         "routine, not " +
                             describe(item));
            continue;
        }
        const ConfigNode* name_node = nullptr;
        ScheduleEntry entry = read_entry(reader, item, routines, stretches, skipped, name_node);
        if (!entry.name.empty()) {
            const auto [seen, added] = name_lines.emplace(entry.name, name_node->line);
            if (!added) {
                reader.error(*name_node, "another schedule entry is already named " +
                                             quoted(entry.name) + " (on line " +
                                             std::to_string(seen->second) +
                                             "); give each entry its own name");
            }
        }
        schedule.push_back(std::move(entry));
    }
    return schedule;
}

}  // namespace sk
