// Tests of --check's warning about characters no installed font has: each text value once, at
// its place, naming the characters and what to install; nothing said when every font is there.
#include "app/fonts/font_coverage.hpp"

#include <string>
#include <variant>
#include <vector>

#include "catch.hpp"
#include "core/config/yaml.hpp"

namespace {

// Installed fonts stand in as: everything but CJK, Devanagari and emoji.
bool covered(char32_t point) {
    const bool cjk = point >= 0x3000 && point <= 0x9FFF;
    const bool devanagari = point >= 0x0900 && point <= 0x097F;
    const bool emoji = point >= 0x1F300 && point <= 0x1FAFF;
    return !cjk && !devanagari && !emoji;
}

std::vector<std::string> warnings(const std::string& yaml) {
    auto tree = sk::read_yaml_tree(yaml);
    REQUIRE(std::holds_alternative<sk::ConfigNode>(tree));
    return sk::missing_glyph_warnings("c.yaml", std::get<sk::ConfigNode>(tree), covered);
}

}  // namespace

TEST_CASE("each text value with characters no font has is named at its place") {
    struct Case {
        std::string yaml;
        std::vector<std::string> warnings;
    };
    const std::vector<Case> cases = {
        {"stretches:\n  a:\n    title: Dehnung im Stehen – Oberschenkel\n", {}},
        {"stretches:\n  a:\n    title: تمرين الكرسي\n    cue: Ça va, ﻿ok\n", {}},
        {"stretches:\n  a:\n    title: 立位ストレッチ\n",
         {"c.yaml:3:12: warning: no installed font has 立位ストレ (U+7ACB U+4F4D U+30B9 U+30C8 "
          "U+30EC and 2 more): they would show as empty boxes; install a font that has them "
          "(fonts-noto-cjk)"}},
        {"stretches:\n  a:\n    steps: [Stand tall, \"नमस्ते\"]\n",
         {"c.yaml:3:25: warning: no installed font has नमस्त (U+0928 U+092E U+0938 U+094D U+0924 "
          "and 1 more): they would show as empty boxes; install a font that has them "
          "(fonts-noto-core, for most scripts)"}},
        {"stretches:\n  a:\n    title: Yoga 🧘\n    cue: \"🧘 🧘\"\n",
         {"c.yaml:3:12: warning: no installed font has 🧘 (U+1F9D8): it would show as an empty "
          "box; install a font that has it (fonts-noto-color-emoji)",
          "c.yaml:4:10: warning: no installed font has 🧘 (U+1F9D8): it would show as an empty "
          "box; install a font that has it (fonts-noto-color-emoji)"}},
        // Keys are not drawn; a list inside a map inside a list is looked into.
        {"立位: x\nschedule:\n  - {name: [\"朝\"]}\n",
         {"c.yaml:3:13: warning: no installed font has 朝 (U+671D): it would show as an empty "
          "box; install a font that has it (fonts-noto-cjk)"}},
        {"", {}},
    };
    for (const Case& test : cases) {
        CAPTURE(test.yaml);
        CHECK(warnings(test.yaml) == test.warnings);
    }
}

TEST_CASE("printable ASCII, spaces and invisible characters are never asked about") {
    int asked = 0;
    auto tree = sk::read_yaml_tree("title: \"Hold\\u200D still\\uFE0F \\t now\"\n");
    REQUIRE(std::holds_alternative<sk::ConfigNode>(tree));
    const auto said =
        sk::missing_glyph_warnings("c.yaml", std::get<sk::ConfigNode>(tree), [&](char32_t) {
            ++asked;
            return false;
        });
    CHECK(said.empty());
    CHECK(asked == 0);
}
