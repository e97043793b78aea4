#include "core/cli/command_line.hpp"

#include <charconv>
#include <string_view>

namespace sk {
namespace {

// The modes that exclude each other, by flag.
struct ModeFlag {
    std::string_view flag;
    Mode mode;
};
constexpr ModeFlag mode_flags[] = {
    {"--check", Mode::check},
    {"--history", Mode::history},
    {"--stats", Mode::stats},
    {"--help", Mode::help},
    {"-h", Mode::help},
    {"--version", Mode::version},
    {"--session-once", Mode::session_once},
    {"--edit", Mode::edit},
};

std::optional<int> parse_int(std::string_view text) {
    int value = 0;
    const auto* end = text.data() + text.size();
    auto [ptr, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc{} || ptr != end) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::pair<int, int>> parse_size(std::string_view text) {
    auto x = text.find('x');
    if (x == std::string_view::npos) {
        return std::nullopt;
    }
    auto width = parse_int(text.substr(0, x));
    auto height = parse_int(text.substr(x + 1));
    if (!width || !height || *width < 64 || *height < 64 || *width > 16384 || *height > 16384) {
        return std::nullopt;
    }
    return std::pair{*width, *height};
}

std::optional<double> parse_speed(const std::string& text) {
    try {
        std::size_t used = 0;
        double value = std::stod(text, &used);
        if (used != text.size() || !(value >= 0.01 && value <= 10000.0)) {
            return std::nullopt;
        }
        return value;
    } catch (...) {
        return std::nullopt;
    }
}

}  // namespace

ParsedOptions parse_command_line(const std::vector<std::string>& args) {
    Options options;
    bool mode_set = false;
    auto set_mode = [&](Mode mode, std::string_view flag) -> std::string {
        if (mode_set && options.mode != mode) {
            return std::string(flag) + " cannot be combined with another mode";
        }
        options.mode = mode;
        mode_set = true;
        return {};
    };
    auto fail = [](std::string message) { return ParsedOptions{std::nullopt, std::move(message)}; };

    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        // Options that take a value accept both "--opt value" and "--opt=value".
        std::string name = arg;
        std::optional<std::string> inline_value;
        if (auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
            name = arg.substr(0, eq);
            inline_value = arg.substr(eq + 1);
        }
        auto value = [&]() -> std::optional<std::string> {
            if (inline_value) {
                return inline_value;
            }
            if (i + 1 < args.size()) {
                return args[++i];
            }
            return std::nullopt;
        };
        auto needs = [&](std::string_view what) {
            return fail(name + " needs " + std::string(what));
        };

        bool matched_mode = false;
        for (const auto& flag : mode_flags) {
            if (name == flag.flag && !inline_value) {
                if (auto error = set_mode(flag.mode, flag.flag); !error.empty()) {
                    return fail(error);
                }
                matched_mode = true;
            }
        }
        if (matched_mode) {
            continue;
        }

        if (name == "--config") {
            auto v = value();
            if (!v || v->empty()) {
                return needs("a file name");
            }
            options.config_path = *v;
        } else if (name == "--state-dir") {
            auto v = value();
            if (!v || v->empty()) {
                return needs("a directory");
            }
            options.state_dir = *v;
        } else if (name == "--trace") {
            auto v = value();
            if (!v || v->empty()) {
                return needs("a file name");
            }
            options.trace_path = *v;
        } else if (name == "--next") {
            if (auto error = set_mode(Mode::next, "--next"); !error.empty()) {
                return fail(error);
            }
            auto v = value();
            auto count = v ? parse_int(*v) : std::nullopt;
            if (!count || *count < 1 || *count > 10000) {
                return needs("a count from 1 to 10000");
            }
            options.next_count = *count;
        } else if (name == "--from") {
            auto v = value();
            if (!v || v->empty()) {
                return needs("a local time like 2027-03-28T06:00");
            }
            options.from = *v;
        } else if (name == "--render-screens" || name == "--install-timers") {
            Mode mode = name == "--render-screens" ? Mode::render_screens : Mode::install_timers;
            if (auto error = set_mode(mode, name); !error.empty()) {
                return fail(error);
            }
            auto v = value();
            if (!v || v->empty()) {
                return needs("a directory");
            }
            options.output_dir = *v;
        } else if (name == "--windowed") {
            options.window = WindowMode::windowed;
        } else if (name == "--size") {
            auto v = value();
            auto size = v ? parse_size(*v) : std::nullopt;
            if (!size) {
                return needs("a size like 1920x1080");
            }
            options.size = size;
        } else if (name == "--clock-start") {
            auto v = value();
            if (!v || v->empty()) {
                return needs("a local time like 2027-03-28T06:59");
            }
            options.clock_start = *v;
        } else if (name == "--clock-speed") {
            auto v = value();
            auto speed = v ? parse_speed(*v) : std::nullopt;
            if (!speed) {
                return needs("a speed factor from 0.01 to 10000");
            }
            options.clock_speed = *speed;
        } else if (name == "--start") {
            // The routine is optional: "--start" alone runs the first scheduled entry's routine.
            if (inline_value) {
                options.start_routine = *inline_value;
            } else if (i + 1 < args.size() && !args[i + 1].starts_with("-")) {
                options.start_routine = args[++i];
            } else {
                options.start_routine = std::string{};
            }
        } else {
            return fail("unknown option '" + arg + "' (try --help)");
        }
    }

    if (options.from && options.mode != Mode::next) {
        return fail("--from only goes with --next");
    }
    return ParsedOptions{options, {}};
}

std::string usage_text() {
    return R"(Usage: stretch-kiosk [OPTION]...
A wall display that coaches you through hamstring stretches, morning and bedtime.

Modes (default: run the kiosk screen):
  --check                 check the config; print OK and the next sessions
  --next N                print the next N sessions (local time with offset, a tab, the name)
    --from YYYY-MM-DDTHH:MM[:SS]   count from this local time instead of now
  --history               print every recorded session, one a line
  --stats                 print today's sessions, the streak and the weekly totals
  --render-screens DIR    draw every screen to DIR/<screen>.png and exit (no display needed)
  --install-timers DIR    write systemd timer units for the schedule into DIR
  --session-once          wait for the due session, run it, and exit (for timer mode)
  --edit                  change the config in $VISUAL or $EDITOR: it is checked on save and
                          replaced only when good (the old one is kept as FILE~)
  --help, --version

Options:
  --config FILE           the config (default: $XDG_CONFIG_HOME/stretch-kiosk/config.yaml,
                          then /etc/stretch-kiosk/config.yaml, then the built-in sample)
  --state-dir DIR         where the history is kept (default: $STATE_DIRECTORY, then
                          $XDG_STATE_HOME/stretch-kiosk)
  --windowed              a window instead of fullscreen
  --size WxH              window or render size, e.g. 1080x1920
  --start [ROUTINE]       begin a session at once
  --clock-start YYYY-MM-DDTHH:MM[:SS]   run the wall clock from this local time (demo, tests)
  --clock-speed X         run time X times faster (demo, tests)
  --trace FILE            write a line to FILE for every step, cue and phrase, with the time
                          in ms (for checking the timing of the speech)

Exit status: 0 success, 2 bad config or bad usage, 1 anything else.
)";
}

}  // namespace sk
