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

// "07:00", as the config writes it (the log and the printing modes use it too).
std::string format_time_of_day(TimeOfDay time);

// The time of day as the screens show it, in the clock format of the language in force: "07:00"
// in English, "7:00" in Spanish.
std::string clock_reading(TimeOfDay time);

// For people, in the language in force: "45 s", "2 min", "1 h 5 min" (rounded to the nearest
// minute from 60 s on).
std::string format_duration_short(std::chrono::seconds duration);

}  // namespace sk
