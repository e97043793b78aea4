// Tests for Schedule: occurrences across DST, skipped dates and weekday sets, checked against
// systemd's calendar.
#include <string>
#include <vector>

#include "catch.hpp"
#include "core/schedule/schedule.hpp"
#include "zones.hpp"

namespace {

using sk::test::zone_named;

using namespace std::chrono_literals;
using sk::Config;
using sk::Occurrence;
using sk::SysSeconds;
using sk::Weekday;
using sk::Weekdays;
using sk::Zone;

// "2027-03-28 05:00" in UTC, the way systemd-analyze prints "(in UTC)".
SysSeconds utc(const std::string& text) {
    auto wall = sk::parse_local_iso(text.substr(0, 10) + 'T' + text.substr(11));
    INFO("utc " << text);
    REQUIRE(wall.has_value());
    return SysSeconds{wall->time_since_epoch()};
}

// A wall-clock reading in `zone`, as systemd's --base-time reads it.
SysSeconds local(const Zone& zone, const std::string& text) {
    return zone.to_instant(sk::LocalSeconds{utc(text).time_since_epoch()});
}

Weekdays days_of(std::initializer_list<Weekday> list) {
    Weekdays days;
    for (Weekday day : list) {
        days.insert(day);
    }
    return days;
}

const Weekdays every_day = days_of({Weekday::mon, Weekday::tue, Weekday::wed, Weekday::thu,
                                    Weekday::fri, Weekday::sat, Weekday::sun});

sk::ScheduleEntry entry(std::string name, int hour, int minute, Weekdays days = every_day) {
    sk::ScheduleEntry result;
    result.name = std::move(name);
    result.time = sk::TimeOfDay{std::chrono::hours{hour} + std::chrono::minutes{minute}};
    result.days = days;
    result.routine = "full";
    return result;
}

Config config_with(std::vector<sk::ScheduleEntry> entries) {
    Config config;
    config.schedule = std::move(entries);
    return config;
}

// Instants compared as UTC text, so that a failure prints readable times.
std::vector<std::string> instants(const std::vector<Occurrence>& occurrences) {
    std::vector<std::string> result;
    for (const auto& occurrence : occurrences) {
        result.push_back(sk::format_iso(occurrence.instant, Zone::utc()));
    }
    return result;
}

std::vector<std::string> utcs(const std::vector<std::string>& texts) {
    std::vector<std::string> result;
    for (const auto& text : texts) {
        result.push_back(sk::format_iso(utc(text), Zone::utc()));
    }
    return result;
}

std::vector<std::string> keys(const std::vector<Occurrence>& occurrences) {
    std::vector<std::string> result;
    for (const auto& occurrence : occurrences) {
        result.push_back(occurrence.key());
    }
    return result;
}

struct OracleRow {
    std::string zone;
    std::string base;  // local wall-clock time, as given to --base-time
    int hour = 0;
    int minute = 0;
    std::vector<std::string> expected_utc;
};

}  // namespace

