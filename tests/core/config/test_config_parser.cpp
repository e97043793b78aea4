// Tests for the config parser: values, defaults, every kind of mistake, and hostile files.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"
#include "core/config/key_names.hpp"
#include "core/config/parser.hpp"
#include "core/time/duration_text.hpp"
#include "temp_dir.hpp"

using namespace std::chrono_literals;
using sk::parse_config;

namespace {

// All diagnostics of `text` as the user sees them, one per line.
std::string diagnostics_of(std::string_view text) {
    const sk::ConfigResult result = parse_config(text, "test.yaml");
    std::string lines;
    for (const sk::Diagnostic& diagnostic : result.diagnostics) {
        lines += (lines.empty() ? "" : "\n") + diagnostic.to_string();
    }
    return lines;
}

std::string diagnostics_of_file(const std::string& path) {
    const sk::ConfigResult result = sk::load_config_file(path);
    std::string lines;
    for (const sk::Diagnostic& diagnostic : result.diagnostics) {
        lines += (lines.empty() ? "" : "\n") + diagnostic.to_string();
    }
    return lines;
}

// A five-line schedule that is fine, so each case can add one mistake from line 6 on.
const std::string good_schedule =
    "schedule:\n"
    "  - name: Morning\n"
    "    time: \"07:00\"\n"
    "    days: daily\n"
    "    routine: full\n";

std::string test_data(const std::string& relative) {
    const char* root = std::getenv("SK_TEST_DATA");
    REQUIRE(root != nullptr);
    return std::string(root) + "/" + relative;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

using TempDir = sk::test::TempDir;

}  // namespace

TEST_CASE("a diagnostic reads FILE:LINE:COL: message") {
    auto [diagnostic, text] = GENERATE(table<sk::Diagnostic, std::string>({
        {{"config.yaml", 12, 5, "unknown key 'tiem'"}, "config.yaml:12:5: unknown key 'tiem'"},
        {{"/etc/a.yaml", 1, 1, "m"}, "/etc/a.yaml:1:1: m"},
        {{"config.yaml", 0, 0, "is a directory"}, "config.yaml: is a directory"},
        {{"config.yaml", 3, 0, "no column"}, "config.yaml:3: no column"},
    }));
    CHECK(diagnostic.to_string() == text);
}

TEST_CASE("durations are 30s, 2m, 1h or bare seconds") {
    auto [text, seconds] = GENERATE(table<std::string, long>({
        {"30s", 30},
        {"2m", 120},
        {"1h", 3600},
        {"90", 90},
        {"0", 0},
        {"0s", 0},
        {"007s", 7},
        {"999999999999h", 999'999'999'999L * 3600},
    }));
    CAPTURE(text);
    REQUIRE(sk::parse_duration(text).has_value());
    CHECK(sk::parse_duration(text)->count() == seconds);
}

TEST_CASE("anything else is not a duration") {
    auto text = GENERATE(as<std::string>{}, "", "30 seconds", "1.5m", "-5s", "+5s", "30 s", " 30s",
                         "30s ", "s", "m", "30ms", "2M", "1d", "1m30s", "0x10",
                         "9999999999999999999999", "1000000000000h", "３０s");
    CAPTURE(text);
    CHECK_FALSE(sk::parse_duration(text).has_value());
}

TEST_CASE("times of day are HH:MM or H:MM, 24-hour") {
    auto [text, minutes] = GENERATE(table<std::string, int>({
        {"07:00", 420},
        {"7:00", 420},
        {"00:00", 0},
        {"23:59", 1439},
        {"21:30", 1290},
    }));
    CAPTURE(text);
    REQUIRE(sk::parse_time_of_day(text).has_value());
    CHECK(sk::parse_time_of_day(text)->since_midnight.count() == minutes);
}

TEST_CASE("anything else is not a time of day") {
    auto text = GENERATE(as<std::string>{}, "25:00", "24:00", "7am", "07:60", "7", "", "7:5",
                         "007:00", "07:000", "07-00", " 07:00", "07:00 ", "-1:00", "07:0a", ":00");
    CAPTURE(text);
    CHECK_FALSE(sk::parse_time_of_day(text).has_value());
}

TEST_CASE("times of day print with two-digit hours") {
    auto [minutes, text] = GENERATE(table<int, std::string>({
        {420, "07:00"},
        {0, "00:00"},
        {1439, "23:59"},
        {1290, "21:30"},
        {65, "01:05"},
    }));
    CHECK(sk::format_time_of_day(sk::TimeOfDay{sk::Minutes{minutes}}) == text);
}

TEST_CASE("short durations for people round to minutes from one minute on") {
    auto [seconds, text] = GENERATE(table<long, std::string>({
        {0, "0 s"},
        {45, "45 s"},
        {59, "59 s"},
        {60, "1 min"},
        {89, "1 min"},
        {90, "2 min"},
        {480, "8 min"},
        {3569, "59 min"},
        {3570, "1 h"},
        {5400, "1 h 30 min"},
        {-5, "0 s"},
    }));
    CHECK(sk::format_duration_short(std::chrono::seconds{seconds}) == text);
}

TEST_CASE("key names match without regard to case and come back as SDL spells them") {
    auto [written, canonical] = GENERATE(table<std::string, std::string>({
        {"Space", "Space"},
        {"space", "Space"},
        {"RETURN", "Return"},
        {"a", "A"},
        {"7", "7"},
        {"f24", "F24"},
        {"keypad enter", "Keypad Enter"},
        {"Keypad 0", "Keypad 0"},
        {"pageup", "PageUp"},
        {"Page Up", "PageUp"},
        {"page down", "PageDown"},
        {"Enter", "Return"},
        {"esc", "Escape"},
        {"audioplay", "AudioPlay"},
        {"VolumeUp", "VolumeUp"},
        {"gamepad a", "Gamepad A"},
        {"Gamepad Start", "Gamepad Start"},
        {"CLICK", "Click"},
        {"Left Ctrl", "Left Ctrl"},
    }));
    REQUIRE(sk::canonical_key_name(written).has_value());
    CHECK(*sk::canonical_key_name(written) == canonical);
}

TEST_CASE("unknown key names are refused") {
    auto name = GENERATE(as<std::string>{}, "", "Spcae", "Ctrl", "F25", "Gamepad Z", "Space ",
                         "Keypad", "Mouse");
    CAPTURE(name);
    CHECK_FALSE(sk::canonical_key_name(name).has_value());
}

TEST_CASE("the key name table has each name once and ends with the special names") {
    const auto names = sk::known_key_names();
    const auto special = sk::special_key_names();
    REQUIRE(special.size() == 7);
    CHECK(special.front() == "Gamepad A");
    CHECK(special.back() == "Click");
    CHECK(names.size() > 200);
    for (std::size_t i = 0; i < names.size(); ++i) {
        CAPTURE(names[i]);
        CHECK(sk::canonical_key_name(names[i]) == std::string(names[i]));
    }
}

TEST_CASE("a config with every setting reads into the right values") {
    const sk::ConfigResult result = sk::load_config_file(test_data("config/good/everything.yaml"));
    REQUIRE(result.diagnostics.empty());
    REQUIRE(result.ok());
    const sk::Config& config = *result.config;

    CHECK(config.timezone == "Europe/Berlin");
    REQUIRE(config.schedule.size() == 2);
    const sk::ScheduleEntry& early = config.schedule[0];
    CHECK(early.name == "Early");
    CHECK(early.time.since_midnight == 6h + 45min);
    CHECK(early.days.contains(sk::Weekday::mon));
    CHECK(early.days.contains(sk::Weekday::wed));
    CHECK(early.days.contains(sk::Weekday::fri));
    CHECK_FALSE(early.days.contains(sk::Weekday::tue));
    CHECK_FALSE(early.days.contains(sk::Weekday::sun));
    CHECK(early.routine == "short");
    CHECK(early.theme == sk::Theme::night);
    CHECK(early.volume == sk::Volume{0});
    CHECK(early.voice == sk::VoiceOverride{true, "en-gb-scotland", 80, sk::Volume{0}});
    const sk::ScheduleEntry& weekend = config.schedule[1];
    CHECK(weekend.voice == sk::VoiceOverride{false, std::nullopt, std::nullopt, std::nullopt});
    CHECK(weekend.time.since_midnight == 23h + 59min);
    CHECK(weekend.days.bits == 0b110'0000);
    CHECK(weekend.theme == sk::Theme::day);
    CHECK_FALSE(weekend.volume.has_value());

    CHECK(config.skip_stretches == std::vector<std::string>{"lying"});
    CHECK(early.skip_stretches.empty());
    CHECK(weekend.skip_stretches == std::vector<std::string>{"seated"});

    REQUIRE(config.stretches.size() == 3);
    const sk::Stretch& seated = config.stretches[0];
    CHECK(seated.id == "seated");
    CHECK(seated.title == "Seated stretch");
    CHECK(seated.steps == std::vector<std::string>{"Sit on the floor.", "Reach for your toes."});
    CHECK(seated.laterality == sk::Laterality::per_leg);
    CHECK(seated.caution == "Stop if it hurts.");
    CHECK(seated.cue == "Breathe.");
    // A relative picture is found beside the config file, wherever the program runs.
    CHECK(seated.picture ==
          sk::Picture{sk::Picture::Source::file, test_data("config/good/seated.svg")});
    CHECK(seated.needs ==
          std::vector<sk::Equipment>{sk::Equipment::mat, sk::Equipment::two_chairs});
    CHECK(seated.position == sk::Position::seated);
    CHECK(seated.get_ready == 2min);
    CHECK(seated.switch_sides == 1min);
    CHECK(seated.ready == sk::ReadyMode::press);
    const sk::Stretch& lying = config.stretches[1];
    CHECK(lying.position == sk::Position::lying);
    CHECK(lying.ready == sk::ReadyMode::timed);
    CHECK_FALSE(lying.get_ready.has_value());
    CHECK_FALSE(lying.switch_sides.has_value());

    REQUIRE(config.routines.size() == 1);
    CHECK(config.routines[0].title == "Short one");
    CHECK(config.routines[0].ready == sk::ReadyMode::press);
    REQUIRE(config.routines[0].steps.size() == 3);
    const sk::RoutineStep& step = config.routines[0].steps[0];
    CHECK(step.stretch == "seated");
    CHECK(step.hold == 90s);
    CHECK(step.hold_max == 2min);
    CHECK(step.sides == sk::SideSelection::left);
    CHECK(step.repetitions == 3);
    CHECK(step.rest == 0s);

    CHECK(config.session.get_ready == 2min);
    CHECK(config.session.switch_sides == 0s);
    CHECK(config.session.prompt_window == 12h);
    CHECK(config.session.start == sk::StartMode::automatic);
    CHECK(config.session.auto_start_after == 10min);
    CHECK(config.session.lengthen_by == 1min);
    CHECK(config.session.lengthen_every_days == 365);

    CHECK(config.display.rotation == sk::Rotation::r270);
    CHECK(config.display.font == "Noto Sans");
    CHECK(config.display.idle == sk::IdleScreen::off);
    CHECK(config.display.power_off_command == std::vector<std::string>{"wlopm", "--off", "*"});
    CHECK(config.display.power_on_command == std::vector<std::string>{"wlopm", "--on", "*"});
    CHECK(config.display.command_timeout == 60s);

    CHECK_FALSE(config.audio.enabled);
    CHECK(config.audio.volume == sk::Volume{100});

    CHECK(config.voice == sk::VoiceSettings{false, "English (America)", 300, sk::Volume{55}});
    // An entry's voice is the top level's with the entry's changes.
    CHECK(early.voice.applied_to(config.voice) ==
          sk::VoiceSettings{true, "en-gb-scotland", 80, sk::Volume{0}});
    CHECK(weekend.voice.applied_to(config.voice) == config.voice);

    CHECK(config.keys.button == std::vector<std::string>{"Space", "Gamepad A", "Click"});
    CHECK(config.keys.skip == std::vector<std::string>{"PageDown"});
    CHECK(config.keys.stop.empty());

    CHECK(config.find_stretch("seated") == &config.stretches[0]);
    CHECK(config.find_stretch("standing") == nullptr);
    CHECK(config.find_routine("short") == &config.routines[0]);
    // The top level's skip_stretches and the entry's: what each entry's sessions run.
    CHECK(config.routine_for(config.routines[0], &early).steps.size() == 2);
    const sk::Routine weekend_routine = config.routine_for(config.routines[0], &weekend);
    REQUIRE(weekend_routine.steps.size() == 1);
    CHECK(weekend_routine.steps[0].stretch == "upright");
    CHECK(config.find_entry("Weekend") == &config.schedule[1]);
    CHECK(config.find_entry("weekend") == nullptr);
}

TEST_CASE("what a file leaves out comes from the built-in config") {
    const sk::ConfigResult result = sk::load_config_file(test_data("config/good/minimal.yaml"));
    REQUIRE(result.diagnostics.empty());
    const sk::Config& config = *result.config;
    const sk::Config built_in = sk::default_config();
    CHECK(config.timezone.empty());
    REQUIRE(config.schedule.size() == 1);
    CHECK(config.schedule[0].time.since_midnight == 7h);  // unquoted 07:00 is a time too
    CHECK(config.schedule[0].days.bits == 0b111'1111);
    CHECK(config.stretches == built_in.stretches);
    CHECK(config.routines == built_in.routines);
    CHECK(config.session == sk::SessionSettings{});
    CHECK(config.display == sk::DisplaySettings{});
    CHECK(config.audio == sk::AudioSettings{});
    CHECK(config.voice == sk::VoiceSettings{});
    CHECK(config.schedule[0].voice == sk::VoiceOverride{});
    CHECK(config.keys == sk::KeySettings{});
}

TEST_CASE("voice: a map of changes, or on and off for short; an entry changes only what it says") {
    auto [yaml, voice] = GENERATE(table<std::string, sk::VoiceSettings>({
        {"voice: off\n", {false, "", 150, {100}}},
        {"voice: on\n", {true, "", 150, {100}}},
        {"voice:\n", {true, "", 150, {100}}},
        {"voice:\n  rate: 120\n", {true, "", 120, {100}}},
        {"voice:\n  voice: de\n  volume: 40\n", {true, "de", 150, {40}}},
        {"voice:\n  voice: en+f3\n", {true, "en+f3", 150, {100}}},
    }));
    CAPTURE(yaml);
    const auto result = parse_config(good_schedule + yaml, "test.yaml");
    REQUIRE(result.diagnostics.empty());
    CHECK(result.config->voice == voice);

    const auto entry =
        parse_config(good_schedule + "    voice:\n      volume: 20\n" + yaml, "test.yaml");
    REQUIRE(entry.diagnostics.empty());
    sk::VoiceSettings quieter = voice;
    quieter.volume = sk::Volume{20};
    CHECK(entry.config->schedule[0].voice.applied_to(entry.config->voice) == quieter);
}

TEST_CASE("defaults inside a routine step") {
    const auto result = parse_config(good_schedule +
                                         "routines:\n"
                                         "  full:\n"
                                         "    steps:\n"
                                         "      - stretch: wall\n"
                                         "      - stretch: towel\n"
                                         "        hold: 45s\n",
                                     "test.yaml");
    REQUIRE(result.diagnostics.empty());
    const sk::Routine& routine = result.config->routines.at(0);
    CHECK(routine.title == "full");
    CHECK(routine.steps.at(0).hold == 30s);
    CHECK(routine.steps.at(0).hold_max == 30s);
    CHECK(routine.steps.at(0).sides == sk::SideSelection::both);
    CHECK(routine.steps.at(0).repetitions == 1);
    CHECK(routine.steps.at(0).rest == 10s);
    CHECK(routine.steps.at(1).hold == 45s);
    CHECK(routine.steps.at(1).hold_max == 45s);
}

TEST_CASE("language: names the screens' language, written as a locale or a BCP 47 tag") {
    for (const auto& [text, tag] : std::vector<std::pair<std::string, std::string>>{
             {"de", "de"}, {"de-AT", "de_AT"}, {"es_ES.UTF-8", "es_ES"}, {"\"pt_BR\"", "pt_BR"}}) {
        CAPTURE(text);
        const sk::ConfigResult result =
            sk::parse_config(good_schedule + "language: " + text + "\n", "test.yaml");
        REQUIRE(result.ok());
        CHECK(result.config->language == tag);
    }
    // Left out: the environment decides, when the kiosk starts (core/words/language.hpp).
    CHECK(sk::parse_config(good_schedule, "test.yaml").config->language.empty());
}

TEST_CASE("German and Japanese names load as they are") {
    const sk::ConfigResult result =
        sk::load_config_file(test_data("config/good/international.yaml"));
    REQUIRE(result.diagnostics.empty());
    const sk::Config& config = *result.config;
    CHECK(config.timezone == "Asia/Tokyo");
    CHECK(config.schedule.at(0).name == "朝のストレッチ");
    CHECK(config.schedule.at(0).routine == "優しい");
    CHECK(config.schedule.at(1).name == "Dehnübung am Abend");
    REQUIRE(config.find_stretch("壁") != nullptr);
    CHECK(config.find_stretch("壁")->steps.at(1) == "両脚を壁に沿って上げます。");
    CHECK(config.find_routine("sanft")->title == "Sanfte Runde für den Abend");
    CHECK(config.find_routine("優しい")->title == "優しい");
}

// The mistakes the parser must explain, one of each kind, with the exact text the user sees.
TEST_CASE("each kind of mistake is reported where it is, with how to fix it") {
    auto [text, expected] = GENERATE(table<std::string, std::string>({
        // YAML syntax
        {"schedule: [a, b\n", "test.yaml:2:1: a list opened with [ is not closed; add the ]"},
        {"schedule: a: b\n",
         "test.yaml:1:12: unexpected ':' here; check the indentation, or put text that holds ': ' "
         "in quotes"},
        {"schedule:\n  - name: x\n   time: y\n",
         "test.yaml:3:4: this line's indentation does not match the lines above; line it up with "
         "its siblings"},
        {"schedule:\n\t- name: x\n",
         "test.yaml:2:2: a '- ' list item is not allowed here; check the indentation"},
        // unknown keys, with and without a near miss, at every level
        {"shedule: []\n",
         "test.yaml:1:1: unknown key 'shedule' at the top level (did you mean 'schedule'?)\n"
         "test.yaml:1:1: missing key 'schedule' at the top level; add a schedule: list with at "
         "least one entry (see the sample config)"},
        {"schedule:\n  - name: Morning\n    tiem: \"07:00\"\n    days: daily\n    routine: full\n",
         "test.yaml:2:5: missing key 'time' in a schedule entry; add one such as time: \"07:00\"\n"
         "test.yaml:3:5: unknown key 'tiem' in a schedule entry (did you mean 'time'?)"},
        {good_schedule + "session:\n  get_redy: 10s\n",
         "test.yaml:7:3: unknown key 'get_redy' in session (did you mean 'get_ready'?)"},
        {good_schedule + "keys:\n  pause: P\n",
         "test.yaml:7:3: unknown key 'pause' in keys (allowed: button, skip and stop)"},
        // wrong types
        {"schedule: {name: x}\n",
         "test.yaml:1:11: schedule must be a list of entries, each starting with -, not a map"},
        {good_schedule + "timezone: [Europe/Berlin]\n",
         "test.yaml:6:11: timezone must be text, not a list"},
        {good_schedule + "display: text\n",
         "test.yaml:6:10: display must be a map of settings, not 'text'"},
        // times
        {"schedule:\n  - name: Morning\n    time: 25:00\n    days: daily\n    routine: full\n",
         "test.yaml:3:11: time must be a 24-hour time from 00:00 to 23:59 such as \"07:00\", not "
         "'25:00'"},
        {"schedule:\n  - name: Morning\n    time: 7am\n    days: daily\n    routine: full\n",
         "test.yaml:3:11: time must be a 24-hour time from 00:00 to 23:59 such as \"07:00\", not "
         "'7am'"},
        // days
        {"schedule:\n  - name: Morning\n    time: 7:00\n    days: [mon, tues]\n    routine: full\n",
         "test.yaml:4:17: unknown day 'tues' (did you mean 'tue'?)"},
        {"schedule:\n  - name: Morning\n    time: 7:00\n    days: []\n    routine: full\n",
         "test.yaml:4:11: days is an empty list, so this entry would never happen; add a day or "
         "write daily"},
        // durations and numbers out of range, or not numbers at all
        {good_schedule + "session:\n  get_ready: 3m\n",
         "test.yaml:7:14: get_ready must be from 0s to 2m, not '3m'"},
        {good_schedule + "session:\n  get_ready: 1.5m\n",
         "test.yaml:7:14: get_ready must be a duration such as 30s, 2m or 90, not '1.5m'"},
        {good_schedule + "audio:\n  volume: 101\n",
         "test.yaml:7:11: volume must be a whole number from 0 to 100, not '101'"},
        // names that do not exist
        {"schedule:\n  - name: Morning\n    time: 7:00\n    days: daily\n    routine: ful\n",
         "test.yaml:5:14: unknown routine 'ful' (did you mean 'full'?)"},
        {"schedule:\n  - name: Morning\n    time: 7:00\n    days: daily\n    routine: stretching\n",
         "test.yaml:5:14: unknown routine 'stretching'; the routines are full and gentle"},
        {good_schedule + "routines:\n  full:\n    steps:\n      - stretch: twel\n",
         "test.yaml:9:18: unknown stretch 'twel' (did you mean 'towel'?)"},
        // duplicates
        {good_schedule + "audio:\n  volume: 10\n  volume: 20\n",
         "test.yaml:8:3: duplicate key 'volume' (already on line 7); remove one of them"},
        {good_schedule + "  - name: Morning\n    time: 21:00\n    days: daily\n    routine: full\n",
         "test.yaml:6:11: another schedule entry is already named 'Morning' (on line 2); give each "
         "entry its own name"},
        // an empty schedule, or none
        {"schedule: []\n", "test.yaml:1:11: the schedule is empty; add at least one entry"},
        {"timezone: Europe/Berlin\n",
         "test.yaml:1:1: missing key 'schedule' at the top level; add a schedule: list with at "
         "least one entry (see the sample config)"},
        {"", "test.yaml: is empty; write a schedule in it (the sample config shows how)"},
        // time zones
        {good_schedule + "timezone: Europe/Berln\n",
         "test.yaml:6:11: unknown time zone 'Europe/Berln'; use an IANA name such as "
         "Europe/Berlin, or remove the line to use the system's zone"},
        // languages
        {good_schedule + "language: deutsch\n",
         "test.yaml:6:11: language must be a language code such as de, es or pt_BR, not "
         "'deutsch'"},
        {good_schedule + "language: C\n",
         "test.yaml:6:11: language must be a language code such as de, es or pt_BR, not 'C'"},
        {good_schedule + "language: de_DEU\n",
         "test.yaml:6:11: language must be a language code such as de, es or pt_BR, not "
         "'de_DEU'"},
        // routine steps
        {good_schedule +
             "routines:\n  full:\n    steps:\n      - stretch: wall\n        sides: left\n",
         "test.yaml:10:9: sides is only for a stretch done one leg at a time, and 'wall' is not; "
         "remove sides, or set per_leg: true on it"},
        {good_schedule +
             "routines:\n  full:\n    steps:\n      - stretch: towel\n        hold: 40s\n"
             "        hold_max: 30s\n",
         "test.yaml:11:19: hold_max (30s) is shorter than hold (40s); make it at least as long"},
        // keys
        {good_schedule + "keys:\n  button: [Spcae, Return]\n",
         "test.yaml:7:12: 'Spcae' is not a key name (did you mean 'Space'?)"},
        {good_schedule + "keys:\n  skip: Return\n",
         "test.yaml:7:9: Return is already the button key (by default); give each key one job"},
    }));
    CAPTURE(text);
    CHECK(diagnostics_of(text) == expected);
}

namespace {

// Reads tests/data/config/bad/catalogue.txt: "### title", YAML, ">>>", the expected lines.
struct CatalogueCase {
    std::string title;
    std::string yaml;
    std::string expected;
};

std::vector<CatalogueCase> read_catalogue(const std::string& path) {
    std::vector<CatalogueCase> cases;
    std::istringstream lines(read_file(path));
    bool in_expected = false;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("### ", 0) == 0) {
            cases.push_back(CatalogueCase{line.substr(4), "", ""});
            in_expected = false;
        } else if (cases.empty()) {
            continue;
        } else if (line == ">>>") {
            in_expected = true;
        } else if (in_expected && !line.empty()) {
            cases.back().expected += (cases.back().expected.empty() ? "" : "\n") + line;
        } else if (!in_expected) {
            cases.back().yaml += line + "\n";
        }
    }
    return cases;
}

}  // namespace

TEST_CASE("every case in the catalogue of bad configs gives exactly its diagnostics") {
    const auto cases = read_catalogue(test_data("config/bad/catalogue.txt"));
    REQUIRE(cases.size() > 100);
    for (const CatalogueCase& bad : cases) {
        CAPTURE(bad.title, bad.yaml);
        REQUIRE_FALSE(bad.expected.empty());
        CHECK(diagnostics_of(bad.yaml) == bad.expected);
        CHECK_FALSE(parse_config(bad.yaml, "test.yaml").ok());
    }
}

TEST_CASE("every input that once got past the parser is parsed or refused, never a crash") {
    // tests/data/config/fuzz/: what scripts/fuzz-config.sh found, and other hostile inputs.
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test_data("config/fuzz"))) {
        const std::string name = entry.path().filename().string();
        if (name == "README.md") {
            continue;
        }
        ++files;
        CAPTURE(name);
        const sk::ConfigResult result = parse_config(read_file(entry.path().string()), name);
        CHECK(result.ok() == result.diagnostics.empty());
        if (name.rfind("refused-", 0) == 0) {
            CHECK_FALSE(result.ok());
        }
    }
    CHECK(files >= 4);
}

