// speech_synthesis: what making a session's speech costs: for every routine of a config, each
// phrase it may say synthesised once by SpeechSynth (eSpeak NG on its worker thread), with the
// time each took, how long it lasts, and the phrase cache's memory.
//
//   build/bench/speech_synthesis [CONFIG]
#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "app/sound/audio.hpp"
#include "app/sound/speech_engine.hpp"
#include "app/sound/speech_synth.hpp"
#include "core/config/parser.hpp"
#include "core/session/session.hpp"

int main(int argc, char** argv) {
    using Clock = std::chrono::steady_clock;
    sk::Config config = sk::default_config();  // the shipped sample
    if (argc > 1) {
        const auto loaded = sk::load_config_file(argv[1]);
        if (!loaded.ok()) {
            std::cerr << "speech_synthesis: the config has errors (try stretch-kiosk --check)\n";
            return 2;
        }
        config = *loaded.config;
    }
    if (!sk::speech_engine::built_in()) {
        std::cerr << "speech_synthesis: voice is not built in\n";
        return 1;
    }
    // The kiosk's way: phrases made at the sound device's rate (48 kHz, here SDL's dummy driver).
    setenv("SDL_AUDIODRIVER", "dummy", 0);
    sk::Audio audio(sk::AudioSettings{true, sk::Volume{70}});
    const int rate = audio.device_format() ? audio.device_format()->frequency : 0;
    const auto began = Clock::now();
    sk::SpeechSynth synth(config.voice, rate);
    // The first phrase also waits for eSpeak NG to load its data.
    synth.wait_for(sk::phrase_key(config.voice, "Hold."));
    const auto loaded_in = std::chrono::duration<double, std::milli>(Clock::now() - began).count();
    std::printf("%s, voice %s at %d words a minute; started and said its first phrase in %.1f ms\n",
                sk::speech_engine::built_in()->c_str(), config.voice.voice.c_str(),
                config.voice.words_per_minute, loaded_in);
    for (const sk::Routine& routine : config.routines) {
        const sk::Session session(config, routine, "bench", sk::Theme::day, 0, sk::MonoTime{});
        const auto phrases = session.all_phrases();
        double slowest = 0;
        std::string slowest_text;
        const auto before = synth.figures();
        for (const std::string& text : phrases) {
            const auto start = Clock::now();
            synth.wait_for(sk::phrase_key(config.voice, text));
            const double ms =
                std::chrono::duration<double, std::milli>(Clock::now() - start).count();
            if (ms > slowest) {
                slowest = ms;
                slowest_text = text;
            }
        }
        const auto after = synth.figures();
        const auto made = after.phrases - before.phrases;
        const double total =
            static_cast<double>((after.synthesis_time - before.synthesis_time).count()) / 1000.0;
        std::printf(
            "routine %-8s %3zu phrases (%zu new), %5.1f s of speech; synthesis and resampling "
            "%6.1f ms in all, "
            "%4.1f ms a phrase, slowest %5.1f ms (\"%s\")\n",
            routine.id.c_str(), phrases.size(), made,
            static_cast<double>(after.speech.count() - before.speech.count()) / 1000.0, total,
            made > 0 ? total / static_cast<double>(made) : 0.0, slowest, slowest_text.c_str());
    }
    // What the frame loop does when a step begins: join its phrases and convert them for the
    // device (48 kHz stereo here), for the longest utterance there is (ten seconds).
    std::vector<std::shared_ptr<const sk::SpokenPcm>> parts;
    for (const sk::Routine& routine : config.routines) {
        const sk::Session session(config, routine, "bench", sk::Theme::day, 0, sk::MonoTime{});
        for (const std::string& text : session.all_phrases()) {
            parts.push_back(synth.wait_for(sk::phrase_key(config.voice, text)));
        }
    }
    std::vector<const sk::SpokenPcm*> longest;
    sk::Millis length{0};
    for (const auto& part : parts) {
        if (part && length + part->length() <= sk::Millis{10'000}) {
            longest.push_back(part.get());
            length += part->length() + sk::phrase_gap;
        }
    }
    const sk::SpokenPcm joined = sk::join_phrases(longest, sk::phrase_gap);
    const auto speak_start = Clock::now();
    const bool spoke = audio.speak(joined);
    const double speak_ms =
        std::chrono::duration<double, std::milli>(Clock::now() - speak_start).count();
    std::printf("a step's words handed to the device (%s): %.1f s of speech at %d Hz in %.2f ms\n",
                spoke ? "played" : "NOT played",
                static_cast<double>(joined.length().count()) / 1000.0, joined.sample_rate,
                speak_ms);
    const auto figures = synth.figures();
    std::printf("phrase cache: %zu phrases, %.1f s of speech, %.0f KiB (mono 16-bit at %d Hz)\n",
                figures.phrases, static_cast<double>(figures.speech.count()) / 1000.0,
                static_cast<double>(figures.bytes) / 1024.0, rate);
    return 0;
}
