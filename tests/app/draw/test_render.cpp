// Tests of the renderer's pixels: headless, SDL's software renderer drawing into a surface.
#include <SDL.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>
#include <vector>

#include "app/draw/built_in_pictures.hpp"
#include "app/draw/palette.hpp"
#include "app/draw/picture.hpp"
#include "app/draw/png_writer.hpp"
#include "app/draw/renderer.hpp"
#include "app/draw/sdl_handles.hpp"
#include "app/draw/text_cache.hpp"
#include "app/fonts/font_fallback.hpp"
#include "app/fonts/font_locator.hpp"
#include "catch.hpp"
#include "render_samples.hpp"
#include "temp_dir.hpp"

using namespace sk;

namespace sk {
// For Catch's messages.
std::ostream& operator<<(std::ostream& out, const Box& box) {
    return out << box.x << ',' << box.y << ' ' << box.width << 'x' << box.height;
}
std::ostream& operator<<(std::ostream& out, const Rgb& colour) {
    return out << "rgb(" << int{colour.red} << ',' << int{colour.green} << ',' << int{colour.blue}
               << ')';
}
}  // namespace sk

namespace {

// A surface with a software renderer drawing into it.
struct Canvas {
    SurfaceHandle surface;
    RendererHandle renderer;

    Canvas(int width, int height)
        : surface(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888)),
          renderer(surface ? SDL_CreateSoftwareRenderer(surface.get()) : nullptr) {
        REQUIRE(surface);
        REQUIRE(renderer);
    }

    // The surface is ARGB8888: read the channels straight out of the word.
    Rgb pixel(int x, int y) const {
        const auto* row = static_cast<const std::uint8_t*>(surface->pixels) +
                          static_cast<std::ptrdiff_t>(y) * surface->pitch;
        std::uint32_t value = 0;
        std::memcpy(&value, row + static_cast<std::ptrdiff_t>(x) * 4, sizeof value);
        return {static_cast<std::uint8_t>(value >> 16), static_cast<std::uint8_t>(value >> 8),
                static_cast<std::uint8_t>(value)};
    }
    int width() const { return surface->w; }
    int height() const { return surface->h; }
};

const FontFiles& system_fonts() {
    static const FontFiles fonts = locate_fonts(default_font_family);
    return fonts;
}

int brightness(Rgb colour) {
    return std::max({colour.red, colour.green, colour.blue});
}

// Bright: more than half lit in some channel.
bool bright(Rgb colour) {
    return brightness(colour) > 127;
}

// The bounding box of bright pixels inside `area`.
Box bright_bounds(const Canvas& canvas, const Box& area) {
    int left = area.right(), top = area.bottom(), right = area.x, bottom = area.y;
    for (int y = area.y; y < area.bottom(); ++y) {
        for (int x = area.x; x < area.right(); ++x) {
            if (bright(canvas.pixel(x, y))) {
                left = std::min(left, x);
                right = std::max(right, x + 1);
                top = std::min(top, y);
                bottom = std::max(bottom, y + 1);
            }
        }
    }
    return right > left ? Box{left, top, right - left, bottom - top} : Box{};
}

double bright_share(const Canvas& canvas) {
    long count = 0;
    for (int y = 0; y < canvas.height(); ++y) {
        for (int x = 0; x < canvas.width(); ++x) {
            count += bright(canvas.pixel(x, y)) ? 1 : 0;
        }
    }
    return static_cast<double>(count) / (static_cast<double>(canvas.width()) * canvas.height());
}

ScreenView hold_view(int seconds, Theme theme = Theme::day) {
    for (test::Sample& sample : test::sample_screens(theme)) {
        if (sample.name == "hold") {
            sample.view.big_number = seconds;
            return sample.view;
        }
    }
    FAIL("no hold sample");
    return {};
}

bool same_pixels(const Canvas& first, const Canvas& second) {
    if (first.width() != second.width() || first.height() != second.height()) {
        return false;
    }
    for (int y = 0; y < first.height(); ++y) {
        for (int x = 0; x < first.width(); ++x) {
            if (!(first.pixel(x, y) == second.pixel(x, y))) {
                return false;
            }
        }
    }
    return true;
}

// An empty directory, removed again at the end of the test.
struct TemporaryDirectory {
    std::filesystem::path path;
    explicit TemporaryDirectory(const std::string& name)
        : path(std::filesystem::temp_directory_path() /
               (name + "-" + std::to_string(SDL_GetPerformanceCounter()))) {
        std::filesystem::create_directories(path);
    }
    ~TemporaryDirectory() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

// `text` drawn alone in white: its pixels, row by row.
std::vector<Rgb> drawn(Canvas& canvas, TextCache& cache, std::string_view text) {
    SDL_SetRenderDrawColor(canvas.renderer.get(), 0, 0, 0, 255);
    SDL_RenderClear(canvas.renderer.get());
    const std::optional<TextTexture> texture =
        cache.text(text, FontWeight::regular, 64, {255, 255, 255});
    REQUIRE(texture);
    const SDL_Rect place{0, 0, texture->width, texture->height};
    SDL_RenderCopy(canvas.renderer.get(), texture->texture, nullptr, &place);
    std::vector<Rgb> pixels;
    for (int y = 0; y < std::min(texture->height, canvas.height()); ++y) {
        for (int x = 0; x < std::min(texture->width, canvas.width()); ++x) {
            pixels.push_back(canvas.pixel(x, y));
        }
    }
    return pixels;
}

}  // namespace

