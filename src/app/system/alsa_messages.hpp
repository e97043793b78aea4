// AlsaMessages: ALSA's own error lines ("ALSA lib confmisc.c:767:(parse_card) cannot find card
// '0'"), which it prints to stderr by itself, turned into debug lines of our log.
#pragma once

#include <optional>
#include <string>

namespace sk {

// From now on, ALSA's messages reach log_line at LogPriority::debug instead of stderr. The kiosk
// says in its own words what matters (no sound device); ALSA's detail stays in the journal.
void route_alsa_messages_to_log();

// One ALSA message as our log gets it: "ALSA: confmisc.c:767 (parse_card): cannot find card '0'".
std::string alsa_message_text(const char* file, int line, const char* function,
                              const std::string& message, const std::string& error);

// ALSA explains one missing card in some forty lines, and `journalctl -u` shows debug lines: a
// process logs the first few, which say why, then one line saying the rest is left out.
inline constexpr int alsa_messages_kept = 8;
// What the log gets for ALSA's `number`th message (from 1): the message, the note, or nothing.
std::optional<std::string> alsa_log_line(int number, std::string message);

}  // namespace sk
