// Hangup: SIGHUP ends the kiosk the way SIGTERM does, so the session in progress is recorded.
#pragma once

namespace sk {

// SDL turns only SIGTERM and SIGINT into SDL_QUIT; a hangup would end the program at once,
// leaving a session begun and never closed. The service runs on tty1 with TTYVHangup=yes, so a
// hangup of that terminal is a real event. Call after SDL is initialised (its SIGTERM handler is
// what the hangup is passed on to). A hangup already ignored (nohup) stays ignored.
void quit_on_hangup();

// Whether a hangup arrived: the log says why the kiosk is ending.
bool hangup_received();

}  // namespace sk
