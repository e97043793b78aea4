#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "core/session/pacing.hpp"
#include "core/session/session.hpp"

using namespace std::chrono_literals;
using sk::Command;
using sk::Cue;
using sk::MonoTime;
using sk::Outcome;
using sk::Phase;
using sk::ScreenKind;
using sk::Session;
using sk::Side;

namespace {

const MonoTime t0 = MonoTime{} + 1000s;

sk::Config test_config() {
    sk::Config config;
    config.stretches = {
        {"standing",
         "Standing hamstring stretch",
         {"Stand tall.", "Bend forward from the hips."},
         sk::Laterality::both_legs,
         "Skip this one if your back hurts.",
         "Let your arms hang.",
         {sk::Picture::Source::built_in, "standing"},
         {}},
        {"chair",
         "Chair hamstring stretch",
         {"Sit on a chair.", "Rest one leg on another chair."},
         sk::Laterality::per_leg,
         "",
         "",
         {sk::Picture::Source::file, "/srv/chair.svg"},
         {sk::Equipment::two_chairs}},
    };
    config.session.get_ready = 2s;
    config.session.switch_sides = 2s;
    config.session.lengthen_by = 5s;
    config.session.lengthen_every_days = 3;
    // Fixed times, so the timings below stay short (the sized defaults are tested on their own).
    config.stretches[1].get_ready = 2s;
    config.stretches[1].switch_sides = 2s;
    return config;
}

sk::RoutineStep step(const char* stretch, std::chrono::seconds hold,
                     sk::SideSelection sides = sk::SideSelection::both, int repetitions = 1,
                     std::chrono::seconds rest = 3s) {
    return {stretch, hold, hold, sides, repetitions, rest};
}

// get_ready 0-2, standing 2-7, get_ready 7-9, left 9-13, switch 13-15, right 15-19, done at 19.
sk::Routine quick_routine() {
    return {"quick", "Quick routine", {step("standing", 5s), step("chair", 4s)}};
}

Session start(const sk::Routine& routine, int streak_days = 0,
              const sk::Config& config = test_config()) {
    return Session(config, routine, "Morning stretch", sk::Theme::night, streak_days, t0);
}

struct Heard {
    int second;
    Cue cue;
    bool operator==(const Heard&) const = default;
};

// Advances a second at a time, as the app's deadlines would, noting every cue and when.
std::vector<Heard> run(Session& session, int from_second, int to_second) {
    std::vector<Heard> heard;
    for (int second = from_second; second <= to_second; ++second) {
        for (Cue cue : session.advance(t0 + std::chrono::seconds{second}).cues) {
            heard.push_back({second, cue});
        }
    }
    return heard;
}

std::vector<Phase> phases(const Session& session) {
    std::vector<Phase> result;
    for (const auto& segment : session.segments()) {
        result.push_back(segment.phase);
    }
    return result;
}

std::vector<Side> hold_sides(const Session& session) {
    std::vector<Side> result;
    for (const auto& segment : session.segments()) {
        if (segment.phase == Phase::hold) {
            result.push_back(segment.side);
        }
    }
    return result;
}

}  // namespace

TEST_CASE("a full routine runs to completion with its cues in order") {
    sk::StartedSession started =
        Session::start(test_config(), quick_routine(), "Morning stretch", sk::Theme::day, 0, t0);
    CHECK(started.events.cues == std::vector{Cue::session_start});
    CHECK_FALSE(started.events.ended);
    Session& session = started.session;

    CHECK(phases(session) == std::vector{Phase::get_ready, Phase::hold, Phase::get_ready,
                                         Phase::hold, Phase::switch_sides, Phase::hold,
                                         Phase::done});
    CHECK(session.planned_length() == 19s);

    std::vector<Phase> seen{session.phase()};
    std::vector<Heard> heard;
    std::optional<Outcome> ended;
    int endings = 0;
    for (int second = 1; second <= 25; ++second) {
        auto events = session.advance(t0 + std::chrono::seconds{second});
        for (Cue cue : events.cues) {
            heard.push_back({second, cue});
        }
        if (events.ended) {
            ended = events.ended;
            ++endings;
        }
        if (session.phase() != seen.back()) {
            seen.push_back(session.phase());
        }
    }
    CHECK(seen == std::vector{Phase::get_ready, Phase::hold, Phase::get_ready, Phase::hold,
                              Phase::switch_sides, Phase::hold, Phase::done});
    CHECK(heard == std::vector<Heard>{{4, Cue::tick},
                                      {5, Cue::tick},
                                      {6, Cue::tick},
                                      {7, Cue::hold_end},
                                      {10, Cue::tick},
                                      {11, Cue::tick},
                                      {12, Cue::tick},
                                      {13, Cue::hold_end},
                                      {13, Cue::switch_sides},
                                      {16, Cue::tick},
                                      {17, Cue::tick},
                                      {18, Cue::tick},
                                      {19, Cue::hold_end},
                                      {19, Cue::session_done}});
    CHECK(ended == Outcome::completed);
    CHECK(endings == 1);
    CHECK(session.finished());
    CHECK(session.outcome() == Outcome::completed);
    CHECK(session.active_time(t0 + 25s) == 19s);
    CHECK_FALSE(session.next_deadline(t0 + 25s));
}

