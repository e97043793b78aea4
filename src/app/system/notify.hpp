// Notifier: tells systemd how the service is doing (sd_notify): ready, alive, status, stopping.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/config/location.hpp"

namespace sk {

// How the messages travel: libsystemd's sd_notify when the program was built with it, or the
// built-in datagram sender (the same protocol, for builds without libsystemd).
enum class NotifyTransport { automatic, built_in };

// Whether NotifyTransport::automatic means libsystemd (SK_WITH_SYSTEMD found it at configure time).
bool built_with_libsystemd();

// Sends one notification datagram ("READY=1") to a $NOTIFY_SOCKET address: a socket path, or an
// abstract socket when it starts with '@'. Returns an empty string, or one sentence on failure.
std::string send_notify_datagram(std::string_view socket_address, std::string_view message);

// Under systemd with Type=notify, the service must say READY=1 once it is up, and, with
// WatchdogSec=, WATCHDOG=1 often enough or it is killed and restarted. Outside systemd (no
// $NOTIFY_SOCKET) every call does nothing. Never throws; a failed send is kept in last_error().
class Notifier {
  public:
    using Clock = std::chrono::steady_clock;

    // Reads $NOTIFY_SOCKET, $WATCHDOG_USEC and $WATCHDOG_PID from the real environment.
    explicit Notifier(NotifyTransport transport = NotifyTransport::automatic);
    // The same from `env`, for tests.
    Notifier(const EnvLookup& env, NotifyTransport transport);

    bool enabled() const { return !socket_.empty(); }

    void ready();                        // READY=1: startup is over
    void watchdog();                     // WATCHDOG=1: still alive
    void status(std::string_view text);  // STATUS=...: one line for `systemctl status`
    void stopping();                     // STOPPING=1: shutting down on purpose

    // $WATCHDOG_USEC, if the watchdog is on and meant for this process.
    std::optional<std::chrono::microseconds> watchdog_interval() const { return interval_; }
    // How often to send WATCHDOG=1: half the interval, and at least every 10 s.
    std::optional<Clock::duration> ping_period() const;
    // When WATCHDOG=1 is next due after one sent at `last_ping`; nullopt without a watchdog.
    // Pass the real steady clock: a sped-up demo clock would starve the watchdog.
    std::optional<Clock::time_point> next_ping_due(Clock::time_point last_ping) const;
    // Sends WATCHDOG=1 if one is due at `now` (or none was sent yet) and returns when the next is
    // due; nullopt without a watchdog. The loop calls this every time it wakes up.
    std::optional<Clock::time_point> keep_alive(Clock::time_point now);

    // The last failure to send, as one sentence; empty if none.
    const std::string& last_error() const { return last_error_; }

  private:
    void send(std::string_view message);

    std::string socket_;
    std::optional<std::chrono::microseconds> interval_;
    std::optional<Clock::time_point> last_ping_;
    NotifyTransport transport_;
    std::string last_error_;
};

}  // namespace sk
