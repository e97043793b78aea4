#include "app/fonts/code_points.hpp"

namespace sk {

char32_t take_code_point(std::string_view& text) {
    const auto lead = static_cast<unsigned char>(text.front());
    int extra = 0;
    char32_t point = lead;
    if (lead >= 0xF0) {
        extra = 3;
        point = lead & 0x07u;
    } else if (lead >= 0xE0) {
        extra = 2;
        point = lead & 0x0Fu;
    } else if (lead >= 0xC0) {
        extra = 1;
        point = lead & 0x1Fu;
    } else if (lead >= 0x80) {
        text.remove_prefix(1);
        return 0xFFFD;
    }
    text.remove_prefix(1);
    for (int index = 0; index < extra; ++index) {
        if (text.empty() || (static_cast<unsigned char>(text.front()) & 0xC0) != 0x80) {
            return 0xFFFD;
        }
        point = (point << 6) | (static_cast<unsigned char>(text.front()) & 0x3Fu);
        text.remove_prefix(1);
    }
    return point;
}

std::string utf8_of(char32_t point) {
    std::string out;
    if (point < 0x80) {
        out += static_cast<char>(point);
    } else if (point < 0x800) {
        out += static_cast<char>(0xC0 | (point >> 6));
        out += static_cast<char>(0x80 | (point & 0x3F));
    } else if (point < 0x10000) {
        out += static_cast<char>(0xE0 | (point >> 12));
        out += static_cast<char>(0x80 | ((point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (point & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (point >> 18));
        out += static_cast<char>(0x80 | ((point >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (point & 0x3F));
    }
    return out;
}

}  // namespace sk
