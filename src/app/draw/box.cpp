#include "app/draw/box.hpp"

#include <algorithm>

namespace sk {

bool overlaps(const Box& first, const Box& second) {
    if (first.empty() || second.empty()) {
        return false;
    }
    return first.x < second.right() && second.x < first.right() && first.y < second.bottom() &&
           second.y < first.bottom();
}

bool contains(const Box& outer, const Box& inner) {
    if (inner.empty()) {
        return true;
    }
    return inner.x >= outer.x && inner.y >= outer.y && inner.right() <= outer.right() &&
           inner.bottom() <= outer.bottom();
}

Box united(const Box& first, const Box& second) {
    if (first.empty()) {
        return second;
    }
    if (second.empty()) {
        return first;
    }
    const int left = std::min(first.x, second.x);
    const int top = std::min(first.y, second.y);
    const int right = std::max(first.right(), second.right());
    const int bottom = std::max(first.bottom(), second.bottom());
    return {left, top, right - left, bottom - top};
}

Box intersection(const Box& first, const Box& second) {
    const int left = std::max(first.x, second.x);
    const int top = std::max(first.y, second.y);
    const int right = std::min(first.right(), second.right());
    const int bottom = std::min(first.bottom(), second.bottom());
    if (right <= left || bottom <= top) {
        return {};
    }
    return {left, top, right - left, bottom - top};
}

Box rotate_box(const Box& box, Rotation rotation, int width, int height) {
    switch (rotation) {
        case Rotation::r0:
            return box;
        case Rotation::r90:
            return {height - box.bottom(), box.x, box.height, box.width};
        case Rotation::r180:
            return {width - box.right(), height - box.bottom(), box.width, box.height};
        case Rotation::r270:
            return {box.y, width - box.right(), box.height, box.width};
    }
    return box;
}

}  // namespace sk
