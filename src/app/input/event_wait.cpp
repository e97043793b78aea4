#include "app/input/event_wait.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace sk {
namespace {

bool same_name(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

// Reads a non-blocking descriptor until it has nothing more.
void drain(int fd) {
    char buffer[1024];
    while (::read(fd, buffer, sizeof buffer) > 0) {
    }
}

}  // namespace

Waiting waiting_for(std::string_view video_driver) {
    return same_name(video_driver, "x11") || same_name(video_driver, "wayland")
               ? Waiting::native
               : Waiting::input_devices;
}

EventWait::EventWait(Waiting waiting, std::string input_folder)
    : waiting_(waiting), folder_(std::move(input_folder)) {
    if (waiting_ != Waiting::input_devices) {
        return;
    }
    inotify_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (inotify_ >= 0) {
        // A device plugged in, or made readable to us by udev a moment after it appeared.
        ::inotify_add_watch(inotify_, folder_.c_str(), IN_CREATE | IN_ATTRIB | IN_DELETE);
    }
    open_devices();
}

EventWait::~EventWait() {
    close_devices();
    if (inotify_ >= 0) {
        ::close(inotify_);
    }
}

void EventWait::close_devices() {
    for (const int fd : devices_) {
        ::close(fd);
    }
    devices_.clear();
}

void EventWait::open_devices() {
    close_devices();
    DIR* folder = ::opendir(folder_.c_str());
    if (folder == nullptr) {
        return;
    }
    while (const dirent* entry = ::readdir(folder)) {
        if (std::strncmp(entry->d_name, "event", 5) != 0) {
            continue;
        }
        const std::string path = folder_ + "/" + entry->d_name;
        const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd >= 0) {
            devices_.push_back(fd);
        }
    }
    ::closedir(folder);
}

bool EventWait::wait(SDL_Event& event, std::chrono::milliseconds timeout) {
    if (waiting_ == Waiting::native) {
        return SDL_WaitEventTimeout(&event, static_cast<int>(timeout.count())) == 1;
    }
    using Clock = std::chrono::steady_clock;
    const Clock::time_point deadline = Clock::now() + timeout;
    std::vector<pollfd> fds;
    for (;;) {
        if (SDL_PollEvent(&event) == 1) {
            return true;
        }
        const auto left =
            std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            return false;
        }
        fds.clear();
        if (inotify_ >= 0) {
            fds.push_back({inotify_, POLLIN, 0});
        }
        for (const int fd : devices_) {
            fds.push_back({fd, POLLIN, 0});
        }
        const int ready = ::poll(fds.data(), fds.size(), static_cast<int>(left));
        if (ready <= 0) {
            continue;  // the deadline (looked at above, after SDL's events), or a signal
        }
        bool rescan = false;
        for (const pollfd& fd : fds) {
            if (fd.revents == 0) {
                continue;
            }
            if (fd.fd == inotify_) {
                drain(inotify_);
                rescan = true;
            } else if ((fd.revents & (POLLERR | POLLHUP | POLLNVAL)) != 0) {
                rescan = true;  // unplugged
            } else {
                drain(fd.fd);
            }
        }
        if (rescan) {
            open_devices();
        }
    }
}

}  // namespace sk
