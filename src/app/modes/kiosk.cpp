#include "app/modes/kiosk.hpp"

#include <SDL.h>

#include <unistd.h>
#include <algorithm>
#include <memory>

#include "app/draw/display.hpp"
#include "app/draw/font_locator.hpp"
#include "app/draw/renderer.hpp"
#include "app/input/gamepads.hpp"
#include "app/input/input.hpp"
#include "app/modes/cli_modes.hpp"
#include "app/sound/audio.hpp"
#include "app/system/active_config.hpp"
#include "app/system/app_clock.hpp"
#include "app/system/config_source.hpp"
#include "app/system/config_watcher.hpp"
#include "app/system/log.hpp"
#include "app/system/notify.hpp"
#include "app/system/power_command.hpp"
#include "core/controller/controller.hpp"
#include "core/history/history.hpp"
#include "core/session/button.hpp"

namespace sk {
namespace {

using std::chrono::milliseconds;
using Steady = std::chrono::steady_clock;

// How often the config file is looked at: an edit applies within this (a stat() is cheap).
constexpr milliseconds config_poll{1000};
// While a hold runs the progress moves smoothly; everything else changes once a second at most.
constexpr milliseconds animation_frame{33};

std::string button_name(const KeySettings& keys) {
    return keys.button.empty() ? std::string("the button") : keys.button.front();
}

// The kiosk's main loop and everything it owns. It reads the clocks, feeds time and input to the
// Controller, draws the view the controller decides, and carries out its effects.
class Kiosk {
  public:
    // `banner`: the config error found at start-up, if any (shown over the config in force).
    Kiosk(const Options& options, ActiveConfig config, Zone zone, Display display,
          std::optional<SysSeconds> wall_start, std::vector<HistoryRecord> history_records,
          const std::string& banner);

    int run();

  private:
    void carry_out(Effects effects);
    void poll_config();
    void handle(const SDL_Event& event, Instant now);
    void draw(const ScreenView& view);
    milliseconds wait_time(Instant now, const ScreenView& view) const;
    void note_clock_jump(Instant now);

