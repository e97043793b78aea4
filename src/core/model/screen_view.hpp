// ScreenView: everything one frame shows, decided by the core; the renderer only draws it.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/model/config.hpp"

namespace sk {

enum class ScreenKind {
    idle,          // clock, next session, today's sessions, streak
    due,           // a scheduled session is waiting for the button
    get_ready,     // stretch name, its steps, its caution
    hold,          // the stretch, which leg, huge countdown, progress
    switch_sides,  // change legs
    rest,          // what comes next
    paused,
    done,  // what was done, the streak
    dark,  // nothing lit (a mirror between sessions)
};

// Which leg a hold works.
enum class Side { none, left, right };

// One line of a list on the screen (e.g. today's sessions), with a mark.
struct StatusLine {
    std::string text;
    enum class Mark { none, done, pending, missed } mark = Mark::none;
    bool operator==(const StatusLine&) const = default;
};

// The picture of a pose on the screen, and the leg it shows at work (none: both, or no leg marked).
struct PosePicture {
    Picture picture;
    Side side = Side::none;
    bool operator==(const PosePicture&) const = default;
};

struct ScreenView {
    ScreenKind kind = ScreenKind::idle;
    Theme theme = Theme::day;

    std::string heading;     // the stretch or session name; the clock on idle
    std::string subheading;  // date on idle; "Right leg" on a hold; ...
    Side side = Side::none;  // shown big and unmistakable when not none
    std::string phase;  // what the countdown counts: "Get ready", "Hold"; or what to do instead
    std::optional<int> big_number;  // countdown seconds left; none when not counting
    double progress = 0.0;          // 0..1 of the current phase; drawn as a bar or ring
    bool show_progress = false;
    std::vector<std::string> body;   // steps, or "Next: ..." lines
    std::vector<StatusLine> status;  // today's sessions on idle and done
    std::string caution;             // shown in the warning colour when not empty
    std::string hint;                // one line at the bottom: which key does what
    std::string banner;              // config error, shown over any screen; empty if none

    // The pose being done, or the one coming next; none when there is no picture to show.
    std::optional<PosePicture> picture;

    bool operator==(const ScreenView&) const = default;
};

}  // namespace sk
