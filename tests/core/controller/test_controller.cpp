#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "catch.hpp"
#include "core/config/parser.hpp"
#include "core/controller/controller.hpp"
#include "core/history/sessions.hpp"
#include "zones.hpp"

using namespace std::chrono_literals;
using sk::Controller;
using sk::Effects;
using sk::Input;
using sk::RecordOutcome;
using sk::ScreenKind;

namespace {

using sk::test::berlin;
sk::SysSeconds at(const char* local) {
    return sk::test::berlin_at(local);
}

// A kiosk with a fake clock: both clocks move together unless a test jumps the wall clock.
struct FakeKiosk {
    Controller controller;
    sk::Instant now;
    std::vector<sk::HistoryRecord> written;
    std::vector<sk::Cue> played;
    std::vector<std::string> notes;
    std::vector<sk::Utterance> said;
    std::optional<sk::SessionVoice> voice;
    std::optional<sk::ScreenPower> power;
    std::optional<sk::Volume> volume;
    bool quit = false;

    FakeKiosk(sk::Config config, std::vector<sk::HistoryRecord> history, const char* start,
              sk::RunMode mode = sk::RunMode::always_on)
        : controller(std::move(config), berlin(), history, mode, "Space"),
          now{at(start), sk::MonoTime{} + 1000h} {
        take(controller.tick(now));
    }

    void take(Effects effects) {
        written.insert(written.end(), effects.records.begin(), effects.records.end());
        played.insert(played.end(), effects.cues.begin(), effects.cues.end());
        notes.insert(notes.end(), effects.notes.begin(), effects.notes.end());
        said.insert(said.end(), effects.speech.begin(), effects.speech.end());
        if (effects.voice) {
            voice = effects.voice;
        }
        if (effects.power) {
            power = effects.power;
        }
        if (effects.volume) {
            volume = effects.volume;
        }
        quit = quit || effects.quit;
    }
    // Lets time pass a second at a time, as the loop's deadlines would.
    void run(std::chrono::seconds how_long) {
        for (auto s = 0s; s < how_long; s += 1s) {
            now.wall += 1s;
            now.mono += 1s;
            take(controller.tick(now));
        }
    }
    void press(Input what = Input::button) { take(controller.input(what, now)); }
    ScreenKind screen() const { return controller.view(now).kind; }
    std::vector<RecordOutcome> outcomes() const {
        std::vector<RecordOutcome> result;
        for (const auto& record : written) {
            result.push_back(record.outcome);
        }
        return result;
    }
};

sk::Config one_short_session() {
    sk::Config config = sk::default_config();
    config.timezone = "Europe/Berlin";
    // One stretch, one hold of 10 s after 5 s to get ready: sessions end quickly in tests.
    sk::Routine quick{"quick", "Quick", {{"wall", 10s, 10s, sk::SideSelection::both, 1, 0s}}};
    config.routines.push_back(quick);
    config.session.get_ready = 5s;
    // Lying down, the wall stretch would wait for a press: a timed 5 s keeps these tests short.
    for (sk::Stretch& stretch : config.stretches) {
        if (stretch.id == "wall") {
            stretch.get_ready = 5s;
            stretch.ready = sk::ReadyMode::timed;
        }
    }
    config.schedule = {
        {"Morning stretch", {7h}, {0x7f}, "quick", sk::Theme::day, std::nullopt, {}}};
    return config;
}

}  // namespace

TEST_CASE("a scheduled session: due, started with the button, completed, recorded once") {
    FakeKiosk kiosk(one_short_session(), {}, "2026-11-23T06:59:50");
    CHECK(kiosk.screen() == ScreenKind::idle);

    kiosk.run(10s);
    REQUIRE(kiosk.screen() == ScreenKind::due);
    CHECK(kiosk.controller.view(kiosk.now).heading == "Morning stretch");

    kiosk.press();
    CHECK(kiosk.screen() == ScreenKind::get_ready);
    REQUIRE(kiosk.outcomes() == std::vector{RecordOutcome::started});
    CHECK(kiosk.written[0].occurrence == "Morning stretch@2026-11-23");

    kiosk.run(5s);
    CHECK(kiosk.screen() == ScreenKind::hold);
    kiosk.press();  // pause
    CHECK(kiosk.screen() == ScreenKind::paused);
    kiosk.run(30s);
    CHECK(kiosk.screen() == ScreenKind::paused);
    kiosk.press();  // resume
    kiosk.run(11s);
    CHECK(kiosk.screen() == ScreenKind::done);
    REQUIRE(kiosk.outcomes() == std::vector{RecordOutcome::started, RecordOutcome::completed});
    CHECK(kiosk.written[1].active >= 10s);
    CHECK(kiosk.written[1].active < 30s);  // the pause does not count
    CHECK(std::find(kiosk.played.begin(), kiosk.played.end(), sk::Cue::session_done) !=
          kiosk.played.end());

    // The clock jumps back before 07:00: the morning session is not offered again.
    kiosk.now.wall = at("2026-11-23T06:58:00");
    kiosk.run(5min);
    CHECK(kiosk.screen() != ScreenKind::due);
    CHECK(kiosk.outcomes().size() == 2);
}

