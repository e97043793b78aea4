// pacing: the get-ready and switch times of a stretch, and whether its hold waits for a press.
#include "core/session/pacing.hpp"

#include <algorithm>

namespace sk {
namespace {

using std::chrono::seconds;

// Where the body is before `before` (nullptr: at the screen, standing).
Position position_before(const Stretch* before) {
    return before == nullptr ? Position::standing : before->position;
}

bool to_or_from_the_floor(Position from, Position to) {
    return from != Position::unknown && to != Position::unknown && from != to &&
           (from == Position::lying || to == Position::lying);
}

seconds move_time(Position from, Position to) {
    if (from == Position::unknown || to == Position::unknown || from == to) {
        return seconds{0};
    }
    return to_or_from_the_floor(from, to) ? seconds{20} : seconds{5};
}

bool has_need(const Stretch& stretch, Equipment need) {
    return std::find(stretch.needs.begin(), stretch.needs.end(), need) != stretch.needs.end();
}

}  // namespace

seconds get_ready_time(const SessionSettings& settings, const Stretch& stretch,
                       const Stretch* before) {
    if (stretch.get_ready) {
        return *stretch.get_ready;
    }
    seconds time = settings.get_ready + move_time(position_before(before), stretch.position);
    for (const Equipment need : stretch.needs) {
        if (before == nullptr || !has_need(*before, need)) {
            time += need == Equipment::two_chairs ? seconds{10} : seconds{5};
        }
    }
    return time;
}

seconds switch_sides_time(const SessionSettings& settings, const Stretch& stretch) {
    if (stretch.switch_sides) {
        return *stretch.switch_sides;
    }
    if (has_need(stretch, Equipment::towel)) {
        return settings.switch_sides + seconds{10};
    }
    if (has_need(stretch, Equipment::two_chairs) || has_need(stretch, Equipment::chair)) {
        return settings.switch_sides + seconds{5};
    }
    return settings.switch_sides;
}

ReadyMode ready_mode(const Routine& routine, const Stretch& stretch, const Stretch* before) {
    if (stretch.ready) {
        return *stretch.ready;
    }
    if (routine.ready) {
        return *routine.ready;
    }
    return to_or_from_the_floor(position_before(before), stretch.position) ? ReadyMode::press
                                                                           : ReadyMode::timed;
}

}  // namespace sk
