#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "catch.hpp"
#include "core/systemd/timer_units.hpp"
#include "timer_test_support.hpp"

using namespace sk::timer_test;

TEST_CASE("slugs are lowercase ASCII with single dashes") {
    auto [name, slug] = GENERATE(table<std::string, std::string>({
        {"Morning stretch", "morning-stretch"},
        {"Morgen-Dehnen ☀", "morgen-dehnen"},
        {"  Früh  Übung!! ", "frueh-uebung"},
        {"Crème brûlée", "creme-brulee"},
        {"Straße", "strasse"},
        {"Ñandú 7:30", "nandu-7-30"},
        {"A--B__c", "a-b-c"},
        {"☀ ☀", ""},
        {"%i $HOME \\ \"x\"", "i-home-x"},
        {std::string(47, 'a') + " b", std::string(47, 'a')},
        {std::string(60, 'z'), std::string(48, 'z')},
    }));
    CAPTURE(name);
    CHECK(sk::unit_slug(name) == slug);
}

TEST_CASE("every entry gets a different slug") {
    sk::Config config;
    for (const char* name : {"Morning", "MORNING!", "☀", "Entry 3", "Bedtime"}) {
        config.schedule.push_back(entry_at(name, 7, 0, 0x7f));
    }
    CHECK(sk::entry_slugs(config) ==
          std::vector<std::string>{"morning", "morning-2", "entry-3", "entry-3-2", "bedtime"});
}

TEST_CASE("OnCalendar follows the entry's days, time and zone") {
    auto [bits, hour, minute, zone, calendar] =
        GENERATE(table<std::uint8_t, int, int, std::string, std::string>({
            {0x7f, 7, 0, "", "*-*-* 07:00:00"},
            {0x1f, 7, 0, "", "Mon..Fri *-*-* 07:00:00"},
            {0x15, 21, 30, "", "Mon,Wed,Fri *-*-* 21:30:00"},
            {0x60, 9, 5, "", "Sat,Sun *-*-* 09:05:00"},
            {0x57, 23, 59, "", "Mon..Wed,Fri,Sun *-*-* 23:59:00"},
            {0x41, 0, 0, "", "Mon,Sun *-*-* 00:00:00"},
            {0x7f, 7, 0, "Europe/Berlin", "*-*-* 07:00:00 Europe/Berlin"},
            {0x0e, 6, 45, "America/New_York", "Tue..Thu *-*-* 06:45:00 America/New_York"},
        }));
    CAPTURE(bits, calendar);
    CHECK(sk::on_calendar(entry_at("x", hour, minute, bits), zone) == calendar);
}

TEST_CASE("user unit directories get user units") {
    auto [dir, scope] = GENERATE(table<std::string, sk::UnitScope>({
        {"/etc/systemd/system", sk::UnitScope::system},
        {"/tmp/units", sk::UnitScope::system},
        {"/home/ada/.config/systemd/user", sk::UnitScope::user},
        {"/home/ada/.config/systemd/user/", sk::UnitScope::user},
        {"/etc/systemd/user", sk::UnitScope::user},
        {"/home/ada/systemd/users", sk::UnitScope::system},
    }));
    CAPTURE(dir);
    CHECK(sk::unit_scope_for(dir) == scope);
}

