// Tests for Planner: what is offered, missed and started as a fake clock moves, jumps and restarts.
#include <set>
#include <string>
#include <vector>

#include "catch.hpp"
#include "core/schedule/planner.hpp"

namespace {

using namespace std::chrono_literals;
using sk::ClockTrust;
using sk::Config;
using sk::Planner;
using sk::PlannerUpdate;
using sk::SysSeconds;
using sk::Zone;

Zone berlin() {
    auto zone = Zone::find("Europe/Berlin");
    REQUIRE(zone.has_value());
    return *zone;
}

// A Berlin wall-clock reading, "2027-06-01 07:00": the fake clock's readings.
SysSeconds at(const std::string& text) {
    auto wall = sk::parse_local_iso(text.substr(0, 10) + 'T' + text.substr(11));
    INFO("at " << text);
    REQUIRE(wall.has_value());
    return berlin().to_instant(*wall);
}

std::string berlin_text(SysSeconds instant) {
    return sk::format_iso(instant, berlin());
}

sk::ScheduleEntry entry(std::string name, int hour, int minute) {
    sk::ScheduleEntry result;
    result.name = std::move(name);
    result.time = sk::TimeOfDay{std::chrono::hours{hour} + std::chrono::minutes{minute}};
    result.days.bits = 0x7f;  // every day
    result.routine = "full";
    return result;
}

// Morning at 07:00 and bedtime at 21:30 every day, a 60-minute prompt window, wait for the key.
Config two_a_day() {
    Config config;
    config.schedule = {entry("Morning stretch", 7, 0), entry("Bedtime stretch", 21, 30)};
    config.session.prompt_window = 60min;
    config.session.start = sk::StartMode::wait_for_key;
    config.session.auto_start_after = 30s;
    return config;
}

Config automatic() {
    Config config = two_a_day();
    config.session.start = sk::StartMode::automatic;
    return config;
}

std::string due_key(const PlannerUpdate& update) {
    return update.due ? update.due->key() : "none";
}

std::vector<std::string> missed_keys(const PlannerUpdate& update) {
    std::vector<std::string> keys;
    for (const auto& occurrence : update.missed) {
        keys.push_back(occurrence.key());
    }
    return keys;
}

using Keys = std::vector<std::string>;

// A history with these occurrence keys settled, its newest record at `newest` (every key's record
// then too: only whether they count matters here).
std::vector<sk::HistoryMark> history(const Keys& keys, std::optional<SysSeconds> newest) {
    std::vector<sk::HistoryMark> marks;
    for (const std::string& key : keys) {
        marks.push_back({newest.value_or(at("2027-01-01 00:00")), key});
    }
    if (newest) {
        marks.push_back({*newest, ""});
    }
    return marks;
}

}  // namespace

TEST_CASE("first boot with an empty history: offered at its time, then settled") {
    Planner planner(two_a_day(), berlin(), history({}, std::nullopt));

    PlannerUpdate early = planner.update(at("2027-06-01 06:00"));
    CHECK(early.clock == ClockTrust::trusted);
    CHECK(due_key(early) == "none");
    CHECK(early.missed.empty());
    CHECK(berlin_text(early.next_check) == "2027-06-01T07:00:00+02:00");

    PlannerUpdate due = planner.update(at("2027-06-01 07:00"));
    CHECK(due_key(due) == "Morning stretch@2027-06-01");
    CHECK_FALSE(due.start_now);
    CHECK(due.missed.empty());
    CHECK(berlin_text(due.next_check) == "2027-06-01T08:00:00+02:00");  // the window's end

    // The offer lasts while its window does: a later look returns the same occurrence.
    CHECK(due_key(planner.update(at("2027-06-01 07:30"))) == "Morning stretch@2027-06-01");

    planner.settle("Morning stretch@2027-06-01", at("2027-06-01 07:30"));
    PlannerUpdate after = planner.update(at("2027-06-01 07:31"));
    CHECK(due_key(after) == "none");
    CHECK(after.missed.empty());
    CHECK(berlin_text(after.next_check) == "2027-06-01T21:30:00+02:00");
    CHECK(planner.update(at("2027-06-01 09:00")).missed.empty());
}

