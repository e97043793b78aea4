// KioskLoop: the kiosk's main loop and the devices it owns, from the first frame to the last.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/draw/display.hpp"
#include "app/draw/renderer.hpp"
#include "app/input/event_wait.hpp"
#include "app/input/gamepads.hpp"
#include "app/input/input.hpp"
#include "app/sound/audio.hpp"
#include "app/sound/speech_player.hpp"
#include "app/sound/speech_synth.hpp"
#include "app/system/active_config.hpp"
#include "app/system/app_clock.hpp"
#include "app/system/clock_jumps.hpp"
#include "app/system/clock_sync.hpp"
#include "app/system/config_watcher.hpp"
#include "app/system/notify.hpp"
#include "app/system/power_command.hpp"
#include "app/system/trace.hpp"
#include "core/cli/command_line.hpp"
#include "core/controller/controller.hpp"
#include "core/history/history.hpp"
#include "core/session/button.hpp"

namespace sk {

// It reads the clocks, feeds time and input to the Controller, draws the view the controller
// decides, and carries out its effects. Each turn of the loop: advance (time passes), show (draw
// what changed), report (systemd), wait (sleep until an event or the next deadline, and handle
// the events), and now and then look at the system (the config file, the clock).
class KioskLoop {
  public:
    // `banner`: the config error found at start-up, if any (shown over the config in force).
    KioskLoop(const Options& options, ActiveConfig config, Zone zone, Display display,
              std::optional<SysSeconds> wall_start, std::vector<HistoryRecord> history_records,
              const std::string& banner);

    // Runs until SIGTERM, SIGINT or SIGHUP (or, in one-session mode, the session's end); the exit
    // status.
    int run();

  private:
    using Steady = std::chrono::steady_clock;

    // Start-up: the renderer, the sound device and the input bindings, each saying what is wrong.
    void open_devices();
    // The sound device, opened for a session or a sound (and to probe it once at start-up), and
    // closed when no session runs and nothing sounds, with what the session held.
    void open_sound();
    void close_sound();
    void settle_sound();
    // --start [ROUTINE]: a session at once.
    void start_requested_session();

    // The steps of one turn of the loop.
    void advance(Instant now);
    void show(const ScreenView& view);
    void report_alive();
    void wait(Instant now, const ScreenView& view);
    void look_at_system();
    // What the kernel says about the wall clock, told to the controller (and the log on change).
    void look_at_clock_sync();
    // SIGUSR1: one line for the log on what the kiosk holds.
    void report_status();
    // After the loop: tell systemd, let the last chime ring out.
    void finish();

    // Effects, carried out in order: sounds and speech, records, screen power, quitting.
    void carry_out(Effects effects);
    void say(const std::vector<Utterance>& speech, MonoTime now);
    // Starts speech whose phrases are ready (or whose wait is over), and logs the voice's
    // problems.
    void speak_when_ready(MonoTime now);
    void write_records(const std::vector<HistoryRecord>& records);
    void switch_screen(ScreenPower power);

    // A new good config: every part of the kiosk takes what is its own.
    void apply(const Config& config);

    // Events from SDL, and the kiosk's inputs they mean.
    void handle(const SDL_Event& event, Instant now);
    void handle_input(const InputEvent& input, Instant now);
    std::chrono::milliseconds wait_time(Instant now, const ScreenView& view) const;
    // During a hold, how long until the bar fills its next pixel (at most one frame every
    // animation frame); none when no bar moves.
    std::optional<std::chrono::milliseconds> next_bar_frame(Instant now,
                                                            const ScreenView& view) const;

    const Options& options_;
    ActiveConfig config_;
    HistoryFile history_;
    AppClock clock_;
    ClockJumps clock_jumps_;
    Display display_;
    EventWait events_;  // how the loop sleeps: in SDL, or on the input devices
    std::unique_ptr<Renderer> renderer_;
    Audio audio_;  // closed between sessions
    AudioSettings audio_settings_;
    std::string audio_problem_;             // said once, until it changes
    std::optional<Volume> session_volume_;  // the running session's, kept over a reopen
    bool sound_probed_ = false;
    std::unique_ptr<SpeechSynth> synth_;  // null: no voice (not built in, or no sound at all)
    SpeechPlayer speech_{nullptr};
    Trace trace_;
    InputTranslator input_;
    Gamepads gamepads_;
    Button button_;
    Notifier notifier_;
    CommandRunner commands_;
    ConfigWatcher watcher_;
    Controller controller_;
    Steady::time_point next_system_look_;
    std::optional<Steady::time_point> next_ping_;
    std::optional<Steady::time_point> last_frame_at_;  // when a frame last sent something
    std::optional<ScreenView> shown_;
    // What the trace said was on screen last (shown_ is forgotten to force a redraw).
    struct Traced {
        bool shown = false;
        ScreenKind kind = ScreenKind::idle;
        std::optional<int> big_number;
    } traced_;
    bool quit_ = false;
    bool first_frame_shown_ = false;
    ClockSyncProbe clock_sync_;
    ClockSync last_sync_ = ClockSync::unsynchronised;
};

}  // namespace sk
