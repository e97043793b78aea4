#include "core/time/local_time.hpp"

#include <date/tz.h>

#include <cstdio>
#include <cstdlib>
#include <exception>

namespace sk {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::string_view zoneinfo_directory = "/usr/share/zoneinfo/";

date::local_seconds to_date_local(LocalSeconds wall) {
    return date::local_seconds{wall.time_since_epoch()};
}

// The name $TZ gives, in the tz database's terms; empty when $TZ defers to the system's zone.
std::string_view zone_name_from_tz(std::string_view tz) {
    if (tz.starts_with(':')) {
        tz.remove_prefix(1);
    }
    if (tz == "/etc/localtime") {
        return {};
    }
    if (tz.starts_with(zoneinfo_directory)) {
        tz.remove_prefix(zoneinfo_directory.size());
        // posix/ holds the same zones as the top level.
        if (tz.starts_with("posix/")) {
            tz.remove_prefix(6);
        }
    }
    return tz;
}

// Reads exactly `width` decimal digits at `position`, advancing it.
std::optional<int> read_digits(std::string_view text, std::size_t& position, std::size_t width) {
    if (text.size() < position + width) {
        return std::nullopt;
    }
    int value = 0;
    for (std::size_t index = position; index < position + width; ++index) {
        char character = text[index];
        if (character < '0' || character > '9') {
            return std::nullopt;
        }
        value = value * 10 + (character - '0');
    }
    position += width;
    return value;
}

bool read_char(std::string_view text, std::size_t& position, char expected) {
    if (position < text.size() && text[position] == expected) {
        ++position;
        return true;
    }
    return false;
}

// "YYYY-MM-DDTHH:MM[:SS]" at the start of `text`; `position` ends just after it.
std::optional<LocalSeconds> read_local_iso(std::string_view text, std::size_t& position) {
    auto year = read_digits(text, position, 4);
    if (!year || !read_char(text, position, '-')) {
        return std::nullopt;
    }
    auto month = read_digits(text, position, 2);
    if (!month || !read_char(text, position, '-')) {
        return std::nullopt;
    }
    auto day = read_digits(text, position, 2);
    if (!day || !read_char(text, position, 'T')) {
        return std::nullopt;
    }
    auto hour = read_digits(text, position, 2);
    if (!hour || !read_char(text, position, ':')) {
        return std::nullopt;
    }
    auto minute = read_digits(text, position, 2);
    if (!minute) {
        return std::nullopt;
    }
    int second = 0;
    if (read_char(text, position, ':')) {
        auto digits = read_digits(text, position, 2);
        if (!digits) {
            return std::nullopt;
        }
        second = *digits;
    }
    Date date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
              std::chrono::day{static_cast<unsigned>(*day)}};
    if (!date.ok() || *hour > 23 || *minute > 59 || second > 59) {
        return std::nullopt;
    }
    return LocalSeconds{std::chrono::local_days{date}.time_since_epoch() + hours{*hour} +
                        minutes{*minute} + seconds{second}};
}

std::string format_offset(seconds offset) {
    char sign = offset < seconds{0} ? '-' : '+';
    long long total = offset.count() < 0 ? -offset.count() : offset.count();
    char text[64];
    if (total % 60 == 0) {
        std::snprintf(text, sizeof text, "%c%02lld:%02lld", sign, total / 3600, total % 3600 / 60);
    } else {
        // Only local mean time before 1900 has offsets with seconds; keep them exact.
        std::snprintf(text, sizeof text, "%c%02lld:%02lld:%02lld", sign, total / 3600,
                      total % 3600 / 60, total % 60);
    }
    return text;
}

}  // namespace

std::optional<Zone> Zone::find(std::string_view iana_name) {
    try {
        return Zone{date::locate_zone(iana_name)};
    } catch (const std::exception&) {
        // Unknown name, or no readable database at all: both mean "no such zone here".
        return std::nullopt;
    }
}

Zone Zone::local() {
    return local_with_warning().zone;
}