// Every expected list below is the "(in UTC)" column of
//   TZ=<zone> systemd-analyze calendar --iterations=N --base-time='<base>' '*-*-* HH:MM:00'
// run with systemd 252 on Debian 12. Where systemd and we agree, the rows are its answer.
TEST_CASE("next_occurrences agrees with systemd across DST, 30-minute shifts and a skipped date") {
    auto row = GENERATE(values<OracleRow>({
        {"Europe/Berlin",
         "2027-03-26 12:00",
         7,
         0,
         {"2027-03-27 06:00", "2027-03-28 05:00", "2027-03-29 05:00", "2027-03-30 05:00"}},
        {"Europe/Berlin",
         "2027-10-29 12:00",
         7,
         0,
         {"2027-10-30 05:00", "2027-10-31 06:00", "2027-11-01 06:00", "2027-11-02 06:00"}},
        // 02:30 happens twice on 2027-10-31: both fire once, at the first.
        {"Europe/Berlin",
         "2027-10-30 12:00",
         2,
         30,
         {"2027-10-31 00:30", "2027-11-01 01:30", "2027-11-02 01:30"}},
        {"America/New_York",
         "2027-03-12 12:00",
         7,
         0,
         {"2027-03-13 12:00", "2027-03-14 11:00", "2027-03-15 11:00", "2027-03-16 11:00"}},
        {"America/New_York",
         "2027-11-05 12:00",
         7,
         0,
         {"2027-11-06 11:00", "2027-11-07 12:00", "2027-11-08 12:00", "2027-11-09 12:00"}},
        {"America/New_York",
         "2027-11-06 12:00",
         1,
         30,
         {"2027-11-07 05:30", "2027-11-08 06:30", "2027-11-09 06:30"}},
        {"Australia/Lord_Howe",
         "2027-04-02 12:00",
         7,
         0,
         {"2027-04-02 20:00", "2027-04-03 20:30", "2027-04-04 20:30", "2027-04-05 20:30"}},
        {"Australia/Lord_Howe",
         "2027-10-01 12:00",
         7,
         0,
         {"2027-10-01 20:30", "2027-10-02 20:00", "2027-10-03 20:00", "2027-10-04 20:00"}},
        {"Australia/Lord_Howe",
         "2027-04-03 12:00",
         1,
         45,
         {"2027-04-03 14:45", "2027-04-04 15:15", "2027-04-05 15:15"}},
        // Apia skipped 2011-12-30: nothing happens on it.
        {"Pacific/Apia",
         "2011-12-28 12:00",
         7,
         0,
         {"2011-12-29 17:00", "2011-12-30 17:00", "2011-12-31 17:00", "2012-01-01 17:00"}},
        {"Pacific/Apia",
         "2011-12-29 12:00",
         23,
         30,
         {"2011-12-30 09:30", "2011-12-31 09:30", "2012-01-01 09:30"}},
    }));
    CAPTURE(row.zone, row.base, row.hour, row.minute);
    Zone zone = zone_named(row.zone);
    Config config = config_with({entry("Daily", row.hour, row.minute)});
    auto found = sk::next_occurrences(config, zone, local(zone, row.base), row.expected_utc.size());
    CHECK(instants(found) == utcs(row.expected_utc));
}

// systemd skips a time the wall clock jumps over; we fire it at the switch instead. Each row's
// systemd list is from the command above; ours is the switch followed by systemd's list.
TEST_CASE("a time in a spring-forward gap fires at the switch, where systemd skips it") {
    auto row = GENERATE(values<OracleRow>({
        {"Europe/Berlin",
         "2027-03-27 12:00",
         2,
         30,
         {"2027-03-29 00:30", "2027-03-30 00:30", "2027-03-31 00:30"}},
        {"America/New_York",
         "2027-03-13 12:00",
         2,
         30,
         {"2027-03-15 06:30", "2027-03-16 06:30", "2027-03-17 06:30"}},
        {"Australia/Lord_Howe",
         "2027-10-02 12:00",
         2,
         15,
         {"2027-10-03 15:15", "2027-10-04 15:15", "2027-10-05 15:15"}},
    }));
    CAPTURE(row.zone);
    Zone zone = zone_named(row.zone);
    Config config = config_with({entry("Daily", row.hour, row.minute)});
    auto found = sk::next_occurrences(config, zone, local(zone, row.base), 4);
    REQUIRE(found.size() == 4);

    std::vector<std::string> ours = instants(found);
    std::vector<std::string> ours_after_gap(ours.begin() + 1, ours.end());
    CHECK(ours_after_gap == utcs(row.expected_utc));
    // The extra first one is on the gap's date, at the instant the clock jumps.
    CHECK(found[0].instant < utc(row.expected_utc.front()));
    CHECK(zone.offset_at(found[0].instant - 1s) != zone.offset_at(found[0].instant));
    CHECK(sk::date_of(zone.to_local(found[0].instant)) == found[0].local_date);
}

TEST_CASE("gap occurrences: the switch instant and the planned date, zone by zone") {
    auto [zone_name, base, switch_iso,
          key] = GENERATE(table<std::string, std::string, std::string, std::string>({
        {"Europe/Berlin", "2027-03-27 12:00", "2027-03-28T03:00:00+02:00", "Daily@2027-03-28"},
        {"America/New_York", "2027-03-13 12:00", "2027-03-14T03:00:00-04:00", "Daily@2027-03-14"},
    }));
    CAPTURE(zone_name);
    Zone zone = zone_named(zone_name);
    Config config = config_with({entry("Daily", 2, 30)});
    auto found = sk::next_occurrences(config, zone, local(zone, base), 1);
    REQUIRE(found.size() == 1);
    CHECK(sk::format_iso(found[0].instant, zone) == switch_iso);
    CHECK(found[0].key() == key);

    // Lord Howe's gap is 02:00 to 02:30: 02:15 fires at 02:30 +11:00.
    Zone lord_howe = zone_named("Australia/Lord_Howe");
    auto moved = sk::next_occurrences(config_with({entry("Daily", 2, 15)}), lord_howe,
                                      local(lord_howe, "2027-10-02 12:00"), 1);
    REQUIRE(moved.size() == 1);
    CHECK(sk::format_iso(moved[0].instant, lord_howe) == "2027-10-03T02:30:00+11:00");
}

