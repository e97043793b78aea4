#include "app/draw/display.hpp"

#include <cstdlib>
#include <string_view>
#include <utility>

namespace sk {

std::optional<Display> Display::open(const Options& options, std::string& error) {
    // The software renderer by default: with no GPU, SDL's OpenGL paths run on Mesa's llvmpipe,
    // measured here at ~90 MiB PSS and a 0.7 s first frame against ~17 MiB and 0.25 s for the
    // software renderer. SK_RENDER_DRIVER picks another (e.g. opengles2 for a Pi's v3d).
    const char* driver = std::getenv("SK_RENDER_DRIVER");
    bool software = !driver || std::string_view(driver) == "software";
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, driver ? driver : "software");
    if (software) {
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    }
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "0");  // SIGTERM and SIGINT become SDL_QUIT

    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        error = std::string("no display to draw on (") + SDL_GetError() +
                "): set DISPLAY or WAYLAND_DISPLAY, or run on the console with "
                "SDL_VIDEODRIVER=kmsdrm";
        return std::nullopt;
    }
    Display display;
    display.owns_video_ = true;

    int width = 1280, height = 720;
    SDL_DisplayMode mode{};
    if (SDL_GetDesktopDisplayMode(0, &mode) == 0 && mode.w > 0 && mode.h > 0) {
        width = mode.w;
        height = mode.h;
    }
    Uint32 flags = SDL_WINDOW_SHOWN;
    if (options.size) {
        width = options.size->first;
        height = options.size->second;
    }
    if (options.window == WindowMode::fullscreen) {
        // Under X with no window manager (Xvfb, a bare xinit kiosk), FULLSCREEN_DESKTOP alone
        // gave a 1x1 window: create it at the desktop's size as well.
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    } else {
        flags |= SDL_WINDOW_RESIZABLE;
    }
    display.window_.reset(SDL_CreateWindow("stretch-kiosk", SDL_WINDOWPOS_CENTERED,
                                           SDL_WINDOWPOS_CENTERED, width, height, flags));
    if (!display.window_) {
        error = std::string("could not open a window: ") + SDL_GetError();
        return std::nullopt;
    }
    display.renderer_.reset(SDL_CreateRenderer(display.window_.get(), -1, 0));
    if (!display.renderer_ && !software) {
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
        display.renderer_.reset(SDL_CreateRenderer(display.window_.get(), -1, 0));
    }
    if (!display.renderer_) {
        error = std::string("could not draw in the window: ") + SDL_GetError();
        return std::nullopt;
    }
    SDL_ShowCursor(SDL_DISABLE);
    SDL_DisableScreenSaver();
    return display;
}

Display::Display(Display&& other) noexcept
    : owns_video_(std::exchange(other.owns_video_, false)),
      window_(std::move(other.window_)),
      renderer_(std::move(other.renderer_)) {}

Display::~Display() {
    renderer_.reset();
    window_.reset();
    if (owns_video_) {
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
    }
}

std::string Display::renderer_name() const {
    SDL_RendererInfo info{};
    if (renderer_ && SDL_GetRendererInfo(renderer_.get(), &info) == 0 && info.name) {
        return info.name;
    }
    return "unknown";
}

}  // namespace sk