TEST_CASE("first boot with an empty history looks back one prompt window only") {
    SECTION("inside the window: offered, nothing missed") {
        Planner planner(two_a_day(), berlin(), history({}, std::nullopt));
        PlannerUpdate update = planner.update(at("2027-06-01 07:59:59"));
        CHECK(due_key(update) == "Morning stretch@2027-06-01");
        CHECK(update.missed.empty());
    }
    SECTION("after the window: a fresh install is not greeted by missed sessions") {
        Planner planner(two_a_day(), berlin(), history({}, std::nullopt));
        PlannerUpdate update = planner.update(at("2027-06-01 08:00"));
        CHECK(due_key(update) == "none");
        CHECK(update.missed.empty());
        CHECK(berlin_text(update.next_check) == "2027-06-01T21:30:00+02:00");
    }
}

TEST_CASE("an offer never settled is missed once, when its window ends") {
    Planner planner(two_a_day(), berlin(), history({}, std::nullopt));
    CHECK(due_key(planner.update(at("2027-06-01 07:00"))) == "Morning stretch@2027-06-01");
    CHECK(planner.update(at("2027-06-01 07:59:59")).missed.empty());

    PlannerUpdate end = planner.update(at("2027-06-01 08:00"));
    CHECK(due_key(end) == "none");
    CHECK(missed_keys(end) == Keys{"Morning stretch@2027-06-01"});
    CHECK(end.missed[0].instant == at("2027-06-01 07:00"));

    // Reported once, even though the caller did not settle it.
    CHECK(planner.update(at("2027-06-01 08:01")).missed.empty());
    CHECK(planner.update(at("2027-06-01 12:00")).missed.empty());
}

TEST_CASE("restart: the history's keys decide, mid-window and after it") {
    SysSeconds last_night = at("2027-05-31 21:40");

    SECTION("mid-window, started before the restart: not offered again") {
        Planner planner(two_a_day(), berlin(),
                        history({"Morning stretch@2027-06-01"}, at("2027-06-01 07:02")));
        PlannerUpdate update = planner.update(at("2027-06-01 07:10"));
        CHECK(due_key(update) == "none");
        CHECK(update.missed.empty());
    }
    SECTION("mid-window, never started: still offered, for the rest of its window") {
        Planner planner(two_a_day(), berlin(), history({"Bedtime stretch@2027-05-31"}, last_night));
        PlannerUpdate update = planner.update(at("2027-06-01 07:20"));
        CHECK(due_key(update) == "Morning stretch@2027-06-01");
        CHECK(update.missed.empty());
        CHECK(berlin_text(update.next_check) == "2027-06-01T08:00:00+02:00");
    }
    SECTION("after the window, never started: missed once") {
        Planner planner(two_a_day(), berlin(), history({"Bedtime stretch@2027-05-31"}, last_night));
        PlannerUpdate update = planner.update(at("2027-06-01 09:00"));
        CHECK(due_key(update) == "none");
        CHECK(missed_keys(update) == Keys{"Morning stretch@2027-06-01"});
        CHECK(planner.update(at("2027-06-01 09:01")).missed.empty());
    }
    SECTION("due and not yet taken, older than the newest record: still offered") {
        // A session started by hand at 07:10 (not the scheduled one) is the newest record; the
        // kiosk restarts at 07:15 while the morning occurrence is still open.
        Planner planner(two_a_day(), berlin(),
                        {{last_night, "Bedtime stretch@2027-05-31"}, {at("2027-06-01 07:10"), ""}});
        PlannerUpdate update = planner.update(at("2027-06-01 07:15"));
        CHECK(due_key(update) == "Morning stretch@2027-06-01");
        CHECK(update.missed.empty());
    }
    SECTION("due and not yet taken, older than the newest record: missed after its window") {
        Planner planner(two_a_day(), berlin(),
                        {{last_night, "Bedtime stretch@2027-05-31"}, {at("2027-06-01 07:10"), ""}});
        PlannerUpdate update = planner.update(at("2027-06-01 09:00"));
        CHECK(due_key(update) == "none");
        CHECK(missed_keys(update) == Keys{"Morning stretch@2027-06-01"});
    }
    SECTION("after the window, recorded as missed before the restart: nothing") {
        Planner planner(two_a_day(), berlin(),
                        history({"Bedtime stretch@2027-05-31", "Morning stretch@2027-06-01"},
                                at("2027-06-01 07:00")));
        PlannerUpdate update = planner.update(at("2027-06-01 09:00"));
        CHECK(due_key(update) == "none");
        CHECK(update.missed.empty());
    }
}

