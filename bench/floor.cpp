// floor: the least a countdown wall display can cost with SDL2 and SDL2_ttf, for bench/compare.py
// to measure the kiosk against. A black window, one big number counting down from 60 once a
// second in a TrueType font (the software renderer, whole frames presented only when the second
// changes, the texture of the number made anew each time), asleep in SDL_WaitEventTimeout in
// between. No config, no sound, no layout: what is left is SDL's and the font's own cost.
//
//   build/bench/floor [--windowed WxH] FONT.ttf
//
// Prints "first-frame MS" (CLOCK_MONOTONIC milliseconds, when the first frame was presented) on
// standard output, then runs until SIGTERM.
#include <SDL.h>
#include <SDL_ttf.h>

#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

double monotonic_ms() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
    int width = 0;
    int height = 0;
    const char* font_path = nullptr;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--windowed" && i + 1 < argc) {
            if (std::sscanf(argv[++i], "%dx%d", &width, &height) != 2) {
                return 2;
            }
        } else {
            font_path = argv[i];
        }
    }
    if (font_path == nullptr) {
        std::fprintf(stderr, "usage: floor [--windowed WxH] FONT.ttf\n");
        return 2;
    }
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0) {
        std::fprintf(stderr, "floor: %s\n", SDL_GetError());
        return 1;
    }
    const Uint32 flags = width > 0 ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP;
    SDL_Window* window =
        SDL_CreateWindow("floor", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED,
                         width > 0 ? width : 640, height > 0 ? height : 480, flags);
    SDL_Renderer* renderer = window ? SDL_CreateRenderer(window, -1, 0) : nullptr;
    if (renderer == nullptr) {
        std::fprintf(stderr, "floor: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GetRendererOutputSize(renderer, &width, &height);
    TTF_Font* font = TTF_OpenFont(font_path, height / 2);
    if (font == nullptr) {
        std::fprintf(stderr, "floor: %s\n", TTF_GetError());
        return 1;
    }
    const Uint64 start = SDL_GetTicks64();
    int shown = -1;
    bool first = true;
    for (;;) {
        const auto elapsed = static_cast<int>((SDL_GetTicks64() - start) / 1000);
        const int number = 60 - elapsed % 61;
        if (number != shown) {
            shown = number;
            SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
            SDL_RenderClear(renderer);
            SDL_Surface* text = TTF_RenderUTF8_Blended(font, std::to_string(number).c_str(),
                                                       SDL_Color{255, 255, 255, 255});
            if (text != nullptr) {
                SDL_Texture* texture = SDL_CreateTextureFromSurface(renderer, text);
                const SDL_Rect where{(width - text->w) / 2, (height - text->h) / 2, text->w,
                                     text->h};
                SDL_RenderCopy(renderer, texture, nullptr, &where);
                SDL_DestroyTexture(texture);
                SDL_FreeSurface(text);
            }
            SDL_RenderPresent(renderer);
            if (first) {
                first = false;
                std::printf("first-frame %.1f\n", monotonic_ms());
                std::fflush(stdout);
            }
        }
        const Uint64 next = start + static_cast<Uint64>(elapsed + 1) * 1000;
        const Uint64 now = SDL_GetTicks64();
        SDL_Event event;
        if (SDL_WaitEventTimeout(&event, static_cast<int>(next > now ? next - now : 0) + 1) &&
            event.type == SDL_QUIT) {
            break;
        }
    }
    TTF_CloseFont(font);
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    TTF_Quit();
    SDL_Quit();
    return 0;
}
