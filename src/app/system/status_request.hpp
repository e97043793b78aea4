// StatusRequest: SIGUSR1 asks the running kiosk to log what it holds (for field checks and soaks).
#pragma once

namespace sk {

// `kill -USR1 $(pidof stretch-kiosk)` then makes the kiosk log one line at its next turn (within
// a second): textures, fonts, records. Its default action would end the program.
void listen_for_status_requests();

// Whether SIGUSR1 arrived since the last call.
bool status_requested();

}  // namespace sk
