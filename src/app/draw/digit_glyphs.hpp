// DigitGlyphs: the ten digits of a font at one size and colour, each rasterised once, and numbers
// laid out from them exactly where SDL_ttf would put them in one line of the whole number.
#pragma once

#include <SDL.h>
#include <SDL_ttf.h>

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "app/draw/palette.hpp"
#include "app/draw/sdl_handles.hpp"

namespace sk {

// One glyph's texture and where it goes, from the top left of the line the number would be.
struct PlacedGlyph {
    SDL_Texture* texture = nullptr;
    SDL_Rect place{};
};

// A number as one line of text: its size (what TTF_SizeUTF8 says) and its glyphs.
struct ComposedLine {
    int width = 0;
    int height = 0;
    std::vector<PlacedGlyph> glyphs;
};

// Why: the countdown's number changes every second, and rasterising it whole made a texture of
// the whole line anew each time (9.5 MB at 4K). Its digits are few: drawn once, each cropped to
// its ink, they make every number. The look is the same pixel for pixel as long as no two
// glyphs' ink overlaps (SDL_ttf ORs overlapping coverage; blending each glyph over the screen
// gives the same colour wherever only one glyph has ink). A font whose layout this cannot match
// exactly (negative side bearings, glyphs taller than the line, kerning or fractional advances
// between digits: seen as a width that differs from TTF_SizeUTF8's) is not composed: the caller
// rasterises the number whole, as before.
class DigitGlyphs {
  public:
    // Sets of ten kept at once (the hold's colour and the paused one, say); the least recently
    // used goes first.
    static constexpr std::size_t max_sets = 2;

    explicit DigitGlyphs(SDL_Renderer* renderer) : renderer_(renderer) {}
    DigitGlyphs(const DigitGlyphs&) = delete;
    DigitGlyphs& operator=(const DigitGlyphs&) = delete;

    // `digits` (only 0-9) in `font`, which is open at `pixel_size` (with `style` the font's key
    // beside the size: a weight), drawn in `colour`; none when it cannot be composed exactly.
    std::optional<ComposedLine> compose(std::string_view digits, TTF_Font* font, int style,
                                        int pixel_size, Rgb colour);

    // Lets every texture go (between sessions).
    void clear() { sets_.clear(); }

    // Glyphs rasterised since this was made; the textures' bytes held now.
    long rasterised() const { return rasterised_; }
    std::size_t bytes() const;
    std::size_t sets() const { return sets_.size(); }

  private:
    struct Glyph {
        bool made = false;
        bool usable = false;  // false: this font's digit cannot be composed
        TextureHandle texture;
        SDL_Rect ink{};   // the cropped texture's place in the glyph's own line
        int advance = 0;  // pen advance (pixels)
        int right = 0;    // the bitmap's right edge from the pen (TTF's maxx)
    };
    struct Set {
        TTF_Font* font = nullptr;
        int style = 0;
        int pixel_size = 0;
        Rgb colour;
        int line_height = 0;
        long last_used = 0;
        std::array<Glyph, 10> glyphs;
    };

    Set& set_for(TTF_Font* font, int style, int pixel_size, Rgb colour);
    const Glyph& glyph(Set& set, int digit);

    SDL_Renderer* renderer_;
    std::vector<Set> sets_;
    long uses_ = 0;
    long rasterised_ = 0;
};

}  // namespace sk
