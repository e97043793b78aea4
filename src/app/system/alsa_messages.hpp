// AlsaMessages: ALSA's own error lines ("ALSA lib confmisc.c:767:(parse_card) cannot find card
// '0'"), which it prints to stderr by itself, turned into debug lines of our log.
#pragma once

#include <string>

namespace sk {

// From now on, ALSA's messages reach log_line at LogPriority::debug instead of stderr. The kiosk
// says in its own words what matters (no sound device); ALSA's detail stays in the journal.
void route_alsa_messages_to_log();

// One ALSA message as our log gets it: "ALSA: confmisc.c:767 (parse_card): cannot find card '0'".
std::string alsa_message_text(const char* file, int line, const char* function,
                              const std::string& message, const std::string& error);

}  // namespace sk
