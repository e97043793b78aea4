// Planner: decides which schedule occurrence is due now, which were missed, and when to look again.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/model/config.hpp"
#include "core/schedule/schedule.hpp"
#include "core/time/local_time.hpp"

namespace sk {

// Whether the wall clock can be believed (a Pi without an RTC boots with a stale time).
enum class ClockTrust { trusted, untrusted };

// What the planner found at one instant.
struct PlannerUpdate {
    std::optional<Occurrence> due;   // offer this one now (prompt), if any
    bool start_now = false;          // StartMode::automatic and the prompt has waited long enough
    std::vector<Occurrence> missed;  // newly missed: record each one once
    SysSeconds next_check;           // nothing changes before this instant (if the clock is sane)
    ClockTrust clock = ClockTrust::trusted;
};

// Offers each occurrence at most once, for ever: an occurrence is settled once the history holds a
// record with its key (started, completed, stopped or missed). The caller records what happens and
// tells the planner with settle(). The planner keeps no clock: every call passes `now` in.
class Planner {
  public:
    // `settled` are the occurrence keys found in the history; `newest_record` is the start time of
    // the newest history record (the clock is untrusted while it is earlier than that).
    Planner(Config config, Zone zone, std::set<std::string> settled,
            std::optional<SysSeconds> newest_record);

    // Looks at the schedule at `now`. The first call looks back to the newest record (at most
    // 7 days), or only over one prompt window when the history is empty, so that a fresh install
    // is not greeted by a list of missed sessions.
    PlannerUpdate update(SysSeconds now);

    // The occurrence is started, done, stopped or missed: never offer it again.
    void settle(const std::string& occurrence_key);

    // The system says its clock is synchronised (systemd-timesyncd's
    // /run/systemd/timesync/synchronized): trust it even when the history holds later records.
    void trust_clock() { clock_synchronized_ = true; }

    // A new config (after an edit). Settled keys and the look-back point are kept.
    void reconfigure(Config config, Zone zone);

    const Config& config() const { return config_; }
    const Zone& zone() const { return zone_; }

  private:
    Config config_;
    Zone zone_;
    std::set<std::string> settled_;
    std::optional<SysSeconds> newest_record_;
    std::optional<SysSeconds> looked_until_;   // occurrences up to here have been considered
    std::optional<Occurrence> offered_;        // the occurrence being offered, if any
    std::optional<SysSeconds> offered_since_;  // the `now` of the first update that offered it
    bool clock_synchronized_ = false;
    std::set<std::string> handled_;  // offered or reported missed here: never offered again
};

}  // namespace sk