TEST_CASE("a session speaks with its entry's voice, and says each step as it starts") {
    sk::Config config = one_short_session();
    config.voice.voice = "de";
    config.schedule[0].voice.words_per_minute = 120;
    config.schedule[0].voice.enabled = false;
    FakeKiosk kiosk(config, {}, "2026-11-23T07:00:00");
    kiosk.press();
    REQUIRE(kiosk.voice.has_value());
    CHECK(kiosk.voice->settings == sk::VoiceSettings{false, "de", 120, sk::Volume{100}});
    // Every phrase to come is known at the start, so it can be made before it is due.
    CHECK(std::find(kiosk.voice->phrases.begin(), kiosk.voice->phrases.end(), "Well done.") !=
          kiosk.voice->phrases.end());
    kiosk.run(16s);
    std::vector<sk::SpeechMoment> moments;
    for (const sk::Utterance& said : kiosk.said) {
        moments.push_back(said.moment);
    }
    CHECK(moments ==
          std::vector{sk::SpeechMoment::get_ready, sk::SpeechMoment::hold, sk::SpeechMoment::done});
    CHECK(kiosk.said.back().phrases.at(0).text == "Well done.");
}

TEST_CASE("every voice of the schedule, with every phrase any routine may say, made in advance") {
    sk::Config config = one_short_session();
    config.schedule.push_back(config.schedule[0]);
    config.schedule[1].name = "Bedtime";
    config.schedule[1].voice.words_per_minute = 130;  // a slower bedtime
    config.schedule.push_back(config.schedule[0]);
    config.schedule[2].name = "Silent";
    config.schedule[2].voice.enabled = false;  // says nothing: nothing to make
    const auto voices = sk::voices_of(config);
    REQUIRE(voices.size() == 2);
    CHECK(voices[0].settings == config.voice);
    CHECK(voices[1].settings.words_per_minute == 130);
    CHECK(voices[0].phrases == voices[1].phrases);
    for (const char* text : {"Wall hamstring stretch.", "Hold.", "Well done.", "Stopped early."}) {
        CAPTURE(text);
        CHECK(std::count(voices[0].phrases.begin(), voices[0].phrases.end(), text) == 1);
    }
    config.voice.enabled = false;
    config.schedule.resize(1);
    CHECK(sk::voices_of(config).empty());
}

TEST_CASE("a due session nobody starts is missed once its window ends") {
    FakeKiosk kiosk(one_short_session(), {}, "2026-11-23T06:59:59");
    kiosk.run(1s);
    REQUIRE(kiosk.screen() == ScreenKind::due);
    kiosk.run(61min);
    CHECK(kiosk.screen() == ScreenKind::idle);
    REQUIRE(kiosk.outcomes() == std::vector{RecordOutcome::missed});
    CHECK(kiosk.written[0].start == at("2026-11-23T07:00:00"));
}

TEST_CASE("Escape on a due prompt declines it: missed, and not offered again") {
    FakeKiosk kiosk(one_short_session(), {}, "2026-11-23T07:00:00");
    REQUIRE(kiosk.screen() == ScreenKind::due);
    kiosk.press(Input::stop);
    CHECK(kiosk.screen() == ScreenKind::idle);
    CHECK(kiosk.outcomes() == std::vector{RecordOutcome::missed});
    kiosk.run(10s);
    CHECK(kiosk.screen() == ScreenKind::idle);
}

