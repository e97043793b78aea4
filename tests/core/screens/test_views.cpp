#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "catch.hpp"
#include "core/screens/views.hpp"
#include "zones.hpp"

using namespace std::chrono_literals;
using sk::EntryToday;
using sk::ScreenKind;
using sk::StatusLine;

namespace {

// A clock with nothing against it.
const sk::ClockState sane{};

using sk::test::berlin;
sk::SysSeconds at(const char* local) {
    return sk::test::berlin_at(local);
}

sk::Config two_a_day() {
    sk::Config config;
    config.schedule = {
        {"Morning stretch", {7h}, {0x7f}, "full", sk::Theme::day, std::nullopt, {}},
        {"Bedtime stretch", {21h + 30min}, {0x7f}, "gentle", sk::Theme::night, sk::Volume{30}, {}},
    };
    config.stretches = {{"wall",
                         "Wall hamstring stretch",
                         {"Lie down.", "Legs up the wall."},
                         sk::Laterality::both_legs,
                         "",
                         "",
                         {sk::Picture::Source::built_in, "wall"},
                         {sk::Equipment::wall}}};
    config.routines = {
        {"full", "Full routine", {{"wall", 5s, 5s, sk::SideSelection::both, 1, 0s}}},
        {"gentle", "Gentle bedtime routine", {{"wall", 5s, 5s, sk::SideSelection::both, 1, 0s}}},
    };
    config.session.get_ready = 2s;
    // Timed, and short: lying down, the wall stretch would wait for a press.
    config.stretches[0].get_ready = 2s;
    config.stretches[0].ready = sk::ReadyMode::timed;
    return config;
}

sk::Occurrence occurrence(std::size_t entry, const char* name, const char* local) {
    auto wall = sk::parse_local_iso(local);
    REQUIRE(wall);
    return {entry, name, sk::date_of(*wall), berlin().to_instant(*wall)};
}

sk::Stats stats_with(int streak_days, std::vector<EntryToday> today = {}) {
    sk::Stats stats;
    stats.streak_days = streak_days;
    stats.today = std::move(today);
    return stats;
}

}  // namespace

TEST_CASE("idle: the clock, the date, the next session, the streak, the hint") {
    const sk::Config config = two_a_day();
    const auto stats =
        stats_with(3, {{"Morning stretch", {7h}, EntryToday::State::done},
                       {"Bedtime stretch", {21h + 30min}, EntryToday::State::pending}});
    auto view =
        sk::idle_view(config, berlin(), at("2026-11-23T07:42:31"),
                      occurrence(1, "Bedtime stretch", "2026-11-23T21:30"), stats, "Space", sane);
    CHECK(view.kind == ScreenKind::idle);
    CHECK(view.heading == "07:42");
    CHECK(view.subheading == "Monday 23 November");
    CHECK(view.body ==
          std::vector<std::string>{"Next: Bedtime stretch at 21:30", "3 days in a row"});
    CHECK(view.status ==
          std::vector<StatusLine>{{"07:00 Morning stretch", StatusLine::Mark::done},
                                  {"21:30 Bedtime stretch", StatusLine::Mark::pending}});
    CHECK(view.hint == "Press Space to stretch now");
    CHECK(view.theme == sk::Theme::day);
    CHECK_FALSE(view.big_number);
}

TEST_CASE("idle: when the next session is, in words") {
    const sk::Config config = two_a_day();
    auto [entry, name, when,
          expected] = GENERATE(table<std::size_t, const char*, const char*, const char*>({
        {1, "Bedtime stretch", "2026-11-23T21:30", "Next: Bedtime stretch at 21:30"},
        {0, "Morning stretch", "2026-11-24T07:00", "Next: Morning stretch tomorrow at 07:00"},
        {0, "Morning stretch", "2026-11-26T07:00", "Next: Morning stretch on Thursday at 07:00"},
        {1, "Bedtime stretch", "2026-11-29T21:30", "Next: Bedtime stretch on Sunday at 21:30"},
        {0, "Morning stretch", "2026-11-30T07:00", "Next: Morning stretch on 30 November at 07:00"},
        {0, "Morning stretch", "2027-01-04T07:00", "Next: Morning stretch on 4 January at 07:00"},
    }));
    CAPTURE(when);
    auto view = sk::idle_view(config, berlin(), at("2026-11-23T20:00"),
                              occurrence(entry, name, when), stats_with(0), "Space", sane);
    CHECK(view.body == std::vector<std::string>{expected});
}

