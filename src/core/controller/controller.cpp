#include "core/controller/controller.hpp"

#include <algorithm>
#include <set>

#include "core/schedule/schedule.hpp"
#include "core/screens/views.hpp"
#include "core/words/words.hpp"

namespace sk {
namespace {

using std::chrono::seconds;

// How long the done screen stays before the idle screen returns.
constexpr seconds done_screen_completed{60};
// A stopped session's screen offers to carry on this long (an accidental long press).
constexpr seconds done_screen_stopped{15};
// A session that ran by itself asks this long for a press to confirm someone stretched: time
// to get up off the floor and reach the button.
constexpr seconds done_screen_confirm{120};
// How long a press wakes a dark idle screen.
constexpr seconds wake_time{60};

std::vector<HistoryMark> history_marks(const std::vector<HistoryRecord>& history) {
    std::vector<HistoryMark> marks;
    marks.reserve(history.size());
    for (const auto& record : history) {
        marks.push_back(
            {record.start, record.occurrence,
             record.outcome == RecordOutcome::missed ? MarkKind::missed : MarkKind::session});
    }
    return marks;
}

}  // namespace

std::vector<SessionVoice> voices_of(const Config& config) {
    std::vector<std::string> phrases;
    for (const Routine& routine : config.routines) {
        const Session session(config, routine, "", Theme::day, 0, MonoTime{});
        for (std::string& text : session.all_phrases()) {
            if (std::find(phrases.begin(), phrases.end(), text) == phrases.end()) {
                phrases.push_back(std::move(text));
            }
        }
    }
    std::vector<SessionVoice> voices;
    auto add = [&](const VoiceSettings& voice) {
        const bool known = std::any_of(voices.begin(), voices.end(), [&](const SessionVoice& v) {
            return v.settings.voice == voice.voice &&
                   v.settings.words_per_minute == voice.words_per_minute;
        });
        if (voice.enabled && !known) {
            voices.push_back(SessionVoice{voice, phrases, {}});
        }
    };
    add(config.voice);
    for (const ScheduleEntry& entry : config.schedule) {
        add(entry.voice.applied_to(config.voice));
    }
    return voices;
}

void Effects::append(Effects other) {
    cues.insert(cues.end(), other.cues.begin(), other.cues.end());
    speech.insert(speech.end(), std::make_move_iterator(other.speech.begin()),
                  std::make_move_iterator(other.speech.end()));
    if (other.voice) {
        voice = std::move(other.voice);
    }
    records.insert(records.end(), std::make_move_iterator(other.records.begin()),
                   std::make_move_iterator(other.records.end()));
    if (other.volume) {
        volume = other.volume;
    }
    if (other.power) {
        power = other.power;
    }
    quit = quit || other.quit;
    notes.insert(notes.end(), std::make_move_iterator(other.notes.begin()),
                 std::make_move_iterator(other.notes.end()));
}

Controller::Controller(Config config, Zone zone, std::vector<HistoryRecord> history, RunMode mode,
                       std::string button_name)
    : planner_(std::move(config), zone, history_marks(history)),
      history_(std::move(history)),
      mode_(mode),
      button_name_(std::move(button_name)) {
    // A session that was running when the kiosk died has a `started` record and nothing after it:
    // close it as stopped, so the history and the stats tell the truth.
    for (std::size_t i = 0; i < history_.size(); ++i) {
        if (history_[i].outcome != RecordOutcome::started) {
            continue;
        }
        bool closed = std::any_of(history_.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                  history_.end(), [&](const HistoryRecord& later) {
                                      return later.outcome != RecordOutcome::started &&
                                             same_session(later, history_[i]);
                                  });
        if (!closed) {
            HistoryRecord end = history_[i];
            end.outcome = RecordOutcome::stopped;
            pending_.records.push_back(end);
        }
    }
    history_.insert(history_.end(), pending_.records.begin(), pending_.records.end());
    for (const HistoryRecord& end : pending_.records) {
        planner_.settle(end.occurrence, end.start);
    }
}

Effects Controller::record(HistoryRecord record, SysSeconds written) {
    planner_.settle(record.occurrence, std::max(record.start, written));
    history_.push_back(record);
    stats_cache_.reset();
    Effects effects;
    effects.records.push_back(std::move(record));
    return effects;
}

Effects Controller::set_power(ScreenPower power) {
    Effects effects;
    if (power != power_) {
        power_ = power;
        effects.power = power;
    }
    return effects;
}

bool Controller::taken(const std::string& occurrence_key) const {
    return planner_.settled(occurrence_key);
}

std::vector<std::string> Controller::clock_notes(const ClockState& state, std::size_t set_aside,
                                                 SysSeconds now) const {
    std::vector<std::string> notes;
    const Zone& zone = planner_.zone();
    const std::string fix =
        "if the clock is wrong, set it (timedatectl set-time 'YYYY-MM-DD HH:MM') or turn on "
        "network time (timedatectl set-ntp true)";
    if (set_aside > 0) {
        notes.push_back("the clock is synchronised: " + std::to_string(set_aside) +
                        (set_aside == 1 ? " history record" : " history records") +
                        " dated after it, up to " + format_iso(*state.history_ahead, zone) +
                        ", were written while the clock was wrong and no longer count");
    }
    const bool held = state.trust == ClockTrust::untrusted;
    const bool was_held = clock_.trust == ClockTrust::untrusted;
    const bool ahead = !held && state.history_ahead && state.sync == ClockSync::unsynchronised;
    const bool was_ahead =
        !was_held && clock_.history_ahead && clock_.sync == ClockSync::unsynchronised;
    if (held && !was_held) {
        notes.push_back("the clock reads " + format_iso(now, zone) +
                        ", earlier than the newest history record (" +
                        format_iso(*state.history_ahead, zone) + ", " +
                        rough_span(*state.history_ahead - now) +
                        " later): no session is offered or missed until the clock passes it or "
                        "is synchronised; " +
                        fix);
    } else if (ahead && !was_ahead) {
        notes.push_back(
            "the history holds records up to " + format_iso(*state.history_ahead, zone) + ", " +
            rough_span(*state.history_ahead - now) + " after the clock (" + format_iso(now, zone) +
            "): too far ahead to wait for, they are set aside and sessions follow the "
            "clock; " +
            fix);
    } else if (!held && !ahead && (was_held || was_ahead)) {
        notes.push_back("the clock is no longer behind the history: sessions follow it again");
    }
    return notes;
}

Stats Controller::stats(SysSeconds now) const {
    Date today = date_of(planner_.zone().to_local(now));
    if (!stats_cache_ || stats_cache_->first != today) {
        stats_cache_ = std::pair{today, compute_stats(config(), planner_.zone(), history_, now)};
    }
    return stats_cache_->second;
}

const ScheduleEntry* Controller::nearest_entry(SysSeconds now) const {
    // The entry whose time of day is closest to now: at 06:50 the morning one, at 22:00 bedtime.
    const auto& schedule = config().schedule;
    if (schedule.empty()) {
        return nullptr;
    }
    auto local = planner_.zone().to_local(now);
    auto minute_of_day =
        std::chrono::duration_cast<Minutes>(local - std::chrono::floor<std::chrono::days>(local));
    auto distance = [&](const ScheduleEntry& entry) {
        auto d = entry.time.since_midnight - minute_of_day;
        auto a = d < Minutes{0} ? -d : d;
        return std::min(a, Minutes{24 * 60} - a);
    };
    return &*std::min_element(schedule.begin(), schedule.end(), [&](const auto& a, const auto& b) {
        return distance(a) < distance(b);
    });
}

std::optional<Occurrence> Controller::late_occurrence(const std::string& routine_id,
                                                      SysSeconds now) const {
    const Zone& zone = planner_.zone();
    const Date today = date_of(zone.to_local(now));
    auto passed = occurrences_between(config(), zone, now - std::chrono::hours{26}, now);
    for (auto occurrence = passed.rbegin(); occurrence != passed.rend(); ++occurrence) {
        const bool of_today = date_of(zone.to_local(occurrence->instant)) == today;
        const bool of_routine =
            routine_id.empty() || config().schedule[occurrence->entry_index].routine == routine_id;
        // Only an occurrence the kiosk offered (and recorded as missed, stopped, partly done or
        // unattended), never one from before it was running, and never one done.
        const std::string key = occurrence->key();
        bool offered = false;
        bool done = false;
        for (const HistoryRecord& record : history_) {
            if (record.occurrence == key) {
                offered = true;
                done = done || record.outcome == RecordOutcome::completed;
            }
        }
        if (of_today && of_routine && offered && !done) {
            return *occurrence;
        }
    }
    return std::nullopt;
}

Effects Controller::begin_session(const Routine& routine, const ScheduleEntry* entry,
                                  std::string entry_name, std::string occurrence, Instant now,
                                  HowStarted how) {
    const Theme theme = entry ? entry->theme : Theme::day;
    Effects effects = set_power(ScreenPower::on);
    StartedSession started =
        Session::start(config(), config().routine_for(routine, entry), entry_name, theme,
                       stats(now.wall).practice_days, now.mono);
    session_.emplace(std::move(started.session));
    session_occurrence_ = occurrence;
    session_wall_start_ = now.wall;
    session_theme_ = theme;
    session_pressed_ = how == HowStarted::by_press;
    to_confirm_.reset();
    done_until_.reset();
    due_.reset();
    awake_until_.reset();
    effects.volume = entry && entry->volume ? *entry->volume : config().audio.volume;
    effects.voice = SessionVoice{entry ? entry->voice.applied_to(config().voice) : config().voice,
                                 session_->all_phrases(), session_->phrases_by_step()};
    if (how == HowStarted::by_itself) {
        for (Phrase& phrase : confirm_phrases(button_name_)) {
            effects.voice->phrases.push_back(std::move(phrase.text));
        }
    }
    effects.append(record(HistoryRecord{now.wall, planner_.zone().offset_at(now.wall), occurrence,
                                        entry_name, routine.id, RecordOutcome::started, seconds{0}},
                          now.wall));
    effects.append(session_effects(std::move(started.events), now));
    return effects;
}

Effects Controller::session_effects(SessionEvents events, Instant now) {
    Effects effects;
    effects.cues = std::move(events.cues);
    effects.speech = std::move(events.speech);
    if (events.ended) {
        Effects end = finish_session(*events.ended, now);
        if (!end.speech.empty()) {
            // The end has words of its own (the confirm question): said instead of the session's.
            std::erase_if(effects.speech, [](const Utterance& utterance) {
                return utterance.moment == SpeechMoment::done;
            });
        }
        effects.append(std::move(end));
    }
    return effects;
}

Effects Controller::finish_session(Outcome outcome, Instant now) {
    RecordOutcome kind = RecordOutcome::completed;
    seconds shown = done_screen_completed;
    if (outcome == Outcome::stopped) {
        kind = session_->partly_done() ? RecordOutcome::partly : RecordOutcome::stopped;
        shown = done_screen_stopped;
    } else if (!session_pressed_) {
        kind = RecordOutcome::unattended;
        shown = done_screen_confirm;
    }
    HistoryRecord end{session_wall_start_,
                      planner_.zone().offset_at(session_wall_start_),
                      session_occurrence_,
                      session_->entry_name(),
                      session_->routine_id(),
                      kind,
                      session_->active_time(now.mono)};
    Effects effects;
    if (kind == RecordOutcome::unattended) {
        // Written now, so a power cut leaves the truth; a confirmation adds `completed`.
        to_confirm_ = end;
        // Said instead of "Well done": the question is for someone lying on the floor with
        // the eyes closed, too.
        effects.speech.push_back(Utterance{SpeechMoment::done, now.mono, done_screen_confirm,
                                           confirm_phrases(button_name_)});
    }
    done_until_ = now.mono + shown;
    effects.append(record(std::move(end), now.wall));
    return effects;
}

DoneOffer Controller::done_offer(MonoTime now) const {
    if (!session_ || !session_->finished() || !done_until_) {
        return {};
    }
    const auto left = std::max(std::chrono::ceil<seconds>(*done_until_ - now), seconds{0});
    if (to_confirm_) {
        return {DoneOffer::Kind::confirm, left};
    }
    if (session_->outcome() == Outcome::stopped) {
        return {DoneOffer::Kind::carry_on, left};
    }
    return {};
}

Effects Controller::press_on_done(Instant now) {
    Effects effects;
    switch (done_offer(now.mono).kind) {
        case DoneOffer::Kind::confirm: {
            // Someone is there: the same session, now completed (the best record of it counts).
            HistoryRecord confirmed = *to_confirm_;
            confirmed.outcome = RecordOutcome::completed;
            to_confirm_.reset();
            done_until_ = now.mono + done_screen_completed;
            effects.append(record(std::move(confirmed), now.wall));
            effects.notes.push_back("the session that started by itself was confirmed");
            break;
        }
        case DoneOffer::Kind::carry_on:
            // One session still: the same start, so its end replaces the stop in the history.
            done_until_.reset();
            session_pressed_ = true;
            effects.append(session_effects(session_->carry_on(now.mono), now));
            effects.notes.push_back("the stopped session carries on");
            break;
        case DoneOffer::Kind::close:
            session_.reset();
            done_until_.reset();
            break;
    }
    return effects;
}

Effects Controller::tick(Instant now) {
    Effects effects = std::move(pending_);
    pending_ = {};

    if (session_ && !session_->finished()) {
        effects.append(session_effects(session_->advance(now.mono), now));
    }
    if (session_ && session_->finished() && done_until_ && now.mono >= *done_until_) {
        session_.reset();
        done_until_.reset();
        to_confirm_.reset();
    }
    if (awake_until_ && now.mono >= *awake_until_) {
        awake_until_.reset();
    }

    PlannerUpdate update = planner_.update(now.wall);
    const ClockState clock{update.clock, planner_.clock_sync(), update.history_ahead};
    effects.notes = clock_notes(clock, update.set_aside, now.wall);
    clock_ = clock;
    next_check_ = update.next_check;
    for (const auto& missed : update.missed) {
        const ScheduleEntry& entry = config().schedule[missed.entry_index];
        effects.append(record(
            HistoryRecord{missed.instant, planner_.zone().offset_at(missed.instant), missed.key(),
                          missed.entry_name, entry.routine, RecordOutcome::missed, seconds{0}},
            now.wall));
        if (due_ && due_->key() == missed.key()) {
            due_.reset();
        }
    }
    if (!session_) {
        if (update.due && (!due_ || due_->key() != update.due->key())) {
            due_since_ = now.wall;
            // One soft chime as the prompt appears, at the entry's volume.
            const ScheduleEntry& entry = config().schedule[update.due->entry_index];
            effects.volume = entry.volume ? *entry.volume : config().audio.volume;
            effects.cues.push_back(Cue::due);
        }
        due_ = update.due;
        if (due_ && update.start_now) {
            const ScheduleEntry& entry = config().schedule[due_->entry_index];
            if (const Routine* routine = config().find_routine(entry.routine)) {
                effects.append(begin_session(*routine, &entry, entry.name, due_->key(), now,
                                             HowStarted::by_itself));
            }
        }
    }

    bool showing_something = session_ || due_ || awake_until_;
    if (config().display.idle == IdleScreen::off) {
        effects.append(set_power(showing_something ? ScreenPower::on : ScreenPower::off));
    }
    if (mode_ == RunMode::one_session && !session_ && !due_) {
        // Timer mode: the timer started us at the time; once nothing is due or running, we are
        // done.
        effects.quit = true;
    }
    return effects;
}

Effects Controller::input(Input what, Instant now) {
    Effects effects;
    bool running = session_running();
    if (running) {
        session_pressed_ = true;  // any key during a session says someone is there
    }
    switch (what) {
        case Input::button:
            if (running) {
                // Waiting for "in position", the press starts the hold; else it pauses or resumes.
                const Command command =
                    session_->waiting_for_press() ? Command::in_position : Command::toggle_pause;
                effects.append(session_effects(session_->apply(command, now.mono), now));
            } else if (session_) {
                effects.append(press_on_done(now));
            } else if (due_) {
                const ScheduleEntry& entry = config().schedule[due_->entry_index];
                if (const Routine* routine = config().find_routine(entry.routine)) {
                    effects.append(begin_session(*routine, &entry, entry.name, due_->key(), now));
                }
            } else if (config().display.idle != IdleScreen::clock && !awake_until_) {
                // A dark mirror: the first press lights the idle screen, the next one starts.
                awake_until_ = now.mono + wake_time;
                effects.append(set_power(ScreenPower::on));
            } else {
                effects.append(start_now({}, now));
            }
            break;
        case Input::long_press:
        case Input::stop:
            if (running) {
                effects.append(session_effects(session_->apply(Command::stop, now.mono), now));
            } else if (session_) {
                session_.reset();  // closed: an unconfirmed session stays unattended
                done_until_.reset();
                to_confirm_.reset();
            } else if (due_ && what == Input::stop) {
                // Declined: recorded as missed, never offered again.
                const ScheduleEntry& entry = config().schedule[due_->entry_index];
                effects.append(
                    record(HistoryRecord{due_->instant, planner_.zone().offset_at(due_->instant),
                                         due_->key(), due_->entry_name, entry.routine,
                                         RecordOutcome::missed, seconds{0}},
                           now.wall));
                due_.reset();
            }
            break;
        case Input::skip:
            if (running) {
                effects.append(session_effects(session_->apply(Command::skip, now.mono), now));
            }
            break;
    }
    return effects;
}

Effects Controller::start_now(const std::string& routine_id, Instant now) {
    if (session_running()) {
        return {};
    }
    const ScheduleEntry* entry = nearest_entry(now.wall);
    const Routine* routine = nullptr;
    if (!routine_id.empty()) {
        routine = config().find_routine(routine_id);
    } else if (entry) {
        routine = config().find_routine(entry->routine);
    }
    if (!routine && !config().routines.empty()) {
        routine = &config().routines.front();
    }
    if (!routine) {
        return {};
    }
    // A session started by hand shortly before a scheduled one takes its place, so the prompt
    // does not come up again minutes after the stretches are done.
    std::string occurrence;
    std::string name = tr("Stretch now");
    if (due_) {
        occurrence = due_->key();
        name = due_->entry_name;
    } else {
        for (const auto& next : next_occurrences(config(), planner_.zone(), now.wall, 4)) {
            bool soon = next.instant - now.wall <= config().session.prompt_window;
            if (soon && !taken(next.key()) &&
                config().schedule[next.entry_index].routine == routine->id) {
                occurrence = next.key();
                name = next.entry_name;
                break;
            }
        }
    }
    if (occurrence.empty()) {
        // Later the same day: the session makes up for today's entry that was not done (the
        // morning's, done at noon), with that entry's routine unless one was asked for.
        if (auto late = late_occurrence(routine_id, now.wall)) {
            occurrence = late->key();
            name = late->entry_name;
            entry = &config().schedule[late->entry_index];
            if (const Routine* its_own = config().find_routine(entry->routine);
                its_own && routine_id.empty()) {
                routine = its_own;
            }
        }
    }
    return begin_session(*routine, entry, name, occurrence, now);
}

Effects Controller::shutdown(Instant now) {
    Effects effects;
    if (session_running()) {
        SessionEvents events = session_->apply(Command::stop, now.mono);
        if (events.ended) {
            effects.append(finish_session(*events.ended, now));
        }
    }
    return effects;
}

void Controller::reconfigure(Config config, Zone zone) {
    planner_.reconfigure(std::move(config), zone);
    stats_cache_.reset();
    // A due prompt from the old schedule may no longer exist; the next tick decides again.
    if (!session_) {
        due_.reset();
    }
}

ScreenView Controller::view(Instant now) const {
    ScreenView view;
    if (session_ && session_->finished()) {
        const DoneOffer offer = done_offer(now.mono);
        view = done_view(*session_, now.mono, stats(now.wall), offer, button_name_);
        view.hint = session_hint(*session_, button_name_, skip_key_name(config().keys), offer);
    } else if (session_) {
        view = session_->view(now.mono);
        view.hint = session_hint(*session_, button_name_, skip_key_name(config().keys));
    } else if (due_) {
        const ScheduleEntry& entry = config().schedule[due_->entry_index];
        const Routine* routine = config().find_routine(entry.routine);
        const int practice_days = stats(now.wall).practice_days;
        const std::optional<Routine> skipped =
            routine ? std::optional<Routine>(config().routine_for(*routine, &entry)) : std::nullopt;
        auto length = skipped ? routine_length(config(), *skipped, practice_days) : seconds{0};
        std::optional<seconds> auto_start_in;
        if (config().session.start == StartMode::automatic && due_since_) {
            auto left = *due_since_ + config().session.auto_start_after - now.wall;
            auto_start_in = std::max(left, seconds{0});
        }
        view = due_view(config(), *due_, length, auto_start_in, button_name_);
        view.theme = entry.theme;
        // The clock stays in sight while the prompt waits.
        view.subheading = clock_text(zone(), now.wall) + " · " + view.subheading;
        if (skipped) {
            view.body.push_back(holds_today_line(config(), *skipped, practice_days));
        }
    } else if (config().display.idle != IdleScreen::clock && !awake_until_) {
        view.kind = ScreenKind::dark;
    } else {
        std::optional<Occurrence> next;
        for (auto& candidate : next_occurrences(config(), planner_.zone(), now.wall, 4)) {
            if (!taken(candidate.key())) {
                next = candidate;
                break;
            }
        }
        view = idle_view(config(), planner_.zone(), now.wall, next, stats(now.wall), button_name_,
                         clock_);
    }
    view.banner = banner_.empty() ? problem_ : banner_;
    return view;
}

Controller::Deadlines Controller::next_deadlines(Instant now) const {
    // The idle clock shows minutes: wake at the next whole minute.
    auto minute = std::chrono::floor<Minutes>(now.wall) + Minutes{1};
    Deadlines deadlines{minute, std::nullopt};
    deadlines.wall = std::min(deadlines.wall, std::max(next_check_, now.wall + seconds{1}));
    if (due_ && config().session.start == StartMode::automatic) {
        // The due screen counts down to the automatic start each second.
        deadlines.wall = std::min(deadlines.wall, now.wall + seconds{1});
    }
    auto earliest = [&](std::optional<MonoTime> candidate) {
        if (candidate && (!deadlines.mono || *candidate < *deadlines.mono)) {
            deadlines.mono = candidate;
        }
    };
    if (session_ && !session_->finished()) {
        earliest(session_->next_deadline(now.mono));
    }
    earliest(done_until_);
    if (done_offer(now.mono).kind != DoneOffer::Kind::close) {
        // The offer counts down each second.
        const auto into_second = (*done_until_ - now.mono) % seconds{1};
        earliest(now.mono + (into_second.count() <= 0 ? Millis{seconds{1}} : into_second));
    }
    earliest(awake_until_);
    return deadlines;
}

}  // namespace sk