TEST_CASE("a per-leg stretch works the left leg, then the right") {
    Session session = start({"r", "R", {step("chair", 4s)}});
    CHECK(hold_sides(session) == std::vector{Side::left, Side::right});

    auto view = session.view(t0);
    CHECK(view.kind == ScreenKind::get_ready);
    CHECK(view.subheading == "Get into position, left leg first");
    CHECK(view.side == Side::none);

    view = session.view(t0 + 3s);
    CHECK(view.kind == ScreenKind::hold);
    CHECK(view.side == Side::left);
    CHECK(view.subheading == "Left leg");

    view = session.view(t0 + 7s);
    CHECK(view.kind == ScreenKind::switch_sides);
    CHECK(view.heading == "Switch legs");
    CHECK(view.subheading == "Now the right leg");
    CHECK(view.side == Side::right);
    CHECK(view.big_number == 1);

    view = session.view(t0 + 8s);
    CHECK(view.kind == ScreenKind::hold);
    CHECK(view.side == Side::right);
    CHECK(view.subheading == "Right leg");
}

TEST_CASE("a per-leg stretch can work one chosen leg") {
    auto sides = GENERATE(sk::SideSelection::left, sk::SideSelection::right);
    Session session = start({"r", "R", {step("chair", 4s, sides)}});
    const Side expected = sides == sk::SideSelection::left ? Side::left : Side::right;
    CHECK(hold_sides(session) == std::vector{expected});
    CHECK(phases(session) == std::vector{Phase::get_ready, Phase::hold, Phase::done});
    CHECK(session.view(t0).subheading == (expected == Side::left
                                              ? "Get into position for the left leg"
                                              : "Get into position for the right leg"));
    CHECK(session.view(t0 + 2s).side == expected);
}

TEST_CASE("a both-legs stretch ignores the side selection") {
    Session session = start({"r", "R", {step("standing", 4s, sk::SideSelection::left)}});
    CHECK(hold_sides(session) == std::vector{Side::none});
    CHECK(session.view(t0).subheading == "Get into position");
    CHECK(session.view(t0 + 2s).subheading == "");
}

TEST_CASE("repetitions rest between rounds, and the screen counts the rounds") {
    Session session = start({"r", "R", {step("chair", 4s, sk::SideSelection::both, 3, 3s)}});
    CHECK(phases(session) == std::vector{Phase::get_ready, Phase::hold, Phase::switch_sides,
                                         Phase::hold, Phase::rest, Phase::hold, Phase::switch_sides,
                                         Phase::hold, Phase::rest, Phase::hold, Phase::switch_sides,
                                         Phase::hold, Phase::done});
    CHECK(session.planned_length() == 2s + 3 * (4s + 2s + 4s) + 2 * 3s);

    // get_ready 0-2, left 2-6, switch 6-8, right 8-12, rest 12-15, left (round 2) 15-19.
    auto view = session.view(t0 + 2s);
    CHECK(view.body ==
          std::vector<std::string>{"Stop at a gentle pull. Never strain.", "Round 1 of 3"});
    view = session.view(t0 + 13s);
    CHECK(view.kind == ScreenKind::rest);
    CHECK(view.heading == "Rest");
    // A short rest is all "last seconds": what comes next, by name.
    CHECK(view.body ==
          std::vector<std::string>{"Next: Chair hamstring stretch", "Round 2 of 3, left leg"});
    CHECK(view.big_number == 2);
    view = session.view(t0 + 15s);
    CHECK(view.kind == ScreenKind::hold);
    CHECK(view.side == Side::left);
    CHECK(view.body.at(1) == "Round 2 of 3");

    CHECK(run(session, 1, 15) == std::vector<Heard>{{3, Cue::tick},
                                                    {4, Cue::tick},
                                                    {5, Cue::tick},
                                                    {6, Cue::hold_end},
                                                    {6, Cue::switch_sides},
                                                    {9, Cue::tick},
                                                    {10, Cue::tick},
                                                    {11, Cue::tick},
                                                    {12, Cue::hold_end}});
}

TEST_CASE("a pause keeps the time left exactly") {
    Session session = start(quick_routine());
    // 3.75 s into the 5 s standing hold (which runs 2-7): 1.25 s left.
    session.advance(t0 + 5750ms);
    auto events = session.apply(Command::toggle_pause, t0 + 5750ms);
    CHECK(events.changed);
    CHECK(events.cues.empty());
    CHECK(session.paused());
    CHECK_FALSE(session.next_deadline(t0 + 6s));

    auto view = session.view(t0 + 100s);
    CHECK(view.kind == ScreenKind::paused);
    CHECK(view.heading == "Paused");
    CHECK(view.body == std::vector<std::string>{"Standing hamstring stretch · Holding",
                                                "Stand tall.", "Bend forward from the hips."});
    CHECK(view.big_number == 2);
    CHECK(view.progress == 0.75);
    CHECK(view.theme == sk::Theme::night);

    CHECK(session.advance(t0 + 200s).cues.empty());
    CHECK(session.phase() == Phase::hold);

    events = session.apply(Command::toggle_pause, t0 + 300s);
    CHECK_FALSE(session.paused());
    CHECK(events.changed);
    CHECK(session.view(t0 + 300s).big_number == 2);
    CHECK(session.next_deadline(t0 + 300s) == t0 + 300250ms);
    // The tick at 2 s left came before the pause; the one at 1 s comes after it.
    CHECK(session.advance(t0 + 300s).cues.empty());
    CHECK(session.advance(t0 + 300250ms).cues == std::vector{Cue::tick});
    CHECK(session.advance(t0 + 301249ms).cues.empty());
    CHECK(session.phase() == Phase::hold);
    CHECK(session.advance(t0 + 301250ms).cues == std::vector{Cue::hold_end});
    CHECK(session.phase() == Phase::get_ready);
    // 7 s of the session ran; 294.25 s were paused.
    CHECK(session.active_time(t0 + 301250ms) == 7s);
}

