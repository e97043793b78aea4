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
        case Part::picture:
            return "picture";
        case Part::phase:
            return "phase";
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

// What one screen's layout is worked out from: its size, its margins, what it shows, and its type.
struct Frame {
    const ScreenView& view;
    int width = 0;
    int height = 0;
    bool portrait = false;
    int margin = 0;
    int gap = 0;
    Box content{};  // inside the margins
    bool dark = false;
    bool has_side = false;       // "Left leg" / "Right leg", with its arrow
    bool has_number = false;     // the countdown
    bool clock_heading = false;  // the idle clock, drawn as large as a countdown
    bool has_picture = false;    // the pose
    HeroShare share{};
    double hero_aspect = 0.0;  // how wide the hero's ink is for its height
    // Type sizes, from the short side so portrait and landscape read alike.
    double banner_size = 0.0;
    double heading_size = 0.0;
    double side_size = 0.0;
    double subheading_size = 0.0;
    double body_size = 0.0;
    double list_size = 0.0;
    double hint_size = 0.0;
    double phase_size = 0.0;
    double step_size = 0.0;  // the smallest the steps and the cue may get: about 4% of the height
};

// The narrowest column beside the digits a picture goes into: a pose narrower than this cannot be
// made out from across the room.
constexpr double picture_column_share = 0.18;

Frame make_frame(const ScreenView& view, int width, int height) {
    Frame frame{view};
    frame.width = width;
    frame.height = height;
    frame.portrait = height > width;
    const double unit = std::min(width, height);
    frame.margin = std::max(2, static_cast<int>(std::lround(unit * 0.04)));
    frame.gap = std::max(1, static_cast<int>(std::lround(unit * 0.022)));
    frame.content = {frame.margin, frame.margin, std::max(0, width - 2 * frame.margin),
                     std::max(0, height - 2 * frame.margin)};
    frame.dark = view.kind == ScreenKind::dark;

    // The due and done screens have no countdown or clock: their few lines take the room, to be
    // read from afar.
    const bool roomy = (view.kind == ScreenKind::due || view.kind == ScreenKind::done) &&
                       !view.big_number.has_value();
    const double scale = roomy ? 1.6 : 1.0;
    frame.banner_size = unit * 0.042;
    frame.heading_size = unit * 0.075 * scale;
    frame.side_size = unit * 0.085;
    frame.subheading_size = unit * 0.05 * scale;
    frame.body_size = unit * 0.052 * scale;
    frame.list_size = unit * 0.045 * (roomy ? 1.25 : 1.0);
    frame.hint_size = unit * 0.032;
    frame.phase_size = unit * 0.07;
    frame.step_size = std::min(frame.body_size, unit * 0.042);

    frame.has_side = view.side != Side::none && !frame.dark;
    frame.has_number = view.big_number.has_value() && !frame.dark;
    frame.clock_heading = view.kind == ScreenKind::idle && !frame.has_number &&
                          !view.heading.empty() && code_points(view.heading) <= 8;
    frame.has_picture = view.picture.has_value() && !frame.dark;
    frame.share = hero_share(view.kind);
    if (frame.has_picture && frame.portrait && view.kind == ScreenKind::get_ready) {
        // Getting ready, the picture shows what to do: it matters more than a big countdown.
        frame.share.portrait = 0.14;
    }
    if (frame.portrait && view.kind == ScreenKind::hold && !view.caution.empty()) {
        // The caution's lines take the room below: the digits, bound by the width, stay a little
        // smaller, so that together they do not light too much of the mirror.
        frame.share.portrait = 0.28;
    }
    if (frame.has_number) {
        const std::string digits = std::to_string(*view.big_number);
        // Never narrower than two digits, so the digits keep their size from 10 down to 1.
        frame.hero_aspect = estimated_ink_aspect(digits.size() < 2 ? "00" : digits);
    } else if (frame.clock_heading) {
        frame.hero_aspect = estimated_ink_aspect(view.heading);
    }
    return frame;
}

// The row of the hero (countdown or clock): as tall as its share of the screen, no wider than
// the content.
Row hero_row(const Frame& frame, Part part) {
    const double width_per_height = frame.hero_aspect * 1.03 * ink_share;
    double wished = (frame.portrait ? frame.share.portrait : frame.share.landscape) * frame.height;
    wished = std::min(wished, frame.content.width / width_per_height);
    const double minimum = std::min(wished, std::ceil(frame.share.minimum * frame.height));
    if (part == Part::big_number && frame.has_picture && !frame.portrait) {
        // Room for the picture's column on each side (one holds the leg's side): the digits give
        // up what they must for it, down to their minimum, never below.
        const double digits_width =
            frame.content.width - 2.0 * (picture_column_share * frame.width + frame.gap);
        wished = std::max(minimum, std::min(wished, digits_width / width_per_height));
    }
    return Row{part, wished, minimum, 0.0, true};
}

