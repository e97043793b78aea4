#include <signal.h>
#include <stdlib.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "app/system/power_command.hpp"
#include "catch.hpp"
#include "temp_dir.hpp"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

using TempDir = sk::test::TempDir;

pid_t read_pid(const std::string& file) {
    std::ifstream in(file);
    pid_t pid = 0;
    in >> pid;
    REQUIRE(pid > 0);
    return pid;
}

// Gone, or a zombie waiting for whoever adopted it: either way no longer running.
bool is_gone(pid_t pid) {
    if (::kill(pid, 0) != 0 && errno == ESRCH) {
        return true;
    }
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(stat, line);
    auto state = line.find(") ");
    return state != std::string::npos && line[state + 2] == 'Z';
}

// A signal to a process that is not our child takes effect a moment later: look for a while.
bool not_running(pid_t pid) {
    for (int attempt = 0; attempt < 200; ++attempt) {
        if (is_gone(pid)) {
            return true;
        }
        std::this_thread::sleep_for(10ms);
    }
    return false;
}

}  // namespace

TEST_CASE("a command's outcome in one sentence") {
    auto [argv, message] = GENERATE(table<std::vector<std::string>, std::string>({
        {{"true"}, ""},
        {std::vector<std::string>{}, ""},
        {{"sh", "-c", "echo to stdout; exit 0"}, ""},
        {{"false"}, "screen off command 'false' failed: exit status 1"},
        {{"sh", "-c", "echo 'wlopm: no Wayland display' >&2; echo more >&2; exit 3"},
         "screen off command 'sh' failed: exit status 3 (wlopm: no Wayland display)"},
        {{"sh", "-c", "kill -9 $$"}, "screen off command 'sh' failed: killed by signal 9"},
        {{"sk-no-such-program"}, "screen off command 'sk-no-such-program' not found"},
        {{"/nonexistent/wlopm"}, "screen off command '/nonexistent/wlopm' not found"},
    }));
    CAPTURE(argv);
    sk::CommandRunner runner;
    CHECK(runner.run("screen off", argv, 5s) == message);
}

TEST_CASE("a long error line is cut short") {
    sk::CommandRunner runner;
    std::string line(300, 'e');
    CHECK(runner.run("screen on", {"sh", "-c", "echo " + line + " >&2; exit 1"}, 5s) ==
          "screen on command 'sh' failed: exit status 1 (" + std::string(160, 'e') + "...)");
}

TEST_CASE("a command that writes a lot to stderr does not block") {
    sk::CommandRunner runner;
    CHECK(runner.run("screen on", {"sh", "-c", "head -c 1000000 /dev/zero >&2"}, 20s) == "");
}

TEST_CASE("a program that cannot be executed is reported") {
    TempDir temp;
    std::string script = temp.path() + "/screen-off";
    std::ofstream(script) << "#!/bin/sh\nexit 0\n";
    fs::permissions(script, fs::perms::owner_read | fs::perms::owner_write);
    sk::CommandRunner runner;
    CHECK(runner.run("screen on", {script}, 5s) ==
          "screen on command '" + script + "' could not start: Permission denied");
}

TEST_CASE("a command that hangs is stopped at the time limit") {
    TempDir temp;
    std::string pid_file = temp.path() + "/pid";
    sk::CommandRunner runner;

    SECTION("one that ends on SIGTERM") {
        CHECK(runner.run("screen off", {"sh", "-c", "echo $$ > " + pid_file + "; exec sleep 10"},
                         1s) == "screen off command 'sh' timed out after 1 s");
    }
    SECTION("one that ignores SIGTERM gets SIGKILL") {
        CHECK(runner.run("screen off",
                         {"sh", "-c",
                          "trap '' TERM; echo $$ > " + pid_file + "; while :; do sleep 0.05; done"},
                         1500ms) == "screen off command 'sh' timed out after 1500 ms");
    }
    SECTION("what it started goes with it") {
        CHECK(runner.run("screen off", {"sh", "-c", "sleep 10 & echo $! > " + pid_file + "; wait"},
                         1s) == "screen off command 'sh' timed out after 1 s");
    }
    CHECK(not_running(read_pid(pid_file)));
}
