#include "core/systemd/timer_units.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace sk {
namespace {

constexpr std::string_view unit_prefix = "stretch-kiosk-";
constexpr std::string_view session_template = "stretch-kiosk-session@.service";
constexpr std::string_view timers_target = "stretch-kiosk-timers.target";
constexpr std::string_view timers_path = "stretch-kiosk-timers.path";
constexpr std::string_view timers_service = "stretch-kiosk-timers.service";

bool has_control_character(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte == 0x7f;
    });
}

// systemd expands %-specifiers in most values: a literal % is written %%.
std::string escape_specifiers(std::string_view text) {
    std::string escaped;
    for (char c : text) {
        escaped += c;
        if (c == '%') {
            escaped += '%';
        }
    }
    return escaped;
}

// A free text (an entry's name) made safe for Description=: one line, no specifiers.
std::string description_text(std::string_view text) {
    std::string line(text);
    std::replace_if(
        line.begin(), line.end(),
        [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }, ' ');
    return escape_specifiers(line);
}

// One word of an Exec*= line or of a space-separated path list: quoted when it has to be, with
// specifiers and variables ($) escaped.
std::string quote_word(std::string_view word) {
    bool plain = !word.empty() && std::none_of(word.begin(), word.end(), [](char c) {
        return c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '\\' || c == ';';
    });
    std::string quoted = plain ? "" : "\"";
    for (char c : word) {
        if (c == '%') {
            quoted += "%%";
        } else if (c == '$') {
            quoted += "$$";
        } else if (!plain && (c == '"' || c == '\\')) {
            quoted += '\\';
            quoted += c;
        } else {
            quoted += c;
        }
    }
    return plain ? quoted : quoted + "\"";
}

std::string header(const TimerUnitPaths& paths) {
    return std::string(generated_unit_marker) + " from " + paths.config +
           ".\n# Edit the config instead: stretch-kiosk rewrites this file from it.\n";
}

std::string timer_unit(const ScheduleEntry& entry, const std::string& slug,
                       std::string_view timezone, const TimerUnitPaths& paths) {
    std::string text = header(paths);
    text += "[Unit]\nDescription=stretch-kiosk: " + description_text(entry.name) + "\n";
    text += "PartOf=" + std::string(timers_target) + "\n\n";
    text += "[Timer]\nOnCalendar=" + on_calendar(entry, timezone) + "\n";
    text += "AccuracySec=1s\n";
    text += "Unit=stretch-kiosk-session@" + slug + ".service\n";
    return text;
}

// The same sandbox as systemd/stretch-kiosk.service.in: see the reasons there.
constexpr std::string_view console_session_service = R"([Service]
Type=notify
NotifyAccess=main
WatchdogSec=30
Environment=SDL_VIDEODRIVER=kmsdrm SDL_AUDIODRIVER=alsa
Environment=XDG_CACHE_HOME=/var/cache/stretch-kiosk
DynamicUser=yes
SupplementaryGroups=video render input audio
StateDirectory=stretch-kiosk
CacheDirectory=stretch-kiosk
ConfigurationDirectory=stretch-kiosk
TTYPath=/dev/tty1
TTYReset=yes
TTYVHangup=yes
TTYVTDisallocate=yes
StandardInput=tty-fail
StandardOutput=journal
StandardError=journal
ProtectSystem=strict
ProtectHome=yes
PrivateTmp=yes
PrivateMounts=yes
DevicePolicy=closed
DeviceAllow=/dev/tty1 rw
DeviceAllow=char-drm rw
DeviceAllow=char-input r
DeviceAllow=char-alsa rw
DeviceAllow=char-cec rw
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectControlGroups=yes
ProtectClock=yes
ProtectHostname=yes
ProtectProc=invisible
RestrictAddressFamilies=AF_UNIX AF_NETLINK
IPAddressDeny=any
RestrictNamespaces=yes
RestrictRealtime=yes
RestrictSUIDSGID=yes
LockPersonality=yes
NoNewPrivileges=yes
CapabilityBoundingSet=
SystemCallArchitectures=native
SystemCallFilter=@system-service
SystemCallErrorNumber=EPERM
KeyringMode=private
UMask=0077
)";

