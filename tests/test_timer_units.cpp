#include <stdlib.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"
#include "config_parser.hpp"
#include "local_time.hpp"
#include "schedule.hpp"
#include "timer_units.hpp"

namespace {

namespace fs = std::filesystem;

// A fresh directory, removed with everything in it at the end of the test.
class TempDir {
  public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "sk-timers-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

struct CommandOutput {
    std::string text;  // stdout and stderr together
    int status = -1;
};

CommandOutput run_shell(const std::string& command) {
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

bool have_systemd_analyze() {
    static const bool found = run_shell("systemd-analyze --version").status == 0;
    if (!found) {
        std::cerr << "systemd-analyze is missing: skipping the systemd checks.\n";
    }
    return found;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

sk::Config shipped_config() {
    const char* source = std::getenv("SK_SOURCE_DIR");
    REQUIRE(source != nullptr);
    sk::ConfigResult result =
        sk::load_config_file(std::string(source) + "/config/stretch-kiosk.yaml");
    REQUIRE(result.ok());
    return *result.config;
}

const sk::TimerUnitPaths etc_paths{"/usr/bin/stretch-kiosk", "/etc/stretch-kiosk/config.yaml",
                                   "/etc/systemd/system"};

const sk::UnitFile& find_unit(const std::vector<sk::UnitFile>& units, const std::string& name) {
    auto it = std::find_if(units.begin(), units.end(),
                           [&](const sk::UnitFile& unit) { return unit.name == name; });
    REQUIRE(it != units.end());
    return *it;
}

sk::ScheduleEntry entry_at(std::string name, int hour, int minute, std::uint8_t day_bits) {
    sk::ScheduleEntry entry;
    entry.name = std::move(name);
    entry.time.since_midnight = std::chrono::minutes(hour * 60 + minute);
    entry.days.bits = day_bits;
    entry.routine = "full";
    return entry;
}

}  // namespace

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
    CHECK(session.find("\nConflicts=getty@tty1.service\n") != std::string::npos);
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