TEST_CASE("texts at their longest are accepted") {
    // 60 characters for names and titles, 120 for a step or the cue, 200 for a caution; counted
    // in characters, so a Japanese name may be as long as an English one.
    const std::string name = GENERATE(
        std::string(60, 'M'), std::string() + [] {
            std::string text;
            for (int i = 0; i < 60; ++i) {
                text += "朝";
            }
            return text;
        }());
    const std::string text =
        "schedule:\n"
        "  - name: \"" +
        name +
        "\"\n"
        "    time: \"07:00\"\n"
        "    days: daily\n"
        "    routine: " +
        std::string(60, 'q') +
        "\n"
        "stretches:\n"
        "  " +
        std::string(60, 'c') +
        ":\n"
        "    title: \"" +
        std::string(60, 'T') +
        "\"\n"
        "    steps: [\"" +
        std::string(120, 's') +
        "\"]\n"
        "    caution: \"" +
        std::string(200, 'w') +
        "\"\n"
        "    cue: \"" +
        std::string(120, 'u') +
        "\"\n"
        "routines:\n"
        "  " +
        std::string(60, 'q') +
        ":\n"
        "    title: \"" +
        std::string(60, 'R') +
        "\"\n"
        "    steps: [{stretch: " +
        std::string(60, 'c') + "}]\n";
    CHECK(diagnostics_of(text).empty());
}

