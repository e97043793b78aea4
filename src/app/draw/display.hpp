// Display: SDL's video, the fullscreen (or development) window and its renderer, set up for a
// kiosk.
#pragma once

#include <SDL.h>

#include <optional>
#include <string>
#include <string_view>

#include "app/draw/sdl_handles.hpp"
#include "core/cli/command_line.hpp"

namespace sk {

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
    // What the renderer draws with ("software", "opengles2", ...).
    std::string renderer_name() const;
    // What really draws, for the log: "drawing on kmsdrm with the opengles2 renderer (GL: V3D
    // 4.2)"; the GL line names the driver, so llvmpipe (no GPU) is told from a real GPU.
    std::string description() const;

  private:
    Display() = default;
    bool owns_video_ = false;
    std::string gl_renderer_;  // GL_RENDERER of a GL or GLES renderer; empty for software
    WindowHandle window_;
    RendererHandle renderer_;
};

// SDL falls back to "offscreen" when no X, Wayland or console display can be reached; it and
// "dummy" show nothing. Either is taken only when `requested` (SDL_VIDEODRIVER, a comma-separated
// list, any case) names it: the tests and --render-screens draw offscreen on purpose.
bool invisible_video_driver_refused(std::string_view driver,
                                    std::optional<std::string_view> requested);

}  // namespace sk
