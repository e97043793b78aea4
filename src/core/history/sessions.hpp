// Sessions: the history's records folded into one per session, each with how it went in the end.
#pragma once

#include <vector>

#include "core/history/history.hpp"

namespace sk {

// One record per session, in the order the sessions started: its best closing record (completed,
// then partly, stopped, unattended; of two alike, the later), or its `started` record while it has
// none. A stopped session carried on to the end is one completed session, and so is an unattended
// one confirmed afterwards. A missed record is a session of its own.
std::vector<HistoryRecord> sessions_of(const std::vector<HistoryRecord>& records);

// The records that still say something, in file order: every `started` and `missed` record, and
// of each session's closing records only the one sessions_of() keeps (for --history: a session
// carried on or confirmed is one start and one end, as any other).
std::vector<HistoryRecord> standing_records(const std::vector<HistoryRecord>& records);

}  // namespace sk
