// EditConfig: --edit, the config changed safely in the user's editor, as crontab -e and visudo
// change theirs.
#pragma once

#include <chrono>
#include <iosfwd>

#include "core/cli/command_line.hpp"

namespace sk {

// Opens a copy of the config in the editor; on save checks it with the full parser, shows every
// mistake as FILE:LINE:COL and offers to edit again; replaces the file atomically only when it is
// good, keeping the old one as FILE~. Answers to "Edit again?" are read from `in`. Returns 0
// (saved, or nothing changed), 2 (left broken: nothing saved) or 1 (no editor, not writable).
int run_edit(const Options& options, std::chrono::system_clock::time_point now, std::istream& in,
             std::ostream& out, std::ostream& err);

}  // namespace sk
