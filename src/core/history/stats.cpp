// stats: today's marks, the streak and the week totals, read from the history records.
#include "core/history/stats.hpp"

#include <algorithm>
#include <compare>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <utility>

#include "core/history/sessions.hpp"
#include "core/model/progression.hpp"

namespace sk {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

// How far back the streak walk looks at most: ten years of daily practice.
constexpr int max_streak_days = 3660;

// What the history says about one entry on one day.
struct DayMarks {
    bool completed = false;
    bool partly = false;
    bool stopped = false;
    bool unattended = false;
    bool missed = false;

    // Done, or done for the most part: the day is kept (the streak goes on).
    bool kept() const { return completed || partly; }
};

// Entry name and planned date: the occurrence key split apart.
using EntryDay = std::pair<std::string, sys_days>;

std::optional<int> digits(std::string_view text) {
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    return text.empty() ? std::nullopt : std::optional(value);
}

// "Morning stretch@2027-03-28" (as Occurrence::key writes it); nullopt for anything else.
std::optional<EntryDay> split_key(std::string_view key) {
    auto at = key.rfind('@');
    if (at == std::string_view::npos || key.size() - at != 11 || key[at + 5] != '-' ||
        key[at + 8] != '-') {
        return std::nullopt;
    }
    auto year = digits(key.substr(at + 1, 4));
    auto month = digits(key.substr(at + 6, 2));
    auto day = digits(key.substr(at + 9, 2));
    if (!year || !month || !day) {
        return std::nullopt;
    }
    Date date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
              std::chrono::day{static_cast<unsigned>(*day)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    return EntryDay{std::string(key.substr(0, at)), sys_days{date}};
}

Weekday weekday_of(sys_days day) {
    return static_cast<Weekday>(std::chrono::weekday{day}.iso_encoding() - 1);
}

// The day a record counts for: its occurrence's planned date (a bedtime session that runs past
// midnight belongs to the evening it was planned for), else the date the user saw when it started.
sys_days day_of(const HistoryRecord& record) {
    if (auto key = split_key(record.occurrence)) {
        return key->second;
    }
    return std::chrono::floor<days>(record.start + record.utc_offset);
}

struct IsoWeek {
    int year = 0;
    unsigned number = 0;
    auto operator<=>(const IsoWeek&) const = default;
};

// ISO 8601: weeks start on Monday, and week 1 is the one that holds the year's first Thursday.
IsoWeek iso_week_of(sys_days day) {
    auto iso_weekday = static_cast<int>(std::chrono::weekday{day}.iso_encoding());
    sys_days thursday = day + days{4 - iso_weekday};
    std::chrono::year year = Date{thursday}.year();
    auto since_new_year = (thursday - sys_days{year / std::chrono::January / 1}).count();
    return {static_cast<int>(year), static_cast<unsigned>(since_new_year / 7 + 1)};
}

std::string format_iso_week(IsoWeek week) {
    char text[32];
    std::snprintf(text, sizeof text, "%04d-W%02u", week.year, week.number);
    return text;
}

bool is_session_outcome(RecordOutcome outcome) {
    return outcome != RecordOutcome::started;
}

EntryToday::State state_of(const DayMarks& marks) {
    if (marks.completed) {
        return EntryToday::State::done;
    }
    if (marks.partly) {
        return EntryToday::State::partly;
    }
    if (marks.stopped) {
        return EntryToday::State::stopped;
    }
    if (marks.unattended) {
        return EntryToday::State::unattended;
    }
    if (marks.missed) {
        return EntryToday::State::missed;
    }
    return EntryToday::State::pending;
}

// How one day went, for progression.
enum class DayGoing { nothing_scheduled, all_done, some_done, none_done };

// The most practice days that still lengthen some hold: more would only delay easing back.
int practice_days_cap(const Config& config) {
    int levels = 0;
    for (const Routine& routine : config.routines) {
        for (const RoutineStep& step : routine.steps) {
            levels = std::max(levels, progression_levels(config.session, step));
        }
    }
    return levels * config.session.lengthen_every_days;
}

// practice_days_rule (stats.hpp), walked from `first` to `last`.
int practice_days_between(const Config& config, sys_days first, sys_days last,
                          const std::function<DayGoing(sys_days)>& going) {
    const int cap = practice_days_cap(config);
    const int step = std::max(1, config.session.lengthen_every_days);
    int practice = 0;
    int none_done_in_a_row = 0;
    for (sys_days day = first; cap > 0 && day <= last; day += days{1}) {
        switch (going(day)) {
            case DayGoing::nothing_scheduled:
                break;
            case DayGoing::all_done:
                practice = std::min(cap, practice + 1);
                none_done_in_a_row = 0;
                break;
            case DayGoing::some_done:
                none_done_in_a_row = 0;
                break;
            case DayGoing::none_done:
                if (++none_done_in_a_row % ease_back_after == 0) {
                    // Back one whole step: to the start of the level below the current one.
                    practice = std::max(0, (practice / step - 1) * step);
                }
                break;
        }
    }
    return practice;
}

}  // namespace

Stats compute_stats(const Config& config, const Zone& zone,
                    const std::vector<HistoryRecord>& records, SysSeconds now) {
    std::map<EntryDay, DayMarks> marks;
    std::map<IsoWeek, WeekTotal, std::greater<>> weeks;
    // One record per session: a session carried on or confirmed counts once, as it ended.
    for (const auto& record : sessions_of(records)) {
        if (auto key = split_key(record.occurrence)) {
            DayMarks& mark = marks[*key];
            mark.completed = mark.completed || record.outcome == RecordOutcome::completed;
            mark.partly = mark.partly || record.outcome == RecordOutcome::partly;
            mark.stopped = mark.stopped || record.outcome == RecordOutcome::stopped;
            mark.unattended = mark.unattended || record.outcome == RecordOutcome::unattended;
            mark.missed = mark.missed || record.outcome == RecordOutcome::missed;
        }
        if (is_session_outcome(record.outcome)) {
            WeekTotal& week = weeks[iso_week_of(day_of(record))];
            week.completed += record.outcome == RecordOutcome::completed ? 1 : 0;
            // Time that ran by itself is not time anyone is known to have stretched.
            week.active += record.outcome == RecordOutcome::unattended ? std::chrono::seconds{0}
                                                                       : record.active;
        }
    }
    auto marks_of = [&](const std::string& entry, sys_days day) {
        auto found = marks.find(EntryDay{entry, day});
        return found == marks.end() ? DayMarks{} : found->second;
    };

    Stats stats;
    sys_days today{std::chrono::floor<days>(zone.to_local(now)).time_since_epoch()};
    for (const auto& entry : config.schedule) {
        if (entry.days.contains(weekday_of(today))) {
            stats.today.push_back({entry.name, entry.time, state_of(marks_of(entry.name, today))});
        }
    }
    std::stable_sort(stats.today.begin(), stats.today.end(),
                     [](const EntryToday& a, const EntryToday& b) {
                         return a.time.since_midnight < b.time.since_midnight;
                     });

    // nullopt: nothing was scheduled that day, so it neither counts nor breaks the streak.
    auto all_completed = [&](sys_days day) -> std::optional<bool> {
        bool scheduled = false;
        for (const auto& entry : config.schedule) {
            if (entry.days.contains(weekday_of(day))) {
                scheduled = true;
                if (!marks_of(entry.name, day).kept()) {
                    return false;
                }
            }
        }
        return scheduled ? std::optional(true) : std::nullopt;
    };
    // Today is still in progress: it counts once complete, and never breaks the streak.
    sys_days day = all_completed(today) == true ? today : today - days{1};
    for (int walked = 0; walked < max_streak_days; ++walked, day -= days{1}) {
        auto completed = all_completed(day);
        if (completed == false) {
            break;
        }
        stats.streak_days += completed ? 1 : 0;
    }

    // The walk starts on the first day the history knows: days before the kiosk are not missed.
    std::optional<sys_days> first_day;
    for (const auto& [key, mark] : marks) {
        first_day = first_day ? std::min(*first_day, key.second) : key.second;
    }
    if (first_day) {
        auto going = [&](sys_days on) {
            int scheduled = 0;
            int done = 0;
            int kept = 0;
            for (const auto& entry : config.schedule) {
                if (entry.days.contains(weekday_of(on))) {
                    ++scheduled;
                    done += marks_of(entry.name, on).completed ? 1 : 0;
                    kept += marks_of(entry.name, on).kept() ? 1 : 0;
                }
            }
            return scheduled == 0      ? DayGoing::nothing_scheduled
                   : done == scheduled ? DayGoing::all_done
                   : kept > 0          ? DayGoing::some_done
                                       : DayGoing::none_done;
        };
        const sys_days last = all_completed(today) == true ? today : today - days{1};
        const sys_days first = std::max(*first_day, today - days{max_streak_days});
        stats.practice_days = practice_days_between(config, first, last, going);
    }

    for (auto& [week, total] : weeks) {
        total.iso_week = format_iso_week(week);
        stats.weeks.push_back(std::move(total));
    }
    return stats;
}

}  // namespace sk
