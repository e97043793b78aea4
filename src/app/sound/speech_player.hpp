// SpeechPlayer: says the core's utterances on time: it waits briefly for phrases still being
// made, fits them to their step, joins them and hands them to Audio; a new step's words replace
// the last step's (faded out first), so two steps never talk over each other.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/sound/audio.hpp"
#include "app/sound/speech_synth.hpp"

namespace sk {

// How long an utterance may wait for phrases still being made: it starts within this of its
// step (with the 40 ms fade of the words before it, well inside the 250 ms promised).
inline constexpr Millis speech_grace{150};

// What was said, or left unsaid, for the log and the trace.
struct SpeechReport {
    Utterance utterance;
    MonoTime started{};                  // when it was handed to the sound device
    std::uint64_t frame = 0;             // the frames the device had been sent by then
    std::vector<std::string> said;       // in order
    std::vector<std::string> not_ready;  // still being made when it was due
    std::vector<std::string> no_time;    // left out so that it ends before the next step
    Millis length{0};                    // of what was said, pauses included
};

// What `utterance` sounds like in `voice`, fitted to its budget, as played at its step: waits for
// the synthesiser (for --render-screens, never in the frame loop). Empty when nothing is said.
SpokenPcm utterance_sound(SpeechSynth& synth, const VoiceSettings& voice,
                          const Utterance& utterance);

class SpeechPlayer {
  public:
    // `synth` may be null (voice not built in, or audio off): then nothing is ever said.
    explicit SpeechPlayer(SpeechSynth* synth) : synth_(synth) {}

    // Phrases kept made between sessions, made now, in turn: the first words of each scheduled
    // session, so that its first step speaks at once even on a slow machine while the rest of
    // its phrases are made.
    void keep_between_sessions(std::vector<PhraseKey> keys);
    // A session starts: its voice, every phrase it may say, and what entering each step says.
    // The phrases of its first steps and those it may say at any time (a hold's calls, a stop)
    // are queued to be made now, the first step's first; from then on each step's words queue
    // those a few steps further on and let those said go (a routine's phrases take about 5 MB;
    // made at once, they take about 60 ms on this machine). Without `steps`, every phrase is made
    // now and kept for the session.
    void prepare(const VoiceSettings& voice, const std::vector<std::string>& phrases, Audio& audio,
                 const std::vector<std::vector<std::string>>& steps = {});
    // The session is over and its words said: of its phrases only those kept between sessions
    // stay.
    void release();
    // Whether an utterance waits for its phrases (or for the last words to fade).
    bool waiting() const { return waiting_.has_value(); }
    // The voice of the session prepared last.
    const VoiceSettings& voice() const { return voice_; }
    // A step began: its words replace what is being said.
    void say(const Utterance& utterance, MonoTime now, Audio& audio);
    // Starts the waiting utterance when its phrases are ready, or its grace is over.
    std::optional<SpeechReport> update(MonoTime now, Audio& audio);
    // When update() must run next, while an utterance waits.
    std::optional<MonoTime> next_deadline(MonoTime now) const;

    // Steps ahead of the current one whose phrases are made and kept: a step lasts seconds and
    // a phrase takes milliseconds to make, even on a Pi Zero 2 W.
    static constexpr std::size_t steps_ahead = 3;

  private:
    // The phrases to make and keep now: the current step's and those of the steps ahead, those
    // that may come at any time, and those kept between sessions.
    std::vector<PhraseKey> window() const;
    // Keeps the window, queued in order (ahead of what is queued when `urgency` says so), and
    // lets the rest go.
    void keep_window(SpeechSynth::Urgency urgency);

    SpeechSynth* synth_;
    VoiceSettings voice_;
    std::vector<PhraseKey> kept_;                  // keep_between_sessions()'s
    std::vector<std::string> phrases_;             // prepare()'s
    std::vector<std::vector<std::string>> steps_;  // prepare()'s
    std::vector<std::string> any_time_;            // of phrases_, those no step says on entering
    std::size_t step_ = 0;                         // the step speaking now
    std::optional<Utterance> waiting_;
    MonoTime not_before_{};  // what was being said has faded out by then
};

}  // namespace sk
