// session_speech: what the coach says during a session, step by step, taken from the lines the
// screen shows at that step, so every spoken line is also on the screen.
#include <algorithm>

#include "core/session/session.hpp"
#include "core/words/words.hpp"

namespace sk {
namespace {

using std::chrono::seconds;

// What an utterance may take when its step has no end of its own (the end of the session).
constexpr Millis open_ended{10'000};

void add(std::vector<Phrase>& phrases, std::string_view line, Need need) {
    if (std::string text = as_sentence(line); !text.empty()) {
        phrases.push_back(Phrase{std::move(text), need});
    }
}

std::string hold_phrase(Side side) {
    switch (side) {
        case Side::left:
            return tr("Hold, left leg.");
        case Side::right:
            return tr("Hold, right leg.");
        case Side::none:
            break;
    }
    // TRANSLATORS: said as the hold begins: a command.
    return tr_c("spoken", "Hold.");
}

// The calls during a hold: the first is halfway, the second ten seconds before its end.
std::string halfway_or_ten(bool halfway) {
    return halfway ? tr("Halfway.") : tr("Ten seconds left.");
}

// The time from `from` seconds left in a hold to the next call (or its end), less the silence
// kept before the next step's speech.
Millis until_next_call(const std::vector<int>& calls, int from) {
    int next = 0;
    for (int call : calls) {
        if (call < from) {
            next = std::max(next, call);
        }
    }
    return std::max(Millis{0}, seconds{from - next} - phrase_gap);
}

}  // namespace

Utterance Session::speech_on_entering(std::size_t index, MonoTime at) const {
    const Segment& segment = segments_[index];
    Utterance said;
    said.at = at;
    said.budget = std::max(Millis{0}, segment.length - phrase_gap);
    // The screen of this segment as it begins: its lines are what is said.
    Session entered = *this;
    entered.current_ = index;
    entered.segment_start_ = at;
    entered.paused_at_.reset();
    const ScreenView view =
        segment.phase == Phase::done ? entered.done_view() : entered.timed_view(at);
    auto& phrases = said.phrases;
    switch (segment.phase) {
        case Phase::get_ready:
            // The caution comes before anything else: it may mean "do not do this one".
            said.moment = SpeechMoment::get_ready;
            add(phrases, view.heading, Need::essential);
            add(phrases, view.caution, Need::essential);
            add(phrases, view.subheading, Need::essential);
            for (const std::string& step : stretches_[segment.step_index].steps) {
                add(phrases, step, Need::if_time);
            }
            if (segment.ready == ReadyMode::press) {
                // Last, so it is what is left in the ear while getting down to the floor.
                add(phrases, press_when_in_position(), Need::essential);
            }
            break;
        case Phase::hold: {
            said.moment = SpeechMoment::hold;
            const int length = static_cast<int>(std::chrono::ceil<seconds>(segment.length).count());
            said.budget = until_next_call(hold_calls(seconds{length}), length);
            add(phrases, hold_phrase(segment.side), Need::essential);
            // The body is the hold's cue, then the round: the round is the shorter news.
            for (auto line = view.body.rbegin(); line != view.body.rend(); ++line) {
                add(phrases, *line, Need::if_time);
            }
            break;
        }
        case Phase::switch_sides:
            said.moment = SpeechMoment::switch_sides;
            add(phrases, view.heading, Need::essential);
            add(phrases, view.subheading, Need::essential);
            for (const std::string& line : view.body) {
                add(phrases, line, Need::if_time);
            }
            break;
        case Phase::rest:
            said.moment = SpeechMoment::rest;
            add(phrases, view.heading, Need::essential);
            for (const std::string& line : view.body) {
                add(phrases, line, Need::essential);  // what comes next
            }
            add(phrases, view.subheading, Need::if_time);
            break;
        case Phase::done: {
            const bool stopped = outcome_ == Outcome::stopped;
            said.moment = stopped ? SpeechMoment::stopped : SpeechMoment::done;
            said.budget = open_ended;
            add(phrases, view.heading, Need::essential);
            if (stopped && view.body.size() > 1) {
                // "Counts as partly done.", "Not counted: stretch again later today."
                add(phrases, view.body.back(), Need::if_time);
            }
            break;
        }
    }
    return said;
}

void Session::call(MonoTime now, SessionEvents& events) {
    if (phase() != Phase::hold || paused()) {
        return;
    }
    const int left = static_cast<int>(std::chrono::ceil<seconds>(segment_end() - now).count());
    const int length =
        static_cast<int>(std::chrono::ceil<seconds>(segments_[current_].length).count());
    const std::vector<int> calls = hold_calls(seconds{length});
    for (std::size_t i = 0; i < calls.size(); ++i) {
        const int due = calls[i];
        // Due when the countdown shows it; one that a jump went past by more is stale.
        if (left <= due && last_call_ > due && due - left <= 1) {
            Utterance said;
            said.moment = i == 0 ? SpeechMoment::halfway : SpeechMoment::ten_seconds_left;
            said.at = segment_end() - seconds{due};
            said.budget = until_next_call(calls, due);
            said.phrases.push_back(Phrase{halfway_or_ten(i == 0), Need::essential});
            events.speech.push_back(std::move(said));
        }
    }
    last_call_ = std::min(last_call_, left);
}

Utterance Session::entry_speech() const {
    if (paused()) {
        return Utterance{SpeechMoment::paused, segment_start_, Millis{0}, {}};
    }
    return speech_on_entering(current_, segment_start_);
}

std::vector<std::string> Session::all_phrases() const {
    std::vector<std::string> texts;
    auto keep_text = [&](const std::string& text) {
        if (std::find(texts.begin(), texts.end(), text) == texts.end()) {
            texts.push_back(text);
        }
    };
    auto keep = [&](const Utterance& said) {
        for (const Phrase& phrase : said.phrases) {
            keep_text(phrase.text);
        }
    };
    for (const std::vector<std::string>& step : phrases_by_step()) {
        std::for_each(step.begin(), step.end(), keep_text);
    }
    keep(Utterance{SpeechMoment::halfway, {}, {}, {{halfway_or_ten(true), Need::essential}}});
    keep(Utterance{
        SpeechMoment::ten_seconds_left, {}, {}, {{halfway_or_ten(false), Need::essential}}});
    // A stop can come at any time.
    Session stopped = *this;
    stopped.outcome_ = Outcome::stopped;
    keep(stopped.speech_on_entering(segments_.size() - 1, segment_start_));
    // ... after most of its holds, it says so in other words.
    stopped.stopped_in_ = segments_.size() - 1;
    keep(stopped.speech_on_entering(segments_.size() - 1, segment_start_));
    return texts;
}

std::vector<std::vector<std::string>> Session::phrases_by_step() const {
    std::vector<std::vector<std::string>> steps;
    for (std::size_t index = 0; index < segments_.size(); ++index) {
        std::vector<std::string>& texts = steps.emplace_back();
        for (const Phrase& phrase : speech_on_entering(index, segment_start_).phrases) {
            texts.push_back(phrase.text);
        }
    }
    return steps;
}

}  // namespace sk
