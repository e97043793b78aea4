#include "app/system/config_watcher.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "catch.hpp"
#include "temp_dir.hpp"

namespace {

namespace fs = std::filesystem;
using sk::ConfigWatcher;

void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("a config written after start-up at any path of the search order is noticed",
          "[config_watcher]") {
    sk::test::TempDir dir("sk-watcher");
    const fs::path user = fs::path(dir.path()) / "xdg/stretch-kiosk/config.yaml";
    const fs::path system = fs::path(dir.path()) / "etc/stretch-kiosk/config.yaml";
    ConfigWatcher watcher({user.string(), system.string()});
    CHECK_FALSE(watcher.changed());  // nothing there: running on the built-in sample

    write_file(system, "schedule: []\n");
    CHECK(watcher.changed());
    CHECK_FALSE(watcher.changed());  // once per change
    write_file(user, "schedule: []\n");
    CHECK(watcher.changed());
    fs::remove(user);
    CHECK(watcher.changed());
    CHECK_FALSE(watcher.changed());
}

TEST_CASE("a config made unreadable is noticed at once, though its contents did not change",
          "[config_watcher]") {
    sk::test::TempDir dir("sk-watcher");
    const fs::path config = fs::path(dir.path()) / "config.yaml";
    write_file(config, "schedule: []\n");
    const auto modified = fs::last_write_time(config);
    ConfigWatcher watcher({config.string()});

    SECTION("chmod: only the change time moves") {
        fs::permissions(config, fs::perms::none);
        REQUIRE(fs::last_write_time(config) == modified);
        CHECK(watcher.changed());
        fs::permissions(config, fs::perms::owner_read | fs::perms::owner_write);
        CHECK(watcher.changed());
    }
    SECTION("rewritten, with its old size and modification time put back") {
        write_file(config, "schedule: {}\n");
        fs::last_write_time(config, modified);
        CHECK(watcher.changed());
    }
    SECTION("replaced by a directory") {
        fs::remove(config);
        fs::create_directory(config);
        CHECK(watcher.changed());
    }
    SECTION("its folder taken away") {
        fs::remove_all(dir.path());
        CHECK(watcher.changed());
        fs::create_directories(dir.path());  // for the TempDir to remove
    }
}
