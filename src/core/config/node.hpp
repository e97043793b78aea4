// ConfigNode: one value of a parsed config document and where it was written, free of YAML types.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sk {

struct ConfigNode {
    // `empty` is a key written with no value (or `~`, `null`).
    enum class Kind : std::uint8_t { empty, text, list, map };

    Kind kind = Kind::empty;
    std::string text;               // for text
    int line = 0;                   // 1-based
    int column = 0;                 // 1-based
    std::vector<ConfigNode> items;  // a list's items, or a map's values
    std::vector<ConfigNode> keys;   // a map's keys: keys[i] names items[i], repeats kept
};

}  // namespace sk