TEST_CASE("a document marker or a comment at the end of the file holds nothing and is accepted") {
    const std::string ending = GENERATE(as<std::string>{}, "...\n", "---\n", "...\n---\n",
                                        "...\n# the end\n", "--- # the end\n...\n", "...\n\n\n");
    CAPTURE(ending);
    CHECK(diagnostics_of(good_schedule + ending).empty());
}

TEST_CASE("columns count characters, as editors do, and a byte order mark is not one") {
    CHECK(diagnostics_of("schedule:\n"
                         "  - name: 朝\n"
                         "    time: \"07:00\"\n"
                         "    days: [月曜, tues]\n"
                         "    routine: full\n") ==
          "test.yaml:4:12: unknown day '月曜'; use daily, weekdays, weekends or day names such as "
          "mon or monday\n"
          "test.yaml:4:16: unknown day 'tues' (did you mean 'tue'?)");
    CHECK(diagnostics_of("\xEF\xBB\xBFschedule: []\n") ==
          "test.yaml:1:11: the schedule is empty; add at least one entry");
    CHECK(diagnostics_of("\xEF\xBB\xBF" + good_schedule).empty());
}

TEST_CASE("Windows line endings read the same") {
    CHECK(diagnostics_of("schedule:\r\n  - name: Morning\r\n    time: \"07:00\"\r\n"
                         "    days: daily\r\n    routine: full\r\n")
              .empty());
    CHECK(diagnostics_of("schedule:\r\n  - name: Morning\r\n    time: \"07:00\"\r\n"
                         "    days: [mon, tues]\r\n    routine: full\r\n") ==
          "test.yaml:4:17: unknown day 'tues' (did you mean 'tue'?)");
}

