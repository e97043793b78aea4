#include <SDL.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/draw/display.hpp"
#include "catch.hpp"

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
