// Views: the screens around sessions (idle, due, done), built from the schedule and the history.
#pragma once

#include <optional>
#include <string>

#include "core/history/stats.hpp"
#include "core/model/config.hpp"
#include "core/model/diagnostic.hpp"
#include "core/model/screen_view.hpp"
#include "core/schedule/planner.hpp"
#include "core/schedule/schedule.hpp"
#include "core/session/session.hpp"
#include "core/time/local_time.hpp"

namespace sk {

// The wall clock against the history (from the Planner), as the idle screen tells it.
struct ClockState {
    ClockTrust trust = ClockTrust::trusted;
    ClockSync sync = ClockSync::unsynchronised;
    std::optional<SysSeconds> history_ahead;  // the newest record later than the clock
    bool operator==(const ClockState&) const = default;
};

// The idle screen at `now`: big clock ("07:42") and date, the next session and when, today's
// entries marked done or not, the streak, and a one-line hint naming `button_name`.
// A clock behind the history says so, what waits for it, and what to do.
ScreenView idle_view(const Config& config, const Zone& zone, SysSeconds now,
                     const std::optional<Occurrence>& next, const Stats& stats,
                     const std::string& button_name, const ClockState& clock);

// "07:42": the local time of day, as the idle and due screens show it.
std::string clock_text(const Zone& zone, SysSeconds now);

// "3 h", "25 min", "40 days": how far apart two instants are, for people.
std::string rough_span(std::chrono::seconds span);

// A due session waiting for the button: "Morning stretch", "8 min", "Press Space to start",
// and when it starts by itself (`auto_start_in`, if automatic); then the routine's stretches,
// each with what it needs ("Towel hamstring stretch · a towel"), and the cautions of those that
// have one. The stretches skip_stretches leaves out are not listed.
ScreenView due_view(const Config& config, const Occurrence& due, std::chrono::seconds length,
                    std::optional<std::chrono::seconds> auto_start_in,
                    const std::string& button_name);

// "Holds today: 35 s" (or "Holds today: 35–50 s" for steps of different lengths): how long
// `routine`'s holds are after `practice_days` (Stats::practice_days).
std::string holds_today_line(const Config& config, const Routine& routine, int practice_days);

// What a press on the done screen does, and for how much longer it stands.
struct DoneOffer {
    enum class Kind {
        close,     // close the screen
        confirm,   // a session that ran by itself: confirm someone stretched
        carry_on,  // a stopped session: take it up again where it stopped
    };
    Kind kind = Kind::close;
    std::chrono::seconds left{0};
};

// The done screen after a session: what was done, how long its holds were, and the streak; with
// a confirm offer "Did you stretch?" and "Press Space to confirm · 1:45", with a carry-on offer
// "Press Space to carry on · 0:12".
ScreenView done_view(const Session& session, MonoTime now, const Stats& stats, DoneOffer offer = {},
                     const std::string& button_name = {});

// What the coach says when a session that ran by itself asks for a confirmation, for a person
// with the eyes closed: "Did you stretch?", "Press Space to confirm." (the done screen's words).
std::vector<Phrase> confirm_phrases(const std::string& button_name);

// The key help line for a session screen: "Space: pause · Right: skip · hold 1.5 s to end",
// "Space: resume · ...", "Space: in position · ..." while a get-ready waits for the button, and
// "Press Space to close" once it is done (with an offer: "Space: carry on · hold 1.5 s to
// close"). An empty `skip_name` (no skip key) leaves skip out.
std::string session_hint(const Session& session, const std::string& button_name,
                         const std::string& skip_name = {}, DoneOffer offer = {});
// The first skip key of `keys`, or "" when there is none: for session_hint().
std::string skip_key_name(const KeySettings& keys);

// The banner text for a config error: "config.yaml:12:5: message (+2 more). Using the last good
// schedule." Empty when there is no diagnostic.
std::string error_banner(const Diagnostics& diagnostics);

}  // namespace sk
