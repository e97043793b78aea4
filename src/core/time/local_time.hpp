// LocalTime: the bridge between instants and the user's wall clock, with real tz rules.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace sk {

// An instant on the system (UTC-based) clock, to the second. Never read here: always passed in.
using SysSeconds = std::chrono::sys_seconds;
// A wall-clock reading in some zone, to the second, with no zone attached.
using LocalSeconds = std::chrono::local_seconds;
// A calendar date.
using Date = std::chrono::year_month_day;

struct LocalZone;

// A time zone from the system tz database; a thin handle that is cheap to copy. A Zone made
// without the database (Zone::utc(), or the fallback when the database cannot be read) is UTC.
class Zone {
  public:
    // The zone named `iana_name` ("Europe/Berlin"), or nullopt if the database has no such zone.
    static std::optional<Zone> find(std::string_view iana_name);
    // The system's zone: $TZ if it names a zone, else /etc/localtime, else UTC.
    static Zone local();
    // The same, and one sentence for the user when $TZ was ignored or the zone fell back to UTC.
    static LocalZone local_with_warning();
    // Coordinated Universal Time; needs no tz database.
    static Zone utc();

    std::string name() const;

    // The wall-clock reading at `instant`, and the UTC offset in force then.
    LocalSeconds to_local(SysSeconds instant) const;
    std::chrono::seconds offset_at(SysSeconds instant) const;

    // The instant a wall-clock reading happens. A reading that falls in a spring-forward gap
    // happens at the instant of the switch; a reading that happens twice (fall back) resolves
    // to the first of the two.
    SysSeconds to_instant(LocalSeconds wall) const;

    bool operator==(const Zone& other) const { return zone_ == other.zone_; }

  private:
    explicit Zone(const date::time_zone* zone) : zone_(zone) {}
    const date::time_zone* zone_;  // nullptr: UTC without the database
};

// The system's zone and why it may not be the one the user meant.
struct LocalZone {
    Zone zone;
    std::string warning;  // empty when the zone is the one $TZ or the system names
};

// "2027-03-28T03:00:00+02:00": ISO 8601 local time with its UTC offset.
std::string format_iso(SysSeconds instant, const Zone& zone);
// "2027-03-28"
std::string format_date(Date date);
// Parses "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS" (a wall-clock reading, no offset).
std::optional<LocalSeconds> parse_local_iso(std::string_view text);
// Parses "YYYY-MM-DDTHH:MM:SS+HH:MM" (or "Z") as written by format_iso.
std::optional<SysSeconds> parse_iso_with_offset(std::string_view text);

// The local date of a wall-clock reading.
inline Date date_of(LocalSeconds wall) {
    return Date{std::chrono::floor<std::chrono::days>(wall)};
}

}  // namespace sk
