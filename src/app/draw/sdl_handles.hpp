// SDL handles: owning smart pointers for SDL and SDL_ttf objects, and a guard for SDL_ttf itself.
#pragma once

#include <SDL.h>
#include <SDL_ttf.h>

#include <memory>

namespace sk {

struct WindowDeleter {
    void operator()(SDL_Window* window) const { SDL_DestroyWindow(window); }
};
struct RendererDeleter {
    void operator()(SDL_Renderer* renderer) const { SDL_DestroyRenderer(renderer); }
};
struct TextureDeleter {
    void operator()(SDL_Texture* texture) const { SDL_DestroyTexture(texture); }
};
struct SurfaceDeleter {
    void operator()(SDL_Surface* surface) const { SDL_FreeSurface(surface); }
};
struct FontDeleter {
    void operator()(TTF_Font* font) const { TTF_CloseFont(font); }
};

using WindowHandle = std::unique_ptr<SDL_Window, WindowDeleter>;
using RendererHandle = std::unique_ptr<SDL_Renderer, RendererDeleter>;
using TextureHandle = std::unique_ptr<SDL_Texture, TextureDeleter>;
using SurfaceHandle = std::unique_ptr<SDL_Surface, SurfaceDeleter>;
using FontHandle = std::unique_ptr<TTF_Font, FontDeleter>;

// Keeps SDL_ttf initialised while it lives. SDL_ttf counts TTF_Init calls, so several guards may
// coexist; every font must be closed before the last guard goes.
class TtfLibrary {
  public:
    TtfLibrary() : ready_(TTF_Init() == 0) {}
    ~TtfLibrary() {
        if (ready_) {
            TTF_Quit();
        }
    }
    TtfLibrary(const TtfLibrary&) = delete;
    TtfLibrary& operator=(const TtfLibrary&) = delete;

    bool ready() const { return ready_; }

  private:
    bool ready_;
};

}  // namespace sk
