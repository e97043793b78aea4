// Box: a rectangle of pixels, and the little geometry the layout and renderer need (pure).
#pragma once

#include "core/model/config.hpp"

namespace sk {

// A rectangle in pixels; empty when it has no area.
struct Box {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;

    int right() const { return x + width; }
    int bottom() const { return y + height; }
    bool empty() const { return width <= 0 || height <= 0; }
    bool operator==(const Box&) const = default;
};

// Whether two boxes share at least one pixel (empty boxes share none).
bool overlaps(const Box& first, const Box& second);
// Whether `inner` lies wholly inside `outer` (an empty `inner` lies anywhere).
bool contains(const Box& outer, const Box& inner);
// The smallest box around both; an empty one adds nothing.
Box united(const Box& first, const Box& second);
// The pixels both boxes share (empty when none).
Box intersection(const Box& first, const Box& second);

// Where `box`, on an unturned `width` x `height` picture, lands once the picture is turned
// clockwise by `rotation` (so a 90 picture is `height` wide).
Box rotate_box(const Box& box, Rotation rotation, int width, int height);

}  // namespace sk
