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
    enum class State { pending, done, stopped, missed } state = State::pending;
};

struct WeekTotal {
    std::string iso_week;  // "2026-W48"
    int completed = 0;
    std::chrono::seconds active{0};
};

struct Stats {
    std::vector<EntryToday> today;  // the entries scheduled today, in time order
    int streak_days = 0;            // days in a row on which every scheduled entry was completed
    std::vector<WeekTotal> weeks;   // newest first
};

// `now` decides what "today" is; a day still in progress counts toward the streak only once all of
// its entries are done, and does not break it before then.
Stats compute_stats(const Config& config, const Zone& zone,
                    const std::vector<HistoryRecord>& records, SysSeconds now);

}  // namespace sk