TEST_CASE("a long press ends the session as stopped") {
    FakeKiosk kiosk(one_short_session(), {}, "2026-11-23T07:00:00");
    kiosk.press();
    kiosk.run(7s);
    kiosk.press(Input::long_press);
    CHECK(kiosk.screen() == ScreenKind::done);
    REQUIRE(kiosk.outcomes() == std::vector{RecordOutcome::started, RecordOutcome::stopped});
    kiosk.run(20s);
    CHECK(kiosk.screen() == ScreenKind::idle);
}

TEST_CASE("a restart mid-session closes the cut-short session and does not offer it again") {
    std::vector<sk::HistoryRecord> written;
    {
        FakeKiosk kiosk(one_short_session(), {}, "2026-11-23T07:00:00");
        kiosk.press();
        kiosk.run(7s);
        written = kiosk.written;  // the kiosk dies here: power cut
    }
    REQUIRE(written.size() == 1);
    FakeKiosk restarted(one_short_session(), written, "2026-11-23T07:01:00");
    REQUIRE(restarted.outcomes() == std::vector{RecordOutcome::stopped});
    CHECK(restarted.written[0].occurrence == "Morning stretch@2026-11-23");
    CHECK(restarted.screen() == ScreenKind::idle);
}

TEST_CASE("automatic start after the prompt has waited") {
    sk::Config config = one_short_session();
    config.session.start = sk::StartMode::automatic;
    config.session.auto_start_after = 20s;
    FakeKiosk kiosk(config, {}, "2026-11-23T07:00:00");
    REQUIRE(kiosk.screen() == ScreenKind::due);
    kiosk.run(19s);
    CHECK(kiosk.screen() == ScreenKind::due);
    kiosk.run(2s);
    CHECK(kiosk.screen() == ScreenKind::get_ready);
}

TEST_CASE("a clock a little behind the history waits, says so, and what to do") {
    sk::Config config = one_short_session();
    config.session.start = sk::StartMode::automatic;
    // A Pi without an RTC booted with its last saved time, 3 h behind its newest record.
    sk::HistoryRecord newest{at("2026-11-23T10:00:00"), 1h, "", "", "quick",
                             RecordOutcome::completed,  10s};
    FakeKiosk kiosk(config, {newest}, "2026-11-23T07:00:00");
    kiosk.run(2min);
    CHECK(kiosk.screen() == ScreenKind::idle);
    CHECK(kiosk.written.empty());
    CHECK(kiosk.controller.view(kiosk.now).body ==
          std::vector<std::string>{"Clock behind the last session by 2 h",
                                   "Set the time: sessions wait until 10:00"});
    REQUIRE(kiosk.notes.size() == 1);
    CHECK(kiosk.notes[0] ==
          "the clock reads 2026-11-23T07:00:00+01:00, earlier than the newest history record "
          "(2026-11-23T10:00:00+01:00, 3 h later): no session is offered or missed until the "
          "clock passes it or is synchronised; if the clock is wrong, set it (timedatectl "
          "set-time 'YYYY-MM-DD HH:MM') or turn on network time (timedatectl set-ntp true)");

    SECTION("once the kernel says the clock is synchronised, the session starts") {
        kiosk.controller.set_clock_sync(sk::ClockSync::synchronised);
        kiosk.run(1s);
        CHECK(kiosk.screen() == ScreenKind::due);
        kiosk.run(31s);
        CHECK(kiosk.screen() == ScreenKind::get_ready);
        CHECK(std::count(kiosk.notes.begin(), kiosk.notes.end(),
                         "the clock is synchronised: 1 history record dated after it, up to "
                         "2026-11-23T10:00:00+01:00, were written while the clock was wrong and "
                         "no longer count") == 1);
    }
}