TEST_CASE("a pause during get ready shows what was going on") {
    Session session = start(quick_routine());
    session.apply(Command::toggle_pause, t0 + 1s);
    auto view = session.view(t0 + 50s);
    CHECK(view.kind == ScreenKind::paused);
    CHECK(view.body == std::vector<std::string>{"Standing hamstring stretch · Getting ready",
                                                "Stand tall.", "Bend forward from the hips."});
    CHECK(view.big_number == 1);
    session.apply(Command::toggle_pause, t0 + 60s);
    CHECK(session.phase() == Phase::get_ready);
    session.advance(t0 + 60999ms);
    CHECK(session.phase() == Phase::get_ready);
    session.advance(t0 + 61s);
    CHECK(session.phase() == Phase::hold);
}

TEST_CASE("a pause on a later round says which leg and round") {
    Session session = start({"r", "R", {step("chair", 4s, sk::SideSelection::both, 2, 3s)}});
    session.advance(t0 + 22s);  // right leg, round 2 (21-25)
    session.apply(Command::toggle_pause, t0 + 22s);
    CHECK(session.view(t0 + 22s).body ==
          std::vector<std::string>{"Chair hamstring stretch · Right leg, round 2 of 2",
                                   "Sit on a chair.", "Rest one leg on another chair."});
}

TEST_CASE("skip ends the current segment now, in every phase") {
    Session session = start({"r", "R", {step("chair", 4s, sk::SideSelection::both, 2, 3s)}});
    struct Row {
        Phase from;
        std::vector<Cue> cues;
        Phase to;
    };
    const std::vector<Row> rows{
        {Phase::get_ready, {}, Phase::hold},
        {Phase::hold, {Cue::hold_end, Cue::switch_sides}, Phase::switch_sides},
        {Phase::switch_sides, {}, Phase::hold},
        {Phase::hold, {Cue::hold_end}, Phase::rest},
        {Phase::rest, {}, Phase::hold},
        {Phase::hold, {Cue::hold_end, Cue::switch_sides}, Phase::switch_sides},
        {Phase::switch_sides, {}, Phase::hold},
        {Phase::hold, {Cue::hold_end, Cue::session_done}, Phase::done},
    };
    MonoTime now = t0;
    for (const Row& row : rows) {
        now += 500ms;  // not long enough for a tick
        CAPTURE(static_cast<int>(row.from));
        REQUIRE(session.phase() == row.from);
        auto events = session.apply(Command::skip, now);
        CHECK(events.cues == row.cues);
        CHECK(session.phase() == row.to);
        CHECK(events.changed);
        // The next segment starts now, with all its time.
        if (row.to == Phase::hold) {
            CHECK(session.view(now).big_number == 4);
        }
    }
    CHECK(session.outcome() == Outcome::completed);

    auto events = session.apply(Command::skip, now + 1s);
    CHECK(events.cues.empty());
    CHECK_FALSE(events.ended);
    CHECK_FALSE(events.changed);
    CHECK(session.phase() == Phase::done);
}

TEST_CASE("skip while paused moves on and stays paused") {
    Session session = start(quick_routine());
    session.apply(Command::toggle_pause, t0 + 1s);
    auto events = session.apply(Command::skip, t0 + 5s);
    CHECK(events.cues.empty());
    CHECK(session.phase() == Phase::hold);
    CHECK(session.paused());
    CHECK(session.view(t0 + 9s).big_number == 5);
    session.apply(Command::toggle_pause, t0 + 10s);
    CHECK(session.view(t0 + 11s).big_number == 4);
    // Ran 1 s of get ready and 1 s of the hold: 9 s were paused.
    CHECK(session.active_time(t0 + 11s) == 2s);
}

