// A year of the kiosk in five time zones, with entries at DST-edge times, while the clock jumps
// both ways (set wrong by hand, then put right by NTP), the kiosk restarts (sometimes with a stale
// clock, as a Pi without an RTC boots) and a person answers the prompts now and then. The fake
// clock knows the true time; it counts what a person would notice.
#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "catch.hpp"
#include "core/config/parser.hpp"
#include "core/controller/controller.hpp"
#include "core/schedule/schedule.hpp"
#include "zones.hpp"

using namespace std::chrono_literals;
using sk::ClockSync;
using sk::Controller;
using sk::Input;
using sk::Occurrence;
using sk::RecordOutcome;
using sk::SysSeconds;
using std::chrono::seconds;

namespace {

constexpr seconds window = 10min;

// Entries at the times DST plays with: midnight (Santiago changes there), 01:30 (repeated when
// New York falls back), 02:15 (Lord Howe moves by half an hour at 02:00), 02:30 (in the spring
// gap in Berlin and New York), and two plain ones.
sk::Config edge_config(const std::string& zone) {
    sk::Config config = sk::default_config();
    config.timezone = zone;
    sk::Routine quick{"quick", "Quick", {{"wall", 10s, 10s, sk::SideSelection::both, 1, 0s}}};
    config.routines.push_back(quick);
    config.session.get_ready = 5s;
    config.session.prompt_window = std::chrono::duration_cast<sk::Minutes>(window);
    config.schedule.clear();
    for (auto [name, time] : {std::pair{"Midnight", 0min},
                              {"Night", 90min},
                              {"Edge", 135min},
                              {"Gap", 150min},
                              {"Morning", 420min},
                              {"Bedtime", 1290min}}) {
        sk::ScheduleEntry entry;
        entry.name = name;
        entry.time = {time};
        entry.days = {0x7f};
        entry.routine = "quick";
        config.schedule.push_back(entry);
    }
    return config;
}

// What a person would notice, counted over the year.
struct Counts {
    int offered_twice = 0;   // shown or recorded again after it was recorded
    int outside_window = 0;  // shown while the kiosk's clock was outside its window
    int never_offered = 0;   // the clock was right in its window, yet it was never shown
    int offered = 0;         // for the record: how many were shown at all
    int dirty = 0;           //   and how many a wrong clock touched (not counted above)
    std::vector<std::string> examples;
};

class TimeTravel {
  public:
    TimeTravel(const std::string& zone_name, std::uint32_t seed)
        : config_(edge_config(zone_name)),
          zone_(sk::test::zone_named(zone_name)),
          random_(seed),
          truth_(zone_.to_instant(*sk::parse_local_iso("2027-01-01T00:00"))),
          end_(zone_.to_instant(*sk::parse_local_iso("2028-01-01T00:00"))),
          mono_(sk::MonoTime{} + 1000h),
          year_(sk::occurrences_between(config_, zone_, truth_ - 1s, end_)) {
        restart();
        next_jump_ = truth_ + random_span(6h, 20 * 24h);
        next_restart_ = truth_ + random_span(1h, 6 * 24h);
    }

    Counts run() {
        while (truth_ < end_) {
            events();
            look();
            step();
        }
        return finish();
    }

  private:
    SysSeconds wall() const { return truth_ + error_; }
    bool sane() const { return error_ == 0s; }
    sk::Instant now() const { return {wall(), mono_}; }

    seconds random_span(seconds low, seconds high) {
        return seconds{
            std::uniform_int_distribution<seconds::rep>(low.count(), high.count())(random_)};
    }
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(random_) < p; }

