// Layout: where each part of a ScreenView goes at a given screen size, and how big (pure: no SDL).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "app/draw/box.hpp"
#include "app/fonts/font_locator.hpp"
#include "core/model/screen_view.hpp"

namespace sk {

// The parts of a screen, each with its own box.
enum class Part : std::uint8_t {
    banner,       // a config error, over any screen
    heading,      // the stretch or session name; the clock on idle
    side,         // "Left leg" / "Right leg", or the subheading when no side is worked
    side_marker,  // an arrow on the side of the leg being worked
    big_number,   // the countdown
    progress,     // a thin bar
    body,         // steps or "Next: ..." lines
    status,       // today's sessions
    caution,      // a warning about the stretch
    hint,         // which key does what
    picture,      // the pose: beside the countdown in landscape, in a row of its own in portrait
    phase,        // "Get ready", "Hold": what the countdown under it counts
};
inline constexpr std::size_t part_count = 12;

// "heading", "big_number", ...: for test messages.
std::string_view part_name(Part part);

enum class TextAlign : std::uint8_t { left, centre, right };

// How type is sized into its box: lines by their line height, or (for digits meant to be read
// across a room) the ink of the glyphs themselves filling the box.
enum class TextFit : std::uint8_t { lines, ink };

// One part's place and type. The renderer shrinks and wraps text to fit the box, never past it.
struct Slot {
    Box box;                 // empty when the part is not shown
    int max_pixel_size = 0;  // the largest type the part may use
    TextAlign align = TextAlign::centre;
    FontWeight weight = FontWeight::regular;
    TextFit fit = TextFit::lines;
    bool operator==(const Slot&) const = default;
};

enum class Orientation : std::uint8_t { landscape, portrait };

struct Layout {
    int width = 0;
    int height = 0;
    Orientation orientation = Orientation::landscape;
    std::array<Slot, part_count> slots{};

    const Slot& operator[](Part part) const { return slots[static_cast<std::size_t>(part)]; }
    Slot& operator[](Part part) { return slots[static_cast<std::size_t>(part)]; }
    bool operator==(const Layout&) const = default;
};

// The layout of `view` on a `width` x `height` screen. Boxes never overlap and stay inside the
// screen. Countdown digits get at least 38% of the height in landscape on a hold (about 48% when
// the screen has room); in portrait they are limited by the width and use about 90% of it.
// A picture takes only room the rest leaves: in landscape the column beside the digits, on the
// side away from its leg's arrow (so its leg reaches toward it), growing into spare height; in
// portrait a row of its own above the digits, when there is room for one.
Layout layout_screen(const ScreenView& view, int width, int height);

}  // namespace sk
