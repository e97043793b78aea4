// TextEstimate: rough text sizes from DejaVu Sans' proportions, for sharing out space (pure).
// Only the layout uses them; the renderer measures the real text and shrinks it into its box.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sk {

// DejaVu Sans' line skip is 1.164 em; a little more keeps descenders clear of the next box.
inline constexpr double estimated_line_height = 1.2;
// DejaVu Sans: digits are 0.636 em wide and 0.729 em tall.
inline constexpr double digit_advance = 0.636;
inline constexpr double digit_height = 0.729;
// Big digits fill this much of their box's height; the rest keeps them off their neighbours.
inline constexpr double ink_share = 0.94;

// The width of `text` in em, guessed per code point.
double estimated_em_width(std::string_view text);

// How wide the ink of short text (a clock, a countdown) is for its height.
double estimated_ink_aspect(std::string_view text);

// How many lines `paragraphs` take at `pixel_size` in `width` pixels, each starting a new line.
int estimated_lines(const std::vector<std::string>& paragraphs, double pixel_size, int width);

// How many code points UTF-8 `text` holds.
std::size_t code_points(std::string_view text);

}  // namespace sk
