// SpeechEngine: the speech synthesiser's few calls (eSpeak NG, or none when built without it).
// eSpeak NG keeps global state and is not re-entrant: only SpeechSynth's worker thread calls
// these, and only one SpeechSynth exists at a time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sk::speech_engine {

// "eSpeak NG 1.51" when voice is built in, else nullopt (the kiosk plays its cues only).
std::optional<std::string> built_in();

// Loads the synthesiser's data, once per process (later calls answer as the first did). Returns
// its sample rate, or a sentence saying why it cannot speak ("eSpeak NG could not start: No such
// file or directory (is espeak-ng-data installed?)").
struct Started {
    int sample_rate = 0;  // mono 16-bit samples a second; 0 when it did not start
    std::string problem;
};
Started start();

// Chooses the voice (an eSpeak NG voice or language name) and its pace; a sentence when eSpeak NG
// has no such voice.
std::optional<std::string> set_voice(const std::string& name, int words_per_minute);

// `text` (UTF-8) spoken in the voice set last, as mono 16-bit samples at start()'s rate.
std::vector<std::int16_t> synthesise(const std::string& text);

// The owner thread is done with the synthesiser (which stays loaded for the next one).
void stop();

}  // namespace sk::speech_engine
