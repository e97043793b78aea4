// stats: today's marks, the streak and the week totals, read from the history records.
#include "core/history/stats.hpp"

#include <algorithm>
#include <compare>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <utility>

namespace sk {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

// How far back the streak walk looks at most: ten years of daily practice.
constexpr int max_streak_days = 3660;

// What the history says about one entry on one day.
struct DayMarks {
    bool completed = false;
    bool stopped = false;
    bool missed = false;
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
    return outcome == RecordOutcome::completed || outcome == RecordOutcome::stopped ||
           outcome == RecordOutcome::missed;
}

EntryToday::State state_of(const DayMarks& marks) {
    if (marks.completed) {
        return EntryToday::State::done;
    }
    if (marks.stopped) {
        return EntryToday::State::stopped;
    }
    if (marks.missed) {
        return EntryToday::State::missed;
    }
    return EntryToday::State::pending;
}

}  // namespace

Stats compute_stats(const Config& config, const Zone& zone,
                    const std::vector<HistoryRecord>& records, SysSeconds now) {
    std::map<EntryDay, DayMarks> marks;
    std::map<IsoWeek, WeekTotal, std::greater<>> weeks;
    for (const auto& record : records) {
        if (auto key = split_key(record.occurrence)) {
            DayMarks& mark = marks[*key];
            mark.completed = mark.completed || record.outcome == RecordOutcome::completed;
            mark.stopped = mark.stopped || record.outcome == RecordOutcome::stopped;
            mark.missed = mark.missed || record.outcome == RecordOutcome::missed;
        }
        if (is_session_outcome(record.outcome)) {
            WeekTotal& week = weeks[iso_week_of(day_of(record))];
            week.completed += record.outcome == RecordOutcome::completed ? 1 : 0;
            week.active += record.active;
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
                if (!marks_of(entry.name, day).completed) {
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

    for (auto& [week, total] : weeks) {
        total.iso_week = format_iso_week(week);
        stats.weeks.push_back(std::move(total));
    }
    return stats;
}

}  // namespace sk
