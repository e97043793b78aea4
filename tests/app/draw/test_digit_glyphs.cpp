// Tests of the countdown's numbers composed from glyphs made once: the same pixels as SDL_ttf's
// whole line, and no texture made anew each second. Headless: a software renderer on a surface.
#include <SDL.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "app/draw/digit_glyphs.hpp"
#include "app/draw/renderer.hpp"
#include "app/draw/sdl_handles.hpp"
#include "app/draw/text_cache.hpp"
#include "app/fonts/font_locator.hpp"
#include "catch.hpp"
#include "render_samples.hpp"

using namespace sk;

namespace {

// A surface in the window's own format (RGB888: no alpha of its own), with a software renderer.
struct Canvas {
    SurfaceHandle surface;
    RendererHandle renderer;

    Canvas(int width, int height)
        : surface(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGB888)),
          renderer(surface ? SDL_CreateSoftwareRenderer(surface.get()) : nullptr) {
        REQUIRE(surface);
        REQUIRE(renderer);
    }

    void clear(Rgb colour) {
        SDL_SetRenderDrawColor(renderer.get(), colour.red, colour.green, colour.blue, 255);
        SDL_RenderSetClipRect(renderer.get(), nullptr);
        SDL_RenderClear(renderer.get());
    }

    std::uint32_t word(int x, int y) const {
        std::uint32_t value = 0;
        std::memcpy(&value,
                    static_cast<const std::uint8_t*>(surface->pixels) +
                        static_cast<std::ptrdiff_t>(y) * surface->pitch +
                        static_cast<std::ptrdiff_t>(x) * 4,
                    sizeof value);
        return value & 0xffffffu;
    }
};

const FontFiles& system_fonts() {
    static const FontFiles fonts = locate_fonts(default_font_family);
    return fonts;
}

// How many pixels of the two canvases differ (inside the first `width` x `height`).
long differences(const Canvas& first, const Canvas& second, int width, int height) {
    long count = 0;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            count += first.word(x, y) != second.word(x, y) ? 1 : 0;
        }
    }
    return count;
}

ScreenView hold_view(int seconds) {
    for (test::Sample& sample : test::sample_screens(Theme::day)) {
        if (sample.name == "hold") {
            sample.view.big_number = seconds;
            return sample.view;
        }
    }
    FAIL("no hold sample");
    return {};
}

}  // namespace

TEST_CASE("a number from its digits' glyphs is SDL_ttf's whole line, pixel for pixel") {
    REQUIRE(system_fonts().bold);
    const Rgb background{20, 40, 60};
    const Rgb colour{250, 245, 230};
    // Small to 4K's countdown (about 1300 px), each size hinted its own way.
    const std::vector<int> sizes{23, 48, 97, 163, 251, 420, 733, 1330};
    for (const int size : sizes) {
        std::vector<int> numbers;
        // Every pair of digits where it is cheap; at the largest sizes the digits and some pairs.
        const int all_up_to = size <= 420 ? 120 : 12;
        for (int number = 0; number <= all_up_to; ++number) {
            numbers.push_back(number);
        }
        for (const int number : {19, 20, 44, 45, 59, 60, 71, 88, 90, 100, 120}) {
            if (number > all_up_to) {
                numbers.push_back(number);
            }
        }
        const int room = size * 2 + size / 2;
        Canvas composed(room * 2, room);
        Canvas whole(room * 2, room);
        TextCache composing(composed.renderer.get(), system_fonts());
        TextCache drawing(whole.renderer.get(), system_fonts());
        for (const int number : numbers) {
            const std::string text = std::to_string(number);
            INFO("size " << size << ", " << text);
            const std::optional<ComposedLine> line =
                composing.number(text, FontWeight::bold, size, colour);
            REQUIRE(line);
            const std::optional<TextTexture> texture =
                drawing.text(text, FontWeight::bold, size, colour);
            REQUIRE(texture);
            CHECK(line->width == texture->width);
            CHECK(line->height == texture->height);
            REQUIRE(texture->width + 4 <= room * 2);
            REQUIRE(texture->height + 4 <= room);

            composed.clear(background);
            REQUIRE(line->texture);
            const SDL_Rect place{3 + line->place.x, 2 + line->place.y, line->place.w,
                                 line->place.h};
            SDL_RenderCopy(composed.renderer.get(), line->texture, &line->source, &place);
            whole.clear(background);
            const SDL_Rect target{3, 2, texture->width, texture->height};
            SDL_RenderCopy(whole.renderer.get(), texture->texture, nullptr, &target);
            CHECK(differences(composed, whole, texture->width + 4, texture->height + 4) == 0);
            drawing.end_frame();  // the whole lines go again: a 4K size would fill the budget
        }
        // Ten glyphs at most, each rasterised once, however many numbers were drawn.
        CHECK(composing.rasterised() <= 10);
        CHECK(composing.digit_glyphs().sets() == 1);
    }
}

TEST_CASE("what is not a plain number is not composed") {
    REQUIRE(system_fonts().bold);
    Canvas canvas(200, 100);
    TextCache cache(canvas.renderer.get(), system_fonts());
    CHECK_FALSE(cache.number("", FontWeight::bold, 40, {255, 255, 255}));
    CHECK_FALSE(cache.number("07:43", FontWeight::bold, 40, {255, 255, 255}));
    CHECK_FALSE(cache.number("-1", FontWeight::bold, 40, {255, 255, 255}));
    CHECK_FALSE(cache.number("\u0661\u0662", FontWeight::bold, 40, {255, 255, 255}));
    CHECK(cache.number("12", FontWeight::bold, 40, {255, 255, 255}));
}