TEST_CASE("all mistakes in a file are reported at once, in file order") {
    const std::string expected = read_file(test_data("config/bad/many-mistakes.expected"));
    const std::string text = read_file(test_data("config/bad/many-mistakes.yaml"));
    const sk::ConfigResult result = parse_config(text, "many-mistakes.yaml");
    CHECK_FALSE(result.ok());
    std::string lines;
    for (const sk::Diagnostic& diagnostic : result.diagnostics) {
        lines += diagnostic.to_string() + "\n";
    }
    CHECK(lines == expected);
    for (std::size_t i = 1; i < result.diagnostics.size(); ++i) {
        const auto& before = result.diagnostics[i - 1];
        const auto& after = result.diagnostics[i];
        CHECK(std::pair(before.line, before.column) <= std::pair(after.line, after.column));
    }
}

namespace {

std::string deep_flow() {
    return "schedule: " + std::string(200, '[') + std::string(200, ']');
}

std::string deep_block() {
    std::string text;
    for (std::size_t level = 0; level < 200; ++level) {
        text += std::string(level, ' ') + "k:\n";
    }
    return text;
}

std::string deep_dashes() {
    std::string text;
    for (int level = 0; level < 200; ++level) {
        text += "- ";
    }
    return text + "x\n";
}

}  // namespace

