#include "app/system/app_clock.hpp"

#include <algorithm>

namespace sk {

AppClock::AppClock(std::optional<SysSeconds> wall_start, double speed)
    : launch_(Steady::now()), wall_start_(wall_start), speed_(speed) {}

Instant AppClock::now() const {
    auto real = Steady::now();
    auto scaled = std::chrono::duration_cast<Steady::duration>((real - launch_) * speed_);
    Instant instant;
    instant.mono = launch_ + scaled;
    if (wall_start_) {
        instant.wall = *wall_start_ + std::chrono::floor<std::chrono::seconds>(scaled);
    } else {
        // The real wall clock may jump (NTP sync on a Pi with no RTC): the controller copes.
        instant.wall = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    }
    return instant;
}

std::chrono::system_clock::time_point AppClock::exact_wall(const Instant& now) const {
    if (!wall_start_) {
        return std::chrono::system_clock::now();
    }
    return std::chrono::system_clock::time_point(*wall_start_) +
           std::chrono::duration_cast<std::chrono::system_clock::duration>(now.mono - launch_);
}

std::chrono::milliseconds AppClock::real_wait_until(const Instant& now, SysSeconds wall,
                                                    std::optional<MonoTime> mono) const {
    using std::chrono::milliseconds;
    // The wall clock counts whole seconds: a wall deadline is reached at the start of its second,
    // which is up to a second after `now.wall` was floored, so wait from the exact time.
    auto until = std::chrono::ceil<milliseconds>(wall - exact_wall(now));
    if (mono) {
        until = std::min(until, std::chrono::ceil<milliseconds>(*mono - now.mono));
    }
    until = std::max(until, milliseconds{0});
    return std::chrono::ceil<milliseconds>(until / speed_);
}

}  // namespace sk
