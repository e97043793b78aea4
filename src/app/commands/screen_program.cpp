#include "app/commands/screen_program.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <ostream>

#include "app/commands/build_info.hpp"
#include "app/commands/timer_install.hpp"
#include "core/cli/command_line.hpp"
#include "core/files/file_io.hpp"

extern char** environ;

namespace sk {
namespace {

// Closes a descriptor once, at the end of its scope.
struct ClosedAtEnd {
    int fd = -1;
    ~ClosedAtEnd() { close_now(); }
    void close_now() {
        if (fd >= 0) {
            ::close(fd);
            fd = -1;
        }
    }
};

std::optional<std::string> ask_screen_program(std::string_view svg) {
    const std::string self = own_program_path("stretch-kiosk");
    std::string program;
    for (const std::string& path : screen_program_candidates(self)) {
        if (::access(path.c_str(), X_OK) == 0) {
            program = path;
            break;
        }
    }
    if (program.empty()) {
        return "cannot be checked: there is no " + std::string(screen_program_name) + " beside " +
               self + " (reinstall stretch-kiosk)";
    }
    int to_child[2];
    int from_child[2];
    if (::pipe2(to_child, O_CLOEXEC) != 0) {
        return std::string("cannot be checked: ") + std::strerror(errno);
    }
    ClosedAtEnd write_end{to_child[1]};
    ClosedAtEnd child_in{to_child[0]};
    if (::pipe2(from_child, O_CLOEXEC) != 0) {
        return std::string("cannot be checked: ") + std::strerror(errno);
    }
    ClosedAtEnd read_end{from_child[0]};
    ClosedAtEnd child_out{from_child[1]};

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, to_child[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, from_child[1], STDOUT_FILENO);
    std::string flag = "--check-picture";
    char* child_argv[] = {program.data(), flag.data(), nullptr};
    pid_t child = 0;
    const int spawned =
        ::posix_spawn(&child, program.c_str(), &actions, nullptr, child_argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        return "cannot be checked: " + program + ": " + std::strerror(spawned);
    }
    child_in.close_now();
    child_out.close_now();

    // A screen program that ends before reading it all must not end this one (SIGPIPE).
    struct sigaction ignore {};
    struct sigaction before {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGPIPE, &ignore, &before);
    write_all(write_end.fd, svg);
    ::sigaction(SIGPIPE, &before, nullptr);
    write_end.close_now();

    std::string said;
    char buffer[512];
    for (;;) {
        const ssize_t got = ::read(read_end.fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got <= 0) {
            break;
        }
        said.append(buffer, static_cast<std::size_t>(got));
    }
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    while (!said.empty() && said.back() == '\n') {
        said.pop_back();
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        return std::nullopt;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 1 && !said.empty()) {
        return said;
    }
    return "cannot be checked: " + program + " --check-picture ended with status " +
           std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
}

}  // namespace

PictureDecoder screen_picture_check() {
    return ask_screen_program;
}

std::vector<std::string> screen_program_candidates(const std::string& self) {
    const std::filesystem::path dir = std::filesystem::path(self).parent_path();
    std::vector<std::string> candidates{
        (dir / screen_program_name).string(),
        (dir / screen_program_from_bindir).lexically_normal().string(),
    };
    if (std::find(candidates.begin(), candidates.end(), screen_program_installed) ==
        candidates.end()) {
        candidates.emplace_back(screen_program_installed);
    }
    return candidates;
}

int exec_screen_program(char** argv, std::ostream& err) {
    const std::string self = own_program_path("stretch-kiosk");
    for (const std::string& path : screen_program_candidates(self)) {
        ::execv(path.c_str(), argv);
        if (errno != ENOENT && errno != ENOTDIR) {
            err << "stretch-kiosk: cannot start the screen program " << path << ": "
                << std::strerror(errno) << '\n';
            return exit_failure;
        }
    }
    err << "stretch-kiosk: cannot start the screen: there is no " << screen_program_name
        << " beside " << self << " nor in "
        << std::filesystem::path(std::string(screen_program_installed)).parent_path().string()
        << " (reinstall stretch-kiosk)\n";
    return exit_failure;
}

}  // namespace sk
