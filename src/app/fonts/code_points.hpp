// CodePoints: UTF-8 read and written one code point at a time, for the parts that look at text
// character by character (which font has it, where a line may break, which way it reads).
#pragma once

#include <string>
#include <string_view>

namespace sk {

// The next code point of `text`, consumed; U+FFFD for a broken sequence (which yaml-cpp does not
// let through: config text is valid UTF-8, but the screen's own lines are checked the same way).
char32_t take_code_point(std::string_view& text);

// `point` as UTF-8.
std::string utf8_of(char32_t point);

}  // namespace sk