std::string session_unit(const TimerUnitPaths& paths, UnitScope scope) {
    std::string text = header(paths);
    text += "[Unit]\nDescription=stretch-kiosk: one stretching session (%i)\n";
    if (scope == UnitScope::system) {
        // The session takes over the console, as the always-on kiosk does (see there for
        // Plymouth); the two never hold it at once: starting either stops the other.
        text +=
            "After=systemd-user-sessions.service time-set.target getty@tty1.service "
            "plymouth-quit-wait.service\n";
        text += "Conflicts=getty@tty1.service stretch-kiosk.service\n\n";
        text += console_session_service;
    } else {
        // Only while the user is logged in to a desktop: the window needs it.
        text += "Requisite=graphical-session.target\nAfter=graphical-session.target\n";
        text += "PartOf=graphical-session.target\n\n";
        text += "[Service]\nType=notify\nNotifyAccess=main\nWatchdogSec=30\n";
    }
    text += "ExecStart=" + quote_word(paths.program) + " --session-once --config " +
            quote_word(paths.config) + "\n";
    return text;
}

std::string target_unit(const std::vector<std::string>& timer_names, const TimerUnitPaths& paths) {
    std::string text = header(paths);
    text += "[Unit]\nDescription=stretch-kiosk: the session timers\n";
    if (!timer_names.empty()) {
        text += "Wants=";
        for (std::size_t i = 0; i < timer_names.size(); ++i) {
            text += (i == 0 ? "" : " ") + timer_names[i];
        }
        text += "\n";
    }
    text += "\n[Install]\nWantedBy=timers.target\n";
    return text;
}

std::string path_unit(const TimerUnitPaths& paths) {
    std::string text = header(paths);
    text +=
        "[Unit]\nDescription=stretch-kiosk: rewrite the session timers when the config "
        "changes\n\n";
    text += "[Path]\nPathChanged=" + escape_specifiers(paths.config) + "\n";
    text += "Unit=" + std::string(timers_service) + "\n\n";
    text += "[Install]\nWantedBy=paths.target\n";
    return text;
}

std::string refresh_unit(const TimerUnitPaths& paths, UnitScope scope) {
    std::string systemctl = scope == UnitScope::system ? "systemctl" : "systemctl --user";
    std::string text = header(paths);
    text += "[Unit]\nDescription=stretch-kiosk: rewrite the session timers from the config\n\n";
    text += "[Service]\nType=oneshot\n";
    // A broken config fails here, before anything is touched: the old timers keep running.
    text += "ExecStart=" + quote_word(paths.program) + " --install-timers " +
            quote_word(paths.unit_dir) + " --config " + quote_word(paths.config) + "\n";
    text += "ExecStartPost=" + systemctl + " daemon-reload\n";
    // After the reload a removed timer has lost its PartOf=, so stop every timer by name first;
    // restarting the target then starts exactly the timers it now wants.
    text += "ExecStartPost=" + systemctl + " stop stretch-kiosk-*.timer\n";
    text += "ExecStartPost=" + systemctl + " restart " + std::string(timers_target) + "\n";
    if (scope == UnitScope::system) {
        text += "ProtectSystem=strict\nReadWritePaths=" + quote_word(paths.unit_dir) + "\n";
        text += "ProtectHome=read-only\nPrivateTmp=yes\nNoNewPrivileges=yes\n";
        text += "RestrictAddressFamilies=AF_UNIX\n";
    }
    return text;
}

std::string check_path(std::string_view what, const std::string& path) {
    if (path.empty() || path.front() != '/') {
        return std::string(what) + " '" + path + "' is not an absolute path";
    }
    if (has_control_character(path)) {
        return std::string(what) + " has a line break or a control character in its name";
    }
    return {};
}

}  // namespace

TimerUnitsResult make_timer_units(const Config& config, const TimerUnitPaths& paths,
                                  UnitScope scope) {
    for (auto [what, path] :
         {std::pair{"the program", &paths.program}, std::pair{"the config file", &paths.config},
          std::pair{"the unit directory", &paths.unit_dir}}) {
        if (std::string error = check_path(what, *path); !error.empty()) {
            return {{}, error};
        }
    }
    TimerUnitsResult result;
    std::vector<std::string> slugs = entry_slugs(config);
    std::vector<std::string> timer_names;
    for (std::size_t i = 0; i < config.schedule.size(); ++i) {
        std::string name = std::string(unit_prefix) + slugs[i] + ".timer";
        result.units.push_back(
            {name, timer_unit(config.schedule[i], slugs[i], config.timezone, paths)});
        timer_names.push_back(name);
    }
    result.units.push_back({std::string(session_template), session_unit(paths, scope)});
    result.units.push_back({std::string(timers_target), target_unit(timer_names, paths)});
    result.units.push_back({std::string(timers_path), path_unit(paths)});
    result.units.push_back({std::string(timers_service), refresh_unit(paths, scope)});
    return result;
}

}  // namespace sk
