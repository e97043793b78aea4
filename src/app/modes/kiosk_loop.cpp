#include "app/modes/kiosk_loop.hpp"

#include <SDL.h>

#include <algorithm>

#include "app/fonts/font_locator.hpp"
#include "app/modes/cli_modes.hpp"
#include "app/sound/speech_engine.hpp"
#include "app/system/alsa_messages.hpp"
#include "app/system/config_source.hpp"
#include "app/system/hangup.hpp"
#include "app/system/log.hpp"
#include "app/system/status_request.hpp"

namespace sk {
namespace {

using std::chrono::milliseconds;

// How often the config file and the clock's sync state are looked at: an edit applies within this
// (a stat() is cheap).
constexpr milliseconds system_look_period{1000};
// While a hold runs the progress moves smoothly; everything else changes once a second at most.
constexpr milliseconds animation_frame{33};
// The longest sleep: the loop wakes at least this often even with nothing due.
constexpr milliseconds longest_wait{60'000};

std::string button_name(const KeySettings& keys) {
    return keys.button.empty() ? std::string("the button") : keys.button.front();
}

void log_all(LogPriority priority, const std::vector<std::string>& lines) {
    for (const auto& line : lines) {
        log_line(priority, line);
    }
}

}  // namespace

KioskLoop::KioskLoop(const Options& options, ActiveConfig config, Zone zone, Display display,
                     std::optional<SysSeconds> wall_start,
                     std::vector<HistoryRecord> history_records, const std::string& banner)
    : options_(options),
      config_(std::move(config)),
      history_(resolve_state_dir(options.state_dir) + "/history.log"),
      clock_(wall_start, options.clock_speed),
      display_(std::move(display)),
      trace_(options.trace_path ? Trace(*options.trace_path, clock_.now().mono) : Trace()),
      input_(config_.current().keys),
      watcher_(config_.watched_paths()),
      controller_(config_.current(), zone, std::move(history_records),
                  options.mode == Mode::session_once ? RunMode::one_session : RunMode::always_on,
                  button_name(config_.current().keys)),
      next_system_look_(Steady::now() + system_look_period) {
    controller_.set_banner(banner);
    look_at_clock_sync();
    if (!trace_.problem().empty()) {
        log_line(LogPriority::warning, trace_.problem());
    }
    open_devices();
}

void KioskLoop::open_devices() {
    const Config& config = config_.current();
    FontFiles fonts = locate_fonts(config.display.font);
    log_all(LogPriority::warning, fonts.problems);
    renderer_ =
        std::make_unique<Renderer>(display_.renderer(), std::move(fonts), config.display.rotation);
    log_all(LogPriority::warning, renderer_->problems());
    open_audio(config.audio);
    log_all(LogPriority::warning, input_.problems());
    if (!gamepads_.problem().empty()) {
        log_line(LogPriority::warning, gamepads_.problem());
    }
    log_line(display_.description());
}

void KioskLoop::open_audio(const AudioSettings& settings) {
    audio_settings_ = settings;
    audio_.reset();  // one device at a time
    // ALSA would print its own lines about a missing card; our one sentence below says it all.
    route_alsa_messages_to_log();
    audio_ = std::make_unique<Audio>(settings);
    if (audio_->state() == AudioState::silent) {
        log_line(LogPriority::warning, audio_->problem());
    }
    if (const auto format = audio_->device_format()) {
        trace_.line(clock_.now().mono, "audio",
                    "open " + std::to_string(format->frequency) + " Hz " +
                        std::to_string(format->channels) + " channels");
    }
    // The voice needs the sound device; it starts once (loading eSpeak NG off the frame loop) and
    // stays when the sound settings change.
    if (audio_->state() == AudioState::ready && !synth_ && speech_engine::built_in()) {
        synth_ = std::make_unique<SpeechSynth>(config_.current().voice,
                                               audio_->device_format()->frequency);
        speech_ = SpeechPlayer(synth_.get());
        prepare_speech(config_.current());
    }
}

void KioskLoop::prepare_speech(const Config& config) {
    std::vector<std::pair<VoiceSettings, std::vector<std::string>>> voices;
    for (SessionVoice& voice : voices_of(config)) {
        voices.emplace_back(voice.settings, std::move(voice.phrases));
    }
    speech_.keep_ready(voices);
}

void KioskLoop::start_requested_session() {
    if (!options_.start_routine) {
        return;
    }
    const std::string& routine = *options_.start_routine;
    if (!routine.empty() && !controller_.config().find_routine(routine)) {
        log_line(LogPriority::warning,
                 "--start: there is no routine '" + routine + "': starting the default one");
    }
    carry_out(controller_.start_now(routine, clock_.now()));
}

int KioskLoop::run() {
    start_requested_session();
    while (!quit_) {
        const Instant now = clock_.now();
        advance(now);
        const ScreenView view = controller_.view(now);
        show(view);
        report_alive();
        if (quit_) {
            break;
        }
        wait(now, view);
        if (Steady::now() >= next_system_look_) {
            look_at_system();
        }
    }
    finish();
    return exit_ok;
}

void KioskLoop::advance(Instant now) {
    if (auto jump = clock_jumps_.note(now, controller_.zone())) {
        log_line(LogPriority::notice, *jump);
    }
    carry_out(controller_.tick(now));
    // The long press is measured in real time, whatever --clock-speed says.
    if (button_.advance(Steady::now()) == ButtonAction::long_press) {
        carry_out(controller_.input(Input::long_press, now));
    }
    speak_when_ready(now.mono);
}

void KioskLoop::show(const ScreenView& view) {
    if (shown_ && *shown_ == view) {
        return;  // nothing changed: no drawing, no present
    }
    DrawReport report = renderer_->draw(view, TargetContent::unknown);
    log_all(LogPriority::warning, renderer_->take_picture_problems());
    shown_ = view;
    if (report.redraw != Redraw::nothing) {
        SDL_RenderPresent(display_.renderer());
    }
}

void KioskLoop::report_alive() {
    if (!first_frame_shown_) {
        // systemd's Type=notify: up once the first frame is on screen.
        notifier_.ready();
        first_frame_shown_ = true;
    }
    next_ping_ = notifier_.keep_alive(Steady::now());
}

void KioskLoop::wait(Instant now, const ScreenView& view) {
    SDL_Event event;
    const int wait_ms = static_cast<int>(std::min(wait_time(now, view), longest_wait).count());
    if (!SDL_WaitEventTimeout(&event, wait_ms)) {
        return;
    }
    const Instant at = clock_.now();
    handle(event, at);
    while (!quit_ && SDL_PollEvent(&event)) {
        handle(event, at);
    }
}

void KioskLoop::look_at_clock_sync() {
    // --clock-start runs a clock of its own, which no time source vouches for.
    const ClockSync sync = options_.clock_start ? ClockSync::unsynchronised : clock_sync_.read();
    if (sync != last_sync_) {
        log_line(LogPriority::notice, sync == ClockSync::synchronised
                                          ? "the clock is synchronised"
                                          : "the clock is no longer synchronised");
        last_sync_ = sync;
    }
    controller_.set_clock_sync(sync);
}

void KioskLoop::look_at_system() {
    next_system_look_ = Steady::now() + system_look_period;
    look_at_clock_sync();
    if (status_requested()) {
        report_status();
    }
    if (!watcher_.changed()) {
        return;
    }
    ConfigUpdate update = config_.reload();
    log_all(update.banner.empty() ? LogPriority::notice : LogPriority::warning, update.log);
    controller_.set_banner(update.banner);
    if (update.config) {
        apply(*update.config);
    }
}

void KioskLoop::report_status() {
    const TextCache& cache = renderer_->text_cache();
    log_line(LogPriority::info, "status: " + std::to_string(cache.entries()) + " text textures (" +
                                    std::to_string(cache.bytes() / 1024) + " KiB), " +
                                    std::to_string(cache.open_fonts()) + " font sizes open, " +
                                    std::to_string(controller_.history().size()) +
                                    " history records");
}

void KioskLoop::finish() {
    notifier_.stopping();
    // Let the last chime (or "Well done") ring out, two seconds at most, before the device closes.
    for (int i = 0; i < 40 && audio_->busy(); ++i) {
        SDL_Delay(50);
        speak_when_ready(clock_.now().mono);
    }
    if (audio_->device_format()) {
        trace_.line(clock_.now().mono, "audio", "close");
    }
}

void KioskLoop::carry_out(Effects effects) {
    const MonoTime now = clock_.now().mono;
    if (effects.volume) {
        audio_->set_volume(*effects.volume);
    }
    if (effects.voice) {
        speech_.prepare(effects.voice->settings, effects.voice->phrases, *audio_);
    }
    for (Cue cue : effects.cues) {
        audio_->play(cue);
        trace_.line(now, "cue", cue_name(cue));
    }
    say(effects.speech, now);
    write_records(effects.records);
    log_all(LogPriority::warning, effects.notes);
    if (effects.power) {
        switch_screen(*effects.power);
    }
    quit_ = quit_ || effects.quit;
}

void KioskLoop::say(const std::vector<Utterance>& speech, MonoTime now) {
    for (const Utterance& utterance : speech) {
        trace_.line(utterance.at, "step", moment_name(utterance.moment));
        speech_.say(utterance, now, *audio_);
    }
    speak_when_ready(now);
}

void KioskLoop::speak_when_ready(MonoTime now) {
    if (std::optional<SpeechReport> report = speech_.update(now, *audio_)) {
        const std::string moment = moment_name(report->utterance.moment);
        const auto late =
            std::chrono::duration_cast<milliseconds>(report->started - report->utterance.at);
        for (std::size_t i = 0; i < report->said.size(); ++i) {
            // The first phrase starts now; the others follow it in the same sound.
            trace_.line(report->started, "say",
                        moment + "\t" +
                            (i == 0 ? "+" + std::to_string(late.count()) + "ms frame " +
                                          std::to_string(report->frame)
                                    : "then") +
                            "\t" + report->said[i]);
        }
        for (const std::string& text : report->not_ready) {
            trace_.line(report->started, "unsaid", moment + "\tnot ready\t" + text);
        }
        for (const std::string& text : report->no_time) {
            trace_.line(report->started, "unsaid", moment + "\tno time\t" + text);
        }
    }
    if (synth_) {
        log_all(LogPriority::warning, synth_->take_problems());
    }
}

void KioskLoop::write_records(const std::vector<HistoryRecord>& records) {
    for (const auto& record : records) {
        if (std::string error = history_.append(record); !error.empty()) {
            log_line(LogPriority::error, error);
            controller_.set_problem("History not saved: " + error);
        }
    }
}

void KioskLoop::switch_screen(ScreenPower power) {
    const DisplaySettings& settings = controller_.config().display;
    const bool on = power == ScreenPower::on;
    const auto& argv = on ? settings.power_on_command : settings.power_off_command;
    if (!argv.empty()) {
        std::string error =
            commands_.run(on ? "screen on" : "screen off", argv, settings.command_timeout);
        if (!error.empty()) {
            log_line(LogPriority::warning, error);
        }
    }
    shown_.reset();
}

void KioskLoop::apply(const Config& config) {
    controller_.reconfigure(config, schedule_zone(config));
    input_.reconfigure(config.keys);
    log_all(LogPriority::warning, input_.problems());
    renderer_->set_rotation(config.display.rotation);
    // A saved config may come with mended or changed pictures: read them again.
    renderer_->forget_pictures();
    if (config.audio != audio_settings_) {
        // Reopen the device only when the sound settings changed: a silent kiosk says so once.
        open_audio(config.audio);
    }
    prepare_speech(config);
    shown_.reset();
}

void KioskLoop::handle(const SDL_Event& event, Instant now) {
    switch (event.type) {
        case SDL_QUIT:
            // SDL turns SIGTERM and SIGINT into SDL_QUIT (and quit_on_hangup SIGHUP too): a
            // session in progress is recorded.
            if (hangup_received()) {
                log_line("the terminal hung up (SIGHUP): ending as for SIGTERM");
            }
            carry_out(controller_.shutdown(now));
            quit_ = true;
            return;
        case SDL_WINDOWEVENT:
            if (event.window.event == SDL_WINDOWEVENT_EXPOSED ||
                event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
                renderer_->redraw_everything();
                shown_.reset();
            }
            return;
        case SDL_RENDER_TARGETS_RESET:
        case SDL_RENDER_DEVICE_RESET:
            renderer_->redraw_everything();
            shown_.reset();
            return;
        case SDL_CONTROLLERDEVICEADDED:
        case SDL_CONTROLLERDEVICEREMOVED:
            if (auto line = gamepads_.handle(event)) {
                log_line(*line);
            }
            break;  // a removed gamepad also releases its buttons in the translator
        default:
            break;
    }
    if (std::optional<InputEvent> input = input_.translate(event)) {
        handle_input(*input, now);
    }
}

void KioskLoop::handle_input(const InputEvent& input, Instant now) {
    // The long press is measured in real time, whatever --clock-speed says.
    const auto real = Steady::now();
    switch (input.kind) {
        case InputKind::button_down:
            if (button_.press(real) == ButtonAction::long_press) {
                carry_out(controller_.input(Input::long_press, now));
            }
            break;
        case InputKind::button_up:
            if (button_.release(real) == ButtonAction::press) {
                carry_out(controller_.input(Input::button, now));
            }
            break;
        case InputKind::skip:
            carry_out(controller_.input(Input::skip, now));
            break;
        case InputKind::stop:
            carry_out(controller_.input(Input::stop, now));
            break;
    }
}

milliseconds KioskLoop::wait_time(Instant now, const ScreenView& view) const {
    Controller::Deadlines deadlines = controller_.next_deadlines(now);
    milliseconds wait = clock_.real_wait_until(now, deadlines.wall, deadlines.mono);
    const auto real = Steady::now();
    auto until = [&](Steady::time_point when) {
        return std::chrono::ceil<milliseconds>(std::max(when - real, Steady::duration{0}));
    };
    wait = std::min(wait, until(next_system_look_));
    if (auto held = button_.next_deadline()) {
        wait = std::min(wait, until(*held));
    }
    if (next_ping_) {
        wait = std::min(wait, until(*next_ping_));
    }
    if (view.kind == ScreenKind::hold && view.show_progress) {
        wait = std::min(wait, animation_frame);
    }
    if (auto speech = speech_.next_deadline(now.mono)) {
        wait = std::min(wait, clock_.real_wait_until(now, deadlines.wall, speech));
    }
    return std::max(wait, milliseconds{1});
}

}  // namespace sk
