// views: the idle, due and done screens, the key hint and the config error banner, in words.
#include "core/screens/views.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "core/session/button.hpp"
#include "core/time/duration_text.hpp"
#include "core/words/words.hpp"

namespace sk {
namespace {

using std::chrono::days;
using std::chrono::minutes;
using std::chrono::seconds;

std::string weekday_name(std::chrono::sys_days day) {
    switch (std::chrono::weekday{day}.c_encoding()) {
        case 0:
            return tr("Sunday");
        case 1:
            return tr("Monday");
        case 2:
            return tr("Tuesday");
        case 3:
            return tr("Wednesday");
        case 4:
            return tr("Thursday");
        case 5:
            return tr("Friday");
        default:
            return tr("Saturday");
    }
}

// A month's name as a date says it (some languages decline it there: a context of its own).
std::string month_name(std::chrono::month month) {
    switch (static_cast<unsigned>(month)) {
        case 1:
            return tr_c("in a date", "January");
        case 2:
            return tr_c("in a date", "February");
        case 3:
            return tr_c("in a date", "March");
        case 4:
            return tr_c("in a date", "April");
        case 5:
            return tr_c("in a date", "May");
        case 6:
            return tr_c("in a date", "June");
        case 7:
            return tr_c("in a date", "July");
        case 8:
            return tr_c("in a date", "August");
        case 9:
            return tr_c("in a date", "September");
        case 10:
            return tr_c("in a date", "October");
        case 11:
            return tr_c("in a date", "November");
        default:
            return tr_c("in a date", "December");
    }
}

std::string day_number(std::chrono::sys_days day) {
    return std::to_string(static_cast<unsigned>(Date{day}.day()));
}

// "Monday 23 November"
std::string date_line(std::chrono::sys_days day) {
    // TRANSLATORS: the date under the idle clock; put the blanks in your language's order.
    return fill(tr("{weekday} {day} {month}"), {{"weekday", weekday_name(day)},
                                                {"day", day_number(day)},
                                                {"month", month_name(Date{day}.month())}});
}

// A wall-clock reading's date as a day count (for weekdays and differences), and its time of day.
std::chrono::sys_days local_day(LocalSeconds wall) {
    return std::chrono::sys_days{std::chrono::floor<days>(wall).time_since_epoch()};
}

TimeOfDay time_of(LocalSeconds wall) {
    return TimeOfDay{std::chrono::floor<minutes>(wall - std::chrono::floor<days>(wall))};
}

// A key's name as the person is told to press it: the config names keys as SDL does ("Space"),
// and the common ones have names in every language.
std::string shown_key(const std::string& name) {
    if (name == "Space") {
        return tr_c("key", "Space");
    }
    if (name == "Return") {
        return tr_c("key", "Return");
    }
    if (name == "Escape") {
        return tr_c("key", "Escape");
    }
    if (name == "Backspace") {
        return tr_c("key", "Backspace");
    }
    if (name == "Tab") {
        return tr_c("key", "Tab");
    }
    if (name == "Delete") {
        return tr_c("key", "Delete");
    }
    if (name == "Left") {
        return tr_c("key", "Left");
    }
    if (name == "Right") {
        return tr_c("key", "Right");
    }
    if (name == "Up") {
        return tr_c("key", "Up");
    }
    if (name == "Down") {
        return tr_c("key", "Down");
    }
    if (name == "PageUp") {
        return tr_c("key", "PageUp");
    }
    if (name == "PageDown") {
        return tr_c("key", "PageDown");
    }
    if (name == "Click") {
        // A mouse click or a tap on a touch screen.
        return tr_c("key", "Click");
    }
    return name;
}

// The key at the head of a hint ("Space: pause").
std::string key_name(const std::string& button_name) {
    return button_name.empty() ? tr("Button") : shown_key(button_name);
}

// The key in a sentence ("Press Space to start"); with no key, the button.
std::string key_in_sentence(const std::string& button_name) {
    return button_name.empty() ? tr("the button") : shown_key(button_name);
}

std::string with_key(std::string_view pattern, const std::string& button_name) {
    return fill(pattern, {{"key", key_in_sentence(button_name)}});
}

std::string streak_line(int streak_days) {
    return fill(tr_n("{count} day in a row", "{count} days in a row", streak_days),
                {{"count", std::to_string(streak_days)}});
}

std::vector<StatusLine> today_lines(const Stats& stats) {
    std::vector<StatusLine> lines;
    for (const EntryToday& entry : stats.today) {
        StatusLine line{clock_reading(entry.time) + " " + entry.entry};
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
                line.text += " " + tr("(partly done)");
                break;
            case EntryToday::State::stopped:
                // Begun is better than missed: no cross, just the words.
                line.text += " " + tr("(ended early)");
                break;
            case EntryToday::State::unattended:
                // It ran, but nobody confirmed being there: not done, not missed.
                line.text += " " + tr("(unattended)");
                break;
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

std::string next_line(const Zone& zone, LocalSeconds local_now, const Occurrence& next) {
    const LocalSeconds when = zone.to_local(next.instant);
    const auto days_ahead = (local_day(when) - local_day(local_now)).count();
    const std::chrono::sys_days day = local_day(when);
    const std::initializer_list<Blank> blanks{{"entry", next.entry_name},
                                              {"time", clock_reading(time_of(when))},
                                              {"weekday", weekday_name(day)},
                                              {"day", day_number(day)},
                                              {"month", month_name(Date{day}.month())}};
    if (days_ahead <= 0) {
        return fill(tr("Next: {entry} at {time}"), blanks);
    }
    if (days_ahead == 1) {
        return fill(tr("Next: {entry} tomorrow at {time}"), blanks);
    }
    if (days_ahead < 7) {
        return fill(tr("Next: {entry} on {weekday} at {time}"), blanks);
    }
    return fill(tr("Next: {entry} on {day} {month} at {time}"), blanks);
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
    // TRANSLATORS: the decimal separator of your language, as in "1.5 s".
    const std::string point = tr_c("decimal separator", ".");
    return fill(tr("{count} s"),
                {{"count", std::to_string(tenths / 10) +
                               (tenths % 10 ? point + std::to_string(tenths % 10) : "")}});
}

// What a stretch needs, as the due screen says it.
std::string need_words(Equipment need) {
    switch (need) {
        case Equipment::chair:
            return tr("a chair");
        case Equipment::two_chairs:
            return tr("two chairs");
        case Equipment::towel:
            return tr("a towel");
        case Equipment::wall:
            return tr("a free wall");
        case Equipment::mat:
            return tr("a mat");
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
        if (*longest == *shortest) {
            return fill(tr("Holds today: {seconds} s"),
                        {{"seconds", std::to_string(shortest->count())}});
        }
        return fill(tr("Holds today: {shortest}–{longest} s"),
                    {{"shortest", std::to_string(shortest->count())},
                     {"longest", std::to_string(longest->count())}});
    }
};

}  // namespace

std::string clock_text(const Zone& zone, SysSeconds now) {
    return clock_reading(time_of(zone.to_local(now)));
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
        return fill(tr("{count} min"),
                    {{"count", std::to_string(std::max<seconds::rep>(1, count / 60))}});
    }
    if (count < 2 * 24 * 60 * 60) {
        return fill(tr("{count} h"), {{"count", std::to_string(count / (60 * 60))}});
    }
    const auto days = count / (24 * 60 * 60);
    return fill(tr_n("{count} day", "{count} days", static_cast<long>(days)),
                {{"count", std::to_string(days)}});
}

ScreenView idle_view(const Config& config, const Zone& zone, SysSeconds now,
                     const std::optional<Occurrence>& next, const Stats& stats,
                     const std::string& button_name, const ClockState& clock) {
    const LocalSeconds local = zone.to_local(now);
    ScreenView view;
    view.kind = ScreenKind::idle;
    view.theme = idle_theme(config, time_of(local));
    view.heading = clock_reading(time_of(local));
    view.subheading = date_line(local_day(local));
    view.status = today_lines(stats);
    if (clock.trust == ClockTrust::untrusted && clock.history_ahead) {
        // A stale clock (no RTC, no network yet): say what waits, and until when at most.
        const LocalSeconds until = zone.to_local(*clock.history_ahead);
        const bool today = local_day(until) == local_day(local);
        view.body.push_back(fill(tr("Clock behind the last session by {span}"),
                                 {{"span", rough_span(*clock.history_ahead - now)}}));
        const std::initializer_list<Blank> blanks{{"time", clock_reading(time_of(until))},
                                                  {"weekday", weekday_name(local_day(until))}};
        view.body.push_back(
            today ? fill(tr("Set the time: sessions wait until {time}"), blanks)
                  : fill(tr("Set the time: sessions wait until {weekday} {time}"), blanks));
    } else if (next) {
        view.body.push_back(next_line(zone, local, *next));
    } else {
        view.body.push_back(tr("No sessions planned"));
    }
    if (clock.trust == ClockTrust::trusted && clock.history_ahead &&
        clock.sync == ClockSync::unsynchronised) {
        // The history is far ahead of a clock nobody vouches for: one of them is wrong.
        view.body.push_back(fill(tr("Clock {span} behind the history: set the time if wrong"),
                                 {{"span", rough_span(*clock.history_ahead - now)}}));
    }
    if (stats.streak_days > 0) {
        view.body.push_back(streak_line(stats.streak_days));
    }
    view.hint = with_key(tr("Press {key} to stretch now"), button_name);
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
    view.body.push_back(with_key(tr("Press {key} to start"), button_name));
    if (auto_start_in) {
        view.body.push_back(fill(tr("Starts by itself in {time}"),
                                 {{"time", minutes_and_seconds(*auto_start_in)}}));
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
            view.body.push_back(with_key(tr("Press {key} to confirm"), button_name) + " · " +
                                minutes_and_seconds(offer.left));
            view.body.push_back(tr("Unconfirmed, it is not counted"));
            break;
        case DoneOffer::Kind::carry_on:
            view.body.push_back(with_key(tr("Press {key} to carry on"), button_name) + " · " +
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
    return {{tr("Did you stretch?"), Need::essential},
            {as_sentence(with_key(tr("Press {key} to confirm"), button_name)), Need::essential}};
}

std::string session_hint(const Session& session, const std::string& button_name,
                         const std::string& skip_name, DoneOffer offer) {
    const std::initializer_list<Blank> blanks{{"key", key_name(button_name)},
                                              {"time", long_press_text()}};
    if (session.finished()) {
        switch (offer.kind) {
            case DoneOffer::Kind::close:
                break;
            case DoneOffer::Kind::confirm:
                return fill(tr("{key}: confirm"), blanks) + " · " +
                       fill(tr("hold {time} to close"), blanks);
            case DoneOffer::Kind::carry_on:
                return fill(tr("{key}: carry on"), blanks) + " · " +
                       fill(tr("hold {time} to close"), blanks);
        }
        return with_key(tr("Press {key} to close"), button_name);
    }
    const std::string what = session.waiting_for_press() ? tr("{key}: in position")
                             : session.paused()          ? tr("{key}: resume")
                                                         : tr("{key}: pause");
    const std::string skip = skip_name.empty()
                                 ? std::string()
                                 : " · " + fill(tr("{key}: skip"), {{"key", shown_key(skip_name)}});
    return fill(what, blanks) + skip + " · " + fill(tr("hold {time} to end"), blanks);
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
        const auto more = static_cast<long>(diagnostics.size() - 1);
        text = fill(tr_n("{error} (+{count} more)", "{error} (+{count} more)", more),
                    {{"error", text}, {"count", std::to_string(more)}});
    }
    // TRANSLATORS: {error} is the config's error, which stays in English (it is for whoever edits
    // the file, and is what the log says).
    return fill(tr("{error}. Using the last good schedule."), {{"error", text}});
}

}  // namespace sk
