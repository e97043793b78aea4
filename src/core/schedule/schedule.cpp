#include "core/schedule/schedule.hpp"

#include <algorithm>
#include <cassert>
#include <limits>
#include <tuple>

namespace sk {
namespace {

using std::chrono::days;
using std::chrono::local_days;

// UTC offsets lie within -12:00..+14:00, so one local date's instants all fall within a span of
// under three days, and anything three dates later is later for certain.
constexpr std::size_t dates_of_overlap = 3;

Date next_date(Date date, int count = 1) {
    return Date{local_days{date} + days{count}};
}

// A date the wall clock skips entirely (Pacific/Apia, 2011-12-30) has no occurrences.
bool date_appears(const Zone& zone, Date date) {
    SysSeconds midnight = zone.to_instant(LocalSeconds{local_days{date}});
    return date_of(zone.to_local(midnight)) == date;
}

bool has_any_days(const Config& config) {
    return std::any_of(config.schedule.begin(), config.schedule.end(),
                       [](const ScheduleEntry& entry) { return !entry.days.empty(); });
}

// Appends the occurrences planned for `date` whose instants satisfy `wanted`.
template <typename Wanted>
void add_occurrences_on(const Config& config, const Zone& zone, Date date, Wanted wanted,
                        std::vector<Occurrence>& out) {
    if (!date_appears(zone, date)) {
        return;
    }
    Weekday weekday = weekday_of(date);
    for (std::size_t index = 0; index < config.schedule.size(); ++index) {
        if (!config.schedule[index].days.contains(weekday)) {
            continue;
        }
        Occurrence occurrence = occurrence_on(config, zone, index, date);
        if (wanted(occurrence.instant)) {
            out.push_back(std::move(occurrence));
        }
    }
}

void sort_occurrences(std::vector<Occurrence>& occurrences) {
    std::sort(occurrences.begin(), occurrences.end(), [](const Occurrence& a, const Occurrence& b) {
        return std::tie(a.instant, a.entry_index, a.local_date) <
               std::tie(b.instant, b.entry_index, b.local_date);
    });
}

}  // namespace

Weekday weekday_of(Date date) {
    // iso_encoding() counts Monday as 1; Weekday counts it as 0.
    unsigned iso = std::chrono::weekday{local_days{date}}.iso_encoding();
    return static_cast<Weekday>(iso - 1);
}

std::string Occurrence::key() const {
    return entry_name + '@' + format_date(local_date);
}

Occurrence occurrence_on(const Config& config, const Zone& zone, std::size_t entry_index,
                         Date local_date) {
    assert(entry_index < config.schedule.size() && "occurrence_on: entry index out of range");
    const ScheduleEntry& entry = config.schedule[entry_index];
    LocalSeconds wall{local_days{local_date} + entry.time.since_midnight};
    return Occurrence{entry_index, entry.name, local_date, zone.to_instant(wall)};
}

std::vector<Occurrence> next_occurrences(const Config& config, const Zone& zone, SysSeconds after,
                                         std::size_t count) {
    std::vector<Occurrence> found;
    if (count == 0 || !has_any_days(config)) {
        return found;
    }
    // Every week holds at least one occurrence, bar the rare date a zone skips: this bound is
    // never reached by a schedule with days, and stops the loop if it somehow were.
    constexpr std::size_t max_count = std::numeric_limits<std::size_t>::max() / 8 - 64;
    std::size_t date_limit = 7 * std::min(count, max_count) + 14 + dates_of_overlap;

    auto is_after = [after](SysSeconds instant) { return instant > after; };
    // Start a day early: in a zone west of UTC a time of the previous date can still be ahead.
    Date date = next_date(date_of(zone.to_local(after)), -1);
    std::optional<std::size_t> dates_left;
    for (std::size_t dates_seen = 0; dates_seen < date_limit; ++dates_seen) {
        add_occurrences_on(config, zone, date, is_after, found);
        if (dates_left) {
            if (--*dates_left == 0) {
                break;
            }
        } else if (found.size() >= count) {
            // A later date can still hold an earlier instant (a long gap, a skipped date).
            dates_left = dates_of_overlap;
        }
        date = next_date(date);
    }
    sort_occurrences(found);
    if (found.size() > count) {
        found.resize(count);
    }
    return found;
}

std::vector<Occurrence> occurrences_between(const Config& config, const Zone& zone, SysSeconds from,
                                            SysSeconds to) {
    std::vector<Occurrence> found;
    if (to <= from || !has_any_days(config)) {
        return found;
    }
    auto in_range = [from, to](SysSeconds instant) { return from < instant && instant <= to; };
    Date last = next_date(date_of(zone.to_local(to)), 1);
    for (Date date = next_date(date_of(zone.to_local(from)), -1);
         local_days{date} <= local_days{last}; date = next_date(date)) {
        add_occurrences_on(config, zone, date, in_range, found);
    }
    sort_occurrences(found);
    return found;
}

}  // namespace sk
