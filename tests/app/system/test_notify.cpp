#include <poll.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "app/system/notify.hpp"
#include "catch.hpp"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// A stand-in for systemd's end of $NOTIFY_SOCKET: a bound datagram socket, by path or abstract.
class FakeNotifySocket {
  public:
    enum class Kind { path, abstract };

    explicit FakeNotifySocket(Kind kind) {
        static int counter = 0;
        std::string unique =
            "sk-notify-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
        if (kind == Kind::path) {
            dir_ = (fs::temp_directory_path() / (unique + "-XXXXXX")).string();
            REQUIRE(::mkdtemp(dir_.data()) != nullptr);
            address_ = dir_ + "/notify";
        } else {
            address_ = "@" + unique;
        }
        fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        REQUIRE(fd_ >= 0);
        sockaddr_un bound{};
        bound.sun_family = AF_UNIX;
        std::memcpy(bound.sun_path, address_.data(), address_.size());
        if (kind == Kind::abstract) {
            bound.sun_path[0] = '\0';
        }
        auto length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + address_.size());
        REQUIRE(::bind(fd_, reinterpret_cast<const sockaddr*>(&bound), length) == 0);
    }
    FakeNotifySocket(const FakeNotifySocket&) = delete;
    FakeNotifySocket& operator=(const FakeNotifySocket&) = delete;
    ~FakeNotifySocket() {
        ::close(fd_);
        if (!dir_.empty()) {
            std::error_code ignored;
            fs::remove_all(dir_, ignored);
        }
    }

    const std::string& address() const { return address_; }

    // Every datagram waiting now, in order. The sends are synchronous: nothing is in flight.
    std::vector<std::string> received() {
        std::vector<std::string> messages;
        pollfd ready{fd_, POLLIN, 0};
        while (::poll(&ready, 1, 0) == 1) {
            char buffer[4096];
            ssize_t count = ::recv(fd_, buffer, sizeof buffer, 0);
            REQUIRE(count >= 0);
            messages.emplace_back(buffer, static_cast<std::size_t>(count));
        }
        return messages;
    }

  private:
    std::string dir_;
    std::string address_;
    int fd_ = -1;
};

sk::EnvLookup fake_env(std::map<std::string, std::string> values) {
    return [values](const char* name) -> std::optional<std::string> {
        auto it = values.find(name);
        return it == values.end() ? std::nullopt : std::optional(it->second);
    };
}

}  // namespace

TEST_CASE("the built-in sender delivers to path and abstract sockets") {
    auto kind = GENERATE(FakeNotifySocket::Kind::path, FakeNotifySocket::Kind::abstract);
    FakeNotifySocket socket(kind);
    CAPTURE(socket.address());
    CHECK(sk::send_notify_datagram(socket.address(), "READY=1") == "");
    CHECK(sk::send_notify_datagram(socket.address(), "STATUS=Waiting for 07:00") == "");
    CHECK(socket.received() == std::vector<std::string>{"READY=1", "STATUS=Waiting for 07:00"});
}

TEST_CASE("the built-in sender explains an address it cannot use") {
    std::string long_path = "/" + std::string(120, 'x');
    auto [address, error] = GENERATE_COPY(table<std::string, std::string>({
        {"", "cannot use the notify socket '': it is not a socket path"},
        {"vsock:2:1234", "cannot use the notify socket 'vsock:2:1234': it is not a socket path"},
        {long_path, "cannot use the notify socket '" + long_path + "': the path is too long"},
        {"/nonexistent/sk/notify",
         "cannot send to the notify socket '/nonexistent/sk/notify': No such file or directory"},
    }));
    CHECK(sk::send_notify_datagram(address, "READY=1") == error);
}

TEST_CASE("the notifier sends each state as systemd expects") {
    FakeNotifySocket socket(FakeNotifySocket::Kind::path);
    sk::Notifier notifier(fake_env({{"NOTIFY_SOCKET", socket.address()}}),
                          sk::NotifyTransport::built_in);
    CHECK(notifier.enabled());
    notifier.ready();
    notifier.status("Next: Morning stretch\nat 07:00");
    notifier.watchdog();
    notifier.stopping();
    CHECK(socket.received() == std::vector<std::string>{"READY=1",
                                                        "STATUS=Next: Morning stretch at 07:00",
                                                        "WATCHDOG=1", "STOPPING=1"});
    CHECK(notifier.last_error() == "");
}