    const Options& options_;
    ActiveConfig config_;
    HistoryFile history_;
    AppClock clock_;
    Display display_;
    std::unique_ptr<Renderer> renderer_;
    std::unique_ptr<Audio> audio_;
    AudioSettings audio_settings_;
    InputTranslator input_;
    Gamepads gamepads_;
    Button button_;
    Notifier notifier_;
    CommandRunner commands_;
    ConfigWatcher watcher_;
    Controller controller_;
    Steady::time_point next_config_poll_;
    std::optional<Steady::time_point> next_ping_;
    std::optional<ScreenView> shown_;
    bool quit_ = false;
    bool clock_synchronized_ = false;
    std::optional<Instant> last_seen_;
};

Kiosk::Kiosk(const Options& options, ActiveConfig config, Zone zone, Display display,
             std::optional<SysSeconds> wall_start, std::vector<HistoryRecord> history_records,
             const std::string& banner)
    : options_(options),
      config_(std::move(config)),
      history_(resolve_state_dir(options.state_dir) + "/history.log"),
      clock_(wall_start, options.clock_speed),
      display_(std::move(display)),
      input_(config_.current().keys),
      watcher_(config_.path()),
      controller_(config_.current(), zone, std::move(history_records),
                  options.mode == Mode::session_once ? RunMode::one_session : RunMode::always_on,
                  button_name(config_.current().keys)),
      next_config_poll_(Steady::now() + config_poll) {
    controller_.set_banner(banner);
    const Config& config_now = config_.current();
    FontFiles fonts = locate_fonts(config_now.display.font);
    for (const auto& problem : fonts.problems) {
        log_line(problem);
    }
    renderer_ = std::make_unique<Renderer>(display_.renderer(), std::move(fonts),
                                           config_now.display.rotation);
    for (const auto& problem : renderer_->problems()) {
        log_line(problem);
    }
    audio_settings_ = config_now.audio;
    audio_ = std::make_unique<Audio>(config_now.audio);
    if (audio_->state() == AudioState::silent) {
        log_line(audio_->problem());
    }
    for (const auto& problem : input_.problems()) {
        log_line(problem);
    }
    if (!gamepads_.problem().empty()) {
        log_line(gamepads_.problem());
    }
    log_line("drawing with the " + display_.renderer_name() + " renderer");
}

void Kiosk::carry_out(Effects effects) {
    if (effects.volume) {
        audio_->set_volume(*effects.volume);
    }
    for (Cue cue : effects.cues) {
        audio_->play(cue);
    }
    for (const auto& record : effects.records) {
        if (std::string error = history_.append(record); !error.empty()) {
            log_line(error);
            controller_.set_problem("History not saved: " + error);
        }
    }
    if (effects.power) {
        const DisplaySettings& settings = controller_.config().display;
        bool on = *effects.power == ScreenPower::on;
        const auto& argv = on ? settings.power_on_command : settings.power_off_command;
        if (!argv.empty()) {
            std::string error =
                commands_.run(on ? "screen on" : "screen off", argv, settings.command_timeout);
            if (!error.empty()) {
                log_line(error);
            }
        }
        shown_.reset();
    }
    quit_ = quit_ || effects.quit;
}

void Kiosk::poll_config() {
    next_config_poll_ = Steady::now() + config_poll;
    if (!clock_synchronized_ && !options_.clock_start &&
        ::access("/run/systemd/timesync/synchronized", F_OK) == 0) {
        // NTP has set the clock: believe it even if the history holds later records.
        clock_synchronized_ = true;
        controller_.clock_synchronized();
        log_line("the clock is synchronised");
    }
    if (!watcher_.changed()) {
        return;
    }
    ConfigUpdate update = config_.reload();
    for (const auto& line : update.log) {
        log_line(line);
    }
    controller_.set_banner(update.banner);
    if (!update.config) {
        return;
    }
    const Config& config = *update.config;
    controller_.reconfigure(config, schedule_zone(config));
    input_.reconfigure(config.keys);
    for (const auto& problem : input_.problems()) {
        log_line(problem);
    }
    renderer_->set_rotation(config.display.rotation);
    if (config.audio != audio_settings_) {
        // Reopen the device only when the sound settings changed: a silent kiosk says so once.
        audio_settings_ = config.audio;
        audio_ = std::make_unique<Audio>(config.audio);
        if (audio_->state() == AudioState::silent) {
            log_line(audio_->problem());
        }
    }
    shown_.reset();
}

void Kiosk::handle(const SDL_Event& event, Instant now) {
    switch (event.type) {
        case SDL_QUIT:
            // SDL turns SIGTERM and SIGINT into SDL_QUIT: a session in progress is recorded.
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
    std::optional<InputEvent> translated = input_.translate(event);
    if (!translated) {
        return;
    }
    // The long press is measured in real time, whatever --clock-speed says.
    auto real = Steady::now();
    switch (translated->kind) {
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

void Kiosk::draw(const ScreenView& view) {
    if (shown_ && *shown_ == view) {
        return;  // nothing changed: no drawing, no present
    }
    DrawReport report = renderer_->draw(view, TargetContent::unknown);
    shown_ = view;
    if (report.redraw != Redraw::nothing) {
        SDL_RenderPresent(display_.renderer());
    }
}

milliseconds Kiosk::wait_time(Instant now, const ScreenView& view) const {
    Controller::Deadlines deadlines = controller_.next_deadlines(now);
    milliseconds wait = clock_.real_wait_until(now, deadlines.wall, deadlines.mono);
    auto real = Steady::now();
    auto until = [&](Steady::time_point when) {
        return std::chrono::ceil<milliseconds>(std::max(when - real, Steady::duration{0}));
    };
    wait = std::min(wait, until(next_config_poll_));
    if (auto held = button_.next_deadline()) {
        wait = std::min(wait, until(*held));
    }
    if (next_ping_) {
        wait = std::min(wait, until(*next_ping_));
    }
    if (view.kind == ScreenKind::hold && view.show_progress) {
        wait = std::min(wait, animation_frame);
    }
    return std::max(wait, milliseconds{1});
}

void Kiosk::note_clock_jump(Instant now) {
    // The wall clock should move as the monotonic one does; a Pi without an RTC jumps at NTP
    // sync. The controller copes (nothing offered twice, missed ones recorded); the log says why.
    if (last_seen_) {
        auto wall = now.wall - last_seen_->wall;
        auto mono = std::chrono::duration_cast<std::chrono::seconds>(now.mono - last_seen_->mono);
        auto jump = wall - mono;
        if (jump > std::chrono::minutes{1} || jump < -std::chrono::minutes{1}) {
            log_line("the wall clock jumped " + std::string(jump.count() > 0 ? "forward" : "back") +
                     " by " + std::to_string(jump.count() > 0 ? jump.count() : -jump.count()) +
                     " s; now " + format_iso(now.wall, controller_.zone()));
        }
    }
    last_seen_ = now;
}

int Kiosk::run() {
    if (options_.start_routine) {
        const std::string& routine = *options_.start_routine;
        if (!routine.empty() && !controller_.config().find_routine(routine)) {
            log_line("--start: there is no routine '" + routine + "': starting the default one");
        }
        carry_out(controller_.start_now(routine, clock_.now()));
    }
    bool first_frame = true;
    while (!quit_) {
        Instant now = clock_.now();
        note_clock_jump(now);
        carry_out(controller_.tick(now));
        if (auto action = button_.advance(Steady::now()); action == ButtonAction::long_press) {
            carry_out(controller_.input(Input::long_press, now));
        }
        ScreenView view = controller_.view(now);
        draw(view);
        if (first_frame) {
            // systemd's Type=notify: up once the first frame is on screen.
            notifier_.ready();
            first_frame = false;
        }
        next_ping_ = notifier_.keep_alive(Steady::now());
        if (quit_) {
            break;
        }

        SDL_Event event;
        int wait_ms =
            static_cast<int>(std::min(wait_time(now, view), milliseconds{60'000}).count());
        if (SDL_WaitEventTimeout(&event, wait_ms)) {
            Instant at = clock_.now();
            handle(event, at);
            while (!quit_ && SDL_PollEvent(&event)) {
                handle(event, at);
            }
        }
        if (Steady::now() >= next_config_poll_) {
            poll_config();
        }
    }
    notifier_.stopping();
    // Let the last chime ring out (a second at most) before the device closes.
    for (int i = 0; i < 20 && audio_->busy(); ++i) {
        SDL_Delay(50);
    }
    return exit_ok;
}

}  // namespace

int run_kiosk(const Options& options) {
    std::string state_dir = resolve_state_dir(options.state_dir);
    ActiveConfig config(options.config_path, state_dir);
    ConfigUpdate first = config.reload();
    for (const auto& line : first.log) {
        log_line(line);
    }
    LocalZone local = Zone::local_with_warning();
    Zone zone = config.current().timezone.empty() ? local.zone : schedule_zone(config.current());
    if (config.current().timezone.empty() && !local.warning.empty()) {
        log_line(local.warning);
    }

    std::optional<SysSeconds> wall_start;
    if (options.clock_start) {
        auto wall = parse_local_iso(*options.clock_start);
        if (!wall) {
            log_line("--clock-start '" + *options.clock_start +
                     "' is not a local time: write it like 2027-03-28T06:59");
            return exit_bad_config;
        }
        wall_start = zone.to_instant(*wall);
    }

    HistoryLoad history = HistoryFile(state_dir + "/history.log").load();
    for (const auto& warning : history.warnings) {
        log_line(warning);
    }

    std::string error;
    std::optional<Display> display = Display::open(options, error);
    if (!display) {
        // One sentence and a failure status: systemd restarts us and the journal says why.
        log_line(error);
        return exit_failure;
    }
    int status = exit_ok;
    {
        Kiosk kiosk(options, std::move(config), zone, std::move(*display), wall_start,
                    std::move(history.records), first.banner);
        status = kiosk.run();
    }
    // Every SDL object is gone: shut SDL down whole (with D-Bus, see Display::open).
    SDL_Quit();
    return status;
}

}  // namespace sk
