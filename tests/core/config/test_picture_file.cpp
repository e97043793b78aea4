// Tests for the pictures a config names: built-in names, SVG files read and checked at their
// place in the config, and the app's decoder asked only about files that pass the core's checks.
#include <sys/stat.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "catch.hpp"
#include "core/config/parser.hpp"
#include "core/config/picture_file.hpp"
#include "temp_dir.hpp"

namespace {

using sk::test::TempDir;

const std::string good_svg =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 30\">\n"
    "  <line x1=\"2\" y1=\"2\" x2=\"38\" y2=\"28\" stroke=\"#fff\" stroke-width=\"3\"/>\n"
    "</svg>\n";

const std::string no_size =
    "has no size; give its <svg> element a viewBox such as viewBox=\"0 0 400 300\"";

// A config whose one stretch names `picture` on line 14, column 14.
std::string config_naming(const std::string& picture) {
    return "schedule:\n"
           "  - name: Morning\n"
           "    time: \"07:00\"\n"
           "    days: daily\n"
           "    routine: full\n"
           "routines:\n"
           "  full:\n"
           "    steps:\n"
           "      - stretch: towel\n"
           "stretches:\n"
           "  towel:\n"
           "    title: Towel\n"
           "    steps: [a]\n"
           "    picture: " +
           picture + "\n";
}

std::string diagnostics_of(const sk::ConfigResult& result) {
    std::string lines;
    for (const sk::Diagnostic& diagnostic : result.diagnostics) {
        lines += (lines.empty() ? "" : "\n") + diagnostic.to_string();
    }
    return lines;
}

}  // namespace

TEST_CASE("built-in pictures are named by their stretch, in any case") {
    CHECK(std::vector<std::string_view>(sk::built_in_picture_names().begin(),
                                        sk::built_in_picture_names().end()) ==
          std::vector<std::string_view>{"standing", "chair", "towel", "wall"});
    auto [written, name] = GENERATE(table<std::string, std::string>({
        {"towel", "towel"},
        {"Towel", "towel"},
        {"WALL", "wall"},
        {"standing", "standing"},
        {"chair", "chair"},
    }));
    const auto result = sk::parse_config(config_naming(written), "test.yaml");
    REQUIRE(result.diagnostics.empty());
    CHECK(result.config->stretches.at(0).picture ==
          sk::Picture{sk::Picture::Source::built_in, name});
}

TEST_CASE("a value ending in .svg names a file, any other a built-in picture") {
    auto [value, file] = GENERATE(table<std::string, bool>({
        {"pose.svg", true},
        {"pose.SVG", true},
        {"/etc/stretch-kiosk/pose.Svg", true},
        {".svg", true},
        {"svg", false},
        {"pose.svgz", false},
        {"pose.png", false},
        {"towel", false},
    }));
    CAPTURE(value);
    CHECK(sk::names_svg_file(value) == file);
}

TEST_CASE("a relative picture path starts in the config file's folder") {
    CHECK(sk::picture_path("pose.svg", "/etc/stretch-kiosk") == "/etc/stretch-kiosk/pose.svg");
    CHECK(sk::picture_path("pictures/pose.svg", "/etc/sk") == "/etc/sk/pictures/pose.svg");
    CHECK(sk::picture_path("/srv/pose.svg", "/etc/stretch-kiosk") == "/srv/pose.svg");
    CHECK(sk::picture_path("pose.svg", "") == "pose.svg");
}

