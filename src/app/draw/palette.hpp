// Palette: the colours of one theme (pure: no SDL), on a background that is always pure black.
#pragma once

#include <cstdint>

#include "core/model/config.hpp"
#include "core/model/screen_view.hpp"

namespace sk {

// An opaque colour, 0..255 per channel.
struct Rgb {
    std::uint8_t red = 0;
    std::uint8_t green = 0;
    std::uint8_t blue = 0;
    bool operator==(const Rgb&) const = default;
};

// Every colour the renderer uses. Behind a two-way mirror only lit pixels show through, so the
// background stays black and bright colours are kept to thin lines and type.
struct Palette {
    Rgb background;      // always pure black
    Rgb heading;         // titles and the clock
    Rgb big_number;      // the countdown
    Rgb text;            // steps and cues
    Rgb picture;         // the lines of a pose's picture (its working leg takes the leg's colour)
    Rgb quiet;           // dates, hints: present but not competing
    Rgb left_side;       // "Left leg" and its marker
    Rgb right_side;      // "Right leg" and its marker
    Rgb progress;        // the filled part of the progress bar
    Rgb progress_track;  // the rest of it
    Rgb caution;         // warnings about a stretch
    Rgb banner;          // config errors
    Rgb done;            // a session done today
    Rgb missed;          // a session missed today
};

// The brightest channel value the night theme may use: 60% of full, so a bedroom stays dark.
inline constexpr std::uint8_t night_brightness_limit = 153;

// The colours for `theme`.
const Palette& palette_for(Theme theme);

// The colour that names `side` (the heading colour for Side::none).
Rgb side_colour(const Palette& palette, Side side);

}  // namespace sk
