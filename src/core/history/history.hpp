// History: the append-only, crash-safe record of every session started and how it ended.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time/local_time.hpp"

namespace sk {

// How a record ends. `started` is written when a session begins, so a restart mid-session knows
// the occurrence was taken; the closing record follows when it ends. A session may have more
// than one closing record (stopped, then carried on and completed; unattended, then confirmed):
// the best of them is how it went (sessions.hpp).
// - completed: every stretch, with someone there (a press seen, or the end confirmed);
// - partly: stopped after most of its holds;
// - stopped: stopped before that (or cut short by a crash);
// - unattended: started by itself and ran to the end without a press: no proof anyone stretched;
// - missed: never started (for missed, `start` is when it was due).
// `partly` and `unattended` are newer than the rest, in the same line format: an older build
// skips their lines as damaged and closes their sessions as stopped, so it counts them as nothing
// (as this build does an unattended session) and loses nothing else.
enum class RecordOutcome { started, completed, stopped, missed, unattended, partly };

struct HistoryRecord {
    SysSeconds start;                    // when the session started (for missed: when it was due)
    std::chrono::seconds utc_offset{0};  // the local offset at `start`, for display
    std::string occurrence;  // Occurrence::key(), or empty for a session started by hand
    std::string entry;       // schedule entry name, or "" for a session started by hand
    std::string routine;     // routine id
    RecordOutcome outcome = RecordOutcome::completed;
    std::chrono::seconds active{0};  // time spent stretching (0 for started and missed)

    bool operator==(const HistoryRecord&) const = default;
};

std::string_view to_string(RecordOutcome outcome);

// The record's start as the user saw it then: "2026-11-23T07:00:12+01:00" (its own offset).
std::string format_record_start(const HistoryRecord& record);

// One line of the file, "\n" included, with its checksum.
std::string encode_record(const HistoryRecord& record);
// A line without its "\n"; nullopt when torn, corrupt or of an unknown version.
std::optional<HistoryRecord> decode_record(std::string_view line);

// Whether two records are of the same session (its start, its closing records).
bool same_session(const HistoryRecord& a, const HistoryRecord& b);

struct HistoryLoad {
    std::vector<HistoryRecord> records;  // every whole, valid record, in file order
    // "history.log:17: skipped a damaged record", "history.log:18: skipped a record of an
    // unknown kind 'paused' (written by a newer version?)"
    std::vector<std::string> warnings;
};

// Parses a whole file's bytes. A torn or corrupt line is skipped with a warning; it never
// costs the records around it.
HistoryLoad parse_history(std::string_view bytes, const std::string& origin);

// What HistoryFile::repair did: a sentence for the log, or why it could not.
struct HistoryRepair {
    std::string done;   // "history.log: removed 37 bytes of a record cut short (power loss?)"
    std::string error;  // one sentence, or empty
};

// The history file under a state directory. A record counts once its newline is written: each
// append is one write() with O_APPEND followed by fdatasync, so a power cut (or SIGKILL, which on
// tmpfs can cut a write short) leaves at most a torn last line, which load() skips.
class HistoryFile {
  public:
    explicit HistoryFile(std::string path);

    // Reads the file; a missing file is an empty history.
    HistoryLoad load() const;
    // Brings the file back to whole lines: the bytes after the last newline, a record cut short,
    // are removed, so what load() skipped stays skipped. The kiosk calls it at start-up; append()
    // does it too before writing.
    HistoryRepair repair();
    // Appends one record durably. Returns an error sentence, or empty on success.
    std::string append(const HistoryRecord& record);

    const std::string& path() const { return path_; }

  private:
    HistoryRepair repair(int out, off_t size);

    std::string path_;
};

// The state directory: `--state-dir`, else $STATE_DIRECTORY (first entry), else
// $XDG_STATE_HOME/stretch-kiosk, else $HOME/.local/state/stretch-kiosk.
std::string resolve_state_dir(const std::optional<std::string>& flag);

}  // namespace sk
