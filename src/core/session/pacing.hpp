// Pacing: how long to get ready for a stretch and to change legs, sized to what the body must do.
#pragma once

#include <chrono>

#include "core/model/config.hpp"

namespace sk {

// How long a press-to-start get-ready waits for the press before the hold starts by itself: long
// enough to get down to the floor, or up from it, slowly and with a stiff back.
inline constexpr std::chrono::seconds press_timeout{120};

// The get-ready before `stretch` when `before` was done last (nullptr: the first stretch, begun
// standing at the screen). The stretch's own get_ready when it has one; else the session's
// get_ready for staying put, plus time for the move (5 s between standing and sitting, 20 s down
// to the floor or up from it) and for setting up what it needs that the stretch before did not
// (10 s to fetch a second chair, 5 s for anything else).
std::chrono::seconds get_ready_time(const SessionSettings& settings, const Stretch& stretch,
                                    const Stretch* before);

// The time to change legs in `stretch`: its own switch_sides, else the session's, plus 10 s to
// re-loop a towel, or 5 s to move a leg from one chair to the other.
std::chrono::seconds switch_sides_time(const SessionSettings& settings, const Stretch& stretch);

// Whether the get-ready before `stretch` waits for the button: the stretch's own `ready`, else the
// routine's, else a press for a move down to the floor or up from it, a timed one otherwise.
ReadyMode ready_mode(const Routine& routine, const Stretch& stretch, const Stretch* before);

}  // namespace sk
