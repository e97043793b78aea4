#include "app/draw/layout.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/draw/text_estimate.hpp"

namespace sk {

std::string_view part_name(Part part) {
    switch (part) {
        case Part::banner:
            return "banner";
        case Part::heading:
            return "heading";
        case Part::side:
            return "side";
        case Part::side_marker:
            return "side_marker";
        case Part::big_number:
            return "big_number";
        case Part::progress:
            return "progress";
        case Part::body:
            return "body";
        case Part::status:
            return "status";
        case Part::caution:
            return "caution";
        case Part::hint:
            return "hint";
    }
    return "unknown";
}

namespace {

int to_int(double value) {
    return static_cast<int>(std::floor(value));
}

// How much of the height the countdown takes, by screen: largest on a hold.
struct HeroShare {
    double landscape;  // wished for, as a share of the height
    double minimum;    // kept while other parts shrink
    double portrait;   // wished for in portrait, where the width usually limits it first
};

HeroShare hero_share(ScreenKind kind) {
    switch (kind) {
        case ScreenKind::hold:
            return {0.48, 0.38, 0.40};
        case ScreenKind::switch_sides:
            return {0.44, 0.34, 0.38};
        case ScreenKind::rest:
            return {0.40, 0.30, 0.34};
        case ScreenKind::paused:
            return {0.36, 0.26, 0.30};
        case ScreenKind::get_ready:
            return {0.30, 0.20, 0.28};
        case ScreenKind::idle:
            // The clock stays up all day: big enough to read, not a lamp.
            return {0.26, 0.16, 0.22};
        default:
            return {0.28, 0.18, 0.24};
    }
}

// One horizontal band of the screen.
struct Row {
    Part part;
    double preferred = 0.0;  // pixels
    double minimum = 0.0;    // kept while the screen has room
    double floor = 0.0;      // a crowded screen's last resort, before everything shrinks
    bool hero = false;       // the countdown or the clock: shrinks last
    int height = 0;
};

Row text_row(Part part, int lines, double pixel_size) {
    const double preferred = lines * pixel_size * estimated_line_height;
    const double one_small_line = 0.6 * pixel_size * estimated_line_height;
    const double minimum = std::max(one_small_line, 0.45 * preferred);
    return {part, preferred, minimum, std::min(minimum, one_small_line)};
}

// Gives each row its height: preferred heights when they fit. Else rows give way in turn: text
// to its minimum, then the hero to its minimum, then text to one small line, and only then
// everything in proportion.
void share_height(std::vector<Row>& rows, int available) {
    std::vector<double> heights;
    double total = 0.0;
    for (const Row& row : rows) {
        heights.push_back(row.preferred);
        total += row.preferred;
    }
    struct Pass {
        bool hero;
        double Row::*down_to;
    };
    for (const Pass pass :
         {Pass{false, &Row::minimum}, Pass{true, &Row::minimum}, Pass{false, &Row::floor}}) {
        const double excess = total - available;
        if (excess <= 0.0) {
            break;
        }
        double slack = 0.0;
        for (std::size_t index = 0; index < rows.size(); ++index) {
            if (rows[index].hero == pass.hero) {
                slack += std::max(0.0, heights[index] - rows[index].*pass.down_to);
            }
        }
        if (slack <= 0.0) {
            continue;
        }
        const double taken = std::min(1.0, excess / slack);
        for (std::size_t index = 0; index < rows.size(); ++index) {
            if (rows[index].hero == pass.hero) {
                const double give =
                    taken * std::max(0.0, heights[index] - rows[index].*pass.down_to);
                heights[index] -= give;
                total -= give;
            }
        }
    }
    const double scale = total > available ? available / total : 1.0;
    for (std::size_t index = 0; index < rows.size(); ++index) {
        rows[index].height = std::max(0, to_int(heights[index] * scale));
    }
}

Box centred(const Box& within, int width, int height, int y) {
    width = std::min(width, within.width);
    return {within.x + (within.width - width) / 2, y, width, height};
}

}  // namespace

Layout layout_screen(const ScreenView& view, int width, int height) {
    Layout layout;
    layout.width = std::max(0, width);
    layout.height = std::max(0, height);
    layout.orientation = height > width ? Orientation::portrait : Orientation::landscape;
    if (width <= 0 || height <= 0) {
        return layout;
    }
    const bool portrait = layout.orientation == Orientation::portrait;
    const double unit = std::min(width, height);
    const int margin = std::max(2, static_cast<int>(std::lround(unit * 0.04)));
    const int gap = std::max(1, static_cast<int>(std::lround(unit * 0.022)));
    const Box content{margin, margin, std::max(0, width - 2 * margin),
                      std::max(0, height - 2 * margin)};
    const bool dark = view.kind == ScreenKind::dark;

    // Type sizes, from the short side so portrait and landscape read alike. The due and done
    // screens have no countdown or clock: their few lines take the room, to be read from afar.
    const bool roomy = (view.kind == ScreenKind::due || view.kind == ScreenKind::done) &&
                       !view.big_number.has_value();
    const double scale = roomy ? 1.6 : 1.0;
    const double banner_size = unit * 0.042;
    const double heading_size = unit * 0.075 * scale;
    const double side_size = unit * 0.085;
    const double subheading_size = unit * 0.05 * scale;
    const double body_size = unit * 0.052 * scale;
    const double list_size = unit * 0.045 * (roomy ? 1.25 : 1.0);
    const double hint_size = unit * 0.032;

    const bool has_side = view.side != Side::none && !dark;
    const bool has_number = view.big_number.has_value() && !dark;
    const bool clock_heading = view.kind == ScreenKind::idle && !has_number &&
                               !view.heading.empty() && code_points(view.heading) <= 8;
    const HeroShare share = hero_share(view.kind);

    // The hero (countdown or clock) and how wide its ink is for its height.
    double hero_aspect = 0.0;
    if (has_number) {
        const std::string digits = std::to_string(*view.big_number);
        // Never narrower than two digits, so the digits keep their size from 10 down to 1.
        hero_aspect = estimated_ink_aspect(digits.size() < 2 ? "00" : digits);
    } else if (clock_heading) {
        hero_aspect = estimated_ink_aspect(view.heading);
    }
    auto hero_row = [&](Part part) {
        double wished = (portrait ? share.portrait : share.landscape) * height;
        wished = std::min(wished, content.width / (hero_aspect * 1.03 * ink_share));
        const double minimum = std::min(wished, std::ceil(share.minimum * height));
        return Row{part, wished, minimum, 0.0, true};
    };

    std::vector<Row> rows;
    if (!view.banner.empty()) {
        const int lines = std::min(3, estimated_lines({view.banner}, banner_size, content.width));
        rows.push_back(text_row(Part::banner, lines, banner_size));
    }
    if (!dark && !view.heading.empty()) {
        if (clock_heading) {
            rows.push_back(hero_row(Part::heading));
        } else {
            const int lines =
                std::min(2, estimated_lines({view.heading}, heading_size * 1.1, content.width));
            rows.push_back(text_row(Part::heading, lines, heading_size));
        }
    }
    // The side sits beside the countdown when the screen is wide enough; else in its own row.
    const double number_width =
        has_number ? hero_aspect * 1.03 * ink_share * hero_row(Part::big_number).preferred : 0.0;
    const int side_column =
        to_int((content.width - number_width) / 2.0) - gap;  // beside the digits, each way
    const bool side_beside_number =
        has_side && has_number && !portrait && side_column >= to_int(width * 0.14);
    if (has_side && !side_beside_number) {
        rows.push_back(text_row(Part::side, 1, side_size));
    } else if (!dark && view.side == Side::none && !view.subheading.empty()) {
        const int lines =
            std::min(2, estimated_lines({view.subheading}, subheading_size, content.width));
        rows.push_back(text_row(Part::side, lines, subheading_size));
    }
    if (has_number) {
        rows.push_back(hero_row(Part::big_number));
    }
    const double bar = std::max(3.0, std::round(unit * 0.012));
    if (!dark && view.show_progress) {
        rows.push_back({Part::progress, bar, bar, bar});
    }
    if (!dark) {
        const int body_lines = std::min(8, estimated_lines(view.body, body_size, content.width));
        if (body_lines > 0) {
            Row row = text_row(Part::body, body_lines, body_size);
            // Room for the gaps that keep one step apart from the next.
            const auto paragraphs =
                std::count_if(view.body.begin(), view.body.end(),
                              [](const std::string& line) { return !line.empty(); });
            row.preferred +=
                static_cast<double>(paragraphs - 1) * body_size * estimated_line_height / 3.0;
            rows.push_back(row);
        }
        if (!view.status.empty()) {
            const int lines = static_cast<int>(std::min<std::size_t>(8, view.status.size()));
            rows.push_back(text_row(Part::status, lines, list_size));
        }
        if (!view.caution.empty()) {
            const int lines =
                std::min(3, estimated_lines({view.caution}, list_size, content.width));
            rows.push_back(text_row(Part::caution, lines, list_size));
        }
        if (!view.hint.empty()) {
            rows.push_back(text_row(Part::hint, 1, hint_size));
        }
    }
    if (rows.empty()) {
        return layout;
    }

    const int gaps = gap * static_cast<int>(rows.size() - 1);
    share_height(rows, std::max(0, content.height - gaps));

    // The banner stays at the top and the hint at the bottom; the rest is centred between them.
    int top = content.y;
    int bottom = content.bottom();
    std::size_t first = 0;
    std::size_t last = rows.size();
    if (rows.front().part == Part::banner) {
        top += rows.front().height + gap;
        first = 1;
    }
    if (rows.back().part == Part::hint && last > first) {
        bottom -= rows.back().height + gap;
        --last;
    }
    int middle = 0;
    for (std::size_t index = first; index < last; ++index) {
        middle += rows[index].height + (index + 1 < last ? gap : 0);
    }
    int y = top + std::max(0, (bottom - top - middle) / 2);

    auto place = [&](const Row& row, int row_y) {
        Slot& slot = layout[row.part];
        const double size = row.part == Part::banner    ? banner_size
                            : row.part == Part::heading ? heading_size
                            : row.part == Part::side    ? (has_side ? side_size : subheading_size)
                            : row.part == Part::body    ? body_size
                            : row.part == Part::hint    ? hint_size
                                                        : list_size;
        slot.box = {content.x, row_y, content.width, row.height};
        slot.max_pixel_size = std::max(1, std::min(row.height, to_int(size)));
        slot.weight = row.part == Part::heading ? FontWeight::bold : FontWeight::regular;
        if (row.hero) {
            // The estimate counts whole advances, side bearings included: 3% spare is plenty.
            slot.box = centred(content, to_int(hero_aspect * 1.03 * ink_share * row.height) + 1,
                               row.height, row_y);
            slot.max_pixel_size = std::max(1, to_int(row.height / digit_height));
            // Regular strokes: bold digits this size alone would light a tenth of the mirror.
            slot.weight = FontWeight::regular;
            slot.fit = TextFit::ink;
        } else if (row.part == Part::progress) {
            slot.box = centred(content, to_int(content.width * (portrait ? 0.85 : 0.6)), row.height,
                               row_y);
        } else if (row.part == Part::side && has_side) {
            // The arrow at the edge of the leg's side, the words beside it.
            const int marker = std::min(row.height, to_int(side_size * 0.9));
            Slot& arrow = layout[Part::side_marker];
            const int marker_y = row_y + (row.height - marker) / 2;
            const int text_width = std::max(0, content.width - marker - gap);
            if (view.side == Side::left) {
                arrow.box = {content.x, marker_y, marker, marker};
                slot.box = {content.x + marker + gap, row_y, text_width, row.height};
                slot.align = TextAlign::left;
            } else {
                arrow.box = {content.right() - marker, marker_y, marker, marker};
                slot.box = {content.x, row_y, text_width, row.height};
                slot.align = TextAlign::right;
            }
            slot.weight = FontWeight::bold;
        }
    };

    if (rows.front().part == Part::banner) {
        place(rows.front(), content.y);
    }
    for (std::size_t index = first; index < last; ++index) {
        place(rows[index], y);
        y += rows[index].height + gap;
    }
    if (last < rows.size()) {
        place(rows.back(), content.bottom() - rows.back().height);
    }

    if (side_beside_number) {
        // A column between the screen's edge and the digits: the arrow, and the words under it.
        const Box& number = layout[Part::big_number].box;
        const int column_width = std::max(0, number.x - content.x - gap);
        const int marker = std::min({to_int(side_size * 1.2), number.height / 3, column_width});
        const int text_height = std::max(0, std::min(to_int(2 * side_size * estimated_line_height),
                                                     number.height - marker - gap));
        const int block = marker + gap + text_height;
        const int block_y = number.y + std::max(0, (number.height - block) / 2);
        Slot& slot = layout[Part::side];
        Slot& arrow = layout[Part::side_marker];
        const bool left = view.side == Side::left;
        const int column_x = left ? content.x : content.right() - column_width;
        arrow.box = {left ? column_x : column_x + column_width - marker, block_y, marker, marker};
        slot.box = {column_x, block_y + marker + gap, column_width, text_height};
        slot.max_pixel_size = std::max(1, std::min(text_height, to_int(side_size)));
        slot.align = left ? TextAlign::left : TextAlign::right;
        slot.weight = FontWeight::bold;
    }
    return layout;
}

}  // namespace sk
