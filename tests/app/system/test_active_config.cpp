// Tests of the config in force: a config whose picture is missing or broken is refused like any
// other mistake, and nothing is lost: the last good config stays, and its pictures are found.
#include <cstdio>
#include <optional>
#include <string>

#include "app/system/active_config.hpp"
#include "catch.hpp"
#include "temp_dir.hpp"

namespace {

using sk::test::TempDir;

const std::string pose_svg =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 30\">"
    "<line x1=\"2\" y1=\"2\" x2=\"38\" y2=\"28\" stroke=\"#fff\" stroke-width=\"3\"/></svg>\n";

// A good config whose one stretch shows `picture`, at 07:00 (line 14, column 14: the picture).
std::string config_showing(const std::string& picture, const std::string& time = "07:00") {
    return "schedule:\n"
           "  - name: Morning\n"
           "    time: \"" +
           time +
           "\"\n"
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

// The app's decoder stands in as one that refuses pictures holding "dark".
std::optional<std::string> refuse_dark(std::string_view svg) {
    if (svg.find("dark") != std::string_view::npos) {
        return std::string("draws nothing the screen can show");
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("a config whose picture goes missing is refused; the last good one stays in force") {
    TempDir folder("sk-active-config");
    TempDir state("sk-active-state");
    const std::string path = folder.file("config.yaml", config_showing("pose.svg"));
    folder.file("pose.svg", pose_svg);
    sk::ActiveConfig active(path, state.path(), refuse_dark);
    const sk::ConfigUpdate first = active.reload();
    REQUIRE(first.config);
    CHECK(first.banner.empty());
    CHECK(active.current().stretches.at(0).picture.name == folder / "pose.svg");
    const sk::Config good = active.current();

    std::string expected;
    SECTION("the picture is deleted and the config saved with a new time") {
        folder.file("config.yaml", config_showing("pose.svg", "08:00"));
        REQUIRE(std::remove((folder / "pose.svg").c_str()) == 0);
        expected = path +
                   ":14:14: picture 'pose.svg' cannot be opened: no such file or "
                   "directory (looked for " +
                   folder.path("pose.svg") + ")";
    }
    SECTION("the config names a picture the screen cannot draw") {
        folder.file("dark.svg", "<svg viewBox=\"0 0 1 1\"><!-- dark --></svg>");
        folder.file("config.yaml", config_showing("dark.svg", "08:00"));
        expected = path + ":14:14: picture 'dark.svg' draws nothing the screen can show";
    }
    const sk::ConfigUpdate update = active.reload();
    CHECK_FALSE(update.config);
    CHECK(update.banner == expected + ". Using the last good schedule.");
    CHECK(active.current() == good);
    REQUIRE_FALSE(update.log.empty());
    CHECK(update.log.front() == expected);
    CHECK(update.log.back() == "keeping the last good config until the file is fixed");
}

TEST_CASE("started on a broken config, the last good copy finds its pictures beside the config") {
    TempDir folder("sk-active-config");
    TempDir state("sk-active-state");
    const std::string path = folder.file("config.yaml", config_showing("pose.svg"));
    folder.file("pose.svg", pose_svg);
    {
        sk::ActiveConfig earlier(path, state.path(), refuse_dark);
        REQUIRE(earlier.reload().config);
    }
    // Broken while the kiosk was off; the copy in the state folder names pose.svg, relative.
    folder.file("config.yaml", config_showing("[pose.svg]"));
    sk::ActiveConfig active(path, state.path(), refuse_dark);
    const sk::ConfigUpdate update = active.reload();
    REQUIRE(update.config);
    CHECK(update.banner == path +
                               ":14:14: picture must be text, not a list. Using the last good "
                               "schedule.");
    CHECK(update.log.back() ==
          "using the last good config, saved in " + state.path() + "/last-good-config.yaml");
    CHECK(active.current().stretches.at(0).picture ==
          sk::Picture{sk::Picture::Source::file, folder / "pose.svg"});
}
