// Speech: what the coach says at a step of a session, as plain text, and how much of it fits.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace sk {

// Monotonic time, passed in by the caller (steady_clock in the app, a variable in tests).
using MonoTime = std::chrono::steady_clock::time_point;
using Millis = std::chrono::milliseconds;

// Whether a phrase must be said, or only when there is time for it before the next step.
enum class Need : std::uint8_t { essential, if_time };

// One sentence, said as written (every phrase is also a line on the screen).
struct Phrase {
    std::string text;
    Need need = Need::essential;
    bool operator==(const Phrase&) const = default;
};

// The step of a session that an utterance belongs to.
enum class SpeechMoment : std::uint8_t {
    get_ready,
    hold,
    halfway,           // the middle of a hold of 30 s or more
    ten_seconds_left,  // ten seconds before the end of a hold of 45 s or more
    switch_sides,
    rest,
    done,
    stopped,
    paused,  // says nothing: whatever is being said stops
};

// What the coach says at one moment: its phrases in order, said one after the other. Each
// utterance replaces the one before it (which, if still being said, stops at once).
struct Utterance {
    SpeechMoment moment = SpeechMoment::get_ready;
    MonoTime at{};     // when the step began: the first phrase is due then
    Millis budget{0};  // how long it may last, so it is over before the next step speaks
    std::vector<Phrase> phrases;
    bool operator==(const Utterance&) const = default;
};

// The pause between two phrases of an utterance, and the silence kept before the next step's.
inline constexpr Millis phrase_gap{300};

// "Halfway", "ten seconds left": the calls of a hold, in seconds left when each is due.
std::vector<int> hold_calls(std::chrono::seconds hold);

// Which of `phrases` to say, as indexes in order, when phrase i lasts `lengths[i]` (nullopt: not
// synthesised in time, so left out) and phrase_gap separates two. Every essential phrase that is
// ready is said; the if-time ones are said in order while the whole still fits in `budget`, and
// after the first that does not fit, no later one is (the steps of a stretch stay in order).
std::vector<std::size_t> fit_phrases(std::span<const Phrase> phrases,
                                     std::span<const std::optional<Millis>> lengths, Millis budget);

// The text of `line` as a sentence for the synthesiser: trimmed, with a full stop at the end
// unless it ends in one already (or in ! or ?), so each phrase falls at its end.
std::string as_sentence(std::string_view line);

const char* moment_name(SpeechMoment moment);

}  // namespace sk
