#include "app/draw/picture.hpp"

#include <SDL_image.h>

#include <algorithm>
#include <cmath>

#include "core/config/picture_file.hpp"

namespace sk {
namespace {

// How red a pixel is, 0 (white, grey, black, any colour without red over the rest) to 1 (pure or
// dark red): the red channel's lead over the other two, as a share of red itself.
double redness(std::uint8_t red, std::uint8_t green, std::uint8_t blue) {
    const int lead = static_cast<int>(red) - std::max<int>(green, blue);
    return red == 0 || lead <= 0 ? 0.0 : static_cast<double>(lead) / red;
}

std::uint8_t mixed(std::uint8_t from, std::uint8_t to, double share) {
    return static_cast<std::uint8_t>(std::lround(from + (to - from) * share));
}

// The size a lit-share check draws at: small (cheap), large enough for thin lines to show.
constexpr int check_width = 200;
constexpr int check_height = 150;

}  // namespace

RasterisedPicture rasterise_picture(std::string_view svg, int width, int height,
                                    const PictureInk& ink, Mirror mirror) {
    RasterisedPicture result;
    if (width <= 0 || height <= 0 || svg.empty()) {
        result.problem = "has no room to be drawn";
        return result;
    }
    // SDL_image reads the source to its end and, asked not to, leaves closing it to us.
    SDL_RWops* source = SDL_RWFromConstMem(svg.data(), static_cast<int>(svg.size()));
    SurfaceHandle drawn(source != nullptr ? IMG_LoadSizedSVG_RW(source, width, height) : nullptr);
    if (source != nullptr) {
        SDL_RWclose(source);
    }
    if (!drawn) {
        result.problem = std::string("could not be drawn (") + IMG_GetError() +
                         "); give its <svg> element a viewBox";
        return result;
    }
    // nanosvg sizes by rounding up: never more than the box.
    const int out_width = std::min(drawn->w, width);
    const int out_height = std::min(drawn->h, height);
    SurfaceHandle out(
        SDL_CreateRGBSurfaceWithFormat(0, out_width, out_height, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!out || drawn->format->format != SDL_PIXELFORMAT_RGBA32) {
        result.problem = std::string("could not be drawn (") + SDL_GetError() + ")";
        return result;
    }
    for (int y = 0; y < out_height; ++y) {
        // RGBA32 is the bytes R, G, B, A in memory, on any machine.
        const auto* from = static_cast<const std::uint8_t*>(drawn->pixels) + y * drawn->pitch;
        auto* to = reinterpret_cast<std::uint32_t*>(static_cast<std::uint8_t*>(out->pixels) +
                                                    y * out->pitch);
        for (int x = 0; x < out_width; ++x, from += 4) {
            const std::uint8_t alpha = from[3];
            const int column = mirror == Mirror::left_right ? out_width - 1 - x : x;
            if (alpha == 0) {
                to[column] = 0;
                continue;
            }
            const double leg = redness(from[0], from[1], from[2]);
            const std::uint32_t red = mixed(ink.figure.red, ink.working_leg.red, leg);
            const std::uint32_t green = mixed(ink.figure.green, ink.working_leg.green, leg);
            const std::uint32_t blue = mixed(ink.figure.blue, ink.working_leg.blue, leg);
            to[column] = (std::uint32_t{alpha} << 24) | (red << 16) | (green << 8) | blue;
        }
    }
    result.surface = std::move(out);
    return result;
}

double lit_share(SDL_Surface* picture, int width, int height) {
    if (picture == nullptr || width <= 0 || height <= 0 ||
        picture->format->format != SDL_PIXELFORMAT_ARGB8888) {
        return 0.0;
    }
    double coverage = 0.0;
    for (int y = 0; y < picture->h; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(
            static_cast<const std::uint8_t*>(picture->pixels) + y * picture->pitch);
        for (int x = 0; x < picture->w; ++x) {
            coverage += static_cast<double>(row[x] >> 24) / 255.0;
        }
    }
    return coverage / (static_cast<double>(width) * height);
}

std::optional<std::string> picture_problem(std::string_view svg) {
    // What can be seen without decoding first: SDL_image 2.6 leaks a drawing it cannot size.
    if (auto problem = svg_text_problem(svg)) {
        return problem;
    }
    const PictureInk white{{255, 255, 255}, {255, 255, 255}};
    RasterisedPicture picture =
        rasterise_picture(svg, check_width, check_height, white, Mirror::none);
    if (!picture.surface) {
        return picture.problem;
    }
    const double share = lit_share(picture.surface.get(), check_width, check_height);
    if (share <= 0.0) {
        return std::string(
            "draws nothing the screen can show; draw it with lines and shapes (text "
            "and embedded images are not drawn)");
    }
    if (share > most_lit_share) {
        return "lights " + std::to_string(static_cast<int>(std::lround(share * 100))) +
               "% of its box, more than a mirror can take (at most " +
               std::to_string(static_cast<int>(std::lround(most_lit_share * 100))) +
               "%); draw lines on a transparent background, not filled areas";
    }
    return std::nullopt;
}

}  // namespace sk
