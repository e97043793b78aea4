// ClockJumps: notices the wall clock jumping against the monotonic one, for the log.
#pragma once

#include <optional>
#include <string>

#include "core/controller/controller.hpp"

namespace sk {

// A Pi without an RTC boots with a stale time and jumps at NTP sync; a hand-set `date -s` jumps
// too. The controller copes with either (nothing is offered twice, missed sessions are recorded);
// this says in the log that it happened and by how much.
class ClockJumps {
  public:
    // Jumps smaller than this are ordinary drift or a slow loop, not worth a line.
    static constexpr std::chrono::minutes threshold{1};

    // Compares `now` with the last instant seen. When the wall clock moved more than `threshold`
    // more or less than the monotonic clock: "the wall clock jumped forward by 3600 s; now
    // 2026-12-01T08:00:00+01:00".
    std::optional<std::string> note(Instant now, const Zone& zone);

  private:
    std::optional<Instant> last_seen_;
};

}  // namespace sk
