// Picture: a pose's SVG line drawing rasterised at the size it is shown, in the screen's colours.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/draw/palette.hpp"
#include "app/draw/sdl_handles.hpp"

namespace sk {

// The two colours a picture is drawn in.
struct PictureInk {
    Rgb figure;       // every line but the working leg's
    Rgb working_leg;  // what the drawing marks in red
    bool operator==(const PictureInk&) const = default;
};

// A per-leg drawing is made for the left leg; the right leg's is its mirror image.
enum class Mirror : std::uint8_t { none, left_right };

struct RasterisedPicture {
    SurfaceHandle surface;  // ARGB8888, straight alpha; null when the SVG cannot be drawn
    std::string problem;    // why not, in words that follow "picture 'x.svg' "
};

// More of the picture's box than this lit (as coverage) is a filled drawing, not a line drawing:
// behind a two-way mirror it would be a lamp.
inline constexpr double most_lit_share = 0.30;

// `svg` drawn by SDL_image as large as fits in `width` x `height` without stretching, then
// recoloured: every pixel keeps its opacity and takes `ink.figure`, or, as far as it is red,
// `ink.working_leg`. So the theme's limits hold for any picture, whatever colours its file uses.
RasterisedPicture rasterise_picture(std::string_view svg, int width, int height,
                                    const PictureInk& ink, Mirror mirror);

// How much of a `width` x `height` area `picture` lights, from 0 to 1 (its pixels' opacity,
// summed over the area).
double lit_share(SDL_Surface* picture, int width, int height);

// What is wrong with `svg` for the screen, in words that follow "picture 'x.svg' ": SDL_image
// cannot draw it, it draws nothing, or it lights more than most_lit_share of its box. nullopt
// when it is a good line drawing. The config check (PictureDecoder) for the kiosk.
std::optional<std::string> picture_problem(std::string_view svg);

}  // namespace sk