TEST_CASE("stop ends the session from every phase, once") {
    Session session = start({"r", "R", {step("chair", 8s, sk::SideSelection::both, 2, 3s)}});
    // get_ready 0-2, left 2-10, switch 10-12, right 12-20, rest 20-23: a stop comes 1 s later.
    auto [at, phase, paused] = GENERATE(table<int, Phase, bool>({
        {0, Phase::get_ready, false},
        {3, Phase::hold, false},
        {10, Phase::switch_sides, false},
        {20, Phase::rest, false},
        {3, Phase::hold, true},
    }));
    CAPTURE(at, paused);
    const MonoTime when = t0 + std::chrono::seconds{at};
    session.advance(when);
    REQUIRE(session.phase() == phase);
    if (paused) {
        session.apply(Command::toggle_pause, when);
    }
    auto events = session.apply(Command::stop, when + 1s);
    CHECK(events.ended == Outcome::stopped);
    CHECK(events.cues.empty());
    CHECK(events.changed);
    CHECK(session.finished());
    CHECK_FALSE(session.paused());
    CHECK(session.outcome() == Outcome::stopped);
    CHECK(session.active_time(when + 100s) ==
          (paused ? std::chrono::seconds{at} : std::chrono::seconds{at + 1}));

    CHECK_FALSE(session.apply(Command::stop, when + 2s).ended);
    CHECK_FALSE(session.apply(Command::toggle_pause, when + 3s).changed);
    CHECK_FALSE(session.advance(when + 100s).ended);

    auto view = session.view(when + 5s);
    CHECK(view.kind == ScreenKind::done);
    CHECK(view.heading == "Stopped early");
    CHECK(view.subheading == "Morning stretch");
    // What the record says: not counted, or partly done after most of the holds.
    const int holds = session.holds_done();
    CHECK(view.body.at(1) == std::to_string(holds) + " of 4 holds done");
    CHECK(view.body.at(2) ==
          (holds > 2 ? "Counts as partly done" : "Not counted: stretch again later today"));
    CHECK(session.partly_done() == (holds > 2));
}

TEST_CASE("a long jump crosses segments: hold ends yes, a flood of ticks no") {
    SECTION("to the end") {
        Session session = start(quick_routine());
        auto events = session.advance(t0 + 1h);
        CHECK(events.cues ==
              std::vector{Cue::hold_end, Cue::hold_end, Cue::hold_end, Cue::session_done});
        CHECK(events.ended == Outcome::completed);
        CHECK(session.active_time(t0 + 1h) == 19s);
    }
    SECTION("into the middle of a hold") {
        Session session = start(quick_routine());
        // Past the standing hold and the left leg, into the switch.
        auto events = session.advance(t0 + 14s);
        CHECK(events.cues == std::vector{Cue::hold_end, Cue::hold_end, Cue::switch_sides});
        CHECK(session.phase() == Phase::switch_sides);
        session = start(quick_routine());
        // Past the switch too, 2.5 s before the right leg's end: one tick, for this second.
        events = session.advance(t0 + 16500ms);
        CHECK(events.cues == std::vector{Cue::hold_end, Cue::hold_end, Cue::tick});
        CHECK_FALSE(events.ended);
        CHECK(session.advance(t0 + 17s).cues == std::vector{Cue::tick});
        CHECK(session.advance(t0 + 17500ms).cues.empty());
        CHECK(session.advance(t0 + 18s).cues == std::vector{Cue::tick});
    }
}

TEST_CASE("time going backward is ignored") {
    Session session = start(quick_routine());
    session.advance(t0 + 5s);
    const auto before = session.view(t0 + 5s);
    auto events = session.advance(t0 + 1s);
    CHECK(events.cues.empty());
    CHECK_FALSE(events.changed);
    CHECK(session.phase() == Phase::hold);
    CHECK(session.view(t0 + 1s) == before);
    CHECK(session.next_deadline(t0 + 1s) == t0 + 6s);
    // A command at an earlier time happens at the latest time seen.
    session.apply(Command::toggle_pause, t0);
    session.apply(Command::toggle_pause, t0 + 5s);
    CHECK(session.view(t0 + 5s).big_number == 2);
    // Ticks already given are not given again when time comes back.
    CHECK(session.advance(t0 + 4s).cues.empty());
    CHECK(session.advance(t0 + 5s).cues.empty());
    CHECK(session.advance(t0 + 6s).cues == std::vector{Cue::tick});
}

TEST_CASE("holds lengthen with the streak, up to hold_max") {
    sk::Config config = test_config();
    sk::RoutineStep lengthening{"standing", 30s, 60s, sk::SideSelection::both, 1, 10s};
    auto [streak, hold] = GENERATE(table<int, std::chrono::seconds>({
        {0, 30s},
        {2, 30s},
        {3, 35s},
        {5, 35s},
        {6, 40s},
        {30, 60s},
        {100000, 60s},
        {-4, 30s},
    }));
    CAPTURE(streak);
    CHECK(sk::progressed_hold(config.session, lengthening, streak) == hold);
    sk::Routine routine{"r", "R", {lengthening}};
    Session session(config, routine, "", sk::Theme::day, streak, t0);
    CHECK(session.segments().at(1).length == hold);
    CHECK(sk::routine_length(config, routine, streak) == 2s + hold);
    CHECK(session.planned_length() == 2s + hold);
}

TEST_CASE("progression is off when hold_max is not above hold or the interval is zero") {
    sk::SessionSettings settings;
    settings.lengthen_every_days = 0;
    CHECK(sk::progressed_hold(settings, {"x", 30s, 60s, {}, 1, 10s}, 30) == 30s);
    settings.lengthen_every_days = 3;
    CHECK(sk::progressed_hold(settings, {"x", 30s, 30s, {}, 1, 10s}, 30) == 30s);
    CHECK(sk::progressed_hold(settings, {"x", 30s, 20s, {}, 1, 10s}, 30) == 30s);
}