TEST_CASE("idle: no next session, an untrusted clock, the streak's words") {
    const sk::Config config = two_a_day();
    const auto now = at("2026-11-23T12:00");
    const auto next = occurrence(1, "Bedtime stretch", "2026-11-23T21:30");

    auto view = sk::idle_view(config, berlin(), now, std::nullopt, stats_with(1), "Space", sane);
    CHECK(view.body == std::vector<std::string>{"No sessions planned", "1 day in a row"});

    // The history is 3 h ahead of an unsynchronised clock: the schedule waits for it.
    const sk::ClockState held{sk::ClockTrust::untrusted, sk::ClockSync::unsynchronised,
                              at("2026-11-23T15:05")};
    view = sk::idle_view(config, berlin(), now, next, stats_with(0), "Space", held);
    CHECK(view.body == std::vector<std::string>{"Clock behind the last session by 3 h",
                                                "Set the time: sessions wait until 15:05"});
    const sk::ClockState held_overnight{sk::ClockTrust::untrusted, sk::ClockSync::unsynchronised,
                                        at("2026-11-24T09:30")};
    view = sk::idle_view(config, berlin(), now, next, stats_with(0), "Space", held_overnight);
    CHECK(view.body == std::vector<std::string>{"Clock behind the last session by 21 h",
                                                "Set the time: sessions wait until Tuesday 09:30"});
    // Far ahead: the schedule follows the clock, and the screen says one of them is wrong.
    const sk::ClockState far{sk::ClockTrust::trusted, sk::ClockSync::unsynchronised,
                             at("2027-11-23T12:00")};
    view = sk::idle_view(config, berlin(), now, next, stats_with(0), "Space", far);
    CHECK(view.body ==
          std::vector<std::string>{"Next: Bedtime stretch at 21:30",
                                   "Clock 365 days behind the history: set the time if wrong"});
    // Synchronised: the clock is right, and the records ahead of it no longer count.
    const sk::ClockState synced{sk::ClockTrust::trusted, sk::ClockSync::synchronised,
                                at("2027-11-23T12:00")};
    view = sk::idle_view(config, berlin(), now, next, stats_with(0), "Space", synced);
    CHECK(view.body == std::vector<std::string>{"Next: Bedtime stretch at 21:30"});

    view = sk::idle_view(config, berlin(), now, next, stats_with(12), "", sane);
    CHECK(view.body ==
          std::vector<std::string>{"Next: Bedtime stretch at 21:30", "12 days in a row"});
    CHECK(view.hint == "Press the button to stretch now");
}

TEST_CASE("idle: today's sessions are marked done, pending, missed or ended early") {
    const auto stats = stats_with(0, {{"Morning stretch", {7h}, EntryToday::State::missed},
                                      {"Lunch stretch", {12h + 5min}, EntryToday::State::stopped},
                                      {"Bedtime stretch", {21h + 30min}, EntryToday::State::done}});
    auto view = sk::idle_view(two_a_day(), berlin(), at("2026-11-23T22:00"), std::nullopt, stats,
                              "Space", sane);
    CHECK(view.status ==
          std::vector<StatusLine>{{"07:00 Morning stretch", StatusLine::Mark::missed},
                                  {"12:05 Lunch stretch (ended early)", StatusLine::Mark::none},
                                  {"21:30 Bedtime stretch", StatusLine::Mark::done}});
}

TEST_CASE("idle: the clock is local time, summer time included") {
    const auto july = sk::SysSeconds{std::chrono::sys_days{2026y / 7 / 1}} + 5h + 42min;
    auto view =
        sk::idle_view(two_a_day(), berlin(), july, std::nullopt, stats_with(0), "Space", sane);
    CHECK(view.heading == "07:42");
    CHECK(view.subheading == "Wednesday 1 July");
}

TEST_CASE("idle: night from an hour before bedtime until the morning entry") {
    auto [when, theme] = GENERATE(table<const char*, sk::Theme>({
        {"2026-11-23T00:00", sk::Theme::night},
        {"2026-11-23T06:59", sk::Theme::night},
        {"2026-11-23T07:00", sk::Theme::day},
        {"2026-11-23T20:29", sk::Theme::day},
        {"2026-11-23T20:30", sk::Theme::night},
        {"2026-11-23T21:30", sk::Theme::night},
        {"2026-11-23T23:59", sk::Theme::night},
    }));
    CAPTURE(when);
    auto view =
        sk::idle_view(two_a_day(), berlin(), at(when), std::nullopt, stats_with(0), "Space", sane);
    CHECK(view.theme == theme);

    sk::Config empty = two_a_day();
    empty.schedule.clear();
    view = sk::idle_view(empty, berlin(), at(when), std::nullopt, stats_with(0), "Space", sane);
    CHECK(view.theme == sk::Theme::day);
}

