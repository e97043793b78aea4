// PngWriter: saves an SDL surface as a PNG file, in-process (SDL2 alone writes only BMP).
#pragma once

#include <SDL.h>

#include <filesystem>

namespace sk {

// Writes `surface` to `path` as an 8-bit RGB PNG (zlib-compressed). On failure returns false and
// leaves the reason in SDL_GetError().
bool save_png(SDL_Surface* surface, const std::filesystem::path& path);

}  // namespace sk
