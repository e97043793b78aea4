// Planner: decides which schedule occurrence is due now, which were missed, and when to look again.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/model/config.hpp"
#include "core/schedule/schedule.hpp"
#include "core/time/local_time.hpp"

namespace sk {

// A clock may lag the history by this much and still be waited for: a Pi without an RTC boots
// with the time it last saved (systemd-timesyncd and fake-hwclock save it at least hourly and at
// shutdown), minutes or an hour behind its last record. A record further ahead than this was
// written by a wrong clock (a mistyped `date -s`, a glitching RTC, a clock restored from a bad
// backup), or the clock is wrong now; either way it must not hold the schedule.
inline constexpr std::chrono::days max_clock_lag{1};

// How a synchronised clock may differ from the one a record was written by (NTP's error bound).
inline constexpr std::chrono::minutes synchronised_tolerance{1};

// Whether the kernel says the wall clock is synchronised (NTP or another time source).
enum class ClockSync { unsynchronised, synchronised };

// What the planner makes of the wall clock against the history.
enum class ClockTrust {
    trusted,    // the schedule follows the clock
    untrusted,  // the history is ahead of an unsynchronised clock by up to max_clock_lag: nothing
                // is offered or missed until the clock passes it
};

// Whether a record says a session was begun (or ended), or that an occurrence was missed.
enum class MarkKind { session, missed };

// The history, as far as the planner cares: one mark per record.
struct HistoryMark {
    SysSeconds start;        // the record's start (for missed: when the occurrence was due)
    std::string occurrence;  // its occurrence key, or empty for a session started by hand
    MarkKind kind = MarkKind::session;
};

// What the planner found at one instant.
struct PlannerUpdate {
    std::optional<Occurrence> due;   // offer this one now (prompt), if any
    bool start_now = false;          // StartMode::automatic and the prompt has waited long enough
    std::vector<Occurrence> missed;  // newly missed: record each one once
    SysSeconds next_check;           // nothing changes before this instant (if the clock is sane)
    ClockTrust clock = ClockTrust::trusted;
    // The newest record later than now, when there is one: held for (untrusted), or set aside.
    std::optional<SysSeconds> history_ahead;
    std::size_t set_aside = 0;  // records set aside for good at this update (clock synchronised)
};

// Offers each occurrence at most once, and only within its window, [its instant, its instant +
// prompt window): an occurrence is settled once the history holds a record with its key
// (started, completed, stopped or missed) that counts. The caller records what happens and tells
// the planner with settle(). The planner keeps no clock: every call passes `now` in.
//
// Records and the clock. A record later than an unsynchronised clock by up to max_clock_lag holds
// the schedule until the clock passes it (a stale boot clock must not offer or miss sessions that
// are long settled). A record later than that is set aside while it is: it neither holds nor
// settles anything, and the schedule follows the clock. Once the kernel says the clock is
// synchronised, the clock is right: records later than it were written by a wrong clock and are
// set aside for good, and what was considered while the clock ran ahead is considered again.
class Planner {
  public:
    Planner(Config config, Zone zone, const std::vector<HistoryMark>& history);

    // Looks at the schedule at `now`. The first call looks back from the newest record less one
    // prompt window (so an occurrence due and not yet taken when the kiosk stopped is still offered
    // or recorded missed), at most 7 days, or only over one prompt window when the history is
    // empty, so that a fresh install is not greeted by a list of missed sessions.
    PlannerUpdate update(SysSeconds now);

    // The occurrence is started, done, stopped or missed: never offer it again. `written` is when
    // the record was written by the wall clock (for a record from the history, unknown: its
    // start, which is never later). An empty key is a session started by hand.
    void settle(const std::string& occurrence_key, SysSeconds written);

    // Whether the history holds a record of the occurrence that counts (as of the last update).
    bool settled(const std::string& occurrence_key) const;

    // What the kernel says about the clock, before each update.
    void set_clock_sync(ClockSync sync) { sync_ = sync; }
    ClockSync clock_sync() const { return sync_; }

    // A new config (after an edit). Settled keys and the look-back point are kept.
    void reconfigure(Config config, Zone zone);

    const Config& config() const { return config_; }
    const Zone& zone() const { return zone_; }

  private:
    // Records starting after this count at this update (later ones are set aside).
    SysSeconds counting_limit(SysSeconds now) const;
    std::optional<SysSeconds> newest_counted() const;
    // The clock is synchronised and went back: forget what was considered after `now`.
    void rewind_to(SysSeconds now, SysSeconds bound);

    Config config_;
    Zone zone_;
    std::vector<SysSeconds> record_times_;       // when every record was written, sorted
    std::map<std::string, SysSeconds> settled_;  // occurrence key -> its earliest record
    std::map<std::string, SysSeconds> handled_;  // offered or missed here -> when (by the clock)
    // The history as loaded, in the order it was written, until the first synchronised look:
    // a miss is written once its window has ended by the clock that wrote it, so one whose window
    // has not ended by a synchronised clock, with records set aside written after it, was
    // written by the clock that ran ahead.
    struct LoadedMiss {
        std::string key;
        SysSeconds due;
        std::size_t position;
    };
    std::vector<SysSeconds> loaded_starts_;
    std::vector<LoadedMiss> loaded_misses_;
    std::map<std::string, std::size_t> loaded_last_;  // key -> the position of its last record
    SysSeconds limit_ = SysSeconds::max();            // counting_limit() at the last update
    std::optional<SysSeconds> looked_until_;          // occurrences up to here were considered
    std::optional<Occurrence> offered_;               // the occurrence being offered, if any
    std::optional<SysSeconds> offered_since_;         // the `now` of the first update offering it
    ClockSync sync_ = ClockSync::unsynchronised;
};

}  // namespace sk
