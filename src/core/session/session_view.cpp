// session_view: what the screen says during a session, phase by phase.
#include <algorithm>

#include "core/session/pacing.hpp"
#include "core/session/session.hpp"
#include "core/time/duration_text.hpp"
#include "core/words/words.hpp"

namespace sk {
namespace {

using std::chrono::seconds;

std::string default_cue() {
    return tr("Stop at a gentle pull. Never strain.");
}

// The last seconds of a switch or a rest show what comes next: its picture (and, after a rest, its
// name).
constexpr seconds next_preview{5};

// Each side's line is written out whole: in many languages "left" and "the left leg" change with
// what stands around them.
std::string leg_heading(Side side) {
    return side == Side::left ? tr("Left leg") : tr("Right leg");
}

// `pattern` with the round's blanks: "Round {round} of {rounds}".
std::string round_text(const std::string& pattern, int repetition, int rounds) {
    return fill(pattern,
                {{"round", std::to_string(repetition)}, {"rounds", std::to_string(rounds)}});
}

// How many holds per side a routine step has.
int rounds_of(const std::vector<Segment>& segments, std::size_t step) {
    int rounds = 1;
    for (const Segment& segment : segments) {
        if (segment.step_index == step && segment.phase == Phase::hold) {
            rounds = std::max(rounds, segment.repetition);
        }
    }
    return rounds;
}

// Whether a routine step works both legs in turn.
bool alternates_legs(const std::vector<Segment>& segments, std::size_t step) {
    return std::any_of(segments.begin(), segments.end(),
                       [&](const Segment& segment) {
                           return segment.step_index == step && segment.phase == Phase::hold &&
                                  segment.side == Side::right;
                       }) &&
           std::any_of(segments.begin(), segments.end(), [&](const Segment& segment) {
               return segment.step_index == step && segment.phase == Phase::hold &&
                      segment.side == Side::left;
           });
}

// The pose of `stretch` with `side` at work; none when it has no picture.
std::optional<PosePicture> pose(const Stretch& stretch, Side side) {
    if (stretch.picture.source == Picture::Source::none) {
        return std::nullopt;
    }
    return PosePicture{stretch.picture, side};
}

}  // namespace

std::string press_when_in_position() {
    return tr("Press when you are in position");
}

ScreenView Session::view(MonoTime now) const {
    const MonoTime at = clamped(now);
    if (!paused() && !finished() && at >= segment_end()) {
        // The caller has not advanced yet: show what advancing would show.
        Session caught_up = *this;
        caught_up.advance(at);
        return caught_up.view(at);
    }
    ScreenView view = finished() ? done_view() : paused() ? paused_view(at) : timed_view(at);
    view.theme = theme_;
    return view;
}

ScreenView Session::timed_view(MonoTime now) const {
    const Segment& segment = segments_[current_];
    const Stretch& stretch = stretches_[segment.step_index];
    const int rounds = rounds_of(segments_, segment.step_index);

    ScreenView view;
    const auto left = std::max(segment_end() - now, MonoTime::duration{0});
    view.big_number = static_cast<int>(std::chrono::ceil<seconds>(left).count());
    view.show_progress = true;
    view.progress = segment.length.count() == 0
                        ? 1.0
                        : 1.0 - std::chrono::duration<double>(left) /
                                    std::chrono::duration<double>(segment.length);

    // The caution stays up through the whole stretch: it may mean "stop".
    view.caution = stretch.caution;
    switch (segment.phase) {
        case Phase::get_ready:
            view.kind = ScreenKind::get_ready;
            // The words that name each phase beside its countdown, so that a get-ready is never
            // taken for a hold.
            view.phase = tr("Get ready");
            view.heading = stretch.title;
            if (segment.side == Side::none) {
                view.subheading = tr("Get into position");
            } else if (alternates_legs(segments_, segment.step_index)) {
                view.subheading = segment.side == Side::left
                                      ? tr("Get into position, left leg first")
                                      : tr("Get into position, right leg first");
            } else {
                view.subheading = segment.side == Side::left
                                      ? tr("Get into position for the left leg")
                                      : tr("Get into position for the right leg");
            }
            view.body = stretch.steps;
            view.picture = pose(stretch, segment.side);
            if (segment.ready == ReadyMode::press) {
                // No countdown: the hold waits for the button (and, at the latest, its timeout).
                view.phase = press_when_in_position();
                view.big_number.reset();
                view.show_progress = false;
                // TRANSLATORS: where {duration} ends in an abbreviation's period ("2 Min."),
                // leave out the sentence's own.
                view.body.push_back(fill(tr("Starts by itself after {duration}."),
                                         {{"duration", format_duration_short(press_timeout)}}));
            }
            break;
        case Phase::hold:
            view.kind = ScreenKind::hold;
            view.phase = tr_c("phase", "Hold");
            view.heading = stretch.title;
            view.side = segment.side;
            view.picture = pose(stretch, segment.side);
            if (segment.side != Side::none) {
                view.subheading = leg_heading(segment.side);
            }
            view.body.push_back(stretch.cue.empty() ? default_cue() : stretch.cue);
            if (rounds > 1) {
                view.body.push_back(
                    round_text(tr("Round {round} of {rounds}"), segment.repetition, rounds));
            }
            break;
        case Phase::switch_sides:
            view.kind = ScreenKind::switch_sides;
            view.heading = tr("Switch legs");
            view.subheading =
                segment.side == Side::left ? tr("Now the left leg") : tr("Now the right leg");
            view.side = segment.side;
            // The same stretch comes next: its picture, on the new leg, says so (naming it again
            // would read as a new one).
            view.body.push_back(tr("Same stretch, other leg."));
            if (left <= next_preview) {
                view.picture = pose(stretch, segment.side);
            }
            break;
        case Phase::rest: {
            view.kind = ScreenKind::rest;
            view.heading = tr("Rest");
            view.subheading = tr("Relax and breathe");
            const Segment& next = segments_[current_ + 1];
            if (left <= next_preview) {
                const std::string round = next.side == Side::none ? tr("Round {round} of {rounds}")
                                          : next.side == Side::left
                                              ? tr("Round {round} of {rounds}, left leg")
                                              : tr("Round {round} of {rounds}, right leg");
                view.body = {fill(tr("Next: {stretch}"), {{"stretch", stretch.title}}),
                             round_text(round, next.repetition, rounds)};
                view.picture = pose(stretch, next.side);
            } else {
                const std::string round =
                    next.side == Side::none   ? tr("Next: round {round} of {rounds}")
                    : next.side == Side::left ? tr("Next: round {round} of {rounds}, left leg")
                                              : tr("Next: round {round} of {rounds}, right leg");
                view.body.push_back(round_text(round, next.repetition, rounds));
            }
            break;
        }
        case Phase::done:
            break;
    }
    return view;
}

ScreenView Session::paused_view(MonoTime now) const {
    // The countdown and the bar as they stood when the pause began.
    const MonoTime frozen = *paused_at_;
    ScreenView view = timed_view(std::min(frozen, now));
    const Segment& segment = segments_[current_];
    std::string doing;
    switch (segment.phase) {
        case Phase::get_ready:
            doing = tr("Getting ready");
            break;
        case Phase::hold:
            doing = segment.side == Side::none ? tr("Holding") : leg_heading(segment.side);
            if (const int rounds = rounds_of(segments_, segment.step_index); rounds > 1) {
                doing = fill(round_text(tr("{doing}, round {round} of {rounds}"),
                                        segment.repetition, rounds),
                             {{"doing", doing}});
            }
            break;
        case Phase::switch_sides:
            doing = segment.side == Side::left ? tr("Switching to the left leg")
                                               : tr("Switching to the right leg");
            break;
        case Phase::rest:
            doing = tr("Resting");
            break;
        case Phase::done:
            break;
    }
    view.kind = ScreenKind::paused;
    // The steps, to read again while paused, in the same type as getting ready.
    const Stretch& stretch = stretches_[segment.step_index];
    view.body = {stretch.title + " · " + doing};
    view.body.insert(view.body.end(), stretch.steps.begin(), stretch.steps.end());
    view.heading = tr("Paused");
    view.subheading = tr("Take your time");
    view.side = Side::none;
    view.phase.clear();
    if (!view.big_number) {
        // A wait for the button has no count to freeze: none is shown.
        view.show_progress = false;
    }
    view.caution = stretch.caution;
    return view;
}

ScreenView Session::done_view() const {
    ScreenView view;
    view.kind = ScreenKind::done;
    const bool completed = outcome_ != Outcome::stopped;
    view.heading = completed ? tr("Well done") : tr("Stopped early");
    view.subheading = entry_name_;
    const std::string& what = routine_title_.empty() ? routine_id_ : routine_title_;
    // active_time() of a finished session no longer depends on the time passed in.
    view.body.push_back(what + " · " + format_duration_short(active_time(segment_start_)));
    if (!completed) {
        // The words say what the record says: partly done keeps the day, less is not counted.
        view.body.push_back(fill(tr_n("{done} of {planned} hold done",
                                      "{done} of {planned} holds done", holds_planned()),
                                 {{"done", std::to_string(holds_done())},
                                  {"planned", std::to_string(holds_planned())}}));
        view.body.push_back(partly_done() ? tr("Counts as partly done")
                                          : tr("Not counted: stretch again later today"));
    }
    return view;
}

}  // namespace sk
