// ConfigYaml: YAML text to a tree of ConfigNodes, through yaml-cpp, within limits on size.
#pragma once

#include <string_view>
#include <variant>

#include "core/config/node.hpp"
#include "core/config/text.hpp"

namespace sk {

// An alias bomb of a few hundred bytes expands to hundreds of millions of values; a real config
// has a few hundred.
inline constexpr std::size_t max_config_values = 20'000;

// The single document in `text` (aliases expanded), or what stops it being read: a syntax error,
// a second document, more than max_config_values values, or nesting deeper than
// max_config_nesting. Text with no document at all gives an empty node.
std::variant<ConfigNode, TextProblem> read_yaml_tree(std::string_view text);

}  // namespace sk