TEST_CASE("a clock jump forward misses what passed and offers what is current") {
    Planner planner(two_a_day(), berlin(), history({}, std::nullopt));
    CHECK(due_key(planner.update(at("2027-06-01 07:10"))) == "Morning stretch@2027-06-01");

    PlannerUpdate jump = planner.update(at("2027-06-03 07:30"));
    CHECK(missed_keys(jump) == Keys{"Morning stretch@2027-06-01", "Bedtime stretch@2027-06-01",
                                    "Morning stretch@2027-06-02", "Bedtime stretch@2027-06-02"});
    CHECK(due_key(jump) == "Morning stretch@2027-06-03");
    CHECK(berlin_text(jump.next_check) == "2027-06-03T08:00:00+02:00");
}

TEST_CASE("a clock jump of a year reports at most 7 days as missed") {
    Planner planner(two_a_day(), berlin(), history({}, at("2026-06-01 08:00")));
    PlannerUpdate update = planner.update(at("2027-06-01 07:30"));
    // From 2027-05-25 07:30: that bedtime, six whole days, and today's morning is offered.
    REQUIRE(update.missed.size() == 13);
    CHECK(update.missed.front().key() == "Bedtime stretch@2027-05-25");
    CHECK(update.missed.back().key() == "Bedtime stretch@2027-05-31");
    CHECK(due_key(update) == "Morning stretch@2027-06-01");
}

TEST_CASE("a clock jump backward re-offers nothing") {
    SECTION("after a settled offer") {
        Planner planner(two_a_day(), berlin(), history({}, std::nullopt));
        CHECK(due_key(planner.update(at("2027-06-01 07:10"))) == "Morning stretch@2027-06-01");
        planner.settle("Morning stretch@2027-06-01", at("2027-06-01 07:10"));
        CHECK(due_key(planner.update(at("2027-06-01 07:20"))) == "none");

        // The record of the session is now later than the (unsynchronised) clock: the same as
        // after a restart, the schedule waits until the clock passes it.
        PlannerUpdate back = planner.update(at("2027-06-01 06:00"));
        CHECK(back.clock == ClockTrust::untrusted);
        CHECK(due_key(back) == "none");
        CHECK(back.missed.empty());
        CHECK(berlin_text(back.next_check) == "2027-06-01T07:10:00+02:00");
        CHECK(due_key(planner.update(at("2027-06-01 07:00"))) == "none");
        // The morning is behind it already; the next thing that can change is bedtime.
        PlannerUpdate passed = planner.update(at("2027-06-01 07:30"));
        CHECK(passed.clock == ClockTrust::trusted);
        CHECK(due_key(passed) == "none");
        CHECK(berlin_text(passed.next_check) == "2027-06-01T21:30:00+02:00");
        CHECK(due_key(planner.update(at("2027-06-01 21:30"))) == "Bedtime stretch@2027-06-01");
    }
    SECTION("after a miss the caller did not settle") {
        Planner planner(two_a_day(), berlin(), history({}, std::nullopt));
        planner.update(at("2027-06-01 07:10"));
        CHECK(missed_keys(planner.update(at("2027-06-01 08:10"))) ==
              Keys{"Morning stretch@2027-06-01"});
        PlannerUpdate back = planner.update(at("2027-06-01 07:15"));
        CHECK(due_key(back) == "none");
        CHECK(back.missed.empty());
        CHECK(planner.update(at("2027-06-01 08:10")).missed.empty());
    }
    SECTION("during an offer, to before its time: withdrawn until its time comes again") {
        Planner planner(two_a_day(), berlin(), history({}, std::nullopt));
        planner.update(at("2027-06-01 07:10"));
        PlannerUpdate back = planner.update(at("2027-06-01 06:50"));
        CHECK(due_key(back) == "none");
        CHECK(back.missed.empty());
        CHECK(berlin_text(back.next_check) == "2027-06-01T07:00:00+02:00");
        CHECK(due_key(planner.update(at("2027-06-01 07:00"))) == "Morning stretch@2027-06-01");
        CHECK(missed_keys(planner.update(at("2027-06-01 08:00"))) ==
              Keys{"Morning stretch@2027-06-01"});
    }
    SECTION("during an offer, within its window: the same offer goes on") {
        Planner planner(two_a_day(), berlin(), history({}, std::nullopt));
        planner.update(at("2027-06-01 07:30"));
        CHECK(due_key(planner.update(at("2027-06-01 07:05"))) == "Morning stretch@2027-06-01");
        CHECK(missed_keys(planner.update(at("2027-06-01 08:00"))) ==
              Keys{"Morning stretch@2027-06-01"});
    }
}

