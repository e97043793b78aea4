// Shared by the timer unit tests: temp directories, shell commands, the shipped config.
#pragma once

#include <stdlib.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"
#include "core/config/parser.hpp"
#include "core/systemd/timer_units.hpp"
#include "temp_dir.hpp"

namespace sk::timer_test {

namespace fs = std::filesystem;

using TempDir = sk::test::TempDir;

struct CommandOutput {
    std::string text;  // stdout and stderr together
    int status = -1;
};

inline CommandOutput run_shell(const std::string& command) {
    CommandOutput output;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    while (std::size_t count = std::fread(buffer, 1, sizeof buffer, pipe)) {
        output.text.append(buffer, count);
    }
    int status = ::pclose(pipe);
    output.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return output;
}

inline bool have_systemd_analyze() {
    static const bool found = run_shell("systemd-analyze --version").status == 0;
    if (!found) {
        std::cerr << "systemd-analyze is missing: skipping the systemd checks.\n";
    }
    return found;
}

inline std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline sk::Config shipped_config() {
    const char* source = std::getenv("SK_SOURCE_DIR");
    REQUIRE(source != nullptr);
    sk::ConfigResult result =
        sk::load_config_file(std::string(source) + "/config/stretch-kiosk.yaml");
    REQUIRE(result.ok());
    return *result.config;
}

inline const sk::TimerUnitPaths etc_paths{"/usr/bin/stretch-kiosk",
                                          "/etc/stretch-kiosk/config.yaml", "/etc/systemd/system"};

inline const sk::UnitFile& find_unit(const std::vector<sk::UnitFile>& units,
                                     const std::string& name) {
    auto it = std::find_if(units.begin(), units.end(),
                           [&](const sk::UnitFile& unit) { return unit.name == name; });
    REQUIRE(it != units.end());
    return *it;
}

inline sk::ScheduleEntry entry_at(std::string name, int hour, int minute, std::uint8_t day_bits) {
    sk::ScheduleEntry entry;
    entry.name = std::move(name);
    entry.time.since_midnight = std::chrono::minutes(hour * 60 + minute);
    entry.days.bits = day_bits;
    entry.routine = "full";
    return entry;
}

}  // namespace sk::timer_test
