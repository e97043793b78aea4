#include "app/draw/text_fit.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace sk {
namespace {

constexpr std::string_view ellipsis = "\u2026";

bool is_continuation(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// How many code points `text` holds.
std::size_t code_point_count(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char byte) { return !is_continuation(byte); }));
}

// The length in bytes of the first `count` code points of `text` (all of it when it has fewer).
std::size_t prefix_bytes(std::string_view text, std::size_t count) {
    std::size_t at = 0;
    for (std::size_t seen = 0; at < text.size(); ++at) {
        if (!is_continuation(text[at]) && seen++ == count) {
            break;
        }
    }
    return at;
}

// The length in bytes of the longest prefix of `text` (whole code points, at least
// `at_least` of them) that is no wider than `width` with `suffix` after it. Found by halving: a
// few measurements however long the text, where trying one more code point at a time once cost
// a measurement per code point, for every size tried.
std::size_t longest_fitting_prefix(std::string_view text, std::string_view suffix, int width,
                                   int pixel_size, const TextMeasure& measure,
                                   std::size_t at_least) {
    auto fits = [&](std::size_t points) {
        std::string candidate(text.substr(0, prefix_bytes(text, points)));
        candidate += suffix;
        return measure.width(candidate, pixel_size) <= width;
    };
    std::size_t low = at_least;  // fits, or is the least there must be
    std::size_t high = code_point_count(text);
    if (high <= low || fits(high)) {
        return prefix_bytes(text, std::max(low, high));
    }
    --high;  // `high + 1` code points are too wide
    while (low < high) {
        const std::size_t middle = low + (high - low + 1) / 2;
        if (fits(middle)) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    return prefix_bytes(text, low);
}

// Lines laid out at one size, as far as they fit: `complete` is false when a line more than the
// height holds was needed (the lines then end with that one, which overflows).
struct LaidLines {
    std::vector<std::string> lines;
    std::vector<std::size_t> sources;
    bool complete = true;
};

// Lays out every paragraph, each starting a new line, stopping at the first line that overflows
// `height`: what comes after cannot change that the text does not fit at this size.
LaidLines lay_out(const std::vector<std::string>& paragraphs, int width, int height, int pixel_size,
                  Wrap wrap, const TextMeasure& measure) {
    LaidLines laid;
    const int step = std::max(1, measure.line_step(pixel_size));
    int used = 0;
    for (std::size_t index = 0; index < paragraphs.size(); ++index) {
        const std::string& paragraph = paragraphs[index];
        if (paragraph.empty()) {
            continue;
        }
        const int gap = laid.lines.empty() ? 0 : paragraph_gap(step);
        // As many lines as still fit, and one more to see the paragraph overflow.
        const int room = std::max(0, (height - used - gap) / step);
        std::vector<std::string> lines = wrap == Wrap::none
                                             ? std::vector<std::string>{paragraph}
                                             : wrap_words(paragraph, width, pixel_size, measure,
                                                          static_cast<std::size_t>(room) + 1);
        for (std::size_t line = 0; line < lines.size(); ++line) {
            used += step + (line == 0 ? gap : 0);
            laid.lines.push_back(std::move(lines[line]));
            laid.sources.push_back(index);
            if (used > height) {
                laid.complete = false;
                return laid;
            }
        }
    }
    return laid;
}

bool fits(const LaidLines& laid, int width, int pixel_size, const TextMeasure& measure) {
    return laid.complete &&
           std::all_of(laid.lines.begin(), laid.lines.end(), [&](const std::string& line) {
               return measure.width(line, pixel_size) <= width;
           });
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
                                    const TextMeasure& measure, std::size_t most_lines) {
    std::vector<std::string> lines;
    std::string line;
    auto room = [&] { return lines.size() < most_lines; };
    std::size_t start = 0;
    while (start <= text.size() && room()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view word = text.substr(start, end - start);
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
            if (!room()) {
                break;
            }
        }
        // A word too wide for a line is broken into pieces that fit; each holds at least one
        // code point, so a single glyph wider than the box still makes progress (and is clipped
        // later). The last piece stays open for the words after it.
        for (;;) {
            const std::size_t piece =
                longest_fitting_prefix(word, {}, width, pixel_size, measure, 1);
            if (piece == word.size()) {
                line = std::string(word);
                break;
            }
            lines.emplace_back(word.substr(0, piece));
            word.remove_prefix(piece);
            if (!room()) {
                break;
            }
        }
    }
    if (!line.empty() && room()) {
        lines.push_back(line);
    }
    return lines;
}

std::vector<std::string> bounded_paragraphs(const std::vector<std::string>& paragraphs, bool& cut) {
    cut = false;
    std::vector<std::string> bounded;
    for (const std::string& paragraph : paragraphs) {
        if (bounded.size() + 1 == most_fitted_paragraphs && &paragraph != &paragraphs.back()) {
            bounded.emplace_back(ellipsis);  // the list goes on
            cut = true;
            break;
        }
        const std::size_t end = prefix_bytes(paragraph, most_fitted_code_points);
        if (end < paragraph.size()) {
            bounded.push_back(paragraph.substr(0, end) + std::string(ellipsis));
            cut = true;
        } else {
            bounded.push_back(paragraph);
        }
    }
    return bounded;
}

FittedText fit_text(const std::vector<std::string>& text, int width, int height, int max_pixel_size,
                    Wrap wrap, const TextMeasure& measure) {
    FittedText fitted;
    const std::vector<int> sizes = size_ladder(max_pixel_size);
    if (width <= 0 || height <= 0 || sizes.empty()) {
        return fitted;
    }
    bool cut = false;
    const std::vector<std::string> paragraphs = bounded_paragraphs(text, cut);

    // The largest size that fits, by halving the ladder: smaller type never needs more room.
    std::size_t low = 0;
    std::size_t high = sizes.size();  // the answer is in [low, high); high: none fits
    std::optional<LaidLines> best;
    while (low < high) {
        const std::size_t middle = (low + high) / 2;
        LaidLines laid = lay_out(paragraphs, width, height, sizes[middle], wrap, measure);
        if (fits(laid, width, sizes[middle], measure)) {
            best = std::move(laid);
            high = middle;
        } else {
            low = middle + 1;
        }
    }
    if (best) {
        fitted.pixel_size = sizes[high];
        fitted.lines = std::move(best->lines);
        fitted.sources = std::move(best->sources);
        fitted.shortened = cut;
        return fitted;
    }

    // Even the smallest type is too big: keep what fits and say the rest was cut.
    const int size = sizes.back();
    LaidLines laid = lay_out(paragraphs, width, height, size, wrap, measure);
    const bool dropped = !laid.complete;
    if (dropped) {
        laid.lines.pop_back();  // the line that overflowed
        laid.sources.pop_back();
    }
    if (laid.lines.empty()) {
        return fitted;
    }
    fitted.pixel_size = size;
    fitted.shortened = true;
    // A box narrower than the ellipsis itself gets an empty line rather than an overflow.
    const bool room_for_ellipsis = measure.width(ellipsis, size) <= width;
    for (std::size_t index = 0; index < laid.lines.size(); ++index) {
        std::string& line = laid.lines[index];
        const bool last = index + 1 == laid.lines.size();
        if ((!last || !dropped) && measure.width(line, size) <= width) {
            continue;
        }
        const std::size_t keep = longest_fitting_prefix(line, ellipsis, width, size, measure, 0);
        line = room_for_ellipsis ? line.substr(0, keep) + std::string(ellipsis) : "";
    }
    fitted.lines = std::move(laid.lines);
    fitted.sources = std::move(laid.sources);
    return fitted;
}

}  // namespace sk