TEST_CASE("Apia 2011-12-30 has no occurrences and the dates around it do") {
    Zone apia = zone_named("Pacific/Apia");
    Config config = config_with({entry("Morning stretch", 7, 0), entry("Bedtime stretch", 21, 30)});
    auto found = sk::next_occurrences(config, apia, local(apia, "2011-12-29 00:00"), 4);
    CHECK(keys(found) ==
          std::vector<std::string>{"Morning stretch@2011-12-29", "Bedtime stretch@2011-12-29",
                                   "Morning stretch@2011-12-31", "Bedtime stretch@2011-12-31"});
    auto between = sk::occurrences_between(config, apia, local(apia, "2011-12-29 00:00"),
                                           local(apia, "2011-12-31 23:59"));
    CHECK(keys(between) == keys(found));
}

// The weekday rows come from systemd too, with 'Mon..Fri', 'Sat,Sun' and 'Mon,Fri' in place of
// the first '*' of the calendar spec.
TEST_CASE("weekday sets: weekdays only, weekends, and a list") {
    using W = Weekday;
    auto [zone_name, base, days, expected] =
        GENERATE(table<std::string, std::string, Weekdays, std::vector<std::string>>({
            {"Europe/Berlin",
             "2027-03-25 12:00",
             days_of({W::mon, W::tue, W::wed, W::thu, W::fri}),
             {"2027-03-26 06:00", "2027-03-29 05:00", "2027-03-30 05:00", "2027-03-31 05:00",
              "2027-04-01 05:00"}},
            {"Europe/Berlin",
             "2027-03-25 12:00",
             days_of({W::sat, W::sun}),
             {"2027-03-27 06:00", "2027-03-28 05:00", "2027-04-03 05:00", "2027-04-04 05:00"}},
            {"America/New_York",
             "2027-03-10 12:00",
             days_of({W::mon, W::fri}),
             {"2027-03-12 12:00", "2027-03-15 11:00", "2027-03-19 11:00", "2027-03-22 11:00"}},
        }));
    CAPTURE(zone_name, base);
    Zone zone = zone_named(zone_name);
    Config config = config_with({entry("Stretch", 7, 0, days)});
    auto found = sk::next_occurrences(config, zone, local(zone, base), expected.size());
    CHECK(instants(found) == utcs(expected));
}

TEST_CASE("weekday_of counts Monday first") {
    CHECK(sk::weekday_of(std::chrono::year{2027} / 3 / 28) == Weekday::sun);
    CHECK(sk::weekday_of(std::chrono::year{2027} / 3 / 29) == Weekday::mon);
    CHECK(sk::weekday_of(std::chrono::year{2027} / 4 / 3) == Weekday::sat);
}

TEST_CASE("occurrences are strictly after `after`, in time order, ties in schedule order") {
    Zone berlin = zone_named("Europe/Berlin");
    SysSeconds seven = local(berlin, "2027-06-01 07:00");

    SECTION("an occurrence exactly at `after` is not next") {
        Config config = config_with({entry("Morning stretch", 7, 0)});
        auto found = sk::next_occurrences(config, berlin, seven, 1);
        REQUIRE(found.size() == 1);
        CHECK(found[0].key() == "Morning stretch@2027-06-02");
        auto just_before = sk::next_occurrences(config, berlin, seven - 1s, 1);
        REQUIRE(just_before.size() == 1);
        CHECK(just_before[0].key() == "Morning stretch@2027-06-01");
    }
    SECTION("two entries at one time come in schedule order") {
        Config config =
            config_with({entry("Second", 7, 0), entry("First", 6, 0), entry("Also seven", 7, 0)});
        auto found = sk::next_occurrences(config, berlin, seven - 2h, 4);
        CHECK(keys(found) == std::vector<std::string>{"First@2027-06-01", "Second@2027-06-01",
                                                      "Also seven@2027-06-01", "First@2027-06-02"});
        CHECK(found[1].entry_index == 0);
        CHECK(found[2].entry_index == 2);
    }
    SECTION("two times in one gap both fire at the switch, in schedule order") {
        Config config = config_with({entry("Late", 2, 45), entry("Early", 2, 15)});
        auto found = sk::next_occurrences(config, berlin, local(berlin, "2027-03-28 00:00"), 2);
        CHECK(keys(found) == std::vector<std::string>{"Late@2027-03-28", "Early@2027-03-28"});
        CHECK(found[0].instant == found[1].instant);
    }
}

