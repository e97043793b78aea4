#include "app/modes/kiosk.hpp"

#include <SDL.h>

#include <optional>
#include <string>
#include <vector>

#include "app/draw/display.hpp"
#include "app/draw/picture.hpp"
#include "app/modes/kiosk_loop.hpp"
#include "app/system/active_config.hpp"
#include "app/system/config_source.hpp"
#include "app/system/hangup.hpp"
#include "app/system/log.hpp"
#include "app/system/status_request.hpp"
#include "core/history/history.hpp"
#include "core/time/local_time.hpp"

namespace sk {
namespace {

// The config in force at start-up and the zone its schedule runs in; the problems go to the log.
struct StartConfig {
    ActiveConfig config;
    Zone zone;
    std::string banner;  // the config's error, if any, to show over every screen
};

StartConfig load_start_config(const Options& options, const std::string& state_dir) {
    ActiveConfig config(options.config_path, state_dir, picture_problem);
    ConfigUpdate first = config.reload();
    // A broken file is shown on screen and the kiosk goes on with the last good schedule.
    const LogPriority priority = first.banner.empty() ? LogPriority::info : LogPriority::warning;
    for (const auto& line : first.log) {
        log_line(priority, line);
    }
    for (const auto& line : first.language_log) {
        log_line(LogPriority::info, line);
    }
    LocalZone local = Zone::local_with_warning();
    Zone zone = config.current().timezone.empty() ? local.zone : schedule_zone(config.current());
    if (config.current().timezone.empty() && !local.warning.empty()) {
        log_line(LogPriority::warning, local.warning);
    }
    return {std::move(config), zone, first.banner};
}

// --clock-start TEXT: the instant the wall clock starts from; nullopt, said in the log, when the
// text is no local time.
std::optional<SysSeconds> clock_start(const std::string& text, const Zone& zone) {
    auto wall = parse_local_iso(text);
    if (!wall) {
        log_line(LogPriority::error, "--clock-start '" + text +
                                         "' is not a local time: write it like 2027-03-28T06:59");
        return std::nullopt;
    }
    return zone.to_instant(*wall);
}

// The history as the kiosk starts, brought back to whole lines (a record cut short by a crash is
// removed, so what was skipped stays skipped).
std::vector<HistoryRecord> load_history(const std::string& state_dir) {
    HistoryFile file(state_dir + "/history.log");
    HistoryLoad history = file.load();
    for (const auto& warning : history.warnings) {
        log_line(LogPriority::warning, warning);
    }
    HistoryRepair repaired = file.repair();
    for (const std::string* line : {&repaired.done, &repaired.error}) {
        if (!line->empty()) {
            log_line(*line);
        }
    }
    return std::move(history.records);
}

}  // namespace

int run_kiosk(const Options& options) {
    const std::string state_dir = resolve_state_dir(options.state_dir);
    StartConfig start = load_start_config(options, state_dir);
    std::optional<SysSeconds> wall;
    if (options.clock_start) {
        wall = clock_start(*options.clock_start, start.zone);
        if (!wall) {
            return exit_bad_config;
        }
    }
    std::vector<HistoryRecord> records = load_history(state_dir);

    std::string error;
    std::optional<Display> display = Display::open(options, error);
    if (!display) {
        // One sentence and a failure status: systemd restarts us and the journal says why.
        log_line(LogPriority::error, error);
        return exit_failure;
    }
    quit_on_hangup();
    listen_for_status_requests();
    int status = exit_ok;
    {
        KioskLoop loop(options, std::move(start.config), start.zone, std::move(*display), wall,
                       std::move(records), start.banner);
        status = loop.run();
    }
    // Every SDL object is gone: shut SDL down whole (with D-Bus, see Display::open).
    SDL_Quit();
    return status;
}

}  // namespace sk