TEST_CASE("text that is not a sane config is refused before YAML sees it") {
    auto [text, expected] = GENERATE(table<std::string, std::string>({
        {good_schedule + std::string(1, '\0'),
         "test.yaml: is not a text file; check that this is your YAML config"},
        {good_schedule + "# caf\xe9\n",
         "test.yaml: is not a text file: line 6 is not UTF-8; save the file as UTF-8"},
        {good_schedule + "# \xed\xa0\x80 is a UTF-16 surrogate\n",
         "test.yaml: is not a text file: line 6 is not UTF-8; save the file as UTF-8"},
        {"# \xc0\xaf is an overlong slash\n",
         "test.yaml: is not a text file: line 1 is not UTF-8; save the file as UTF-8"},
        {std::string(sk::max_config_bytes + 1, '#'),
         "test.yaml: is too big (65537 bytes; a config can be at most 65536)"},
        {deep_flow(), "test.yaml:1:42: nests more than 32 levels deep; a config needs only a few"},
        {deep_block(),
         "test.yaml:33:33: nests more than 32 levels deep; a config needs only a few"},
        {deep_dashes(),
         "test.yaml:1:63: nests more than 32 levels deep; a config needs only a few"},
        {"schedule: &a [*a]\n",
         "test.yaml:1:15: this alias is inside the value it names; an alias cannot repeat what "
         "contains it"},
        {"a: &a " + std::string(29, '[') + "x" + std::string(29, ']') + "\nb: [[*a]]\n",
         "test.yaml:2:6: nests more than 32 levels deep (perhaps through aliases); a config needs "
         "only a few"},
        {good_schedule + "  - name: 'Evening\n",
         "test.yaml:6:11: this quoted text is never closed; end it with '"},
        {good_schedule + "---\nschedule: []\n",
         "test.yaml:7:1: a second YAML document starts here; keep the whole config in one"},
    }));
    CHECK(diagnostics_of(text) == expected);
}