TEST_CASE("text in a script the chosen font lacks draws with an installed font that has it") {
    REQUIRE(system_fonts().regular);
    // scripts/install-deps --test installs a font with Japanese (fonts-droid-fallback).
    const std::optional<FontFile> japanese =
        FontFallback(FontSearch{}).face_for(U'立', FontWeight::regular);
    REQUIRE(japanese);
    const std::filesystem::path dejavu = system_fonts().regular->path;
    TemporaryDirectory latin_only("sk-fonts-latin");
    TemporaryDirectory with_japanese("sk-fonts-japanese");
    for (const auto* directory : {&latin_only, &with_japanese}) {
        std::filesystem::create_symlink(dejavu, directory->path / dejavu.filename());
    }
    std::filesystem::create_symlink(japanese->path, with_japanese.path / "japanese-font");

    Canvas canvas(300, 120);
    SECTION("a font that has it is found and draws it") {
        TextCache cache(canvas.renderer.get(),
                        locate_fonts(default_font_family, FontSearch{with_japanese.path}));
        // Two different characters, two different drawings: neither is the missing-glyph box.
        CHECK(drawn(canvas, cache, "立") != drawn(canvas, cache, "位"));
        REQUIRE(cache.fallback_faces().size() == 1);
        CHECK(std::filesystem::path(cache.fallback_faces().front().path).filename() ==
              "japanese-font");
        // Latin beside it keeps the chosen font, and the line is as wide as its runs.
        CHECK(cache.width("Hold 立位", FontWeight::regular, 64) ==
              cache.width("Hold ", FontWeight::regular, 64) +
                  cache.width("立位", FontWeight::regular, 64));
    }
    SECTION("with no font that has it, it is the box (what the test above rules out)") {
        TextCache cache(canvas.renderer.get(),
                        locate_fonts(default_font_family, FontSearch{latin_only.path}));
        CHECK(drawn(canvas, cache, "立") == drawn(canvas, cache, "位"));
        CHECK(cache.fallback_faces().empty());
    }
}

TEST_CASE("Arabic is shaped as Arabic: its letters join, right to left") {
    Canvas canvas(300, 120);
    TextCache cache(canvas.renderer.get(), system_fonts());
    // Lam and alef written together are one ligature, narrower than the two letters apart.
    const int together = cache.width("لا", FontWeight::regular, 64);
    const int apart =
        cache.width("ل", FontWeight::regular, 64) + cache.width("ا", FontWeight::regular, 64);
    CHECK(together > 0);
    CHECK(together < apart);
    // Read right to left: the first letter is drawn rightmost. In "با" (beh, then alef) the
    // alef's tall stroke, the highest ink, stands on the left.
    const std::optional<TextTexture> texture =
        cache.text("با", FontWeight::regular, 64, {255, 255, 255});
    REQUIRE(texture);
    const std::vector<Rgb> word = drawn(canvas, cache, "با");
    int highest_x = -1;
    for (std::size_t index = 0; index < word.size() && highest_x < 0; ++index) {
        if (bright(word[index])) {
            highest_x = static_cast<int>(index % static_cast<std::size_t>(texture->width));
        }
    }
    CHECK(highest_x >= 0);
    CHECK(highest_x < texture->width / 2);
}

TEST_CASE("the fonts the kiosk ships with are found without a word of complaint") {
    const FontFiles& fonts = system_fonts();
    REQUIRE(fonts.regular);
    REQUIRE(fonts.bold);
    CHECK(fonts.problems.empty());
    CHECK(fonts.regular->family == "DejaVu Sans");
    CHECK(fonts.regular->path != fonts.bold->path);
    CHECK_FALSE(fonts.bold->embolden);
}

TEST_CASE("a missing font family falls back to DejaVu Sans and says so") {
    const FontFiles fonts = locate_fonts("No Such Family Xyz");
    REQUIRE(fonts.regular);
    CHECK(fonts.regular->family == "DejaVu Sans");
    CHECK(fonts.problems ==
          std::vector<std::string>{"font 'No Such Family Xyz' not found: using DejaVu Sans"});
}

TEST_CASE("without DejaVu Sans any scalable font will do, emboldened if it has no bold") {
    REQUIRE(system_fonts().regular);
    TemporaryDirectory directory("sk-fonts");
    const std::filesystem::path serif =
        std::filesystem::path(system_fonts().regular->path).parent_path() / "DejaVuSerif.ttf";
    REQUIRE(std::filesystem::exists(serif));
    std::filesystem::copy_file(serif, directory.path / "DejaVuSerif.ttf");

    const FontFiles fonts = locate_fonts("Foo", FontSearch{directory.path});
    REQUIRE(fonts.regular);
    REQUIRE(fonts.bold);
    CHECK(fonts.regular->family == "DejaVu Serif");
    CHECK(fonts.bold->embolden);
    CHECK(fonts.problems == std::vector<std::string>{"font 'Foo' not found: using DejaVu Serif"});
}