TEST_CASE("an untrusted clock offers, starts and misses nothing") {
    SysSeconds newest = at("2027-06-01 12:00");
    Planner planner(automatic(), berlin(), history({"Morning stretch@2027-06-01"}, newest));

    // A Pi without an RTC boots with its last saved time, a little before the newest record.
    PlannerUpdate stale = planner.update(at("2027-06-01 09:30"));
    CHECK(stale.clock == ClockTrust::untrusted);
    CHECK(stale.history_ahead == newest);
    CHECK(due_key(stale) == "none");
    CHECK_FALSE(stale.start_now);
    CHECK(stale.missed.empty());
    CHECK(stale.next_check == newest);

    // At sync the clock jumps to the truth: only what came after the newest record counts.
    PlannerUpdate synced = planner.update(at("2027-06-02 07:20"));
    CHECK(synced.clock == ClockTrust::trusted);
    CHECK_FALSE(synced.history_ahead);
    CHECK(missed_keys(synced) == Keys{"Bedtime stretch@2027-06-01"});
    CHECK(due_key(synced) == "Morning stretch@2027-06-02");

    SECTION("the newest record's own instant is plausible") {
        Planner exact(two_a_day(), berlin(), history({}, newest));
        CHECK(exact.update(newest).clock == ClockTrust::trusted);
        CHECK(exact.update(newest - 1s).clock == ClockTrust::untrusted);
    }
}

TEST_CASE("a record from the future holds the schedule for a day at most") {
    SECTION("up to a day ahead: held until the clock passes it") {
        SysSeconds record = at("2027-06-02 05:00");
        Planner planner(two_a_day(), berlin(), history({}, record));
        PlannerUpdate held = planner.update(at("2027-06-01 07:00"));
        CHECK(held.clock == ClockTrust::untrusted);
        CHECK(due_key(held) == "none");
        CHECK(held.next_check == record);
        CHECK(planner.update(at("2027-06-02 04:59:59")).clock == ClockTrust::untrusted);
        PlannerUpdate passed = planner.update(at("2027-06-02 07:10"));
        CHECK(passed.clock == ClockTrust::trusted);
        CHECK(due_key(passed) == "Morning stretch@2027-06-02");
    }
    SECTION("further ahead: set aside while it is, and the schedule follows the clock") {
        // A mistyped `date -s` a year ahead wrote these; the clock was set right again, by hand.
        SysSeconds record = at("2028-06-01 07:05");
        Planner planner(two_a_day(), berlin(),
                        {{record, "Morning stretch@2028-06-01"}, {record, ""}});
        PlannerUpdate now = planner.update(at("2027-06-01 07:00"));
        CHECK(now.clock == ClockTrust::trusted);
        CHECK(now.history_ahead == record);
        CHECK(due_key(now) == "Morning stretch@2027-06-01");
        CHECK(now.missed.empty());
        CHECK_FALSE(planner.settled("Morning stretch@2028-06-01"));
    }
    SECTION("a day and a second ahead is too far to wait for") {
        Planner planner(two_a_day(), berlin(), history({}, at("2027-06-02 07:00:01")));
        CHECK(planner.update(at("2027-06-01 07:00")).clock == ClockTrust::trusted);
    }
}