TEST_CASE("a copy taken mid-way carries on exactly like the original") {
    Session original = start({"r", "R", {step("chair", 4s, sk::SideSelection::both, 2, 3s)}});
    original.advance(t0 + 5s);
    original.apply(Command::toggle_pause, t0 + 5500ms);
    Session copy = original;
    auto drive = [](Session& session) {
        std::vector<Cue> cues;
        std::vector<sk::ScreenView> views;
        auto take = [&](const sk::SessionEvents& events) {
            cues.insert(cues.end(), events.cues.begin(), events.cues.end());
        };
        take(session.apply(Command::toggle_pause, t0 + 9s));
        for (int tenth = 91; tenth < 400; tenth += 7) {
            const MonoTime now = t0 + std::chrono::milliseconds{tenth * 100};
            take(session.advance(now));
            views.push_back(session.view(now));
            if (tenth == 140) {
                take(session.apply(Command::skip, now));
            }
        }
        return std::pair{cues, views};
    };
    const auto from_original = drive(original);
    const auto from_copy = drive(copy);
    CHECK(from_original.first == from_copy.first);
    CHECK(from_original.second == from_copy.second);
    CHECK_FALSE(from_original.first.empty());
    CHECK(original.finished());
    CHECK(copy.finished());
    CHECK(original.active_time(t0 + 40s) == copy.active_time(t0 + 40s));
}

TEST_CASE("the session screens at chosen instants") {
    Session session = start(quick_routine());

    SECTION("get ready: the stretch, its steps, its caution, a countdown") {
        auto view = session.view(t0 + 500ms);
        CHECK(view.kind == ScreenKind::get_ready);
        CHECK(view.theme == sk::Theme::night);
        CHECK(view.heading == "Standing hamstring stretch");
        CHECK(view.subheading == "Get into position");
        CHECK(view.body == std::vector<std::string>{"Stand tall.", "Bend forward from the hips."});
        CHECK(view.caution == "Skip this one if your back hurts.");
        CHECK(view.big_number == 2);
        CHECK(view.show_progress);
        CHECK(view.progress == 0.25);
        CHECK(view.hint.empty());
    }
    SECTION("hold: seconds left rounded up, progress, the stretch's cue") {
        auto view = session.view(t0 + 2s);
        CHECK(view.kind == ScreenKind::hold);
        CHECK(view.heading == "Standing hamstring stretch");
        CHECK(view.subheading == "");
        CHECK(view.side == Side::none);
        CHECK(view.big_number == 5);
        CHECK(view.progress == 0.0);
        CHECK(view.body == std::vector<std::string>{"Let your arms hang."});
        CHECK(view.phase == "Hold");
        CHECK(view.caution == "Skip this one if your back hurts.");

        CHECK(session.view(t0 + 2001ms).big_number == 5);
        CHECK(session.view(t0 + 3s).big_number == 4);
        CHECK(session.view(t0 + 4500ms).progress == 0.5);
        CHECK(session.view(t0 + 6999ms).big_number == 1);
    }
    SECTION("a stretch with no cue of its own gets the default one") {
        auto view = session.view(t0 + 10s);
        CHECK(view.kind == ScreenKind::hold);
        CHECK(view.heading == "Chair hamstring stretch");
        CHECK(view.body == std::vector<std::string>{"Stop at a gentle pull. Never strain."});
    }
    SECTION("done: what was done and how long") {
        session.advance(t0 + 19s);
        auto view = session.view(t0 + 30s);
        CHECK(view.kind == ScreenKind::done);
        CHECK(view.heading == "Well done");
        CHECK(view.subheading == "Morning stretch");
        CHECK(view.body == std::vector<std::string>{"Quick routine · 19 s"});
        CHECK_FALSE(view.big_number);
    }
}

TEST_CASE("the pose is shown while getting ready, holding and paused, with the leg at work") {
    // get_ready 0-2, standing 2-7, get_ready 7-9, left 9-13, switch 13-15, right 15-19.
    Session session = start(quick_routine());
    const sk::Picture standing{sk::Picture::Source::built_in, "standing"};
    const sk::Picture chair{sk::Picture::Source::file, "/srv/chair.svg"};
    using sk::PosePicture;
    CHECK(session.view(t0 + 1s).picture == PosePicture{standing, Side::none});
    CHECK(session.view(t0 + 3s).picture == PosePicture{standing, Side::none});
    CHECK(session.view(t0 + 8s).picture == PosePicture{chair, Side::left});
    CHECK(session.view(t0 + 10s).picture == PosePicture{chair, Side::left});
    CHECK(session.view(t0 + 16s).picture == PosePicture{chair, Side::right});

    SECTION("paused, the picture still shows the leg, though the view names none") {
        session.apply(Command::toggle_pause, t0 + 10s);
        const auto paused = session.view(t0 + 12s);
        CHECK(paused.kind == ScreenKind::paused);
        CHECK(paused.side == Side::none);
        CHECK(paused.picture == PosePicture{chair, Side::left});
    }
    SECTION("a stretch with no picture shows none") {
        sk::Config config = test_config();
        config.stretches.at(0).picture = {};
        Session plain = start({"r", "R", {step("standing", 5s)}}, 0, config);
        CHECK_FALSE(plain.view(t0 + 1s).picture);
        CHECK_FALSE(plain.view(t0 + 3s).picture);
    }
}

