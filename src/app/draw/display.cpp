#include "app/draw/display.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <utility>

namespace sk {
namespace {

bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::optional<std::string_view> environment(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::optional<std::string_view>(value) : std::nullopt;
}

// Which renderer to ask SDL for, given the video driver SDL chose. Returns whether it is the
// software one.
bool choose_renderer(std::string_view video_driver) {
    // SK_RENDER_DRIVER picks one by SDL's name (software, opengles2, opengl).
    if (const auto wanted = environment("SK_RENDER_DRIVER")) {
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, std::string(*wanted).c_str());
        if (!same_name(*wanted, "software")) {
            return false;
        }
    } else if (same_name(video_driver, "kmsdrm") || same_name(video_driver, "wayland")) {
        // SDL 2.26's KMS/DRM and Wayland drivers have no window framebuffer for the software
        // renderer: there SDL draws through EGL and Mesa (the Pi's v3d or vc4 GPU driver, or
        // llvmpipe on the CPU without one). GLES 2 is what those drivers speak natively; SDL falls
        // back to its other renderers if it cannot be made.
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");
        return false;
    } else {
        // Under X (and offscreen) the software renderer: with no GPU, SDL's OpenGL paths run on
        // Mesa's llvmpipe, measured here at ~90 MiB PSS and a 0.7 s first frame against ~17 MiB
        // and 0.25 s for the software renderer.
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    }
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    return true;
}

// GL_RENDERER of the current GL context ("V3D 4.2", "llvmpipe (LLVM 15.0.6, 256 bits)").
std::string gl_renderer_text() {
    using GetString = const unsigned char* (*)(unsigned int);
    constexpr unsigned int gl_renderer = 0x1F01;
    void* address = SDL_GL_GetProcAddress("glGetString");
    if (address == nullptr) {
        return {};
    }
    GetString get_string = nullptr;
    std::memcpy(&get_string, &address, sizeof get_string);
    const unsigned char* text = get_string(gl_renderer);
    return text ? reinterpret_cast<const char*>(text) : "";
}

}  // namespace

bool invisible_video_driver_refused(std::string_view driver,
                                    std::optional<std::string_view> requested) {
    if (!same_name(driver, "offscreen") && !same_name(driver, "dummy")) {
        return false;
    }
    while (requested && !requested->empty()) {
        const auto comma = requested->find(',');
        if (same_name(requested->substr(0, comma), driver)) {
            return false;
        }
        if (comma == std::string_view::npos) {
            break;
        }
        requested->remove_prefix(comma + 1);
    }
    return true;
}

std::optional<Display> Display::open(const Options& options, std::string& error) {
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
    const char* current = SDL_GetCurrentVideoDriver();
    const std::string video_driver = current ? current : "";
    if (invisible_video_driver_refused(video_driver, environment("SDL_VIDEODRIVER"))) {
        // Running on regardless would report READY to systemd with nothing on any screen.
        error =
            "no display to draw on: SDL found no X, Wayland or console (KMS/DRM) display and "
            "would draw invisibly with its " +
            video_driver +
            " driver; set DISPLAY or WAYLAND_DISPLAY, or run on the console with "
            "SDL_VIDEODRIVER=kmsdrm";
        return std::nullopt;
    }
    const bool software = choose_renderer(video_driver);

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
    if (display.renderer_name().starts_with("opengl")) {
        display.gl_renderer_ = gl_renderer_text();
    }
    SDL_ShowCursor(SDL_DISABLE);
    SDL_DisableScreenSaver();
    return display;
}

Display::Display(Display&& other) noexcept
    : owns_video_(std::exchange(other.owns_video_, false)),
      gl_renderer_(std::move(other.gl_renderer_)),
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

std::string Display::description() const {
    const char* video_driver = SDL_GetCurrentVideoDriver();
    std::string text = std::string("drawing on ") +
                       (video_driver ? video_driver : "no video driver") + " with the " +
                       renderer_name() + " renderer";
    if (!gl_renderer_.empty()) {
        text += " (GL: " + gl_renderer_ + ")";
    }
    return text;
}

}  // namespace sk
