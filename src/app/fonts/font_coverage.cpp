#include "app/fonts/font_coverage.hpp"

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "app/fonts/code_points.hpp"

namespace sk {
namespace {

// Characters that are not drawn as glyphs: spaces, controls, joiners, marks of direction,
// variation selectors and tags. Fonts need not list them.
bool invisible(char32_t point) {
    return point <= 0x20 || (point >= 0x7F && point <= 0xA0) ||
           (point >= 0x200B && point <= 0x200F) || (point >= 0x2028 && point <= 0x202F) ||
           (point >= 0x2060 && point <= 0x206F) || (point >= 0xFE00 && point <= 0xFE0F) ||
           point == 0xFEFF || (point >= 0xE0000 && point <= 0xE01EF);
}

bool is_emoji(char32_t point) {
    return (point >= 0x1F300 && point <= 0x1FAFF) || (point >= 0x2600 && point <= 0x27BF);
}

bool is_cjk(char32_t point) {
    return (point >= 0x2E80 && point <= 0x9FFF) || (point >= 0xAC00 && point <= 0xD7AF) ||
           (point >= 0xF900 && point <= 0xFAFF) || (point >= 0xFF00 && point <= 0xFFEF) ||
           (point >= 0x20000 && point <= 0x3FFFF);
}

std::string code_name(char32_t point) {
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(point));
    return name;
}

void look_at(const std::string& path, const ConfigNode& node,
             const std::function<bool(char32_t)>& covered, std::vector<std::string>& warnings) {
    if (node.kind == ConfigNode::Kind::list || node.kind == ConfigNode::Kind::map) {
        for (const ConfigNode& item : node.items) {
            look_at(path, item, covered, warnings);
        }
        return;
    }
    if (node.kind != ConfigNode::Kind::text) {
        return;
    }
    // Each character once, in the order written; a few are named, the rest counted.
    constexpr std::size_t most_named = 5;
    std::vector<char32_t> missing;
    std::string_view rest = node.text;
    while (!rest.empty()) {
        const char32_t point = take_code_point(rest);
        // Printable ASCII is in every font the kiosk can run with (it depends on
        // fonts-dejavu-core): asking fontconfig about it would only slow --check down.
        if (point < 0x7F || invisible(point) ||
            std::find(missing.begin(), missing.end(), point) != missing.end()) {
            continue;
        }
        if (!covered(point)) {
            missing.push_back(point);
        }
    }
    if (missing.empty()) {
        return;
    }
    std::string characters;
    std::string codes;
    for (std::size_t index = 0; index < std::min(missing.size(), most_named); ++index) {
        characters += utf8_of(missing[index]);
        codes += (index == 0 ? "" : " ") + code_name(missing[index]);
    }
    if (missing.size() > most_named) {
        codes += " and " + std::to_string(missing.size() - most_named) + " more";
    }
    const bool one = missing.size() == 1;
    const char* package = "fonts-noto-core, for most scripts";
    if (std::any_of(missing.begin(), missing.end(), is_cjk)) {
        package = "fonts-noto-cjk";
    } else if (std::all_of(missing.begin(), missing.end(), is_emoji)) {
        package = "fonts-noto-color-emoji";
    }
    warnings.push_back(path + ":" + std::to_string(node.line) + ":" + std::to_string(node.column) +
                       ": warning: no installed font has " + characters + " (" + codes + "): " +
                       (one ? "it would show as an empty box" : "they would show as empty boxes") +
                       "; install a font that has " + (one ? "it" : "them") + " (" + package + ")");
}

}  // namespace

std::vector<std::string> missing_glyph_warnings(const std::string& path, const ConfigNode& document,
                                                const std::function<bool(char32_t)>& covered) {
    std::vector<std::string> warnings;
    look_at(path, document, covered, warnings);
    return warnings;
}

}  // namespace sk
