// DurationText: the config's way of writing durations ("30s", "2m", "90") and times ("07:00").
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/config.hpp"

namespace sk {

// "30s", "2m", "1h" or a bare "90" (seconds). nullopt for anything else, including negative
// numbers, fractions, empty text and overflow.
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

// "07:00" or "7:00" (24-hour, minutes required). nullopt for "25:00", "7am", "07:60", "7".
std::optional<TimeOfDay> parse_time_of_day(std::string_view text);

// "07:00"
std::string format_time_of_day(TimeOfDay time);

// For people: "45 s", "2 min", "8 min" (rounded to the nearest minute from 60 s on).
std::string format_duration_short(std::chrono::seconds duration);

}  // namespace sk