// Whether the side ("Left leg") sits in a column beside the countdown, as on a wide screen, rather
// than in a row of its own.
bool side_beside_number(const Frame& frame) {
    if (!frame.has_side || !frame.has_number || frame.portrait) {
        return false;
    }
    const double number_width =
        frame.hero_aspect * 1.03 * ink_share * hero_row(frame, Part::big_number).preferred;
    const int side_column = to_int((frame.content.width - number_width) / 2.0) - frame.gap;
    return side_column >= to_int(frame.width * 0.14);
}

// The rows of the screen from top to bottom, each with the height it would like.
std::vector<Row> screen_rows(const Frame& frame) {
    const ScreenView& view = frame.view;
    const int width = frame.content.width;
    std::vector<Row> rows;
    if (!view.banner.empty()) {
        const int lines = std::min(3, estimated_lines({view.banner}, frame.banner_size, width));
        rows.push_back(text_row(Part::banner, lines, frame.banner_size));
    }
    if (frame.dark) {
        return rows;
    }
    if (!view.heading.empty()) {
        if (frame.clock_heading) {
            rows.push_back(hero_row(frame, Part::heading));
        } else {
            const int lines =
                std::min(2, estimated_lines({view.heading}, frame.heading_size * 1.1, width));
            rows.push_back(text_row(Part::heading, lines, frame.heading_size));
        }
    }
    if (frame.has_side && !side_beside_number(frame)) {
        rows.push_back(text_row(Part::side, 1, frame.side_size));
    } else if (view.side == Side::none && !view.subheading.empty()) {
        const int lines =
            std::min(2, estimated_lines({view.subheading}, frame.subheading_size, width));
        rows.push_back(text_row(Part::side, lines, frame.subheading_size));
    }
    if (!view.phase.empty()) {
        // Right above the digits, so the count is read with its name.
        const int lines = std::min(2, estimated_lines({view.phase}, frame.phase_size, width));
        Row row = text_row(Part::phase, lines, frame.phase_size);
        row.minimum = row.floor = lines * frame.step_size * estimated_line_height;
        rows.push_back(row);
    }
    if (frame.has_number) {
        rows.push_back(hero_row(frame, Part::big_number));
    }
    if (view.show_progress) {
        const double bar = std::max(3.0, std::round(std::min(frame.width, frame.height) * 0.012));
        rows.push_back({Part::progress, bar, bar, bar});
    }
    const int body_lines = std::min(8, estimated_lines(view.body, frame.body_size, width));
    if (body_lines > 0) {
        Row row = text_row(Part::body, body_lines, frame.body_size);
        // Room for the gaps that keep one step apart from the next.
        const auto paragraphs =
            std::count_if(view.body.begin(), view.body.end(),
                          [](const std::string& line) { return !line.empty(); });
        const double gaps = static_cast<double>(paragraphs - 1) * estimated_line_height / 3.0;
        row.preferred += gaps * frame.body_size;
        if (view.kind == ScreenKind::get_ready || view.kind == ScreenKind::paused) {
            // The steps never shrink below step_size, the cue's size on a crowded hold: they
            // are read from across the room, while this countdown matters less.
            const int small_lines = std::min(8, estimated_lines(view.body, frame.step_size, width));
            // Never more than half the screen, so that a flood of text cannot crowd out the rest.
            row.minimum =
                std::max(row.minimum,
                         std::min((small_lines * estimated_line_height + gaps) * frame.step_size,
                                  0.5 * frame.content.height));
            row.floor = row.minimum;
        } else if (view.kind == ScreenKind::hold) {
            // The cue: a line at step_size while the screen has room.
            row.minimum = std::max(row.minimum, frame.step_size * estimated_line_height);
        }
        rows.push_back(row);
    }
    if (!view.status.empty()) {
        const int lines = static_cast<int>(std::min<std::size_t>(8, view.status.size()));
        rows.push_back(text_row(Part::status, lines, frame.list_size));
    }
    if (!view.caution.empty()) {
        // In the cue's type, never smaller than the steps: it may mean "stop".
        const int lines = std::min(6, estimated_lines({view.caution}, frame.body_size, width));
        Row row = text_row(Part::caution, lines, frame.body_size);
        const int small_lines =
            std::min(6, estimated_lines({view.caution}, frame.step_size, width));
        row.minimum = std::max(row.minimum, small_lines * estimated_line_height * frame.step_size);
        if (view.kind != ScreenKind::hold) {
            // Only a crowded hold's digits come first.
            row.floor = row.minimum;
        }
        rows.push_back(row);
    }
    if (!view.hint.empty()) {
        rows.push_back(text_row(Part::hint, 1, frame.hint_size));
    }
    return rows;
}

