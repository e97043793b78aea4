// SevenSegment: digits drawn from plain rectangles, for when no font can be opened at all.
#pragma once

#include <SDL.h>

#include <string_view>

#include "app/draw/layout.hpp"
#include "app/draw/palette.hpp"

namespace sk {

// Whether `text` holds only what segments can draw: digits, ':', '-' and spaces.
bool segments_can_draw(std::string_view text);

// Draws `text` as large as fits in `box`, centred, and returns where it went (empty when it
// cannot be drawn). Uses only SDL_RenderFillRect, so it works on any renderer.
Box draw_segments(SDL_Renderer* renderer, std::string_view text, const Box& box, Rgb colour);

}  // namespace sk
