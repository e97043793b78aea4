// CommandLine: the program's options, parsed from argv without touching anything else.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sk {

// What the program was asked to do.
enum class Mode {
    kiosk,           // the screen (default)
    check,           // --check
    next,            // --next N
    history,         // --history
    stats,           // --stats
    help,            // --help
    version,         // --version
    render_screens,  // --render-screens DIR
    install_timers,  // --install-timers DIR
    session_once,    // --session-once
    edit,            // --edit
};

enum class WindowMode { fullscreen, windowed };

struct Options {
    Mode mode = Mode::kiosk;
    std::optional<std::string> config_path;      // --config FILE
    std::optional<std::string> state_dir;        // --state-dir DIR
    int next_count = 0;                          // --next N
    std::optional<std::string> from;             // --from YYYY-MM-DDTHH:MM[:SS]
    std::optional<std::string> output_dir;       // --render-screens DIR, --install-timers DIR
    WindowMode window = WindowMode::fullscreen;  // --windowed
    std::optional<std::pair<int, int>> size;     // --size WxH
    std::optional<std::string> clock_start;      // --clock-start YYYY-MM-DDTHH:MM[:SS]
    double clock_speed = 1.0;                    // --clock-speed X
    std::optional<std::string> start_routine;    // --start [ROUTINE]; "" means the default routine
    std::optional<std::string> trace_path;       // --trace FILE
};

struct ParsedOptions {
    std::optional<Options> options;
    std::string error;  // one sentence when options is empty (exit 2)
};

ParsedOptions parse_command_line(const std::vector<std::string>& args);

// The text of --help.
std::string usage_text();

}  // namespace sk
