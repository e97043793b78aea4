// TextRun: a stretch of one line drawn with one font in one direction. A line needs several when
// it holds a script the chosen font lacks (drawn with a fallback font) or runs right to left.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "app/fonts/code_points.hpp"

namespace sk {

enum class TextDirection : std::uint8_t { left_to_right, right_to_left };

// Which font draws a code point: 0 is the chosen font, 1 and up the fallback faces, and
// `no_font` when no installed font has it (drawn with the chosen font, as its missing-glyph box).
inline constexpr int no_font = -1;
using FontForPoint = std::function<int(char32_t)>;
// Whether font `font` has a glyph for the code point.
using FontHasPoint = std::function<bool(int font, char32_t)>;

struct TextRun {
    std::string_view text;  // a part of the line, whole UTF-8 sequences
    int font = 0;
    TextDirection direction = TextDirection::left_to_right;
    // The ISO 15924 tag to shape with ("Arab", "Hebr"), or empty: left to the shaper's default.
    std::string_view script;
    bool operator==(const TextRun&) const = default;
};

// Splits `line` where the font or the direction changes. Spaces, punctuation, digits and marks
// belong to no script and stay in the run around them when its font has them, so a font changes
// only where it must. The runs are in the line's logical order (the order of the text).
std::vector<TextRun> split_runs(std::string_view line, const FontForPoint& font_for,
                                const FontHasPoint& has);

// The direction of the line as a whole: that of its first letter of a script with a direction.
TextDirection line_direction(std::string_view line);

// The runs' order on screen from left to right: a right-to-left line places its first run
// rightmost (a simple reading of the bidirectional algorithm: enough for titles and steps).
std::vector<TextRun> visual_order(std::vector<TextRun> runs, TextDirection line);

}  // namespace sk
