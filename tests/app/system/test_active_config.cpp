#include "app/system/active_config.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
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

TEST_CASE("started on the built-in sample, the kiosk loads a config written later",
          "[active_config]") {
    sk::test::TempDir dir("sk-active-config");
    sk::test::ScopedEnv xdg("XDG_CONFIG_HOME", (dir / "xdg").c_str());
    const std::string path = dir / "xdg/stretch-kiosk/config.yaml";
    sk::ActiveConfig config(std::nullopt, dir / "state");
    sk::ConfigWatcher watcher(config.watched_paths());
    REQUIRE(config.watched_paths().front() == path);

    sk::ConfigUpdate first = config.reload();
    CHECK(lines(first.log) == "no config file found: using the built-in sample schedule\n");
    CHECK(config.current() == sk::default_config());
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
        sk::ActiveConfig config(std::nullopt, home + "/state");
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