TEST_CASE("the automatic transport reaches the same socket") {
    // With libsystemd this is sd_notify, which reads the real environment.
    INFO("built with libsystemd: " << sk::built_with_libsystemd());
    FakeNotifySocket socket(FakeNotifySocket::Kind::abstract);
    REQUIRE(::setenv("NOTIFY_SOCKET", socket.address().c_str(), 1) == 0);
    sk::Notifier notifier;
    notifier.ready();
    notifier.watchdog();
    ::unsetenv("NOTIFY_SOCKET");
    CHECK(socket.received() == std::vector<std::string>{"READY=1", "WATCHDOG=1"});
    CHECK(notifier.last_error() == "");
}

TEST_CASE("outside systemd the notifier does nothing") {
    sk::Notifier notifier(fake_env({}), sk::NotifyTransport::built_in);
    CHECK_FALSE(notifier.enabled());
    notifier.ready();
    notifier.watchdog();
    CHECK(notifier.last_error() == "");
    CHECK_FALSE(notifier.watchdog_interval());
}

TEST_CASE("a socket that went away is reported, not fatal") {
    sk::Notifier notifier(fake_env({{"NOTIFY_SOCKET", "/nonexistent/sk/notify"}}),
                          sk::NotifyTransport::built_in);
    notifier.ready();
    CHECK(notifier.last_error() ==
          "cannot send to the notify socket '/nonexistent/sk/notify': No such file or directory");
}

TEST_CASE("the watchdog interval comes from WATCHDOG_USEC for this process only") {
    std::string own_pid = std::to_string(::getpid());
    auto [usec, pid, interval, period] =
        GENERATE_COPY(table<std::string, std::string, std::optional<std::chrono::microseconds>,
                            std::optional<std::chrono::milliseconds>>({
            {"30000000", "", 30s, 10s},
            {"4000000", "", 4s, 2s},
            {"4000000", own_pid, 4s, 2s},
            {"4000000", "1", std::nullopt, std::nullopt},
            {"4000000", "x", std::nullopt, std::nullopt},
            {"0", "", std::nullopt, std::nullopt},
            {"12abc", "", std::nullopt, std::nullopt},
            {"-5", "", std::nullopt, std::nullopt},
            {"", "", std::nullopt, std::nullopt},
        }));
    std::map<std::string, std::string> env{{"NOTIFY_SOCKET", "@unused"}, {"WATCHDOG_USEC", usec}};
    if (!pid.empty()) {
        env["WATCHDOG_PID"] = pid;
    }
    CAPTURE(usec, pid);
    sk::Notifier notifier(fake_env(env), sk::NotifyTransport::built_in);
    CHECK(notifier.watchdog_interval() == interval);
    CHECK(notifier.ping_period() == period);
}

TEST_CASE("keep_alive pings when due, on the time it is given") {
    FakeNotifySocket socket(FakeNotifySocket::Kind::abstract);
    sk::Notifier notifier(
        fake_env({{"NOTIFY_SOCKET", socket.address()}, {"WATCHDOG_USEC", "30000000"}}),
        sk::NotifyTransport::built_in);
    const sk::Notifier::Clock::time_point start{1000s};

    CHECK(notifier.next_ping_due(start) == start + 10s);
    CHECK(notifier.keep_alive(start) == start + 10s);
    CHECK(socket.received() == std::vector<std::string>{"WATCHDOG=1"});
    CHECK(notifier.keep_alive(start + 9s) == start + 10s);
    CHECK(socket.received().empty());
    CHECK(notifier.keep_alive(start + 12s) == start + 22s);
    CHECK(socket.received() == std::vector<std::string>{"WATCHDOG=1"});
}

TEST_CASE("without a watchdog nothing is ever due") {
    FakeNotifySocket socket(FakeNotifySocket::Kind::abstract);
    sk::Notifier notifier(fake_env({{"NOTIFY_SOCKET", socket.address()}}),
                          sk::NotifyTransport::built_in);
    const sk::Notifier::Clock::time_point start{1000s};
    CHECK_FALSE(notifier.next_ping_due(start));
    CHECK_FALSE(notifier.keep_alive(start));
    CHECK(socket.received().empty());
}