TEST_CASE("the last seconds of a switch or a rest show the next pose (a rest, its name too)") {
    sk::Config config = test_config();
    config.stretches[1].switch_sides = 8s;
    // get_ready 0-2, left 2-6, switch 6-14, right 14-18, rest 18-28, left (round 2) 28-32.
    Session session =
        Session(config, {"r", "R", {step("chair", 4s, sk::SideSelection::both, 2, 10s)}},
                "Morning stretch", sk::Theme::day, 0, t0);
    const sk::PosePicture right{{sk::Picture::Source::file, "/srv/chair.svg"}, Side::right};
    const sk::PosePicture left{{sk::Picture::Source::file, "/srv/chair.svg"}, Side::left};

    auto view = session.view(t0 + 8s);  // 6 s left
    CHECK(view.kind == ScreenKind::switch_sides);
    CHECK(view.body == std::vector<std::string>{"Same stretch, other leg."});
    CHECK_FALSE(view.picture);
    view = session.view(t0 + 9s);  // 5 s left
    CHECK(view.big_number == 5);
    CHECK(view.body == std::vector<std::string>{"Same stretch, other leg."});
    CHECK(view.picture == right);
    CHECK(session.view(t0 + 13500ms).picture == right);

    view = session.view(t0 + 22s);  // 6 s left
    CHECK(view.kind == ScreenKind::rest);
    CHECK(view.body == std::vector<std::string>{"Next: round 2 of 2, left leg"});
    CHECK_FALSE(view.picture);
    view = session.view(t0 + 23s);  // 5 s left
    CHECK(view.body ==
          std::vector<std::string>{"Next: Chair hamstring stretch", "Round 2 of 2, left leg"});
    CHECK(view.picture == left);
    // The preview starts on a whole second, when the countdown changes anyway: no new deadline.
    session.advance(t0 + 22500ms);
    CHECK(session.next_deadline(t0 + 22500ms) == t0 + 23s);
}

TEST_CASE("next_deadline: the next whole second of the countdown, or the phase end") {
    Session session = start(quick_routine());
    CHECK(session.next_deadline(t0) == t0 + 1s);
    CHECK(session.next_deadline(t0 + 300ms) == t0 + 1s);
    CHECK(session.next_deadline(t0 + 1s) == t0 + 2s);
    // Not advanced past the end of get ready: due at once.
    CHECK(session.next_deadline(t0 + 3s) == t0 + 3s);
    session.advance(t0 + 3s);
    CHECK(session.next_deadline(t0 + 3s) == t0 + 4s);
    session.apply(Command::toggle_pause, t0 + 3250ms);
    session.apply(Command::toggle_pause, t0 + 4s);
    // 3.75 s of the hold are left: the number changes 0.75 s from now.
    CHECK(session.next_deadline(t0 + 4s) == t0 + 4750ms);
}

TEST_CASE("a routine with nothing to do completes at once") {
    sk::StartedSession started =
        Session::start(test_config(), {"empty", "Empty", {}}, "", sk::Theme::day, 0, t0);
    CHECK(started.events.cues == std::vector{Cue::session_start, Cue::session_done});
    CHECK(started.events.ended == Outcome::completed);
    CHECK(started.session.finished());
    CHECK(started.session.planned_length() == 0s);
}

TEST_CASE("zero-length waits are left out") {
    sk::Config config = test_config();
    config.session.get_ready = 0s;
    config.session.switch_sides = 0s;
    config.stretches[1].get_ready = 0s;
    config.stretches[1].switch_sides = 0s;
    Session session(config, {"r", "R", {step("chair", 4s, sk::SideSelection::both, 2, 0s)}}, "",
                    sk::Theme::day, 0, t0);
    CHECK(phases(session) ==
          std::vector{Phase::hold, Phase::hold, Phase::hold, Phase::hold, Phase::done});
}

namespace {

sk::Stretch stretch_at(const char* id, sk::Position position,
                       std::vector<sk::Equipment> needs = {}) {
    sk::Stretch stretch;
    stretch.id = id;
    stretch.title = id;
    stretch.steps = {"Get into it."};
    stretch.laterality = sk::Laterality::per_leg;
    stretch.position = position;
    stretch.needs = std::move(needs);
    return stretch;
}

std::vector<std::pair<Phase, std::chrono::seconds>> timed_waits(const Session& session) {
    std::vector<std::pair<Phase, std::chrono::seconds>> waits;
    for (const auto& segment : session.segments()) {
        if (segment.phase == Phase::get_ready || segment.phase == Phase::switch_sides) {
            waits.emplace_back(
                segment.phase,
                std::chrono::duration_cast<std::chrono::seconds>(
                    segment.ready == sk::ReadyMode::press ? segment.expected : segment.length));
        }
    }
    return waits;
}

}  // namespace

