#include "app/draw/text_runs.hpp"

#include <algorithm>
#include <optional>

namespace sk {
namespace {

// The scripts whose shaping and direction the line must say: the shaper is told the script of
// each run (SDL_ttf leaves it unknown otherwise, and Arabic letters would not join).
std::string_view script_of(char32_t point) {
    if ((point >= 0x0590 && point <= 0x05FF) || (point >= 0xFB1D && point <= 0xFB4F)) {
        return "Hebr";
    }
    if ((point >= 0x0600 && point <= 0x06FF) || (point >= 0x0750 && point <= 0x077F) ||
        (point >= 0x08A0 && point <= 0x08FF) || (point >= 0xFB50 && point <= 0xFDFF) ||
        (point >= 0xFE70 && point <= 0xFEFF)) {
        return "Arab";
    }
    return {};
}

// Digits read left to right even inside right-to-left text (the bidirectional algorithm's
// numbers), but do not set the direction of a line.
bool is_digit(char32_t point) {
    return (point >= '0' && point <= '9') || (point >= 0x0660 && point <= 0x0669) ||
           (point >= 0x06F0 && point <= 0x06F9);
}

// Characters of no script: they take the font and direction of the text around them.
bool is_neutral(char32_t point) {
    if (is_digit(point)) {
        return false;
    }
    if (point < 0x80) {
        return !((point >= 'A' && point <= 'Z') || (point >= 'a' && point <= 'z'));
    }
    return (point >= 0x00A0 && point <= 0x00BF) ||  // no-break space, Latin-1 punctuation
           point == 0x00D7 || point == 0x00F7 ||    // multiplication and division signs
           (point >= 0x0300 && point <= 0x036F) ||  // combining marks
           (point >= 0x064B && point <= 0x065F) ||  // Arabic vowel marks
           point == 0x0670 || (point >= 0x06D6 && point <= 0x06ED) ||
           (point >= 0x2000 && point <= 0x206F) ||  // general punctuation, joiners, marks
           (point >= 0xFE00 && point <= 0xFE0F);    // variation selectors
}

std::optional<TextDirection> direction_of(char32_t point) {
    if (is_neutral(point)) {
        return std::nullopt;
    }
    return script_of(point).empty() ? TextDirection::left_to_right : TextDirection::right_to_left;
}

}  // namespace

std::vector<TextRun> split_runs(std::string_view line, const FontForPoint& font_for,
                                const FontHasPoint& has) {
    std::vector<TextRun> runs;
    // The run being grown, and whether a letter has fixed its direction yet.
    bool decided = false;
    std::string_view rest = line;
    auto extend_to = [&](const char* end) {
        TextRun& run = runs.back();
        run.text =
            std::string_view(run.text.data(), static_cast<std::size_t>(end - run.text.data()));
    };
    while (!rest.empty()) {
        const char* start = rest.data();
        const char32_t point = take_code_point(rest);
        const char* end = rest.data();
        const std::optional<TextDirection> direction = direction_of(point);
        const int found = font_for(point);
        const int font = found == no_font ? 0 : found;
        if (!runs.empty()) {
            TextRun& run = runs.back();
            if (!direction) {
                // A space or a mark stays with its run when that run's font can draw it.
                if (run.font == font || has(run.font, point)) {
                    extend_to(end);
                    continue;
                }
            } else if (run.font == font && (!decided || (run.direction == *direction &&
                                                         (run.script == script_of(point) ||
                                                          script_of(point).empty())))) {
                if (!decided) {
                    run.direction = *direction;
                    run.script = script_of(point);
                    decided = true;
                }
                extend_to(end);
                continue;
            }
        }
        runs.push_back(TextRun{std::string_view(start, static_cast<std::size_t>(end - start)), font,
                               direction.value_or(TextDirection::left_to_right),
                               direction ? script_of(point) : std::string_view{}});
        decided = direction.has_value();
    }
    return runs;
}

TextDirection line_direction(std::string_view line) {
    while (!line.empty()) {
        const char32_t point = take_code_point(line);
        if (const std::optional<TextDirection> direction = direction_of(point);
            direction && !is_digit(point)) {
            return *direction;
        }
    }
    return TextDirection::left_to_right;
}

std::vector<TextRun> visual_order(std::vector<TextRun> runs, TextDirection line) {
    // Runs of one direction in a row form a group; a right-to-left group reads backwards, and a
    // right-to-left line places its groups backwards too.
    std::vector<std::vector<TextRun>> groups;
    for (TextRun& run : runs) {
        if (groups.empty() || groups.back().back().direction != run.direction) {
            groups.emplace_back();
        }
        groups.back().push_back(run);
    }
    if (line == TextDirection::right_to_left) {
        std::reverse(groups.begin(), groups.end());
    }
    std::vector<TextRun> placed;
    placed.reserve(runs.size());
    for (std::vector<TextRun>& group : groups) {
        if (group.front().direction == TextDirection::right_to_left) {
            std::reverse(group.begin(), group.end());
        }
        placed.insert(placed.end(), group.begin(), group.end());
    }
    return placed;
}

}  // namespace sk