TEST_CASE("a record dated far in the future does not stop the sessions") {
    // A mistyped `date -s` wrote this a year ahead; the clock has been set right by hand since.
    sk::HistoryRecord future{
        at("2027-11-23T07:00:00"), 1h, "Morning stretch@2027-11-23", "Morning stretch", "quick",
        RecordOutcome::completed,  10s};
    FakeKiosk kiosk(one_short_session(), {future}, "2026-11-23T06:59:00");
    CHECK(kiosk.controller.view(kiosk.now).body ==
          std::vector<std::string>{"Next: Morning stretch at 07:00",
                                   "Clock 365 days behind the history: set the time if wrong"});
    REQUIRE(kiosk.notes.size() == 1);
    CHECK(kiosk.notes[0].find("the history holds records up to 2027-11-23T07:00:00+01:00, 365 "
                              "days after the clock (2026-11-23T06:59:00+01:00): too far ahead "
                              "to wait for, they are set aside and sessions follow the clock; "
                              "if the clock is wrong") == 0);
    kiosk.run(1min);
    REQUIRE(kiosk.screen() == ScreenKind::due);
    kiosk.press();
    kiosk.run(20s);
    CHECK(kiosk.outcomes() == std::vector{RecordOutcome::started, RecordOutcome::completed});
}

TEST_CASE("a restart does not make a due session vanish") {
    // The kiosk starts at 07:10 with --start (a session by hand, not the scheduled one), and
    // restarts at 07:15: the 07:00 occurrence, due and not yet taken, is older than the newest
    // record.
    Controller first(one_short_session(), berlin(), {}, sk::RunMode::always_on, "Space");
    // As the kiosk does with --start: before its first tick.
    const std::vector<sk::HistoryRecord> written =
        first.start_now("full", {at("2026-11-23T07:10:00"), sk::MonoTime{}}).records;
    REQUIRE(written.size() == 1);
    REQUIRE(written[0].occurrence.empty());
    SECTION("inside its window: offered") {
        FakeKiosk restarted(one_short_session(), written, "2026-11-23T07:15:00");
        CHECK(restarted.screen() == ScreenKind::due);
    }
    SECTION("after its window: recorded missed") {
        FakeKiosk restarted(one_short_session(), written, "2026-11-23T09:00:00");
        REQUIRE(restarted.written.size() == 2);
        CHECK(restarted.written[1].outcome == RecordOutcome::missed);
        CHECK(restarted.written[1].occurrence == "Morning stretch@2026-11-23");
    }
}

TEST_CASE("a session started by hand just before its time takes the scheduled one's place") {
    FakeKiosk kiosk(one_short_session(), {}, "2026-11-23T06:50:00");
    kiosk.press();
    REQUIRE(kiosk.outcomes() == std::vector{RecordOutcome::started});
    CHECK(kiosk.written[0].occurrence == "Morning stretch@2026-11-23");
    kiosk.run(20s);
    REQUIRE(kiosk.screen() == ScreenKind::done);
    kiosk.run(10min);
    CHECK(kiosk.screen() == ScreenKind::idle);  // 07:00 passed without a second prompt
}

TEST_CASE("one-session mode quits after the session") {
    FakeKiosk kiosk(one_short_session(), {}, "2026-11-23T07:00:00", sk::RunMode::one_session);
    CHECK_FALSE(kiosk.quit);
    kiosk.press();
    kiosk.run(16s);
    CHECK(kiosk.screen() == ScreenKind::done);
    CHECK_FALSE(kiosk.quit);
    kiosk.run(61s);
    CHECK(kiosk.quit);
}

TEST_CASE("a dark idle screen wakes on a press and switches the screen off again") {
    sk::Config config = one_short_session();
    config.display.idle = sk::IdleScreen::off;
    FakeKiosk kiosk(config, {}, "2026-11-23T05:00:00");
    CHECK(kiosk.screen() == ScreenKind::dark);
    CHECK(kiosk.power == sk::ScreenPower::off);
    kiosk.press();
    CHECK(kiosk.screen() == ScreenKind::idle);
    CHECK(kiosk.power == sk::ScreenPower::on);
    kiosk.run(61s);
    CHECK(kiosk.screen() == ScreenKind::dark);
    CHECK(kiosk.power == sk::ScreenPower::off);
}

TEST_CASE("a config error banner shows over every screen") {
    FakeKiosk kiosk(one_short_session(), {}, "2026-11-23T06:00:00");
    kiosk.controller.set_banner("config.yaml:3:9: unknown key 'tiem'");
    CHECK(kiosk.controller.view(kiosk.now).banner == "config.yaml:3:9: unknown key 'tiem'");
    kiosk.controller.set_banner("");
    CHECK(kiosk.controller.view(kiosk.now).banner.empty());
}