TEST_CASE("SVG text is checked on its face before any decoder sees it") {
    auto [text, problem] = GENERATE(table<std::string, std::string>({
        {good_svg, ""},
        {"<?xml version=\"1.0\"?>\n<!-- drawn by hand -->\n<!DOCTYPE svg [<!ENTITY a \"<b>\">]>\n" +
             good_svg + "<!-- the end -->\n",
         ""},
        {"\xEF\xBB\xBF" + good_svg, ""},
        {"<svg viewBox=\"0 0 1 1\"/>", ""},
        {"<svg\r\n viewBox=\"0 0 1 1\">\r\n</svg >\r\n", ""},
        {"\x89PNG\r\n\x1a\n" + std::string(8, '\0'),
         "is not an SVG drawing (it is not text); save the picture as SVG"},
        {"", "has no drawing in it (no <svg> element); save the picture as SVG"},
        {"<?xml version=\"1.0\"?>\n",
         "has no drawing in it (no <svg> element); save the picture as SVG"},
        {"<!-- never closed", "has no drawing in it (no <svg> element); save the picture as SVG"},
        {"<html lang=\"en\"><body></body></html>",
         "is not an SVG drawing (it starts with <html>, not <svg>); save the picture as SVG"},
        {"<svgx></svgx>",
         "is not an SVG drawing (it starts with <svgx>, not <svg>); save the picture as SVG"},
        {"a drawing of a towel",
         "is not an SVG drawing (it starts with text, not <svg>); save the picture as SVG"},
        {good_svg.substr(0, good_svg.size() / 2),
         "is cut short (it does not end with </svg>); save it again"},
        {good_svg + "<svg>", "is cut short (it does not end with </svg>); save it again"},
        // A size: a viewBox with a width and height, or a width and height of its own.
        {"<svg viewBox='0,0,40,30'></svg>", ""},
        {"<svg viewBox=\"-10 -10 40.5 3e1\"></svg>", ""},
        {"<svg width=\"40mm\" height=\"30mm\"></svg>", ""},
        {"<svg width=\"400\" height=\"300\" viewBox=\"0 0 0 0\"></svg>", ""},
        {"<svg></svg>", no_size},
        {"<svg viewBox=\"0 0 40\"></svg>", no_size},
        {"<svg viewBox=\"0 0 0 30\"></svg>", no_size},
        {"<svg width=\"100%\" height=\"100%\"></svg>", no_size},
        {"<svg width=\"400\"></svg>", no_size},
        {"<svg data-viewBox=\"0 0 4 3\"></svg>", no_size},
        {"<svg title=\"a > b\" viewBox=\"0 0 4 3\"></svg>", ""},
    }));
    CAPTURE(text);
    CHECK(sk::svg_text_problem(text).value_or("") == problem);
}

TEST_CASE("a picture file that cannot be shown is refused at its place in the config") {
    TempDir folder("sk-pictures");
    const std::string config = folder / "config.yaml";
    std::string expected;
    SECTION("missing: the message says where it was looked for") {
        expected = "picture 'pose.svg' cannot be opened: no such file or directory (looked for " +
                   folder.path("pose.svg") + ")";
    }
    SECTION("a directory") {
        REQUIRE(::mkdir(folder.path("pose.svg").c_str(), 0700) == 0);
        expected = "picture 'pose.svg' is a directory; give the path of an SVG file";
    }
    SECTION("a FIFO, which must not wait for a writer") {
        REQUIRE(::mkfifo(folder.path("pose.svg").c_str(), 0600) == 0);
        expected =
            "picture 'pose.svg' is not a regular file (it is a pipe, device or socket); give the "
            "path of an SVG file";
    }
    SECTION("one byte over the limit") {
        folder.file("pose.svg",
                    good_svg + std::string(sk::max_picture_bytes + 1 - good_svg.size(), ' '));
        expected = "picture 'pose.svg' is too big (262145 bytes; a picture can be at most 262144)";
    }
    SECTION("a PNG under an SVG name") {
        folder.file("pose.svg", "\x89PNG\r\n\x1a\n" + std::string(64, '\0'));
        expected =
            "picture 'pose.svg' is not an SVG drawing (it is not text); save the picture as "
            "SVG";
    }
    SECTION("cut short") {
        folder.file("pose.svg", good_svg.substr(0, 40));
        expected = "picture 'pose.svg' is cut short (it does not end with </svg>); save it again";
    }
    SECTION("unreadable") {
        folder.file("pose.svg", good_svg);
        REQUIRE(::chmod(folder.path("pose.svg").c_str(), 0) == 0);
        // root reads it anyway, so there is nothing to see then.
        if (::geteuid() == 0) {
            return;
        }
        expected = "picture 'pose.svg' cannot be opened: permission denied";
    }
    folder.file("config.yaml", config_naming("pose.svg"));
    const sk::ConfigResult result = sk::load_config_file(config);
    CHECK_FALSE(result.ok());
    CHECK(diagnostics_of(result) == config + ":14:14: " + expected);
}