    void take(sk::Effects effects) {
        for (sk::HistoryRecord& record : effects.records) {
            // A session begun by a wrong clock was done then: its true window may still come.
            // (A miss recorded by a wrong clock is not: nobody saw that prompt.)
            if (!record.occurrence.empty() && !sane() && record.outcome == RecordOutcome::started) {
                dirty_.insert(record.occurrence);
            }
            // Only what a right clock recorded says it happened (a wrong clock's misses are set
            // aside once the clock is right again).
            if (!record.occurrence.empty() && record.outcome != RecordOutcome::started && sane()) {
                if (ended_.contains(record.occurrence) && !dirty_.contains(record.occurrence)) {
                    note(counts_.offered_twice, "recorded twice: " + record.occurrence);
                }
                ended_.insert(record.occurrence);
            }
            history_.push_back(std::move(record));
        }
    }
    void note(int& count, const std::string& what) {
        ++count;
        if (counts_.examples.size() < 10) {
            counts_.examples.push_back(sk::format_iso(truth_, zone_) + ": " + what);
        }
    }

    void restart() {
        controller_.emplace(config_, zone_, history_, sk::RunMode::always_on, "Space");
        controller_->set_clock_sync(sync_);
        take(controller_->tick(now()));
    }

    void events() {
        if (correction_ && truth_ >= *correction_) {
            // NTP puts the clock right: the kernel says it is synchronised.
            error_ = 0s;
            sync_ = ClockSync::synchronised;
            correction_.reset();
            controller_->set_clock_sync(sync_);
        }
        if (truth_ >= next_jump_ && sane()) {
            // Set wrong by hand (or a glitching RTC), either way, by minutes to months.
            static constexpr std::array<seconds, 8> sizes{2min, 45min,   3h,       20h,
                                                          50h,  9 * 24h, 40 * 24h, 200 * 24h};
            error_ =
                sizes[std::uniform_int_distribution<std::size_t>(0, sizes.size() - 1)(random_)] *
                (chance(0.5) ? 1 : -1);
            sync_ = ClockSync::unsynchronised;
            correction_ = truth_ + random_span(10min, 3 * 24h);
            controller_->set_clock_sync(sync_);
            next_jump_ = truth_ + random_span(6h, 20 * 24h);
        }
        if (truth_ >= next_restart_) {
            if (sane() && chance(0.3)) {
                // A Pi without an RTC boots with the time it last saved, then syncs.
                error_ = -random_span(5min, 3h);
                sync_ = ClockSync::unsynchronised;
                correction_ = truth_ + random_span(1min, 40min);
            }
            restart();
            next_restart_ = truth_ + random_span(1h, 6 * 24h);
        }
    }

    // One turn: time passes, then what the screen shows, and what the person does about it.
    void look() {
        take(controller_->tick(now()));
        // The occurrences whose window is open now (the year's, worked out once).
        while (next_open_ < year_.size() && year_[next_open_].instant + window <= truth_) {
            ++next_open_;
        }
        for (std::size_t open = next_open_;
             sane() && open < year_.size() && year_[open].instant <= truth_; ++open) {
            sane_in_window_.insert(year_[open].key());
        }
        const std::optional<Occurrence>& due = controller_->due();
        if (due && !controller_->session_running()) {
            const std::string key = due->key();
            if (wall() < due->instant || wall() >= due->instant + window) {
                note(counts_.outside_window, "shown outside its window: " + key);
            }
            if (ended_.contains(key) && !dirty_.contains(key)) {
                note(counts_.offered_twice, "shown after it was recorded: " + key);
            }
            if (!sane()) {
                dirty_.insert(key);  // shown by a wrong clock: its true window may come later
            }
            shown_.insert(key);
            auto [answer, first] = answers_.emplace(key, 0);
            if (first) {
                answer->second = chance(0.6) ? 1 : chance(0.25) ? 2 : 0;
            }
            if (answer->second == 1) {
                take(controller_->input(Input::button, now()));
            } else if (answer->second == 2) {
                take(controller_->input(Input::stop, now()));
            }
        } else if (controller_->showing_done()) {
            take(controller_->input(Input::button, now()));  // close the done screen
        }
    }