TEST_CASE("nesting inside quotes, comments and block text does not count") {
    const std::string brackets = std::string(40, '[');
    const std::string text = good_schedule +
                             "stretches:\n"
                             "  towel:\n"
                             "    title: \"" +
                             brackets +
                             "\"\n"
                             "    steps:  # " +
                             brackets +
                             "\n"
                             "      - '" +
                             brackets +
                             " don''t'\n"
                             "      - |\n"
                             "        " +
                             brackets +
                             "\n"
                             "      - plain " +
                             brackets +
                             "\n"
                             "    per_leg: true\n"
                             "routines:\n"
                             "  full:\n"
                             "    steps: [{stretch: towel, hold: 30s}]\n";
    CHECK(diagnostics_of(text).empty());
}

TEST_CASE("the default file size limit is accepted, one byte more is not") {
    std::string text = good_schedule;
    text += std::string(sk::max_config_bytes - text.size() - 1, '#') + "\n";
    REQUIRE(text.size() == sk::max_config_bytes);
    CHECK(diagnostics_of(text).empty());
    CHECK(diagnostics_of(text + "\n") ==
          "test.yaml: is too big (65537 bytes; a config can be at most 65536)");
}

namespace {

// The classic billion laughs: each of nine levels repeats the one before nine times.
std::string billion_laughs() {
    std::string text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    const std::string levels = "abcdefghi";
    for (std::size_t i = 1; i < levels.size(); ++i) {
        text += std::string(1, levels[i]) + ": &" + levels[i] + " [";
        for (int copy = 0; copy < 9; ++copy) {
            text += std::string(copy == 0 ? "*" : ", *") + levels[i - 1];
        }
        text += "]\n";
    }
    return text;
}

}  // namespace

