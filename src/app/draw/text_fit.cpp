#include "app/draw/text_fit.hpp"

#include <algorithm>
#include <cmath>

namespace sk {
namespace {

constexpr std::string_view ellipsis = "\u2026";

bool is_continuation(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// The length of the first code point of `text` in bytes (at least 1).
std::size_t first_code_point(std::string_view text) {
    std::size_t length = 1;
    while (length < text.size() && is_continuation(text[length])) {
        ++length;
    }
    return length;
}

// `text` without its last code point.
std::string_view drop_last_code_point(std::string_view text) {
    std::size_t end = text.size();
    while (end > 0 && is_continuation(text[end - 1])) {
        --end;
    }
    return text.substr(0, end > 0 ? end - 1 : 0);
}

// Splits a word too wide for a line into pieces that fit; each piece holds at least one code
// point, so a single glyph wider than the box still makes progress (and is clipped later).
std::vector<std::string> break_word(std::string_view word, int width, int pixel_size,
                                    const TextMeasure& measure) {
    std::vector<std::string> pieces;
    std::string piece;
    while (!word.empty()) {
        const std::size_t length = first_code_point(word);
        const std::string longer = piece + std::string(word.substr(0, length));
        if (!piece.empty() && measure.width(longer, pixel_size) > width) {
            pieces.push_back(piece);
            piece = std::string(word.substr(0, length));
        } else {
            piece = longer;
        }
        word.remove_prefix(length);
    }
    if (!piece.empty()) {
        pieces.push_back(piece);
    }
    return pieces;
}

bool fits(const std::vector<std::string>& lines, const std::vector<std::size_t>& sources, int width,
          int height, int pixel_size, const TextMeasure& measure) {
    if (block_height(sources, measure.line_step(pixel_size)) > height) {
        return false;
    }
    return std::all_of(lines.begin(), lines.end(), [&](const std::string& line) {
        return measure.width(line, pixel_size) <= width;
    });
}

// The lines of every paragraph, each paragraph starting a new line; `sources` says which
// paragraph each line came from.
std::vector<std::string> lay_lines(const std::vector<std::string>& paragraphs, int width,
                                   int pixel_size, Wrap wrap, const TextMeasure& measure,
                                   std::vector<std::size_t>& sources) {
    std::vector<std::string> lines;
    sources.clear();
    for (std::size_t index = 0; index < paragraphs.size(); ++index) {
        const std::string& paragraph = paragraphs[index];
        if (paragraph.empty()) {
            continue;
        }
        if (wrap == Wrap::none) {
            lines.push_back(paragraph);
            sources.push_back(index);
            continue;
        }
        for (std::string& line : wrap_words(paragraph, width, pixel_size, measure)) {
            lines.push_back(std::move(line));
            sources.push_back(index);
        }
    }
    return lines;
}

}  // namespace

int block_height(const std::vector<std::size_t>& sources, int line_step) {
    int height = 0;
    for (std::size_t index = 0; index < sources.size(); ++index) {
        height += line_step;
        if (index > 0 && sources[index] != sources[index - 1]) {
            height += paragraph_gap(line_step);
        }
    }
    return height;
}

std::vector<int> size_ladder(int max_pixel_size) {
    std::vector<int> sizes;
    if (max_pixel_size <= 0) {
        return sizes;
    }
    sizes.push_back(max_pixel_size);
    // Fixed rungs (not relative to the maximum) so different boxes share font sizes.
    for (double rung = 400.0; rung >= smallest_pixel_size; rung /= 1.09) {
        const int size = static_cast<int>(std::lround(rung));
        if (size < sizes.back() && size <= max_pixel_size * 0.95) {
            sizes.push_back(size);
        }
    }
    if (sizes.back() > smallest_pixel_size && max_pixel_size > smallest_pixel_size) {
        sizes.push_back(smallest_pixel_size);
    }
    return sizes;
}

std::vector<std::string> wrap_words(std::string_view text, int width, int pixel_size,
                                    const TextMeasure& measure) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const std::string_view word = text.substr(start, end - start);
        start = end + 1;
        if (word.empty()) {
            continue;
        }
        const std::string longer =
            line.empty() ? std::string(word) : line + " " + std::string(word);
        if (measure.width(longer, pixel_size) <= width) {
            line = longer;
            continue;
        }
        if (!line.empty()) {
            lines.push_back(line);
            line.clear();
        }
        if (measure.width(word, pixel_size) <= width) {
            line = std::string(word);
            continue;
        }
        std::vector<std::string> pieces = break_word(word, width, pixel_size, measure);
        line = pieces.back();
        pieces.pop_back();
        lines.insert(lines.end(), pieces.begin(), pieces.end());
    }
    if (!line.empty()) {
        lines.push_back(line);
    }
    return lines;
}

FittedText fit_text(const std::vector<std::string>& paragraphs, int width, int height,
                    int max_pixel_size, Wrap wrap, const TextMeasure& measure) {
    FittedText fitted;
    if (width <= 0 || height <= 0) {
        return fitted;
    }
    const std::vector<int> sizes = size_ladder(max_pixel_size);
    for (const int size : sizes) {
        std::vector<std::string> lines =
            lay_lines(paragraphs, width, size, wrap, measure, fitted.sources);
        if (fits(lines, fitted.sources, width, height, size, measure)) {
            fitted.pixel_size = size;
            fitted.lines = std::move(lines);
            return fitted;
        }
    }
    if (sizes.empty()) {
        return fitted;
    }
    // Even the smallest type is too big: keep what fits and say the rest was cut.
    const int size = sizes.back();
    std::vector<std::string> lines =
        lay_lines(paragraphs, width, size, wrap, measure, fitted.sources);
    const int step = std::max(1, measure.line_step(size));
    std::size_t room = 0;
    while (room < lines.size() &&
           block_height({fitted.sources.begin(), fitted.sources.begin() + room + 1}, step) <=
               height) {
        ++room;
    }
    if (room == 0) {
        fitted.sources.clear();
        return fitted;
    }
    fitted.pixel_size = size;
    fitted.shortened = true;
    const bool dropped = lines.size() > room;
    lines.resize(std::min(lines.size(), room));
    fitted.sources.resize(lines.size());
    for (std::size_t index = 0; index < lines.size(); ++index) {
        const bool last = index + 1 == lines.size();
        std::string_view line = lines[index];
        if (!last && measure.width(line, size) <= width) {
            continue;
        }
        if (!dropped && measure.width(line, size) <= width) {
            continue;
        }
        while (!line.empty() &&
               measure.width(std::string(line) + std::string(ellipsis), size) > width) {
            line = drop_last_code_point(line);
        }
        // A box narrower than the ellipsis itself gets an empty line rather than an overflow.
        const bool room_for_ellipsis = measure.width(ellipsis, size) <= width;
        lines[index] = room_for_ellipsis ? std::string(line) + std::string(ellipsis) : "";
    }
    fitted.lines = std::move(lines);
    return fitted;
}

}  // namespace sk