TEST_CASE("a good picture file loads, and only it reaches the app's decoder") {
    TempDir folder("sk-pictures");
    folder.file("pose.svg", good_svg);
    folder.file("config.yaml", config_naming("pose.svg"));
    std::vector<std::string> decoded;
    sk::PictureCheck check;
    check.decode = [&](std::string_view svg) -> std::optional<std::string> {
        decoded.emplace_back(svg);
        return std::nullopt;
    };

    SECTION("it names the file by its full path") {
        const sk::ConfigResult result = sk::load_config_file(folder / "config.yaml", check);
        REQUIRE(result.ok());
        CHECK(result.config->stretches.at(0).picture ==
              sk::Picture{sk::Picture::Source::file, folder / "pose.svg"});
        CHECK(decoded == std::vector<std::string>{good_svg});
    }
    SECTION("what the decoder finds wrong is a config error at the picture") {
        check.decode = [](std::string_view) -> std::optional<std::string> {
            return "draws nothing";
        };
        const sk::ConfigResult result = sk::load_config_file(folder / "config.yaml", check);
        CHECK(diagnostics_of(result) ==
              folder / "config.yaml" + ":14:14: picture 'pose.svg' draws nothing");
    }
    SECTION("a broken file never reaches the decoder") {
        folder.file("pose.svg", "<html></html>");
        const sk::ConfigResult result = sk::load_config_file(folder / "config.yaml", check);
        CHECK_FALSE(result.ok());
        CHECK(decoded.empty());
    }
    SECTION("a copy of the config elsewhere still finds it in the given folder") {
        // The kiosk keeps a copy of the last good config in its state folder.
        TempDir state("sk-state");
        const std::string copy = state.file("last-good-config.yaml", config_naming("pose.svg"));
        CHECK_FALSE(sk::load_config_file(copy).ok());
        check.folder = folder.path();
        const sk::ConfigResult result = sk::load_config_file(copy, check);
        REQUIRE(result.ok());
        CHECK(result.config->stretches.at(0).picture.name == folder / "pose.svg");
    }
    SECTION("built-in pictures are not decoded: they are the program's own") {
        folder.file("config.yaml", config_naming("towel"));
        REQUIRE(sk::load_config_file(folder / "config.yaml", check).ok());
        CHECK(decoded.empty());
    }
}

TEST_CASE("a picture file named many times is read once; a config may name only so many") {
    TempDir folder("sk-pictures");
    std::string config =
        "schedule:\n"
        "  - {name: Morning, time: \"07:00\", days: daily, routine: full}\n"
        "routines:\n"
        "  full:\n"
        "    steps: [{stretch: s0}]\n"
        "stretches:\n";
    // 40 stretches: the first 33 name pictures 0 to 32 (one file more than the limit), the
    // rest name picture 0 again.
    for (int index = 0; index < 40; ++index) {
        const int picture = index <= 32 ? index : 0;
        folder.file("p" + std::to_string(picture) + ".svg", good_svg);
        config += "  s" + std::to_string(index) + ": {title: S, steps: [a], picture: p" +
                  std::to_string(picture) + ".svg}\n";
    }
    folder.file("config.yaml", config);
    int decoded = 0;
    sk::PictureCheck check;
    check.decode = [&](std::string_view) -> std::optional<std::string> {
        ++decoded;
        return std::nullopt;
    };
    const sk::ConfigResult result = sk::load_config_file(folder / "config.yaml", check);
    CHECK(decoded == 32);
    CHECK(diagnostics_of(result) == folder / "config.yaml" +
                                        ":39:40: picture 'p32.svg' is one picture file too many: "
                                        "a config can show at most 32");
}
