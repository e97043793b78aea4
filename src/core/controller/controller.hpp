// Controller: the whole kiosk's behaviour (schedule, sessions, history, screens) with no SDL and no
// clock: the app passes time and input in, draws the view, and carries out the effects.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/history/history.hpp"
#include "core/history/stats.hpp"
#include "core/model/config.hpp"
#include "core/model/diagnostic.hpp"
#include "core/model/screen_view.hpp"
#include "core/schedule/planner.hpp"
#include "core/screens/views.hpp"
#include "core/session/session.hpp"
#include "core/time/local_time.hpp"

namespace sk {

// Both clocks at one moment: the wall clock for the schedule, the monotonic one for countdowns.
struct Instant {
    SysSeconds wall;
    MonoTime mono;
};

// What the user did, already translated from keys, buttons, taps.
enum class Input {
    button,      // a short press of the one button: start, pause, resume
    long_press,  // the button held for 1.5 s: end the session
    skip,        // move to the next step
    stop,        // end the session (or dismiss a due prompt)
};

// Whether the kiosk runs for ever or for one timer-started session.
enum class RunMode { always_on, one_session };

// Whether the screen should be lit (for display.idle: off, run the configured power commands).
enum class ScreenPower { on, off };

// How a session that has just started speaks, and what it may say (to prepare the phrases
// before they are due).
struct SessionVoice {
    VoiceSettings settings;
    std::vector<std::string> phrases;  // every one it may say, each once
    // What entering each step says, in order (empty: not known): to make them a few steps ahead.
    std::vector<std::vector<std::string>> steps;
    bool operator==(const SessionVoice&) const = default;
};

// Every voice the schedule speaks in (the top level's and each entry's, when enabled), each with
// every phrase any routine may say: to make them all before any session starts.
std::vector<SessionVoice> voices_of(const Config& config);

// What the app must do after a call: play sounds, say things, append records, switch the screen,
// quit.
struct Effects {
    std::vector<Cue> cues;
    std::vector<Utterance> speech;       // in order; each replaces the one before
    std::optional<SessionVoice> voice;   // a session started: set before the speech
    std::vector<HistoryRecord> records;  // append each, in order, durably
    std::optional<Volume> volume;        // set before playing the cues
    std::optional<ScreenPower> power;    // a change of screen power
    bool quit = false;                   // RunMode::one_session is over
    std::vector<std::string> notes;      // sentences for the log (what the kiosk decided, why)

    void append(Effects other);
};

class Controller {
  public:
    // `history` is what the history file held at start-up; a session that was running when the
    // kiosk died (a `started` record with no end) is closed as stopped in the first effects.
    Controller(Config config, Zone zone, std::vector<HistoryRecord> history, RunMode mode,
               std::string button_name);

    // Time passes: due sessions, missed ones, countdowns, auto start.
    Effects tick(Instant now);
    // The user did something.
    Effects input(Input what, Instant now);
    // Starts a session at once (--start): `routine` empty means the routine of the nearest entry.
    Effects start_now(const std::string& routine, Instant now);
    // Ends a running session as stopped (SIGTERM, quit).
    Effects shutdown(Instant now);

    // A new good config (after an edit). A running session carries on as it was.
    void reconfigure(Config config, Zone zone);
    // What the kernel says about the wall clock (NTP or another source), before each tick: a
    // synchronised clock is trusted even when the history holds later records.
    void set_clock_sync(ClockSync sync) { planner_.set_clock_sync(sync); }
    // A config error to show over every screen; empty clears it.
    void set_banner(std::string banner) { banner_ = std::move(banner); }
    // A record could not be written: shown on the idle screen (the kiosk keeps going).
    void set_problem(std::string problem) { problem_ = std::move(problem); }

    // What the screen shows now.
    ScreenView view(Instant now) const;
    // The next wall-clock and monotonic instants at which something changes on its own.
    struct Deadlines {
        SysSeconds wall;
        std::optional<MonoTime> mono;
    };
    Deadlines next_deadlines(Instant now) const;

    bool session_running() const { return session_.has_value() && !session_->finished(); }
    // The occurrence the due screen offers now, if any.
    const std::optional<Occurrence>& due() const { return due_; }
    // A session is over and its done screen shows (until a press or its time is up).
    bool showing_done() const { return session_.has_value() && session_->finished(); }
    const Config& config() const { return planner_.config(); }
    const Zone& zone() const { return planner_.zone(); }
    const std::vector<HistoryRecord>& history() const { return history_; }

  private:
    // How a session began: a press (or --start) is someone there; `start: auto` alone is not.
    enum class HowStarted { by_press, by_itself };

    Effects begin_session(const Routine& routine, const ScheduleEntry* entry,
                          std::string entry_name, std::string occurrence, Instant now,
                          HowStarted how = HowStarted::by_press);
    // The events of the running session as effects: its cues, its speech, its end.
    Effects session_effects(SessionEvents events, Instant now);
    Effects finish_session(Outcome outcome, Instant now);
    // Records `record`, written now (`written`: the wall clock then, which may be later than
    // the record's start).
    Effects record(HistoryRecord record, SysSeconds written);
    Effects set_power(ScreenPower power);
    const ScheduleEntry* nearest_entry(SysSeconds now) const;
    // Today's latest occurrence that was offered and not done (missed, stopped, partly done,
    // unattended), of `routine_id` if not empty: what "stretch now" makes up for, late.
    std::optional<Occurrence> late_occurrence(const std::string& routine_id, SysSeconds now) const;
    // A press on the done screen, and what it offers now.
    Effects press_on_done(Instant now);
    DoneOffer done_offer(MonoTime now) const;
    Stats stats(SysSeconds now) const;
    // The history holds a record of this occurrence (started, done, stopped or missed) that counts.
    bool taken(const std::string& occurrence_key) const;
    // What changed about the clock since the last tick, for the log.
    std::vector<std::string> clock_notes(const ClockState& now_state, std::size_t set_aside,
                                         SysSeconds now) const;

    Planner planner_;
    std::vector<HistoryRecord> history_;
    RunMode mode_;
    std::string button_name_;
    std::string banner_;
    std::string problem_;
    ClockState clock_;  // the clock against the history, at the last tick

    std::optional<Occurrence> due_;  // offered now, waiting for the button
    std::optional<SysSeconds> due_since_;
    SysSeconds next_check_{};  // the planner's own next deadline, from the last tick
    Effects pending_;          // for the next tick (closing sessions cut short by a crash)

    std::optional<Session> session_;  // running, or finished and shown as "done"
    std::string session_occurrence_;
    SysSeconds session_wall_start_;
    Theme session_theme_ = Theme::day;
    std::optional<MonoTime> done_until_;  // the done screen shows until then
    bool session_pressed_ = false;        // the running session saw a press (someone is there)
    // The record of a session that ran by itself, while its done screen asks for a confirmation.
    std::optional<HistoryRecord> to_confirm_;
    std::optional<MonoTime> awake_until_;  // a press lit a dark idle screen until then
    ScreenPower power_ = ScreenPower::on;
    // Stats walk the whole history: computed once per change of history or of local date.
    mutable std::optional<std::pair<Date, Stats>> stats_cache_;
};

}  // namespace sk
