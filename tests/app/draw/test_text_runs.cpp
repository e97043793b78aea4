// Tests of splitting a line into runs of one font and one direction, and placing them.
#include "app/draw/text_runs.hpp"

#include <ostream>
#include <string>
#include <vector>

#include "catch.hpp"

namespace sk {
std::ostream& operator<<(std::ostream& out, const TextRun& run) {
    return out << '{' << '"' << run.text << "\" font " << run.font << ' '
               << (run.direction == TextDirection::right_to_left ? "rtl" : "ltr") << ' '
               << (run.script.empty() ? std::string_view("-") : run.script) << '}';
}
}  // namespace sk

namespace {

using sk::TextDirection;
using sk::TextRun;

bool is_cjk(char32_t point) {
    return point >= 0x3000 && point <= 0x9FFF;
}

// Font 0 stands in for DejaVu Sans (Latin, Hebrew, Arabic, no CJK), font 1 for a CJK font
// (CJK, and ASCII too); no font has the emoji.
bool has(int font, char32_t point) {
    if (point == U'😀') {
        return false;
    }
    if (font == 0) {
        return !is_cjk(point);
    }
    return is_cjk(point) || point < 0x80;
}

int font_for(char32_t point) {
    if (has(0, point)) {
        return 0;
    }
    return has(1, point) ? 1 : sk::no_font;
}

std::vector<TextRun> runs(std::string_view line) {
    return sk::split_runs(line, font_for, has);
}

constexpr TextDirection ltr = TextDirection::left_to_right;
constexpr TextDirection rtl = TextDirection::right_to_left;

}  // namespace

TEST_CASE("a line splits where its font or its direction changes, and nowhere else") {
    struct Case {
        std::string line;
        std::vector<TextRun> runs;
    };
    const std::vector<Case> cases = {
        {"Hold, left leg", {{"Hold, left leg", 0, ltr, {}}}},
        {"Dehnung im Stehen: 30 s", {{"Dehnung im Stehen: 30 s", 0, ltr, {}}}},
        // A space after CJK stays with it: the CJK font has it.
        {"立位 stretch", {{"立位 ", 1, ltr, {}}, {"stretch", 0, ltr, {}}}},
        {"Hold 立位", {{"Hold ", 0, ltr, {}}, {"立位", 1, ltr, {}}}},
        {"腕の力を抜いて、無理に。", {{"腕の力を抜いて、無理に。", 1, ltr, {}}}},
        // Arabic is shaped as Arabic, right to left, with the spaces around it.
        // Numbers read left to right inside it.
        {"تمرين 2", {{"تمرين ", 0, rtl, "Arab"}, {"2", 0, ltr, {}}}},
        {"30 ثانية", {{"30 ", 0, ltr, {}}, {"ثانية", 0, rtl, "Arab"}}},
        {"שלום مرحبا", {{"שלום ", 0, rtl, "Hebr"}, {"مرحبا", 0, rtl, "Arab"}}},
        {"Stretch تمرين", {{"Stretch ", 0, ltr, {}}, {"تمرين", 0, rtl, "Arab"}}},
        // What no font has stays in the run around it (drawn as the chosen font's box).
        {"a😀b", {{"a😀b", 0, ltr, {}}}},
        {"", {}},
    };
    for (const Case& test : cases) {
        CAPTURE(test.line);
        CHECK(runs(test.line) == test.runs);
    }
}

TEST_CASE("the runs of a line cover it whole, in order") {
    for (const std::string line :
         {"立位 stretch ثانية 30 s", "  ", "「ハム」 Stretch!", "\xff\xfe broken"}) {
        std::string joined;
        for (const TextRun& run : runs(line)) {
            joined += run.text;
        }
        CHECK(joined == line);
    }
}

TEST_CASE("a line's direction is that of its first letter") {
    CHECK(sk::line_direction("Hold") == ltr);
    CHECK(sk::line_direction("30 ثانية") == rtl);
    CHECK(sk::line_direction("“שלום”") == rtl);
    CHECK(sk::line_direction("123 !") == ltr);
    CHECK(sk::line_direction("") == ltr);
}

TEST_CASE("runs are placed left to right as the line reads") {
    const TextRun r1{"a", 0, rtl, "Arab"};
    const TextRun l2{"b", 0, ltr, {}};
    const TextRun l2b{"c", 1, ltr, {}};
    const TextRun r3{"d", 0, rtl, "Arab"};
    const TextRun r3b{"e", 0, rtl, "Hebr"};
    // A right-to-left line: its first run rightmost; a left-to-right group keeps its order.
    CHECK(sk::visual_order({r1, l2, l2b, r3}, rtl) == std::vector<TextRun>{r3, l2, l2b, r1});
    // A left-to-right line: a right-to-left group inside it reads backwards.
    CHECK(sk::visual_order({l2, r3, r3b, l2b}, ltr) == std::vector<TextRun>{l2, r3b, r3, l2b});
    CHECK(sk::visual_order({l2, l2b}, ltr) == std::vector<TextRun>{l2, l2b});
}