TEST_CASE("with no font at all the countdown still shows, in segments, inside a frame") {
    TemporaryDirectory empty("sk-no-fonts");
    const FontFiles none = locate_fonts("DejaVu Sans", FontSearch{empty.path});
    CHECK_FALSE(none.regular);
    CHECK_FALSE(none.bold);
    CHECK(none.problems == std::vector<std::string>{"no font found: install fonts-dejavu-core "
                                                    "(until then only digits are shown)"});

    Canvas canvas(1920, 1080);
    Renderer renderer(canvas.renderer.get(), none);
    renderer.draw(hold_view(45));
    CHECK_FALSE(renderer.has_fonts());
    const Box digits = bright_bounds(canvas, renderer.layout()[Part::big_number].box);
    CHECK(digits.height >= 0.35 * 1080);
    // The frame just inside the edge, in the caution colour.
    CHECK(canvas.pixel(960, 12) == palette_for(Theme::day).caution);
    CHECK(canvas.pixel(12, 540) == palette_for(Theme::day).caution);
    CHECK(canvas.pixel(0, 0) == Rgb{0, 0, 0});
    // The arrow for the leg is a shape: it shows too.
    const Box arrow = renderer.layout()[Part::side_marker].box;
    CHECK(canvas.pixel(arrow.x + arrow.width / 2, arrow.y + arrow.height / 2) ==
          palette_for(Theme::day).right_side);
}

TEST_CASE("a font file that will not open is reported, and digits still show") {
    FontFiles broken;
    broken.regular = FontFile{"/nonexistent/NoFont.ttf", 0, "No Font", false};
    Canvas canvas(800, 480);
    Renderer renderer(canvas.renderer.get(), broken);
    renderer.draw(hold_view(7));
    const std::vector<std::string> problems = renderer.problems();
    REQUIRE(problems.size() == 1);
    CHECK(problems.front().rfind("cannot open the font file /nonexistent/NoFont.ttf: ", 0) == 0);
    CHECK(bright_bounds(canvas, renderer.layout()[Part::big_number].box).height >= 0.35 * 480);
}

TEST_CASE("the countdown's digits measured in pixels") {
    REQUIRE(system_fonts().regular);
    SECTION("landscape 1920x1080: at least 35% of the height (aiming near 45%)") {
        Canvas canvas(1920, 1080);
        Renderer renderer(canvas.renderer.get(), system_fonts());
        renderer.draw(hold_view(45));
        const Box digits = bright_bounds(canvas, renderer.layout()[Part::big_number].box);
        INFO("digits " << digits.width << "x" << digits.height);
        CHECK(digits.height >= 0.35 * 1080);
        CHECK(digits.height >= 0.42 * 1080);
    }
    SECTION("portrait 1080x1920: most of the width, and at least 22% of the height") {
        Canvas canvas(1080, 1920);
        Renderer renderer(canvas.renderer.get(), system_fonts());
        renderer.draw(hold_view(45));
        const Box digits = bright_bounds(canvas, renderer.layout()[Part::big_number].box);
        INFO("digits " << digits.width << "x" << digits.height);
        CHECK(digits.width >= 0.75 * 1080);
        CHECK(digits.height >= 0.22 * 1920);
    }
    SECTION("the type keeps its size as the count drops below ten") {
        Canvas canvas(1920, 1080);
        Renderer renderer(canvas.renderer.get(), system_fonts());
        renderer.draw(hold_view(44));
        const Box two = bright_bounds(canvas, renderer.layout()[Part::big_number].box);
        renderer.draw(hold_view(4));
        const Box one = bright_bounds(canvas, renderer.layout()[Part::big_number].box);
        CHECK(one.height == two.height);
        CHECK(std::abs(2 * one.width - two.width) < two.width / 4);
    }
}

TEST_CASE("screens light few pixels, keep black corners, and stay dim at night") {
    REQUIRE(system_fonts().regular);
    const Theme theme = GENERATE(Theme::day, Theme::night);
    const auto [width, height] = GENERATE(table<int, int>({{1920, 1080}, {1080, 1920}}));
    for (const test::Sample& sample : test::sample_screens(theme)) {
        INFO(sample.name << (theme == Theme::night ? " night " : " day ") << width << "x"
                         << height);
        Canvas canvas(width, height);
        Renderer renderer(canvas.renderer.get(), system_fonts());
        renderer.draw(sample.view);
        CHECK(bright_share(canvas) < 0.12);
        for (const auto& [x, y] : {std::pair{0, 0}, std::pair{width - 1, 0},
                                   std::pair{0, height - 1}, std::pair{width - 1, height - 1}}) {
            CHECK(canvas.pixel(x, y) == Rgb{0, 0, 0});
        }
        if (theme == Theme::night) {
            int brightest = 0;
            for (int y = 0; y < height; y += 2) {
                for (int x = 0; x < width; x += 2) {
                    brightest = std::max(brightest, brightness(canvas.pixel(x, y)));
                }
            }
            CHECK(brightest <= night_brightness_limit);
        }
        if (sample.view.kind == ScreenKind::dark) {
            CHECK(bright_bounds(canvas, {0, 0, width, height}).empty());
        } else {
            CHECK_FALSE(renderer.lit(Part::hint).empty());
        }
    }
}

