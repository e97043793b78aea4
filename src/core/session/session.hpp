// Session: one coached run through a routine, a copyable state machine fed time and commands.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/model/config.hpp"
#include "core/model/progression.hpp"
#include "core/model/screen_view.hpp"
#include "core/session/speech.hpp"

namespace sk {

enum class Phase { get_ready, hold, switch_sides, rest, done };

// What a user asks of a running session. in_position is the button while a get-ready waits for
// it (waiting_for_press()): the hold starts.
enum class Command { toggle_pause, skip, stop, in_position };

// A sound to play.
// due: one soft chime as a scheduled session's prompt appears (played by the controller).
enum class Cue { session_start, tick, switch_sides, hold_end, session_done, due };
// "session-start", "tick", ...: for the trace.
const char* cue_name(Cue cue);

// How a session ended.
enum class Outcome { completed, stopped };

// One phase of the flattened routine, precomputed at start so the session is a plain value.
struct Segment {
    Phase phase = Phase::get_ready;
    std::size_t step_index = 0;  // into the routine's steps
    Side side = Side::none;
    int repetition = 1;                  // 1-based
    Millis length{0};                    // a get-ready that waits for the button: press_timeout
    ReadyMode ready = ReadyMode::timed;  // get_ready only: press waits for the button
    Millis expected{0};  // a wait for the button: what it is likely to take, for the planned length
};

// What a transition produced: sounds to play, what to say and, at the end, how the session went.
struct SessionEvents {
    std::vector<Cue> cues;
    std::vector<Utterance> speech;  // in order; each replaces the one before
    std::optional<Outcome> ended;   // set once, on the transition into done
    bool changed = false;           // what the screen shows changed (beyond the countdown)

    void append(SessionEvents other);
};

struct StartedSession;

// What a get-ready that waits for the button says to do, on screen and spoken.
std::string press_when_in_position();

// The cues, in order:
// - session_start: only from Session::start (the constructor emits nothing, so a caller that
//   constructs a Session directly plays session_start itself);
// - tick at 3, 2 and 1 seconds left of each hold, each once; a hold that advance() jumps over
//   gets no ticks, only the tick of the second it lands in;
// - hold_end when a hold ends, by time or by skip (advance() reports every hold it crosses);
// - switch_sides on entering a switch_sides segment that is still current after the call (a
//   switch that a long jump went past is stale and stays silent);
// - session_done when the last segment ends or is skipped (Outcome::completed). A stop ends the
//   session silently (Outcome::stopped).
class Session {
  public:
    // Starts `routine` at `now`. `stretches` resolve the routine's steps (copied in); `streak_days`
    // lengthens the holds by the config's progression. `theme` and `entry_name` are for the view.
    Session(const Config& config, const Routine& routine, std::string entry_name, Theme theme,
            int streak_days, MonoTime now);

    // The same, with the first events: Cue::session_start (and, for a routine with nothing to do,
    // the end at once).
    static StartedSession start(const Config& config, const Routine& routine,
                                std::string entry_name, Theme theme, int streak_days, MonoTime now);

    // Moves time forward to `now` (never backward: earlier times are ignored). May cross several
    // segments at once, e.g. after the process was suspended.
    SessionEvents advance(MonoTime now);
    // Applies a command at `now`, after catching up with advance(now) (whose events are included).
    // toggle_pause keeps the time left exactly; skip ends the current segment now (while paused,
    // the next segment starts paused; skipping the last one completes the session); stop ends
    // the session as stopped. In done every command does nothing.
    SessionEvents apply(Command command, MonoTime now);

    Phase phase() const;
    bool paused() const { return paused_at_.has_value(); }
    // A get-ready that waits for the button (Command::in_position), running and not paused.
    bool waiting_for_press() const;
    bool finished() const;
    // Seconds actually spent stretching or resting, pauses excluded.
    std::chrono::seconds active_time(MonoTime now) const;
    // When the view next changes on its own (the next whole second of a countdown, or a phase
    // end); nullopt while paused or done.
    std::optional<MonoTime> next_deadline(MonoTime now) const;

    // What the screen shows at `now` (as if advanced to `now`). The hint is left empty: the
    // caller fills it with session_hint() (views.hpp), which knows the button's name.
    ScreenView view(MonoTime now) const;

    const std::string& entry_name() const { return entry_name_; }
    const std::string& routine_id() const { return routine_id_; }
    const std::string& routine_title() const { return routine_title_; }
    // How the session ended; nullopt while it runs.
    std::optional<Outcome> outcome() const { return outcome_; }
    // Total planned length, for "Morning stretch, 8 min".
    std::chrono::seconds planned_length() const;

    // The holds of the routine, and how many of them were held (ran out, or were skipped) before
    // it ended or now.
    int holds_planned() const;
    int holds_done() const;
    // Stopped after more than half of its holds: it counts as partly done.
    bool partly_done() const;
    // Takes a stopped session up again at `now` (an accidental long press): the step it was
    // stopped in starts again from its beginning, and the time in between is not active time.
    // Does nothing unless the session was stopped.
    SessionEvents carry_on(MonoTime now);

    const std::vector<Segment>& segments() const { return segments_; }

    // What was said on entering the current segment (for --render-screens): as advance() said
    // it when the segment began; nothing while paused.
    Utterance entry_speech() const;
    // Every phrase this session may say, each once, in order of first use: for synthesising
    // them all when it starts.
    std::vector<std::string> all_phrases() const;
    // What entering each segment says, segment by segment, repeats and all: for making a
    // session's phrases a few steps ahead of where it is instead of all at once.
    std::vector<std::vector<std::string>> phrases_by_step() const;

  private:
    // Makes segment `index` current from `at`, adding what entering it means to `events`.
    void enter(std::size_t index, MonoTime at, SessionEvents& events);
    // The tick for the second the current hold is in, if it is one of the last three.
    void tick(MonoTime now, SessionEvents& events);
    MonoTime clamped(MonoTime now) const { return now < latest_ ? latest_ : now; }
    MonoTime segment_end() const { return segment_start_ + segments_[current_].length; }
    // The views of one phase, at `now`, with the session up to date.
    ScreenView timed_view(MonoTime now) const;
    ScreenView paused_view(MonoTime now) const;
    ScreenView done_view() const;
    // The utterance for entering segment `index` at `at`, and the hold's calls due at `now`.
    Utterance speech_on_entering(std::size_t index, MonoTime at) const;
    void call(MonoTime now, SessionEvents& events);

    std::string entry_name_;
    std::string routine_id_;
    std::string routine_title_;
    Theme theme_;
    std::vector<Stretch> stretches_;  // one per routine step, resolved
    std::vector<Segment> segments_;
    std::size_t current_ = 0;
    MonoTime segment_start_;
    std::optional<MonoTime> paused_at_;
    MonoTime started_;
    Millis paused_total_{0};
    std::optional<Outcome> outcome_;
    std::optional<std::size_t> stopped_in_;  // the segment a stop ended, for carry_on()
    MonoTime latest_;    // the latest time seen: earlier ones are treated as this one
    int last_tick_ = 4;  // the fewest seconds left already ticked in the current hold
    int last_call_ = 0;  // the seconds left when the current hold's calls were last looked at
    bool entry_unspoken_ = false;  // entered while paused: spoken when the pause ends
};

// A session just started, with what starting it produced.
struct StartedSession {
    Session session;
    SessionEvents events;
};

// The planned length of a routine (for the due screen), with progression applied.
std::chrono::seconds routine_length(const Config& config, const Routine& routine, int streak_days);

}  // namespace sk