TEST_CASE("due: the entry, its length, the key, and the automatic start") {
    const sk::Config config = two_a_day();
    const auto due = occurrence(1, "Bedtime stretch", "2026-11-23T21:30");

    auto view = sk::due_view(config, due, 480s, std::nullopt, "Space");
    CHECK(view.kind == ScreenKind::due);
    CHECK(view.heading == "Bedtime stretch");
    CHECK(view.subheading == "8 min · Gentle bedtime routine");
    CHECK(view.body == std::vector<std::string>{"Press Space to start"});
    CHECK(view.hint.empty());
    CHECK(view.theme == sk::Theme::night);

    auto [left, words] = GENERATE(table<std::chrono::seconds, const char*>({
        {25s, "Starts by itself in 0:25"},
        {90s, "Starts by itself in 1:30"},
        {0s, "Starts by itself in 0:00"},
        {-3s, "Starts by itself in 0:00"},
        {605s, "Starts by itself in 10:05"},
    }));
    view = sk::due_view(config, due, 45s, left, "Return");
    CHECK(view.subheading == "45 s · Gentle bedtime routine");
    CHECK(view.body == std::vector<std::string>{"Press Return to start", words});
}

TEST_CASE("due: the routine's stretches, each once, with what each needs") {
    sk::Config config = two_a_day();
    config.stretches.push_back({"towel",
                                "Towel hamstring stretch",
                                {"Lie down."},
                                sk::Laterality::per_leg,
                                "",
                                "",
                                {},
                                {sk::Equipment::towel}});
    config.stretches.push_back(
        {"seated",
         "Seated stretch",
         {"Sit."},
         sk::Laterality::per_leg,
         "",
         "",
         {},
         {sk::Equipment::two_chairs, sk::Equipment::mat, sk::Equipment::chair}});
    config.routines.at(1).steps = {{"towel", 5s, 5s, sk::SideSelection::both, 1, 0s},
                                   {"wall", 5s, 5s, sk::SideSelection::both, 1, 0s},
                                   {"towel", 5s, 5s, sk::SideSelection::left, 1, 0s},
                                   {"seated", 5s, 5s, sk::SideSelection::both, 1, 0s},
                                   {"gone", 5s, 5s, sk::SideSelection::both, 1, 0s}};
    const auto view = sk::due_view(config, occurrence(1, "Bedtime stretch", "2026-11-23T21:30"),
                                   480s, std::nullopt, "Space");
    std::vector<std::string> lines;
    for (const sk::StatusLine& line : view.status) {
        CHECK(line.mark == sk::StatusLine::Mark::none);
        lines.push_back(line.text);
    }
    CHECK(lines == std::vector<std::string>{"Towel hamstring stretch · a towel",
                                            "Wall hamstring stretch · a free wall",
                                            "Seated stretch · two chairs, a mat, a chair"});
    CHECK(view.body == std::vector<std::string>{"Press Space to start"});
}

TEST_CASE("done: what was done, how long, the streak and today's sessions") {
    const sk::Config config = two_a_day();
    const auto t0 = sk::MonoTime{} + 50s;
    sk::Session session(config, config.routines[0], "Morning stretch", sk::Theme::day, 0, t0);
    session.advance(t0 + 7s);
    REQUIRE(session.finished());
    const auto stats = stats_with(4, {{"Morning stretch", {7h}, EntryToday::State::done}});

    auto view = sk::done_view(session, t0 + 20s, stats);
    CHECK(view.kind == ScreenKind::done);
    CHECK(view.heading == "Well done");
    CHECK(view.subheading == "Morning stretch");
    CHECK(view.body ==
          std::vector<std::string>{"Full routine · 7 s", "Holds today: 5 s", "4 days in a row"});
    CHECK(view.status ==
          std::vector<StatusLine>{{"07:00 Morning stretch", StatusLine::Mark::done}});

    view = sk::done_view(session, t0 + 20s, stats_with(0));
    CHECK(view.body == std::vector<std::string>{"Full routine · 7 s", "Holds today: 5 s"});
}

