#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "app/commands/timer_install.hpp"
#include "catch.hpp"
#include "temp_dir.hpp"

namespace {

namespace fs = std::filesystem;

using TempDir = sk::test::TempDir;

std::string shipped_config_path() {
    const char* source = std::getenv("SK_SOURCE_DIR");
    REQUIRE(source != nullptr);
    return std::string(source) + "/config/stretch-kiosk.yaml";
}

struct Run {
    int status = -1;
    std::string out;
    std::string err;
};

Run install(const std::string& config, const std::string& dir) {
    sk::Options options;
    options.mode = sk::Mode::install_timers;
    options.config_path = config;
    options.output_dir = dir;
    std::ostringstream out;
    std::ostringstream err;
    Run run;
    run.status = sk::install_timers(options, "/usr/bin/stretch-kiosk", out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
}

}  // namespace

TEST_CASE("--install-timers writes the units and says how to start them") {
    TempDir temp;
    std::string dir = temp.path() + "/system";
    Run first = install(shipped_config_path(), dir + "/");
    CHECK(first.status == 0);
    CHECK(first.err == "");
    CHECK(first.out == "wrote " + dir +
                           "/stretch-kiosk-morning-stretch.timer\n"
                           "wrote " +
                           dir +
                           "/stretch-kiosk-bedtime-stretch.timer\n"
                           "wrote " +
                           dir +
                           "/stretch-kiosk-session@.service\n"
                           "wrote " +
                           dir +
                           "/stretch-kiosk-timers.target\n"
                           "wrote " +
                           dir +
                           "/stretch-kiosk-timers.path\n"
                           "wrote " +
                           dir +
                           "/stretch-kiosk-timers.service\n"
                           "To start them, run: systemctl daemon-reload && systemctl enable --now "
                           "stretch-kiosk-timers.target stretch-kiosk-timers.path\n");
    std::ifstream refresh(dir + "/stretch-kiosk-timers.service");
    std::stringstream text;
    text << refresh.rdbuf();
    CHECK(text.str().find("--install-timers " + dir + " --config " + shipped_config_path()) !=
          std::string::npos);

    Run second = install(shipped_config_path(), dir);
    CHECK(second.status == 0);
    CHECK(second.out.starts_with("The timers in " + dir + " are up to date.\n"));
}

TEST_CASE("--install-timers into a user unit directory writes user units") {
    TempDir temp;
    Run run = install(shipped_config_path(), temp.path() + "/.config/systemd/user");
    CHECK(run.status == 0);
    CHECK(
        run.out.ends_with("To start them, run: systemctl --user daemon-reload && systemctl "
                          "--user enable --now stretch-kiosk-timers.target "
                          "stretch-kiosk-timers.path\n"));
}

TEST_CASE("--install-timers with a broken config changes nothing") {
    TempDir temp;
    std::string config = temp.path() + "/broken.yaml";
    std::ofstream(config) << "schedule: [\n";
    Run run = install(config, temp.path() + "/units");
    CHECK(run.status == 2);
    CHECK(run.err.starts_with(config + ":"));
    CHECK(run.err.ends_with(", nothing changed\n"));
    CHECK_FALSE(fs::exists(temp.path() + "/units"));
}

TEST_CASE("--install-timers reports a directory it cannot write") {
    TempDir temp;
    std::ofstream(temp.path() + "/file") << "x\n";
    Run run = install(shipped_config_path(), temp.path() + "/file/units");
    CHECK(run.status == 1);
    CHECK(run.err ==
          "stretch-kiosk: cannot create " + temp.path() + "/file/units: Not a directory\n");
}

TEST_CASE("the program knows its own path") {
    std::string path = sk::own_program_path("fallback");
    CHECK(path.starts_with("/"));
    CHECK(path.ends_with("/test_timer_install"));
}
