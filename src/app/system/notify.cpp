#include "app/system/notify.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#ifdef SK_HAVE_LIBSYSTEMD
#include <systemd/sd-daemon.h>
#endif

namespace sk {
namespace {

using namespace std::chrono_literals;

// systemd's own advice is to ping at half the interval; 10 s also keeps a long interval lively.
constexpr auto longest_ping_period = 10s;

class Socket {
  public:
    Socket() : fd_(::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0)) {}
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    ~Socket() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    int get() const { return fd_; }

  private:
    int fd_;
};

std::optional<std::uint64_t> parse_unsigned(const std::string& text) {
    std::uint64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::chrono::microseconds> watchdog_from(const EnvLookup& env) {
    auto usec = env("WATCHDOG_USEC");
    if (!usec) {
        return std::nullopt;
    }
    auto value = parse_unsigned(*usec);
    if (!value || *value == 0 || *value > std::uint64_t{INT64_MAX}) {
        return std::nullopt;
    }
    // The variables are inherited: a child of the service must not think the watchdog is its.
    if (auto pid = env("WATCHDOG_PID")) {
        auto owner = parse_unsigned(*pid);
        if (!owner || *owner != static_cast<std::uint64_t>(::getpid())) {
            return std::nullopt;
        }
    }
    return std::chrono::microseconds(static_cast<std::int64_t>(*value));
}

std::optional<std::string> real_env(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::optional<std::string>(value) : std::nullopt;
}

}  // namespace

std::string send_notify_datagram(std::string_view socket_address, std::string_view message) {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::string shown = "the notify socket '" + std::string(socket_address) + "'";
    if (socket_address.empty() || (socket_address[0] != '/' && socket_address[0] != '@')) {
        return "cannot use " + shown + ": it is not a socket path";
    }
    if (socket_address.size() >= sizeof address.sun_path) {
        return "cannot use " + shown + ": the path is too long";
    }
    std::memcpy(address.sun_path, socket_address.data(), socket_address.size());
    if (socket_address[0] == '@') {
        address.sun_path[0] = '\0';  // the abstract namespace
    }
    auto length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + socket_address.size());

    Socket socket;
    if (socket.get() < 0) {
        return "cannot open a socket for " + shown + ": " + std::strerror(errno);
    }
    ssize_t sent = 0;
    do {
        sent = ::sendto(socket.get(), message.data(), message.size(), MSG_NOSIGNAL,
                        reinterpret_cast<const sockaddr*>(&address), length);
    } while (sent < 0 && errno == EINTR);
    if (sent < 0) {
        return "cannot send to " + shown + ": " + std::strerror(errno);
    }
    return {};
}

Notifier::Notifier(NotifyTransport transport) : Notifier(real_env, transport) {}

Notifier::Notifier(const EnvLookup& env, NotifyTransport transport)
    : socket_(env("NOTIFY_SOCKET").value_or("")),
      interval_(watchdog_from(env)),
      transport_(transport) {}

void Notifier::ready() {
    send("READY=1");
}

void Notifier::watchdog() {
    send("WATCHDOG=1");
}

void Notifier::status(std::string_view text) {
    // A line break would start another assignment: the status must stay one line.
    std::string line(text);
    std::replace_if(
        line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    send("STATUS=" + line);
}

void Notifier::stopping() {
    send("STOPPING=1");
}

std::optional<Notifier::Clock::duration> Notifier::ping_period() const {
    if (!interval_) {
        return std::nullopt;
    }
    return std::min<Clock::duration>(*interval_ / 2, longest_ping_period);
}

std::optional<Notifier::Clock::time_point> Notifier::next_ping_due(
    Clock::time_point last_ping) const {
    auto period = ping_period();
    if (!period) {
        return std::nullopt;
    }
    return last_ping + *period;
}

std::optional<Notifier::Clock::time_point> Notifier::keep_alive(Clock::time_point now) {
    if (!interval_) {
        return std::nullopt;
    }
    if (!last_ping_ || now >= *next_ping_due(*last_ping_)) {
        watchdog();
        last_ping_ = now;
    }
    return next_ping_due(*last_ping_);
}

void Notifier::send(std::string_view message) {
    if (socket_.empty()) {
        return;
    }
#ifdef SK_HAVE_LIBSYSTEMD
    if (transport_ == NotifyTransport::automatic) {
        // sd_notify reads $NOTIFY_SOCKET itself and speaks every address family systemd uses.
        std::string text(message);
        if (int status = sd_notify(0, text.c_str()); status < 0) {
            last_error_ = "cannot notify systemd: " + std::string(std::strerror(-status));
        }
        return;
    }
#endif
    if (std::string error = send_notify_datagram(socket_, message); !error.empty()) {
        last_error_ = error;
    }
}

bool built_with_libsystemd() {
#ifdef SK_HAVE_LIBSYSTEMD
    return true;
#else
    return false;
#endif
}

}  // namespace sk