TEST_CASE("the units for the shipped config") {
    sk::TimerUnitsResult result =
        sk::make_timer_units(shipped_config(), etc_paths, sk::UnitScope::system);
    REQUIRE(result.error.empty());
    std::vector<std::string> names;
    for (const auto& unit : result.units) {
        names.push_back(unit.name);
    }
    CHECK(names == std::vector<std::string>{
                       "stretch-kiosk-morning-stretch.timer", "stretch-kiosk-bedtime-stretch.timer",
                       "stretch-kiosk-session@.service", "stretch-kiosk-timers.target",
                       "stretch-kiosk-timers.path", "stretch-kiosk-timers.service"});

    CHECK(find_unit(result.units, "stretch-kiosk-morning-stretch.timer").text ==
          "# Written by stretch-kiosk --install-timers from /etc/stretch-kiosk/config.yaml.\n"
          "# Edit the config instead: stretch-kiosk rewrites this file from it.\n"
          "[Unit]\n"
          "Description=stretch-kiosk: Morning stretch\n"
          "PartOf=stretch-kiosk-timers.target\n"
          "\n"
          "[Timer]\n"
          "OnCalendar=*-*-* 07:00:00\n"
          "AccuracySec=1s\n"
          "Unit=stretch-kiosk-session@morning-stretch.service\n");

    const std::string& target = find_unit(result.units, "stretch-kiosk-timers.target").text;
    CHECK(target.find("\nWants=stretch-kiosk-morning-stretch.timer "
                      "stretch-kiosk-bedtime-stretch.timer\n") != std::string::npos);
    CHECK(target.find("\nWantedBy=timers.target\n") != std::string::npos);

    const std::string& session = find_unit(result.units, "stretch-kiosk-session@.service").text;
    CHECK(session.find("\nExecStart=/usr/bin/stretch-kiosk --session-once --config "
                       "/etc/stretch-kiosk/config.yaml\n") != std::string::npos);
    CHECK(session.find("\nConflicts=getty@tty1.service stretch-kiosk.service\n") !=
          std::string::npos);
    CHECK(session.find("\nAfter=systemd-user-sessions.service time-set.target "
                       "getty@tty1.service plymouth-quit-wait.service\n") != std::string::npos);
    CHECK(session.find("\nDynamicUser=yes\n") != std::string::npos);

    CHECK(find_unit(result.units, "stretch-kiosk-timers.path")
              .text.find("\nPathChanged=/etc/stretch-kiosk/config.yaml\n") != std::string::npos);
    const std::string& refresh = find_unit(result.units, "stretch-kiosk-timers.service").text;
    CHECK(refresh.find("\nExecStart=/usr/bin/stretch-kiosk --install-timers /etc/systemd/system "
                       "--config /etc/stretch-kiosk/config.yaml\n"
                       "ExecStartPost=systemctl daemon-reload\n"
                       "ExecStartPost=systemctl stop stretch-kiosk-*.timer\n"
                       "ExecStartPost=systemctl restart stretch-kiosk-timers.target\n") !=
          std::string::npos);
}

TEST_CASE("user units wait for the desktop and call the user manager") {
    sk::TimerUnitPaths paths{"/usr/bin/stretch-kiosk",
                             "/home/ada/.config/stretch-kiosk/config.yaml",
                             "/home/ada/.config/systemd/user"};
    sk::TimerUnitsResult result =
        sk::make_timer_units(shipped_config(), paths, sk::UnitScope::user);
    REQUIRE(result.error.empty());
    const std::string& session = find_unit(result.units, "stretch-kiosk-session@.service").text;
    CHECK(session.find("\nRequisite=graphical-session.target\n") != std::string::npos);
    CHECK(session.find("DynamicUser") == std::string::npos);
    CHECK(session.find("tty1") == std::string::npos);
    const std::string& refresh = find_unit(result.units, "stretch-kiosk-timers.service").text;
    CHECK(refresh.find("\nExecStartPost=systemctl --user daemon-reload\n") != std::string::npos);
    CHECK(refresh.find("ReadWritePaths") == std::string::npos);
}

TEST_CASE("paths with spaces, quotes and percent signs are quoted and escaped") {
    sk::Config config;
    config.schedule.push_back(entry_at("100% \"stretch\"", 7, 0, 0x7f));
    sk::TimerUnitPaths paths{"/opt/stretch kiosk/bin/stretch-kiosk", "/etc/sk/50%$HOME \"x\".yaml",
                             "/etc/systemd/system"};
    sk::TimerUnitsResult result = sk::make_timer_units(config, paths, sk::UnitScope::system);
    REQUIRE(result.error.empty());
    CHECK(find_unit(result.units, "stretch-kiosk-100-stretch.timer")
              .text.find("\nDescription=stretch-kiosk: 100%% \"stretch\"\n") != std::string::npos);
    CHECK(find_unit(result.units, "stretch-kiosk-session@.service")
              .text.find("\nExecStart=\"/opt/stretch kiosk/bin/stretch-kiosk\" --session-once "
                         "--config \"/etc/sk/50%%$$HOME \\\"x\\\".yaml\"\n") != std::string::npos);
    CHECK(find_unit(result.units, "stretch-kiosk-timers.path")
              .text.find("\nPathChanged=/etc/sk/50%%$HOME \"x\".yaml\n") != std::string::npos);
}

