#include "app/draw/digit_glyphs.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

namespace sk {
namespace {

// The box of `surface`'s pixels with any alpha (ARGB8888, 4-byte aligned rows), or an empty box
// when none has. Each row is searched from both ends: a glyph's rows are mostly ink or nothing.
SDL_Rect ink_of(const SDL_Surface& surface) {
    int left = surface.w;
    int right = 0;
    int top = surface.h;
    int bottom = 0;
    for (int y = 0; y < surface.h; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(
            static_cast<const std::uint8_t*>(surface.pixels) +
            static_cast<std::ptrdiff_t>(y) * surface.pitch);
        int first = 0;
        while (first < surface.w && (row[first] >> 24) == 0) {
            ++first;
        }
        if (first == surface.w) {
            continue;
        }
        int last = surface.w - 1;
        while ((row[last] >> 24) == 0) {
            --last;
        }
        left = std::min(left, first);
        right = std::max(right, last + 1);
        top = std::min(top, y);
        bottom = y + 1;
    }
    return right > left ? SDL_Rect{left, top, right - left, bottom - top} : SDL_Rect{0, 0, 0, 0};
}

}  // namespace

std::size_t DigitGlyphs::bytes() const {
    std::size_t total = 0;
    for (const Set& set : sets_) {
        for (const Glyph& glyph : set.glyphs) {
            total +=
                static_cast<std::size_t>(glyph.ink.w) * static_cast<std::size_t>(glyph.ink.h) * 4;
        }
    }
    return total;
}

DigitGlyphs::Set& DigitGlyphs::set_for(TTF_Font* font, int style, int pixel_size, Rgb colour) {
    ++uses_;
    for (Set& set : sets_) {
        if (set.font == font && set.style == style && set.pixel_size == pixel_size &&
            set.colour == colour) {
            set.last_used = uses_;
            return set;
        }
    }
    if (sets_.size() >= max_sets) {
        sets_.erase(std::min_element(sets_.begin(), sets_.end(), [](const Set& a, const Set& b) {
            return a.last_used < b.last_used;
        }));
    }
    Set& set = sets_.emplace_back();
    set.font = font;
    set.style = style;
    set.pixel_size = pixel_size;
    set.colour = colour;
    set.line_height = TTF_FontHeight(font);
    set.last_used = uses_;
    return set;
}

const DigitGlyphs::Glyph& DigitGlyphs::glyph(Set& set, int digit) {
    Glyph& glyph = set.glyphs[static_cast<std::size_t>(digit)];
    if (glyph.made) {
        return glyph;
    }
    glyph.made = true;
    const auto point = static_cast<Uint32>('0' + digit);
    int min_x = 0;
    int max_x = 0;
    int min_y = 0;
    int max_y = 0;
    int advance = 0;
    if (TTF_GlyphIsProvided32(set.font, point) == 0 ||
        TTF_GlyphMetrics32(set.font, point, &min_x, &max_x, &min_y, &max_y, &advance) != 0 ||
        min_x < 0) {
        return glyph;  // drawn by another font, or left of the pen: the line would shift
    }
    const char text[2] = {static_cast<char>('0' + digit), '\0'};
    const SDL_Color colour{set.colour.red, set.colour.green, set.colour.blue, 255};
    SurfaceHandle line(TTF_RenderUTF8_Blended(set.font, text, colour));
    ++rasterised_;
    // A glyph reaching above or below the font's line would make the number's line taller.
    if (!line || line->h != set.line_height || line->format->format != SDL_PIXELFORMAT_ARGB8888 ||
        SDL_MUSTLOCK(line.get())) {
        return glyph;
    }
    glyph.advance = advance;
    glyph.right = max_x;
    glyph.ink = ink_of(*line);
    if (glyph.ink.w > 0) {
        // The ink alone: the rest is transparent, which blending leaves as it was.
        SurfaceHandle ink(SDL_CreateRGBSurfaceWithFormatFrom(
            static_cast<std::uint8_t*>(line->pixels) +
                static_cast<std::ptrdiff_t>(glyph.ink.y) * line->pitch +
                static_cast<std::ptrdiff_t>(glyph.ink.x) * 4,
            glyph.ink.w, glyph.ink.h, 32, line->pitch, SDL_PIXELFORMAT_ARGB8888));
        if (ink) {
            glyph.texture.reset(SDL_CreateTextureFromSurface(renderer_, ink.get()));
        }
        if (!glyph.texture) {
            return glyph;
        }
        SDL_SetTextureBlendMode(glyph.texture.get(), SDL_BLENDMODE_BLEND);
    }
    glyph.usable = true;
    return glyph;
}

std::optional<ComposedLine> DigitGlyphs::compose(std::string_view digits, TTF_Font* font, int style,
                                                 int pixel_size, Rgb colour) {
    if (font == nullptr || renderer_ == nullptr || digits.empty() ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    Set& set = set_for(font, style, pixel_size, colour);
    ComposedLine line;
    line.height = set.line_height;
    int pen = 0;
    int right = 0;
    for (const char character : digits) {
        const Glyph& glyph = this->glyph(set, character - '0');
        if (!glyph.usable) {
            return std::nullopt;
        }
        if (glyph.texture) {
            line.glyphs.push_back({glyph.texture.get(), SDL_Rect{pen + glyph.ink.x, glyph.ink.y,
                                                                 glyph.ink.w, glyph.ink.h}});
        }
        right = std::max(right, pen + glyph.right);
        pen += glyph.advance;
    }
    line.width = std::max(right, pen);
    // SDL_ttf lays the whole number out with HarfBuzz: kerning between digits, or an advance
    // that is not a whole pixel, moves a glyph and shows in the line's width. Then this layout
    // is not SDL_ttf's: draw the number whole.
    int width = 0;
    int height = 0;
    if (TTF_SizeUTF8(font, std::string(digits).c_str(), &width, &height) != 0 ||
        width != line.width || height != line.height) {
        return std::nullopt;
    }
    return line;
}

}  // namespace sk
