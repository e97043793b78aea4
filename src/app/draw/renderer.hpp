// Renderer: draws a ScreenView onto an SDL_Renderer's target, turned for the mounting, redrawing
// only the parts that changed.
#pragma once

#include <SDL.h>

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "app/draw/layout.hpp"
#include "app/draw/part_painter.hpp"
#include "app/draw/picture_cache.hpp"
#include "app/draw/sdl_handles.hpp"
#include "app/draw/text_cache.hpp"
#include "app/fonts/font_locator.hpp"
#include "core/model/config.hpp"
#include "core/model/screen_view.hpp"

namespace sk {

// Whether the target still holds the last frame this renderer drew there. A software surface
// or window surface does; a GPU back buffer after SDL_RenderPresent does not.
enum class TargetContent { unknown, last_frame };

// How much of the frame was drawn again.
enum class Redraw { nothing, parts, everything };

struct DrawReport {
    Redraw redraw = Redraw::nothing;
    // In target pixels: the areas that differ from the last frame, which together hold every
    // pixel that changed (what the loop sends to the screen), and the box around them all. Empty
    // when nothing changed.
    std::vector<Box> areas;
    Box changed;
};

// Dirty rectangles. A new frame compares its view and layout with the last one: when the screen
// kind, theme, size or any box moved, it draws everything; otherwise it clears and draws again
// only the parts whose content changed (a countdown tick touches the digits and the bar, nothing
// else), and reports only those parts' boxes, or for the bar only the strip that filled. On a
// target that keeps the last frame (a window surface) it draws there directly. A canvas texture
// at the unrotated size, in the target's pixel format, holds the frame only when it must: for a
// turned screen (each changed area is copied turned), or for a target that forgets the last frame
// (a GPU back buffer: all of it is copied each time).
class Renderer {
  public:
    Renderer(SDL_Renderer* renderer, FontFiles fonts, Rotation rotation = Rotation::r0);
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    // Draws `view` over the whole current target (the window, or a texture set as target).
    DrawReport draw(const ScreenView& view, TargetContent target = TargetContent::unknown);

    // The next draw starts from scratch (after the window was exposed or resized).
    void redraw_everything() { everything_next_ = true; }
    void set_rotation(Rotation rotation);
    Rotation rotation() const { return rotation_; }

    // Font and canvas problems met so far, one plain sentence each.
    std::vector<std::string> problems() const;
    // Whether text can be drawn; without a font only digits, bars and arrows are.
    bool has_fonts() { return cache_.has_fonts(); }

    const TextCache& text_cache() const { return cache_; }
    const PictureCache& picture_cache() const { return pictures_; }
    // Pictures that could not be drawn since the last call, one sentence each (each once).
    std::vector<std::string> take_picture_problems() { return pictures_.take_problems(); }
    // The picture files may have changed (a new config): read them again when next shown.
    void forget_pictures();
    // The last frame's layout, in unrotated pixels.
    const Layout& layout() const { return layout_; }
    // Where each part actually put light in the last frame, in unrotated pixels.
    const Box& lit(Part part) const { return lit_[static_cast<std::size_t>(part)]; }

  private:
    bool ensure_canvas(int width, int height);
    bool part_changed(Part part, const ScreenView& before, const ScreenView& now) const;
    // What a redrawn part changes: its box, or for the bar the strip between the two fills.
    Box changed_area(Part part, const ScreenView& before, const ScreenView& now) const;
    Box copyable(Box area) const;
    void copy_to_target(const Box& area);

    SDL_Renderer* renderer_;
    Rotation rotation_;
    std::vector<std::string> font_problems_;
    std::vector<std::string> problems_;
    TextCache cache_;
    PictureCache pictures_;
    PartPainter painter_;
    TextureHandle canvas_;
    int canvas_width_ = 0;
    int canvas_height_ = 0;
    bool canvas_failed_ = false;
    bool everything_next_ = true;
    std::optional<ScreenView> previous_;
    Layout layout_;
    std::array<Box, part_count> lit_{};
};

}  // namespace sk
