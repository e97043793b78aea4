#include <SDL.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/draw/display.hpp"
#include "app/draw/renderer.hpp"
#include "app/fonts/font_locator.hpp"
#include "catch.hpp"
#include "render_samples.hpp"

namespace {

using sk::invisible_video_driver_refused;

}  // namespace

TEST_CASE("SDL's invisible drivers are refused unless SDL_VIDEODRIVER asks for them") {
    struct Row {
        const char* driver;     // what SDL chose
        const char* requested;  // SDL_VIDEODRIVER; nullptr: not set
        bool refused;
    };
    const std::vector<Row> rows = {
        {"offscreen", nullptr, true},  // SDL's fallback with no display: nothing on any screen
        {"dummy", nullptr, true},
        {"offscreen", "", true},
        {"offscreen", "x11", true},
        {"offscreen", "x11,wayland", true},
        {"offscreen", "offscreen", false},
        {"offscreen", "OFFSCREEN", false},
        {"offscreen", "x11,offscreen", false},
        {"offscreen", "dummy", true},
        {"dummy", "dummy", false},
        {"offscreen", "offscreen2", true},
        {"x11", nullptr, false},
        {"wayland", nullptr, false},
        {"KMSDRM", nullptr, false},
        {"kmsdrm", "offscreen", false},
    };
    for (const Row& row : rows) {
        CAPTURE(row.driver, row.requested ? row.requested : "(unset)");
        auto requested =
            row.requested ? std::optional<std::string_view>(row.requested) : std::nullopt;
        CHECK(invisible_video_driver_refused(row.driver, requested) == row.refused);
    }
}

TEST_CASE("a display on the offscreen driver, asked for, says what draws") {
    // The tests run with SDL_VIDEODRIVER=offscreen (tests/CMakeLists.txt).
    sk::Options options;
    options.window = sk::WindowMode::windowed;
    options.size = std::pair{320, 240};
    std::string error;
    std::optional<sk::Display> display = sk::Display::open(options, error);
    REQUIRE(display);
    CHECK(error.empty());
    CHECK(display->renderer_name() == "software");
    CHECK(display->description() == "drawing on offscreen with the software renderer");
}

namespace {

// The ScreenView of a hold `seconds_left` into its countdown of `length`, at `frame` of 30 a
// second.
sk::ScreenView hold_at(int frame, int length = 30) {
    sk::ScreenView view;
    for (const sk::test::Sample& sample : sk::test::sample_screens()) {
        if (sample.name == "hold") {
            view = sample.view;
        }
    }
    const double elapsed = frame / 30.0;
    view.big_number = length - static_cast<int>(elapsed);
    view.progress = elapsed / length;
    return view;
}

// The pixels of `surface` as RGB, whatever its format.
std::vector<std::uint32_t> rgb_pixels(SDL_Surface* surface) {
    std::vector<std::uint32_t> pixels;
    pixels.reserve(static_cast<std::size_t>(surface->w) * static_cast<std::size_t>(surface->h));
    for (int y = 0; y < surface->h; ++y) {
        for (int x = 0; x < surface->w; ++x) {
            std::uint32_t value = 0;
            std::memcpy(&value,
                        static_cast<const std::uint8_t*>(surface->pixels) +
                            static_cast<std::ptrdiff_t>(y) * surface->pitch + x * 4,
                        sizeof value);
            Uint8 red = 0, green = 0, blue = 0;
            SDL_GetRGB(value, surface->format, &red, &green, &blue);
            pixels.push_back(std::uint32_t{red} << 16 | std::uint32_t{green} << 8 | blue);
        }
    }
    return pixels;
}

const sk::FontFiles& fonts() {
    static const sk::FontFiles found = sk::locate_fonts(sk::default_font_family);
    return found;
}

}  // namespace

TEST_CASE("on a window surface only the changed areas reach the screen, and they are enough") {
    const auto [rotation, width, height] = GENERATE(table<sk::Rotation, int, int>({
        {sk::Rotation::r0, 640, 360},
        {sk::Rotation::r90, 640, 360},
        {sk::Rotation::r270, 360, 640},
    }));
    CAPTURE(static_cast<int>(rotation), width, height);
    sk::Options options;
    options.window = sk::WindowMode::windowed;
    options.size = std::pair{width, height};
    std::string error;
    std::optional<sk::Display> display = sk::Display::open(options, error);
    REQUIRE(display);
    REQUIRE(display->presenting() == sk::Presenting::window_surface);
    REQUIRE(display->target_content() == sk::TargetContent::last_frame);

    // A stand-in for the screen: what each push sent, copied out of the window surface.
    SDL_Surface* window_surface = SDL_GetWindowSurface(display->window());
    REQUIRE(window_surface);
    sk::SurfaceHandle screen(
        SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, window_surface->format->format));
    REQUIRE(screen);
    std::vector<std::vector<sk::Box>> pushes;
    display->set_push_areas([&](SDL_Window* window, const SDL_Rect* rects, int count) {
        SDL_Surface* surface = SDL_GetWindowSurface(window);
        std::vector<sk::Box> areas;
        for (int i = 0; i < count; ++i) {
            SDL_Rect area = rects[i];
            SDL_BlitSurface(surface, &rects[i], screen.get(), &area);
            areas.push_back({rects[i].x, rects[i].y, rects[i].w, rects[i].h});
        }
        pushes.push_back(std::move(areas));
        return 0;
    });

    sk::Renderer renderer(display->renderer(), fonts(), rotation);
    auto show = [&](const sk::ScreenView& view) {
        const sk::DrawReport report = renderer.draw(view, display->target_content());
        display->present(report.areas);
        return report;
    };
    show(hold_at(0));
    REQUIRE(pushes.size() == 1);
    CHECK(pushes[0] == std::vector<sk::Box>{{0, 0, width, height}});

    SECTION("nothing changed: nothing is sent") {
        show(hold_at(0));
        CHECK(pushes.size() == 1);
    }
    SECTION("a second of a hold: each push is what the renderer said changed, and small") {
        for (int frame = 1; frame <= 40; ++frame) {
            const std::size_t before = pushes.size();
            const sk::DrawReport report = show(hold_at(frame));
            if (report.areas.empty()) {
                CHECK(pushes.size() == before);
                continue;
            }
            REQUIRE(pushes.size() == before + 1);
            CHECK(pushes.back() == report.areas);
            long pixels = 0;
            for (const sk::Box& area : report.areas) {
                CHECK(sk::contains({0, 0, width, height}, area));
                pixels += static_cast<long>(area.width) * area.height;
            }
            // The bar's strip, and once a second the digits' box: never the whole screen.
            CHECK(pixels < static_cast<long>(width) * height / 3);
        }
        // What the screen was sent adds up to the last frame, drawn whole.
        sk::SurfaceHandle fresh(
            SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888));
        sk::RendererHandle fresh_renderer(SDL_CreateSoftwareRenderer(fresh.get()));
        sk::Renderer whole(fresh_renderer.get(), fonts(), rotation);
        whole.draw(hold_at(40));
        CHECK(rgb_pixels(screen.get()) == rgb_pixels(fresh.get()));
    }
}
