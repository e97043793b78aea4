// PartPainter: draws one part of a screen (text, digits, bar, arrow or picture) inside its box.
#pragma once

#include <SDL.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/draw/layout.hpp"
#include "app/draw/palette.hpp"
#include "app/draw/picture_cache.hpp"
#include "app/draw/text_cache.hpp"
#include "app/draw/text_fit.hpp"
#include "core/model/screen_view.hpp"

namespace sk {

class PartPainter {
  public:
    PartPainter(SDL_Renderer* renderer, TextCache& cache, PictureCache& pictures);

    // Draws `part` of `view` into its slot in `layout`, on the renderer's current target, never
    // outside the slot's box. Returns where light actually went (empty if nowhere).
    Box paint(Part part, const ScreenView& view, const Layout& layout);

    // A thin frame just inside the screen's edge: the sign that no font could be opened.
    void paint_frame(const Layout& layout, const Palette& palette);

    // How many pixels of `box` the progress bar fills for `progress`.
    static int progress_fill(double progress, const Box& box);
    // How much `progress` must grow before the bar in `box` fills one pixel more; none when it
    // is full (or has no length). Nothing on the bar changes before then.
    static std::optional<double> progress_to_next_pixel(double progress, const Box& box);

  private:
    struct InkFit {
        int pixel_size = 0;
        int top = 0;     // ink above the baseline
        int bottom = 0;  // ink below it (negative)
        int ascent = 0;
    };

    Box paint_lines(const std::vector<std::string>& paragraphs, const Slot& slot,
                    const std::vector<Rgb>& colours, Wrap wrap);
    Box paint_ink(const std::string& text, const Slot& slot, Rgb colour);
    Box paint_progress(double progress, const Box& box, const Palette& palette);
    Box paint_arrow(Side side, const Box& box, Rgb colour);
    Box paint_picture(const PosePicture& picture, const Box& box, const Palette& palette);
    Box paint_banner(const std::string& banner, const Slot& slot, const Palette& palette);
    Box paint_status(const std::vector<StatusLine>& status, const Slot& slot,
                     const Palette& palette);

    const FittedText& fitted(const std::vector<std::string>& paragraphs, const Slot& slot,
                             Wrap wrap);
    const InkFit& ink_fit(const std::string& text, const Slot& slot);

    SDL_Renderer* renderer_;
    TextCache& cache_;
    PictureCache& pictures_;
    TextMeasure measure_regular_;
    TextMeasure measure_bold_;
    // Fitting measures text many times: remember each answer (cleared when it grows large).
    std::unordered_map<std::string, FittedText> fits_;
    std::unordered_map<std::string, InkFit> ink_fits_;
};

}  // namespace sk
