#include "app/draw/text_estimate.hpp"

#include <algorithm>
#include <cmath>

namespace sk {

double estimated_em_width(std::string_view text) {
    double width = 0.0;
    for (std::size_t index = 0; index < text.size(); ++index) {
        const auto byte = static_cast<unsigned char>(text[index]);
        if (byte < 0x80) {
            if (byte == ' ') {
                width += 0.32;
            } else if (byte >= '0' && byte <= '9') {
                width += 0.64;
            } else if (byte >= 'A' && byte <= 'Z') {
                width += 0.70;
            } else {
                width += 0.58;
            }
        } else if ((byte & 0xE0) == 0xC0) {
            width += 0.62;  // Latin with accents, Greek, Cyrillic
        } else if ((byte & 0xF0) == 0xE0 || (byte & 0xF8) == 0xF0) {
            width += 1.0;  // CJK and symbols: a full em
        }
    }
    return width;
}

double estimated_ink_aspect(std::string_view text) {
    double advance = 0.0;
    for (const char character : text) {
        if (character >= '0' && character <= '9') {
            advance += digit_advance;
        } else if (character == ':' || character == '.') {
            advance += 0.40;
        } else if (character == ' ') {
            advance += 0.35;
        } else if ((static_cast<unsigned char>(character) & 0xC0) != 0x80) {
            advance += 0.75;
        }
    }
    return std::max(advance, digit_advance) / digit_height;
}

int estimated_lines(const std::vector<std::string>& paragraphs, double pixel_size, int width) {
    if (width <= 0) {
        return 0;
    }
    int lines = 0;
    for (const std::string& paragraph : paragraphs) {
        if (paragraph.empty()) {
            continue;
        }
        // Word wrapping leaves the ends of lines ragged: count on 90% of the width.
        const double line_width = 0.9 * width;
        lines += std::max(1, static_cast<int>(std::ceil(estimated_em_width(paragraph) * pixel_size /
                                                        line_width)));
    }
    return lines;
}

std::size_t code_points(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char character) {
        return (static_cast<unsigned char>(character) & 0xC0) != 0x80;
    }));
}

}  // namespace sk