TEST_CASE("a synchronised clock is trusted even when the history holds later records") {
    // Records written while the clock ran ahead (a bad manual setting) must not silence the
    // kiosk once NTP has set the clock right, nor settle occurrences when their time comes.
    SysSeconds bogus = at("2027-06-01 19:00");
    Planner planner(automatic(), berlin(),
                    {{at("2027-05-31 21:40"), "Bedtime stretch@2027-05-31"},
                     {bogus, "Morning stretch@2027-06-01"}});
    CHECK(planner.update(at("2027-06-01 06:00")).clock == ClockTrust::untrusted);

    planner.set_clock_sync(sk::ClockSync::synchronised);
    PlannerUpdate synced = planner.update(at("2027-06-01 07:10"));
    CHECK(synced.clock == ClockTrust::trusted);
    CHECK(synced.set_aside == 1);
    CHECK(synced.history_ahead == bogus);
    CHECK(due_key(synced) == "Morning stretch@2027-06-01");
    CHECK(synced.missed.empty());
    CHECK(planner.update(at("2027-06-01 07:11")).set_aside == 0);

    SECTION("set aside for good, also once the clock has passed it") {
        planner.set_clock_sync(sk::ClockSync::unsynchronised);
        CHECK(missed_keys(planner.update(at("2027-06-01 20:00"))) ==
              Keys{"Morning stretch@2027-06-01"});
        CHECK_FALSE(planner.settled("Morning stretch@2027-06-01"));
    }
}

TEST_CASE("a synchronised clock that went back looks again at what it passed while ahead") {
    Planner planner(two_a_day(), berlin(),
                    history({"Bedtime stretch@2027-05-31"}, at("2027-05-31 21:40")));
    CHECK(due_key(planner.update(at("2027-06-01 06:00"))) == "none");
    // Set two days ahead by hand: what it passed is recorded missed, as the controller would.
    PlannerUpdate ahead = planner.update(at("2027-06-03 07:10"));
    CHECK(missed_keys(ahead) == Keys{"Morning stretch@2027-06-01", "Bedtime stretch@2027-06-01",
                                     "Morning stretch@2027-06-02", "Bedtime stretch@2027-06-02"});
    for (const sk::Occurrence& missed : ahead.missed) {
        planner.settle(missed.key(), missed.instant);
    }
    CHECK(due_key(ahead) == "Morning stretch@2027-06-03");

    // NTP puts it right: those misses never happened.
    planner.set_clock_sync(sk::ClockSync::synchronised);
    PlannerUpdate back = planner.update(at("2027-06-01 06:30"));
    CHECK(back.set_aside == 4);
    CHECK(due_key(back) == "none");
    CHECK(back.missed.empty());
    CHECK(berlin_text(back.next_check) == "2027-06-01T07:00:00+02:00");
    CHECK(due_key(planner.update(at("2027-06-01 07:00"))) == "Morning stretch@2027-06-01");
    CHECK(missed_keys(planner.update(at("2027-06-01 21:30"))) ==
          Keys{"Morning stretch@2027-06-01"});
}