TEST_CASE("what is drawn stays inside its box, for every screen, size and text") {
    REQUIRE(system_fonts().regular);
    using test::Texts;
    const auto texts =
        GENERATE(Texts::plain, Texts::long_english, Texts::german, Texts::japanese, Texts::hostile);
    for (const auto& [width, height] : test::screen_sizes()) {
        Canvas canvas(width, height);
        Renderer renderer(canvas.renderer.get(), system_fonts());
        for (const test::Sample& sample : test::sample_screens()) {
            const ScreenView view = test::with_texts(sample.view, texts);
            renderer.draw(view);
            const Layout& layout = renderer.layout();
            for (std::size_t index = 0; index < part_count; ++index) {
                const auto part = static_cast<Part>(index);
                const Box& lit = renderer.lit(part);
                INFO(sample.name << " (" << test::texts_name(texts) << ") at " << width << "x"
                                 << height << ": " << part_name(part));
                CHECK(contains(layout[part].box, lit));
                CHECK(contains({0, 0, width, height}, lit));
                for (std::size_t other = index + 1; other < part_count; ++other) {
                    CHECK_FALSE(overlaps(lit, renderer.lit(static_cast<Part>(other))));
                }
            }
            // Text that the view carries is shown (cut short if it must be, never dropped).
            INFO(sample.name << " (" << test::texts_name(texts) << ") at " << width << "x"
                             << height);
            if (!view.heading.empty() && view.kind != ScreenKind::dark) {
                CHECK_FALSE(renderer.lit(Part::heading).empty());
            }
            if (!view.body.empty() && view.kind != ScreenKind::dark) {
                CHECK_FALSE(renderer.lit(Part::body).empty());
            }
            if (!view.banner.empty()) {
                CHECK_FALSE(renderer.lit(Part::banner).empty());
            }
        }
    }
}

TEST_CASE("rotation 90 draws the picture of rotation 0 turned clockwise") {
    REQUIRE(system_fonts().regular);
    const ScreenView view = hold_view(45);
    Canvas upright(1080, 1920);
    Renderer upright_renderer(upright.renderer.get(), system_fonts());
    upright_renderer.draw(view);

    const auto [rotation, mapped] = GENERATE(table<Rotation, int>({
        {Rotation::r90, 90},
        {Rotation::r180, 180},
        {Rotation::r270, 270},
    }));
    const bool sideways = mapped != 180;
    Canvas turned(sideways ? 1920 : 1080, sideways ? 1080 : 1920);
    Renderer turned_renderer(turned.renderer.get(), system_fonts(), rotation);
    turned_renderer.draw(view);
    CHECK(turned_renderer.layout() == upright_renderer.layout());

    // Compare every 3rd pixel of the regions that matter, and the whole frame sparsely.
    long compared = 0;
    long different = 0;
    auto compare = [&](const Box& area, int step) {
        for (int y = area.y; y < area.bottom(); y += step) {
            for (int x = area.x; x < area.right(); x += step) {
                const Box where = rotate_box({x, y, 1, 1}, rotation, 1080, 1920);
                ++compared;
                if (!(upright.pixel(x, y) == turned.pixel(where.x, where.y))) {
                    ++different;
                }
            }
        }
    };
    for (const Part part : {Part::heading, Part::side, Part::side_marker, Part::big_number,
                            Part::progress, Part::hint}) {
        compare(upright_renderer.layout()[part].box, 3);
    }
    compare({0, 0, 1080, 1920}, 17);
    INFO(different << " of " << compared << " pixels differ");
    CHECK(compared > 10000);
    CHECK(different == 0);
}

