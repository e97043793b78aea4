// Tests of the pure parts of the renderer: layout, text fitting, rotation geometry, palettes.
#include <cstdlib>
#include <string>
#include <vector>

#include "app/draw/layout.hpp"
#include "app/draw/palette.hpp"
#include "app/draw/seven_segment.hpp"
#include "app/draw/text_fit.hpp"
#include "catch.hpp"
#include "render_samples.hpp"

using namespace sk;

namespace {

constexpr std::array<Part, part_count> every_part{
    Part::banner, Part::heading, Part::side,    Part::side_marker, Part::big_number, Part::progress,
    Part::body,   Part::status,  Part::caution, Part::hint,        Part::picture,    Part::phase,
};

std::string describe(const Box& box) {
    return std::to_string(box.x) + "," + std::to_string(box.y) + " " + std::to_string(box.width) +
           "x" + std::to_string(box.height);
}

// A stand-in for a font: every code point is half the type size wide; lines are 1.2 apart.
TextMeasure half_em_measure() {
    TextMeasure measure;
    measure.width = [](std::string_view text, int size) {
        int points = 0;
        for (const char byte : text) {
            points += (static_cast<unsigned char>(byte) & 0xC0) != 0x80 ? 1 : 0;
        }
        return points * size / 2;
    };
    measure.line_step = [](int size) { return size * 6 / 5; };
    return measure;
}

ScreenView hold_view(int seconds) {
    ScreenView view;
    view.kind = ScreenKind::hold;
    view.heading = "Chair hamstring stretch";
    view.subheading = "Right leg";
    view.side = Side::right;
    view.big_number = seconds;
    view.show_progress = true;
    view.progress = 0.4;
    view.body = {"Stop at a gentle pull. Never strain."};
    view.hint = "Space: pause · Hold Space: end";
    view.phase = "Hold";
    return view;
}

}  // namespace

TEST_CASE("boxes never overlap and stay on the screen, for every screen, size and text") {
    using test::Texts;
    const auto texts =
        GENERATE(Texts::plain, Texts::long_english, Texts::german, Texts::japanese, Texts::hostile);
    for (const auto& [width, height] : test::screen_sizes()) {
        for (const test::Sample& sample : test::sample_screens()) {
            const ScreenView view = test::with_texts(sample.view, texts);
            const Layout layout = layout_screen(view, width, height);
            const Box screen{0, 0, width, height};
            for (const Part first : every_part) {
                INFO(sample.name << " (" << test::texts_name(texts) << ") at " << width << "x"
                                 << height << ": " << part_name(first) << " "
                                 << describe(layout[first].box));
                CHECK(contains(screen, layout[first].box));
                if (!layout[first].box.empty() && first != Part::side_marker &&
                    first != Part::progress && first != Part::picture) {
                    CHECK(layout[first].max_pixel_size > 0);
                }
                for (const Part second : every_part) {
                    if (first < second) {
                        INFO("against " << part_name(second) << " "
                                        << describe(layout[second].box));
                        CHECK_FALSE(overlaps(layout[first].box, layout[second].box));
                    }
                }
            }
        }
    }
}

TEST_CASE("a part has a box exactly when the view has something for it") {
    const ScreenView hold = hold_view(27);
    const Layout layout = layout_screen(hold, 1920, 1080);
    for (const Part part : {Part::heading, Part::side, Part::side_marker, Part::big_number,
                            Part::progress, Part::body, Part::hint}) {
        INFO(part_name(part));
        CHECK_FALSE(layout[part].box.empty());
    }
    for (const Part part : {Part::banner, Part::status, Part::caution}) {
        INFO(part_name(part));
        CHECK(layout[part].box.empty());
    }

    ScreenView dark;
    dark.kind = ScreenKind::dark;
    dark.heading = "ignored on a dark screen";
    dark.big_number = 3;
    const Layout dark_layout = layout_screen(dark, 1920, 1080);
    for (const Part part : every_part) {
        INFO(part_name(part));
        CHECK(dark_layout[part].box.empty());
    }
    dark.banner = "config.yaml:1:1: a config error still shows";
    CHECK_FALSE(layout_screen(dark, 1920, 1080)[Part::banner].box.empty());
}

