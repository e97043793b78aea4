#include "app/system/power_command.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>

extern char** environ;

namespace sk {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using namespace std::chrono_literals;

constexpr std::size_t kept_stderr_bytes = 1024;
constexpr std::size_t shown_stderr_characters = 160;
// Without a pidfd the exit is noticed by polling this often.
constexpr milliseconds poll_step = 10ms;
// After SIGKILL, how long to wait for the kernel to let the process go.
constexpr milliseconds reap_wait = 50ms;

// Closes the descriptor it owns.
class FileDescriptor {
  public:
    explicit FileDescriptor(int fd = -1) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() { reset(); }
    int get() const { return fd_; }
    void reset(int fd = -1) {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        fd_ = fd;
    }

  private:
    int fd_;
};

class SpawnSetup {
  public:
    SpawnSetup() {
        ::posix_spawn_file_actions_init(&actions);
        ::posix_spawnattr_init(&attributes);
    }
    SpawnSetup(const SpawnSetup&) = delete;
    SpawnSetup& operator=(const SpawnSetup&) = delete;
    ~SpawnSetup() {
        ::posix_spawn_file_actions_destroy(&actions);
        ::posix_spawnattr_destroy(&attributes);
    }
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
};

std::string limit_text(milliseconds limit) {
    if (limit.count() % 1000 == 0) {
        return std::to_string(limit.count() / 1000) + " s";
    }
    return std::to_string(limit.count()) + " ms";
}

// The first line of what the command wrote to stderr, short, or "" if none.
std::string first_line(const std::string& output) {
    std::string line = output.substr(0, output.find('\n'));
    std::replace_if(
        line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }, ' ');
    line.erase(0, line.find_first_not_of(' '));
    line.erase(line.find_last_not_of(' ') + 1);
    if (line.size() > shown_stderr_characters) {
        line.resize(shown_stderr_characters);
        line += "...";
    }
    return line;
}

int open_pidfd(pid_t pid) {
#ifdef SYS_pidfd_open
    return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
#else
    (void)pid;
    return -1;
#endif
}

// Reads what is there without blocking; closes the pipe at its end.
void drain(FileDescriptor& pipe, std::string& kept) {
    char buffer[512];
    while (pipe.get() >= 0) {
        ssize_t count = ::read(pipe.get(), buffer, sizeof buffer);
        if (count > 0) {
            std::size_t room = kept_stderr_bytes - std::min(kept.size(), kept_stderr_bytes);
            kept.append(buffer, std::min(room, static_cast<std::size_t>(count)));
        } else if (count == 0 || (errno != EINTR && errno != EAGAIN)) {
            pipe.reset();
        } else if (errno == EAGAIN) {
            return;
        }
    }
}