TEST_CASE("paths the units cannot use are refused") {
    auto [program, config, dir, error] =
        GENERATE(table<std::string, std::string, std::string, std::string>({
            {"stretch-kiosk", "/etc/c.yaml", "/etc/systemd/system",
             "the program 'stretch-kiosk' is not an absolute path"},
            {"/usr/bin/stretch-kiosk", "config.yaml", "/etc/systemd/system",
             "the config file 'config.yaml' is not an absolute path"},
            {"/usr/bin/stretch-kiosk", "/etc/c.yaml", "",
             "the unit directory '' is not an absolute path"},
            {"/usr/bin/stretch-kiosk", "/etc/a\nb.yaml", "/etc/systemd/system",
             "the config file has a line break or a control character in its name"},
        }));
    sk::TimerUnitsResult result =
        sk::make_timer_units(shipped_config(), {program, config, dir}, sk::UnitScope::system);
    CHECK(result.error == error);
    CHECK(result.units.empty());
}

TEST_CASE("writing the units replaces changed files and removes stale timers") {
    TempDir temp;
    std::string dir = temp.path() + "/units";
    sk::TimerUnitPaths paths{"/usr/bin/stretch-kiosk", "/etc/stretch-kiosk/config.yaml", dir};
    sk::Config config = shipped_config();
    auto units = sk::make_timer_units(config, paths, sk::UnitScope::system).units;

    sk::UnitWriteResult first = sk::write_unit_files(units, dir);
    REQUIRE(first.error.empty());
    CHECK(first.written.size() == units.size());
    CHECK(first.removed.empty());
    for (const auto& unit : units) {
        CHECK(read_file(dir + "/" + unit.name) == unit.text);
        CHECK((fs::status(dir + "/" + unit.name).permissions() & fs::perms::all) ==
              (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
               fs::perms::others_read));
    }

    SECTION("the same units again change nothing") {
        sk::UnitWriteResult again = sk::write_unit_files(units, dir);
        CHECK(again.error.empty());
        CHECK(again.written.empty());
        CHECK(again.removed.empty());
    }
    SECTION("a removed entry's timer goes; a timer someone else wrote stays") {
        std::ofstream(dir + "/stretch-kiosk-mine.timer") << "[Timer]\nOnCalendar=daily\n";
        config.schedule.erase(config.schedule.begin());
        config.schedule[0].time.since_midnight = std::chrono::minutes(22 * 60);
        auto fewer = sk::make_timer_units(config, paths, sk::UnitScope::system).units;
        sk::UnitWriteResult second = sk::write_unit_files(fewer, dir);
        CHECK(second.error.empty());
        CHECK(second.written == std::vector<std::string>{"stretch-kiosk-bedtime-stretch.timer",
                                                         "stretch-kiosk-timers.target"});
        CHECK(second.removed == std::vector<std::string>{"stretch-kiosk-morning-stretch.timer"});
        CHECK_FALSE(fs::exists(dir + "/stretch-kiosk-morning-stretch.timer"));
        CHECK(fs::exists(dir + "/stretch-kiosk-mine.timer"));
    }
    SECTION("no temp files are left behind") {
        std::size_t files = 0;
        for (const auto& entry : fs::directory_iterator(dir)) {
            CHECK(entry.path().filename().string().front() != '.');
            ++files;
        }
        CHECK(files == units.size());
    }
}

TEST_CASE("a directory that cannot be written is reported") {
    TempDir temp;
    std::ofstream(temp.path() + "/file") << "not a directory\n";
    sk::UnitWriteResult result = sk::write_unit_files({{"a.timer", "x"}}, temp.path() + "/file/x");
    CHECK(result.error == "cannot create " + temp.path() + "/file/x: Not a directory");
}