// The largest type a row's part may use.
double type_size(const Frame& frame, Part part) {
    switch (part) {
        case Part::banner:
            return frame.banner_size;
        case Part::heading:
            return frame.heading_size;
        case Part::side:
            return frame.has_side ? frame.side_size : frame.subheading_size;
        case Part::body:
            return frame.body_size;
        case Part::hint:
            return frame.hint_size;
        case Part::phase:
            return frame.phase_size;
        case Part::caution:
            return frame.body_size;
        default:
            return frame.list_size;
    }
}

// Puts one row's part into its slot (and the side's arrow beside the side), at `y`.
void place_row(Layout& layout, const Frame& frame, const Row& row, int y) {
    const Box& content = frame.content;
    Slot& slot = layout[row.part];
    slot.box = {content.x, y, content.width, row.height};
    slot.max_pixel_size = std::max(1, std::min(row.height, to_int(type_size(frame, row.part))));
    slot.weight = row.part == Part::heading ? FontWeight::bold : FontWeight::regular;
    if (row.hero) {
        // The estimate counts whole advances, side bearings included: 3% spare is plenty.
        slot.box = centred(content, to_int(frame.hero_aspect * 1.03 * ink_share * row.height) + 1,
                           row.height, y);
        slot.max_pixel_size = std::max(1, to_int(row.height / digit_height));
        // Regular strokes: bold digits this size alone would light a tenth of the mirror.
        slot.weight = FontWeight::regular;
        slot.fit = TextFit::ink;
    } else if (row.part == Part::progress) {
        slot.box =
            centred(content, to_int(content.width * (frame.portrait ? 0.85 : 0.6)), row.height, y);
    } else if (row.part == Part::side && frame.has_side) {
        // The arrow at the edge of the leg's side, the words beside it.
        const int marker = std::min(row.height, to_int(frame.side_size * 0.9));
        Slot& arrow = layout[Part::side_marker];
        const int marker_y = y + (row.height - marker) / 2;
        const int text_width = std::max(0, content.width - marker - frame.gap);
        if (frame.view.side == Side::left) {
            arrow.box = {content.x, marker_y, marker, marker};
            slot.box = {content.x + marker + frame.gap, y, text_width, row.height};
            slot.align = TextAlign::left;
        } else {
            arrow.box = {content.right() - marker, marker_y, marker, marker};
            slot.box = {content.x, y, text_width, row.height};
            slot.align = TextAlign::right;
        }
        slot.weight = FontWeight::bold;
    }
}

// Stacks the rows: the banner stays at the top and the hint at the bottom; the rest is centred
// between them.
void place_rows(Layout& layout, const Frame& frame, const std::vector<Row>& rows) {
    const Box& content = frame.content;
    const int gap = frame.gap;
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

    if (rows.front().part == Part::banner) {
        place_row(layout, frame, rows.front(), content.y);
    }
    for (std::size_t index = first; index < last; ++index) {
        place_row(layout, frame, rows[index], y);
        y += rows[index].height + gap;
    }
    if (last < rows.size()) {
        place_row(layout, frame, rows.back(), content.bottom() - rows.back().height);
    }
}

// A column between the screen's edge and the digits: the arrow, and the words under it.
void place_side_beside_number(Layout& layout, const Frame& frame) {
    const Box& content = frame.content;
    const int gap = frame.gap;
    const Box& number = layout[Part::big_number].box;
    const int column_width = std::max(0, number.x - content.x - gap);
    const int marker = std::min({to_int(frame.side_size * 1.2), number.height / 3, column_width});
    const int text_height =
        std::max(0, std::min(to_int(2 * frame.side_size * estimated_line_height),
                             number.height - marker - gap));
    const int block = marker + gap + text_height;
    const int block_y = number.y + std::max(0, (number.height - block) / 2);
    Slot& slot = layout[Part::side];
    Slot& arrow = layout[Part::side_marker];
    const bool left = frame.view.side == Side::left;
    const int column_x = left ? content.x : content.right() - column_width;
    arrow.box = {left ? column_x : column_x + column_width - marker, block_y, marker, marker};
    slot.box = {column_x, block_y + marker + gap, column_width, text_height};
    slot.max_pixel_size = std::max(1, std::min(text_height, to_int(frame.side_size)));
    slot.align = left ? TextAlign::left : TextAlign::right;
    slot.weight = FontWeight::bold;
}

}  // namespace

// The drawings are 4:3; a box of that shape wastes none of the room.
constexpr double picture_aspect = 4.0 / 3.0;

