// The stretch-kiosk program: parses the command line and runs the chosen mode.
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "app/modes/cli_modes.hpp"
#include "app/modes/edit_config.hpp"
#include "app/modes/kiosk.hpp"
#include "core/cli/command_line.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    sk::ParsedOptions parsed = sk::parse_command_line(args);
    if (!parsed.options) {
        std::cerr << "stretch-kiosk: " << parsed.error << '\n';
        return sk::exit_bad_config;
    }
    const sk::Options& options = *parsed.options;
    // The one place the wall clock is read for the print-and-exit modes.
    const auto now = std::chrono::system_clock::now();

    switch (options.mode) {
        case sk::Mode::help:
            std::cout << sk::usage_text();
            return sk::exit_ok;
        case sk::Mode::version:
            std::cout << sk::version_text() << '\n';
            return sk::exit_ok;
        case sk::Mode::check:
            return sk::run_check(options, now, std::cout, std::cerr);
        case sk::Mode::next:
            return sk::run_next(options, now, std::cout, std::cerr);
        case sk::Mode::history:
            return sk::run_history(options, std::cout, std::cerr);
        case sk::Mode::stats:
            return sk::run_stats(options, now, std::cout, std::cerr);
        case sk::Mode::render_screens:
            return sk::run_render_screens(options);
        case sk::Mode::install_timers:
            return sk::run_install_timers(options);
        case sk::Mode::edit:
            return sk::run_edit(options, now, std::cin, std::cout, std::cerr);
        case sk::Mode::kiosk:
        case sk::Mode::session_once:
            return sk::run_kiosk(options);
    }
    return sk::exit_failure;
}
