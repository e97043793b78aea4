#include "app/system/status_request.hpp"

#include <csignal>

namespace sk {
namespace {

volatile std::sig_atomic_t requested = 0;

void on_request(int) {
    requested = 1;
}

}  // namespace

void listen_for_status_requests() {
    struct sigaction action {};
    action.sa_handler = on_request;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGUSR1, &action, nullptr);
}

bool status_requested() {
    if (requested == 0) {
        return false;
    }
    requested = 0;
    return true;
}

}  // namespace sk