TEST_CASE("the due prompt chimes once, at the entry's volume, and keeps the clock") {
    sk::Config config = one_short_session();
    config.schedule.front().volume = sk::Volume{25};
    FakeKiosk kiosk(config, {}, "2026-11-23T06:59:58");
    CHECK(kiosk.played.empty());
    kiosk.run(2s);
    REQUIRE(kiosk.screen() == ScreenKind::due);
    CHECK(kiosk.played == std::vector{sk::Cue::due});
    CHECK(kiosk.volume == sk::Volume{25});
    const auto view = kiosk.controller.view(kiosk.now);
    CHECK(view.subheading.starts_with("07:00 · "));
    kiosk.run(61s);
    CHECK(kiosk.played == std::vector{sk::Cue::due});  // once, however long it waits
    CHECK(kiosk.controller.view(kiosk.now).subheading.starts_with("07:01 · "));
}

TEST_CASE("a press-to-start get-ready: the button starts the hold instead of pausing") {
    sk::Config config = one_short_session();
    for (sk::Stretch& stretch : config.stretches) {
        if (stretch.id == "wall") {
            stretch.ready = sk::ReadyMode::press;
        }
    }
    FakeKiosk kiosk(config, {}, "2026-11-23T07:00:00");
    REQUIRE(kiosk.screen() == ScreenKind::due);
    kiosk.press();
    REQUIRE(kiosk.screen() == ScreenKind::get_ready);
    auto view = kiosk.controller.view(kiosk.now);
    CHECK(view.phase == "Press when you are in position");
    CHECK(view.hint == "Space: in position · Right: skip · hold 1.5 s to end");
    kiosk.run(30s);
    CHECK(kiosk.screen() == ScreenKind::get_ready);
    kiosk.press();
    CHECK(kiosk.screen() == ScreenKind::hold);
    view = kiosk.controller.view(kiosk.now);
    CHECK(view.phase == "Hold");
    CHECK(view.hint == "Space: pause · Right: skip · hold 1.5 s to end");
    kiosk.press();
    CHECK(kiosk.screen() == ScreenKind::paused);
}

TEST_CASE("skip_stretches leaves stretches out, at the top level and per entry") {
    sk::Config config = one_short_session();
    config.schedule.front().routine = "full";
    config.schedule.push_back(
        {"Bedtime stretch", {21h}, {0x7f}, "full", sk::Theme::night, std::nullopt, {}, {"chair"}});
    config.skip_stretches = {"standing"};
    auto stretches_of = [](const FakeKiosk& kiosk) {
        std::vector<std::string> lines;
        for (const auto& line : kiosk.controller.view(kiosk.now).status) {
            lines.push_back(line.text);
        }
        return lines;
    };
    FakeKiosk morning(config, {}, "2026-11-23T07:00:00");
    REQUIRE(morning.screen() == ScreenKind::due);
    CHECK(stretches_of(morning) ==
          std::vector<std::string>{"Chair hamstring stretch · two chairs",
                                   "Towel hamstring stretch · a towel",
                                   "Wall hamstring stretch · a free wall"});
    CHECK(morning.controller.view(morning.now).caution.empty());
    morning.press();
    CHECK(morning.controller.view(morning.now).heading == "Chair hamstring stretch");

    FakeKiosk bedtime(config, {}, "2026-11-23T21:00:00");
    REQUIRE(bedtime.screen() == ScreenKind::due);
    CHECK(stretches_of(bedtime) ==
          std::vector<std::string>{"Towel hamstring stretch · a towel",
                                   "Wall hamstring stretch · a free wall"});
}

