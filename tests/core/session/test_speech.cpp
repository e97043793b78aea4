// What the coach says at each step of a session, and how an utterance is fitted to its step.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "catch.hpp"
#include "core/session/session.hpp"

using namespace std::chrono_literals;
using sk::Command;
using sk::MonoTime;
using sk::Need;
using sk::Phrase;
using sk::Session;
using sk::SpeechMoment;
using sk::Utterance;

namespace {

const MonoTime t0 = MonoTime{} + 1000s;

sk::Config test_config() {
    sk::Config config;
    config.stretches = {
        {"standing",
         "Standing hamstring stretch",
         {"Stand tall.", "Bend forward from the hips"},
         sk::Laterality::both_legs,
         "Skip this one if your back hurts.",
         "Let your arms hang.",
         {},
         {}},
        {"chair",
         "Chair hamstring stretch",
         {"Sit on a chair.", "Rest one leg on another chair."},
         sk::Laterality::per_leg,
         "",
         "",
         {},
         {}},
    };
    config.session.get_ready = 10s;
    config.session.switch_sides = 5s;
    return config;
}

sk::RoutineStep step(const char* stretch, std::chrono::seconds hold, int repetitions = 1) {
    return {stretch, hold, hold, sk::SideSelection::both, repetitions, 10s};
}

// Get ready 0-10, standing 10-40; get ready 40-50, then two rounds of the chair: left 50-95,
// switch 95-100, right 100-145, rest 145-155, left 155-200, switch 200-205, right 205-250.
sk::Routine routine() {
    return {"r", "Routine", {step("standing", 30s), step("chair", 45s, 2)}};
}

struct Said {
    int second;
    SpeechMoment moment;
    std::vector<std::string> texts;
    bool operator==(const Said&) const = default;
};

std::vector<std::string> texts(const Utterance& said) {
    std::vector<std::string> lines;
    for (const Phrase& phrase : said.phrases) {
        lines.push_back(phrase.text);
    }
    return lines;
}

// Advances a second at a time, as the app's deadlines would, noting all that is said and when.
std::vector<Said> run(Session& session, int from_second, int to_second) {
    std::vector<Said> heard;
    for (int second = from_second; second <= to_second; ++second) {
        for (const Utterance& said : session.advance(t0 + std::chrono::seconds{second}).speech) {
            heard.push_back({second, said.moment, texts(said)});
        }
    }
    return heard;
}

// Every line a screen shows, to find each spoken line on it.
std::vector<std::string> screen_lines(const sk::ScreenView& view) {
    std::vector<std::string> lines = {view.heading, view.subheading, view.caution};
    lines.insert(lines.end(), view.body.begin(), view.body.end());
    return lines;
}

bool on_screen(const std::string& spoken, const sk::ScreenView& view) {
    for (const std::string& line : screen_lines(view)) {
        if (!line.empty() && sk::as_sentence(line) == spoken) {
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("a session says each step as it starts, and the calls of its holds") {
    auto started = Session::start(test_config(), routine(), "Morning", sk::Theme::day, 0, t0);
    Session& session = started.session;
    REQUIRE(started.events.speech.size() == 1);
    CHECK(started.events.speech[0].moment == SpeechMoment::get_ready);
    CHECK(started.events.speech[0].at == t0);
    CHECK(texts(started.events.speech[0]) ==
          std::vector<std::string>{"Standing hamstring stretch.",
                                   "Skip this one if your back hurts.", "Get into position.",
                                   "Stand tall.", "Bend forward from the hips."});

    const std::vector<Said> expected = {
        {10, SpeechMoment::hold, {"Hold.", "Let your arms hang."}},
        {25, SpeechMoment::halfway, {"Halfway."}},
        {40,
         SpeechMoment::get_ready,
         {"Chair hamstring stretch.", "Get into position, left leg first.", "Sit on a chair.",
          "Rest one leg on another chair."}},
        {50,
         SpeechMoment::hold,
         {"Hold, left leg.", "Round 1 of 2.", "Stop at a gentle pull. Never strain."}},
        {73, SpeechMoment::halfway, {"Halfway."}},
        {85, SpeechMoment::ten_seconds_left, {"Ten seconds left."}},
        {95,
         SpeechMoment::switch_sides,
         {"Switch legs.", "Now the right leg.", "Same stretch, other leg."}},
        {100,
         SpeechMoment::hold,
         {"Hold, right leg.", "Round 1 of 2.", "Stop at a gentle pull. Never strain."}},
        {123, SpeechMoment::halfway, {"Halfway."}},
        {135, SpeechMoment::ten_seconds_left, {"Ten seconds left."}},
        {145, SpeechMoment::rest, {"Rest.", "Next: round 2 of 2, left leg.", "Relax and breathe."}},
        {155,
         SpeechMoment::hold,
         {"Hold, left leg.", "Round 2 of 2.", "Stop at a gentle pull. Never strain."}},
        {178, SpeechMoment::halfway, {"Halfway."}},
        {190, SpeechMoment::ten_seconds_left, {"Ten seconds left."}},
        {200,
         SpeechMoment::switch_sides,
         {"Switch legs.", "Now the right leg.", "Same stretch, other leg."}},
        {205,
         SpeechMoment::hold,
         {"Hold, right leg.", "Round 2 of 2.", "Stop at a gentle pull. Never strain."}},
        {228, SpeechMoment::halfway, {"Halfway."}},
        {240, SpeechMoment::ten_seconds_left, {"Ten seconds left."}},
        {250, SpeechMoment::done, {"Well done."}},
    };
    CHECK(run(session, 1, 260) == expected);
}

TEST_CASE("what is said at each step is fitted to the step: essentials first, then what fits") {
    auto started = Session::start(test_config(), routine(), "Morning", sk::Theme::day, 0, t0);
    const Utterance& said = started.events.speech.at(0);
    // The budget is the step's length less the silence kept before the next step speaks.
    CHECK(said.budget == 10s - sk::phrase_gap);
    CHECK(said.phrases[0].need == Need::essential);  // the name
    CHECK(said.phrases[1].need == Need::essential);  // the caution, before anything else
    CHECK(said.phrases[2].need == Need::essential);  // getting into position
    CHECK(said.phrases[3].need == Need::if_time);    // the steps
    CHECK(said.phrases[4].need == Need::if_time);

    Session session = started.session;
    const auto hold = session.advance(t0 + 10s).speech.at(0);
    // A hold's first words must be over before its halfway call.
    CHECK(hold.budget == 15s - sk::phrase_gap);
    const auto halfway = session.advance(t0 + 25s).speech.at(0);
    CHECK(halfway.budget == 15s - sk::phrase_gap);
    CHECK(halfway.at == t0 + 25s);
}

TEST_CASE("every spoken line is on the screen of its step") {
    Session session =
        Session::start(test_config(), routine(), "Morning", sk::Theme::day, 0, t0).session;
    for (int second = 1; second <= 260; ++second) {
        const MonoTime now = t0 + std::chrono::seconds{second};
        for (const Utterance& said : session.advance(now).speech) {
            const sk::ScreenView view = session.view(now);
            for (const Phrase& phrase : said.phrases) {
                CAPTURE(second, phrase.text, view.heading);
                // The calls of a hold are what its countdown and its bar show, in words.
                const bool a_call = phrase.text == "Hold." || phrase.text == "Hold, left leg." ||
                                    phrase.text == "Hold, right leg." ||
                                    phrase.text == "Halfway." || phrase.text == "Ten seconds left.";
                CHECK((a_call || on_screen(phrase.text, view)));
                if (a_call && phrase.text != "Hold.") {
                    CHECK(view.kind == sk::ScreenKind::hold);
                }
                if (phrase.text == "Hold, left leg.") {
                    CHECK(view.side == sk::Side::left);
                }
            }
        }
    }
}

TEST_CASE("a pause silences the coach; a step skipped into while paused is said on resuming") {
    Session session =
        Session::start(test_config(), routine(), "Morning", sk::Theme::day, 0, t0).session;
    auto paused = session.apply(Command::toggle_pause, t0 + 3s);
    REQUIRE(paused.speech.size() == 1);
    CHECK(paused.speech[0].moment == SpeechMoment::paused);
    CHECK(paused.speech[0].phrases.empty());
    CHECK(session.entry_speech().phrases.empty());

    CHECK(session.apply(Command::skip, t0 + 4s).speech.empty());
    auto resumed = session.apply(Command::toggle_pause, t0 + 6s);
    REQUIRE(resumed.speech.size() == 1);
    CHECK(resumed.speech[0].moment == SpeechMoment::hold);
    CHECK(resumed.speech[0].at == t0 + 6s);
    // A resume with nothing new to say says nothing.
    session.apply(Command::toggle_pause, t0 + 7s);
    CHECK(session.apply(Command::toggle_pause, t0 + 8s).speech.empty());
}

TEST_CASE("a skip says the next step at once; a stop says so kindly") {
    Session session =
        Session::start(test_config(), routine(), "Morning", sk::Theme::day, 0, t0).session;
    auto skipped = session.apply(Command::skip, t0 + 1s);
    REQUIRE(skipped.speech.size() == 1);
    CHECK(skipped.speech[0].moment == SpeechMoment::hold);
    CHECK(skipped.speech[0].at == t0 + 1s);
    auto stopped = session.apply(Command::stop, t0 + 2s);
    REQUIRE(stopped.speech.size() == 1);
    CHECK(stopped.speech[0].moment == SpeechMoment::stopped);
    CHECK(texts(stopped.speech[0]) ==
          std::vector<std::string>{"Stopped early.", "Not counted: stretch again later today."});
}

TEST_CASE("a jump over steps says only the step it lands in; stale calls stay silent") {
    Session session =
        Session::start(test_config(), routine(), "Morning", sk::Theme::day, 0, t0).session;
    // From the first get-ready to 5 s into the second (the machine was suspended).
    auto events = session.advance(t0 + 45s);
    REQUIRE(events.speech.size() == 1);
    CHECK(events.speech[0].moment == SpeechMoment::get_ready);
    CHECK(events.speech[0].at == t0 + 40s);
    // Into the left hold, then past its halfway call by more than a second.
    session.advance(t0 + 50s);
    CHECK(session.advance(t0 + 76s).speech.empty());
}

TEST_CASE("holds of 30 s or more get a halfway call, of 45 s or more ten seconds left too") {
    auto [hold, calls] = GENERATE(table<int, std::vector<int>>({
        {10, {}},
        {29, {}},
        {30, {15}},
        {44, {22}},
        {45, {22, 10}},
        {60, {30, 10}},
        {300, {150, 10}},
    }));
    CAPTURE(hold);
    CHECK(sk::hold_calls(std::chrono::seconds{hold}) == calls);
}

TEST_CASE(
    "fitting: every essential phrase that is ready, then the others in order while they fit") {
    const std::vector<Phrase> phrases = {{"Name.", Need::essential},
                                         {"Caution.", Need::essential},
                                         {"Step one.", Need::if_time},
                                         {"Step two.", Need::if_time},
                                         {"Step three.", Need::if_time}};
    using Lengths = std::vector<std::optional<sk::Millis>>;
    const auto gap = sk::phrase_gap.count();
    auto [lengths, budget_ms, chosen] =
        GENERATE_COPY(table<Lengths, long, std::vector<std::size_t>>({
            // Plenty of time: everything.
            {{1000ms, 2000ms, 1000ms, 1000ms, 1000ms}, 20'000, {0, 1, 2, 3, 4}},
            // Exactly enough for everything, gaps included.
            {{1000ms, 2000ms, 1000ms, 1000ms, 1000ms}, 6000 + 4 * gap, {0, 1, 2, 3, 4}},
            // A millisecond less: the last step is left out.
            {{1000ms, 2000ms, 1000ms, 1000ms, 1000ms}, 6000 + 4 * gap - 1, {0, 1, 2, 3}},
            // Once a step does not fit, no later (shorter) one is said out of order.
            {{1000ms, 2000ms, 3000ms, 100ms, 100ms}, 5000, {0, 1}},
            // Essentials are said even when they alone are too long (the next step cuts them).
            {{4000ms, 4000ms, 1000ms, 1000ms, 1000ms}, 5000, {0, 1}},
            // A phrase not synthesised in time is left out; the rest moves up.
            {{std::nullopt, 2000ms, 1000ms, 1000ms, 1000ms}, 4600, {1, 2, 3}},
            // No time at all: the essentials only.
            {{1000ms, 2000ms, 1000ms, 1000ms, 1000ms}, 0, {0, 1}},
        }));
    CAPTURE(budget_ms);
    CHECK(sk::fit_phrases(phrases, lengths, sk::Millis{budget_ms}) == chosen);
}

TEST_CASE("an if-time phrase leaves room for the essential ones after it") {
    const std::vector<Phrase> phrases = {{"Rest.", Need::essential},
                                         {"Relax and breathe.", Need::if_time},
                                         {"Next: round 2.", Need::essential}};
    const std::vector<std::optional<sk::Millis>> lengths = {500ms, 1500ms, 1500ms};
    CHECK(sk::fit_phrases(phrases, lengths, 3000ms) == std::vector<std::size_t>{0, 2});
    CHECK(sk::fit_phrases(phrases, lengths, 10'000ms) == std::vector<std::size_t>{0, 1, 2});
}

TEST_CASE("lines become sentences: trimmed, with a full stop unless they end in one") {
    auto [line, sentence] = GENERATE(table<std::string, std::string>({
        {"Hold", "Hold."},
        {"  Rest  ", "Rest."},
        {"Well done!", "Well done!"},
        {"Ready?", "Ready?"},
        {"Stand tall.", "Stand tall."},
        {"", ""},
        {"   ", ""},
    }));
    CHECK(sk::as_sentence(line) == sentence);
}

TEST_CASE("all the phrases of a session, each once, for synthesising them before they are due") {
    Session session =
        Session::start(test_config(), routine(), "Morning", sk::Theme::day, 0, t0).session;
    const std::vector<std::string> all = session.all_phrases();
    for (const char* text :
         {"Standing hamstring stretch.", "Hold, right leg.", "Halfway.", "Ten seconds left.",
          "Well done.", "Stopped early.", "Next: round 2 of 2, left leg."}) {
        CAPTURE(text);
        CHECK(std::count(all.begin(), all.end(), text) == 1);
    }
    // And everything a run of it says is among them.
    for (const Said& said : run(session, 1, 260)) {
        for (const std::string& text : said.texts) {
            CAPTURE(text);
            CHECK(std::find(all.begin(), all.end(), text) != all.end());
        }
    }
}

TEST_CASE("what each step says on entering it, step by step, as a run of the session says it") {
    auto started = Session::start(test_config(), routine(), "Morning", sk::Theme::day, 0, t0);
    Session& session = started.session;
    const std::vector<std::vector<std::string>> steps = session.phrases_by_step();
    REQUIRE(steps.size() == session.segments().size());
    std::vector<Said> heard;
    for (const Utterance& said : started.events.speech) {
        heard.push_back({0, said.moment, texts(said)});
    }
    for (Said& said : run(session, 1, 260)) {
        heard.push_back(std::move(said));
    }
    // Every step's words are heard, in order; between them only a hold's calls.
    std::size_t step = 0;
    for (const Said& said : heard) {
        CAPTURE(said.second, said.texts);
        if (said.moment == SpeechMoment::halfway || said.moment == SpeechMoment::ten_seconds_left) {
            continue;
        }
        REQUIRE(step < steps.size());
        CHECK(said.texts == steps[step]);
        ++step;
    }
    CHECK(step == steps.size());
}