TEST_CASE("get-ready and switch times are sized to the move and to what a stretch needs") {
    using sk::Equipment;
    using sk::Position;
    sk::SessionSettings settings;  // 10 s to get ready staying put, 5 s to switch
    const sk::Stretch standing = stretch_at("standing", Position::standing);
    const sk::Stretch chair = stretch_at("chair", Position::seated, {Equipment::two_chairs});
    const sk::Stretch towel = stretch_at("towel", Position::lying, {Equipment::towel});
    const sk::Stretch wall = stretch_at("wall", Position::lying, {Equipment::wall});
    const sk::Stretch unknown = stretch_at("own", Position::unknown);
    const std::vector<const sk::Stretch*> all{&standing, &chair, &towel, &wall, &unknown};
    const auto find = [&](const std::string& id) -> const sk::Stretch* {
        for (const sk::Stretch* stretch : all) {
            if (stretch->id == id) {
                return stretch;
            }
        }
        return nullptr;  // "": the first stretch
    };
    struct Row {
        const char* stretch;
        const char* before;
        int get_ready;
        sk::ReadyMode ready;
    };
    const auto row = GENERATE(values<Row>({
        {"standing", "", 10, sk::ReadyMode::timed},       // begun standing: staying put
        {"chair", "standing", 25, sk::ReadyMode::timed},  // sit down, fetch a second chair
        {"chair", "chair", 10, sk::ReadyMode::timed},     // the chairs are there already
        {"towel", "chair", 35, sk::ReadyMode::press},     // down to the floor, a towel
        {"towel", "", 35, sk::ReadyMode::press},
        {"wall", "towel", 15, sk::ReadyMode::timed},  // on the floor already: to the wall
        {"chair", "wall", 40, sk::ReadyMode::press},  // up from the floor, two chairs
        {"own", "towel", 10, sk::ReadyMode::timed},
        {"towel", "own", 15, sk::ReadyMode::timed},
    }));
    const sk::Stretch* stretch = find(row.stretch);
    const sk::Stretch* before = find(row.before);
    const int get_ready = row.get_ready;
    const sk::ReadyMode ready = row.ready;
    REQUIRE(stretch != nullptr);
    CAPTURE(row.stretch, row.before);
    CHECK(sk::get_ready_time(settings, *stretch, before) == std::chrono::seconds{get_ready});
    CHECK(sk::ready_mode(sk::Routine{}, *stretch, before) == ready);

    CHECK(sk::switch_sides_time(settings, standing) == 5s);
    CHECK(sk::switch_sides_time(settings, chair) == 10s);
    CHECK(sk::switch_sides_time(settings, towel) == 15s);  // re-loop the towel
}

TEST_CASE("a stretch's own get_ready, switch_sides and ready win; then the routine's ready") {
    sk::SessionSettings settings;
    sk::Stretch towel = stretch_at("towel", sk::Position::lying, {sk::Equipment::towel});
    towel.get_ready = 45s;
    towel.switch_sides = 20s;
    CHECK(sk::get_ready_time(settings, towel, nullptr) == 45s);
    CHECK(sk::switch_sides_time(settings, towel) == 20s);

    sk::Routine routine;
    routine.ready = sk::ReadyMode::timed;
    CHECK(sk::ready_mode(routine, towel, nullptr) == sk::ReadyMode::timed);
    towel.ready = sk::ReadyMode::press;
    CHECK(sk::ready_mode(routine, towel, nullptr) == sk::ReadyMode::press);
    const sk::Stretch standing = stretch_at("standing", sk::Position::standing);
    routine.ready = sk::ReadyMode::press;
    CHECK(sk::ready_mode(routine, standing, nullptr) == sk::ReadyMode::press);

    sk::Config config;
    config.stretches = {standing, towel};
    const sk::Routine both{"r", "R", {step("standing", 30s), step("towel", 30s)}};
    const Session session(config, both, "", sk::Theme::day, 0, t0);
    using W = std::pair<Phase, std::chrono::seconds>;
    CHECK(timed_waits(session) == std::vector<W>{{Phase::get_ready, 10s},
                                                 {Phase::switch_sides, 5s},
                                                 {Phase::get_ready, 45s},
                                                 {Phase::switch_sides, 20s}});
}

TEST_CASE("ready: press waits for the button, says so, and starts by itself after the timeout") {
    sk::Config config = test_config();
    sk::Routine routine = quick_routine();
    routine.ready = sk::ReadyMode::press;
    Session session =
        Session::start(config, routine, "Morning stretch", sk::Theme::day, 0, t0).session;
    REQUIRE(session.waiting_for_press());

    auto view = session.view(t0 + 30s);
    CHECK(view.kind == ScreenKind::get_ready);
    CHECK(view.phase == "Press when you are in position");
    CHECK_FALSE(view.big_number.has_value());
    CHECK_FALSE(view.show_progress);
    CHECK(view.body.back() == "Starts by itself after 2 min.");
    CHECK(view.caution == "Skip this one if your back hurts.");

    // Said too, last: what is left in the ear while getting into position.
    const sk::Utterance said = session.entry_speech();
    REQUIRE_FALSE(said.phrases.empty());
    CHECK(said.phrases.back() ==
          sk::Phrase{"Press when you are in position.", sk::Need::essential});

    // Nothing to redraw until the press or the timeout.
    CHECK(session.next_deadline(t0 + 30s) == t0 + sk::press_timeout);
    // Still waiting long after a timed get-ready would have ended.
    CHECK(session.advance(t0 + 60s).cues.empty());
    CHECK(session.phase() == Phase::get_ready);
    const auto events = session.apply(Command::in_position, t0 + 61s);
    CHECK(session.phase() == Phase::hold);
    CHECK_FALSE(session.paused());
    CHECK(events.changed);
    REQUIRE_FALSE(events.speech.empty());
    CHECK(events.speech.back().moment == sk::SpeechMoment::hold);
    CHECK(session.view(t0 + 62s).phase == "Hold");
    CHECK(session.view(t0 + 62s).big_number == 4);

    // In position means nothing once the hold runs.
    session.apply(Command::in_position, t0 + 63s);
    CHECK(session.phase() == Phase::hold);
    CHECK_FALSE(session.paused());

    // Never pressed: the hold starts by itself after the timeout.
    Session waiting = Session::start(config, routine, "", sk::Theme::day, 0, t0).session;
    waiting.advance(t0 + sk::press_timeout - 1s);
    CHECK(waiting.phase() == Phase::get_ready);
    waiting.advance(t0 + sk::press_timeout);
    CHECK(waiting.phase() == Phase::hold);

    // The planned length counts what the move is likely to take, not the timeout.
    CHECK(waiting.planned_length() < sk::press_timeout);
}

