// TimerUnits: the systemd units that start one kiosk session per schedule entry (--install-timers).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model/config.hpp"

namespace sk {

// Which systemd manager runs the units: the system one (the bare console appliance) or a user's
// (a desktop session).
enum class UnitScope { system, user };

// What the units point at. Every path must be absolute: systemd runs them from anywhere.
struct TimerUnitPaths {
    std::string program;   // the stretch-kiosk binary
    std::string config;    // the config the sessions read and the .path unit watches
    std::string unit_dir;  // where the units are written (and rewritten after a config change)
};

// One unit file: its name ("stretch-kiosk-morning-stretch.timer") and its whole text.
struct UnitFile {
    std::string name;
    std::string text;
    bool operator==(const UnitFile&) const = default;
};

struct TimerUnitsResult {
    std::vector<UnitFile> units;  // empty when error is set
    std::string error;            // one sentence
};

// What write_unit_files did, by file name.
struct UnitWriteResult {
    std::vector<std::string> written;  // new or changed files (unchanged ones are left alone)
    std::vector<std::string> removed;  // stale timers of entries no longer in the config
    std::string error;                 // one sentence; set at the first failure
};

// The first line of every generated unit: it marks the files write_unit_files may replace.
inline constexpr std::string_view generated_unit_marker =
    "# Written by stretch-kiosk --install-timers";

// "Morgen-Dehnen ☀" -> "morgen-dehnen": lowercase ASCII letters, digits and single dashes, at most
// 48 characters; common accented Latin letters are spelled out (ä -> ae, é -> e). May be empty.
std::string unit_slug(std::string_view name);

// One slug per schedule entry, in schedule order, all different and never empty ("entry-3" for
// a name with no letters; "-2", "-3" added to repeats).
std::vector<std::string> entry_slugs(const Config& config);

// The OnCalendar= value for an entry: "Mon..Fri *-*-* 07:00:00", "*-*-* 21:30:00 Europe/Berlin".
// `timezone` is the config's (empty: the system's zone, as the kiosk itself uses).
std::string on_calendar(const ScheduleEntry& entry, std::string_view timezone);

// UnitScope::user for a directory a user manager reads units from (".../systemd/user..."),
// else UnitScope::system.
UnitScope unit_scope_for(std::string_view unit_dir);

// Every unit of timer mode, in a fixed order:
//   stretch-kiosk-<slug>.timer, one per entry: OnCalendar=, AccuracySec=1s, no Persistent= (a
//       session missed while the machine was off stays missed, as in the kiosk);
//   stretch-kiosk-session@.service: runs `stretch-kiosk --session-once --config CONFIG`;
//   stretch-kiosk-timers.target: wants every timer (enable this one);
//   stretch-kiosk-timers.path + .service: rerun --install-timers when the config changes, then
//       daemon-reload and restart the target (enable the .path too).
TimerUnitsResult make_timer_units(const Config& config, const TimerUnitPaths& paths,
                                  UnitScope scope);

// Writes `units` into `dir` (created if missing), each atomically (temp file, fsync, rename, then
// fsync of the directory), skipping files whose text is already the same, and removes every other
// stretch-kiosk-*.timer in `dir` that starts with generated_unit_marker.
UnitWriteResult write_unit_files(const std::vector<UnitFile>& units, const std::string& dir);

}  // namespace sk