TEST_CASE("the countdown's box is most of a landscape screen's height and a portrait's width") {
    const ScreenView hold = hold_view(45);
    const auto [width, height] = GENERATE(table<int, int>({{1920, 1080}, {1280, 720}, {800, 480}}));
    const Layout landscape = layout_screen(hold, width, height);
    INFO(width << "x" << height);
    CHECK(landscape.orientation == Orientation::landscape);
    CHECK(landscape[Part::big_number].box.height >= 0.45 * height);
    CHECK(landscape[Part::big_number].fit == TextFit::ink);

    const Layout portrait = layout_screen(hold, height, width);
    CHECK(portrait.orientation == Orientation::portrait);
    CHECK(portrait[Part::big_number].box.width >= 0.9 * height);
    CHECK(portrait[Part::big_number].box.height >= 0.2 * width);
}

TEST_CASE("even crowded, a hold keeps its digits above 35% of a landscape screen") {
    ScreenView hold = test::with_texts(hold_view(45), test::Texts::long_english);
    hold.caution = hold.body.front();
    const Layout layout = layout_screen(hold, 1920, 1080);
    CHECK(layout[Part::big_number].box.height >= 0.38 * 1080);
}

TEST_CASE("the side is named on its own side of the screen, with an arrow at the edge") {
    ScreenView view = hold_view(27);
    const Layout right = layout_screen(view, 1920, 1080);
    CHECK(right[Part::side].align == TextAlign::right);
    CHECK(right[Part::side_marker].box.x > right[Part::big_number].box.right());
    CHECK(right[Part::side].box.x > right[Part::big_number].box.right());

    view.side = Side::left;
    view.subheading = "Left leg";
    const Layout left = layout_screen(view, 1920, 1080);
    CHECK(left[Part::side].align == TextAlign::left);
    CHECK(left[Part::side_marker].box.right() < left[Part::big_number].box.x);

    // Portrait: a row above the digits, the arrow at that side's edge.
    const Layout portrait = layout_screen(view, 1080, 1920);
    CHECK(portrait[Part::side].box.bottom() <= portrait[Part::big_number].box.y);
    CHECK(portrait[Part::side_marker].box.x < 1080 / 10);
}

TEST_CASE("the layout does not move while a countdown runs from 60 to 1") {
    const auto [width, height] = GENERATE(table<int, int>({{1920, 1080}, {1080, 1920}}));
    const bool picture = GENERATE(false, true);
    auto view = [&](int seconds) {
        ScreenView hold = hold_view(seconds);
        if (picture) {
            hold.picture = PosePicture{{Picture::Source::built_in, "chair"}, Side::right};
        }
        return hold;
    };
    const Layout first = layout_screen(view(60), width, height);
    for (int seconds = 59; seconds >= 1; --seconds) {
        INFO(seconds << " at " << width << "x" << height << (picture ? " with a picture" : ""));
        CHECK(layout_screen(view(seconds), width, height) == first);
    }
}

namespace {

ScreenView with_picture(ScreenView view, std::string name, Side side) {
    view.picture = PosePicture{{Picture::Source::built_in, std::move(name)}, side};
    return view;
}

}  // namespace

TEST_CASE("a picture never pushes a landscape hold's digits below 35% of the height") {
    const auto [width, height] = GENERATE(table<int, int>({{1920, 1080},
                                                           {1280, 720},
                                                           {3840, 2160},
                                                           {1024, 768},
                                                           {1280, 1024},
                                                           {800, 480},
                                                           {2560, 1080}}));
    const auto texts = GENERATE(test::Texts::plain, test::Texts::long_english);
    const int seconds = GENERATE(5, 45, 300);
    for (const Side side : {Side::none, Side::left, Side::right}) {
        ScreenView hold = hold_view(seconds);
        hold.side = side;
        hold = test::with_texts(with_picture(hold, "chair", side), texts);
        const Layout layout = layout_screen(hold, width, height);
        INFO(width << "x" << height << ", " << seconds << " s, " << test::texts_name(texts)
                   << ", side " << static_cast<int>(side));
        CHECK(layout[Part::big_number].box.height >= 0.35 * height);
    }
}

