// TextFit: wraps and shrinks text into a box, measuring through the caller (pure: no SDL).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace sk {

// How text is measured at a given type size (in the app: SDL_ttf; in tests: a fixed width).
struct TextMeasure {
    std::function<int(std::string_view text, int pixel_size)> width;
    std::function<int(int pixel_size)> line_step;  // from one line's top to the next one's
};

// Whether long paragraphs wrap onto more lines, or stay one line each (a list).
enum class Wrap { words, none };

// Whether a word too wide for a line may be broken, or is left whole (and so does not fit).
enum class WordBreaks { allowed, avoided };

// Type may shrink to this share of the size that breaking words would allow, to keep words
// whole: "Morgendehnung" a little smaller reads better than "Morgendehn-" and "ung".
inline constexpr double whole_words_share = 0.7;

struct FittedText {
    int pixel_size = 0;                // 0 when nothing fits at all
    std::vector<std::string> lines;    // each no wider than the box
    std::vector<std::size_t> sources;  // for each line, the index of the paragraph it came from
    bool shortened = false;            // lines were cut to fit and end in an ellipsis
    bool operator==(const FittedText&) const = default;
};

// The extra space between two paragraphs (a third of a line), so wrapped steps stay apart.
inline int paragraph_gap(int line_step) {
    return line_step / 3;
}

// The height of `lines` set `line_step` apart, with a paragraph gap wherever the source changes.
int block_height(const std::vector<std::size_t>& sources, int line_step);

// The smallest type text shrinks to before it is cut short.
inline constexpr int smallest_pixel_size = 10;

// The sizes tried, largest first: `max_pixel_size`, then steps of about 9% down to
// smallest_pixel_size, so the renderer opens only a few font sizes.
std::vector<int> size_ladder(int max_pixel_size);

// The lines of `text` no wider than `width`: broken between words, and inside a word only when
// the word alone is too wide (long compounds, or scripts written without spaces). Stops after
// `most_lines` lines (the text goes on, but the caller has no room for more).
std::vector<std::string> wrap_words(std::string_view text, int width, int pixel_size,
                                    const TextMeasure& measure,
                                    std::size_t most_lines = static_cast<std::size_t>(-1),
                                    WordBreaks breaks = WordBreaks::allowed);

// More than this is never shown whole: a paragraph is cut to this many code points, a list to
// this many paragraphs, before any fitting (the config allows far less). Together with laying
// out only as many lines as fit, this bounds the work of fitting any text: measuring is what
// costs, and a 60,000-character name once took over a minute.
inline constexpr std::size_t most_fitted_code_points = 400;
inline constexpr std::size_t most_fitted_paragraphs = 64;

// `paragraphs` within those bounds; what was cut ends in an ellipsis. `cut` says whether any was.
std::vector<std::string> bounded_paragraphs(const std::vector<std::string>& paragraphs, bool& cut);

// The largest size on the ladder at which `paragraphs` (each starting a new line) fit a `width`
// x `height` box, with whole words when that costs no more than whole_words_share of the size. When
// even the smallest does not fit, keeps the lines that do and ends the last one with an ellipsis.
// Text beyond the bounds above is cut first (and `shortened` says so).
FittedText fit_text(const std::vector<std::string>& paragraphs, int width, int height,
                    int max_pixel_size, Wrap wrap, const TextMeasure& measure);

}  // namespace sk