TEST_CASE("an unchanged frame rasterises nothing, and a tick redraws only what ticked") {
    REQUIRE(system_fonts().regular);
    Canvas canvas(1920, 1080);
    Renderer renderer(canvas.renderer.get(), system_fonts());
    const ScreenView first = hold_view(27);

    const DrawReport full = renderer.draw(first);
    CHECK(full.redraw == Redraw::everything);
    CHECK(full.changed == Box{0, 0, 1920, 1080});
    const long after_first = renderer.text_cache().rasterised();
    CHECK(after_first > 0);

    SECTION("the same view again: nothing drawn, nothing rasterised") {
        const DrawReport again = renderer.draw(first, TargetContent::last_frame);
        CHECK(again.redraw == Redraw::nothing);
        CHECK(again.changed.empty());
        CHECK(again.areas.empty());
        CHECK(renderer.text_cache().rasterised() == after_first);
    }
    SECTION("drawn whole again: every text comes from the cache") {
        renderer.redraw_everything();
        const DrawReport again = renderer.draw(first);
        CHECK(again.redraw == Redraw::everything);
        CHECK(renderer.text_cache().rasterised() == after_first);
    }
    SECTION("a countdown tick: only the digits are rasterised and redrawn") {
        ScreenView tick = first;
        tick.big_number = 26;
        const DrawReport report = renderer.draw(tick, TargetContent::last_frame);
        CHECK(report.redraw == Redraw::parts);
        CHECK(report.changed == renderer.layout()[Part::big_number].box);
        CHECK(report.areas == std::vector<Box>{renderer.layout()[Part::big_number].box});
        CHECK(renderer.text_cache().rasterised() == after_first + 1);

        // The same pixels as drawing the new view from scratch.
        Canvas fresh(1920, 1080);
        Renderer fresh_renderer(fresh.renderer.get(), system_fonts());
        fresh_renderer.draw(tick);
        CHECK(same_pixels(canvas, fresh));
    }
    SECTION("a tick with progress: the digits and the strip of the bar that filled, nothing else") {
        ScreenView tick = first;
        tick.big_number = 26;
        tick.progress = 0.45;
        const DrawReport report = renderer.draw(tick, TargetContent::last_frame);
        CHECK(report.redraw == Redraw::parts);
        const Box bar = renderer.layout()[Part::progress].box;
        const int was = PartPainter::progress_fill(first.progress, bar);
        const int is = PartPainter::progress_fill(tick.progress, bar);
        REQUIRE(is > was);
        const Box strip{bar.x + was, bar.y, is - was, bar.height};
        CHECK(report.areas == std::vector<Box>{renderer.layout()[Part::big_number].box, strip});
        CHECK(report.changed == united(renderer.layout()[Part::big_number].box, strip));
        Canvas fresh(1920, 1080);
        Renderer fresh_renderer(fresh.renderer.get(), system_fonts());
        fresh_renderer.draw(tick);
        CHECK(same_pixels(canvas, fresh));
    }
    SECTION("the bar alone: only its strip; back again, the same strip") {
        ScreenView later = first;
        later.progress = first.progress + 0.01;
        const Box bar = renderer.layout()[Part::progress].box;
        const int was = PartPainter::progress_fill(first.progress, bar);
        const int is = PartPainter::progress_fill(later.progress, bar);
        REQUIRE(is > was);
        const Box strip{bar.x + was, bar.y, is - was, bar.height};
        CHECK(renderer.draw(later, TargetContent::last_frame).areas == std::vector<Box>{strip});
        CHECK(renderer.draw(first, TargetContent::last_frame).areas == std::vector<Box>{strip});
        // Less than a pixel of the bar: nothing at all.
        ScreenView same = first;
        same.progress = first.progress + 0.1 / bar.width;
        REQUIRE(PartPainter::progress_fill(same.progress, bar) == was);
        CHECK(renderer.draw(same, TargetContent::last_frame).areas.empty());
    }
    SECTION("a new screen kind redraws everything") {
        ScreenView rest = first;
        rest.kind = ScreenKind::rest;
        const DrawReport report = renderer.draw(rest, TargetContent::last_frame);
        CHECK(report.redraw == Redraw::everything);
        CHECK(report.areas == std::vector<Box>{{0, 0, 1920, 1080}});
    }
    SECTION("a target that forgets the last frame gets the whole frame each time") {
        ScreenView tick = first;
        tick.big_number = 26;
        const DrawReport report = renderer.draw(tick, TargetContent::unknown);
        CHECK(report.redraw == Redraw::parts);
        CHECK(report.areas == std::vector<Box>{{0, 0, 1920, 1080}});
        Canvas fresh(1920, 1080);
        Renderer fresh_renderer(fresh.renderer.get(), system_fonts());
        fresh_renderer.draw(tick);
        CHECK(same_pixels(canvas, fresh));
    }
    SECTION("turned, the changed area is reported in the target's pixels") {
        Canvas sideways(1080, 1920);
        Renderer turned(sideways.renderer.get(), system_fonts(), Rotation::r90);
        turned.draw(first);
        ScreenView tick = first;
        tick.big_number = 26;
        const DrawReport report = turned.draw(tick, TargetContent::last_frame);
        const Layout& layout = turned.layout();
        // The digits' box, turned (grown by a pixel when its sides differ by an odd number).
        const Box digits = rotate_box(layout[Part::big_number].box, Rotation::r90, 1920, 1080);
        CHECK(contains(report.changed, digits));
        CHECK(report.changed.width * report.changed.height <=
              (digits.width + 1) * (digits.height + 1));
        // Only the changed area was copied, turned: the target matches a whole fresh frame.
        Canvas fresh(1080, 1920);
        Renderer fresh_renderer(fresh.renderer.get(), system_fonts(), Rotation::r90);
        fresh_renderer.draw(tick);
        CHECK(same_pixels(sideways, fresh));
    }
}

namespace {

ScreenView hold_with_picture(Side side, Theme theme = Theme::day) {
    ScreenView view = hold_view(27, theme);
    view.side = side;
    view.subheading = side == Side::left ? "Left leg" : "Right leg";
    view.picture = PosePicture{{Picture::Source::built_in, "chair"}, side};
    return view;
}

long pixels_of(const Canvas& canvas, const Box& area, Rgb colour) {
    long count = 0;
    for (int y = area.y; y < area.bottom(); ++y) {
        for (int x = area.x; x < area.right(); ++x) {
            count += canvas.pixel(x, y) == colour ? 1 : 0;
        }
    }
    return count;
}

}  // namespace