// The width of the column beside the centred digits, or 0 when the picture does not go there.
int picture_column_width(const Frame& frame, const Layout& layout) {
    const Box& number = layout[Part::big_number].box;
    if (!frame.has_picture || !frame.has_number || frame.portrait || number.empty()) {
        return 0;
    }
    const int column =
        std::min(number.x - frame.content.x, frame.content.right() - number.right()) - frame.gap;
    return column >= to_int(frame.width * picture_column_share) ? column : 0;
}

// The room the rows left unused.
int spare_height(const Frame& frame, const std::vector<Row>& rows) {
    int used = frame.gap * static_cast<int>(rows.size() - 1);
    for (const Row& row : rows) {
        used += row.height;
    }
    return std::max(0, frame.content.height - used);
}

// The picture as a row of its own (portrait, or no digits to stand beside), above the digits or
// else above the steps, in the room the other rows left. False when too little is left.
bool add_picture_row(const Frame& frame, std::vector<Row>& rows) {
    const int room = spare_height(frame, rows) - frame.gap;
    const int wished = to_int(std::min(frame.content.width / picture_aspect, 0.32 * frame.height));
    const int height = std::min(room, wished);
    if (height < to_int(0.12 * frame.height)) {
        return false;
    }
    // Above the digits and the phase's name over them.
    auto before = std::find_if(rows.begin(), rows.end(), [](const Row& row) {
        return row.part == Part::phase || row.part == Part::big_number;
    });
    if (before == rows.end()) {
        before = std::find_if(rows.begin(), rows.end(), [](const Row& row) {
            return row.part == Part::body || row.part == Part::hint;
        });
    }
    Row picture{Part::picture};
    picture.height = height;
    rows.insert(before, picture);
    return true;
}

// The picture in the column beside the digits, on the side away from its leg (the arrow's side),
// as tall as the digits' band. The band first grows into spare room, the digits staying their
// size in its middle. `rows` are the placed rows, whose hero may grow.
void place_picture_beside_number(Layout& layout, const Frame& frame, std::vector<Row>& rows,
                                 int column) {
    const auto hero = std::find_if(rows.begin(), rows.end(),
                                   [](const Row& row) { return row.part == Part::big_number; });
    const Row digits = *hero;
    const int extra = std::max(
        0, std::min(spare_height(frame, rows), to_int(column / picture_aspect) - digits.height));
    if (extra > 0) {
        hero->height += extra;
        layout = Layout{layout.width, layout.height, layout.orientation, {}};
        place_rows(layout, frame, rows);
    }
    const int band_y = layout[Part::big_number].box.y;
    const int band_height = hero->height;
    place_row(layout, frame, digits, band_y + extra / 2);
    // Across the digits from the arrow, when there is one; else from where its leg's would be.
    const Side side = frame.has_side ? frame.view.side : frame.view.picture->side;
    const bool left = side == Side::right;
    Box& number = layout[Part::big_number].box;
    int width = std::min(column, to_int(band_height * picture_aspect));
    if (side_beside_number(frame)) {
        // The side's column is across the digits from the picture: a column each, the digits
        // in the middle.
        width = column;
    } else {
        // Nothing on the other side: the digits and the picture are centred as one.
        const int shift = (width + frame.gap) / 2;
        number.x += left ? shift : -shift;
    }
    const int x = left ? number.x - frame.gap - width : number.right() + frame.gap;
    layout[Part::picture].box = {x, band_y, width, band_height};
}

Layout layout_screen(const ScreenView& view, int width, int height) {
    Layout layout;
    layout.width = std::max(0, width);
    layout.height = std::max(0, height);
    layout.orientation = height > width ? Orientation::portrait : Orientation::landscape;
    if (width <= 0 || height <= 0) {
        return layout;
    }
    const Frame frame = make_frame(view, width, height);
    std::vector<Row> rows = screen_rows(frame);
    if (rows.empty()) {
        return layout;
    }
    const int gaps = frame.gap * static_cast<int>(rows.size() - 1);
    share_height(rows, std::max(0, frame.content.height - gaps));
    place_rows(layout, frame, rows);
    if (const int column = picture_column_width(frame, layout); column > 0) {
        place_picture_beside_number(layout, frame, rows, column);
    } else if (frame.has_picture && (frame.portrait || !frame.has_number) &&
               add_picture_row(frame, rows)) {
        layout = Layout{layout.width, layout.height, layout.orientation, {}};
        place_rows(layout, frame, rows);
    } else if (frame.has_picture) {
        // No room for it: the screen as it would be without one.
        ScreenView without = view;
        without.picture.reset();
        return layout_screen(without, width, height);
    }
    if (side_beside_number(frame)) {
        place_side_beside_number(layout, frame);
    }
    return layout;
}

}  // namespace sk
