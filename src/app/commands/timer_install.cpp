#include "app/commands/timer_install.hpp"

#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <iostream>
#include <ostream>
#include <system_error>

#include "app/commands/cli_modes.hpp"
#include "app/commands/screen_program.hpp"
#include "app/system/config_source.hpp"
#include "core/systemd/timer_units.hpp"

namespace sk {

std::string own_program_path(const std::string& fallback) {
    std::error_code error;
    std::string path = std::filesystem::read_symlink("/proc/self/exe", error).string();
    if (error || path.empty()) {
        return fallback;
    }
    // A binary replaced by a package upgrade while running reads "/usr/bin/x (deleted)".
    constexpr std::string_view deleted = " (deleted)";
    if (path.ends_with(deleted)) {
        path.resize(path.size() - deleted.size());
    }
    return path;
}

int install_timers(const Options& options, const std::string& program, std::ostream& out,
                   std::ostream& err) {
    auto reported = load_config_reporting(options.config_path, err, screen_picture_check());
    if (!reported) {
        return exit_bad_config;
    }
    LoadedConfig& loaded = *reported;
    if (!options.config_path && loaded.origin == "built-in config") {
        err << "stretch-kiosk: timers need a config file to watch: name one with --config FILE\n";
        return exit_bad_config;
    }
    std::error_code ignored;
    TimerUnitPaths paths{program, std::filesystem::absolute(loaded.origin, ignored).string(),
                         std::filesystem::absolute(options.output_dir.value_or("."), ignored)
                             .lexically_normal()
                             .string()};
    while (paths.unit_dir.size() > 1 && paths.unit_dir.ends_with('/')) {
        paths.unit_dir.pop_back();
    }
    UnitScope scope = unit_scope_for(paths.unit_dir);
    TimerUnitsResult units = make_timer_units(*loaded.result.config, paths, scope);
    if (!units.error.empty()) {
        err << "stretch-kiosk: " << units.error << '\n';
        return exit_failure;
    }
    UnitWriteResult written = write_unit_files(units.units, paths.unit_dir);
    if (!written.error.empty()) {
        err << "stretch-kiosk: " << written.error << '\n';
        if (::access(paths.unit_dir.c_str(), W_OK) != 0 && errno == EACCES) {
            err << "Run it as root (with sudo) to write to " << paths.unit_dir << ".\n";
        }
        return exit_failure;
    }
    for (const auto& name : written.written) {
        out << "wrote " << paths.unit_dir << '/' << name << '\n';
    }
    for (const auto& name : written.removed) {
        out << "removed " << paths.unit_dir << '/' << name << '\n';
    }
    if (written.written.empty() && written.removed.empty()) {
        out << "The timers in " << paths.unit_dir << " are up to date.\n";
    }
    std::string systemctl = scope == UnitScope::user ? "systemctl --user" : "systemctl";
    out << "To start them, run: " << systemctl << " daemon-reload && " << systemctl
        << " enable --now stretch-kiosk-timers.target stretch-kiosk-timers.path\n";
    return exit_ok;
}

int run_install_timers(const Options& options) {
    return install_timers(options, own_program_path("stretch-kiosk"), std::cout, std::cerr);
}

}  // namespace sk
