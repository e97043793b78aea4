// The timer units against systemd itself: systemd-analyze verify, security and calendar.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"
#include "core/schedule/schedule.hpp"
#include "core/systemd/timer_units.hpp"
#include "core/time/local_time.hpp"
#include "timer_test_support.hpp"

using namespace sk::timer_test;

TEST_CASE("systemd-analyze verify accepts every unit as written") {
    if (!have_systemd_analyze()) {
        return;
    }
    TempDir temp;
    auto scope = GENERATE(sk::UnitScope::system, sk::UnitScope::user);
    // verify insists that the program exists; the config path may be anything.
    sk::Config config = shipped_config();
    config.schedule.push_back(entry_at("Früh-Übung am Wochenende ☀", 9, 15, 0x60));
    sk::TimerUnitPaths paths{"/bin/true", "/etc/stretch kiosk/50% config.yaml", temp.path()};
    auto result = sk::make_timer_units(config, paths, scope);
    REQUIRE(result.error.empty());
    REQUIRE(sk::write_unit_files(result.units, temp.path()).error.empty());
    // A user manager needs a runtime directory and a home; give it empty ones.
    std::string manager;
    if (scope == sk::UnitScope::user) {
        fs::create_directories(temp.path() + "/run");
        fs::create_directories(temp.path() + "/home");
        manager = "XDG_RUNTIME_DIR=" + temp.path() + "/run HOME=" + temp.path() +
                  "/home systemd-analyze --user";
    } else {
        manager = "systemd-analyze";
    }
    for (const auto& unit : result.units) {
        CAPTURE(unit.name);
        CommandOutput output =
            run_shell(manager + " verify '" + temp.path() + "/" + unit.name + "'");
        CHECK(output.text == "");
        CHECK(output.status == 0);
    }
    if (scope == sk::UnitScope::system) {
        // The session takes over the console like the kiosk: it must be as tightly sandboxed.
        CommandOutput security =
            run_shell("systemd-analyze security --offline=yes --threshold=20 '" + temp.path() +
                      "/stretch-kiosk-session@.service'");
        INFO(security.text);
        CHECK(security.status == 0);
    }
}

namespace {

// The instants in `systemd-analyze calendar` output, in order: "(in UTC)" lines when the output
// is in another zone, else the "Next elapse"/"Iter. #n" lines themselves.
std::vector<sk::SysSeconds> elapse_instants(const std::string& output) {
    std::vector<std::string> lines;
    std::istringstream in(output);
    for (std::string line; std::getline(in, line);) {
        line.erase(0, line.find_first_not_of(' '));
        lines.push_back(line);
    }
    std::vector<sk::SysSeconds> instants;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!lines[i].starts_with("Next elapse:") && !lines[i].starts_with("Iter. #")) {
            continue;
        }
        std::string text = lines[i];
        if (i + 1 < lines.size() && lines[i + 1].starts_with("(in UTC):")) {
            text = lines[i + 1];
        }
        int year = 0;
        unsigned month = 0, day = 0, hour = 0, minute = 0, second = 0;
        char zone[8] = {};
        std::string stamp = text.substr(text.find(':') + 1);
        REQUIRE(std::sscanf(stamp.c_str(), " %*s %d-%u-%u %u:%u:%u %7s", &year, &month, &day, &hour,
                            &minute, &second, zone) == 7);
        REQUIRE(std::string(zone) == "UTC");
        instants.push_back(
            std::chrono::sys_days{std::chrono::year{year} / std::chrono::month{month} /
                                  std::chrono::day{day}} +
            std::chrono::hours{hour} + std::chrono::minutes{minute} + std::chrono::seconds{second});
    }
    return instants;
}

std::string calendar_of(const std::string& timer_text) {
    auto start = timer_text.find("\nOnCalendar=");
    REQUIRE(start != std::string::npos);
    start += std::string("\nOnCalendar=").size();
    return timer_text.substr(start, timer_text.find('\n', start) - start);
}

}  // namespace

TEST_CASE("the timers fire when the schedule says, across DST changes") {
    if (!have_systemd_analyze()) {
        return;
    }
    using std::chrono::sys_days;
    using namespace std::chrono_literals;
    namespace cr = std::chrono;
    // Each base is a few days before a DST change in that zone (14 occurrences span a week).
    auto [zone_name, base] = GENERATE(table<std::string, sk::SysSeconds>({
        {"Europe/Berlin", sys_days{cr::year{2027} / 3 / 24} + 12h + 17s},
        {"Europe/Berlin", sys_days{cr::year{2027} / 10 / 27} + 12h + 17s},
        {"America/New_York", sys_days{cr::year{2027} / 3 / 10} + 3h + 17s},
        {"America/New_York", sys_days{cr::year{2027} / 11 / 3} + 23h + 17s},
        {"Australia/Sydney", sys_days{cr::year{2027} / 4 / 1} + 17s},
        {"Australia/Lord_Howe", sys_days{cr::year{2027} / 9 / 29} + 17s},
        {"Asia/Kolkata", sys_days{cr::year{2027} / 6 / 1} + 17s},
    }));
    auto zoning = GENERATE(values<std::string>({"system zone", "config zone"}));
    auto days = GENERATE(values<std::string>({"shipped", "weekdays and weekends"}));
    std::string base_text = std::to_string(base.time_since_epoch().count());
    CAPTURE(zone_name, base_text, zoning, days);

    sk::Config config = shipped_config();
    if (days != "shipped") {
        config.schedule[0].days.bits = 0x1f;  // Mon..Fri
        config.schedule[1].days.bits = 0x15;  // Mon,Wed,Fri
        config.schedule.push_back(entry_at("Weekend", 9, 30, 0x60));
    }
    // Without a timezone in the config, both the kiosk and systemd use the system's: $TZ here.
    std::string tz = "UTC";
    if (zoning == "config zone") {
        config.timezone = zone_name;
    } else {
        tz = zone_name;
    }
    std::optional<sk::Zone> zone = sk::Zone::find(zone_name);
    REQUIRE(zone);

    constexpr std::size_t count = 14;
    auto result = sk::make_timer_units(config, etc_paths, sk::UnitScope::system);
    REQUIRE(result.error.empty());
    std::vector<sk::SysSeconds> from_timers;
    for (const auto& unit : result.units) {
        if (!unit.name.ends_with(".timer")) {
            continue;
        }
        std::string command = "TZ=" + tz +
                              " systemd-analyze calendar --iterations=" + std::to_string(count) +
                              " --base-time=@" + std::to_string(base.time_since_epoch().count()) +
                              " '" + calendar_of(unit.text) + "'";
        CommandOutput output = run_shell(command);
        INFO(command << "\n" << output.text);
        REQUIRE(output.status == 0);
        auto instants = elapse_instants(output.text);
        REQUIRE(instants.size() == count);
        from_timers.insert(from_timers.end(), instants.begin(), instants.end());
    }
    std::sort(from_timers.begin(), from_timers.end());
    from_timers.resize(count);

    std::vector<sk::SysSeconds> from_schedule;
    for (const auto& occurrence : sk::next_occurrences(config, *zone, base, count)) {
        from_schedule.push_back(occurrence.instant);
    }
    CHECK(from_timers == from_schedule);
}
