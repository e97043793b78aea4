// Tests of the pictures of the poses: the built-in drawings, rasterising and recolouring, the
// check the config asks of a picture, and the cache of rasterised pictures.
#include <SDL.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "app/draw/built_in_pictures.hpp"
#include "app/draw/palette.hpp"
#include "app/draw/picture.hpp"
#include "app/draw/picture_cache.hpp"
#include "catch.hpp"
#include "core/config/picture_file.hpp"
#include "temp_dir.hpp"

using namespace sk;

namespace {

struct Argb {
    std::uint8_t alpha, red, green, blue;
    bool operator==(const Argb&) const = default;
};

Argb pixel(SDL_Surface* surface, int x, int y) {
    std::uint32_t value = 0;
    std::memcpy(&value,
                static_cast<const std::uint8_t*>(surface->pixels) + y * surface->pitch + x * 4,
                sizeof value);
    return {static_cast<std::uint8_t>(value >> 24), static_cast<std::uint8_t>(value >> 16),
            static_cast<std::uint8_t>(value >> 8), static_cast<std::uint8_t>(value)};
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string source_dir() {
    const char* root = std::getenv("SK_SOURCE_DIR");
    REQUIRE(root != nullptr);
    return root;
}

// 40 x 30: a white square on the left, a red one on the right, a half-transparent white one in
// the middle, on nothing.
const std::string squares =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 30\" width=\"40\" height=\"30\">"
    "<rect x=\"0\" y=\"0\" width=\"10\" height=\"10\" fill=\"#ffffff\"/>"
    "<rect x=\"15\" y=\"0\" width=\"10\" height=\"10\" fill=\"#ffffff\" fill-opacity=\"0.5\"/>"
    "<rect x=\"30\" y=\"0\" width=\"10\" height=\"10\" fill=\"#ff0000\"/>"
    "<rect x=\"0\" y=\"20\" width=\"10\" height=\"10\" fill=\"#000000\"/>"
    "</svg>";

const PictureInk ink{{200, 200, 195}, {80, 190, 255}};

}  // namespace

TEST_CASE("every built-in picture is compiled in, as in assets/, and is a good line drawing") {
    for (const std::string_view name : built_in_picture_names()) {
        INFO(name);
        const auto svg = built_in_picture_svg(name);
        REQUIRE(svg.has_value());
        CHECK(*svg == read_file(source_dir() + "/assets/pictures/" + std::string(name) + ".svg"));
        CHECK_FALSE(svg_text_problem(*svg).has_value());
        CHECK(picture_problem(*svg).value_or("") == "");
        // Mirror-friendly at every size the screen may ask for: lines, not areas.
        for (const auto& [width, height] : {std::pair{120, 90}, std::pair{549, 412},
                                            std::pair{910, 1036}, std::pair{1128, 846}}) {
            RasterisedPicture picture = rasterise_picture(*svg, width, height, ink, Mirror::none);
            REQUIRE(picture.surface);
            CHECK(lit_share(picture.surface.get(), width, height) < 0.25);
            CHECK(lit_share(picture.surface.get(), width, height) > 0.03);
        }
    }
    CHECK_FALSE(built_in_picture_svg("seated").has_value());
    CHECK_FALSE(built_in_picture_svg("").has_value());
}

TEST_CASE("a picture is rasterised as large as fits its box, never stretched") {
    auto [width, height, drawn_width, drawn_height] = GENERATE(table<int, int, int, int>({
        {400, 300, 400, 300},
        {800, 300, 400, 300},
        {300, 900, 300, 225},
        {1, 1, 1, 1},
        {3840, 2160, 2880, 2160},
    }));
    RasterisedPicture picture = rasterise_picture(squares, width, height, ink, Mirror::none);
    REQUIRE(picture.surface);
    CHECK(picture.surface->w == drawn_width);
    CHECK(picture.surface->h == drawn_height);
    CHECK(picture.surface->format->format == SDL_PIXELFORMAT_ARGB8888);
}

TEST_CASE("a picture is drawn in the screen's colours, its red in the leg's, its opacity kept") {
    RasterisedPicture picture = rasterise_picture(squares, 400, 300, ink, Mirror::none);
    REQUIRE(picture.surface);
    SDL_Surface* surface = picture.surface.get();
    // The middles of the squares, 100 pixels to a square's 10 units.
    CHECK(pixel(surface, 50, 50) == Argb{255, 200, 200, 195});
    CHECK(pixel(surface, 350, 50) == Argb{255, 80, 190, 255});
    const Argb faint = pixel(surface, 200, 50);
    CHECK(std::abs(faint.alpha - 128) <= 1);
    CHECK(faint.red == 200);
    // Black shows as well as white: a picture's own colours choose only the leg.
    CHECK(pixel(surface, 50, 250) == Argb{255, 200, 200, 195});
    CHECK(pixel(surface, 200, 250).alpha == 0);
}

TEST_CASE("the right leg's picture is the left leg's mirror image") {
    RasterisedPicture left = rasterise_picture(squares, 400, 300, ink, Mirror::none);
    RasterisedPicture right = rasterise_picture(squares, 400, 300, ink, Mirror::left_right);
    REQUIRE(left.surface);
    REQUIRE(right.surface);
    for (int y = 0; y < 300; y += 7) {
        for (int x = 0; x < 400; x += 3) {
            INFO(x << "," << y);
            CHECK(pixel(right.surface.get(), 399 - x, y) == pixel(left.surface.get(), x, y));
        }
    }
    CHECK(pixel(right.surface.get(), 50, 50) == Argb{255, 80, 190, 255});
}

TEST_CASE("what the screen cannot show of a picture is said plainly") {
    auto [svg, problem] = GENERATE(table<std::string, std::string>({
        // No size: said before SDL_image is asked (which would drop the drawing unfreed).
        {"<svg xmlns=\"http://www.w3.org/2000/svg\"><text>towel</text></svg>",
         "has no size; give its <svg> element a viewBox such as viewBox=\"0 0 400 300\""},
        {"<svg><line x1=\"0\" y1=\"0\" x2=\"9\" y2=\"9\" stroke=\"#fff\"/></svg>",
         "has no size; give its <svg> element a viewBox such as viewBox=\"0 0 400 300\""},
        // A size of its own will do.
        {"<svg width=\"40\" height=\"30\"><line x1=\"0\" y1=\"0\" x2=\"9\" y2=\"9\" "
         "stroke=\"#fff\"/></svg>",
         ""},
        {"<svg viewBox=\"0 0 40 30\"><text x=\"1\" y=\"20\">towel</text></svg>",
         "draws nothing the screen can show; draw it with lines and shapes (text and embedded "
         "images are not drawn)"},
        {"<svg viewBox=\"0 0 40 30\"><line x1=\"0\" y1=\"0\" x2=\"40\" y2=\"30\" "
         "stroke=\"#fff\" stroke-opacity=\"0\"/></svg>",
         "draws nothing the screen can show; draw it with lines and shapes (text and embedded "
         "images are not drawn)"},
        {"<svg viewBox=\"0 0 40 30\"><rect width=\"40\" height=\"30\" fill=\"#fff\"/>"
         "<line x1=\"0\" y1=\"0\" x2=\"40\" y2=\"30\" stroke=\"#000\"/></svg>",
         "lights 100% of its box, more than a mirror can take (at most 30%); draw lines on a "
         "transparent background, not filled areas"},
        {squares, ""},
    }));
    CAPTURE(svg);
    CHECK(picture_problem(svg).value_or("") == problem);
}

TEST_CASE("a picture is rasterised once for each box, colours and side, and a few are kept") {
    SurfaceHandle target(SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888));
    RendererHandle renderer(SDL_CreateSoftwareRenderer(target.get()));
    REQUIRE(renderer);
    PictureCache cache(renderer.get());
    const Picture towel{Picture::Source::built_in, "towel"};

