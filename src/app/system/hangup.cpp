#include "app/system/hangup.hpp"

#include <csignal>

namespace sk {
namespace {

volatile std::sig_atomic_t hangup_seen = 0;

// Async-signal-safe: sets a flag and raises SIGTERM, whose handler (SDL's) queues SDL_QUIT.
void on_hangup(int) {
    hangup_seen = 1;
    std::raise(SIGTERM);
}

}  // namespace

void quit_on_hangup() {
    struct sigaction current {};
    if (sigaction(SIGHUP, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) {
        return;  // started under nohup: the hangup is meant to be ignored (SDL does the same)
    }
    struct sigaction action {};
    action.sa_handler = on_hangup;
    sigemptyset(&action.sa_mask);
    sigaction(SIGHUP, &action, nullptr);
}

bool hangup_received() {
    return hangup_seen != 0;
}

}  // namespace sk
