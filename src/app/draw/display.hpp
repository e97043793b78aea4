// Display: SDL's video, the fullscreen (or development) window and its renderer, set up for a
// kiosk.
#pragma once

#include <SDL.h>

#include <optional>
#include <string>
#include <string_view>

#include <functional>
#include <vector>

#include "app/draw/box.hpp"
#include "app/draw/renderer.hpp"
#include "app/draw/sdl_handles.hpp"
#include "core/cli/command_line.hpp"

namespace sk {

// How a frame reaches the screen: SDL's software renderer drawing into the window's own surface
// (in the window's pixel format), of which only the changed areas are sent, or a GPU renderer
// whose whole frame is presented.
//  - x11, offscreen, dummy: the window surface is the video driver's own (X11: shared memory);
//    SDL_UpdateWindowSurfaceRects sends each changed area to the X server.
//  - kmsdrm, wayland: SDL 2.26 has no window surface of its own there; it makes one in memory and
//    shows it through a GLES 2 texture (SDL_HINT_FRAMEBUFFER_ACCELERATION): each frame uploads
//    only the span of rows that changed, then draws that one texture.
//  - SK_RENDER_DRIVER names another renderer (opengles2, opengl): it draws everything on the GPU
//    and presents whole frames (the Renderer keeps the frame in a canvas texture for it).
enum class Presenting { window_surface, whole_frames };

class Display {
  public:
    // Opens the display, or says in one sentence why it could not: no display at all, or only
    // SDL's invisible offscreen or dummy driver when nobody asked for it.
    static std::optional<Display> open(const Options& options, std::string& error);

    Display(Display&&) noexcept;
    Display& operator=(Display&&) = delete;
    Display(const Display&) = delete;
    ~Display();

    SDL_Renderer* renderer() const { return renderer_.get(); }
    SDL_Window* window() const { return window_.get(); }
    Presenting presenting() const { return presenting_; }
    // Whether the target still holds the last frame when the next one is drawn.
    TargetContent target_content() const {
        return presenting_ == Presenting::window_surface ? TargetContent::last_frame
                                                         : TargetContent::unknown;
    }
    // Puts a drawn frame on the screen: only `areas` (in window pixels) of a window surface, the
    // whole frame otherwise. Nothing to do when `areas` is empty.
    void present(const std::vector<Box>& areas);

    // What sends a window surface's areas to the screen: SDL_UpdateWindowSurfaceRects, or a
    // test's stand-in that records them.
    using PushAreas = std::function<int(SDL_Window*, const SDL_Rect*, int)>;
    void set_push_areas(PushAreas push) { push_ = std::move(push); }
    // What the renderer draws with ("software", "opengles2", ...).
    std::string renderer_name() const;
    // What really draws, for the log: "drawing on kmsdrm with the opengles2 renderer (GL: V3D
    // 4.2)"; the GL line names the driver, so llvmpipe (no GPU) is told from a real GPU.
    std::string description() const;

  private:
    Display() = default;
    bool owns_video_ = false;
    Presenting presenting_ = Presenting::whole_frames;
    PushAreas push_ = SDL_UpdateWindowSurfaceRects;
    std::vector<SDL_Rect> rects_;  // present()'s, kept to spare an allocation per frame
    // GL_RENDERER and GL_VERSION of the GL context that shows the frames; empty without one.
    std::string gl_renderer_;
    WindowHandle window_;
    RendererHandle renderer_;
};

// SDL falls back to "offscreen" when no X, Wayland or console display can be reached; it and
// "dummy" show nothing. Either is taken only when `requested` (SDL_VIDEODRIVER, a comma-separated
// list, any case) names it: the tests and --render-screens draw offscreen on purpose.
bool invisible_video_driver_refused(std::string_view driver,
                                    std::optional<std::string_view> requested);

}  // namespace sk