TEST_CASE("the standing stretch's caution is on the due screen of a routine that holds it") {
    sk::Config config = one_short_session();
    config.schedule.front().routine = "full";
    FakeKiosk kiosk(config, {}, "2026-11-23T07:00:00");
    REQUIRE(kiosk.screen() == ScreenKind::due);
    const std::string caution = kiosk.controller.view(kiosk.now).caution;
    CHECK(caution.starts_with("Standing hamstring stretch: "));
    for (const char* words :
         {"hard to do", "herniated lumbar disc", "spondylolisthesis", "other conditions",
          "Stop if pain grows or spreads down a leg", "wall stretch"}) {
        CAPTURE(words);
        CHECK(caution.find(words) != std::string::npos);
    }
    kiosk.press();
    REQUIRE(kiosk.screen() == ScreenKind::get_ready);
    CHECK_FALSE(kiosk.controller.view(kiosk.now).caution.empty());
    kiosk.press(Input::skip);
    REQUIRE(kiosk.screen() == ScreenKind::hold);
    CHECK_FALSE(kiosk.controller.view(kiosk.now).caution.empty());
    kiosk.press();
    REQUIRE(kiosk.screen() == ScreenKind::paused);
    CHECK_FALSE(kiosk.controller.view(kiosk.now).caution.empty());

    // The gentle routine has no standing stretch, and no caution.
    config.schedule.front().routine = "gentle";
    FakeKiosk gentle(config, {}, "2026-11-23T07:00:00");
    REQUIRE(gentle.screen() == ScreenKind::due);
    CHECK(gentle.controller.view(gentle.now).caution.empty());
}

namespace {

// Today's lines on the idle screen, as the person reads them.
std::vector<sk::StatusLine> today_on_idle(const FakeKiosk& kiosk) {
    const sk::ScreenView view = kiosk.controller.view(kiosk.now);
    REQUIRE(view.kind == ScreenKind::idle);
    return view.status;
}

bool says(const sk::ScreenView& view, const std::string& line) {
    return std::find(view.body.begin(), view.body.end(), line) != view.body.end();
}

sk::Config auto_start() {
    sk::Config config = one_short_session();
    config.session.start = sk::StartMode::automatic;
    config.session.auto_start_after = 20s;
    return config;
}

}  // namespace

TEST_CASE("a session done later the same day counts for that day's entry") {
    FakeKiosk kiosk(one_short_session(), {}, "2026-11-23T06:59:50");
    kiosk.run(10s);
    REQUIRE(kiosk.screen() == ScreenKind::due);
    kiosk.run(61min);
    REQUIRE(kiosk.outcomes() == std::vector{RecordOutcome::missed});
    CHECK(today_on_idle(kiosk) ==
          std::vector<sk::StatusLine>{{"07:00 Morning stretch", sk::StatusLine::Mark::missed}});

    // At noon, "stretch now": the morning's session, late.
    kiosk.now.wall = at("2026-11-23T12:00:00");
    kiosk.press();
    REQUIRE(kiosk.outcomes() == std::vector{RecordOutcome::missed, RecordOutcome::started});
    CHECK(kiosk.written[1].occurrence == "Morning stretch@2026-11-23");
    CHECK(kiosk.written[1].entry == "Morning stretch");
    kiosk.run(16s);
    REQUIRE(kiosk.screen() == ScreenKind::done);
    REQUIRE(kiosk.outcomes() ==
            std::vector{RecordOutcome::missed, RecordOutcome::started, RecordOutcome::completed});
    kiosk.press();  // close
    CHECK(today_on_idle(kiosk) ==
          std::vector<sk::StatusLine>{{"07:00 Morning stretch", sk::StatusLine::Mark::done}});
    CHECK(says(kiosk.controller.view(kiosk.now), "1 day in a row"));

    SECTION("once done, another session is one of its own") {
        kiosk.press();
        REQUIRE(kiosk.written.size() == 4);
        CHECK(kiosk.written[3].occurrence.empty());
        CHECK(kiosk.written[3].entry == "Stretch now");
    }
    SECTION("the next day, yesterday's entry is not made up for") {
        kiosk.now.wall = at("2026-11-24T00:30:00");
        kiosk.press();
        REQUIRE(kiosk.written.size() == 4);
        CHECK(kiosk.written[3].occurrence.empty());
    }
}