    REQUIRE(cache.get(towel, 400, 300, ink, Mirror::none));
    CHECK(cache.rasterised() == 1);
    const auto again = cache.get(towel, 400, 300, ink, Mirror::none);
    REQUIRE(again);
    CHECK(cache.rasterised() == 1);
    CHECK(again->width == 400);
    CHECK(again->height <= 300);

    // Each of side, box and colours is a picture of its own.
    cache.get(towel, 400, 300, ink, Mirror::left_right);
    cache.get(towel, 800, 600, ink, Mirror::none);
    cache.get(towel, 400, 300, PictureInk{{118, 86, 50}, {150, 140, 50}}, Mirror::none);
    CHECK(cache.rasterised() == 4);
    for (const char* name : {"standing", "chair", "wall"}) {
        cache.get({Picture::Source::built_in, name}, 400, 300, ink, Mirror::none);
    }
    CHECK(cache.rasterised() == 7);
    CHECK(cache.entries() == PictureCache::most_kept);
    // The most recently used are the ones kept; the oldest went first.
    cache.get({Picture::Source::built_in, "wall"}, 400, 300, ink, Mirror::none);
    CHECK(cache.rasterised() == 7);
    cache.get(towel, 400, 300, ink, Mirror::none);
    CHECK(cache.rasterised() == 8);
    CHECK(cache.take_problems().empty());

    cache.forget();
    CHECK(cache.entries() == 0);
    CHECK_FALSE(cache.get({Picture::Source::none, ""}, 400, 300, ink, Mirror::none));
    CHECK_FALSE(cache.get(towel, 0, 300, ink, Mirror::none));
}

TEST_CASE("a picture file gone or broken since the config was read is left out, said once") {
    SurfaceHandle target(SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888));
    RendererHandle renderer(SDL_CreateSoftwareRenderer(target.get()));
    REQUIRE(renderer);
    PictureCache cache(renderer.get());
    test::TempDir folder("sk-picture-cache");
    const Picture pose{Picture::Source::file, folder / "pose.svg"};
    std::string expected;
    SECTION("gone") {
        expected = "picture '" + pose.name +
                   "' cannot be opened: no such file or directory: shown without it";
    }
    SECTION("cut short") {
        folder.file("pose.svg", squares.substr(0, 60));
        expected = "picture '" + pose.name +
                   "' is cut short (it does not end with </svg>); save it again: shown without it";
    }
    SECTION("no longer drawable") {
        folder.file("pose.svg", "<svg></svg>");
        expected = "picture '" + pose.name +
                   "' has no size; give its <svg> element a viewBox such as viewBox=\"0 0 400 "
                   "300\": shown without it";
    }
    CHECK_FALSE(cache.get(pose, 400, 300, ink, Mirror::none));
    CHECK(cache.take_problems() == std::vector<std::string>{expected});
    // Not tried again, not said again.
    CHECK_FALSE(cache.get(pose, 400, 300, ink, Mirror::none));
    CHECK_FALSE(cache.get(pose, 800, 600, ink, Mirror::none));
    CHECK(cache.take_problems().empty());
    // Fixed, and the cache told the files may have changed: shown.
    folder.file("pose.svg", squares);
    cache.forget();
    CHECK(cache.get(pose, 400, 300, ink, Mirror::none));
    CHECK(cache.take_problems().empty());
}
