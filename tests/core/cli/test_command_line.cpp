#include <string>
#include <vector>

#include "catch.hpp"
#include "core/cli/command_line.hpp"

using sk::Mode;
using sk::parse_command_line;

TEST_CASE("no arguments run the kiosk fullscreen") {
    auto parsed = parse_command_line({});
    REQUIRE(parsed.options);
    CHECK(parsed.options->mode == Mode::kiosk);
    CHECK(parsed.options->window == sk::WindowMode::fullscreen);
    CHECK(parsed.options->clock_speed == 1.0);
    CHECK_FALSE(parsed.options->config_path);
}

TEST_CASE("modes and their values") {
    auto parsed =
        parse_command_line({"--next", "5", "--from", "2027-03-28T01:00", "--config", "a.yaml"});
    REQUIRE(parsed.options);
    CHECK(parsed.options->mode == Mode::next);
    CHECK(parsed.options->next_count == 5);
    CHECK(parsed.options->from == "2027-03-28T01:00");
    CHECK(parsed.options->config_path == "a.yaml");

    parsed = parse_command_line({"--check", "--config=b.yaml"});
    REQUIRE(parsed.options);
    CHECK(parsed.options->mode == Mode::check);
    CHECK(parsed.options->config_path == "b.yaml");

    parsed = parse_command_line({"--edit", "--config", "/etc/stretch-kiosk/config.yaml"});
    REQUIRE(parsed.options);
    CHECK(parsed.options->mode == Mode::edit);
    CHECK(parsed.options->config_path == "/etc/stretch-kiosk/config.yaml");

    parsed = parse_command_line({"--render-screens", "out", "--size", "1080x1920"});
    REQUIRE(parsed.options);
    CHECK(parsed.options->mode == Mode::render_screens);
    CHECK(parsed.options->output_dir == "out");
    CHECK(parsed.options->size == std::pair{1080, 1920});

    parsed = parse_command_line({"--windowed", "--clock-start", "2026-11-23T06:59", "--clock-speed",
                                 "60", "--state-dir", "/tmp/s", "--trace", "/tmp/t.log"});
    REQUIRE(parsed.options);
    CHECK(parsed.options->mode == Mode::kiosk);
    CHECK(parsed.options->window == sk::WindowMode::windowed);
    CHECK(parsed.options->clock_start == "2026-11-23T06:59");
    CHECK(parsed.options->clock_speed == 60.0);
    CHECK(parsed.options->state_dir == "/tmp/s");
    CHECK(parsed.options->trace_path == "/tmp/t.log");
}

TEST_CASE("--start takes an optional routine") {
    auto parsed = parse_command_line({"--start"});
    REQUIRE(parsed.options);
    CHECK(parsed.options->start_routine == "");

    parsed = parse_command_line({"--start", "gentle", "--windowed"});
    REQUIRE(parsed.options);
    CHECK(parsed.options->start_routine == "gentle");
    CHECK(parsed.options->window == sk::WindowMode::windowed);

    parsed = parse_command_line({"--start", "--windowed"});
    REQUIRE(parsed.options);
    CHECK(parsed.options->start_routine == "");
    CHECK(parsed.options->window == sk::WindowMode::windowed);
}

TEST_CASE("bad usage is one clear sentence") {
    struct Row {
        std::vector<std::string> args;
        std::string error;
    };
    auto row = GENERATE(values<Row>({
        {{"--bogus"}, "unknown option '--bogus' (try --help)"},
        {{"stray"}, "unknown option 'stray' (try --help)"},
        {{"--next"}, "--next needs a count from 1 to 10000"},
        {{"--next", "0"}, "--next needs a count from 1 to 10000"},
        {{"--next", "five"}, "--next needs a count from 1 to 10000"},
        {{"--next", "3x"}, "--next needs a count from 1 to 10000"},
        {{"--config"}, "--config needs a file name"},
        {{"--config="}, "--config needs a file name"},
        {{"--trace"}, "--trace needs a file name"},
        {{"--size", "big"}, "--size needs a size like 1920x1080"},
        {{"--size", "10x10"}, "--size needs a size like 1920x1080"},
        {{"--clock-speed", "0"}, "--clock-speed needs a speed factor from 0.01 to 10000"},
        {{"--clock-speed", "fast"}, "--clock-speed needs a speed factor from 0.01 to 10000"},
        {{"--check", "--next", "3"}, "--next cannot be combined with another mode"},
        {{"--history", "--stats"}, "--stats cannot be combined with another mode"},
        {{"--from", "2027-01-01T00:00"}, "--from only goes with --next"},
        {{"--render-screens"}, "--render-screens needs a directory"},
        {{"--edit", "--check"}, "--check cannot be combined with another mode"},
    }));
    CAPTURE(row.args);
    auto parsed = parse_command_line(row.args);
    CHECK_FALSE(parsed.options);
    CHECK(parsed.error == row.error);
}

TEST_CASE("the usage text names every mode") {
    auto text = sk::usage_text();
    for (const char* flag : {"--check", "--next", "--from", "--history", "--stats",
                             "--render-screens", "--install-timers", "--session-once", "--edit",
                             "--config", "--state-dir", "--windowed", "--size", "--start",
                             "--clock-start", "--clock-speed", "--trace", "--help", "--version"}) {
        CAPTURE(flag);
        CHECK(text.find(flag) != std::string::npos);
    }
}