TEST_CASE("an empty schedule, or one with no days, has no occurrences") {
    Zone berlin = zone_named("Europe/Berlin");
    SysSeconds now = local(berlin, "2027-06-01 07:00");
    CHECK(sk::next_occurrences(Config{}, berlin, now, 5).empty());
    CHECK(sk::occurrences_between(Config{}, berlin, now, now + 48h).empty());
    Config no_days = config_with({entry("Never", 7, 0, Weekdays{})});
    CHECK(sk::next_occurrences(no_days, berlin, now, 5).empty());
    Config daily = config_with({entry("Morning stretch", 7, 0)});
    CHECK(sk::next_occurrences(daily, berlin, now, 0).empty());
}

TEST_CASE("many occurrences keep their order across a year of DST changes") {
    Zone new_york = zone_named("America/New_York");
    Config config =
        config_with({entry("Morning stretch", 7, 0), entry("Night", 1, 30), entry("Gap", 2, 30)});
    auto found = sk::next_occurrences(config, new_york, local(new_york, "2027-01-01 00:00"), 1095);
    REQUIRE(found.size() == 1095);
    for (std::size_t index = 1; index < found.size(); ++index) {
        CAPTURE(found[index].key());
        CHECK(found[index - 1].instant <= found[index].instant);
        CHECK(found[index - 1].key() != found[index].key());
    }
    CHECK(found.back().key() == "Morning stretch@2027-12-31");
}

TEST_CASE("occurrences_between takes from < instant <= to") {
    Zone berlin = zone_named("Europe/Berlin");
    Config config = config_with({entry("Morning stretch", 7, 0), entry("Bedtime stretch", 21, 30)});
    SysSeconds morning = local(berlin, "2027-03-28 07:00");
    SysSeconds bedtime = local(berlin, "2027-03-28 21:30");

    CHECK(keys(sk::occurrences_between(config, berlin, morning, bedtime)) ==
          std::vector<std::string>{"Bedtime stretch@2027-03-28"});
    CHECK(keys(sk::occurrences_between(config, berlin, morning - 1s, bedtime - 1s)) ==
          std::vector<std::string>{"Morning stretch@2027-03-28"});
    // 24 hours before 07:00 on the day the clocks go forward is 06:00 the day before.
    CHECK(keys(sk::occurrences_between(config, berlin, morning - 24h, bedtime)) ==
          std::vector<std::string>{"Morning stretch@2027-03-27", "Bedtime stretch@2027-03-27",
                                   "Morning stretch@2027-03-28", "Bedtime stretch@2027-03-28"});
    CHECK(keys(sk::occurrences_between(config, berlin, morning - 23h, bedtime)) ==
          std::vector<std::string>{"Bedtime stretch@2027-03-27", "Morning stretch@2027-03-28",
                                   "Bedtime stretch@2027-03-28"});
    CHECK(sk::occurrences_between(config, berlin, bedtime, morning).empty());
    CHECK(sk::occurrences_between(config, berlin, morning, morning).empty());
}

TEST_CASE("occurrence_on ignores the days and keeps the planned date") {
    Zone berlin = zone_named("Europe/Berlin");
    Config config = config_with({entry("Weekend", 2, 30, days_of({Weekday::sat}))});
    std::chrono::year_month_day sunday = std::chrono::year{2027} / 3 / 28;
    Occurrence occurrence = sk::occurrence_on(config, berlin, 0, sunday);
    CHECK(occurrence.entry_index == 0);
    CHECK(occurrence.entry_name == "Weekend");
    CHECK(occurrence.local_date == sunday);
    CHECK(sk::format_iso(occurrence.instant, berlin) == "2027-03-28T03:00:00+02:00");
    CHECK(occurrence.key() == "Weekend@2027-03-28");
}
