#include "app/system/log.hpp"

#include <cstdio>

namespace sk {

void log_line(std::string_view sentence) {
    // One fprintf per line: lines from one process never interleave mid-line in the journal.
    std::fprintf(stderr, "stretch-kiosk: %.*s\n", static_cast<int>(sentence.size()),
                 sentence.data());
}

}  // namespace sk
