// ScreenProgram: stretch-kiosk-screen, the program that draws, found and started in this one's
// place. stretch-kiosk itself links no SDL, so the modes that print and exit start in a few
// milliseconds; the modes that draw (the kiosk, one session, --render-screens) exec the screen
// program with the same arguments.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/config/parser.hpp"

namespace sk {

// Where the screen program may be, in the order tried, for this program at `self` (its path from
// /proc/self/exe): beside it (the build tree), then where the install put it relative to the
// program (any prefix, or a DESTDIR), then where it was configured to be installed.
std::vector<std::string> screen_program_candidates(const std::string& self);

// Replaces this process with the screen program, given `argv` as it is (the PID stays, so
// systemd's Type=notify and watchdog see the same process). Returns only when it cannot, after
// saying why on `err`, with the exit status (1: systemd restarts, and the journal says why).
int exec_screen_program(char** argv, std::ostream& err);

// The check of a picture file as the screen will draw it (SDL_image, which this program does not
// load): asks the screen program (`--check-picture`, the SVG on its standard input) and returns
// what it said was wrong, or nullopt. Only a config's own picture files need it; the built-in
// drawings are known good.
PictureDecoder screen_picture_check();

}  // namespace sk
