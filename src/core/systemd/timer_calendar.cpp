// Naming and timing of the timer units: slugs of entry names and OnCalendar= expressions.
#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/systemd/timer_units.hpp"

namespace sk {
namespace {

constexpr std::size_t max_slug_length = 48;

// Latin-1 letters U+00C0..U+00FF spelled in ASCII ("" for the two that are not letters).
constexpr std::array<std::string_view, 64> latin1_spelling = {
    "a", "a", "a", "a", "ae", "a", "ae", "c", "e", "e", "e", "e", "i",  "i", "i",  "i",   // C0
    "d", "n", "o", "o", "o",  "o", "oe", "",  "o", "u", "u", "u", "ue", "y", "th", "ss",  // D0
    "a", "a", "a", "a", "ae", "a", "ae", "c", "e", "e", "e", "e", "i",  "i", "i",  "i",   // E0
    "d", "n", "o", "o", "o",  "o", "oe", "",  "o", "u", "u", "u", "ue", "y", "th", "y",   // F0
};

constexpr std::array<std::string_view, 7> weekday_names = {"Mon", "Tue", "Wed", "Thu",
                                                           "Fri", "Sat", "Sun"};

std::string two_digits(long value) {
    return std::string(1, static_cast<char>('0' + value / 10)) +
           static_cast<char>('0' + value % 10);
}

std::string weekday_list(Weekdays days) {
    std::string list;
    for (int first = 0; first < 7;) {
        if (!days.contains(static_cast<Weekday>(first))) {
            ++first;
            continue;
        }
        int last = first;
        while (last + 1 < 7 && days.contains(static_cast<Weekday>(last + 1))) {
            ++last;
        }
        if (!list.empty()) {
            list += ',';
        }
        list += weekday_names[static_cast<std::size_t>(first)];
        if (last - first >= 2) {
            list += "..";
            list += weekday_names[static_cast<std::size_t>(last)];
        } else if (last == first + 1) {
            list += ',';
            list += weekday_names[static_cast<std::size_t>(last)];
        }
        first = last + 1;
    }
    return list;
}

}  // namespace

std::string unit_slug(std::string_view name) {
    std::string slug;
    bool pending_dash = false;
    auto append = [&](std::string_view letters) {
        if (pending_dash && !slug.empty()) {
            slug += '-';
        }
        pending_dash = false;
        slug += letters;
    };
    for (std::size_t i = 0; i < name.size(); ++i) {
        auto byte = static_cast<unsigned char>(name[i]);
        if (byte >= 'A' && byte <= 'Z') {
            append(std::string(1, static_cast<char>(byte - 'A' + 'a')));
        } else if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9')) {
            append(std::string(1, static_cast<char>(byte)));
        } else if ((byte == 0xc3) && i + 1 < name.size() &&
                   (static_cast<unsigned char>(name[i + 1]) & 0xc0) == 0x80) {
            // U+00C0..U+00FF is 0xC3 followed by 0x80..0xBF.
            auto index = static_cast<unsigned char>(name[i + 1]) & 0x3f;
            ++i;
            if (auto spelling = latin1_spelling[index]; !spelling.empty()) {
                append(spelling);
            } else {
                pending_dash = true;
            }
        } else {
            pending_dash = true;
        }
    }
    if (slug.size() > max_slug_length) {
        slug.resize(max_slug_length);
        while (!slug.empty() && slug.back() == '-') {
            slug.pop_back();
        }
    }
    return slug;
}

std::vector<std::string> entry_slugs(const Config& config) {
    std::vector<std::string> slugs;
    std::set<std::string> used;
    for (std::size_t i = 0; i < config.schedule.size(); ++i) {
        std::string base = unit_slug(config.schedule[i].name);
        if (base.empty()) {
            base = "entry-" + std::to_string(i + 1);
        }
        std::string slug = base;
        for (int repeat = 2; used.count(slug) > 0; ++repeat) {
            slug = base + "-" + std::to_string(repeat);
        }
        used.insert(slug);
        slugs.push_back(slug);
    }
    return slugs;
}

std::string on_calendar(const ScheduleEntry& entry, std::string_view timezone) {
    constexpr std::uint8_t every_day = 0x7f;
    std::string calendar = entry.days.bits == every_day || entry.days.empty()
                               ? std::string()
                               : weekday_list(entry.days) + " ";
    auto minutes = entry.time.since_midnight.count();
    calendar += "*-*-* " + two_digits(minutes / 60) + ":" + two_digits(minutes % 60) + ":00";
    if (!timezone.empty()) {
        // Appended piecewise: `" " + std::string(...)` trips GCC 12's -Wrestrict at -O3.
        calendar += ' ';
        calendar += timezone;
    }
    return calendar;
}

UnitScope unit_scope_for(std::string_view unit_dir) {
    std::string dir(unit_dir);
    while (dir.size() > 1 && dir.back() == '/') {
        dir.pop_back();
    }
    dir += '/';
    return dir.find("/systemd/user/") != std::string::npos ? UnitScope::user : UnitScope::system;
}

}  // namespace sk