TEST_CASE("in landscape the picture stands across the digits from its leg's arrow") {
    const auto [width, height] =
        GENERATE(table<int, int>({{1920, 1080}, {1280, 720}, {1024, 768}}));
    INFO(width << "x" << height);
    ScreenView hold = hold_view(27);
    SECTION("right leg: the arrow on the right, the picture on the left") {
        const Layout layout =
            layout_screen(with_picture(hold, "chair", Side::right), width, height);
        REQUIRE_FALSE(layout[Part::picture].box.empty());
        CHECK(layout[Part::picture].box.right() < layout[Part::big_number].box.x);
        CHECK(layout[Part::side_marker].box.x > layout[Part::big_number].box.right());
    }
    SECTION("left leg: the arrow on the left, the picture on the right") {
        hold.side = Side::left;
        hold.subheading = "Left leg";
        const Layout layout = layout_screen(with_picture(hold, "chair", Side::left), width, height);
        REQUIRE_FALSE(layout[Part::picture].box.empty());
        CHECK(layout[Part::picture].box.x > layout[Part::big_number].box.right());
        CHECK(layout[Part::side_marker].box.right() < layout[Part::big_number].box.x);
    }
    SECTION("no leg: digits and picture centred together") {
        hold.side = Side::none;
        hold.subheading.clear();
        const Layout layout = layout_screen(with_picture(hold, "wall", Side::none), width, height);
        const Box& picture = layout[Part::picture].box;
        const Box& number = layout[Part::big_number].box;
        REQUIRE_FALSE(picture.empty());
        CHECK(picture.x > number.right());
        CHECK(std::abs((number.x - 0) - (width - picture.right())) <= 2);
    }
    SECTION("the picture is as tall as the digits' band, which it shares") {
        const Layout layout =
            layout_screen(with_picture(hold, "chair", Side::right), width, height);
        const Box& picture = layout[Part::picture].box;
        const Box& number = layout[Part::big_number].box;
        CHECK(picture.y <= number.y);
        CHECK(picture.bottom() >= number.bottom());
        CHECK(picture.width >= static_cast<int>(0.18 * width));
    }
}

TEST_CASE("a picture never covers another part, whichever leg the view and picture name") {
    const auto [width, height] =
        GENERATE(table<int, int>({{1920, 1080}, {1024, 768}, {1080, 1920}}));
    for (const Side view_side : {Side::none, Side::left, Side::right}) {
        for (const Side picture_side : {Side::none, Side::left, Side::right}) {
            ScreenView hold = hold_view(27);
            hold.side = view_side;
            const Layout layout =
                layout_screen(with_picture(hold, "chair", picture_side), width, height);
            for (const Part part : every_part) {
                INFO(width << "x" << height << ": view side " << static_cast<int>(view_side)
                           << ", picture side " << static_cast<int>(picture_side) << ", "
                           << part_name(part));
                CHECK(contains({0, 0, width, height}, layout[part].box));
                if (part != Part::picture) {
                    CHECK_FALSE(overlaps(layout[part].box, layout[Part::picture].box));
                }
            }
        }
    }
}

TEST_CASE("in portrait the picture has a row of its own above the digits") {
    // (At 480x800 the steps of a get-ready leave it no room: it is left out, as the next test
    // shows is harmless. So does the standing stretch's caution: the words come first.)
    const auto [width, height] = GENERATE(table<int, int>({{1080, 1920}, {720, 1280}}));
    for (const test::Sample& sample : test::sample_screens()) {
        if (!sample.view.picture || !sample.view.caution.empty()) {
            continue;
        }
        INFO(sample.name << " at " << width << "x" << height);
        const Layout layout = layout_screen(sample.view, width, height);
        const Box& picture = layout[Part::picture].box;
        REQUIRE_FALSE(picture.empty());
        // Above the digits, or above the words that stand in for them.
        const Box& below =
            sample.view.big_number ? layout[Part::big_number].box : layout[Part::phase].box;
        CHECK(picture.bottom() <= below.y);
        CHECK(picture.height >= 0.12 * height);
        CHECK(picture.width == layout[Part::heading].box.width);
    }
}

TEST_CASE("a picture takes only room the words leave: they keep their size, with it or without") {
    for (const auto& [width, height] : test::screen_sizes()) {
        for (const test::Sample& sample : test::sample_screens()) {
            if (!sample.view.picture) {
                continue;
            }
            for (const auto texts : {test::Texts::plain, test::Texts::long_english}) {
                const ScreenView view = test::with_texts(sample.view, texts);
                ScreenView without = view;
                without.picture.reset();
                const Layout with_it = layout_screen(view, width, height);
                const Layout plain = layout_screen(without, width, height);
                for (const Part part : {Part::heading, Part::side, Part::body, Part::status,
                                        Part::caution, Part::hint, Part::banner}) {
                    INFO(sample.name << " (" << test::texts_name(texts) << ") at " << width << "x"
                                     << height << ": " << part_name(part));
                    CHECK(with_it[part].box.height == plain[part].box.height);
                    CHECK(with_it[part].max_pixel_size == plain[part].max_pixel_size);
                }
            }
        }
    }
}

