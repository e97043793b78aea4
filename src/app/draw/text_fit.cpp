#include "app/draw/text_fit.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "app/draw/text_runs.hpp"

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

// Scripts written without spaces between words (Chinese, Japanese), where a line may break
// between any two characters and no hyphen marks it.
bool breaks_anywhere(char32_t point) {
    return (point >= 0x2E80 && point <= 0x9FFF) || (point >= 0xF900 && point <= 0xFAFF) ||
           (point >= 0xFF00 && point <= 0xFFEF) || (point >= 0x20000 && point <= 0x2FFFF);
}

// What may not begin a line (closing marks, small kana, the long-vowel mark) or end one
// (opening marks): the line-breaking rules of Japanese and Chinese, and of punctuation anywhere.
bool never_starts_line(char32_t point) {
    static constexpr std::array<char32_t, 52> closing = {
        U'、', U'。', U'，', U'．', U'・', U'：', U'；', U'？', U'！', U'）', U'］', U'｝', U'」',
        U'』', U'】', U'〉', U'》', U'〕', U'〗', U'〙', U'ー', U'々', U'ゝ', U'ゞ', U'ぁ', U'ぃ',
        U'ぅ', U'ぇ', U'ぉ', U'っ', U'ゃ', U'ゅ', U'ょ', U'ゎ', U'ァ', U'ィ', U'ゥ', U'ェ', U'ォ',
        U'ッ', U'ャ', U'ュ', U'ョ', U'ヮ', U'ヵ', U'ヶ', U',',  U'.',  U')',  U']',  U'!',  U'?'};
    return std::find(closing.begin(), closing.end(), point) != closing.end() || point == U':' ||
           point == U';' || point == U'}' || point == 0x201D || point == 0x2019;
}

bool never_ends_line(char32_t point) {
    static constexpr std::array<char32_t, 14> opening = {U'（', U'［', U'｛', U'「', U'『',
                                                         U'【', U'〈', U'《', U'〔', U'〖',
                                                         U'(',  U'[',  U'{',  0x201C};
    return std::find(opening.begin(), opening.end(), point) != opening.end();
}

// The first and the last code point of `text` (not empty).
char32_t first_point(std::string_view text) {
    return take_code_point(text);
}

char32_t last_point(std::string_view text) {
    std::size_t start = text.size() - 1;
    while (start > 0 && is_continuation(text[start])) {
        --start;
    }
    std::string_view last = text.substr(start);
    return take_code_point(last);
}

// The length in bytes of `text` without its last code point.
std::size_t without_last_point(std::string_view text) {
    std::size_t start = text.size() - 1;
    while (start > 0 && is_continuation(text[start])) {
        --start;
    }
    return start;
}

// Where to break `word`, too wide for a line, and whether the break takes a hyphen: as much as
// fits, moved back over characters that may not end or begin a line, and hyphenated when the
// break falls between two letters of a script written with spaces (a long German compound).
struct WordBreak {
    std::size_t bytes = 0;
    bool hyphen = false;
};

WordBreak break_word(std::string_view word, int width, int pixel_size, const TextMeasure& measure) {
    WordBreak cut{longest_fitting_prefix(word, {}, width, pixel_size, measure, 1), false};
    if (cut.bytes >= word.size()) {
        return cut;
    }
    auto spaced_letters = [&](std::size_t at) {
        const char32_t before = last_point(word.substr(0, at));
        const char32_t after = first_point(word.substr(at));
        return !breaks_anywhere(before) && !breaks_anywhere(after) && before != U'-' &&
               !never_starts_line(after);
    };
    if (spaced_letters(cut.bytes)) {
        const std::size_t hyphenated =
            longest_fitting_prefix(word, "-", width, pixel_size, measure, 1);
        // Leave at least two letters on each side, as hyphenation does, where the word allows.
        std::size_t bytes = hyphenated;
        if (code_point_count(word) >= 4) {
            const std::size_t two = prefix_bytes(word, 2);
            const std::size_t all_but_two = prefix_bytes(word, code_point_count(word) - 2);
            bytes = std::clamp(bytes, std::min(two, all_but_two), all_but_two);
        }
        if (bytes > 0 && bytes < word.size() && spaced_letters(bytes)) {
            return {bytes, true};
        }
    }
    // Move back (at most a few characters) until the break is allowed.
    std::size_t bytes = cut.bytes;
    for (int tries = 0; tries < 3; ++tries) {
        const std::string_view piece = word.substr(0, bytes);
        if (!never_starts_line(first_point(word.substr(bytes))) &&
            !never_ends_line(last_point(piece))) {
            return {bytes, false};
        }
        const std::size_t shorter = without_last_point(piece);
        if (shorter == 0) {
            break;
        }
        bytes = shorter;
    }
    return cut;  // no allowed break near: as much as fits, as before
}

