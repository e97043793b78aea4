// Tests for LocalTime: zones, wall clock to instant in DST gaps and overlaps, ISO text both ways.
#include <cstdlib>
#include <optional>
#include <string>

#include "catch.hpp"
#include "core/time/local_time.hpp"
#include "zones.hpp"

namespace {

using sk::test::zone_named;

using namespace std::chrono_literals;
using sk::LocalSeconds;
using sk::SysSeconds;
using sk::Zone;

// Instants are built with plain chrono arithmetic, not with the parser under test.
SysSeconds utc(int year, unsigned month, unsigned day, int hour, int minute, int second = 0) {
    std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month},
                                     std::chrono::day{day}};
    return std::chrono::sys_days{date} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
           std::chrono::seconds{second};
}

LocalSeconds wall(int year, unsigned month, unsigned day, int hour, int minute, int second = 0) {
    return LocalSeconds{utc(year, month, day, hour, minute, second).time_since_epoch()};
}

// Sets (or with nullopt unsets) $TZ for one scope and puts the old value back.
class ScopedTz {
  public:
    explicit ScopedTz(const std::optional<std::string>& value) {
        if (const char* old = std::getenv("TZ")) {
            old_ = old;
        }
        set(value);
    }
    ~ScopedTz() { set(old_); }
    ScopedTz(const ScopedTz&) = delete;
    ScopedTz& operator=(const ScopedTz&) = delete;