TEST_CASE("automatic start: the prompt is shown for auto_start_after first") {
    SECTION("on time") {
        Planner planner(automatic(), berlin(), history({}, std::nullopt));
        PlannerUpdate first = planner.update(at("2027-06-01 07:00"));
        CHECK(due_key(first) == "Morning stretch@2027-06-01");
        CHECK_FALSE(first.start_now);
        CHECK(berlin_text(first.next_check) == "2027-06-01T07:00:30+02:00");
        CHECK_FALSE(planner.update(at("2027-06-01 07:00:29")).start_now);
        PlannerUpdate start = planner.update(at("2027-06-01 07:00:30"));
        CHECK(start.start_now);
        CHECK(due_key(start) == "Morning stretch@2027-06-01");
        CHECK(berlin_text(start.next_check) == "2027-06-01T08:00:00+02:00");
    }
    SECTION("a kiosk that boots late still shows the prompt first") {
        Planner planner(automatic(), berlin(), history({}, std::nullopt));
        PlannerUpdate first = planner.update(at("2027-06-01 07:20"));
        CHECK(due_key(first) == "Morning stretch@2027-06-01");
        CHECK_FALSE(first.start_now);
        CHECK(berlin_text(first.next_check) == "2027-06-01T07:20:30+02:00");
        CHECK(planner.update(at("2027-06-01 07:20:30")).start_now);
    }
    SECTION("waiting for the key never starts by itself") {
        Planner planner(two_a_day(), berlin(), history({}, std::nullopt));
        planner.update(at("2027-06-01 07:00"));
        CHECK_FALSE(planner.update(at("2027-06-01 07:30")).start_now);
    }
}

TEST_CASE("two due at once: the newer is offered, the older missed") {
    Config config = two_a_day();
    config.schedule.push_back(entry("Second stretch", 7, 30));

    SECTION("both found by one look") {
        Planner planner(config, berlin(),
                        history({"Bedtime stretch@2027-05-31"}, at("2027-05-31 21:40")));
        PlannerUpdate update = planner.update(at("2027-06-01 07:40"));
        CHECK(due_key(update) == "Second stretch@2027-06-01");
        CHECK(update.due->entry_index == 2);
        CHECK(missed_keys(update) == Keys{"Morning stretch@2027-06-01"});
    }
    SECTION("the newer comes due while the older is offered") {
        Planner planner(config, berlin(), history({}, std::nullopt));
        CHECK(due_key(planner.update(at("2027-06-01 07:05"))) == "Morning stretch@2027-06-01");
        PlannerUpdate update = planner.update(at("2027-06-01 07:30"));
        CHECK(due_key(update) == "Second stretch@2027-06-01");
        CHECK(missed_keys(update) == Keys{"Morning stretch@2027-06-01"});
        CHECK(planner.update(at("2027-06-01 08:10")).missed.empty());
    }
}

