// History: the append-only, crash-safe record of every session started and how it ended.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time/local_time.hpp"

namespace sk {

// How a record ends. `started` is written when a session begins, so a restart mid-session knows
// the occurrence was taken; the closing record follows when it ends.
enum class RecordOutcome { started, completed, stopped, missed };

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

struct HistoryLoad {
    std::vector<HistoryRecord> records;  // every whole, valid record, in file order
    std::vector<std::string> warnings;   // "history.log:17: skipped a damaged record"
};

// Parses a whole file's bytes. A torn or corrupt line is skipped with a warning; it never
// costs the records around it.
HistoryLoad parse_history(std::string_view bytes, const std::string& origin);

// The history file under a state directory. Each append is one write() with O_APPEND followed by
// fdatasync, so a power cut leaves at most a torn last line.
class HistoryFile {
  public:
    explicit HistoryFile(std::string path);

    // Reads the file; a missing file is an empty history.
    HistoryLoad load() const;
    // Appends one record durably. Returns an error sentence, or empty on success.
    std::string append(const HistoryRecord& record);

    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

// The state directory: `--state-dir`, else $STATE_DIRECTORY (first entry), else
// $XDG_STATE_HOME/stretch-kiosk, else $HOME/.local/state/stretch-kiosk.
std::string resolve_state_dir(const std::optional<std::string>& flag);

}  // namespace sk
