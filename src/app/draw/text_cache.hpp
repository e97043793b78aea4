// TextCache: the fonts, and text rasterised into textures reused across frames. Text the chosen
// font cannot draw (another script) is drawn run by run with fallback faces.
#pragma once

#include <SDL.h>
#include <SDL_ttf.h>

#include <cstddef>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/draw/digit_glyphs.hpp"
#include "app/draw/palette.hpp"
#include "app/draw/sdl_handles.hpp"
#include "app/draw/text_runs.hpp"
#include "app/fonts/font_fallback.hpp"
#include "app/fonts/font_locator.hpp"

namespace sk {

// A texture of one line of text, owned by the cache.
struct TextTexture {
    SDL_Texture* texture = nullptr;
    int width = 0;
    int height = 0;
};

// The ink of some glyphs at one size, in pixels from the baseline (up is positive).
struct InkExtent {
    int top = 0;     // the highest point of any glyph
    int bottom = 0;  // the lowest (negative below the baseline)
    int ascent = 0;  // the font's ascent: where the baseline sits in a rendered line
};

class TextCache {
  public:
    // Textures unused for this many frames are dropped; so are the oldest ones past the budget.
    static constexpr int keep_frames = 4;
    static constexpr std::size_t byte_budget = 48u << 20;

    TextCache(SDL_Renderer* renderer, FontFiles files);
    TextCache(const TextCache&) = delete;
    TextCache& operator=(const TextCache&) = delete;
    ~TextCache();

    // Whether any font could be opened at all; without one only shapes and digits are drawn.
    bool has_fonts();

    // Measures `text` (pixels) without rasterising it.
    int width(std::string_view text, FontWeight weight, int pixel_size);
    // From one line's top to the next one's.
    int line_step(FontWeight weight, int pixel_size);
    // How far the glyphs of `text` reach above and below the baseline.
    std::optional<InkExtent> ink(std::string_view text, FontWeight weight, int pixel_size);

    // `text` drawn in `colour`: from the cache, or rasterised now and kept.
    std::optional<TextTexture> text(std::string_view text, FontWeight weight, int pixel_size,
                                    Rgb colour);

    // A number (digits only) composed from glyphs rasterised once per size (in any colour), as
    // text() would draw it pixel for pixel; none when the font's layout cannot be matched so
    // (then draw text()).
    std::optional<ComposedLine> number(std::string_view digits, FontWeight weight, int pixel_size,
                                       Rgb colour);

    // Ends a frame: drops what has not been used lately.
    void end_frame();
    // Closes every font (each holds FreeType's face and SDL_ttf's glyphs): between sessions,
    // where a frame is drawn once a minute. They open again when next needed.
    void close_fonts();

    // How many times text (or a digit's glyph) was rasterised since the cache was made.
    long rasterised() const { return rasterised_ + digits_.rasterised(); }
    std::size_t entries() const { return entries_.size(); }
    // The textures' bytes: lines of text and digits' glyphs.
    std::size_t bytes() const { return bytes_ + digits_.bytes(); }
    const DigitGlyphs& digit_glyphs() const { return digits_; }
    // Fonts open now: at most one per weight (its size changed as needed), and the fallback
    // faces in use.
    std::size_t open_fonts() const { return fonts_.size() + fallback_fonts_.size(); }
    // The fallback faces used so far, in the order they were first needed.
    const std::vector<FontFile>& fallback_faces() const { return fallback_faces_; }
    // Problems met opening fonts, one sentence each.
    const std::vector<std::string>& problems() const { return problems_; }

  private:
    struct Entry {
        TextureHandle texture;
        int width = 0;
        int height = 0;
        long last_used = 0;
    };

    // The font of `weight` at `pixel_size`: one per weight, opened once and resized (SDL_ttf then
    // forgets its glyphs; a hold draws at one size, so its digits stay rasterised).
    TTF_Font* font(FontWeight weight, int pixel_size);
    const FontFile* file_for(FontWeight weight) const;
    FontHandle open(const FontFile& file, int pixel_size);
    void drop(std::unordered_map<std::string, Entry>::iterator entry);

    // Fonts by number for runs: 0 the chosen font (at `pixel_size`), 1 and up fallback faces.
    TTF_Font* run_font(int font, FontWeight weight, int pixel_size);
    int font_for(char32_t point, FontWeight weight, int pixel_size);
    bool font_has(int font, FontWeight weight, int pixel_size, char32_t point);
    // `text` split into runs, or empty when the chosen font draws it in one plain run.
    std::vector<TextRun> runs_of(std::string_view text, FontWeight weight, int pixel_size);
    // `text` drawn run by run into one line, on the chosen font's baseline.
    SurfaceHandle render_runs(std::string_view text, const std::vector<TextRun>& runs,
                              FontWeight weight, int pixel_size, SDL_Color colour);

    TtfLibrary library_;  // first in, last out: fonts close before SDL_ttf quits
    SDL_Renderer* renderer_;
    FontFiles files_;
    std::map<FontWeight, FontHandle> fonts_;
    std::map<FontWeight, int> sizes_;
    std::unordered_map<std::string, Entry> entries_;
    std::vector<std::string> problems_;
    std::vector<std::string> failed_paths_;
    FontFallback fallback_;
    std::vector<FontFile> fallback_faces_;
    std::map<int, std::pair<FontHandle, int>> fallback_fonts_;  // by face number, with its size
    DigitGlyphs digits_;  // kept across frames, let go with the fonts
    std::size_t bytes_ = 0;
    long frame_ = 0;
    long rasterised_ = 0;
};

}  // namespace sk