TEST_CASE("a minute's countdown rasterises each digit once, at 4K too") {
    REQUIRE(system_fonts().bold);
    for (const auto& [width, height] : {std::pair{1920, 1080}, std::pair{3840, 2160}}) {
        INFO(width << "x" << height);
        Canvas canvas(width, height);
        Renderer renderer(canvas.renderer.get(), system_fonts());
        renderer.draw(hold_view(60));
        const long first = renderer.text_cache().rasterised();
        for (int seconds = 59; seconds >= 0; --seconds) {
            renderer.draw(hold_view(seconds), TargetContent::last_frame);
        }
        // 6 and 0 were drawn first; the other eight digits once each, and nothing else.
        CHECK(renderer.text_cache().rasterised() - first == 8);
        // Each number composed once, however often it was drawn.
        const long composed = renderer.text_cache().digit_glyphs().composed();
        renderer.draw(hold_view(0), TargetContent::last_frame);
        CHECK(renderer.text_cache().digit_glyphs().composed() == composed);
        // The ten glyphs' coverage, cropped to the ink, and one number's texture: about 36% of
        // a frame of the screen (ten glyphs kept as ARGB textures took about three quarters).
        const std::size_t glyph_bytes = renderer.text_cache().digit_glyphs().bytes();
        CHECK(glyph_bytes > 0);
        CHECK(glyph_bytes <= static_cast<std::size_t>(width) * height * 4 * 2 / 5);
    }
}

TEST_CASE("a number in another colour is composed from the same glyphs") {
    REQUIRE(system_fonts().bold);
    Canvas canvas(400, 300);
    TextCache cache(canvas.renderer.get(), system_fonts());
    REQUIRE(cache.number("45", FontWeight::bold, 120, {250, 245, 230}));
    const long rasterised = cache.rasterised();
    const long composed = cache.digit_glyphs().composed();
    // The same number again: the texture as it is.
    REQUIRE(cache.number("45", FontWeight::bold, 120, {250, 245, 230}));
    CHECK(cache.digit_glyphs().composed() == composed);
    // Paused (another colour): composed anew, nothing rasterised, no second set.
    const auto paused = cache.number("45", FontWeight::bold, 120, {90, 90, 90});
    REQUIRE(paused);
    REQUIRE(paused->texture);
    CHECK(cache.rasterised() == rasterised);
    CHECK(cache.digit_glyphs().composed() == composed + 1);
    CHECK(cache.digit_glyphs().sets() == 1);
    // The texture holds the paused colour now: somewhere in the ink is a fully covered pixel.
    canvas.clear({0, 0, 0});
    SDL_RenderCopy(canvas.renderer.get(), paused->texture, &paused->source, &paused->place);
    bool found = false;
    for (int y = 0; y < paused->place.h && !found; ++y) {
        for (int x = 0; x < paused->place.w && !found; ++x) {
            found = canvas.word(paused->place.x + x, paused->place.y + y) == 0x5a5a5au;
        }
    }
    CHECK(found);
}

TEST_CASE("the glyphs go with the fonts between sessions, and come back the same") {
    REQUIRE(system_fonts().bold);
    Canvas canvas(1280, 720);
    Renderer renderer(canvas.renderer.get(), system_fonts());
    renderer.draw(hold_view(27));
    CHECK(renderer.text_cache().digit_glyphs().sets() == 1);
    ScreenView idle;
    for (const test::Sample& sample : test::sample_screens()) {
        if (sample.view.kind == ScreenKind::idle) {
            idle = sample.view;
        }
    }
    renderer.draw(idle);
    CHECK(renderer.text_cache().digit_glyphs().sets() == 0);
    CHECK(renderer.text_cache().digit_glyphs().bytes() == 0);
    Canvas fresh(1280, 720);
    Renderer fresh_renderer(fresh.renderer.get(), system_fonts());
    renderer.draw(hold_view(27));
    fresh_renderer.draw(hold_view(27));
    CHECK(differences(canvas, fresh, 1280, 720) == 0);
}

TEST_CASE("the bar's next pixel: nothing changes before it, it fills at it") {
    for (const int width : {1, 7, 600, 1717, 3400}) {
        const Box bar{10, 20, width, 12};
        for (double progress = 0.0; progress < 1.0; progress += 0.0137) {
            INFO(width << " px at " << progress);
            const std::optional<double> share = PartPainter::progress_to_next_pixel(progress, bar);
            const int filled = PartPainter::progress_fill(progress, bar);
            if (filled >= width) {
                CHECK_FALSE(share);
                continue;
            }
            REQUIRE(share);
            CHECK(*share >= 0.0);
            CHECK(*share <= 1.0 / width + 1e-12);
            CHECK(PartPainter::progress_fill(progress + *share * 0.999, bar) <= filled + 1);
            CHECK(PartPainter::progress_fill(progress + *share - 1e-9, bar) == filled);
            CHECK(PartPainter::progress_fill(progress + *share + 1e-9, bar) == filled + 1);
        }
    }
    CHECK_FALSE(PartPainter::progress_to_next_pixel(1.0, Box{0, 0, 100, 4}));
    CHECK_FALSE(PartPainter::progress_to_next_pixel(0.5, Box{0, 0, 0, 4}));
}