// wrap_words, saying whether a word had to be broken.
std::vector<std::string> wrap_into(std::string_view text, int width, int pixel_size,
                                   const TextMeasure& measure, std::size_t most_lines,
                                   WordBreaks breaks, bool& broke) {
    broke = false;
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
        if (breaks == WordBreaks::avoided) {
            line = std::string(word);  // too wide: this size does not fit whole words
            continue;
        }
        // A word too wide for a line is broken into pieces that fit (break_word: where the
        // language allows, with a hyphen in a spaced script); each holds at least one code point,
        // so a single glyph wider than the box still makes progress (and is clipped later). The
        // last piece stays open for the words after it.
        for (;;) {
            const WordBreak piece = break_word(word, width, pixel_size, measure);
            if (piece.bytes >= word.size()) {
                line = std::string(word);
                break;
            }
            lines.push_back(std::string(word.substr(0, piece.bytes)) + (piece.hyphen ? "-" : ""));
            broke = true;
            word.remove_prefix(piece.bytes);
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

// Lines laid out at one size, as far as they fit: `complete` is false when a line more than the
// height holds was needed (the lines then end with that one, which overflows).
struct LaidLines {
    std::vector<std::string> lines;
    std::vector<std::size_t> sources;
    bool complete = true;
    bool broke_word = false;  // a word too wide for a line was broken
};

// Lays out every paragraph, each starting a new line, stopping at the first line that overflows
// `height`: what comes after cannot change that the text does not fit at this size.
LaidLines lay_out(const std::vector<std::string>& paragraphs, int width, int height, int pixel_size,
                  Wrap wrap, const TextMeasure& measure, WordBreaks breaks) {
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
        bool broke = false;
        std::vector<std::string> lines =
            wrap == Wrap::none ? std::vector<std::string>{paragraph}
                               : wrap_into(paragraph, width, pixel_size, measure,
                                           static_cast<std::size_t>(room) + 1, breaks, broke);
        laid.broke_word = laid.broke_word || broke;
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
                                    const TextMeasure& measure, std::size_t most_lines,
                                    WordBreaks breaks) {
    bool broke = false;
    return wrap_into(text, width, pixel_size, measure, most_lines, breaks, broke);
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
    auto largest_fitting = [&](WordBreaks breaks) -> std::optional<std::pair<int, LaidLines>> {
        std::size_t low = 0;
        std::size_t high = sizes.size();  // the answer is in [low, high); high: none fits
        std::optional<LaidLines> found;
        while (low < high) {
            const std::size_t middle = (low + high) / 2;
            LaidLines laid =
                lay_out(paragraphs, width, height, sizes[middle], wrap, measure, breaks);
            if (fits(laid, width, sizes[middle], measure)) {
                found = std::move(laid);
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        if (!found) {
            return std::nullopt;
        }
        return std::make_pair(sizes[high], std::move(*found));
    };
    std::optional<std::pair<int, LaidLines>> best = largest_fitting(WordBreaks::allowed);
    if (best && best->second.broke_word) {
        std::optional<std::pair<int, LaidLines>> whole = largest_fitting(WordBreaks::avoided);
        if (whole && whole->first < best->first &&
            whole->first >= whole_words_share * best->first) {
            best = std::move(whole);
        }
    }
    if (best) {
        fitted.pixel_size = best->first;
        fitted.lines = std::move(best->second.lines);
        fitted.sources = std::move(best->second.sources);
        fitted.shortened = cut;
        return fitted;
    }

    // Even the smallest type is too big: keep what fits and say the rest was cut.
    const int size = sizes.back();
    LaidLines laid = lay_out(paragraphs, width, height, size, wrap, measure, WordBreaks::allowed);
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