  private:
    static void set(const std::optional<std::string>& value) {
        if (value) {
            setenv("TZ", value->c_str(), 1);
        } else {
            unsetenv("TZ");
        }
    }
    std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("find knows IANA names and nothing else") {
    CHECK(zone_named("Europe/Berlin").name() == "Europe/Berlin");
    CHECK(zone_named("Australia/Lord_Howe").name() == "Australia/Lord_Howe");
    CHECK(zone_named("UTC").name() == "UTC");

    auto name = GENERATE(as<std::string>{}, "", "Mars/Olympus", "europe/berlin", "Europe/Berlin/",
                         "/usr/share/zoneinfo/Europe/Berlin", "../../etc/passwd", "zone.tab",
                         "Europe/Berlin ");
    CAPTURE(name);
    CHECK_FALSE(Zone::find(name).has_value());
}

TEST_CASE("utc needs no database and is plain UTC") {
    Zone zone = Zone::utc();
    CHECK(zone.name() == "UTC");
    CHECK(zone.offset_at(utc(2027, 7, 1, 12, 0)) == 0s);
    CHECK(zone.to_instant(wall(2027, 3, 28, 2, 30)) == utc(2027, 3, 28, 2, 30));
    CHECK(sk::format_iso(utc(2027, 3, 28, 2, 30), zone) == "2027-03-28T02:30:00+00:00");
}

TEST_CASE("local follows TZ, strips a leading colon and accepts zoneinfo paths") {
    auto [tz, expected] = GENERATE(table<std::string, std::string>({
        {"Europe/Berlin", "Europe/Berlin"},
        {":America/New_York", "America/New_York"},
        {"/usr/share/zoneinfo/Australia/Lord_Howe", "Australia/Lord_Howe"},
        {":/usr/share/zoneinfo/Pacific/Apia", "Pacific/Apia"},
        {"/usr/share/zoneinfo/posix/Europe/Berlin", "Europe/Berlin"},
    }));
    CAPTURE(tz);
    ScopedTz scoped(tz);
    sk::LocalZone local = Zone::local_with_warning();
    CHECK(local.zone.name() == expected);
    CHECK(local.warning.empty());
    CHECK(Zone::local().name() == expected);
}

TEST_CASE("local without a usable TZ is the system zone, with a warning only for a bad TZ") {
    std::optional<sk::LocalZone> system;
    {
        ScopedTz unset(std::nullopt);
        system = Zone::local_with_warning();
    }
    // This machine's zone may be anything; with no readable one it must be UTC, and say so.
    if (!system->warning.empty()) {
        CHECK(system->zone.name() == "UTC");
        CHECK(system->warning ==
              "No time zone could be read, so times are in UTC. Install the tzdata package or set "
              "TZ to a name such as Europe/Berlin.");
    }

    SECTION("empty TZ and /etc/localtime mean the system zone, silently") {
        auto tz = GENERATE(as<std::string>{}, "", ":", ":/etc/localtime", "/etc/localtime");
        CAPTURE(tz);
        ScopedTz scoped(tz);
        sk::LocalZone local = Zone::local_with_warning();
        CHECK(local.zone == system->zone);
        CHECK(local.warning == system->warning);
    }
    SECTION("a TZ that names no zone falls back to the system zone and says so") {
        auto [tz, expected] = GENERATE(table<std::string, std::string>({
            {"Mars/Olympus",
             "TZ=Mars/Olympus is not a known time zone, so the system's zone is used. Set TZ to a "
             "name such as Europe/Berlin."},
            {"CET-1CEST,M3.5.0,M10.5.0/3",
             "TZ=CET-1CEST,M3.5.0,M10.5.0/3 is not a known time zone, so the system's zone is "
             "used. Set TZ to a name such as Europe/Berlin."},
            {"/usr/share/zoneinfo/Nowhere",
             "TZ=/usr/share/zoneinfo/Nowhere is not a known time zone, so the system's zone is "
             "used. Set TZ to a name such as Europe/Berlin."},
        }));
        CAPTURE(tz);
        ScopedTz scoped(tz);
        sk::LocalZone local = Zone::local_with_warning();
        CHECK(local.zone == system->zone);
        if (system->warning.empty()) {
            CHECK(local.warning == expected);
        } else {
            CHECK(local.warning == system->warning);
        }
    }
}

TEST_CASE("to_instant: unique readings, spring-forward gaps and fall-back overlaps") {
    // Expected instants: the switch for a gap, the first (summer-time) instant for an overlap.
    struct Row {
        std::string zone;
        LocalSeconds reading;
        SysSeconds expected;
        std::string iso;
    };
    auto row = GENERATE(values<Row>({
        {"Europe/Berlin", wall(2027, 7, 1, 12, 0), utc(2027, 7, 1, 10, 0),
         "2027-07-01T12:00:00+02:00"},
        {"Europe/Berlin", wall(2027, 3, 28, 1, 59, 59), utc(2027, 3, 28, 0, 59, 59),
         "2027-03-28T01:59:59+01:00"},
        {"Europe/Berlin", wall(2027, 3, 28, 2, 0), utc(2027, 3, 28, 1, 0),
         "2027-03-28T03:00:00+02:00"},
        {"Europe/Berlin", wall(2027, 3, 28, 2, 30), utc(2027, 3, 28, 1, 0),
         "2027-03-28T03:00:00+02:00"},
        {"Europe/Berlin", wall(2027, 3, 28, 3, 0), utc(2027, 3, 28, 1, 0),
         "2027-03-28T03:00:00+02:00"},
        {"Europe/Berlin", wall(2027, 10, 31, 2, 30), utc(2027, 10, 31, 0, 30),
         "2027-10-31T02:30:00+02:00"},
        {"Europe/Berlin", wall(2027, 10, 31, 3, 0), utc(2027, 10, 31, 2, 0),
         "2027-10-31T03:00:00+01:00"},
        {"America/New_York", wall(2027, 3, 14, 2, 30), utc(2027, 3, 14, 7, 0),
         "2027-03-14T03:00:00-04:00"},
        {"America/New_York", wall(2027, 11, 7, 1, 30), utc(2027, 11, 7, 5, 30),
         "2027-11-07T01:30:00-04:00"},
        // Lord Howe moves by 30 minutes: 02:00 +10:30 becomes 02:30 +11:00, and back.
        {"Australia/Lord_Howe", wall(2027, 10, 3, 2, 15), utc(2027, 10, 2, 15, 30),
         "2027-10-03T02:30:00+11:00"},
        {"Australia/Lord_Howe", wall(2027, 10, 3, 2, 30), utc(2027, 10, 2, 15, 30),
         "2027-10-03T02:30:00+11:00"},
        {"Australia/Lord_Howe", wall(2027, 4, 4, 1, 45), utc(2027, 4, 3, 14, 45),
         "2027-04-04T01:45:00+11:00"},
        {"Australia/Lord_Howe", wall(2027, 4, 4, 2, 0), utc(2027, 4, 3, 15, 30),
         "2027-04-04T02:00:00+10:30"},
        // Apia skipped all of 2011-12-30: any reading that day happens at the switch.
        {"Pacific/Apia", wall(2011, 12, 29, 23, 59, 59), utc(2011, 12, 30, 9, 59, 59),
         "2011-12-29T23:59:59-10:00"},
        {"Pacific/Apia", wall(2011, 12, 30, 7, 0), utc(2011, 12, 30, 10, 0),
         "2011-12-31T00:00:00+14:00"},
        {"Pacific/Apia", wall(2011, 12, 31, 7, 0), utc(2011, 12, 30, 17, 0),
         "2011-12-31T07:00:00+14:00"},
    }));
    CAPTURE(row.zone, row.iso);
    Zone zone = zone_named(row.zone);
    SysSeconds instant = zone.to_instant(row.reading);
    CHECK(instant == row.expected);
    CHECK(sk::format_iso(instant, zone) == row.iso);
}

TEST_CASE("format_iso writes every kind of offset with hours and minutes") {
    auto [zone_name, instant, expected] = GENERATE(table<std::string, SysSeconds, std::string>({
        {"Australia/Lord_Howe", utc(2027, 7, 1, 0, 0), "2027-07-01T10:30:00+10:30"},
        {"Australia/Lord_Howe", utc(2027, 1, 1, 0, 0), "2027-01-01T11:00:00+11:00"},
        {"America/St_Johns", utc(2027, 1, 15, 12, 0), "2027-01-15T08:30:00-03:30"},
        {"Pacific/Apia", utc(2027, 7, 1, 0, 0), "2027-07-01T13:00:00+13:00"},
        {"Europe/London", utc(2027, 1, 15, 23, 59, 59), "2027-01-15T23:59:59+00:00"},
        {"Asia/Kathmandu", utc(2027, 1, 15, 0, 0), "2027-01-15T05:45:00+05:45"},
        {"America/New_York", utc(2027, 1, 1, 3, 0), "2026-12-31T22:00:00-05:00"},
    }));
    CAPTURE(zone_name);
    CHECK(sk::format_iso(instant, zone_named(zone_name)) == expected);
}

TEST_CASE("Lord Howe: offsets and wall clock on both sides of a 30-minute shift") {
    Zone zone = zone_named("Australia/Lord_Howe");
    SysSeconds spring_switch = utc(2027, 10, 2, 15, 30);  // 02:00 +10:30 becomes 02:30 +11:00
    CHECK(zone.offset_at(spring_switch - 1s) == 10h + 30min);
    CHECK(zone.offset_at(spring_switch) == 11h);
    CHECK(zone.to_local(spring_switch - 1s) == wall(2027, 10, 3, 1, 59, 59));
    CHECK(zone.to_local(spring_switch) == wall(2027, 10, 3, 2, 30));

    SysSeconds autumn_switch = utc(2027, 4, 3, 15, 0);  // 02:00 +11:00 becomes 01:30 +10:30
    CHECK(zone.offset_at(autumn_switch - 1s) == 11h);
    CHECK(zone.offset_at(autumn_switch) == 10h + 30min);
    CHECK(zone.to_local(autumn_switch - 1s) == wall(2027, 4, 4, 1, 59, 59));
    CHECK(zone.to_local(autumn_switch) == wall(2027, 4, 4, 1, 30));
}

TEST_CASE("Apia 2011-12-30 never appears on the wall clock") {
    Zone zone = zone_named("Pacific/Apia");
    SysSeconds switch_instant = utc(2011, 12, 30, 10, 0);
    CHECK(zone.to_local(switch_instant - 1s) == wall(2011, 12, 29, 23, 59, 59));
    CHECK(zone.to_local(switch_instant) == wall(2011, 12, 31, 0, 0));
    std::chrono::year_month_day skipped{std::chrono::year{2011}, std::chrono::December,
                                        std::chrono::day{30}};
    for (SysSeconds instant = switch_instant - 48h; instant < switch_instant + 48h;
         instant += 15min) {
        CAPTURE(sk::format_iso(instant, zone));
        CHECK(sk::date_of(zone.to_local(instant)) != skipped);
    }
}

TEST_CASE("format_iso and parse_iso_with_offset round-trip every quarter hour of DST days") {
    auto [zone_name, day_start] = GENERATE(table<std::string, SysSeconds>({
        {"Europe/Berlin", utc(2027, 3, 27, 12, 0)},
        {"Europe/Berlin", utc(2027, 10, 30, 12, 0)},
        {"America/New_York", utc(2027, 11, 6, 12, 0)},
        {"Australia/Lord_Howe", utc(2027, 10, 2, 0, 0)},
        {"Pacific/Apia", utc(2011, 12, 29, 12, 0)},
        {"America/St_Johns", utc(2027, 3, 14, 0, 0)},
    }));
    Zone zone = zone_named(zone_name);
    for (SysSeconds instant = day_start; instant < day_start + 48h; instant += 15min + 1s) {
        std::string text = sk::format_iso(instant, zone);
        CAPTURE(zone_name, text);
        CHECK(sk::parse_iso_with_offset(text) == instant);
        // The wall-clock part parses back to the same reading, which maps back to this instant
        // unless it is the second of two equal readings (then it maps to the first).
        auto reading = sk::parse_local_iso(text.substr(0, 19));
        REQUIRE(reading.has_value());
        CHECK(*reading == zone.to_local(instant));
        SysSeconds back = zone.to_instant(*reading);
        CHECK((back == instant || (back < instant && zone.to_local(back) == *reading)));
    }
}

TEST_CASE("parse_local_iso reads a wall-clock reading, with or without seconds") {
    CHECK(sk::parse_local_iso("2027-03-28T06:00") == wall(2027, 3, 28, 6, 0));
    CHECK(sk::parse_local_iso("2027-03-28T06:00:30") == wall(2027, 3, 28, 6, 0, 30));
    CHECK(sk::parse_local_iso("2028-02-29T23:59:59") == wall(2028, 2, 29, 23, 59, 59));
    CHECK(sk::parse_local_iso("2000-01-01T00:00") == wall(2000, 1, 1, 0, 0));
}

TEST_CASE("parse_local_iso refuses anything out of range or out of shape") {
    auto text = GENERATE(
        as<std::string>{}, "", "2027-13-01T00:00", "2027-00-10T00:00", "2027-01-00T00:00",
        "2027-02-30T12:00", "2027-02-29T12:00", "2027-04-31T12:00", "2027-03-28T24:00",
        "2027-03-28T23:60", "2027-03-28T23:59:60", "2027-03-28", "2027-03-28 06:00",
        "2027-03-28t06:00", "2027-3-28T06:00", "2027-03-28T6:00", "2027-03-28T06:0",
        "2027-03-28T06:00:0", "2027-03-28T06:00:00Z", "2027-03-28T06:00+01:00", "2027-03-28T06:00 ",
        " 2027-03-28T06:00", "+027-03-28T06:00", "2027-03-28T06:00:00.5", "２０２７-03-28T06:00");
    CAPTURE(text);
    CHECK_FALSE(sk::parse_local_iso(text).has_value());
}

TEST_CASE("parse_iso_with_offset reads the form format_iso writes, and Z") {
    auto [text, expected] = GENERATE(table<std::string, SysSeconds>({
        {"2027-03-28T03:00:00+02:00", utc(2027, 3, 28, 1, 0)},
        {"2027-03-28T01:00:00Z", utc(2027, 3, 28, 1, 0)},
        {"2027-01-15T08:30:00-03:30", utc(2027, 1, 15, 12, 0)},
        {"2027-07-01T13:00:00+13:00", utc(2027, 7, 1, 0, 0)},
        {"2027-01-01T00:10:00+00:00", utc(2027, 1, 1, 0, 10)},
        {"2027-01-01T00:10:00-00:00", utc(2027, 1, 1, 0, 10)},
        {"2027-07-01T10:30+10:30", utc(2027, 7, 1, 0, 0)},
    }));
    CAPTURE(text);
    CHECK(sk::parse_iso_with_offset(text) == expected);
}

TEST_CASE("parse_iso_with_offset refuses a missing or malformed offset") {
    auto text =
        GENERATE(as<std::string>{}, "", "2027-03-28T03:00:00", "2027-03-28T03:00:00+0200",
                 "2027-03-28T03:00:00+02", "2027-03-28T03:00:00+24:00", "2027-03-28T03:00:00+02:60",
                 "2027-03-28T03:00:00 +02:00", "2027-03-28T03:00:00+02:00 ", "2027-03-28T03:00:00z",
                 "2027-03-28T03:00:00ZZ", "2027-03-28T03:00:00Z+01:00", "2027-02-30T03:00:00+02:00",
                 "2027-03-28T03:00:00*02:00");
    CAPTURE(text);
    CHECK_FALSE(sk::parse_iso_with_offset(text).has_value());
}

TEST_CASE("format_date pads to YYYY-MM-DD") {
    CHECK(sk::format_date(std::chrono::year{2027} / 3 / 8) == "2027-03-08");
    CHECK(sk::format_date(std::chrono::year{987} / 12 / 31) == "0987-12-31");
}