TEST_CASE("a picture is drawn inside its box, its working leg in that leg's colour") {
    REQUIRE(system_fonts().regular);
    const Theme theme = GENERATE(Theme::day, Theme::night);
    const Side side = GENERATE(Side::left, Side::right);
    const auto [width, height] = GENERATE(table<int, int>({{1920, 1080}, {1080, 1920}}));
    INFO(width << "x" << height << (theme == Theme::night ? " night" : " day")
               << (side == Side::left ? " left" : " right"));
    const Palette& palette = palette_for(theme);
    Canvas canvas(width, height);
    Renderer renderer(canvas.renderer.get(), system_fonts());
    renderer.draw(hold_with_picture(side, theme));
    const Box box = renderer.layout()[Part::picture].box;
    const Box lit = renderer.lit(Part::picture);
    REQUIRE_FALSE(lit.empty());
    CHECK(contains(box, lit));
    // It fills its box one way (it keeps its shape the other).
    CHECK((lit.width == box.width || lit.height == box.height));
    const long area = static_cast<long>(box.width) * box.height;
    const Rgb leg = side_colour(palette, side);
    const Rgb other = side_colour(palette, side == Side::left ? Side::right : Side::left);
    CHECK(pixels_of(canvas, box, leg) > area / 100);
    CHECK(pixels_of(canvas, box, palette.picture) > area / 100);
    CHECK(pixels_of(canvas, box, other) == 0);
    CHECK(renderer.take_picture_problems().empty());
}

TEST_CASE("the right leg's picture is the left leg's, mirrored, in the right leg's colour") {
    REQUIRE(system_fonts().regular);
    const Palette& palette = palette_for(Theme::day);
    const ScreenView left = hold_with_picture(Side::left);
    const ScreenView right = hold_with_picture(Side::right);
    Canvas left_canvas(1920, 1080);
    Renderer left_renderer(left_canvas.renderer.get(), system_fonts());
    left_renderer.draw(left);
    Canvas right_canvas(1920, 1080);
    Renderer right_renderer(right_canvas.renderer.get(), system_fonts());
    right_renderer.draw(right);
    // The picture moves across the digits (away from the arrow); its box keeps its size.
    const Box from = left_renderer.lit(Part::picture);
    const Box to = right_renderer.lit(Part::picture);
    REQUIRE(from.width == to.width);
    REQUIRE(from.height == to.height);
    CHECK(to.right() < right_renderer.layout()[Part::big_number].box.x);
    CHECK(from.x > left_renderer.layout()[Part::big_number].box.right());
    long compared = 0;
    long different = 0;
    for (int y = 0; y < from.height; ++y) {
        for (int x = 0; x < from.width; ++x) {
            const Rgb before = left_canvas.pixel(from.x + x, from.y + y);
            const Rgb after = right_canvas.pixel(to.x + to.width - 1 - x, to.y + y);
            // Compare the flat colours (edges blend the leg into the lines around it).
            if (before == palette.left_side) {
                ++compared;
                different += after == palette.right_side ? 0 : 1;
            } else if (before == palette.picture || before == Rgb{}) {
                ++compared;
                different += after == before ? 0 : 1;
            }
        }
    }
    INFO(different << " of " << compared);
    CHECK(compared > from.width * from.height / 2);
    CHECK(different == 0);
}

TEST_CASE("a picture is drawn at the size it was rasterised: crisp at 720p and at 4K") {
    REQUIRE(system_fonts().regular);
    const auto [width, height] =
        GENERATE(table<int, int>({{1280, 720}, {1920, 1080}, {3840, 2160}, {1080, 1920}}));
    INFO(width << "x" << height);
    Canvas canvas(width, height);
    Renderer renderer(canvas.renderer.get(), system_fonts());
    renderer.draw(hold_with_picture(Side::left));
    const Box box = renderer.layout()[Part::picture].box;
    const Box lit = renderer.lit(Part::picture);
    const Palette& palette = palette_for(Theme::day);
    RasterisedPicture expected =
        rasterise_picture(*built_in_picture_svg("chair"), box.width, box.height,
                          PictureInk{palette.picture, palette.left_side}, Mirror::none);
    REQUIRE(expected.surface);
    REQUIRE(lit.width == expected.surface->w);
    REQUIRE(lit.height == expected.surface->h);
    // Every pixel the picture lights is the rasterised pixel over black: nothing was scaled.
    long worst = 0;
    for (int y = 0; y < lit.height; y += 2) {
        for (int x = 0; x < lit.width; x += 2) {
            std::uint32_t value = 0;
            std::memcpy(&value,
                        static_cast<const std::uint8_t*>(expected.surface->pixels) +
                            y * expected.surface->pitch + x * 4,
                        sizeof value);
            const int alpha = static_cast<int>(value >> 24);
            const int red = static_cast<int>((value >> 16) & 0xff) * alpha / 255;
            worst = std::max<long>(worst, std::abs(red - canvas.pixel(lit.x + x, lit.y + y).red));
        }
    }
    CHECK(worst <= 2);
    CHECK(renderer.picture_cache().rasterised() == 1);
}

