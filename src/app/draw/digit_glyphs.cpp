#include "app/draw/digit_glyphs.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

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

SDL_Rect united(const SDL_Rect& a, const SDL_Rect& b) {
    if (a.w <= 0 || a.h <= 0) {
        return b;
    }
    const int left = std::min(a.x, b.x);
    const int top = std::min(a.y, b.y);
    const int right = std::max(a.x + a.w, b.x + b.w);
    const int bottom = std::max(a.y + a.h, b.y + b.h);
    return {left, top, right - left, bottom - top};
}

}  // namespace

std::size_t DigitGlyphs::bytes() const {
    std::size_t total =
        static_cast<std::size_t>(number_width_) * static_cast<std::size_t>(number_height_) * 4;
    for (const Set& set : sets_) {
        for (const Glyph& glyph : set.glyphs) {
            total += glyph.coverage.size();
        }
    }
    return total;
}

void DigitGlyphs::clear() {
    sets_.clear();
    number_.reset();
    number_width_ = 0;
    number_height_ = 0;
    shown_ = {};
}

DigitGlyphs::Set& DigitGlyphs::set_for(TTF_Font* font, int style, int pixel_size) {
    ++uses_;
    for (Set& set : sets_) {
        if (set.font == font && set.style == style && set.pixel_size == pixel_size) {
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
    set.line_height = TTF_FontHeight(font);
    set.id = ++sets_made_;
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
    // White: only the alpha (the coverage) is kept, and the colour is given when composing.
    SurfaceHandle line(TTF_RenderUTF8_Blended(set.font, text, SDL_Color{255, 255, 255, 255}));
    ++rasterised_;
    // A glyph reaching above or below the font's line would make the number's line taller.
    if (!line || line->h != set.line_height || line->format->format != SDL_PIXELFORMAT_ARGB8888 ||
        SDL_MUSTLOCK(line.get())) {
        return glyph;
    }
    glyph.advance = advance;
    glyph.right = max_x;
    glyph.ink = ink_of(*line);
    glyph.coverage.resize(static_cast<std::size_t>(glyph.ink.w) *
                          static_cast<std::size_t>(glyph.ink.h));
    for (int y = 0; y < glyph.ink.h; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(
                              static_cast<const std::uint8_t*>(line->pixels) +
                              static_cast<std::ptrdiff_t>(glyph.ink.y + y) * line->pitch) +
                          glyph.ink.x;
        std::uint8_t* out = glyph.coverage.data() + static_cast<std::ptrdiff_t>(y) * glyph.ink.w;
        for (int x = 0; x < glyph.ink.w; ++x) {
            out[x] = static_cast<std::uint8_t>(row[x] >> 24);
        }
    }
    glyph.usable = true;
    return glyph;
}

bool DigitGlyphs::paint(const std::vector<std::pair<const Glyph*, int>>& placed,
                        const SDL_Rect& ink, Rgb colour) {
    // Grown, never shrunk: the countdown's widest number comes first, and a texture made anew
    // for each width would be the churn this class exists to avoid.
    if (!number_ || ink.w > number_width_ || ink.h > number_height_) {
        const int width = std::max(ink.w, number_width_);
        const int height = std::max(ink.h, number_height_);
        number_.reset(SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888,
                                        SDL_TEXTUREACCESS_STREAMING, width, height));
        number_width_ = number_ ? width : 0;
        number_height_ = number_ ? height : 0;
        if (!number_) {
            return false;
        }
        SDL_SetTextureBlendMode(number_.get(), SDL_BLENDMODE_BLEND);
    }
    const SDL_Rect area{0, 0, ink.w, ink.h};
    void* pixels = nullptr;
    int pitch = 0;
    if (SDL_LockTexture(number_.get(), &area, &pixels, &pitch) != 0) {
        return false;
    }
    // Transparent pixels carry the colour too, as SDL_ttf's do: blending then gives the same
    // result whatever the renderer does with a pixel of no alpha.
    const std::uint32_t rgb = (std::uint32_t{colour.red} << 16) |
                              (std::uint32_t{colour.green} << 8) | std::uint32_t{colour.blue};
    // Row by row, so each row is filled and then ORed while it is still in the cache.
    for (int y = 0; y < ink.h; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(static_cast<std::uint8_t*>(pixels) +
                                                     static_cast<std::ptrdiff_t>(y) * pitch);
        std::fill_n(row, ink.w, rgb);
        for (const auto& [glyph, pen] : placed) {
            const int glyph_y = ink.y + y - glyph->ink.y;
            if (glyph_y < 0 || glyph_y >= glyph->ink.h) {
                continue;
            }
            std::uint32_t* out = row + (pen + glyph->ink.x - ink.x);
            const std::uint8_t* cover =
                glyph->coverage.data() + static_cast<std::ptrdiff_t>(glyph_y) * glyph->ink.w;
            for (int x = 0; x < glyph->ink.w; ++x) {
                out[x] |= std::uint32_t{cover[x]} << 24;
            }
        }
    }
    SDL_UnlockTexture(number_.get());
    ++composed_;
    return true;
}

std::optional<ComposedLine> DigitGlyphs::compose(std::string_view digits, TTF_Font* font, int style,
                                                 int pixel_size, Rgb colour) {
    if (font == nullptr || renderer_ == nullptr || digits.empty() ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    Set& set = set_for(font, style, pixel_size);
    if (shown_.set == set.id && shown_.digits == digits && shown_.colour == colour) {
        return shown_.line;
    }
    ComposedLine line;
    line.height = set.line_height;
    std::vector<std::pair<const Glyph*, int>> placed;
    SDL_Rect ink{0, 0, 0, 0};
    int pen = 0;
    int right = 0;
    for (const char character : digits) {
        const Glyph& glyph = this->glyph(set, character - '0');
        if (!glyph.usable) {
            return std::nullopt;
        }
        if (glyph.ink.w > 0) {
            placed.emplace_back(&glyph, pen);
            ink = united(ink, SDL_Rect{pen + glyph.ink.x, glyph.ink.y, glyph.ink.w, glyph.ink.h});
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
    if (!placed.empty()) {
        shown_ = {};  // the texture is about to change, whatever happens
        if (!paint(placed, ink, colour)) {
            return std::nullopt;
        }
        line.texture = number_.get();
        line.source = {0, 0, ink.w, ink.h};
        line.place = ink;
    }
    shown_ = {set.id, std::string(digits), colour, line};
    return line;
}

}  // namespace sk