TEST_CASE("an alias bomb is refused as too complex") {
    const std::string text = billion_laughs();
    SECTION("where the schedule is") {
        CHECK(diagnostics_of(text + "schedule: *i\n") ==
              "test.yaml: is too complex (over 20000 values, perhaps through aliases); write it "
              "out plainly");
    }
    SECTION("under an unknown key") {
        CHECK(diagnostics_of(good_schedule + text) ==
              "test.yaml: is too complex (over 20000 values, perhaps through aliases); write it "
              "out plainly");
    }
}

TEST_CASE("aliases within reason are fine") {
    const std::string text =
        "schedule:\n"
        "  - name: Morning\n"
        "    time: \"07:00\"\n"
        "    days: &weekdays [mon, tue, wed, thu, fri]\n"
        "    routine: full\n"
        "  - name: Evening\n"
        "    time: \"21:00\"\n"
        "    days: *weekdays\n"
        "    routine: full\n";
    const auto result = parse_config(text, "test.yaml");
    REQUIRE(result.diagnostics.empty());
    CHECK(result.config->schedule.at(1).days.bits == 0b001'1111);
}

TEST_CASE("a cut-off file never crashes or throws: it parses or says what is wrong") {
    const std::string text = read_file(test_data("config/good/everything.yaml"));
    for (std::size_t length = 0; length <= text.size(); length += 7) {
        const std::string cut = text.substr(0, length);
        CAPTURE(length);
        const sk::ConfigResult result = parse_config(cut, "cut.yaml");
        CHECK(result.ok() != !result.diagnostics.empty());
        for (const sk::Diagnostic& diagnostic : result.diagnostics) {
            CHECK(diagnostic.file == "cut.yaml");
            CHECK_FALSE(diagnostic.message.empty());
            CHECK(diagnostic.line >= 0);
        }
    }
}

TEST_CASE("files that are not config files are refused without blocking") {
    TempDir directory;
    SECTION("a directory") {
        const std::string path = directory.path("");
        CHECK(diagnostics_of_file(path) ==
              path + ": is a directory; give the path of the YAML config file");
    }
    SECTION("a FIFO, which must not wait for a writer") {
        const std::string path = directory.path("pipe.yaml");
        REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
        CHECK(diagnostics_of_file(path) ==
              path +
                  ": is not a regular file (it is a pipe, device or socket); give the path of "
                  "the YAML config file");
    }
    SECTION("a device") {
        CHECK(diagnostics_of_file("/dev/null") ==
              "/dev/null: is not a regular file (it is a pipe, device or socket); give the path "
              "of the YAML config file");
    }
    SECTION("a missing file") {
        const std::string path = directory.path("missing.yaml");
        CHECK(diagnostics_of_file(path) == path + ": cannot be opened: no such file or directory");
    }
    SECTION("an unreadable file") {
        const std::string path = directory.file("secret.yaml", good_schedule);
        REQUIRE(::chmod(path.c_str(), 0) == 0);
        // root reads it anyway, so there is nothing to see then.
        if (::geteuid() != 0) {
            CHECK(diagnostics_of_file(path) == path + ": cannot be opened: permission denied");
        }
    }
    SECTION("a file one byte over the limit") {
        const std::string path =
            directory.file("big.yaml", std::string(sk::max_config_bytes + 1, '#'));
        CHECK(diagnostics_of_file(path) ==
              path + ": is too big (65537 bytes; a config can be at most 65536)");
    }
    SECTION("random bytes") {
        std::ifstream random("/dev/urandom", std::ios::binary);
        std::string bytes(4096, '\0');
        REQUIRE(random.read(bytes.data(), static_cast<std::streamsize>(bytes.size())));
        // Control bytes make it binary; 4 KiB of random bytes without one has odds of 1e-222.
        const std::string path = directory.file("random.yaml", bytes);
        CHECK(diagnostics_of_file(path) ==
              path + ": is not a text file; check that this is your YAML config");
    }
    SECTION("a deeply nested file") {
        const std::string path = directory.file(
            "deep.yaml", "schedule: " + std::string(200, '[') + std::string(200, ']') + "\n");
        CHECK(diagnostics_of_file(path) ==
              path + ":1:42: nests more than 32 levels deep; a config needs only a few");
    }
    SECTION("an alias bomb") {
        const std::string path = directory.file("bomb.yaml", billion_laughs() + "schedule: *i\n");
        CHECK(diagnostics_of_file(path) ==
              path +
                  ": is too complex (over 20000 values, perhaps through aliases); write it out "
                  "plainly");
    }
    SECTION("a good file loads") {
        const std::string path = directory.file("good.yaml", good_schedule);
        const sk::ConfigResult result = sk::load_config_file(path);
        CHECK(result.diagnostics.empty());
        CHECK(result.ok());
    }
}