LocalZone Zone::local_with_warning() {
    std::string warning;
    if (const char* tz = std::getenv("TZ"); tz != nullptr && *tz != '\0') {
        std::string_view name = zone_name_from_tz(tz);
        if (!name.empty()) {
            if (auto zone = find(name)) {
                return {*zone, {}};
            }
            warning = "TZ=" + std::string(tz) +
                      " is not a known time zone, so the system's zone is used. Set TZ to a name "
                      "such as Europe/Berlin.";
        }
    }
    try {
        if (const date::time_zone* zone = date::current_zone()) {
            return {Zone{zone}, warning};
        }
    } catch (const std::exception&) {
        // No /etc/localtime or no database: UTC below.
    }
    return {utc(),
            "No time zone could be read, so times are in UTC. Install the tzdata package or set "
            "TZ to a name such as Europe/Berlin."};
}

Zone Zone::utc() {
    return Zone{nullptr};
}

std::string Zone::name() const {
    return zone_ ? std::string(zone_->name()) : "UTC";
}

LocalSeconds Zone::to_local(SysSeconds instant) const {
    return LocalSeconds{instant.time_since_epoch() + offset_at(instant)};
}

seconds Zone::offset_at(SysSeconds instant) const {
    if (!zone_) {
        return seconds{0};
    }
    try {
        return zone_->get_info(instant).offset;
    } catch (const std::exception&) {
        // A zone file that vanished under us (tzdata upgrade): UTC rather than a crash.
        return seconds{0};
    }
}

SysSeconds Zone::to_instant(LocalSeconds wall) const {
    if (!zone_) {
        return SysSeconds{wall.time_since_epoch()};
    }
    try {
        date::local_info info = zone_->get_info(to_date_local(wall));
        switch (info.result) {
            case date::local_info::nonexistent:
                // The wall clock jumps over this reading: it happens when the clock jumps.
                return info.first.end;
            case date::local_info::ambiguous:
                // `first` is the period before the fall back: the earlier of the two instants.
            case date::local_info::unique:
                break;
        }
        return SysSeconds{wall.time_since_epoch() - info.first.offset};
    } catch (const std::exception&) {
        return SysSeconds{wall.time_since_epoch()};
    }
}

std::string format_iso(SysSeconds instant, const Zone& zone) {
    seconds offset = zone.offset_at(instant);
    LocalSeconds wall{instant.time_since_epoch() + offset};
    auto day_start = std::chrono::floor<days>(wall);
    std::chrono::hh_mm_ss<seconds> time{wall - day_start};
    char clock[64];
    std::snprintf(clock, sizeof clock, "T%02d:%02d:%02d", static_cast<int>(time.hours().count()),
                  static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    return format_date(Date{day_start}) + clock + format_offset(offset);
}

std::string format_date(Date date) {
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

std::optional<LocalSeconds> parse_local_iso(std::string_view text) {
    std::size_t position = 0;
    auto wall = read_local_iso(text, position);
    if (!wall || position != text.size()) {
        return std::nullopt;
    }
    return wall;
}

std::optional<SysSeconds> parse_iso_with_offset(std::string_view text) {
    std::size_t position = 0;
    auto wall = read_local_iso(text, position);
    if (!wall) {
        return std::nullopt;
    }
    if (read_char(text, position, 'Z')) {
        if (position != text.size()) {
            return std::nullopt;
        }
        return SysSeconds{wall->time_since_epoch()};
    }
    int sign = 0;
    if (read_char(text, position, '+')) {
        sign = 1;
    } else if (read_char(text, position, '-')) {
        sign = -1;
    } else {
        return std::nullopt;
    }
    auto offset_hours = read_digits(text, position, 2);
    if (!offset_hours || !read_char(text, position, ':')) {
        return std::nullopt;
    }
    auto offset_minutes = read_digits(text, position, 2);
    if (!offset_minutes) {
        return std::nullopt;
    }
    int offset_seconds = 0;
    if (read_char(text, position, ':')) {
        auto digits = read_digits(text, position, 2);
        if (!digits) {
            return std::nullopt;
        }
        offset_seconds = *digits;
    }
    if (position != text.size() || *offset_hours > 23 || *offset_minutes > 59 ||
        offset_seconds > 59) {
        return std::nullopt;
    }
    seconds offset = hours{*offset_hours} + minutes{*offset_minutes} + seconds{offset_seconds};
    return SysSeconds{wall->time_since_epoch() - sign * offset};
}

}  // namespace sk
