#include <string>
#include <vector>

#include "app/system/log.hpp"
#include "catch.hpp"

namespace {

using sk::format_log_line;
using sk::log_sink_for;
using sk::LogPriority;
using sk::LogSink;

}  // namespace

TEST_CASE("stderr is the journal only when JOURNAL_STREAM names its own device and inode") {
    struct Row {
        const char* stream;  // nullptr: the variable is not set
        LogSink expected;
    };
    // stderr here is device 2049, inode 12345.
    const std::vector<Row> rows = {
        {"2049:12345", LogSink::journal},
        {nullptr, LogSink::terminal},
        {"", LogSink::terminal},
        {"2049:12346", LogSink::terminal},  // another stream: stderr was redirected
        {"2050:12345", LogSink::terminal},
        {"2049", LogSink::terminal},
        {"2049:", LogSink::terminal},
        {":12345", LogSink::terminal},
        {"2049:12345x", LogSink::terminal},
        {"-2049:12345", LogSink::terminal},
        {"2049:12345:7", LogSink::terminal},
        {"99999999999999999999999:12345", LogSink::terminal},
    };
    for (const Row& row : rows) {
        CAPTURE(row.stream ? row.stream : "(unset)");
        auto stream = row.stream ? std::optional<std::string_view>(row.stream) : std::nullopt;
        CHECK(log_sink_for(stream, 2049, 12345) == row.expected);
    }
}

TEST_CASE("the journal gets the priority as a prefix and no program name") {
    struct Row {
        LogPriority priority;
        const char* expected;
    };
    const std::vector<Row> rows = {
        {LogPriority::error, "<3>no display to draw on\n"},
        {LogPriority::warning, "<4>no display to draw on\n"},
        {LogPriority::notice, "<5>no display to draw on\n"},
        {LogPriority::info, "<6>no display to draw on\n"},
        {LogPriority::debug, "<7>no display to draw on\n"},
    };
    for (const Row& row : rows) {
        CHECK(format_log_line(LogSink::journal, row.priority, "no display to draw on") ==
              row.expected);
    }
}

TEST_CASE("a terminal gets the program's name and no priority; debug lines are left out") {
    CHECK(format_log_line(LogSink::terminal, LogPriority::error, "no display to draw on") ==
          "stretch-kiosk: no display to draw on\n");
    CHECK(format_log_line(LogSink::terminal, LogPriority::warning, "no sound device") ==
          "stretch-kiosk: no sound device\n");
    CHECK(format_log_line(LogSink::terminal, LogPriority::info, "drawing") ==
          "stretch-kiosk: drawing\n");
    CHECK(format_log_line(LogSink::terminal, LogPriority::debug, "ALSA: cannot find card '0'")
              .empty());
}

TEST_CASE("a sentence that starts like a prefix is kept whole") {
    // Only the first "<N>" of a journal line is read as its priority.
    CHECK(format_log_line(LogSink::journal, LogPriority::warning, "<1> is not a key name") ==
          "<4><1> is not a key name\n");
}
