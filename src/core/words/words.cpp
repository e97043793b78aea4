// words: gettext's lookups, and the blanks.
#include "core/words/words.hpp"

#include <libintl.h>

namespace sk {

std::string tr(const char* english) {
    return dgettext(text_domain, english);
}

std::string tr_n(const char* singular, const char* plural, long count) {
    return dngettext(text_domain, singular, plural,
                     static_cast<unsigned long>(count < 0 ? -count : count));
}

std::string tr_c(const char* context, const char* english) {
    // The catalog keys a message with a context as "context\004message" (what gettext.h's
    // pgettext does); with no translation gettext hands the key back, so the English is cut out.
    const std::string key = std::string(context) + '\004' + english;
    const char* found = dgettext(text_domain, key.c_str());
    return found == key.c_str() || key == found ? std::string(english) : std::string(found);
}

std::string fill(std::string_view pattern, std::initializer_list<Blank> blanks) {
    std::string text;
    text.reserve(pattern.size());
    std::size_t at = 0;
    while (at < pattern.size()) {
        const std::size_t open = pattern.find('{', at);
        if (open == std::string_view::npos) {
            break;
        }
        const std::size_t close = pattern.find('}', open);
        if (close == std::string_view::npos) {
            break;
        }
        text.append(pattern.substr(at, open - at));
        const std::string_view name = pattern.substr(open + 1, close - open - 1);
        const Blank* blank = nullptr;
        for (const Blank& candidate : blanks) {
            if (candidate.name == name) {
                blank = &candidate;
            }
        }
        if (blank != nullptr) {
            text += blank->value;
        } else {
            text.append(pattern.substr(open, close - open + 1));
        }
        at = close + 1;
    }
    text.append(pattern.substr(at));
    return text;
}

}  // namespace sk