TEST_CASE("a session that started by itself and saw no press is unattended until confirmed") {
    FakeKiosk kiosk(auto_start(), {}, "2026-11-23T07:00:00");
    kiosk.run(21s);
    REQUIRE(kiosk.screen() == ScreenKind::get_ready);
    kiosk.run(16s);
    REQUIRE(kiosk.screen() == ScreenKind::done);
    // Written at once, so a power cut leaves the truth.
    REQUIRE(kiosk.outcomes() == std::vector{RecordOutcome::started, RecordOutcome::unattended});
    auto view = kiosk.controller.view(kiosk.now);
    CHECK(view.heading == "Did you stretch?");
    CAPTURE(view.body);
    CHECK(says(view, "Press Space to confirm · 1:58"));  // it ended 2 s ago
    CHECK(says(view, "Unconfirmed, it is not counted"));
    CHECK(view.hint == "Space: confirm · hold 1.5 s to close");
    // Said too, instead of "Well done", and made ready when the session started.
    REQUIRE_FALSE(kiosk.said.empty());
    CHECK(std::count_if(kiosk.said.begin(), kiosk.said.end(), [](const sk::Utterance& u) {
              return u.moment == sk::SpeechMoment::done;
          }) == 1);
    CHECK(kiosk.said.back().moment == sk::SpeechMoment::done);
    CHECK(kiosk.said.back().phrases ==
          std::vector<sk::Phrase>{{"Did you stretch?"}, {"Press Space to confirm."}});
    REQUIRE(kiosk.voice);
    for (const char* phrase : {"Did you stretch?", "Press Space to confirm."}) {
        CHECK(std::count(kiosk.voice->phrases.begin(), kiosk.voice->phrases.end(), phrase) == 1);
    }
    kiosk.run(30s);
    CHECK(says(kiosk.controller.view(kiosk.now), "Press Space to confirm · 1:28"));

    SECTION("unconfirmed: shown as unattended, counted nowhere") {
        kiosk.run(87s);
        REQUIRE(kiosk.screen() == ScreenKind::done);
        kiosk.run(1s);
        CHECK(kiosk.outcomes() == std::vector{RecordOutcome::started, RecordOutcome::unattended});
        CHECK(today_on_idle(kiosk) ==
              std::vector<sk::StatusLine>{{"07:00 Morning stretch (unattended)"}});
        CHECK_FALSE(says(kiosk.controller.view(kiosk.now), "1 day in a row"));
        const auto stats =
            sk::compute_stats(kiosk.controller.config(), berlin(), kiosk.written, kiosk.now.wall);
        CHECK(stats.streak_days == 0);
        CHECK(stats.practice_days == 0);
        CHECK(stats.weeks.at(0).completed == 0);
        CHECK(stats.weeks.at(0).active == 0s);
    }
    SECTION("closed with a long press: still unattended") {
        kiosk.press(Input::long_press);
        CHECK(kiosk.screen() == ScreenKind::idle);
        CHECK(kiosk.outcomes() == std::vector{RecordOutcome::started, RecordOutcome::unattended});
    }
    SECTION("confirmed with a press: the same session, completed") {
        kiosk.press();
        REQUIRE(kiosk.outcomes() == std::vector{RecordOutcome::started, RecordOutcome::unattended,
                                                RecordOutcome::completed});
        CHECK(sk::same_session(kiosk.written[1], kiosk.written[2]));
        CHECK(kiosk.written[2].active == kiosk.written[1].active);
        view = kiosk.controller.view(kiosk.now);
        CHECK(view.heading == "Well done");
        CHECK(view.hint == "Press Space to close");
        kiosk.press();  // close
        CHECK(today_on_idle(kiosk) ==
              std::vector<sk::StatusLine>{{"07:00 Morning stretch", sk::StatusLine::Mark::done}});
        CHECK(says(kiosk.controller.view(kiosk.now), "1 day in a row"));
        const auto sessions = sk::sessions_of(kiosk.written);
        REQUIRE(sessions.size() == 1);
        CHECK(sessions[0].outcome == RecordOutcome::completed);
    }
}

TEST_CASE("a session that started by itself and saw a press is completed") {
    FakeKiosk kiosk(auto_start(), {}, "2026-11-23T07:00:00");
    kiosk.run(21s);
    kiosk.press();  // pause
    kiosk.press();  // resume
    kiosk.run(16s);
    REQUIRE(kiosk.screen() == ScreenKind::done);
    CHECK(kiosk.outcomes() == std::vector{RecordOutcome::started, RecordOutcome::completed});
    CHECK(kiosk.controller.view(kiosk.now).heading == "Well done");
}

