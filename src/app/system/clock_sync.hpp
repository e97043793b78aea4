// ClockSyncProbe: asks the kernel whether the wall clock is synchronised, whatever keeps it so.
#pragma once

#include <sys/timex.h>

#include <functional>

#include "core/schedule/planner.hpp"

namespace sk {

// The kernel knows whether its clock is disciplined by a time source: ntp_adjtime() returns
// TIME_ERROR while it is not, under systemd-timesyncd, chrony or ntpsec alike (each clears the
// kernel's STA_UNSYNC once synchronised; setting the time by hand sets it again). The query is
// read-only (modes = 0) and needs no privilege.
class ClockSyncProbe {
  public:
    // The query, injectable for tests; the real one is ntp_adjtime.
    using Query = std::function<int(struct timex& state)>;

    ClockSyncProbe();
    explicit ClockSyncProbe(Query query);

    // Synchronised, or not (also when the kernel cannot be asked).
    ClockSync read() const;

  private:
    Query query_;
};

}  // namespace sk