TEST_CASE("done after a stop says so, kindly") {
    const sk::Config config = two_a_day();
    const auto t0 = sk::MonoTime{} + 50s;
    sk::Session session(config, config.routines[1], "Bedtime stretch", sk::Theme::night, 0, t0);
    session.apply(sk::Command::stop, t0 + 3s);
    auto view = sk::done_view(session, t0 + 4s, stats_with(2));
    CHECK(view.heading == "Stopped early");
    CHECK(view.theme == sk::Theme::night);
    // The words say what the record says: no hold was done, so nothing counts yet.
    CHECK(view.body == std::vector<std::string>{"Gentle bedtime routine · 3 s", "0 of 1 hold done",
                                                "Not counted: stretch again later today",
                                                "2 days in a row"});
}

TEST_CASE("the key hint during a session") {
    const sk::Config config = two_a_day();
    const auto t0 = sk::MonoTime{} + 50s;
    sk::Session session(config, config.routines[0], "", sk::Theme::day, 0, t0);
    CHECK(sk::session_hint(session, "Space") == "Space: pause · hold 1.5 s to end");
    CHECK(sk::session_hint(session, "") == "Button: pause · hold 1.5 s to end");
    CHECK(sk::session_hint(session, "Space", "Right") ==
          "Space: pause · Right: skip · hold 1.5 s to end");
    session.apply(sk::Command::toggle_pause, t0 + 1s);
    CHECK(sk::session_hint(session, "Return") == "Return: resume · hold 1.5 s to end");
    CHECK(sk::session_hint(session, "Return", "PageDown") ==
          "Return: resume · PageDown: skip · hold 1.5 s to end");
    session.apply(sk::Command::stop, t0 + 2s);
    CHECK(sk::session_hint(session, "Space") == "Press Space to close");
}

TEST_CASE("the key hint while a get-ready waits for the button, and the skip key's name") {
    sk::Config config = two_a_day();
    config.routines[0].ready = sk::ReadyMode::press;
    config.stretches[0].ready.reset();
    const auto t0 = sk::MonoTime{} + 50s;
    sk::Session session(config, config.routines[0], "", sk::Theme::day, 0, t0);
    CHECK(sk::session_hint(session, "Space", "Right") ==
          "Space: in position · Right: skip · hold 1.5 s to end");
    CHECK(sk::skip_key_name(config.keys) == "Right");
    config.keys.skip.clear();
    CHECK(sk::skip_key_name(config.keys).empty());
}

TEST_CASE("due: each stretch's caution after its name; skipped stretches are left out") {
    sk::Config config = two_a_day();
    sk::Stretch standing;
    standing.id = "standing";
    standing.title = "Standing hamstring stretch";
    standing.steps = {"Stand.", "Bend."};
    standing.caution = "Stop if pain grows or spreads down a leg.";
    config.stretches.push_back(standing);
    config.routines[1].steps.push_back({"standing", 30s, 30s, sk::SideSelection::both, 1, 0s});
    config.routines[1].steps.push_back({"standing", 30s, 30s, sk::SideSelection::both, 1, 0s});
    const auto due = occurrence(1, "Bedtime stretch", "2026-11-23T21:30");
    auto view = sk::due_view(config, due, 480s, std::nullopt, "Space");
    CHECK(view.caution == "Standing hamstring stretch: Stop if pain grows or spreads down a leg.");
    CHECK(view.status.size() == 2);

    config.schedule[1].skip_stretches = {"standing"};
    view = sk::due_view(config, due, 480s, std::nullopt, "Space");
    CHECK(view.caution.empty());
    CHECK(view.status == std::vector<StatusLine>{{"Wall hamstring stretch · a free wall"}});
}

TEST_CASE("the config error banner: the first problem, how many more, what is in use") {
    struct Row {
        sk::Diagnostics diagnostics;
        std::string banner;
    };
    const sk::Diagnostic bad_time{"config.yaml", 12, 5, "time must look like 07:00"};
    const sk::Diagnostic unknown{"config.yaml", 3, 1, "unknown key 'shedule'"};
    const sk::Diagnostic whole{"config.yaml", 0, 0, "the file is empty."};
    auto row = GENERATE_COPY(values<Row>({
        {{}, ""},
        {{bad_time}, "config.yaml:12:5: time must look like 07:00. Using the last good schedule."},
        {{unknown, bad_time},
         "config.yaml:3:1: unknown key 'shedule' (+1 more). Using the last good schedule."},
        {{bad_time, unknown, whole},
         "config.yaml:12:5: time must look like 07:00 (+2 more). Using the last good schedule."},
        {{whole}, "config.yaml: the file is empty. Using the last good schedule."},
    }));
    CHECK(sk::error_banner(row.diagnostics) == row.banner);
}
