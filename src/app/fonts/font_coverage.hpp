// FontCoverage: the characters of a config that no installed font has, with their places, so that
// --check warns of text that would show as empty boxes.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/config/node.hpp"

namespace sk {

// One sentence per text value of `document` holding characters `covered` says no font has:
// "PATH:LINE:COL: warning: no installed font has ...". Spaces, controls and invisible format
// characters are not drawn and are never named.
std::vector<std::string> missing_glyph_warnings(const std::string& path, const ConfigNode& document,
                                                const std::function<bool(char32_t)>& covered);

}  // namespace sk
