// Stats: what the history says about today, the streak and the weeks.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/history/history.hpp"
#include "core/model/config.hpp"
#include "core/time/local_time.hpp"

namespace sk {

// How one schedule entry went today.
struct EntryToday {
    std::string entry;
    TimeOfDay time;
    // done: completed; partly: stopped after most of its holds; stopped: before that;
    // unattended: ran by itself, never confirmed.
    enum class State { pending, done, partly, stopped, unattended, missed } state = State::pending;
};

struct WeekTotal {
    std::string iso_week;  // "2026-W48"
    int completed = 0;
    std::chrono::seconds active{0};
};

struct Stats {
    std::vector<EntryToday> today;  // the entries scheduled today, in time order
    int streak_days = 0;  // days in a row on which every scheduled entry was done or partly done
    // The days of practice the holds have earned (progressed_hold() turns them into seconds):
    // see practice_days_rule below.
    int practice_days = 0;
    std::vector<WeekTotal> weeks;  // newest first
};

// How the holds progress, forgivingly. From the first day the history knows, day by day up to
// today (today only once all of it is done, and never against it):
// - a day with every scheduled session done earns one practice day;
// - a day with some of its sessions done (or partly done) keeps the level, and so does a day with
//   nothing scheduled;
// - a day with none of them done keeps the level too, unless it is the `ease_back_after`th in a
//   row with none done: then the holds ease back one step (`lengthen_every` practice days), and
//   again after every further `ease_back_after` such days;
// - practice days stop counting once every hold of every routine has reached the most it may
//   (progression_limit() in core/model/progression.hpp), so easing back is felt at once.
inline constexpr int ease_back_after = 3;

// `now` decides what "today" is; a day still in progress counts toward the streak only once all of
// its entries are done, and does not break it before then.
Stats compute_stats(const Config& config, const Zone& zone,
                    const std::vector<HistoryRecord>& records, SysSeconds now);

}  // namespace sk
