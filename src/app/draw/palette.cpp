#include "app/draw/palette.hpp"

namespace sk {
namespace {

// Day: near-white type with a cool accent for the left leg and a warm one for the right; the
// caution is amber so it never reads as one of the legs.
constexpr Palette day_palette{
    .background = {0, 0, 0},
    .heading = {240, 240, 235},
    .big_number = {250, 250, 245},
    .text = {215, 215, 210},
    .picture = {200, 200, 195},
    .quiet = {135, 135, 130},
    .left_side = {80, 190, 255},
    .right_side = {255, 120, 200},
    .progress = {80, 210, 160},
    .progress_track = {45, 45, 45},
    .caution = {255, 170, 40},
    .banner = {255, 110, 80},
    .done = {90, 210, 120},
    .missed = {150, 110, 100},
};

// Night: warm and dim, no blue light, nothing above night_brightness_limit; the legs differ by
// hue (straw yellow against coral) and by the side their marker sits on.
constexpr Palette night_palette{
    .background = {0, 0, 0},
    .heading = {150, 110, 60},
    .big_number = {153, 112, 60},
    .text = {130, 95, 55},
    .picture = {118, 86, 50},
    .quiet = {90, 62, 35},
    .left_side = {150, 140, 50},
    .right_side = {150, 75, 60},
    .progress = {120, 80, 30},
    .progress_track = {35, 24, 14},
    .caution = {153, 90, 20},
    .banner = {150, 60, 40},
    .done = {110, 120, 50},
    .missed = {90, 55, 40},
};

}  // namespace

const Palette& palette_for(Theme theme) {
    return theme == Theme::night ? night_palette : day_palette;
}

Rgb side_colour(const Palette& palette, Side side) {
    switch (side) {
        case Side::left:
            return palette.left_side;
        case Side::right:
            return palette.right_side;
        case Side::none:
            break;
    }
    return palette.heading;
}

}  // namespace sk
