// duration_text: the config's notation for durations and times of day, read and written.
#include "core/time/duration_text.hpp"

#include <charconv>
#include <cstdint>
#include <limits>

#include "core/words/words.hpp"

namespace sk {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Only plain decimal digits: from_chars alone would also take a sign.
std::optional<std::int64_t> parse_digits(std::string_view text) {
    if (text.empty() || text.size() > 12) {
        return std::nullopt;
    }
    for (char c : text) {
        if (!is_digit(c)) {
            return std::nullopt;
        }
    }
    std::int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

std::string two_digits(long value) {
    return std::string{static_cast<char>('0' + value / 10), static_cast<char>('0' + value % 10)};
}

}  // namespace

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
    std::int64_t unit = 1;
    if (!text.empty() && !is_digit(text.back())) {
        switch (text.back()) {
            case 's':
                unit = 1;
                break;
            case 'm':
                unit = 60;
                break;
            case 'h':
                unit = 3600;
                break;
            default:
                return std::nullopt;
        }
        text.remove_suffix(1);
    }
    const auto count = parse_digits(text);
    // Twelve digits of hours still fit in 64 bits; a seconds count must also fit the rep.
    if (!count || *count > std::numeric_limits<std::chrono::seconds::rep>::max() / unit) {
        return std::nullopt;
    }
    return std::chrono::seconds{*count * unit};
}

std::optional<TimeOfDay> parse_time_of_day(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon < 1 || colon > 2 || text.size() != colon + 3) {
        return std::nullopt;
    }
    const auto hours = parse_digits(text.substr(0, colon));
    const auto minutes = parse_digits(text.substr(colon + 1));
    if (!hours || !minutes || *hours > 23 || *minutes > 59) {
        return std::nullopt;
    }
    return TimeOfDay{Minutes{*hours * 60 + *minutes}};
}

std::string format_time_of_day(TimeOfDay time) {
    constexpr long minutes_per_day = 24 * 60;
    // Normalised so that even an unvalidated value prints as a clock reading.
    const long minutes =
        ((static_cast<long>(time.since_midnight.count()) % minutes_per_day) + minutes_per_day) %
        minutes_per_day;
    return two_digits(minutes / 60) + ":" + two_digits(minutes % 60);
}

std::string clock_reading(TimeOfDay time) {
    constexpr long minutes_per_day = 24 * 60;
    const long minutes =
        ((static_cast<long>(time.since_midnight.count()) % minutes_per_day) + minutes_per_day) %
        minutes_per_day;
    // TRANSLATORS: how a clock reads in your language: {hh} is the hour of 24 with two digits
    // ("07"), {h} the same without the leading zero ("7"), {mm} the minutes ("05").
    return fill(tr_c("clock format", "{hh}:{mm}"), {{"hh", two_digits(minutes / 60)},
                                                    {"h", std::to_string(minutes / 60)},
                                                    {"mm", two_digits(minutes % 60)}});
}

std::string format_duration_short(std::chrono::seconds duration) {
    const auto seconds = duration.count() < 0 ? 0 : duration.count();
    if (seconds < 60) {
        return fill(tr("{count} s"), {{"count", std::to_string(seconds)}});
    }
    const auto minutes = (seconds + 30) / 60;
    if (minutes < 60) {
        return fill(tr("{count} min"), {{"count", std::to_string(minutes)}});
    }
    const auto hours = minutes / 60;
    const auto rest = minutes % 60;
    if (rest == 0) {
        return fill(tr("{count} h"), {{"count", std::to_string(hours)}});
    }
    return fill(tr("{hours} h {minutes} min"),
                {{"hours", std::to_string(hours)}, {"minutes", std::to_string(rest)}});
}

}  // namespace sk
