// EventWait: sleeping until SDL has an event for the kiosk or a deadline passes, without SDL's
// 1 ms polling on the video drivers that cannot wait.
#pragma once

#include <SDL.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace sk {

// How the loop sleeps between events.
//  - native: SDL_WaitEventTimeout, which sleeps in the video driver (X11, Wayland: on the
//    display connection) and is woken by its events.
//  - input_devices: SDL 2.26's KMS/DRM, offscreen and dummy drivers cannot wait; there
//    SDL_WaitEventTimeout pumps and sleeps 1 ms, a thousand times a second (so does every driver
//    while a joystick is open). Instead the kiosk sleeps in poll() on its own read-only handles
//    of the input devices (/dev/input/event*, watched with inotify for hot-plug), and asks SDL
//    for its events when one of them has something, or the deadline came. SDL reads the same
//    devices through handles of its own, so it sees every event; ours are only read to empty.
//    SIGTERM and SIGINT (SDL's handlers, without SA_RESTART) end the sleep too.
enum class Waiting { native, input_devices };

// The way to wait on `video_driver`: native on x11 and wayland, input_devices elsewhere.
Waiting waiting_for(std::string_view video_driver);

class EventWait {
  public:
    explicit EventWait(Waiting waiting, std::string input_folder = "/dev/input");
    ~EventWait();
    EventWait(const EventWait&) = delete;
    EventWait& operator=(const EventWait&) = delete;

    Waiting waiting() const { return waiting_; }
    // The input devices open for waking (input_devices only).
    std::size_t devices() const { return devices_.size(); }

    // Waits up to `timeout` for an event: true with `event` filled in, false when the time ran
    // out. A timeout of zero only looks.
    bool wait(SDL_Event& event, std::chrono::milliseconds timeout);

  private:
    void open_devices();
    void close_devices();

    Waiting waiting_;
    std::string folder_;
    int inotify_ = -1;
    std::vector<int> devices_;
};

}  // namespace sk
