// session: the routine flattened into timed segments, and the state machine that walks them.
#include "core/session/session.hpp"

#include <algorithm>
#include <utility>

#include "core/session/pacing.hpp"

namespace sk {
namespace {

using std::chrono::seconds;

// A step whose stretch the config lacks (validation should prevent it) still runs, under its id.
Stretch resolve(const Config& config, const RoutineStep& step) {
    if (const Stretch* stretch = config.find_stretch(step.stretch)) {
        return *stretch;
    }
    Stretch fallback;
    fallback.id = step.stretch;
    fallback.title = step.stretch;
    return fallback;
}

std::vector<Side> sides_of(const Stretch& stretch, const RoutineStep& step) {
    if (stretch.laterality == Laterality::both_legs) {
        return {Side::none};
    }
    switch (step.sides) {
        case SideSelection::left:
            return {Side::left};
        case SideSelection::right:
            return {Side::right};
        case SideSelection::both:
            break;
    }
    return {Side::left, Side::right};
}

// Every segment of a routine, ending with done. Waits of zero length are left out; holds never.
std::vector<Segment> flatten(const Config& config, const Routine& routine,
                             const std::vector<Stretch>& stretches, int streak_days) {
    std::vector<Segment> segments;
    auto add = [&](Phase phase, std::size_t step, Side side, int repetition, seconds length,
                   ReadyMode ready = ReadyMode::timed, seconds expected = seconds{0}) {
        if (phase == Phase::hold || length > seconds{0}) {
            segments.push_back(Segment{phase, step, side, repetition, length, ready, expected});
        }
    };
    for (std::size_t index = 0; index < routine.steps.size(); ++index) {
        const RoutineStep& step = routine.steps[index];
        const Stretch& stretch = stretches[index];
        const Stretch* before = index == 0 ? nullptr : &stretches[index - 1];
        const std::vector<Side> sides = sides_of(stretch, step);
        const seconds hold = progressed_hold(config.session, step, streak_days);
        if (ready_mode(routine, stretch, before) == ReadyMode::press) {
            add(Phase::get_ready, index, sides.front(), 1, press_timeout, ReadyMode::press,
                get_ready_time(config.session, stretch, before));
        } else {
            add(Phase::get_ready, index, sides.front(), 1,
                get_ready_time(config.session, stretch, before));
        }
        for (int repetition = 1; repetition <= std::max(1, step.repetitions); ++repetition) {
            for (std::size_t side = 0; side < sides.size(); ++side) {
                if (side > 0) {
                    add(Phase::switch_sides, index, sides[side], repetition,
                        switch_sides_time(config.session, stretch));
                }
                add(Phase::hold, index, sides[side], repetition, hold);
            }
            if (repetition < step.repetitions) {
                add(Phase::rest, index, Side::none, repetition, step.rest);
            }
        }
    }
    Segment done;
    done.phase = Phase::done;
    done.step_index = routine.steps.empty() ? 0 : routine.steps.size() - 1;
    segments.push_back(done);
    return segments;
}

std::vector<Stretch> resolve_all(const Config& config, const Routine& routine) {
    std::vector<Stretch> stretches;
    for (const RoutineStep& step : routine.steps) {
        stretches.push_back(resolve(config, step));
    }
    return stretches;
}

seconds total_length(const std::vector<Segment>& segments) {
    Millis total{0};
    for (const Segment& segment : segments) {
        total += segment.ready == ReadyMode::press ? segment.expected : segment.length;
    }
    return std::chrono::duration_cast<seconds>(total);
}

}  // namespace

const char* cue_name(Cue cue) {
    switch (cue) {
        case Cue::session_start:
            return "session-start";
        case Cue::tick:
            return "tick";
        case Cue::switch_sides:
            return "switch-sides";
        case Cue::hold_end:
            return "hold-end";
        case Cue::session_done:
            return "session-done";
        case Cue::due:
            return "due";
    }
    return "unknown";
}

void SessionEvents::append(SessionEvents other) {
    cues.insert(cues.end(), other.cues.begin(), other.cues.end());
    speech.insert(speech.end(), std::make_move_iterator(other.speech.begin()),
                  std::make_move_iterator(other.speech.end()));
    if (other.ended) {
        ended = other.ended;
    }
    changed = changed || other.changed;
}

seconds routine_length(const Config& config, const Routine& routine, int streak_days) {
    return total_length(flatten(config, routine, resolve_all(config, routine), streak_days));
}

Session::Session(const Config& config, const Routine& routine, std::string entry_name, Theme theme,
                 int streak_days, MonoTime now)
    : entry_name_(std::move(entry_name)),
      routine_id_(routine.id),
      routine_title_(routine.title),
      theme_(theme),
      stretches_(resolve_all(config, routine)),
      segments_(flatten(config, routine, stretches_, streak_days)),
      segment_start_(now),
      started_(now),
      latest_(now),
      last_call_(static_cast<int>(std::chrono::ceil<seconds>(segments_.front().length).count())) {}

StartedSession Session::start(const Config& config, const Routine& routine, std::string entry_name,
                              Theme theme, int streak_days, MonoTime now) {
    StartedSession started{Session(config, routine, std::move(entry_name), theme, streak_days, now),
                           {}};
    started.events.cues.push_back(Cue::session_start);
    started.events.changed = true;
    if (!started.session.finished()) {
        started.events.speech.push_back(started.session.speech_on_entering(0, now));
    }
    started.events.append(started.session.advance(now));
    return started;
}

Phase Session::phase() const {
    return segments_[current_].phase;
}

bool Session::finished() const {
    return phase() == Phase::done;
}

bool Session::waiting_for_press() const {
    const Segment& segment = segments_[current_];
    return segment.phase == Phase::get_ready && segment.ready == ReadyMode::press && !paused();
}

seconds Session::planned_length() const {
    return total_length(segments_);
}

void Session::enter(std::size_t index, MonoTime at, SessionEvents& events) {
    current_ = index;
    segment_start_ = at;
    last_tick_ = 4;
    last_call_ = static_cast<int>(std::chrono::ceil<seconds>(segments_[index].length).count());
    events.changed = true;
    if (segments_[current_].phase == Phase::done && !outcome_) {
        outcome_ = Outcome::completed;
        events.ended = Outcome::completed;
        events.cues.push_back(Cue::session_done);
    }
}

void Session::tick(MonoTime now, SessionEvents& events) {
    if (phase() != Phase::hold) {
        return;
    }
    const auto left = std::chrono::ceil<seconds>(segment_end() - now);
    const int second = static_cast<int>(left.count());
    if (second >= 1 && second < last_tick_) {
        last_tick_ = second;
        events.cues.push_back(Cue::tick);
    }
}

SessionEvents Session::advance(MonoTime now) {
    SessionEvents events;
    now = clamped(now);
    latest_ = now;
    if (paused()) {
        return events;
    }
    if (finished()) {
        // Only a routine with nothing to do starts in done: it completes on the first look.
        if (!outcome_) {
            enter(current_, now, events);
            events.speech.push_back(speech_on_entering(current_, now));
        }
        return events;
    }
    std::size_t entered_switch = segments_.size();
    const std::size_t before = current_;
    while (!finished() && now >= segment_end()) {
        if (phase() == Phase::hold) {
            events.cues.push_back(Cue::hold_end);
        }
        const MonoTime end = segment_end();
        enter(current_ + 1, end, events);
        if (phase() == Phase::switch_sides) {
            entered_switch = current_;
        }
    }
    if (entered_switch == current_) {
        events.cues.push_back(Cue::switch_sides);
    }
    if (current_ != before) {
        // Only the segment that is current is spoken: what a long jump went past is stale.
        events.speech.push_back(speech_on_entering(current_, segment_start_));
    }
    tick(now, events);
    call(now, events);
    return events;
}

SessionEvents Session::apply(Command command, MonoTime now) {
    SessionEvents events = advance(now);
    now = latest_;
    if (finished()) {
        return events;
    }
    switch (command) {
        case Command::toggle_pause:
            if (paused_at_) {
                const auto paused_for = now - *paused_at_;
                segment_start_ += paused_for;
                paused_total_ += std::chrono::duration_cast<Millis>(paused_for);
                paused_at_.reset();
                if (entry_unspoken_) {
                    entry_unspoken_ = false;
                    events.speech.push_back(speech_on_entering(current_, now));
                }
            } else {
                paused_at_ = now;
                events.speech.push_back(Utterance{SpeechMoment::paused, now, Millis{0}, {}});
            }
            events.changed = true;
            break;
        case Command::in_position:
            if (!waiting_for_press()) {
                break;
            }
            // In position: the hold starts now, as a skip would start it.
            [[fallthrough]];
        case Command::skip: {
            if (phase() == Phase::hold) {
                events.cues.push_back(Cue::hold_end);
            }
            const bool was_paused = paused();
            if (was_paused) {
                paused_total_ += std::chrono::duration_cast<Millis>(now - *paused_at_);
                paused_at_.reset();
            }
            enter(current_ + 1, now, events);
            if (phase() == Phase::switch_sides) {
                events.cues.push_back(Cue::switch_sides);
            }
            if (was_paused && !finished()) {
                paused_at_ = now;
                entry_unspoken_ = true;
            } else {
                entry_unspoken_ = false;
                events.speech.push_back(speech_on_entering(current_, now));
                tick(now, events);
            }
            break;
        }
        case Command::stop:
            if (paused_at_) {
                paused_total_ += std::chrono::duration_cast<Millis>(now - *paused_at_);
                paused_at_.reset();
            }
            outcome_ = Outcome::stopped;
            events.ended = Outcome::stopped;
            stopped_in_ = current_;
            enter(segments_.size() - 1, now, events);
            events.speech.push_back(speech_on_entering(current_, now));
            break;
    }
    return events;
}

seconds Session::active_time(MonoTime now) const {
    MonoTime until = clamped(now);
    if (finished()) {
        until = segment_start_;  // the instant the session ended
    } else if (paused_at_) {
        until = *paused_at_;
    }
    return std::chrono::duration_cast<seconds>(until - started_ - paused_total_);
}

std::optional<MonoTime> Session::next_deadline(MonoTime now) const {
    if (paused() || finished()) {
        return std::nullopt;
    }
    now = clamped(now);
    const MonoTime end = segment_end();
    if (now >= end) {
        return now;  // overdue: advance now
    }
    if (waiting_for_press()) {
        return end;  // no countdown shows: nothing changes until the press or the timeout
    }
    // The countdown shows whole seconds rounded up: it changes when the time left is whole.
    const auto into_second = (end - now) % seconds{1};
    return now + (into_second.count() == 0 ? seconds{1} : into_second);
}

int Session::holds_planned() const {
    return static_cast<int>(std::count_if(segments_.begin(), segments_.end(),
                                          [](const Segment& s) { return s.phase == Phase::hold; }));
}

int Session::holds_done() const {
    const std::size_t until = stopped_in_ ? *stopped_in_ : current_;
    return static_cast<int>(std::count_if(segments_.begin(),
                                          segments_.begin() + static_cast<std::ptrdiff_t>(until),
                                          [](const Segment& s) { return s.phase == Phase::hold; }));
}

bool Session::partly_done() const {
    return outcome_ == Outcome::stopped && holds_done() * 2 > holds_planned();
}

SessionEvents Session::carry_on(MonoTime now) {
    SessionEvents events;
    if (outcome_ != Outcome::stopped || !stopped_in_) {
        return events;
    }
    now = clamped(now);
    latest_ = now;
    // The stopped screen's time is a pause: segment_start_ is the instant the stop came.
    paused_total_ += std::chrono::duration_cast<Millis>(now - segment_start_);
    const std::size_t index = *stopped_in_;
    stopped_in_.reset();
    outcome_.reset();
    entry_unspoken_ = false;
    enter(index, now, events);
    events.speech.push_back(speech_on_entering(current_, now));
    return events;
}

}  // namespace sk
