// Kiosk: the modes that need the screen (the kiosk itself, one session, rendering sample screens).
#pragma once

#include "core/cli/command_line.hpp"

namespace sk {

// The kiosk (Mode::kiosk) or one timer-started session (Mode::session_once). Returns the exit
// status: 0 after a clean quit (SIGTERM, SIGINT, SIGHUP), 1 when there is no display at all.
int run_kiosk(const Options& options);

// --render-screens DIR: every screen drawn to DIR/<screen>.png without a display.
int run_render_screens(const Options& options);

}  // namespace sk
