#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "catch.hpp"
#include "core/history/stats.hpp"
#include "core/model/progression.hpp"

using namespace std::chrono;
using sk::EntryToday;
using sk::HistoryRecord;
using sk::RecordOutcome;
using State = sk::EntryToday::State;

namespace {

sk::Weekdays days_of(std::initializer_list<sk::Weekday> list) {
    sk::Weekdays days;
    for (auto day : list) {
        days.insert(day);
    }
    return days;
}

const sk::Weekdays every_day =
    days_of({sk::Weekday::mon, sk::Weekday::tue, sk::Weekday::wed, sk::Weekday::thu,
             sk::Weekday::fri, sk::Weekday::sat, sk::Weekday::sun});
const sk::Weekdays weekdays = days_of(
    {sk::Weekday::mon, sk::Weekday::tue, sk::Weekday::wed, sk::Weekday::thu, sk::Weekday::fri});

const sk::Weekdays weekends = days_of({sk::Weekday::sat, sk::Weekday::sun});

sk::ScheduleEntry entry(std::string name, minutes time, sk::Weekdays days = every_day) {
    sk::ScheduleEntry result;
    result.name = std::move(name);
    result.time = sk::TimeOfDay{time};
    result.days = days;
    result.routine = "full";
    return result;
}

sk::Config config_of(std::vector<sk::ScheduleEntry> schedule) {
    sk::Config config;
    config.timezone = "Europe/Berlin";
    config.schedule = std::move(schedule);
    return config;
}

sk::Zone berlin() {
    auto zone = sk::Zone::find("Europe/Berlin");
    REQUIRE(zone);
    return *zone;
}

std::string date_text(sys_days day) {
    year_month_day date{day};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

// A record of `name` planned for `day`, started at `start` (UTC) in winter time (+01:00).
HistoryRecord record(const std::string& name, sys_days day, RecordOutcome outcome,
                     seconds active = 0s, std::optional<sys_seconds> start = std::nullopt) {
    HistoryRecord result;
    result.start = start ? *start : sys_seconds{day} + 6h;
    result.utc_offset = 1h;
    result.occurrence = name + "@" + date_text(day);
    result.entry = name;
    result.routine = "full";
    result.outcome = outcome;
    result.active = active;
    return result;
}

// A session started by hand: no occurrence, no entry.
HistoryRecord by_hand(sys_seconds start, seconds active) {
    HistoryRecord result;
    result.start = start;
    result.utc_offset = 1h;
    result.routine = "gentle";
    result.outcome = RecordOutcome::completed;
    result.active = active;
    return result;
}

// Berlin winter time (+01:00): the instant of a local reading on `day`.
sys_seconds berlin_winter(sys_days day, hours hour, minutes minute = 0min) {
    return sys_seconds{day} + hour + minute - 1h;
}

std::vector<std::pair<std::string, State>> marks(const sk::Stats& stats) {
    std::vector<std::pair<std::string, State>> result;
    for (const auto& today : stats.today) {
        result.emplace_back(today.entry, today.state);
    }
    return result;
}

constexpr sys_days monday = sys_days{2026y / November / 23};

}  // namespace

TEST_CASE("today: the entries due today, in time order, each marked") {
    // Listed out of time order on purpose; the weekend entry is not due on a Monday.
    auto config =
        config_of({entry("Bedtime", 21h + 30min), entry("Weekend", 10h, weekends),
                   entry("Lunch", 12h, weekdays), entry("Morning", 7h), entry("Evening", 18h)});
    std::vector<HistoryRecord> history{
        record("Morning", monday - days{1}, RecordOutcome::completed, 300s),
        record("Lunch", monday - days{1}, RecordOutcome::missed),
        by_hand(berlin_winter(monday, 9h), 200s),
    };
    auto now = berlin_winter(monday, 22h);
    using Marks = std::vector<std::pair<std::string, State>>;

    // Yesterday's records and a session by hand mark nothing today.
    CHECK(marks(sk::compute_stats(config, berlin(), history, now)) ==
          Marks{{"Morning", State::pending},
                {"Lunch", State::pending},
                {"Evening", State::pending},
                {"Bedtime", State::pending}});

    history.push_back(record("Morning", monday, RecordOutcome::started));
    history.push_back(record("Morning", monday, RecordOutcome::completed, 480s));
    history.push_back(record("Lunch", monday, RecordOutcome::started));
    history.push_back(record("Lunch", monday, RecordOutcome::stopped, 60s));
    history.push_back(record("Evening", monday, RecordOutcome::missed));
    history.push_back(record("Bedtime", monday, RecordOutcome::started));
    auto stats = sk::compute_stats(config, berlin(), history, now);
    CHECK(marks(stats) == Marks{{"Morning", State::done},
                                {"Lunch", State::stopped},
                                {"Evening", State::missed},
                                {"Bedtime", State::pending}});
    REQUIRE(stats.today.size() == 4);
    CHECK(stats.today[0].time == sk::TimeOfDay{7h});
    CHECK(stats.today[3].time == sk::TimeOfDay{21h + 30min});

    SECTION("a day with nothing scheduled has an empty list") {
        auto weekend_only = config_of({entry("Weekend", 10h, days_of({sk::Weekday::sat}))});
        CHECK(sk::compute_stats(weekend_only, berlin(), history, now).today.empty());
    }
}

TEST_CASE("the streak with one entry a day") {
    auto config = config_of({entry("Morning", 7h)});
    std::vector<HistoryRecord> history;
    for (int back = 1; back <= 4; ++back) {
        history.push_back(record("Morning", monday - days{back}, RecordOutcome::completed, 300s));
    }
    // Before this morning's session: today is in progress and does not break the streak.
    CHECK(sk::compute_stats(config, berlin(), history, berlin_winter(monday, 6h)).streak_days == 4);
    CHECK(sk::compute_stats(config, berlin(), history, berlin_winter(monday, 23h)).streak_days ==
          4);

    history.push_back(record("Morning", monday, RecordOutcome::completed, 300s));
    CHECK(sk::compute_stats(config, berlin(), history, berlin_winter(monday, 8h)).streak_days == 5);

    SECTION("a missed day breaks it") {
        history.push_back(record("Morning", monday - days{5}, RecordOutcome::completed, 300s));
        history.push_back(record("Morning", monday - days{7}, RecordOutcome::completed, 300s));
        history.push_back(record("Morning", monday - days{6}, RecordOutcome::missed));
        // Six days in a row are done (today and five before), then the missed one stops the walk.
        CHECK(sk::compute_stats(config, berlin(), history, berlin_winter(monday, 8h)).streak_days ==
              6);
    }
    SECTION("a day with no record at all breaks it") {
        history.erase(history.begin() + 1);  // monday - 2 days
        CHECK(sk::compute_stats(config, berlin(), history, berlin_winter(monday, 8h)).streak_days ==
              2);
    }
    SECTION("a stopped session does not count as done") {
        history.erase(history.begin());  // yesterday
        history.push_back(record("Morning", monday - days{1}, RecordOutcome::stopped, 100s));
        CHECK(sk::compute_stats(config, berlin(), history, berlin_winter(monday, 8h)).streak_days ==
              1);
    }
    SECTION("a session started by hand does not complete an entry") {
        history.erase(history.begin());  // yesterday
        history.push_back(by_hand(berlin_winter(monday - days{1}, 7h), 300s));
        CHECK(sk::compute_stats(config, berlin(), history, berlin_winter(monday, 8h)).streak_days ==
              1);
    }
}

TEST_CASE("the streak with two entries a day needs both") {
    auto config = config_of({entry("Morning", 7h), entry("Bedtime", 21h + 30min)});
    std::vector<HistoryRecord> history;
    for (int back = 1; back <= 3; ++back) {
        history.push_back(record("Morning", monday - days{back}, RecordOutcome::completed, 300s));
        history.push_back(record("Bedtime", monday - days{back}, RecordOutcome::completed, 300s));
    }
    history.push_back(record("Morning", monday - days{4}, RecordOutcome::completed, 300s));
    auto streak_at = [&](sys_seconds now) {
        return sk::compute_stats(config, berlin(), history, now).streak_days;
    };
    // Day -4 had only its morning: the streak is the three days after it.
    CHECK(streak_at(berlin_winter(monday, 6h)) == 3);
    history.push_back(record("Morning", monday, RecordOutcome::completed, 300s));
    CHECK(streak_at(berlin_winter(monday, 12h)) == 3);  // half of today is not yet a day
    history.push_back(record("Bedtime", monday, RecordOutcome::completed, 300s));
    CHECK(streak_at(berlin_winter(monday, 22h)) == 4);

    SECTION("one missed session breaks the streak") {
        history.push_back(record("Bedtime", monday - days{2}, RecordOutcome::missed));
        history.erase(history.begin() + 3);  // Bedtime, monday - 2 days
        CHECK(streak_at(berlin_winter(monday, 22h)) == 2);
    }
}

TEST_CASE("a day with nothing scheduled neither counts nor breaks the streak") {
    auto config = config_of({entry("Morning", 7h, weekdays)});
    std::vector<HistoryRecord> history;
    for (int back : {3, 4, 5, 6, 7}) {  // Monday to Friday last week
        history.push_back(record("Morning", monday - days{back}, RecordOutcome::completed, 300s));
    }
    // Last week done, the weekend free, Monday before its session: the five weekdays count.
    CHECK(sk::compute_stats(config, berlin(), history, berlin_winter(monday, 6h)).streak_days == 5);
    // On Sunday the streak is the same: the weekend does not count.
    CHECK(sk::compute_stats(config, berlin(), history, berlin_winter(monday - days{1}, 12h))
              .streak_days == 5);

    SECTION("an empty schedule has no streak") {
        CHECK(sk::compute_stats(config_of({}), berlin(), history, berlin_winter(monday, 6h))
                  .streak_days == 0);
    }
    SECTION("a long streak is not cut short") {
        auto daily = config_of({entry("Morning", 7h)});
        std::vector<HistoryRecord> years;
        for (int back = 1; back <= 800; ++back) {
            years.push_back(record("Morning", monday - days{back}, RecordOutcome::completed, 300s));
        }
        CHECK(sk::compute_stats(daily, berlin(), years, berlin_winter(monday, 6h)).streak_days ==
              800);
    }
}

TEST_CASE("week totals: completed sessions and active time per ISO week, newest first") {
    auto config = config_of({entry("Morning", 7h), entry("Bedtime", 21h + 30min)});
    const sys_days sunday_w52 = sys_days{2026y / December / 27};
    const sys_days thursday_w53 = sys_days{2026y / December / 31};
    const sys_days friday_w53 = sys_days{2027y / January / 1};
    const sys_days sunday_w53 = sys_days{2027y / January / 3};
    const sys_days monday_w01 = sys_days{2027y / January / 4};
    std::vector<HistoryRecord> history{
        record("Morning", sunday_w52, RecordOutcome::completed, 300s),
        record("Morning", thursday_w53, RecordOutcome::started),
        record("Morning", thursday_w53, RecordOutcome::completed, 400s),
        record("Bedtime", thursday_w53, RecordOutcome::stopped, 50s),
        record("Morning", friday_w53, RecordOutcome::missed),
        // Planned for Sunday evening, run past midnight: it belongs to Sunday, week 53.
        record("Bedtime", sunday_w53, RecordOutcome::completed, 600s,
               berlin_winter(monday_w01, 0h, 10min)),
        record("Morning", monday_w01, RecordOutcome::completed, 350s),
        // By hand at 00:30 local on Monday (still Sunday in UTC): counted on the local date.
        by_hand(berlin_winter(monday_w01, 0h, 30min), 120s),
    };
    auto stats = sk::compute_stats(config, berlin(), history, berlin_winter(monday_w01, 12h));
    REQUIRE(stats.weeks.size() == 3);
    CHECK(stats.weeks[0].iso_week == "2027-W01");
    CHECK(stats.weeks[0].completed == 2);
    CHECK(stats.weeks[0].active == 470s);
    CHECK(stats.weeks[1].iso_week == "2026-W53");
    CHECK(stats.weeks[1].completed == 2);
    CHECK(stats.weeks[1].active == 1050s);  // stopped time counts as time spent stretching
    CHECK(stats.weeks[2].iso_week == "2026-W52");
    CHECK(stats.weeks[2].completed == 1);
    CHECK(stats.weeks[2].active == 300s);

    SECTION("a week of only missed sessions is listed with nothing done") {
        history.push_back(
            record("Morning", sys_days{2025y / December / 29}, RecordOutcome::missed));
        auto more = sk::compute_stats(config, berlin(), history, berlin_winter(monday_w01, 12h));
        REQUIRE(more.weeks.size() == 4);
        CHECK(more.weeks[3].iso_week == "2026-W01");  // 29 December 2025 is in week 1 of 2026
        CHECK(more.weeks[3].completed == 0);
        CHECK(more.weeks[3].active == 0s);
    }
    SECTION("no records, no weeks") {
        CHECK(
            sk::compute_stats(config, berlin(), {}, berlin_winter(monday_w01, 12h)).weeks.empty());
    }
}

TEST_CASE("today follows the local date through the DST switches in Berlin") {
    // 28 March 2027: clocks jump from 02:00 to 03:00, so an entry at 02:30 happens at 03:00.
    const sys_days spring = sys_days{2027y / March / 28};
    auto config = config_of({entry("Night owl", 2h + 30min), entry("Bedtime", 23h + 30min)});
    std::vector<HistoryRecord> history{
        record("Night owl", spring - days{1}, RecordOutcome::completed, 300s),
        record("Bedtime", spring - days{1}, RecordOutcome::completed, 300s),
    };
    using Marks = std::vector<std::pair<std::string, State>>;

    // 00:30 local on the 28th is still the 27th in UTC: today is the 28th all the same.
    auto just_after_midnight = sys_seconds{spring} - 30min;
    auto stats = sk::compute_stats(config, berlin(), history, just_after_midnight);
    CHECK(marks(stats) == Marks{{"Night owl", State::pending}, {"Bedtime", State::pending}});
    CHECK(stats.streak_days == 1);

    HistoryRecord night_owl = record("Night owl", spring, RecordOutcome::completed, 300s,
                                     sys_seconds{spring} + 1h);  // 03:00+02:00
    night_owl.utc_offset = 2h;
    history.push_back(night_owl);
    HistoryRecord bedtime = record("Bedtime", spring, RecordOutcome::completed, 300s,
                                   sys_seconds{spring} + 21h + 30min);  // 23:30+02:00
    bedtime.utc_offset = 2h;
    history.push_back(bedtime);
    // 23:59 summer time on the 28th: a day of 23 hours, still the 28th.
    auto late = sys_seconds{spring} + 21h + 59min;
    stats = sk::compute_stats(config, berlin(), history, late);
    CHECK(marks(stats) == Marks{{"Night owl", State::done}, {"Bedtime", State::done}});
    CHECK(stats.streak_days == 2);
    // 00:00 on the 29th (22:00 UTC on the 28th): a new day, nothing done yet.
    stats = sk::compute_stats(config, berlin(), history, sys_seconds{spring} + 22h);
    CHECK(marks(stats) == Marks{{"Night owl", State::pending}, {"Bedtime", State::pending}});
    CHECK(stats.streak_days == 2);

    SECTION("the autumn day of 25 hours") {
        const sys_days autumn = sys_days{2027y / October / 31};
        // 23:30 winter time on the 31st is 22:30 UTC; an hour later it is the 1st of November.
        auto evening = sys_seconds{autumn} + 22h + 30min;
        history.push_back(record("Night owl", autumn, RecordOutcome::completed, 300s));
        auto autumn_stats = sk::compute_stats(config, berlin(), history, evening);
        CHECK(marks(autumn_stats) ==
              Marks{{"Night owl", State::done}, {"Bedtime", State::pending}});
        CHECK(marks(sk::compute_stats(config, berlin(), history, evening + 1h)) ==
              Marks{{"Night owl", State::pending}, {"Bedtime", State::pending}});
    }
}

namespace {

// A config whose one routine holds 30 s at first, lengthening by 5 s every 3 practice days up to
// `hold_max`.
sk::Config progressing(std::vector<sk::ScheduleEntry> schedule, seconds hold_max = 60s) {
    auto config = config_of(std::move(schedule));
    config.routines.push_back(sk::Routine{
        "full", "Full", {{"standing", 30s, hold_max, sk::SideSelection::both, 1, 10s}}});
    return config;
}

// The history of one entry a day, from `back` days before monday: 'd' done, 'm' missed,
// 's' stopped, '-' no record at all.
std::vector<HistoryRecord> days_going(const std::string& name, const std::string& pattern) {
    std::vector<HistoryRecord> history;
    const auto first = monday - days{static_cast<int>(pattern.size())};
    for (std::size_t index = 0; index < pattern.size(); ++index) {
        const sys_days day = first + days{static_cast<int>(index)};
        switch (pattern[index]) {
            case 'd':
                history.push_back(record(name, day, RecordOutcome::completed, 300s));
                break;
            case 'm':
                history.push_back(record(name, day, RecordOutcome::missed));
                break;
            case 's':
                history.push_back(record(name, day, RecordOutcome::stopped, 60s));
                break;
            default:
                break;
        }
    }
    return history;
}

}  // namespace

TEST_CASE("practice days: done days lengthen the holds, a missed day holds them") {
    const auto config = progressing({entry("Morning", 7h)});
    auto [pattern, practice, hold] = GENERATE(table<std::string, int, seconds>({
        {"", 0, 30s},
        {"dd", 2, 30s},
        {"ddd", 3, 35s},
        {"dddddd", 6, 40s},
        // One missed day (or one stopped early) keeps the level: it does not reset it to 30 s.
        {"ddddddm", 6, 40s},
        {"dddddds", 6, 40s},
        {"ddddddmdd", 8, 40s},
        {"ddddddmmd", 7, 40s},
        // The third missed day in a row eases back one step, and so does every third after it.
        {"ddddddmmm", 3, 35s},
        {"dddddddmmm", 3, 35s},
        {"ddddddmmmmmm", 0, 30s},
        {"ddddddmmmmmmmmm", 0, 30s},
        // Missed days that are not in a row never ease back.
        {"ddddddmmdmmdmm", 8, 40s},
        // A day without a record is as missed as one with a missed record.
        {"ddddddm--", 3, 35s},
        // The walk starts at the first record: the days before the kiosk are not missed.
        {"---ddd", 3, 35s},
    }));
    CAPTURE(pattern);
    const auto stats = sk::compute_stats(config, berlin(), days_going("Morning", pattern),
                                         berlin_winter(monday, 6h));
    CHECK(stats.practice_days == practice);
    CHECK(sk::progressed_hold(config.session, config.routines[0].steps[0], stats.practice_days) ==
          hold);
}

TEST_CASE("practice days stop at the longest hold, so easing back is felt at once") {
    // 30 s to 60 s in steps of 5 s every 3 days: six steps, 18 practice days.
    const auto config = progressing({entry("Morning", 7h)});
    const std::string year(365, 'd');
    auto stats =
        sk::compute_stats(config, berlin(), days_going("Morning", year), berlin_winter(monday, 6h));
    CHECK(stats.practice_days == 18);
    stats = sk::compute_stats(config, berlin(), days_going("Morning", year + "mmm"),
                              berlin_winter(monday, 6h));
    CHECK(stats.practice_days == 15);
    CHECK(sk::progressed_hold(config.session, config.routines[0].steps[0], 15) == 55s);

    SECTION("never beyond 60 s, whatever hold_max says") {
        const auto long_max = progressing({entry("Morning", 7h)}, 3min);
        stats = sk::compute_stats(long_max, berlin(), days_going("Morning", year),
                                  berlin_winter(monday, 6h));
        CHECK(stats.practice_days == 18);
        CHECK(sk::progressed_hold(long_max.session, long_max.routines[0].steps[0], 1000) == 60s);
    }
    SECTION("a routine that does not progress earns nothing") {
        const auto fixed = progressing({entry("Morning", 7h)}, 30s);
        CHECK(sk::compute_stats(fixed, berlin(), days_going("Morning", year),
                                berlin_winter(monday, 6h))
                  .practice_days == 0);
    }
}

TEST_CASE("practice days: a day with some sessions done keeps the level") {
    const auto config = progressing({entry("Morning", 7h), entry("Bedtime", 22h)});
    auto history = days_going("Morning", "ddddddddd");
    auto bedtimes = days_going("Bedtime", "ddddddmmm");
    history.insert(history.end(), bedtimes.begin(), bedtimes.end());
    // Six whole days, then three with only the morning done: neither lengthened nor eased back.
    auto at_dawn = sk::compute_stats(config, berlin(), history, berlin_winter(monday, 6h));
    CHECK(at_dawn.practice_days == 6);
    CHECK(at_dawn.streak_days == 0);

    SECTION("today counts once all of it is done, and is never held against") {
        history.push_back(record("Morning", monday, RecordOutcome::completed, 300s));
        CHECK(sk::compute_stats(config, berlin(), history, berlin_winter(monday, 23h))
                  .practice_days == 6);
        history.push_back(record("Bedtime", monday, RecordOutcome::completed, 300s));
        CHECK(sk::compute_stats(config, berlin(), history, berlin_winter(monday, 23h))
                  .practice_days == 7);
    }
}
