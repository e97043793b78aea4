// config: look-ups into a validated Config.
#include "core/model/config.hpp"

#include <algorithm>

namespace sk {
namespace {

template <typename Item, typename Key>
const Item* find_by(const std::vector<Item>& items, std::string_view wanted, Key key) {
    auto found = std::find_if(items.begin(), items.end(),
                              [&](const Item& item) { return item.*key == wanted; });
    return found == items.end() ? nullptr : &*found;
}

}  // namespace

VoiceSettings VoiceOverride::applied_to(VoiceSettings settings) const {
    settings.enabled = enabled.value_or(settings.enabled);
    settings.voice = voice.value_or(settings.voice);
    settings.words_per_minute = words_per_minute.value_or(settings.words_per_minute);
    settings.volume = volume.value_or(settings.volume);
    return settings;
}

const Stretch* Config::find_stretch(std::string_view id) const {
    return find_by(stretches, id, &Stretch::id);
}

const Routine* Config::find_routine(std::string_view id) const {
    return find_by(routines, id, &Routine::id);
}

const ScheduleEntry* Config::find_entry(std::string_view name) const {
    return find_by(schedule, name, &ScheduleEntry::name);
}

Routine Config::routine_for(const Routine& routine, const ScheduleEntry* entry) const {
    auto skipped = [&](const RoutineStep& step) {
        const auto named = [&](const std::vector<std::string>& ids) {
            return std::find(ids.begin(), ids.end(), step.stretch) != ids.end();
        };
        return named(skip_stretches) || (entry != nullptr && named(entry->skip_stretches));
    };
    Routine kept = routine;
    std::erase_if(kept.steps, skipped);
    return kept;
}

}  // namespace sk
