// Tests of the config in force: a config that goes missing, unreadable or broken (its picture
// missing or undrawable too) is refused, and nothing is lost: the last good config stays, and its
// pictures are found.
#include "app/system/active_config.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "app/system/config_watcher.hpp"
#include "catch.hpp"
#include "core/config/parser.hpp"
#include "scoped_env.hpp"
#include "temp_dir.hpp"
#include "unprivileged.hpp"

namespace {

namespace fs = std::filesystem;
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

const std::string lunch_config =
    "schedule:\n"
    "  - {name: Lunch stretch, time: \"12:00\", days: daily, routine: full}\n";

void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

std::string lines(const std::vector<std::string>& log) {
    std::string text;
    for (const auto& line : log) {
        text += line + "\n";
    }
    return text;
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

TEST_CASE("started on the built-in sample, the kiosk loads a config written later",
          "[active_config]") {
    sk::test::TempDir dir("sk-active-config");
    sk::test::ScopedEnv xdg("XDG_CONFIG_HOME", (dir / "xdg").c_str());
    const std::string path = dir / "xdg/stretch-kiosk/config.yaml";
    sk::ActiveConfig config(std::nullopt, dir / "state", refuse_dark);
    sk::ConfigWatcher watcher(config.watched_paths());
    REQUIRE(config.watched_paths().front() == path);

    sk::ConfigUpdate first = config.reload();
    CHECK(lines(first.log) == "no config file found: using the built-in sample schedule\n");
    // The built-in sample, spoken by the voice of the language in force.
    sk::Config sample = sk::default_config();
    CHECK(sample.voice.voice.empty());
    CHECK_FALSE(config.current().voice.voice.empty());
    sample.voice.voice = config.current().voice.voice;
    CHECK(config.current() == sample);
    CHECK_FALSE(config.path());

    write_file(path, lunch_config);
    REQUIRE(watcher.changed());
    sk::ConfigUpdate loaded = config.reload();
    REQUIRE(loaded.config);
    CHECK(loaded.config->schedule.front().name == "Lunch stretch");
    CHECK(loaded.banner.empty());
    CHECK(lines(loaded.log) == "config reloaded: " + path + "\n");

    SECTION("deleted again: the last good schedule stays, and the screen says why") {
        fs::remove(path);
        REQUIRE(watcher.changed());
        sk::ConfigUpdate gone = config.reload();
        CHECK_FALSE(gone.config);
        CHECK(config.current().schedule.front().name == "Lunch stretch");
        CHECK(gone.banner == path +
                                 ": was removed; save a config there to change the schedule. "
                                 "Using the last good schedule.");
        CHECK(lines(gone.log) == path +
                                     ": was removed; save a config there to change the schedule\n"
                                     "keeping the last good config until a config file is saved\n");
    }
    SECTION("replaced by a directory: refused, the last good schedule stays") {
        fs::remove(path);
        fs::create_directory(path);
        REQUIRE(watcher.changed());
        sk::ConfigUpdate refused = config.reload();
        CHECK_FALSE(refused.config);
        CHECK(refused.banner == path +
                                    ": is a directory; give the path of the YAML config file. "
                                    "Using the last good schedule.");
        CHECK(config.current().schedule.front().name == "Lunch stretch");
    }
}

TEST_CASE("a config made unreadable is refused at once, and the last good one stays",
          "[active_config]") {
    sk::test::TempDir dir("sk-active-config");
    // The part below runs as nobody (root reads any file): it needs a folder of its own.
    const std::string home = dir / "home";
    fs::create_directory(home);
    REQUIRE(::chown(home.c_str(), 65534, 65534) == 0);
    const std::string report = sk::test::as_unprivileged_user([&] {
        sk::test::ScopedEnv xdg("XDG_CONFIG_HOME", (home + "/xdg").c_str());
        const std::string path = home + "/xdg/stretch-kiosk/config.yaml";
        write_file(path, lunch_config);
        sk::ActiveConfig config(std::nullopt, home + "/state", refuse_dark);
        sk::ConfigWatcher watcher(config.watched_paths());
        config.reload();
        fs::permissions(path, fs::perms::none);  // its modification time stays
        std::string text = watcher.changed() ? "noticed\n" : "not noticed\n";
        sk::ConfigUpdate update = config.reload();
        text += update.config ? "a new config\n" : "no new config\n";
        text += update.banner + "\n";
        text += config.current().schedule.front().name + "\n";
        return text;
    });
    CHECK(report ==
          "noticed\n"
          "no new config\n" +
              home +
              "/xdg/stretch-kiosk/config.yaml: cannot be opened: permission denied. "
              "Using the last good schedule.\n"
              "Lunch stretch\n");
}

TEST_CASE("the config's language is put in force: screens, banner and voice; none, English once") {
    TempDir dir("sk-active-language");
    const fs::path config = fs::path(dir.path()) / "config.yaml";
    const char* catalogs = std::getenv("SK_LOCALE_DIR");
    REQUIRE(catalogs != nullptr);
    write_file(config, lunch_config + "language: de\n");
    sk::ActiveConfig active(config.string(), dir.path() + "/state", nullptr, catalogs);
    const sk::ConfigUpdate first = active.reload();
    REQUIRE(first.config);
    CHECK(lines(first.language_log) == "language: de (from language: in the config), voice de\n");
    CHECK(active.current().voice.voice == "de");

    // A broken edit: the banner is in the language of the schedule still in force.
    write_file(config, lunch_config + "language: de\ncolour: red\n");
    const sk::ConfigUpdate broken = active.reload();
    CHECK_FALSE(broken.config);
    CHECK(broken.banner.find(". Der letzte gültige Plan gilt weiter.") != std::string::npos);
    CHECK(broken.language_log.empty());

    // A language with no catalog: English, said once however often the file is read.
    write_file(config, lunch_config + "language: fr\n");
    const sk::ConfigUpdate french = active.reload();
    REQUIRE(french.config);
    CHECK(lines(french.language_log) ==
          "language: fr (from language: in the config), voice en\n"
          "no translation into fr in " +
              std::string(catalogs) + ": the screens and the voice speak English\n");
    CHECK(french.config->voice.voice == "en");
    write_file(config, lunch_config + "language: fr\n# touched\n");
    CHECK(active.reload().language_log.empty());

    // A voice named in the config is kept, whatever the language.
    write_file(config, lunch_config + "language: es\nvoice: {voice: en-us}\n");
    const sk::ConfigUpdate spanish = active.reload();
    REQUIRE(spanish.config);
    CHECK(spanish.config->voice.voice == "en-us");
    write_file(config, lunch_config + "language: en\n");
    active.reload();
}
