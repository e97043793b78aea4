// ScreenSamples: one example of every screen the kiosk shows, made by the real core code, for
// --render-screens, the render tests and the documentation.
#pragma once

#include <string>
#include <vector>

#include "core/model/config.hpp"
#include "core/model/screen_view.hpp"
#include "core/session/speech.hpp"
#include "core/time/local_time.hpp"

namespace sk {

struct SampleScreen {
    std::string name;  // file name without ".png": "idle", "hold", "hold-night", ...
    ScreenView view;
    Utterance said;  // what the coach says on it (no phrases: it says nothing)
};

// Every screen at `now`, for `config` (its first schedule entry, its stretches), with the button
// called `button_name`: idle, due, get-ready, hold, switch-sides, rest, paused, done, done-confirm
// (a session that started by itself), done-partly and done-stopped (stopped by a long press after
// most of its holds, and early, each offering to carry on), error (a
// config error banner over the idle screen), the night theme's get-ready and hold, and for every
// stretch its own get-ready-<stretch> and hold-<stretch> (its key in `stretches:`, a '/' in it
// written '-'; a per-leg stretch on its left leg). A screen of a session comes with what is said
// as it begins.
std::vector<SampleScreen> sample_screens(const Config& config, const Zone& zone, SysSeconds now,
                                         const std::string& button_name);

}  // namespace sk
