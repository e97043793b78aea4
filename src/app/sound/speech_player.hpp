// SpeechPlayer: says the core's utterances on time: it waits briefly for phrases still being
// made, fits them to their step, joins them and hands them to Audio; a new step's words replace
// the last step's (faded out first), so two steps never talk over each other.
#pragma once

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

    // What the schedule may say (each voice with its phrases): made now, in turn, and kept, so a
    // session finds its phrases ready even on a slow machine.
    void keep_ready(const std::vector<std::pair<VoiceSettings, std::vector<std::string>>>& voices);
    // A session starts: its voice, and every phrase it may say, queued to be made now.
    void prepare(const VoiceSettings& voice, const std::vector<std::string>& phrases, Audio& audio);
    // A step began: its words replace what is being said.
    void say(const Utterance& utterance, MonoTime now, Audio& audio);
    // Starts the waiting utterance when its phrases are ready, or its grace is over.
    std::optional<SpeechReport> update(MonoTime now, Audio& audio);
    // When update() must run next, while an utterance waits.
    std::optional<MonoTime> next_deadline(MonoTime now) const;

  private:
    SpeechSynth* synth_;
    VoiceSettings voice_;
    std::vector<PhraseKey> resident_;  // keep_ready()'s
    std::optional<Utterance> waiting_;
    MonoTime not_before_{};  // what was being said has faded out by then
};

}  // namespace sk