TEST_CASE("odd screen sizes give empty or inside boxes, never a crash") {
    const auto [width, height] =
        GENERATE(table<int, int>({{0, 0}, {1, 1}, {10, 600}, {600, 10}, {-5, 100}, {64, 48}}));
    for (const test::Sample& sample : test::sample_screens()) {
        const Layout layout = layout_screen(sample.view, width, height);
        for (const Part part : every_part) {
            INFO(sample.name << " at " << width << "x" << height << ": " << part_name(part));
            CHECK(contains({0, 0, std::max(0, width), std::max(0, height)}, layout[part].box));
        }
    }
}

TEST_CASE("box helpers") {
    CHECK(overlaps({0, 0, 10, 10}, {9, 9, 5, 5}));
    CHECK_FALSE(overlaps({0, 0, 10, 10}, {10, 0, 5, 5}));
    CHECK_FALSE(overlaps({0, 0, 10, 10}, {2, 2, 0, 5}));
    CHECK(contains({0, 0, 10, 10}, {0, 0, 10, 10}));
    CHECK_FALSE(contains({0, 0, 10, 10}, {1, 1, 10, 1}));
    CHECK(united({0, 0, 2, 2}, {5, 5, 1, 1}) == Box{0, 0, 6, 6});
    CHECK(united({}, {5, 5, 1, 1}) == Box{5, 5, 1, 1});
}

TEST_CASE("rotate_box turns a box with the picture, clockwise") {
    // A 1-pixel box at the top left of a 4x2 picture.
    const Box corner{0, 0, 1, 1};
    CHECK(rotate_box(corner, Rotation::r0, 4, 2) == Box{0, 0, 1, 1});
    CHECK(rotate_box(corner, Rotation::r90, 4, 2) == Box{1, 0, 1, 1});   // top right of 2x4
    CHECK(rotate_box(corner, Rotation::r180, 4, 2) == Box{3, 1, 1, 1});  // bottom right
    CHECK(rotate_box(corner, Rotation::r270, 4, 2) == Box{0, 3, 1, 1});  // bottom left of 2x4
    const Box wide{1, 0, 3, 1};
    CHECK(rotate_box(wide, Rotation::r90, 4, 2) == Box{1, 1, 1, 3});
    CHECK(rotate_box(wide, Rotation::r270, 4, 2) == Box{0, 0, 1, 3});
}

TEST_CASE("size_ladder starts at the maximum and steps down to the smallest size") {
    const std::vector<int> sizes = size_ladder(100);
    REQUIRE(sizes.size() > 5);
    CHECK(sizes.front() == 100);
    CHECK(sizes.back() == smallest_pixel_size);
    for (std::size_t index = 1; index < sizes.size(); ++index) {
        CHECK(sizes[index] < sizes[index - 1]);
        CHECK(sizes[index] >= sizes[index - 1] * 0.8);
    }
    CHECK(size_ladder(0).empty());
    CHECK(size_ladder(6) == std::vector<int>{6});
}

TEST_CASE("wrap_words breaks between words, and inside a word only when it must") {
    const TextMeasure measure = half_em_measure();
    // At size 10 each code point is 5 px: a 50 px line holds 10.
    CHECK(wrap_words("one two three four", 50, 10, measure) ==
          std::vector<std::string>{"one two", "three four"});
    CHECK(wrap_words("  spaced   out  ", 50, 10, measure) ==
          std::vector<std::string>{"spaced out"});
    CHECK(wrap_words("ハムストリングのストレッチ", 50, 10, measure) ==
          std::vector<std::string>{"ハムストリングのスト", "レッチ"});
    CHECK(wrap_words("", 50, 10, measure).empty());
}

TEST_CASE("a word too wide for a line breaks as its language allows") {
    const TextMeasure measure = half_em_measure();
    struct Case {
        std::string text;
        int code_points_wide;
        std::vector<std::string> lines;
    };
    const std::vector<Case> cases = {
        // A spaced script: a hyphen marks the break, and two letters at least stay on each side.
        {"Oberschenkelrückseite", 10, {"Oberschen-", "kelrückse-", "ite"}},
        {"Kniesehnen", 6, {"Knies-", "ehnen"}},
        {"Ober-schenkel", 8, {"Ober-sc-", "henkel"}},
        {"abcde", 3, {"ab-", "cde"}},
        // Japanese: no hyphen; a line never starts with a closing mark, a small kana or a
        // long-vowel mark, and never ends with an opening bracket.
        {"ストレッチをして、休む", 8, {"ストレッチをし", "て、休む"}},
        {"ストレッチ", 3, {"スト", "レッチ"}},
        {"ストッチ", 2, {"ス", "トッ", "チ"}},
        {"休む「立位」", 3, {"休む", "「立", "位」"}},
        {"腕の力を抜いて。", 7, {"腕の力を抜い", "て。"}},
    };
    for (const Case& test : cases) {
        CAPTURE(test.text, test.code_points_wide);
        CHECK(wrap_words(test.text, test.code_points_wide * 5, 10, measure) == test.lines);
    }
}