TEST_CASE("the phases are named in words beside their countdowns, and the caution stays up") {
    const sk::Config config = test_config();
    Session session = start(quick_routine());
    auto view = session.view(t0 + 1s);
    CHECK(view.phase == "Get ready");
    CHECK(view.big_number == 1);
    CHECK(view.caution == "Skip this one if your back hurts.");
    view = session.view(t0 + 3s);
    CHECK(view.kind == ScreenKind::hold);
    CHECK(view.phase == "Hold");
    CHECK(view.caution == "Skip this one if your back hurts.");
    session.apply(Command::toggle_pause, t0 + 4s);
    view = session.view(t0 + 5s);
    CHECK(view.kind == ScreenKind::paused);
    CHECK(view.phase.empty());
    CHECK(view.caution == "Skip this one if your back hurts.");
    // The steps, to read again while paused.
    CHECK(view.body == std::vector<std::string>{"Standing hamstring stretch · Holding",
                                                "Stand tall.", "Bend forward from the hips."});
    // A stretch without a caution shows none.
    session.apply(Command::toggle_pause, t0 + 6s);
    view = session.view(t0 + 10s);
    CHECK(view.heading == "Chair hamstring stretch");
    CHECK(view.caution.empty());
}

TEST_CASE("holds done: the holds before a stop; partly done after more than half of them") {
    // get_ready 0-2, left 2-10, switch 10-12, right 12-20, rest 20-23, left 23-31, switch 31-33,
    // right 33-41.
    auto [stop_at, done, partly] = GENERATE(table<int, int, bool>({
        {1, 0, false},
        {9, 0, false},
        {11, 1, false},
        {22, 2, false},
        {32, 3, true},
        {40, 3, true},
    }));
    CAPTURE(stop_at);
    Session session = start({"r", "R", {step("chair", 8s, sk::SideSelection::both, 2, 3s)}});
    CHECK(session.holds_planned() == 4);
    session.apply(Command::stop, t0 + std::chrono::seconds{stop_at});
    CHECK(session.holds_done() == done);
    CHECK(session.partly_done() == partly);

    SECTION("a session that ran to the end did all its holds, and is not partly anything") {
        Session whole = start({"r", "R", {step("chair", 8s, sk::SideSelection::both, 2, 3s)}});
        whole.advance(t0 + 60s);
        CHECK(whole.holds_done() == 4);
        CHECK_FALSE(whole.partly_done());
    }
}

TEST_CASE("carry on: a stopped session takes up the step it stopped in from its beginning") {
    Session session = start({"r", "R", {step("chair", 8s, sk::SideSelection::both, 1, 3s)}});
    // get_ready 0-2, left 2-10, switch 10-12, right 12-20; stopped 5 s into the right hold.
    session.apply(Command::stop, t0 + 17s);
    REQUIRE(session.finished());
    auto events = session.carry_on(t0 + 27s);
    CHECK_FALSE(session.finished());
    CHECK_FALSE(session.outcome());
    CHECK(events.changed);
    CHECK(session.phase() == Phase::hold);
    CHECK(session.view(t0 + 27s).side == sk::Side::right);
    CHECK(session.view(t0 + 27s).big_number == 8);
    REQUIRE(events.speech.size() == 1);
    CHECK(events.speech[0].moment == sk::SpeechMoment::hold);
    // The 10 s on the stopped screen are not active time.
    CHECK(session.active_time(t0 + 27s) == 17s);

    events = session.advance(t0 + 35s);
    CHECK(events.ended == Outcome::completed);
    CHECK(session.active_time(t0 + 35s) == 25s);
    CHECK(session.holds_done() == 2);

    SECTION("only a stopped session carries on") {
        CHECK_FALSE(session.carry_on(t0 + 40s).changed);
        CHECK(session.outcome() == Outcome::completed);
        Session running = start({"r", "R", {step("chair", 8s, sk::SideSelection::both, 1, 3s)}});
        CHECK_FALSE(running.carry_on(t0 + 1s).changed);
        CHECK(running.phase() == Phase::get_ready);
    }
    SECTION("stopped again, it carries on again") {
        Session twice = start({"r", "R", {step("chair", 8s, sk::SideSelection::both, 1, 3s)}});
        twice.apply(Command::stop, t0 + 5s);
        twice.carry_on(t0 + 6s);
        twice.apply(Command::stop, t0 + 7s);
        CHECK(twice.holds_done() == 0);
        twice.carry_on(t0 + 8s);
        CHECK(twice.view(t0 + 8s).big_number == 8);
        CHECK(twice.active_time(t0 + 8s) == 6s);
    }
}
