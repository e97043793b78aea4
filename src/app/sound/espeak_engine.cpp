// espeak_engine: SpeechEngine on eSpeak NG's library, synthesising to memory (no audio device of
// its own, no subprocess, no network).
#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <cstring>

#include "app/sound/speech_engine.hpp"

namespace sk::speech_engine {
namespace {

// Where synthesise() collects what eSpeak NG's callback hands over. Only the owner thread runs
// eSpeak NG (and so the callback), so one buffer is enough.
std::vector<std::int16_t>* collecting = nullptr;

int collect(short* samples, int count, espeak_EVENT* /*events*/) {
    if (collecting != nullptr && samples != nullptr && count > 0) {
        collecting->insert(collecting->end(), samples, samples + count);
    }
    return 0;  // go on
}

std::string status_text(espeak_ng_STATUS status) {
    char text[512] = {};
    espeak_ng_GetStatusCodeMessage(status, text, sizeof text);
    return text;
}

// eSpeak NG 1.51 cannot be stopped and started again in one process (espeak_ng_Terminate then
// hangs on its own thread), so it starts once, on first use, and stays until the process ends.
Started start_once() {
    // nullptr: $ESPEAK_DATA_PATH, else the data the package installed (espeak-ng-data).
    espeak_ng_InitializePath(nullptr);
    espeak_ng_ERROR_CONTEXT context = nullptr;
    const espeak_ng_STATUS status = espeak_ng_Initialize(&context);
    espeak_ng_ClearErrorContext(&context);
    if (status != ENS_OK) {
        return {0, "eSpeak NG could not start: " + status_text(status) +
                       " (is espeak-ng-data installed?)"};
    }
    // Synchronous: espeak_Synth returns when the whole text is in our buffer.
    const espeak_ng_STATUS output =
        espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
    if (output != ENS_OK) {
        return {0, "eSpeak NG could not start: " + status_text(output)};
    }
    espeak_SetSynthCallback(collect);
    return {espeak_ng_GetSampleRate(), ""};
}

}  // namespace

std::optional<std::string> built_in() {
    const char* version = espeak_Info(nullptr);
    return std::string("eSpeak NG ") + (version != nullptr ? version : "");
}

Started start() {
    // Only one SpeechSynth exists at a time, and the worker of the last one has been joined.
    static const Started started = start_once();
    return started;
}

std::optional<std::string> set_voice(const std::string& name, int words_per_minute) {
    const espeak_ng_STATUS status = espeak_ng_SetVoiceByName(name.c_str());
    if (status != ENS_OK) {
        return "eSpeak NG has no voice '" + name + "' (" + status_text(status) +
               "; `espeak-ng --voices` lists them)";
    }
    espeak_SetParameter(espeakRATE, words_per_minute, 0);
    return std::nullopt;
}

std::vector<std::int16_t> synthesise(const std::string& text) {
    std::vector<std::int16_t> samples;
    collecting = &samples;
    // Synchronous output: this returns when the whole text is in `samples`. (espeak_Synchronize
    // is for the asynchronous modes; here it can wait for ever on eSpeak NG's own thread.)
    espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr,
                 nullptr);
    collecting = nullptr;
    return samples;
}

void stop() {
    // See start(): eSpeak NG stays loaded until the process ends (its memory stays reachable).
}

}  // namespace sk::speech_engine
