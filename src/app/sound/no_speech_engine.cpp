// no_speech_engine: SpeechEngine for a build without eSpeak NG: it never starts, and the kiosk
// plays its cues only.
#include "app/sound/speech_engine.hpp"

namespace sk::speech_engine {

std::optional<std::string> built_in() {
    return std::nullopt;
}

Started start() {
    return {0, "voice is not built in (stretch-kiosk was built without eSpeak NG)"};
}

std::optional<std::string> set_voice(const std::string& /*name*/, int /*words_per_minute*/) {
    return "voice is not built in";
}

std::vector<std::int16_t> synthesise(const std::string& /*text*/) {
    return {};
}

void stop() {}

}  // namespace sk::speech_engine
