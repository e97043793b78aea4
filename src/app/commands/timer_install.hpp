// TimerInstall: the --install-timers mode: the schedule written out as systemd timer units.
#pragma once

#include <iosfwd>
#include <string>

#include "core/cli/command_line.hpp"

namespace sk {

// The running program's absolute path (from /proc/self/exe), for the units' ExecStart=; `fallback`
// if it cannot be read.
std::string own_program_path(const std::string& fallback);

// --install-timers DIR [--config FILE]: loads the config (from a file: the units point at it and
// watch it), writes the units into DIR with make_timer_units/write_unit_files, and says what to
// run next. Returns the exit status: 0, 2 for a bad config, 1 when the units cannot be written.
int install_timers(const Options& options, const std::string& program, std::ostream& out,
                   std::ostream& err);

// The mode itself: the units start this program (the one that prints and execs the screen).
int run_install_timers(const Options& options);

}  // namespace sk
