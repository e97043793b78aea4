#include "app/modes/kiosk_loop.hpp"

#include <SDL.h>

#include <malloc.h>
#include <unistd.h>

#include <algorithm>

#include "app/fonts/font_locator.hpp"
#include "app/sound/speech_engine.hpp"
#include "app/system/alsa_messages.hpp"
#include "app/system/config_source.hpp"
#include "app/system/hangup.hpp"
#include "app/system/log.hpp"
#include "app/system/status_request.hpp"
#include "core/session/session.hpp"
#include "core/words/words.hpp"

namespace sk {
namespace {

using std::chrono::milliseconds;

// How often the config file and the clock's sync state are looked at: an edit applies within this
// (a stat() is cheap).
constexpr milliseconds system_look_period{1000};
// While a hold runs the bar moves: the loop wakes when it gains a pixel, but no more often than
// this, 20 frames a second (a long bar over a short hold moves a pixel or two a frame: a 30 s
// hold fills 1100 px at 1080p, 37 px a second). Each frame's cost is waking and sending it (the
// drawing is 0.08 ms), so 30 frames a second took a hold to 0.75 CPU-s/min; at 20 the bar still
// moves evenly, read from across the room or with eyes half closed. The digits and the ends of
// steps are deadlines of their own, on time to the millisecond whatever this is. Everything else
// changes once a second at most.
constexpr milliseconds animation_frame{50};
// The longest sleep: the loop wakes at least this often even with nothing due.
constexpr milliseconds longest_wait{60'000};
// After a session, how often to look whether its last sounds have rung out.
constexpr milliseconds sound_settle_period{250};

std::string button_name(const KeySettings& keys) {
    return keys.button.empty() ? std::string() : keys.button.front();
}

void log_all(LogPriority priority, const std::vector<std::string>& lines) {
    for (const auto& line : lines) {
        log_line(priority, line);
    }
}

// The first words of each scheduled session: its first step's phrases, in its voice (and of every
// routine in the config's own voice when nothing is scheduled). Kept made between sessions (a
// few hundred KiB), so that a session's first step speaks at once even on a slow machine while
// the rest of its phrases are made.
std::vector<PhraseKey> opening_phrases(const Config& config) {
    std::vector<PhraseKey> keys;
    auto add = [&](const VoiceSettings& voice, const Routine& routine) {
        if (!voice.enabled) {
            return;
        }
        const Session session(config, routine, "", Theme::day, 0, MonoTime{});
        for (const Phrase& phrase : session.entry_speech().phrases) {
            PhraseKey key = phrase_key(voice, phrase.text);
            if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
                keys.push_back(std::move(key));
            }
        }
    };
    for (const ScheduleEntry& entry : config.schedule) {
        if (const Routine* routine = config.find_routine(entry.routine)) {
            add(entry.voice.applied_to(config.voice), *routine);
        }
    }
    if (config.schedule.empty()) {
        for (const Routine& routine : config.routines) {
            add(config.voice, routine);
        }
    }
    return keys;
}

// For the trace.
std::string_view kind_name(ScreenKind kind) {
    switch (kind) {
        case ScreenKind::idle:
            return "idle";
        case ScreenKind::due:
            return "due";
        case ScreenKind::get_ready:
            return "get-ready";
        case ScreenKind::hold:
            return "hold";
        case ScreenKind::switch_sides:
            return "switch-sides";
        case ScreenKind::rest:
            return "rest";
        case ScreenKind::paused:
            return "paused";
        case ScreenKind::done:
            return "done";
        case ScreenKind::dark:
            break;
    }
    return "dark";
}

// "12345 px: 10,20 300x40; ...": how much of the screen a frame sent, and where.
std::string areas_text(const std::vector<Box>& areas) {
    long pixels = 0;
    std::string where;
    for (const Box& area : areas) {
        pixels += static_cast<long>(area.width) * area.height;
        where += (where.empty() ? "" : "; ") + std::to_string(area.x) + "," +
                 std::to_string(area.y) + " " + std::to_string(area.width) + "x" +
                 std::to_string(area.height);
    }
    return std::to_string(pixels) + " px\t" + where;
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
      events_(waiting_for(SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "")),
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
    // The sound device opens around sessions and sounds, and once just after the first frame, to
    // say at start-up whether there is sound (settle_sound).
    audio_settings_ = config.audio;
    log_all(LogPriority::warning, input_.problems());
    if (!gamepads_.problem().empty()) {
        log_line(LogPriority::warning, gamepads_.problem());
    }
    log_line(display_.description() +
             (events_.waiting() == Waiting::native
                  ? ""
                  : "; waiting on " + std::to_string(events_.devices()) + " input devices"));
}

void KioskLoop::open_sound() {
    if (audio_.state() == AudioState::ready) {
        return;
    }
    // ALSA would print its own lines about a missing card; our one sentence below says it all.
    route_alsa_messages_to_log();
    // eSpeak NG speaks at 22050 Hz: a device at that rate plays speech as it was made (the sound
    // server or ALSA's plug converts, if the card needs to); a card that cannot gets each phrase
    // resampled on the voice's thread.
    audio_ = Audio(audio_settings_, synth_ || speech_engine::built_in()
                                        ? speech_engine::usual_sample_rate
                                        : default_frequency);
    if (audio_.state() == AudioState::silent && audio_.problem() != audio_problem_) {
        log_line(LogPriority::warning, audio_.problem());
    }
    audio_problem_ = audio_.problem();
    const std::optional<DeviceFormat> format = audio_.device_format();
    if (!format) {
        return;
    }
    trace_.line(clock_.now().mono, "audio",
                "open " + std::to_string(format->frequency) + " Hz " +
                    std::to_string(format->channels) + " channels");
    if (session_volume_) {
        audio_.set_volume(*session_volume_);
    }
    audio_.set_speech_share(speech_.voice().volume);
    // The voice needs the sound device; it starts once (loading eSpeak NG off the frame loop) and
    // stays, empty between sessions.
    if (!synth_ && speech_engine::built_in()) {
        synth_ = std::make_unique<SpeechSynth>(config_.current().voice, format->frequency);
        speech_ = SpeechPlayer(synth_.get());
        speech_.keep_between_sessions(opening_phrases(config_.current()));
    } else if (synth_) {
        synth_->set_output_rate(format->frequency);
    }
}

void KioskLoop::close_sound() {
    if (audio_.state() == AudioState::ready) {
        trace_.line(clock_.now().mono, "audio", "close");
    }
    audio_ = Audio();
}

void KioskLoop::settle_sound() {
    if (!sound_probed_ && first_frame_shown_) {
        sound_probed_ = true;
        open_sound();
    }
    if (audio_.state() == AudioState::closed || controller_.session_running() || audio_.busy() ||
        speech_.waiting()) {
        return;
    }
    // Between sessions: no device (its thread would wake ~47 times a second), none of the
    // session's phrases, and the heap given back.
    close_sound();
    session_volume_.reset();
    speech_.release();
#if defined(__GLIBC__)
    ::malloc_trim(0);
#endif
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
        settle_sound();
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
    if (shown_ && last_frame_at_ && Steady::now() - *last_frame_at_ < animation_frame) {
        // Woken for something else (a phrase to say, a look at the config) just after a frame:
        // a bar that only grew waits for its own frame, so it moves at the same pace throughout.
        ScreenView bar_only = *shown_;
        bar_only.progress = view.progress;
        if (bar_only == view) {
            return;
        }
    }
    const DrawReport report = renderer_->draw(view, display_.target_content());
    log_all(LogPriority::warning, renderer_->take_picture_problems());
    // Only what changed goes to the screen (on a window surface; a GPU gets whole frames).
    display_.present(report.areas);
    if (!report.areas.empty()) {
        last_frame_at_ = Steady::now();
    }
    if (trace_.enabled() && !report.areas.empty()) {
        const Instant now = clock_.now();
        trace_.line(now.mono, "frame", areas_text(report.areas));
        if (traced_.kind != view.kind || !traced_.shown) {
            const auto wall =
                std::chrono::duration_cast<milliseconds>(clock_.exact_wall(now).time_since_epoch());
            trace_.line(
                now.mono, "screen",
                std::string(kind_name(view.kind)) + "\twall_ms " + std::to_string(wall.count()));
        }
        if (view.big_number && traced_.big_number != view.big_number) {
            trace_.line(now.mono, "digit", std::to_string(*view.big_number));
        }
        traced_ = {true, view.kind, view.big_number};
    }
    shown_ = view;
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
    if (!events_.wait(event, milliseconds{wait_ms})) {
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
    log_all(LogPriority::notice, update.language_log);
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
    for (int i = 0; i < 40 && audio_.busy(); ++i) {
        SDL_Delay(50);
        speak_when_ready(clock_.now().mono);
    }
    close_sound();
}

void KioskLoop::carry_out(Effects effects) {
    const bool speaks = std::any_of(effects.speech.begin(), effects.speech.end(),
                                    [](const Utterance& said) { return !said.phrases.empty(); });
    if (effects.voice || !effects.cues.empty() || speaks) {
        open_sound();  // a session begins, or a sound is to be played
    }
    const MonoTime now = clock_.now().mono;
    if (effects.volume) {
        session_volume_ = *effects.volume;
        audio_.set_volume(*effects.volume);
    }
    if (effects.voice) {
        speech_.prepare(effects.voice->settings, effects.voice->phrases, audio_,
                        effects.voice->steps);
    }
    for (Cue cue : effects.cues) {
        audio_.play(cue);
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
        speech_.say(utterance, now, audio_);
    }
    speak_when_ready(now);
}

void KioskLoop::speak_when_ready(MonoTime now) {
    if (std::optional<SpeechReport> report = speech_.update(now, audio_)) {
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
            // TRANSLATORS: {error} is the system's reason, as the log has it.
            controller_.set_problem(fill(tr("History not saved: {error}"), {{"error", error}}));
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
        audio_settings_ = config.audio;
        audio_problem_.clear();  // new settings: a silent kiosk says so again, once
        if (audio_.state() != AudioState::closed) {
            close_sound();  // reopened at once in the new settings (a session may be running)
            open_sound();
        }
    }
    speech_.keep_between_sessions(opening_phrases(config));
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
            if (event.window.event == SDL_WINDOWEVENT_EXPOSED &&
                display_.target_content() == TargetContent::last_frame && shown_) {
                // The window surface still holds the frame: only the screen lost it.
                int width = 0;
                int height = 0;
                SDL_GetWindowSize(display_.window(), &width, &height);
                display_.present({Box{0, 0, width, height}});
            } else if (event.window.event == SDL_WINDOWEVENT_EXPOSED ||
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

std::optional<milliseconds> KioskLoop::next_bar_frame(Instant now, const ScreenView& view) const {
    if (view.kind != ScreenKind::hold || !view.show_progress) {
        return std::nullopt;
    }
    // The bar as the last frame laid it out: nothing on it changes until it fills one pixel more.
    const std::optional<double> share =
        PartPainter::progress_to_next_pixel(view.progress, renderer_->layout()[Part::progress].box);
    if (!share) {
        return std::nullopt;  // full, or not drawn: the hold's end is a deadline of its own
    }
    // The progress grows evenly through the hold: its pace from the view a millisecond on. (At
    // the hold's very end that is the next step, which the controller's deadline wakes for.)
    constexpr milliseconds probe{1};
    const ScreenView later = controller_.view(Instant{now.wall, now.mono + probe});
    const double per_ms = later.progress - view.progress;
    if (later.kind != view.kind || !later.show_progress || !(per_ms > 0.0)) {
        return std::nullopt;
    }
    const auto pixel_at =
        now.mono +
        std::chrono::ceil<milliseconds>(std::chrono::duration<double, std::milli>(*share / per_ms));
    milliseconds wait = clock_.real_wait_until(now, now.wall + std::chrono::hours{1}, pixel_at);
    if (last_frame_at_) {
        const auto since = Steady::now() - *last_frame_at_;
        wait = std::max(wait, std::chrono::ceil<milliseconds>(animation_frame - since));
    }
    return wait;
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
    if (auto bar = next_bar_frame(now, view)) {
        wait = std::min(wait, *bar);
    }
    if (audio_.state() != AudioState::closed && !controller_.session_running()) {
        wait = std::min(wait, sound_settle_period);  // to close the device once it is quiet
    }
    if (auto speech = speech_.next_deadline(now.mono)) {
        wait = std::min(wait, clock_.real_wait_until(now, deadlines.wall, speech));
    }
    return std::max(wait, milliseconds{1});
}

}  // namespace sk
