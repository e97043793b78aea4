// Schedule: when the config's entries happen, as instants, with real DST rules.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/model/config.hpp"
#include "core/time/local_time.hpp"

namespace sk {

// One happening of a schedule entry on one local date.
struct Occurrence {
    std::size_t entry_index = 0;  // into Config::schedule
    std::string entry_name;
    Date local_date;     // the date the entry was planned for (not moved by a DST gap)
    SysSeconds instant;  // when it happens

    // "Morning stretch@2027-03-28": identifies the occurrence for ever, whatever the clock does.
    std::string key() const;
    bool operator==(const Occurrence&) const = default;
};

// The next `count` occurrences strictly after `after`, in time order (ties in schedule order).
// A time in a spring-forward gap happens at the switch; a time that happens twice, at the first.
std::vector<Occurrence> next_occurrences(const Config& config, const Zone& zone, SysSeconds after,
                                         std::size_t count);

// Every occurrence with `from < instant <= to`, in time order.
std::vector<Occurrence> occurrences_between(const Config& config, const Zone& zone, SysSeconds from,
                                            SysSeconds to);

// The occurrence of entry `entry_index` on `local_date` (whether or not its days include that
// date).
Occurrence occurrence_on(const Config& config, const Zone& zone, std::size_t entry_index,
                         Date local_date);

// The day of the week of a date (ISO: Monday first).
Weekday weekday_of(Date date);

}  // namespace sk