TEST_CASE("reconfigure keeps settled keys and the look-back point") {
    Planner planner(two_a_day(), berlin(),
                    history({"Bedtime stretch@2027-05-31"}, at("2027-05-31 21:40")));
    CHECK(due_key(planner.update(at("2027-06-01 07:10"))) == "Morning stretch@2027-06-01");

    SECTION("an edit elsewhere keeps the offer, with the entry's new index") {
        Config config = two_a_day();
        config.schedule.insert(config.schedule.begin(), entry("Lunch stretch", 12, 0));
        config.session.prompt_window = 30min;
        planner.reconfigure(config, berlin());
        PlannerUpdate update = planner.update(at("2027-06-01 07:15"));
        CHECK(due_key(update) == "Morning stretch@2027-06-01");
        CHECK(update.due->entry_index == 1);
        CHECK(berlin_text(update.next_check) == "2027-06-01T07:30:00+02:00");
        CHECK(missed_keys(planner.update(at("2027-06-01 07:30"))) ==
              Keys{"Morning stretch@2027-06-01"});
    }
    SECTION("an entry moved later is offered at its new time") {
        Config config = two_a_day();
        config.schedule[0].time = sk::TimeOfDay{9h};
        planner.reconfigure(config, berlin());
        PlannerUpdate update = planner.update(at("2027-06-01 07:15"));
        CHECK(due_key(update) == "none");
        CHECK(update.missed.empty());
        CHECK(berlin_text(update.next_check) == "2027-06-01T09:00:00+02:00");
        CHECK(due_key(planner.update(at("2027-06-01 09:00"))) == "Morning stretch@2027-06-01");
    }
    SECTION("an occurrence already missed is not offered again when moved later") {
        CHECK(missed_keys(planner.update(at("2027-06-01 08:00"))) ==
              Keys{"Morning stretch@2027-06-01"});
        Config config = two_a_day();
        config.schedule[0].time = sk::TimeOfDay{9h};
        planner.reconfigure(config, berlin());
        CHECK(due_key(planner.update(at("2027-06-01 09:00"))) == "none");
        CHECK(due_key(planner.update(at("2027-06-02 09:00"))) == "Morning stretch@2027-06-02");
    }
    SECTION("an entry removed is no longer offered, and not missed") {
        Config config = two_a_day();
        config.schedule.erase(config.schedule.begin());
        planner.reconfigure(config, berlin());
        CHECK(due_key(planner.update(at("2027-06-01 07:15"))) == "none");
        CHECK(planner.update(at("2027-06-01 09:00")).missed.empty());
    }
    SECTION("a new entry earlier today is neither offered nor missed") {
        Config config = two_a_day();
        config.schedule.push_back(entry("Early stretch", 6, 0));
        planner.settle("Morning stretch@2027-06-01", at("2027-06-01 07:10"));
        planner.reconfigure(config, berlin());
        PlannerUpdate update = planner.update(at("2027-06-01 07:15"));
        CHECK(due_key(update) == "none");
        CHECK(update.missed.empty());
        CHECK(due_key(planner.update(at("2027-06-02 06:00"))) == "Early stretch@2027-06-02");
    }
}

TEST_CASE("DST days: a time in the gap is offered at the switch, a doubled time once") {
    Config config = two_a_day();
    config.schedule = {entry("Night owl stretch", 2, 30)};

    SECTION("spring forward") {
        Planner planner(config, berlin(), history({}, std::nullopt));
        PlannerUpdate before = planner.update(at("2027-03-28 01:59:59"));
        CHECK(due_key(before) == "none");
        CHECK(berlin_text(before.next_check) == "2027-03-28T03:00:00+02:00");
        PlannerUpdate due = planner.update(before.next_check);
        CHECK(due_key(due) == "Night owl stretch@2027-03-28");
        CHECK(berlin_text(due.next_check) == "2027-03-28T04:00:00+02:00");
    }
    SECTION("fall back") {
        Planner planner(config, berlin(), history({}, std::nullopt));
        SysSeconds first = at("2027-10-31 02:30");  // the first of the two, in summer time
        CHECK(berlin_text(first) == "2027-10-31T02:30:00+02:00");
        CHECK(due_key(planner.update(first)) == "Night owl stretch@2027-10-31");
        planner.settle("Night owl stretch@2027-10-31", first);
        PlannerUpdate second = planner.update(first + 1h);
        CHECK(berlin_text(first + 1h) == "2027-10-31T02:30:00+01:00");
        CHECK(due_key(second) == "none");
        CHECK(berlin_text(second.next_check) == "2027-11-01T02:30:00+01:00");
    }
}

TEST_CASE("an empty schedule offers nothing and looks again within a day") {
    Config config = two_a_day();
    config.schedule.clear();
    Planner planner(config, berlin(), history({}, std::nullopt));
    PlannerUpdate update = planner.update(at("2027-06-01 07:00"));
    CHECK(due_key(update) == "none");
    CHECK(update.missed.empty());
    CHECK(berlin_text(update.next_check) == "2027-06-02T07:00:00+02:00");
}
