// --render-screens: every screen drawn to a PNG file (and what it says to a WAV), no display.
#include <SDL.h>

#include <filesystem>
#include <iostream>

#include "app/draw/picture.hpp"
#include "app/draw/png_writer.hpp"
#include "app/draw/renderer.hpp"
#include "app/draw/sdl_handles.hpp"
#include "app/fonts/font_locator.hpp"
#include "app/modes/kiosk.hpp"
#include "app/sound/speech_engine.hpp"
#include "app/sound/speech_player.hpp"
#include "app/sound/speech_synth.hpp"
#include "app/system/catalogs.hpp"
#include "app/system/config_source.hpp"
#include "app/system/log.hpp"
#include "core/controller/screen_samples.hpp"

namespace sk {
namespace {

// The voice a sample screen speaks in: a night screen in the first bedtime entry's voice.
VoiceSettings sample_voice(const Config& config, const ScreenView& view) {
    for (const ScheduleEntry& entry : config.schedule) {
        if (entry.theme == view.theme && view.theme == Theme::night) {
            return entry.voice.applied_to(config.voice);
        }
    }
    return config.voice;
}

// DIR/<screen>.wav (mono, 16-bit PCM) of what is said on the screen, when something is.
bool write_speech(SpeechSynth& synth, const Config& config, const SampleScreen& sample,
                  const std::filesystem::path& dir) {
    const SpokenPcm sound = utterance_sound(synth, sample_voice(config, sample.view), sample.said);
    if (sound.samples.empty()) {
        return true;
    }
    const auto path = dir / (sample.name + ".wav");
    if (!write_wav(path, sound)) {
        log_line(LogPriority::error, "cannot write " + path.string());
        return false;
    }
    std::cout << path.string() << '\n';
    return true;
}

}  // namespace

int run_render_screens(const Options& options) {
    auto loaded = load_config_reporting(options.config_path, std::cerr, picture_problem);
    if (!loaded) {
        return exit_bad_config;
    }
    Config config = *loaded->result.config;
    Languages languages;
    for (const std::string& line : languages.put_in_force(config)) {
        log_line(line);
    }
    Zone zone = schedule_zone(config);
    SysSeconds now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    if (options.clock_start) {
        auto wall = parse_local_iso(*options.clock_start);
        if (!wall) {
            std::cerr << "--clock-start '" << *options.clock_start << "' is not a local time\n";
            return exit_bad_config;
        }
        now = zone.to_instant(*wall);
    }

    std::error_code error;
    std::filesystem::create_directories(*options.output_dir, error);
    if (error) {
        log_line(LogPriority::error,
                 "cannot create " + *options.output_dir + ": " + error.message());
        return exit_failure;
    }
    auto [width, height] = options.size.value_or(std::pair{1920, 1080});
    // No display: SDL's software renderer draws straight into a surface.
    SurfaceHandle surface(
        SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888));
    RendererHandle target(surface ? SDL_CreateSoftwareRenderer(surface.get()) : nullptr);
    if (!target) {
        log_line(LogPriority::error, std::string("cannot draw: ") + SDL_GetError());
        return exit_failure;
    }
    FontFiles fonts = locate_fonts(config.display.font);
    for (const auto& problem : fonts.problems) {
        log_line(LogPriority::warning, problem);
    }
    std::string button = config.keys.button.empty() ? std::string() : config.keys.button.front();
    int status = exit_ok;
    // Beside every screen that speaks, what it says (no sound device needed).
    std::optional<SpeechSynth> synth;
    if (speech_engine::built_in()) {
        synth.emplace(config.voice);
    } else {
        log_line("voice is not built in: no WAV files");
    }
    const std::filesystem::path dir(*options.output_dir);
    for (const auto& sample : sample_screens(config, zone, now, button)) {
        // A fresh renderer per screen: each picture is drawn whole, as after a start-up.
        Renderer renderer(target.get(), fonts, config.display.rotation);
        renderer.draw(sample.view);
        for (const auto& problem : renderer.take_picture_problems()) {
            log_line(LogPriority::warning, sample.name + ": " + problem);
        }
        SDL_RenderPresent(target.get());
        auto path = std::filesystem::path(*options.output_dir) / (sample.name + ".png");
        if (!save_png(surface.get(), path)) {
            log_line(LogPriority::error, "cannot write " + path.string());
            status = exit_failure;
            continue;
        }
        std::cout << path.string() << '\n';
        if (synth && !sample.said.phrases.empty() && !write_speech(*synth, config, sample, dir)) {
            status = exit_failure;
        }
    }
    if (synth) {
        for (const std::string& problem : synth->take_problems()) {
            log_line(LogPriority::warning, problem);
        }
    }
    return status;
}

}  // namespace sk
