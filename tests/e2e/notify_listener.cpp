// A stand-in for systemd's notify socket: binds a unix datagram socket at argv[1] and prints each
// message with the milliseconds since start, for argv[2] seconds. Used by e2e_notify.sh.
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: notify_listener SOCKET_PATH SECONDS\n");
        return 2;
    }
    int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, argv[1], sizeof address.sun_path - 1);
    ::unlink(argv[1]);
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        std::perror("notify_listener: bind");
        return 1;
    }
    std::printf("LISTENING\n");
    std::fflush(stdout);
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    const auto end = start + std::chrono::seconds(std::atoi(argv[2]));
    while (Clock::now() < end) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now());
        pollfd poll_fd{fd, POLLIN, 0};
        if (::poll(&poll_fd, 1, static_cast<int>(left.count())) <= 0) {
            continue;
        }
        char buffer[4096];
        ssize_t size = ::recv(fd, buffer, sizeof buffer - 1, 0);
        if (size <= 0) {
            continue;
        }
        auto at = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
        std::string message(buffer, static_cast<std::size_t>(size));
        for (char& c : message) {
            if (c == '\n') {
                c = ' ';
            }
        }
        std::printf("%lld %s\n", static_cast<long long>(at.count()), message.c_str());
        std::fflush(stdout);
    }
    ::close(fd);
    ::unlink(argv[1]);
    return 0;
}