TEST_CASE("fit_text keeps words whole when that costs little size, and breaks them otherwise") {
    const TextMeasure measure = half_em_measure();
    // At size 20 a 100 px line holds 10 code points; "Morgendehnung" (13) is whole at 15.
    const FittedText whole = fit_text({"Morgendehnung"}, 100, 200, 20, Wrap::words, measure);
    CHECK(whole.lines == std::vector<std::string>{"Morgendehnung"});
    CHECK(whole.pixel_size < 20);
    CHECK(whole.pixel_size >= 14);
    // Whole, this one would need type smaller than the smallest: broken, with hyphens.
    const FittedText broken =
        fit_text({"Donaudampfschifffahrtsgesellschaft"}, 100, 200, 20, Wrap::words, measure);
    CHECK(broken.pixel_size == 20);
    CHECK(broken.lines ==
          std::vector<std::string>{"Donaudamp-", "fschifffa-", "hrtsgesel-", "lschaft"});
}

TEST_CASE("fit_text uses the largest size at which everything fits") {
    const TextMeasure measure = half_em_measure();
    SECTION("short text keeps the maximum size") {
        const FittedText fitted = fit_text({"Rest"}, 200, 50, 40, Wrap::words, measure);
        CHECK(fitted.pixel_size == 40);
        CHECK(fitted.lines == std::vector<std::string>{"Rest"});
        CHECK_FALSE(fitted.shortened);
    }
    SECTION("long text shrinks until its lines fit the box") {
        const std::vector<std::string> steps{"Sit on a chair, a second chair in front of you.",
                                             "Rest one leg straight out on the other chair."};
        const FittedText fitted = fit_text(steps, 300, 120, 40, Wrap::words, measure);
        CHECK(fitted.pixel_size < 40);
        CHECK(fitted.pixel_size >= smallest_pixel_size);
        CHECK_FALSE(fitted.shortened);
        CHECK(block_height(fitted.sources, measure.line_step(fitted.pixel_size)) <= 120);
        for (const std::string& line : fitted.lines) {
            CHECK(measure.width(line, fitted.pixel_size) <= 300);
        }
        // Each step starts its own line, and the lines remember their step.
        CHECK(fitted.sources.front() == 0);
        CHECK(fitted.sources.back() == 1);
    }
    SECTION("a list does not wrap: each entry shrinks to one line") {
        const FittedText fitted =
            fit_text({"Morning stretch, 07:00", "Bedtime"}, 110, 100, 40, Wrap::none, measure);
        CHECK(fitted.lines.size() == 2);
        CHECK(fitted.pixel_size == 10);  // 22 code points at 5 px
    }
    SECTION("text that never fits is cut short with an ellipsis") {
        const std::vector<std::string> long_text{std::string(200, 'a')};
        // Size 10: 10 code points a line, 12 px a line: a 25 px box holds 2 lines.
        const FittedText fitted = fit_text(long_text, 50, 25, 20, Wrap::words, measure);
        CHECK(fitted.pixel_size == 10);
        CHECK(fitted.shortened);
        // The word is broken with a hyphen; the last line that fits ends in the ellipsis.
        CHECK(fitted.lines == std::vector<std::string>{"aaaaaaaaa-", "aaaaaaaaa\u2026"});
    }
    SECTION("a box too small for one line holds nothing") {
        const FittedText fitted = fit_text({"Rest"}, 100, 5, 20, Wrap::words, measure);
        CHECK(fitted.pixel_size == 0);
        CHECK(fitted.lines.empty());
    }
    SECTION("paragraph gaps count toward the height") {
        // Two one-line paragraphs at size 10: 12 + 4 + 12 = 28 px.
        CHECK(fit_text({"a", "b"}, 100, 28, 10, Wrap::words, measure).pixel_size == 10);
        CHECK(fit_text({"a", "b"}, 100, 27, 10, Wrap::words, measure).shortened);
    }
}

