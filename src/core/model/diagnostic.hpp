// Diagnostic: one problem in a user's file, with the place it was found.
#pragma once

#include <string>
#include <vector>

namespace sk {

struct Diagnostic {
    std::string file;  // as the user named it
    int line = 0;      // 1-based; 0 when the problem is with the file as a whole
    int column = 0;    // 1-based; 0 when the problem is with the file as a whole
    std::string message;

    // "FILE:LINE:COL: message", or "FILE: message" for a whole-file problem.
    std::string to_string() const;
    bool operator==(const Diagnostic&) const = default;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace sk