TEST_CASE("a picture costs the hold's digits nothing they need") {
    REQUIRE(system_fonts().regular);
    const auto [width, height] =
        GENERATE(table<int, int>({{1920, 1080}, {1280, 720}, {3840, 2160}, {1024, 768}}));
    INFO(width << "x" << height);
    Canvas canvas(width, height);
    Renderer renderer(canvas.renderer.get(), system_fonts());
    renderer.draw(hold_with_picture(Side::right));
    REQUIRE_FALSE(renderer.lit(Part::picture).empty());
    CHECK(renderer.layout()[Part::big_number].box.height >= 0.35 * height);
    // The digits' ink fills their box as it does without a picture.
    const Box digits = bright_bounds(canvas, renderer.layout()[Part::big_number].box);
    CHECK(digits.height >= 0.9 * renderer.layout()[Part::big_number].box.height);
    CHECK_FALSE(overlaps(digits, renderer.lit(Part::picture)));
}

TEST_CASE("whatever colours a picture file uses, at night it stays within the night's limit") {
    REQUIRE(system_fonts().regular);
    test::TempDir folder("sk-bright-picture");
    const std::string path =
        folder.file("bright.svg",
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 30\">"
                    "<g stroke-width=\"3\" fill=\"none\">"
                    "<line x1=\"2\" y1=\"5\" x2=\"38\" y2=\"5\" stroke=\"#ffffff\"/>"
                    "<line x1=\"2\" y1=\"12\" x2=\"38\" y2=\"12\" stroke=\"#ffff00\"/>"
                    "<line x1=\"2\" y1=\"19\" x2=\"38\" y2=\"19\" stroke=\"#00ffff\"/>"
                    "<line x1=\"2\" y1=\"26\" x2=\"38\" y2=\"26\" stroke=\"#ff0000\"/></g></svg>");
    ScreenView view = hold_with_picture(Side::left, Theme::night);
    view.picture->picture = {Picture::Source::file, path};
    Canvas canvas(1920, 1080);
    Renderer renderer(canvas.renderer.get(), system_fonts());
    renderer.draw(view);
    const Box lit = renderer.lit(Part::picture);
    REQUIRE_FALSE(lit.empty());
    int brightest = 0;
    for (int y = lit.y; y < lit.bottom(); ++y) {
        for (int x = lit.x; x < lit.right(); ++x) {
            brightest = std::max(brightest, brightness(canvas.pixel(x, y)));
        }
    }
    CHECK(brightest <= night_brightness_limit);
    const Palette& night = palette_for(Theme::night);
    CHECK(pixels_of(canvas, lit, night.left_side) > 0);
    CHECK(pixels_of(canvas, lit, night.picture) > 0);
}

TEST_CASE("a broken picture file is left out and said once; the screen still works") {
    REQUIRE(system_fonts().regular);
    test::TempDir folder("sk-broken-picture");
    const std::string path = folder.file("pose.svg", "<svg viewBox=\"0 0 4 3\"><line");
    ScreenView view = hold_view(27);
    view.picture = PosePicture{{Picture::Source::file, path}, Side::right};
    Canvas canvas(1920, 1080);
    Renderer renderer(canvas.renderer.get(), system_fonts());
    renderer.draw(view);
    const Box box = renderer.layout()[Part::picture].box;
    REQUIRE_FALSE(box.empty());
    CHECK(renderer.lit(Part::picture).empty());
    CHECK(bright_bounds(canvas, box).empty());
    CHECK_FALSE(renderer.lit(Part::big_number).empty());
    CHECK_FALSE(renderer.lit(Part::heading).empty());
    CHECK(renderer.take_picture_problems() ==
          std::vector<std::string>{"picture '" + path +
                                   "' is cut short (it does not end with </svg>); save it again: "
                                   "shown without it"});
    // Drawn again, it is neither tried nor said again.
    renderer.redraw_everything();
    renderer.draw(view);
    CHECK(renderer.take_picture_problems().empty());
    // A new config may bring a mended file: it is read again.
    folder.file("pose.svg", std::string(*built_in_picture_svg("towel")));
    renderer.forget_pictures();
    renderer.draw(view);
    CHECK_FALSE(renderer.lit(Part::picture).empty());
    CHECK(renderer.take_picture_problems().empty());
}

TEST_CASE("a countdown tick does not draw the picture again; between sessions it is let go") {
    REQUIRE(system_fonts().regular);
    Canvas canvas(1920, 1080);
    Renderer renderer(canvas.renderer.get(), system_fonts());
    ScreenView view = hold_with_picture(Side::left);
    renderer.draw(view);
    CHECK(renderer.picture_cache().rasterised() == 1);
    for (int seconds = 26; seconds > 20; --seconds) {
        view.big_number = seconds;
        const DrawReport report = renderer.draw(view, TargetContent::last_frame);
        CHECK(report.redraw == Redraw::parts);
        CHECK_FALSE(overlaps(report.changed, renderer.layout()[Part::picture].box));
    }
    renderer.redraw_everything();
    renderer.draw(view);
    CHECK(renderer.picture_cache().rasterised() == 1);
    CHECK(renderer.picture_cache().entries() == 1);

    // Between sessions the textures go, and their memory with them.
    ScreenView idle = hold_view(27);
    idle.kind = ScreenKind::idle;
    idle.picture.reset();
    renderer.draw(idle);
    CHECK(renderer.picture_cache().entries() == 0);
}