    // To the next thing that can happen: a minute while something is on, else the next
    // occurrence by the kiosk's clock, or the next event.
    void step() {
        seconds step = 6h;
        if (controller_->due() || controller_->session_running() || controller_->showing_done()) {
            step = 1min;
        } else {
            // The next occurrence by the kiosk's clock: from the year's list while the clock is
            // in the year, else worked out.
            auto next = std::upper_bound(year_.begin(), year_.end(), wall(),
                                         [](SysSeconds at, const Occurrence& occurrence) {
                                             return at < occurrence.instant;
                                         });
            std::optional<SysSeconds> instant;
            if (next != year_.end() && next != year_.begin()) {
                instant = next->instant;
            } else {
                for (const Occurrence& later : sk::next_occurrences(config_, zone_, wall(), 1)) {
                    instant = later.instant;
                }
            }
            if (instant) {
                step = std::min(step, std::max(seconds{1}, *instant - wall()));
            }
        }
        for (SysSeconds event : {next_jump_, next_restart_, correction_.value_or(end_), end_}) {
            if (event > truth_) {
                step = std::min(step, event - truth_);
            }
        }
        step = std::min(step, seconds{std::max(seconds{1}, window / 2)});
        truth_ += step;
        mono_ += step;
    }

    Counts finish() {
        // Occurrences that share a window with another are left out: one prompt at a time, so
        // the older is missed when the newer comes (02:15 and 02:30 both happen at 03:00 on a
        // spring-forward day in Berlin).
        const std::vector<Occurrence>& all = year_;
        std::set<std::string> crowded;
        for (std::size_t i = 0; i + 1 < all.size(); ++i) {
            if (all[i + 1].instant - all[i].instant <= window) {
                crowded.insert(all[i].key());
                crowded.insert(all[i + 1].key());
            }
        }
        for (const std::string& key : sane_in_window_) {
            if (dirty_.contains(key) || crowded.contains(key)) {
                continue;
            }
            if (!shown_.contains(key)) {
                note(counts_.never_offered, "never shown: " + key);
            }
        }
        counts_.offered = static_cast<int>(shown_.size());
        counts_.dirty = static_cast<int>(dirty_.size());
        return counts_;
    }

    sk::Config config_;
    sk::Zone zone_;
    std::mt19937 random_;
    SysSeconds truth_;
    SysSeconds end_;
    sk::MonoTime mono_;
    std::vector<Occurrence> year_;  // every occurrence of the year, in time order
    std::size_t next_open_ = 0;     // the first of them whose window has not ended
    seconds error_{0};
    ClockSync sync_ = ClockSync::synchronised;
    std::optional<SysSeconds> correction_;
    SysSeconds next_jump_;
    SysSeconds next_restart_;
    std::optional<Controller> controller_;
    std::vector<sk::HistoryRecord> history_;
    std::set<std::string> ended_;           // keys closed or missed while the clock was right
    std::set<std::string> dirty_;           // keys a wrong clock showed (or began a session of)
    std::set<std::string> shown_;           // keys shown as due
    std::set<std::string> sane_in_window_;  // keys whose window the kiosk saw with a right clock
    std::map<std::string, int> answers_;    // 0: ignore, 1: start, 2: decline
    Counts counts_;
};

}  // namespace

TEST_CASE(
    "a year of clock jumps, restarts and DST in five zones: nothing offered twice, "
    "outside its window, or never while the clock was right") {
    const std::string zone = GENERATE(as<std::string>{}, "Europe/Berlin", "America/New_York",
                                      "Australia/Lord_Howe", "America/Santiago", "Asia/Kathmandu");
    CAPTURE(zone);
    const Counts counts = TimeTravel(zone, 20271123).run();
    for (const std::string& example : counts.examples) {
        UNSCOPED_INFO(example);
    }
    INFO(counts.offered << " offered, " << counts.dirty << " touched by a wrong clock");
    CHECK(counts.offered > 1000);  // about five a day are scheduled
    CHECK(counts.offered_twice == 0);
    CHECK(counts.outside_window == 0);
    CHECK(counts.never_offered == 0);
}
