// Log: one plain sentence a line on stderr, with its priority; the journal keeps both when systemd
// runs us.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>

namespace sk {

// syslog's levels, as the journal files them (`journalctl -p warning` shows 0 to 4).
enum class LogPriority : int { error = 3, warning = 4, notice = 5, info = 6, debug = 7 };

// error: the kiosk cannot do its job (no display, the history not saved); warning: it goes on
// with less (no sound, a broken config with the last good one in force); notice: a change worth
// knowing (a config reloaded, the clock set); info: how it runs; debug: other programs' chatter.
void log_line(LogPriority priority, std::string_view sentence);
// The same at LogPriority::info.
void log_line(std::string_view sentence);

// Where stderr goes: a terminal (or a file) reads "stretch-kiosk: ..."; the journal reads the
// priority as a "<N>" prefix and adds the program's name itself.
enum class LogSink { terminal, journal };

// systemd sets JOURNAL_STREAM=DEVICE:INODE for a service whose stderr is the journal. A child
// that inherits the variable but has its stderr redirected must not use it: stderr is the
// journal only if its own device and inode match.
LogSink log_sink_for(std::optional<std::string_view> journal_stream, dev_t device, ino_t inode);

// The line as written to the sink, newline included; empty when the sink drops it (debug lines
// go to the journal only, where `journalctl -p info` leaves them out).
std::string format_log_line(LogSink sink, LogPriority priority, std::string_view sentence);

}  // namespace sk
