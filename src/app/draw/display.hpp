// Display: SDL's video, the fullscreen (or development) window and its renderer, set up for a
// kiosk.
#pragma once

#include <SDL.h>

#include <optional>
#include <string>

#include "app/draw/sdl_handles.hpp"
#include "core/cli/command_line.hpp"

namespace sk {

class Display {
  public:
    // Opens the display, or says in one sentence why it could not (no display at all).
    static std::optional<Display> open(const Options& options, std::string& error);

    Display(Display&&) noexcept;
    Display& operator=(Display&&) = delete;
    Display(const Display&) = delete;
    ~Display();

    SDL_Renderer* renderer() const { return renderer_.get(); }
    SDL_Window* window() const { return window_.get(); }
    // What the renderer draws with, for the log ("software", "opengles2", ...).
    std::string renderer_name() const;

  private:
    Display() = default;
    bool owns_video_ = false;
    WindowHandle window_;
    RendererHandle renderer_;
};

}  // namespace sk