TEST_CASE("a long press and then carry on: one session, resumed where it stopped") {
    FakeKiosk kiosk(one_short_session(), {}, "2026-11-23T07:00:00");
    kiosk.press();
    kiosk.run(7s);  // 2 s into the hold
    kiosk.press(Input::long_press);
    REQUIRE(kiosk.outcomes() == std::vector{RecordOutcome::started, RecordOutcome::stopped});
    auto view = kiosk.controller.view(kiosk.now);
    CHECK(view.heading == "Stopped early");
    CHECK(says(view, "0 of 1 hold done"));
    CHECK(says(view, "Not counted: stretch again later today"));
    CHECK(says(view, "Press Space to carry on · 0:15"));
    CHECK(view.hint == "Space: carry on · hold 1.5 s to close");
    // The offer counts down: the screen wants a look every second.
    const auto deadline = kiosk.controller.next_deadlines(kiosk.now).mono;
    REQUIRE(deadline);
    CHECK(*deadline <= kiosk.now.mono + 1s);

    kiosk.run(4s);
    CHECK(says(kiosk.controller.view(kiosk.now), "Press Space to carry on · 0:11"));
    kiosk.press();
    // The hold it stopped in starts again from its beginning.
    view = kiosk.controller.view(kiosk.now);
    CHECK(view.kind == ScreenKind::hold);
    CHECK(view.big_number == 10);
    kiosk.run(11s);
    REQUIRE(kiosk.screen() == ScreenKind::done);
    REQUIRE(kiosk.outcomes() ==
            std::vector{RecordOutcome::started, RecordOutcome::stopped, RecordOutcome::completed});
    // One session: the same start; its active time leaves out the stopped screen's 4 s.
    CHECK(sk::same_session(kiosk.written[0], kiosk.written[2]));
    CHECK(kiosk.written[2].active == 17s);
    const auto sessions = sk::sessions_of(kiosk.written);
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].outcome == RecordOutcome::completed);
    kiosk.press();
    CHECK(today_on_idle(kiosk) ==
          std::vector<sk::StatusLine>{{"07:00 Morning stretch", sk::StatusLine::Mark::done}});

    SECTION("after 15 s the offer is gone") {
        FakeKiosk late(one_short_session(), {}, "2026-11-23T07:00:00");
        late.press();
        late.run(7s);
        late.press(Input::long_press);
        late.run(15s);
        CHECK(late.screen() == ScreenKind::idle);
        CHECK(late.outcomes() == std::vector{RecordOutcome::started, RecordOutcome::stopped});
    }
}

TEST_CASE("a session stopped after most of its holds counts as partly done") {
    sk::Config config = one_short_session();
    config.routines.back().steps[0].repetitions = 3;  // three holds of 10 s, no rest
    FakeKiosk kiosk(config, {}, "2026-11-23T07:00:00");
    kiosk.press();
    kiosk.run(28s);  // 5 s get ready, two holds, 3 s into the third
    kiosk.press(Input::long_press);
    REQUIRE(kiosk.outcomes() == std::vector{RecordOutcome::started, RecordOutcome::partly});
    auto view = kiosk.controller.view(kiosk.now);
    CHECK(says(view, "2 of 3 holds done"));
    CHECK(says(view, "Counts as partly done"));
    kiosk.run(15s);
    CHECK(today_on_idle(kiosk) ==
          std::vector<sk::StatusLine>{{"07:00 Morning stretch (partly done)"}});
    // It keeps the day: the streak goes on.
    CHECK(says(kiosk.controller.view(kiosk.now), "1 day in a row"));
}

TEST_CASE("the due screen says how long the holds are today") {
    sk::Config config = one_short_session();
    config.routines.back().steps[0].hold_max = 60s;
    // Three days with the session done: 5 s longer.
    std::vector<sk::HistoryRecord> history;
    for (const char* day : {"2026-11-20", "2026-11-21", "2026-11-22"}) {
        const std::string when = std::string(day) + "T07:00:00";
        history.push_back({at(when.c_str()), 1h, "Morning stretch@" + std::string(day),
                           "Morning stretch", "quick", RecordOutcome::completed, 15s});
    }
    FakeKiosk kiosk(config, history, "2026-11-23T07:00:00");
    REQUIRE(kiosk.screen() == ScreenKind::due);
    CHECK(says(kiosk.controller.view(kiosk.now), "Holds today: 15 s"));
    kiosk.press();
    kiosk.run(5s);
    CHECK(kiosk.controller.view(kiosk.now).big_number == 15);
    kiosk.run(16s);
    REQUIRE(kiosk.screen() == ScreenKind::done);
    CHECK(says(kiosk.controller.view(kiosk.now), "Holds today: 15 s"));
}
