// Log: one plain sentence a line on stderr, which the journal keeps when systemd runs us.
#pragma once

#include <string_view>

namespace sk {

void log_line(std::string_view sentence);

}  // namespace sk
