// diagnostic: how a problem in a file is written for people ("FILE:LINE:COL: message").
#include "core/model/diagnostic.hpp"

namespace sk {

std::string Diagnostic::to_string() const {
    std::string text = file;
    if (line > 0) {
        text += ':' + std::to_string(line);
        if (column > 0) {
            text += ':' + std::to_string(column);
        }
    }
    text += ": ";
    text += message;
    return text;
}

}  // namespace sk
