#include "app/system/clock_jumps.hpp"

namespace sk {

std::optional<std::string> ClockJumps::note(Instant now, const Zone& zone) {
    std::optional<std::string> line;
    if (last_seen_) {
        auto wall = now.wall - last_seen_->wall;
        auto mono = std::chrono::duration_cast<std::chrono::seconds>(now.mono - last_seen_->mono);
        auto jump = wall - mono;
        if (jump > threshold || jump < -threshold) {
            line = "the wall clock jumped " + std::string(jump.count() > 0 ? "forward" : "back") +
                   " by " + std::to_string(jump.count() > 0 ? jump.count() : -jump.count()) +
                   " s; now " + format_iso(now.wall, zone);
        }
    }
    last_seen_ = now;
    return line;
}

}  // namespace sk
