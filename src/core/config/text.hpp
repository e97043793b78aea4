// ConfigText: checks on the raw text of a config, made before any YAML parser sees it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/diagnostic.hpp"

namespace sk {

// Deeper than this is refused (a config needs about six levels); the YAML parser recurses per
// level.
inline constexpr int max_config_nesting = 32;

// A problem with the text itself; line and column are 1-based, or 0 for the whole file.
struct TextProblem {
    int line = 0;
    int column = 0;
    std::string message;
};

// The first of: too big, binary, not UTF-8, nested too deeply, a quote never closed.
std::optional<TextProblem> check_config_text(std::string_view text);

// Whether `text` holds control characters other than tab, newline and carriage return, as a
// binary file does.
bool is_binary(std::string_view text);

// Valid UTF-8 with no control characters but tab and newline: what a value may hold.
bool is_plain_text(std::string_view text);

// "is too big (70000 bytes; a config can be at most 65536)"
std::string too_big_message(std::uint64_t bytes);

// `text` without a leading UTF-8 byte order mark (yaml-cpp skips it and does not count it).
std::string_view without_byte_order_mark(std::string_view text);

// Rewrites the diagnostics' byte columns as character columns: editors count characters, yaml-cpp
// counts bytes, and names may be Japanese. `diagnostics` must be in file order.
void count_columns_in_characters(std::string_view text, Diagnostics& diagnostics);

}  // namespace sk
