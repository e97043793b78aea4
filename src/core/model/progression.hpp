// Progression: how much practice lengthens a routine step's hold, and how far it may.
#pragma once

#include <algorithm>
#include <chrono>

#include "core/model/config.hpp"

namespace sk {

// The longest hold progression leads to, whatever hold_max says: the source's 30 to 60 s.
inline constexpr std::chrono::seconds max_progressed_hold{60};

// The most practice lengthens `step`'s hold to: its hold_max, never beyond 60 s, and never less
// than the hold it starts with (a longer hold than that is the user's own choice, kept as it is).
inline std::chrono::seconds progression_limit(const RoutineStep& step) {
    return std::max(step.hold, std::min(step.hold_max, max_progressed_hold));
}

// How many steps of `lengthen_by` bring `step` to its limit (0: it does not progress).
inline int progression_levels(const SessionSettings& settings, const RoutineStep& step) {
    if (settings.lengthen_by <= std::chrono::seconds{0} || settings.lengthen_every_days <= 0) {
        return 0;
    }
    const auto room = progression_limit(step) - step.hold;
    return static_cast<int>((room + settings.lengthen_by - std::chrono::seconds{1}) /
                            settings.lengthen_by);
}

// The hold for a step after `practice_days` (Stats::practice_days): `lengthen_by` more for every
// `lengthen_every` of them, up to progression_limit().
inline std::chrono::seconds progressed_hold(const SessionSettings& settings,
                                            const RoutineStep& step, int practice_days) {
    if (progression_levels(settings, step) == 0 || practice_days <= 0) {
        return step.hold;
    }
    const auto steps = practice_days / settings.lengthen_every_days;
    return std::min(progression_limit(step), step.hold + settings.lengthen_by * steps);
}

}  // namespace sk