TEST_CASE("fitting any text takes a bounded number of measurements, and it still fits") {
    // Measuring is what costs (SDL_ttf shapes the text each time): count the calls, and the
    // characters measured, for text far beyond anything the config allows.
    long calls = 0;
    long characters = 0;
    const TextMeasure plain = half_em_measure();
    TextMeasure counting = plain;
    counting.width = [&](std::string_view text, int size) {
        ++calls;
        characters += static_cast<long>(text.size());
        return plain.width(text, size);
    };
    std::string words;
    while (words.size() < 60'000) {
        words += "Hamstring ";
    }
    std::vector<std::string> many_lines(2000, "07:00 Morning stretch");
    auto [paragraphs, wrap] = GENERATE_COPY(table<std::vector<std::string>, Wrap>({
        {{std::string(60'000, 'a')}, Wrap::words},  // one word: broken inside, piece by piece
        {{words}, Wrap::words},
        {{words, std::string(60'000, 'b'), words}, Wrap::words},
        {many_lines, Wrap::none},
        {many_lines, Wrap::words},
        {{words}, Wrap::none},
    }));
    CAPTURE(paragraphs.size(), paragraphs.front().size());
    calls = characters = 0;
    const FittedText fitted = fit_text(paragraphs, 1000, 300, 120, wrap, counting);
    CHECK(calls < 2'000);
    CHECK(characters < 200'000);
    REQUIRE(fitted.pixel_size > 0);
    CHECK(fitted.shortened);
    CHECK(block_height(fitted.sources, plain.line_step(fitted.pixel_size)) <= 300);
    for (const std::string& line : fitted.lines) {
        CHECK(plain.width(line, fitted.pixel_size) <= 1000);
    }
}

TEST_CASE("the night palette stays dim and warm; both keep a black background") {
    for (const Theme theme : {Theme::day, Theme::night}) {
        CHECK(palette_for(theme).background == Rgb{0, 0, 0});
    }
    const Palette& night = palette_for(Theme::night);
    for (const Rgb colour :
         {night.heading, night.big_number, night.text, night.quiet, night.left_side,
          night.right_side, night.progress, night.progress_track, night.caution, night.banner,
          night.done, night.missed}) {
        CHECK(colour.red <= night_brightness_limit);
        CHECK(colour.green <= night_brightness_limit);
        CHECK(colour.blue <= night_brightness_limit);
        CHECK(colour.blue <= colour.red);  // warm: no blue light at bedtime
    }
    const Palette& day = palette_for(Theme::day);
    CHECK(side_colour(day, Side::left) != side_colour(day, Side::right));
    CHECK(side_colour(night, Side::left) != side_colour(night, Side::right));
    CHECK(side_colour(day, Side::none) == day.heading);
}

TEST_CASE("seven segments draw digits, colons, minus signs and spaces only") {
    const auto [text, drawable] = GENERATE(table<std::string, bool>({
        {"45", true},
        {"07:42", true},
        {"-3", true},
        {"1 2", true},
        {"", false},
        {"4a", false},
        {"Right leg", false},
    }));
    INFO(text);
    CHECK(segments_can_draw(text) == drawable);
}

TEST_CASE(
    "the steps, the cue and the caution stay at least 4% of the height; the phase sits on the "
    "digits") {
    const auto [width, height] =
        GENERATE(table<int, int>({{1920, 1080}, {1280, 720}, {1080, 1920}}));
    const double smallest = 0.04 * std::min(width, height);
    for (const test::Sample& sample : test::sample_screens()) {
        const Layout layout = layout_screen(sample.view, width, height);
        INFO(sample.name << " at " << width << "x" << height);
        for (const Part part : {Part::body, Part::caution, Part::phase}) {
            if (layout[part].box.empty()) {
                continue;
            }
            INFO(part_name(part) << " " << describe(layout[part].box) << " type "
                                 << layout[part].max_pixel_size);
            CHECK(layout[part].max_pixel_size >= smallest);
            // Room for the text at that size: every line fits at no less than 4%.
            const int lines = part == Part::caution ? 1 : 1;
            CHECK(layout[part].box.height >= lines * smallest);
        }
        if (!sample.view.phase.empty() && sample.view.big_number) {
            REQUIRE_FALSE(layout[Part::phase].box.empty());
            CHECK(layout[Part::phase].box.bottom() <= layout[Part::big_number].box.y);
            CHECK(layout[Part::big_number].box.y - layout[Part::phase].box.bottom() <=
                  0.03 * std::min(width, height));
        }
    }
}
