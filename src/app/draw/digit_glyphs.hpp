// DigitGlyphs: the ten digits of a font at one size, each rasterised once as coverage, and
// numbers composed from them into one texture exactly as SDL_ttf would draw the whole line.
#pragma once

#include <SDL.h>
#include <SDL_ttf.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/draw/palette.hpp"
#include "app/draw/sdl_handles.hpp"

namespace sk {

// A number as one line of text: its size (what TTF_SizeUTF8 says) and its ink, composed into
// `texture` at `source`, to be drawn at `place` from the top left of the line. Valid until the
// next compose (which may rewrite the texture) or clear.
struct ComposedLine {
    int width = 0;
    int height = 0;
    SDL_Texture* texture = nullptr;  // none when the number has no ink
    SDL_Rect source{};
    SDL_Rect place{};
};

// Why: the countdown's number changes every second, and rasterising it whole made a texture of
// the whole line anew each time (9.5 MB at 4K). Its digits are few: each is rasterised once and
// kept as 8-bit coverage cropped to its ink (a quarter of a texture's bytes, and the same for
// every colour: the hold's and the paused one), and a number is composed from them into one
// streaming texture the size of its ink, rewritten only when the number or its colour changes.
// Where glyphs' ink overlaps, their coverage is ORed, as SDL_ttf does, so the texture is
// SDL_ttf's whole line pixel for pixel. A font whose layout this cannot match exactly (negative
// side bearings, glyphs taller than the line, kerning or fractional advances between digits:
// seen as a width that differs from TTF_SizeUTF8's) is not composed: the caller rasterises the
// number whole, as before.
class DigitGlyphs {
  public:
    // Sets of ten kept at once (the hold's size and the get-ready one, say); the least recently
    // used goes first.
    static constexpr std::size_t max_sets = 2;

    explicit DigitGlyphs(SDL_Renderer* renderer) : renderer_(renderer) {}
    DigitGlyphs(const DigitGlyphs&) = delete;
    DigitGlyphs& operator=(const DigitGlyphs&) = delete;

    // `digits` (only 0-9) in `font`, which is open at `pixel_size` (with `style` the font's key
    // beside the size: a weight), drawn in `colour`; none when it cannot be composed exactly.
    std::optional<ComposedLine> compose(std::string_view digits, TTF_Font* font, int style,
                                        int pixel_size, Rgb colour);

    // Lets every glyph and the number's texture go (between sessions).
    void clear();

    // Glyphs rasterised and numbers composed since this was made; the bytes held now (the
    // glyphs' coverage and the number's texture).
    long rasterised() const { return rasterised_; }
    long composed() const { return composed_; }
    std::size_t bytes() const;
    std::size_t sets() const { return sets_.size(); }

  private:
    struct Glyph {
        bool made = false;
        bool usable = false;                 // false: this font's digit cannot be composed
        std::vector<std::uint8_t> coverage;  // ink.w x ink.h, row by row
        SDL_Rect ink{};                      // the coverage's place in the glyph's own line
        int advance = 0;                     // pen advance (pixels)
        int right = 0;                       // the bitmap's right edge from the pen (TTF's maxx)
    };
    struct Set {
        TTF_Font* font = nullptr;
        int style = 0;
        int pixel_size = 0;
        int line_height = 0;
        long id = 0;  // never reused: what the number's texture was composed from
        long last_used = 0;
        std::array<Glyph, 10> glyphs;
    };
    // What the number's texture holds now.
    struct Shown {
        long set = 0;
        std::string digits;
        Rgb colour;
        ComposedLine line;
    };

    Set& set_for(TTF_Font* font, int style, int pixel_size);
    const Glyph& glyph(Set& set, int digit);
    // Writes the placed glyphs' coverage in `colour` into the number's texture; false when the
    // texture cannot be made or locked.
    bool paint(const std::vector<std::pair<const Glyph*, int>>& placed, const SDL_Rect& ink,
               Rgb colour);

    SDL_Renderer* renderer_;
    std::vector<Set> sets_;
    TextureHandle number_;  // streaming ARGB, grown to the largest number's ink
    int number_width_ = 0;
    int number_height_ = 0;
    Shown shown_;
    long uses_ = 0;
    long sets_made_ = 0;
    long rasterised_ = 0;
    long composed_ = 0;
};

}  // namespace sk
