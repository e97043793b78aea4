#include "core/controller/screen_samples.hpp"

#include <algorithm>

#include "core/controller/controller.hpp"
#include "core/schedule/schedule.hpp"
#include "core/screens/views.hpp"
#include "core/session/session.hpp"
#include "core/words/words.hpp"

namespace sk {
namespace {

using namespace std::chrono_literals;

// A routine that passes through every phase: get ready, both legs, a switch, and a rest between
// two rounds. Uses the config's first per-leg stretch (any stretch if none is per leg).
Routine showcase_routine(const Config& config) {
    auto per_leg = std::find_if(config.stretches.begin(), config.stretches.end(),
                                [](const auto& s) { return s.laterality == Laterality::per_leg; });
    const Stretch& stretch =
        per_leg != config.stretches.end() ? *per_leg : config.stretches.front();
    return Routine{
        "sample", tr("Sample routine"), {{stretch.id, 30s, 30s, SideSelection::both, 2, 10s}}};
}

// The instant `fraction` of the way through the first segment in `phase` (after `skip` such).
MonoTime into_phase(const Session& session, MonoTime start, Phase phase, double fraction,
                    int skip = 0) {
    MonoTime at = start;
    for (const auto& segment : session.segments()) {
        if (segment.phase == phase && skip-- == 0) {
            return at + std::chrono::duration_cast<Millis>(segment.length * fraction);
        }
        at += segment.length;
    }
    return at;
}

// The stretch's key as part of a file name: as it is, but for the one character a name cannot hold.
std::string file_name_part(std::string id) {
    std::replace(id.begin(), id.end(), '/', '-');
    return id;
}

// get-ready-<stretch> and hold-<stretch> for every stretch, by day (a per-leg one on its left leg):
// each stretch's own screens, with its picture and what is said, to be looked at one by one.
void add_stretch_samples(std::vector<SampleScreen>& screens, const Config& config,
                         const std::string& entry_name, MonoTime start,
                         const std::string& button_name) {
    for (const Stretch& stretch : config.stretches) {
        const Routine routine{
            "sample", tr("Sample routine"), {{stretch.id, 30s, 30s, SideSelection::both, 1, 10s}}};
        const Session session =
            Session::start(config, routine, entry_name, Theme::day, 0, start).session;
        for (const auto& [phase, name] :
             {std::pair{Phase::get_ready, "get-ready-"}, std::pair{Phase::hold, "hold-"}}) {
            const MonoTime at = into_phase(session, start, phase, phase == Phase::hold ? 0.4 : 0.3);
            ScreenView view = session.view(at);
            view.hint = session_hint(session, button_name, skip_key_name(config.keys));
            // What was said as this screen's step began.
            Session there = session;
            there.advance(at);
            screens.push_back({name + file_name_part(stretch.id), view, there.entry_speech()});
        }
    }
}

}  // namespace

std::vector<SampleScreen> sample_screens(const Config& config, const Zone& zone, SysSeconds now,
                                         const std::string& button_name) {
    std::vector<SampleScreen> screens;
    const MonoTime start = MonoTime{} + 100h;

    // Today's sessions up to now were done: the idle screen shows them ticked off, not due.
    std::vector<HistoryRecord> done_today;
    for (const auto& occurrence : occurrences_between(config, zone, now - 24h, now)) {
        done_today.push_back({occurrence.instant, zone.offset_at(occurrence.instant),
                              occurrence.key(), occurrence.entry_name,
                              config.schedule[occurrence.entry_index].routine,
                              RecordOutcome::completed, 4min});
    }
    Controller idle(config, zone, done_today, RunMode::always_on, button_name);
    idle.tick({now, start});
    screens.push_back({"idle", idle.view({now, start}), {}});

    if (!config.schedule.empty()) {
        auto next = next_occurrences(config, zone, now, 1);
        if (!next.empty()) {
            Controller due(config, zone, {}, RunMode::always_on, button_name);
            Instant at{next.front().instant, start};
            due.tick(at);
            screens.push_back({"due", due.view(at), {}});
        }
        // The due screen of every routine the schedule runs (each routine's own cautions).
        std::vector<std::string> shown;
        for (const auto& occurrence :
             next_occurrences(config, zone, now, 7 * config.schedule.size())) {
            const std::string& routine = config.schedule[occurrence.entry_index].routine;
            if (std::find(shown.begin(), shown.end(), routine) != shown.end()) {
                continue;
            }
            shown.push_back(routine);
            Controller due(config, zone, {}, RunMode::always_on, button_name);
            Instant at{occurrence.instant, start};
            due.tick(at);
            screens.push_back({"due-" + file_name_part(routine), due.view(at), {}});
        }
    }

    if (!config.stretches.empty()) {
        Routine routine = showcase_routine(config);
        for (Theme theme : {Theme::day, Theme::night}) {
            const char* suffix = theme == Theme::night ? "-night" : "";
            Session session = Session::start(config, routine,
                                             config.schedule.empty() ? tr("Stretch now")
                                                                     : config.schedule.front().name,
                                             theme, 0, start)
                                  .session;
            auto shot = [&](const std::string& name, const Session& s, MonoTime at) {
                ScreenView view = s.view(at);
                view.hint = session_hint(s, button_name, skip_key_name(config.keys));
                // What was said as this screen's step began.
                Session there = s;
                there.advance(at);
                screens.push_back({name + suffix, view, there.entry_speech()});
            };
            shot("get-ready", session, into_phase(session, start, Phase::get_ready, 0.3));
            shot("hold", session, into_phase(session, start, Phase::hold, 0.4));
            if (theme == Theme::night) {
                continue;
            }
            shot("switch-sides", session, into_phase(session, start, Phase::switch_sides, 0.2));
            shot("rest", session, into_phase(session, start, Phase::rest, 0.3));

            Session paused = session;
            MonoTime pause_at = into_phase(paused, start, Phase::hold, 0.6, 1);
            paused.apply(Command::toggle_pause, pause_at);
            shot("paused", paused, pause_at + 5s);

            // The same routine waiting for the button before its first hold.
            Routine pressed = routine;
            pressed.ready = ReadyMode::press;
            Session waiting =
                Session::start(config, pressed, session.entry_name(), theme, 0, start).session;
            shot("get-ready-press", waiting, start + 20s);

            Session done = session;
            MonoTime end = into_phase(done, start, Phase::done, 0.0) + 1s;
            done.advance(end);
            Stats stats;
            stats.streak_days = 4;
            screens.push_back({"done", done_view(done, end, stats), done.entry_speech()});

            // The same session had it started by itself: the done screen asks for a press.
            const DoneOffer confirm{DoneOffer::Kind::confirm, 105s};
            ScreenView unattended = done_view(done, end, stats, confirm, button_name);
            unattended.hint = session_hint(done, button_name, {}, confirm);
            screens.push_back(
                {"done-confirm", unattended,
                 Utterance{SpeechMoment::done, end, 2min, confirm_phrases(button_name)}});

            // Stopped by a long press: after most of the holds (partly done), and early on;
            // each offers to carry on.
            const DoneOffer carry_on{DoneOffer::Kind::carry_on, 12s};
            for (const auto& [name, holds] : {std::pair{"done-partly", 3}, {"done-stopped", 1}}) {
                Session stopped = session;
                const MonoTime stop_at = into_phase(stopped, start, Phase::hold, 0.5, holds);
                stopped.apply(Command::stop, stop_at);
                ScreenView view = done_view(stopped, stop_at + 3s, stats, carry_on, button_name);
                view.hint = session_hint(stopped, button_name, {}, carry_on);
                screens.push_back({name, view, stopped.entry_speech()});
            }
        }
    }

    ScreenView error = screens.front().view;
    error.banner = error_banner({Diagnostic{"config.yaml", 12, 5,
                                            "unknown key 'tiem' in a schedule entry (did you "
                                            "mean 'time'?)"}});
    screens.push_back({"error", error, {}});

    add_stretch_samples(screens, config,
                        config.schedule.empty() ? tr("Stretch now") : config.schedule.front().name,
                        start, button_name);
    return screens;
}

}  // namespace sk
