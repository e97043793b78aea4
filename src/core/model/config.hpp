// Config: everything the user's YAML file says, as plain validated values.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sk {

using Seconds = std::chrono::seconds;
using Minutes = std::chrono::minutes;

// ISO order: index 0 is Monday, 6 is Sunday.
enum class Weekday : std::uint8_t { mon, tue, wed, thu, fri, sat, sun };

// A set of weekdays, one bit per day in ISO order.
struct Weekdays {
    std::uint8_t bits = 0;

    bool contains(Weekday day) const { return (bits >> static_cast<int>(day)) & 1u; }
    void insert(Weekday day) {
        bits = static_cast<std::uint8_t>(bits | (1u << static_cast<int>(day)));
    }
    bool empty() const { return bits == 0; }
    bool operator==(const Weekdays&) const = default;
};

// A wall-clock time of day, minutes after local midnight (0..1439).
struct TimeOfDay {
    Minutes since_midnight{0};
    bool operator==(const TimeOfDay&) const = default;
};

// How the screen looks: bright for the day, dim and warm for bedtime.
enum class Theme : std::uint8_t { day, night };

// Sound level in percent, 0 (silent) to 100.
struct Volume {
    int percent = 70;
    bool operator==(const Volume&) const = default;
};

// How the coach speaks: an eSpeak NG voice, its pace and its loudness.
struct VoiceSettings {
    bool enabled = true;
    std::string voice;           // an eSpeak NG voice or language name ("en-us", "de"); empty:
                                 // the voice of the language in force
    int words_per_minute = 150;  // eSpeak NG's own default is 175: a coach speaks calmly
    Volume volume{100};          // the voice's level, as a share of the session's volume
    bool operator==(const VoiceSettings&) const = default;
};

// A schedule entry's changes to `voice:` (a quieter or silent bedtime); unset keys keep it.
struct VoiceOverride {
    std::optional<bool> enabled;
    std::optional<std::string> voice;
    std::optional<int> words_per_minute;
    std::optional<Volume> volume;
    bool operator==(const VoiceOverride&) const = default;

    VoiceSettings applied_to(VoiceSettings settings) const;
};

// One line of `schedule:`: a routine that is due at a local time on some weekdays.
struct ScheduleEntry {
    std::string name;     // "Morning stretch"; unique within the schedule
    TimeOfDay time;       // local wall-clock time
    Weekdays days;        // never empty after validation
    std::string routine;  // key into Config::routines
    Theme theme = Theme::day;
    std::optional<Volume> volume;               // falls back to AudioSettings::volume
    VoiceOverride voice;                        // over Config::voice
    std::vector<std::string> skip_stretches{};  // left out of this entry's sessions, by id
    bool operator==(const ScheduleEntry&) const = default;
};

// Whether a stretch is done once, or once for each leg.
enum class Laterality : std::uint8_t { both_legs, per_leg };

// A line drawing of a stretch's pose: one of the program's own, an SVG file of the user's, or none.
// A per-leg picture is drawn for the left leg (assets/README.md); the screen mirrors it for the
// right.
struct Picture {
    enum class Source : std::uint8_t { none, built_in, file };
    Source source = Source::none;
    std::string
        name;  // built_in: "towel"; file: its path (a relative one from the config's folder)
    bool operator==(const Picture&) const = default;
};

// Something a stretch needs besides the floor, listed on the due screen.
enum class Equipment : std::uint8_t { chair, two_chairs, towel, wall, mat };

// Where the body is during a stretch: what getting into it from the one before asks of it.
enum class Position : std::uint8_t { unknown, standing, seated, lying };

// How a get-ready ends: after its time, or when the person presses the button to say they are in
// position (or, at the latest, after a generous timeout).
enum class ReadyMode : std::uint8_t { timed, press };

// One stretch from `stretches:`, described for the screen.
struct Stretch {
    std::string id;                  // the YAML key: "standing"
    std::string title;               // "Standing hamstring stretch"
    std::vector<std::string> steps;  // two to four short imperative lines
    Laterality laterality = Laterality::both_legs;
    std::string caution;           // empty when the stretch has none
    std::string cue;               // one short line shown during the hold; a default if empty
    Picture picture;               // shown on its screens; none: no picture
    std::vector<Equipment> needs;  // each once, in file order
    Position position = Position::unknown;
    std::optional<Seconds> get_ready{};     // unset: sized to the move (core/session/pacing.hpp)
    std::optional<Seconds> switch_sides{};  // unset: sized to what changing legs involves
    std::optional<ReadyMode> ready{};       // unset: the routine's, else by the move
    bool operator==(const Stretch&) const = default;
};

