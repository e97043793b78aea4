// What drawing a pose's picture costs: rasterising each built-in SVG (SDL_image's nanosvg) and
// recolouring it at the box the layout gives it on a hold and on a get-ready screen, at several
// screen sizes, and making a texture of it. The cache does this once per screen, not per frame.
// Usage: build/bench/bench_pictures [REPEATS]
#include <SDL.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/draw/built_in_pictures.hpp"
#include "app/draw/layout.hpp"
#include "app/draw/palette.hpp"
#include "app/draw/picture.hpp"
#include "app/draw/sdl_handles.hpp"
#include "core/config/picture_file.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double median_ms(std::vector<double> times) {
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

sk::ScreenView screen(sk::ScreenKind kind, const std::string& picture) {
    sk::ScreenView view;
    view.kind = kind;
    view.heading = "Chair hamstring stretch";
    view.big_number = kind == sk::ScreenKind::hold ? 27 : 7;
    view.show_progress = true;
    view.side = kind == sk::ScreenKind::hold ? sk::Side::left : sk::Side::none;
    view.subheading = kind == sk::ScreenKind::hold ? "Left leg" : "Get into position";
    view.body = {"Stop at a gentle pull. Never strain."};
    if (kind == sk::ScreenKind::get_ready) {
        view.body = {"Sit on a chair, a second chair in front of you.",
                     "Rest one leg straight out on the other chair.",
                     "Reach toward your toes until you feel a gentle pull."};
    }
    view.hint = "Space: pause · hold 1.5 s to end";
    view.picture = sk::PosePicture{{sk::Picture::Source::built_in, picture}, sk::Side::left};
    return view;
}

}  // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 15;
    const sk::Palette& palette = sk::palette_for(sk::Theme::day);
    const sk::PictureInk ink{palette.picture, palette.left_side};
    std::printf("%-10s %-10s %-9s %-10s %12s %12s\n", "screen", "size", "picture", "box",
                "raster ms", "texture ms");
    for (const auto& [width, height] : {std::pair{1280, 720}, std::pair{1920, 1080},
                                        std::pair{3840, 2160}, std::pair{1080, 1920}}) {
        sk::SurfaceHandle canvas(
            SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888));
        sk::RendererHandle renderer(SDL_CreateSoftwareRenderer(canvas.get()));
        for (const auto kind : {sk::ScreenKind::hold, sk::ScreenKind::get_ready}) {
            for (const std::string_view name : sk::built_in_picture_names()) {
                const sk::Layout layout =
                    sk::layout_screen(screen(kind, std::string(name)), width, height);
                const sk::Box box = layout[sk::Part::picture].box;
                if (box.empty()) {
                    continue;
                }
                const std::string_view svg = *sk::built_in_picture_svg(name);
                std::vector<double> raster;
                std::vector<double> texture;
                for (int repeat = 0; repeat < repeats; ++repeat) {
                    const auto start = Clock::now();
                    sk::RasterisedPicture picture =
                        sk::rasterise_picture(svg, box.width, box.height, ink, sk::Mirror::none);
                    const auto rasterised = Clock::now();
                    sk::TextureHandle made(
                        SDL_CreateTextureFromSurface(renderer.get(), picture.surface.get()));
                    const auto done = Clock::now();
                    raster.push_back(
                        std::chrono::duration<double, std::milli>(rasterised - start).count());
                    texture.push_back(
                        std::chrono::duration<double, std::milli>(done - rasterised).count());
                }
                const std::string size = std::to_string(width) + "x" + std::to_string(height);
                const std::string box_size =
                    std::to_string(box.width) + "x" + std::to_string(box.height);
                std::printf("%-10s %-10s %-9s %-10s %12.1f %12.1f\n",
                            kind == sk::ScreenKind::hold ? "hold" : "get-ready", size.c_str(),
                            std::string(name).c_str(), box_size.c_str(), median_ms(raster),
                            median_ms(texture));
            }
        }
    }
    return 0;
}
