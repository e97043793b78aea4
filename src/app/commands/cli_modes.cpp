#include "app/commands/cli_modes.hpp"

#include <ostream>
#include <string>
#include <variant>

#include "app/commands/build_info.hpp"
#include "app/commands/screen_program.hpp"
#include "app/fonts/font_coverage.hpp"
#include "app/fonts/font_fallback.hpp"
#include "app/system/config_source.hpp"
#include "core/config/yaml.hpp"
#include "core/files/file_io.hpp"
#include "core/history/history.hpp"
#include "core/history/sessions.hpp"
#include "core/history/stats.hpp"
#include "core/schedule/schedule.hpp"
#include "core/time/duration_text.hpp"

namespace sk {
namespace {

SysSeconds to_sys_seconds(std::chrono::system_clock::time_point now) {
    return std::chrono::floor<std::chrono::seconds>(now);
}

// Loads the config, printing every diagnostic; nullopt means "exit 2".
std::optional<Config> checked_config(const Options& options, std::ostream& err,
                                     std::string* origin = nullptr) {
    auto loaded = load_config_reporting(options.config_path, err, screen_picture_check());
    if (!loaded) {
        return std::nullopt;
    }
    if (origin) {
        *origin = loaded->origin;
    }
    return std::move(loaded->result.config);
}

void print_occurrences(const std::vector<Occurrence>& occurrences, const Zone& zone,
                       std::ostream& out) {
    for (const auto& occurrence : occurrences) {
        out << format_iso(occurrence.instant, zone) << '\t' << occurrence.entry_name << '\n';
    }
}

HistoryLoad load_history(const Options& options, std::ostream& err) {
    HistoryFile file(resolve_state_dir(options.state_dir) + "/history.log");
    HistoryLoad load = file.load();
    for (const auto& warning : load.warnings) {
        err << warning << '\n';
    }
    return load;
}

std::string_view state_word(EntryToday::State state) {
    switch (state) {
        case EntryToday::State::done:
            return "done";
        case EntryToday::State::partly:
            return "partly done";
        case EntryToday::State::stopped:
            return "stopped early";
        case EntryToday::State::unattended:
            return "unattended (ran by itself, not confirmed)";
        case EntryToday::State::missed:
            return "missed";
        case EntryToday::State::pending:
            break;
    }
    return "not yet";
}

}  // namespace

std::string version_text() {
    return std::string("stretch-kiosk ") + program_version + " (voice: " +
           std::string(voice_built_in.empty() ? "not built in, cues only" : voice_built_in) + ")";
}

int run_check(const Options& options, std::chrono::system_clock::time_point now, std::ostream& out,
              std::ostream& err) {
    std::string origin;
    auto config = checked_config(options, err, &origin);
    if (!config) {
        return exit_bad_config;
    }
    // Text no installed font has would show as empty boxes: said, but the config is good.
    if (const std::optional<std::string> text = read_file(origin)) {
        if (auto tree = read_yaml_tree(*text); std::holds_alternative<ConfigNode>(tree)) {
            FontFallback fonts{FontSearch{}};
            for (const std::string& warning :
                 missing_glyph_warnings(origin, std::get<ConfigNode>(tree),
                                        [&](char32_t point) { return fonts.covered(point); })) {
                err << warning << '\n';
            }
        }
    }
    Zone zone = schedule_zone(*config);
    out << "OK\n";
    out << origin << ": " << config->schedule.size()
        << (config->schedule.size() == 1 ? " session" : " sessions") << ", "
        << config->routines.size() << " routines, " << config->stretches.size()
        << " stretches, time zone " << zone.name() << '\n';
    out << "Next sessions:\n";
    print_occurrences(next_occurrences(*config, zone, to_sys_seconds(now), 4), zone, out);
    return exit_ok;
}

int run_next(const Options& options, std::chrono::system_clock::time_point now, std::ostream& out,
             std::ostream& err) {
    auto config = checked_config(options, err);
    if (!config) {
        return exit_bad_config;
    }
    Zone zone = schedule_zone(*config);
    SysSeconds from = to_sys_seconds(now);
    if (options.from) {
        auto wall = parse_local_iso(*options.from);
        if (!wall) {
            err << "--from '" << *options.from
                << "' is not a local time: write it like 2027-03-28T06:00 or 2027-03-28T06:00:30\n";
            return exit_bad_config;
        }
        from = zone.to_instant(*wall);
    }
    print_occurrences(
        next_occurrences(*config, zone, from, static_cast<std::size_t>(options.next_count)), zone,
        out);
    return exit_ok;
}

int run_history(const Options& options, std::ostream& out, std::ostream& err) {
    HistoryLoad load = load_history(options, err);
    // A session carried on after a stop, or confirmed after it ran by itself, is one start and
    // one end, as any other: the end it came to.
    for (const auto& record : standing_records(load.records)) {
        // The start is shown in the offset it was recorded with: the time the user saw then.
        out << format_record_start(record) << '\t' << (record.entry.empty() ? "-" : record.entry)
            << '\t' << record.routine << '\t' << to_string(record.outcome) << '\t'
            << record.active.count() << '\n';
    }
    return exit_ok;
}

int run_stats(const Options& options, std::chrono::system_clock::time_point now, std::ostream& out,
              std::ostream& err) {
    auto config = checked_config(options, err);
    if (!config) {
        return exit_bad_config;
    }
    Zone zone = schedule_zone(*config);
    HistoryLoad load = load_history(options, err);
    SysSeconds at = to_sys_seconds(now);
    Stats stats = compute_stats(*config, zone, load.records, at);

    out << "Today, " << format_date(date_of(zone.to_local(at))) << ":\n";
    if (stats.today.empty()) {
        out << "  nothing scheduled\n";
    }
    for (const auto& entry : stats.today) {
        out << "  " << format_time_of_day(entry.time) << "  " << entry.entry << ": "
            << state_word(entry.state) << '\n';
    }
    out << "Streak: " << stats.streak_days << (stats.streak_days == 1 ? " day" : " days")
        << " with every session done (or partly done)\n";
    out << "Weeks:\n";
    if (stats.weeks.empty()) {
        out << "  no sessions yet\n";
    }
    for (const auto& week : stats.weeks) {
        out << "  " << week.iso_week << "  " << week.completed
            << (week.completed == 1 ? " session" : " sessions") << ", "
            << format_duration_short(week.active) << '\n';
    }
    return exit_ok;
}

}  // namespace sk