// Which legs a routine step works, for a per-leg stretch.
enum class SideSelection : std::uint8_t { both, left, right };

// One step of a routine: a stretch, how long, how often.
struct RoutineStep {
    std::string stretch;   // key into Config::stretches
    Seconds hold{30};      // the hold to start with
    Seconds hold_max{30};  // lengthened toward this with steady practice (== hold: no progression)
    SideSelection sides = SideSelection::both;  // ignored for a both-legs stretch
    int repetitions = 1;                        // holds per side
    Seconds rest{10};                           // between repetitions
    bool operator==(const RoutineStep&) const = default;
};

// An ordered list of steps under a name from `routines:`.
struct Routine {
    std::string id;     // the YAML key: "full"
    std::string title;  // "Full routine"
    std::vector<RoutineStep> steps;
    std::optional<ReadyMode> ready{};  // for the stretches that do not say; unset: by the move
    bool operator==(const Routine&) const = default;
};

// Whether a due session waits for the button or starts on its own.
enum class StartMode : std::uint8_t { wait_for_key, automatic };

// `session:` settings shared by every session.
struct SessionSettings {
    Seconds get_ready{10};      // before each stretch
    Seconds switch_sides{5};    // between the left and the right leg
    Minutes prompt_window{60};  // how long a due prompt waits before the session is missed
    StartMode start = StartMode::wait_for_key;
    Seconds auto_start_after{30};  // with StartMode::automatic: prompt shown this long first
    Seconds lengthen_by{5};        // progression: added to a hold ...
    int lengthen_every_days = 3;   // ... after every this many days of the current streak
    bool operator==(const SessionSettings&) const = default;
};

// Display rotation for a screen mounted on its side or upside down.
enum class Rotation : std::uint16_t { r0 = 0, r90 = 90, r180 = 180, r270 = 270 };

// What the screen shows when no session is due or running.
enum class IdleScreen : std::uint8_t { clock, dark, off };

// `display:` settings.
struct DisplaySettings {
    Rotation rotation = Rotation::r0;
    std::string font = "DejaVu Sans";  // a fontconfig family name
    IdleScreen idle = IdleScreen::clock;
    std::vector<std::string> power_off_command;  // argv, run when the screen may sleep
    std::vector<std::string> power_on_command;   // argv, run before a session is shown
    Seconds command_timeout{5};
    bool operator==(const DisplaySettings&) const = default;
};

// `audio:` settings.
struct AudioSettings {
    bool enabled = true;
    Volume volume{70};
    bool operator==(const AudioSettings&) const = default;
};

// `keys:` settings: SDL key names ("Space", "Return", "Right"), each list may hold several.
struct KeySettings {
    std::vector<std::string> button{"Space", "Return"};
    std::vector<std::string> skip{"Right"};
    std::vector<std::string> stop{"Escape"};
    bool operator==(const KeySettings&) const = default;
};

// The whole validated configuration.
struct Config {
    std::string timezone;  // IANA name; empty means the system's local zone
    std::string language;  // "de", "pt_BR"; empty: the environment's (core/words/language.hpp)
    std::vector<ScheduleEntry> schedule;
    std::vector<Stretch> stretches;  // in file order
    std::vector<Routine> routines;   // in file order
    SessionSettings session;
    DisplaySettings display;
    AudioSettings audio;
    VoiceSettings voice;
    KeySettings keys;
    std::vector<std::string> skip_stretches{};  // left out of every session, by id

    const Stretch* find_stretch(std::string_view id) const;
    const Routine* find_routine(std::string_view id) const;
    const ScheduleEntry* find_entry(std::string_view name) const;
    // `routine` as a session of `entry` (none: started by hand) runs it: without the stretches
    // skip_stretches leaves out, at the top level or in the entry.
    Routine routine_for(const Routine& routine, const ScheduleEntry* entry) const;
    bool operator==(const Config&) const = default;
};

}  // namespace sk