TEST_CASE("old texts leave the cache, so memory stays bounded over a long countdown") {
    REQUIRE(system_fonts().regular);
    Canvas canvas(1280, 720);
    Renderer renderer(canvas.renderer.get(), system_fonts());
    for (int seconds = 60; seconds >= 1; --seconds) {
        renderer.draw(hold_view(seconds), TargetContent::last_frame);
    }
    // The screen's few texts plus the last few countdown numbers, not sixty of them.
    CHECK(renderer.text_cache().entries() <= 5 + TextCache::keep_frames);
    CHECK(renderer.text_cache().bytes() <= TextCache::byte_budget);
    // One font a weight, resized as needed.
    CHECK(renderer.text_cache().open_fonts() <= 2);
}

TEST_CASE("every font is closed once a session is over, and opens again when needed") {
    REQUIRE(system_fonts().regular);
    Canvas canvas(1280, 720);
    Renderer renderer(canvas.renderer.get(), system_fonts());
    for (const test::Sample& sample : test::sample_screens()) {
        if (sample.view.kind == ScreenKind::dark) {
            continue;
        }
        renderer.draw(sample.view);
        INFO(sample.name);
        CHECK_FALSE(renderer.lit(Part::heading).empty());
        const bool session = sample.view.kind != ScreenKind::idle &&
                             sample.view.kind != ScreenKind::due &&
                             sample.view.kind != ScreenKind::done;
        if (session) {
            CHECK(renderer.text_cache().open_fonts() >= 1);
        } else {
            CHECK(renderer.text_cache().open_fonts() == 0);
        }
    }
    // Drawn again between sessions (the idle clock once a minute): the same pixels as a fresh
    // renderer's, with the fonts open only while it drew.
    ScreenView idle;
    for (const test::Sample& sample : test::sample_screens()) {
        if (sample.view.kind == ScreenKind::idle) {
            idle = sample.view;
        }
    }
    renderer.draw(idle);
    idle.heading = "07:43";
    renderer.draw(idle, TargetContent::last_frame);
    CHECK(renderer.text_cache().open_fonts() == 0);
    Canvas fresh(1280, 720);
    Renderer fresh_renderer(fresh.renderer.get(), system_fonts());
    fresh_renderer.draw(idle);
    CHECK(same_pixels(canvas, fresh));
}

TEST_CASE("save_png writes a PNG that reads back pixel for pixel") {
    SurfaceHandle surface(SDL_CreateRGBSurfaceWithFormat(0, 3, 2, 32, SDL_PIXELFORMAT_ARGB8888));
    REQUIRE(surface);
    const std::vector<Rgb> colours{{255, 0, 0}, {0, 255, 0},     {0, 0, 255},
                                   {0, 0, 0},   {255, 255, 255}, {12, 34, 56}};
    for (int index = 0; index < 6; ++index) {
        const Rgb colour = colours[static_cast<std::size_t>(index)];
        const SDL_Rect pixel{index % 3, index / 3, 1, 1};
        SDL_FillRect(surface.get(), &pixel,
                     SDL_MapRGB(surface->format, colour.red, colour.green, colour.blue));
    }
    TemporaryDirectory directory("sk-png");
    const std::filesystem::path path = directory.path / "small.png";
    REQUIRE(save_png(surface.get(), path));

    std::ifstream file(path, std::ios::binary);
    const std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(file)),
                                           std::istreambuf_iterator<char>());
    REQUIRE(bytes.size() > 8 + 25 + 12 + 12);
    CHECK(std::equal(
        bytes.begin(), bytes.begin() + 8,
        std::vector<unsigned char>{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}.begin()));
    CHECK(std::string(bytes.begin() + 12, bytes.begin() + 16) == "IHDR");
    CHECK(bytes[19] == 3);  // width
    CHECK(bytes[23] == 2);  // height
    CHECK(bytes[24] == 8);  // bits per channel
    CHECK(bytes[25] == 2);  // RGB
    const std::size_t idat = 8 + 25;
    const std::size_t length = (std::size_t{bytes[idat]} << 24) |
                               (std::size_t{bytes[idat + 1]} << 16) |
                               (std::size_t{bytes[idat + 2]} << 8) | bytes[idat + 3];
    CHECK(std::string(bytes.begin() + idat + 4, bytes.begin() + idat + 8) == "IDAT");
    std::vector<unsigned char> raw(2 * (1 + 3 * 3));
    uLongf raw_size = static_cast<uLongf>(raw.size());
    REQUIRE(uncompress(raw.data(), &raw_size, bytes.data() + idat + 8,
                       static_cast<uLong>(length)) == Z_OK);
    REQUIRE(raw_size == raw.size());
    for (int index = 0; index < 6; ++index) {
        const std::size_t at = static_cast<std::size_t>((index / 3) * 10 + 1 + (index % 3) * 3);
        const Rgb colour = colours[static_cast<std::size_t>(index)];
        CHECK(Rgb{raw[at], raw[at + 1], raw[at + 2]} == colour);
    }
    CHECK(std::string(bytes.end() - 8, bytes.end() - 4) == "IEND");

    CHECK_FALSE(save_png(surface.get(), directory.path / "missing" / "x.png"));
    CHECK(std::string(SDL_GetError()).rfind("cannot write ", 0) == 0);
    CHECK_FALSE(save_png(nullptr, path));
    CHECK(std::string(SDL_GetError()) == "no image to save");
}
