// AppClock: the program's two clocks, real or (for demos and tests) started elsewhere and sped up.
#pragma once

#include <chrono>
#include <optional>

#include "core/controller/controller.hpp"

namespace sk {

class AppClock {
  public:
    using Steady = std::chrono::steady_clock;

    // `wall_start`: run the wall clock from this instant instead of the system's (--clock-start).
    // `speed`: both clocks run this many times faster than real time (--clock-speed).
    AppClock(std::optional<SysSeconds> wall_start, double speed);

    // Both clocks now. This is the one place the kiosk reads the time.
    Instant now() const;
    // The wall clock at `now` to the millisecond (Instant::wall counts whole seconds).
    std::chrono::system_clock::time_point exact_wall(const Instant& now) const;

    // How long to really wait until the program's clocks reach `wall` or `mono` (the earlier).
    std::chrono::milliseconds real_wait_until(const Instant& now, SysSeconds wall,
                                              std::optional<MonoTime> mono) const;

  private:
    Steady::time_point launch_;
    std::optional<SysSeconds> wall_start_;
    double speed_;
};

}  // namespace sk