int poll_timeout(Clock::time_point now, Clock::time_point until) {
    auto wait = std::chrono::ceil<milliseconds>(until - now);
    return static_cast<int>(std::clamp<milliseconds::rep>(wait.count(), 0, 60'000));
}

}  // namespace

CommandRunner::~CommandRunner() {
    reap_leftovers();
}

void CommandRunner::reap_leftovers() {
    std::erase_if(leftovers_, [](pid_t pid) {
        int status = 0;
        pid_t result = ::waitpid(pid, &status, WNOHANG);
        return result == pid || (result < 0 && errno == ECHILD);
    });
}

std::string CommandRunner::run(std::string_view what, const std::vector<std::string>& argv,
                               milliseconds limit) {
    reap_leftovers();
    if (argv.empty()) {
        return {};
    }
    const std::string name = std::string(what) + " command '" + argv.front() + "'";
    limit = std::max(limit, milliseconds(1));
    const Clock::time_point start = Clock::now();
    const Clock::time_point kill_at = start + limit;
    const Clock::time_point term_at = kill_at - std::min<milliseconds>(limit / 5, 1s);

    int pipe_ends[2];
    if (::pipe2(pipe_ends, O_CLOEXEC) != 0) {
        return name + " could not start: " + std::strerror(errno);
    }
    FileDescriptor error_out(pipe_ends[0]);
    FileDescriptor error_in(pipe_ends[1]);
    // Only our end: the command's stderr must block as usual when the pipe is full.
    ::fcntl(error_out.get(), F_SETFL, O_NONBLOCK);

    SpawnSetup setup;
    ::posix_spawn_file_actions_addopen(&setup.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    ::posix_spawn_file_actions_addopen(&setup.actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    ::posix_spawn_file_actions_adddup2(&setup.actions, error_in.get(), STDERR_FILENO);
    // Its own process group, so that a timeout also ends whatever the command started; and no
    // signal handling inherited from the kiosk (SDL's, or an ignored SIGPIPE).
    sigset_t no_signals;
    sigset_t all_signals;
    sigemptyset(&no_signals);
    sigfillset(&all_signals);
    ::posix_spawnattr_setflags(
        &setup.attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    ::posix_spawnattr_setpgroup(&setup.attributes, 0);
    ::posix_spawnattr_setsigmask(&setup.attributes, &no_signals);
    ::posix_spawnattr_setsigdefault(&setup.attributes, &all_signals);

    std::vector<char*> arguments;
    for (const std::string& argument : argv) {
        arguments.push_back(const_cast<char*>(argument.c_str()));
    }
    arguments.push_back(nullptr);

    pid_t pid = 0;
    int spawn_error = ::posix_spawnp(&pid, arguments[0], &setup.actions, &setup.attributes,
                                     arguments.data(), environ);
    error_in.reset();
    if (spawn_error == ENOENT) {
        return name + " not found";
    }
    if (spawn_error != 0) {
        return name + " could not start: " + std::strerror(spawn_error);
    }

    FileDescriptor pidfd(open_pidfd(pid));
    std::string kept;
    std::optional<int> status;
    bool terminated = false;
    bool killed = false;
    while (!status) {
        Clock::time_point now = Clock::now();
        if (now >= kill_at && !killed) {
            ::kill(-pid, SIGKILL);
            killed = true;
        } else if (now >= term_at && !terminated) {
            ::kill(-pid, SIGTERM);
            terminated = true;
        }
        if (killed && now >= kill_at + reap_wait) {
            leftovers_.push_back(pid);
            return name + " timed out after " + limit_text(limit);
        }
        Clock::time_point wake = killed ? kill_at + reap_wait : terminated ? kill_at : term_at;
        if (pidfd.get() < 0) {
            wake = std::min(wake, now + poll_step);
        }
        pollfd watched[2] = {{pidfd.get(), POLLIN, 0}, {error_out.get(), POLLIN, 0}};
        // A negative descriptor is skipped by poll(): both may be gone.
        ::poll(watched, 2, poll_timeout(now, wake));
        drain(error_out, kept);
        int raw_status = 0;
        pid_t reaped = 0;
        do {
            reaped = ::waitpid(pid, &raw_status, WNOHANG);
        } while (reaped < 0 && errno == EINTR);
        if (reaped == pid) {
            status = raw_status;
        } else if (reaped < 0) {
            return name + " could not be waited for: " + std::strerror(errno);
        }
    }
    drain(error_out, kept);

    std::string failure;
    if (terminated || killed) {
        return name + " timed out after " + limit_text(limit);
    }
    if (WIFEXITED(*status) && WEXITSTATUS(*status) == 0) {
        return {};
    }
    if (WIFEXITED(*status)) {
        failure = name + " failed: exit status " + std::to_string(WEXITSTATUS(*status));
    } else {
        failure = name + " failed: killed by signal " + std::to_string(WTERMSIG(*status));
    }
    if (std::string line = first_line(kept); !line.empty()) {
        failure += " (" + line + ")";
    }
    return failure;
}

}  // namespace sk
