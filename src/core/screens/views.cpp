// views: the idle, due and done screens, the key hint and the config error banner, in words.
#include "core/screens/views.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "core/session/button.hpp"
#include "core/time/duration_text.hpp"

namespace sk {
namespace {

using std::chrono::days;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::array<const char*, 7> weekday_names{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                   "Thursday", "Friday", "Saturday"};
constexpr std::array<const char*, 12> month_names{"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};

std::string weekday_name(std::chrono::sys_days day) {
    return weekday_names[std::chrono::weekday{day}.c_encoding()];
}

// "23 November"
std::string day_and_month(std::chrono::sys_days day) {
    const Date date{day};
    return std::to_string(static_cast<unsigned>(date.day())) + " " +
           month_names[static_cast<unsigned>(date.month()) - 1];
}

// A wall-clock reading's date as a day count (for weekdays and differences), and its time of day.
std::chrono::sys_days local_day(LocalSeconds wall) {
    return std::chrono::sys_days{std::chrono::floor<days>(wall).time_since_epoch()};
}

TimeOfDay time_of(LocalSeconds wall) {
    return TimeOfDay{std::chrono::floor<minutes>(wall - std::chrono::floor<days>(wall))};
}

std::string key_name(const std::string& button_name) {
    return button_name.empty() ? "Button" : button_name;
}

std::string press(const std::string& button_name) {
    return button_name.empty() ? "Press the button" : "Press " + button_name;
}

std::string streak_line(int streak_days) {
    return std::to_string(streak_days) + (streak_days == 1 ? " day in a row" : " days in a row");
}

std::vector<StatusLine> today_lines(const Stats& stats) {
    std::vector<StatusLine> lines;
    for (const EntryToday& entry : stats.today) {
        StatusLine line{format_time_of_day(entry.time) + " " + entry.entry};
        switch (entry.state) {
            case EntryToday::State::pending:
                line.mark = StatusLine::Mark::pending;
                break;
            case EntryToday::State::done:
                line.mark = StatusLine::Mark::done;
                break;
            case EntryToday::State::missed:
                line.mark = StatusLine::Mark::missed;
                break;
            case EntryToday::State::partly:
                line.text += " (partly done)";
                break;
            case EntryToday::State::stopped:
                // Begun is better than missed: no cross, just the words.
                line.text += " (ended early)";
                break;
            case EntryToday::State::unattended:
                // It ran, but nobody confirmed being there: not done, not missed.
                line.text += " (unattended)";
                break;
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

std::string next_line(const Zone& zone, LocalSeconds local_now, const Occurrence& next) {
    const LocalSeconds when = zone.to_local(next.instant);
    const auto days_ahead = (local_day(when) - local_day(local_now)).count();
    const std::string at = " at " + format_time_of_day(time_of(when));
    std::string line = "Next: " + next.entry_name;
    if (days_ahead <= 0) {
        return line + at;
    }
    if (days_ahead == 1) {
        return line + " tomorrow" + at;
    }
    if (days_ahead < 7) {
        return line + " on " + weekday_name(local_day(when)) + at;
    }
    return line + " on " + day_and_month(local_day(when)) + at;
}

// Between sessions the screen follows the time of day: night from an hour before each night
// entry (bedtime: the room is dimmed for sleep), day again from each day entry (the morning).
// Whichever of these turns came last, going back round the clock, decides.
Theme idle_theme(const Config& config, TimeOfDay now) {
    constexpr Minutes day{24 * 60};
    constexpr Minutes night_early{60};
    std::optional<Minutes> nearest;  // how long ago the latest turn was
    Theme theme = Theme::day;
    for (const ScheduleEntry& entry : config.schedule) {
        const Minutes turn = entry.theme == Theme::night ? entry.time.since_midnight - night_early
                                                         : entry.time.since_midnight;
        const Minutes ago = ((now.since_midnight - turn) % day + day) % day;
        // A day turn at the same minute as a night one wins: a morning entry lights the screen.
        if (!nearest || ago < *nearest || (ago == *nearest && entry.theme == Theme::day)) {
            nearest = ago;
            theme = entry.theme;
        }
    }
    return theme;
}

// "0:25", "12:05"
std::string minutes_and_seconds(seconds duration) {
    const auto total = std::max<seconds::rep>(0, duration.count());
    const auto rest = total % 60;
    return std::to_string(total / 60) + ":" + (rest < 10 ? "0" : "") + std::to_string(rest);
}

// "1.5 s"
std::string long_press_text() {
    const auto tenths = Button::default_long_press.count() / 100;
    return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "") +
           " s";
}

// What a stretch needs, as the due screen says it.
std::string need_words(Equipment need) {
    switch (need) {
        case Equipment::chair:
            return "a chair";
        case Equipment::two_chairs:
            return "two chairs";
        case Equipment::towel:
            return "a towel";
        case Equipment::wall:
            return "a free wall";
        case Equipment::mat:
            return "a mat";
    }
    return "";
}

// The routine's stretches in order, each once, with what each needs: "Towel hamstring stretch ·
// a towel". Read before the session starts, so the towel is at hand before the floor is reached.
std::vector<StatusLine> stretch_lines(const Config& config, const Routine& routine) {
    std::vector<StatusLine> lines;
    std::vector<std::string> listed;
    for (const RoutineStep& step : routine.steps) {
        const Stretch* stretch = config.find_stretch(step.stretch);
        if (stretch == nullptr ||
            std::find(listed.begin(), listed.end(), stretch->id) != listed.end()) {
            continue;
        }
        listed.push_back(stretch->id);
        std::string line = stretch->title;
        for (std::size_t index = 0; index < stretch->needs.size(); ++index) {
            line += (index == 0 ? " · " : ", ") + need_words(stretch->needs[index]);
        }
        lines.push_back({line});
    }
    return lines;
}

// The cautions of the routine's stretches, each after its stretch's name, read before anything
// starts.
std::string cautions(const Config& config, const Routine& routine) {
    std::string text;
    std::vector<std::string> told;
    for (const RoutineStep& step : routine.steps) {
        const Stretch* stretch = config.find_stretch(step.stretch);
        if (stretch == nullptr || stretch->caution.empty() ||
            std::find(told.begin(), told.end(), stretch->id) != told.end()) {
            continue;
        }
        told.push_back(stretch->id);
        text += (text.empty() ? "" : " ") + stretch->title + ": " + stretch->caution;
    }
    return text;
}

// The shortest and the longest of a session's holds, as "Holds today: 35 s" or "...: 35–50 s".
struct HoldSpan {
    std::optional<seconds> shortest;
    std::optional<seconds> longest;

    void add(seconds hold) {
        shortest = std::min(shortest.value_or(hold), hold);
        longest = std::max(longest.value_or(hold), hold);
    }
    std::string words() const {
        if (!shortest) {
            return {};
        }
        std::string text = "Holds today: " + std::to_string(shortest->count());
        if (*longest != *shortest) {
            text += "–" + std::to_string(longest->count());
        }
        return text + " s";
    }
};

}  // namespace

std::string clock_text(const Zone& zone, SysSeconds now) {
    return format_time_of_day(time_of(zone.to_local(now)));
}

std::string holds_today_line(const Config& config, const Routine& routine, int practice_days) {
    HoldSpan span;
    for (const RoutineStep& step : routine.steps) {
        span.add(progressed_hold(config.session, step, practice_days));
    }
    return span.words();
}

std::string rough_span(seconds span) {
    const auto count = std::max<seconds::rep>(0, span.count());
    if (count < 60 * 60) {
        return std::to_string(std::max<seconds::rep>(1, count / 60)) + " min";
    }
    if (count < 2 * 24 * 60 * 60) {
        return std::to_string(count / (60 * 60)) + " h";
    }
    return std::to_string(count / (24 * 60 * 60)) + " days";
}

ScreenView idle_view(const Config& config, const Zone& zone, SysSeconds now,
                     const std::optional<Occurrence>& next, const Stats& stats,
                     const std::string& button_name, const ClockState& clock) {
    const LocalSeconds local = zone.to_local(now);
    ScreenView view;
    view.kind = ScreenKind::idle;
    view.theme = idle_theme(config, time_of(local));
    view.heading = format_time_of_day(time_of(local));
    view.subheading = weekday_name(local_day(local)) + " " + day_and_month(local_day(local));
    view.status = today_lines(stats);
    if (clock.trust == ClockTrust::untrusted && clock.history_ahead) {
        // A stale clock (no RTC, no network yet): say what waits, and until when at most.
        const LocalSeconds until = zone.to_local(*clock.history_ahead);
        const bool today = local_day(until) == local_day(local);
        view.body.push_back("Clock behind the last session by " +
                            rough_span(*clock.history_ahead - now));
        view.body.push_back("Set the time: sessions wait until " +
                            (today ? std::string() : weekday_name(local_day(until)) + " ") +
                            format_time_of_day(time_of(until)));
    } else if (next) {
        view.body.push_back(next_line(zone, local, *next));
    } else {
        view.body.push_back("No sessions planned");
    }
    if (clock.trust == ClockTrust::trusted && clock.history_ahead &&
        clock.sync == ClockSync::unsynchronised) {
        // The history is far ahead of a clock nobody vouches for: one of them is wrong.
        view.body.push_back("Clock " + rough_span(*clock.history_ahead - now) +
                            " behind the history: set the time if wrong");
    }
    if (stats.streak_days > 0) {
        view.body.push_back(streak_line(stats.streak_days));
    }
    view.hint = press(button_name) + " to stretch now";
    return view;
}

ScreenView due_view(const Config& config, const Occurrence& due, seconds length,
                    std::optional<seconds> auto_start_in, const std::string& button_name) {
    ScreenView view;
    view.kind = ScreenKind::due;
    view.heading = due.entry_name;
    view.subheading = format_duration_short(length);
    if (due.entry_index < config.schedule.size()) {
        const ScheduleEntry& entry = config.schedule[due.entry_index];
        view.theme = entry.theme;
        if (const Routine* routine = config.find_routine(entry.routine)) {
            view.subheading += " · " + routine->title;
            const Routine session = config.routine_for(*routine, &entry);
            view.status = stretch_lines(config, session);
            view.caution = cautions(config, session);
        }
    }
    // The one thing to do now, in body type rather than the small hint line: it is read from
    // across the room.
    view.body.push_back(press(button_name) + " to start");
    if (auto_start_in) {
        view.body.push_back("Starts by itself in " + minutes_and_seconds(*auto_start_in));
    }
    return view;
}

ScreenView done_view(const Session& session, MonoTime now, const Stats& stats, DoneOffer offer,
                     const std::string& button_name) {
    ScreenView view = session.view(now);
    switch (offer.kind) {
        case DoneOffer::Kind::close:
            break;
        case DoneOffer::Kind::confirm:
            // It ran by itself: nothing says anyone was there until someone says so.
            view.heading = confirm_phrases(button_name).front().text;
            view.body.push_back(press(button_name) + " to confirm · " +
                                minutes_and_seconds(offer.left));
            view.body.push_back("Unconfirmed, it is not counted");
            break;
        case DoneOffer::Kind::carry_on:
            view.body.push_back(press(button_name) + " to carry on · " +
                                minutes_and_seconds(offer.left));
            break;
    }
    HoldSpan span;
    for (const Segment& segment : session.segments()) {
        // A stopped session's screen says how far it got instead.
        if (segment.phase == Phase::hold && session.outcome() == Outcome::completed) {
            span.add(std::chrono::duration_cast<seconds>(segment.length));
        }
    }
    if (span.shortest) {
        view.body.push_back(span.words());
    }
    if (stats.streak_days > 0) {
        view.body.push_back(streak_line(stats.streak_days));
    }
    view.status = today_lines(stats);
    return view;
}

std::vector<Phrase> confirm_phrases(const std::string& button_name) {
    return {{"Did you stretch?", Need::essential},
            {as_sentence(press(button_name) + " to confirm"), Need::essential}};
}

std::string session_hint(const Session& session, const std::string& button_name,
                         const std::string& skip_name, DoneOffer offer) {
    const std::string key = key_name(button_name);
    if (session.finished()) {
        switch (offer.kind) {
            case DoneOffer::Kind::close:
                break;
            case DoneOffer::Kind::confirm:
                return key + ": confirm · hold " + long_press_text() + " to close";
            case DoneOffer::Kind::carry_on:
                return key + ": carry on · hold " + long_press_text() + " to close";
        }
        return press(button_name) + " to close";
    }
    const char* what = session.waiting_for_press() ? ": in position"
                       : session.paused()          ? ": resume"
                                                   : ": pause";
    const std::string skip = skip_name.empty() ? std::string() : " · " + skip_name + ": skip";
    return key + what + skip + " · hold " + long_press_text() + " to end";
}

std::string skip_key_name(const KeySettings& keys) {
    return keys.skip.empty() ? std::string() : keys.skip.front();
}

std::string error_banner(const Diagnostics& diagnostics) {
    if (diagnostics.empty()) {
        return {};
    }
    std::string text = diagnostics.front().to_string();
    if (!text.empty() && text.back() == '.') {
        text.pop_back();
    }
    if (diagnostics.size() > 1) {
        text += " (+" + std::to_string(diagnostics.size() - 1) + " more)";
    }
    return text + ". Using the last good schedule.";
}

}  // namespace sk
