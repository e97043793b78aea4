// CliModes: the modes that print and exit (--check, --next, --history, --stats); no display needed.
#pragma once

#include <chrono>
#include <iosfwd>
#include <string>

#include "core/cli/command_line.hpp"

namespace sk {

// Exit statuses: the command line's contract.
enum ExitStatus : int { exit_ok = 0, exit_failure = 1, exit_bad_config = 2 };

// --version: the program's version and whether the voice is built in, one line.
std::string version_text();

// Each mode writes its results to `out` and its complaints to `err`, and returns the exit status.
// `now` is the wall clock, read once by main().
int run_check(const Options& options, std::chrono::system_clock::time_point now, std::ostream& out,
              std::ostream& err);
int run_next(const Options& options, std::chrono::system_clock::time_point now, std::ostream& out,
             std::ostream& err);
int run_history(const Options& options, std::ostream& out, std::ostream& err);
int run_stats(const Options& options, std::chrono::system_clock::time_point now, std::ostream& out,
              std::ostream& err);

}  // namespace sk
