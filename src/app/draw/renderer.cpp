#include "app/draw/renderer.hpp"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "app/draw/palette.hpp"

namespace sk {
namespace {

constexpr std::array<Part, part_count> all_parts{
    Part::banner, Part::heading, Part::side,    Part::side_marker, Part::big_number, Part::progress,
    Part::body,   Part::status,  Part::caution, Part::hint,        Part::picture,    Part::phase,
};

bool between_sessions(ScreenKind kind) {
    return kind == ScreenKind::idle || kind == ScreenKind::due || kind == ScreenKind::done ||
           kind == ScreenKind::dark;
}

bool sideways(Rotation rotation) {
    return rotation == Rotation::r90 || rotation == Rotation::r270;
}

// The pixel format of what the renderer draws on: a window's, else ARGB8888 (a surface of ours).
// A canvas in the same format is copied to it without converting a pixel.
Uint32 target_format(SDL_Renderer* renderer) {
    if (SDL_Window* window = SDL_RenderGetWindow(renderer)) {
        const Uint32 format = SDL_GetWindowPixelFormat(window);
        if (format != SDL_PIXELFORMAT_UNKNOWN && !SDL_ISPIXELFORMAT_INDEXED(format) &&
            SDL_BYTESPERPIXEL(format) == 4) {
            return format;
        }
    }
    return SDL_PIXELFORMAT_ARGB8888;
}

void clear(SDL_Renderer* renderer, const Box& box) {
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    const SDL_Rect rect{box.x, box.y, box.width, box.height};
    SDL_RenderFillRect(renderer, &rect);
}

}  // namespace

Renderer::Renderer(SDL_Renderer* renderer, FontFiles fonts, Rotation rotation)
    : renderer_(renderer),
      rotation_(rotation),
      font_problems_(fonts.problems),
      cache_(renderer, std::move(fonts)),
      pictures_(renderer),
      painter_(renderer, cache_, pictures_) {}

void Renderer::forget_pictures() {
    pictures_.forget();
    everything_next_ = true;
}

void Renderer::set_rotation(Rotation rotation) {
    if (rotation != rotation_) {
        rotation_ = rotation;
        everything_next_ = true;
    }
}

std::vector<std::string> Renderer::problems() const {
    std::vector<std::string> all = font_problems_;
    all.insert(all.end(), cache_.problems().begin(), cache_.problems().end());
    all.insert(all.end(), problems_.begin(), problems_.end());
    return all;
}

bool Renderer::ensure_canvas(int width, int height) {
    if (canvas_ && canvas_width_ == width && canvas_height_ == height) {
        return true;
    }
    canvas_.reset();
    if (canvas_failed_) {
        return false;
    }
    canvas_.reset(SDL_CreateTexture(renderer_, target_format(renderer_), SDL_TEXTUREACCESS_TARGET,
                                    width, height));
    if (!canvas_) {
        canvas_failed_ = true;
        problems_.push_back(std::string("cannot make a drawing canvas (") + SDL_GetError() +
                            "): drawing straight to the screen, without rotation");
        return false;
    }
    SDL_SetTextureBlendMode(canvas_.get(), SDL_BLENDMODE_NONE);
    canvas_width_ = width;
    canvas_height_ = height;
    everything_next_ = true;
    return true;
}

bool Renderer::part_changed(Part part, const ScreenView& before, const ScreenView& now) const {
    switch (part) {
        case Part::banner:
            return before.banner != now.banner;
        case Part::heading:
            return before.heading != now.heading;
        case Part::side:
        case Part::side_marker:
            return before.side != now.side || before.subheading != now.subheading;
        case Part::big_number:
            return before.big_number != now.big_number;
        case Part::progress: {
            // Only a change the eye can see: a whole pixel more or less of the bar.
            const Box& bar = layout_[Part::progress].box;
            return before.show_progress != now.show_progress ||
                   PartPainter::progress_fill(before.progress, bar) !=
                       PartPainter::progress_fill(now.progress, bar);
        }
        case Part::body:
            return before.body != now.body;
        case Part::status:
            return before.status != now.status;
        case Part::caution:
            return before.caution != now.caution;
        case Part::hint:
            return before.hint != now.hint;
        case Part::picture:
            return before.picture != now.picture;
        case Part::phase:
            return before.phase != now.phase;
    }
    return true;
}

Box Renderer::changed_area(Part part, const ScreenView& before, const ScreenView& now) const {
    const Box& box = layout_[part].box;
    if (part != Part::progress || before.show_progress != now.show_progress) {
        return box;
    }
    // Left of the shorter fill and right of the longer one, the bar looks as it did.
    const int was = PartPainter::progress_fill(before.progress, box);
    const int is = PartPainter::progress_fill(now.progress, box);
    return {box.x + std::min(was, is), box.y, std::abs(is - was), box.height};
}

Box Renderer::copyable(Box area) const {
    // Turned a quarter, an area whose width and height differ by an odd number would land
    // half a pixel off and be rounded differently from the whole frame: grow it by one.
    if (!sideways(rotation_) || area.empty() || (area.width - area.height) % 2 == 0) {
        return area;
    }
    if (area.right() < canvas_width_) {
        ++area.width;
    } else if (area.x > 0) {
        --area.x;
        ++area.width;
    } else if (area.bottom() < canvas_height_) {
        ++area.height;
    } else if (area.y > 0) {
        --area.y;
        ++area.height;
    }
    return area;
}

void Renderer::copy_to_target(const Box& area) {
    if (area.empty()) {
        return;
    }
    const Box turned = rotate_box(area, rotation_, canvas_width_, canvas_height_);
    SDL_RenderSetClipRect(renderer_, nullptr);
    const SDL_Rect source{area.x, area.y, area.width, area.height};
    if (rotation_ == Rotation::r0) {
        SDL_RenderCopy(renderer_, canvas_.get(), &source, &source);
        return;
    }
    // SDL turns the picture about the centre of its destination: put that centre where the
    // turned area's centre is.
    const SDL_FRect destination{
        static_cast<float>(turned.x) + static_cast<float>(turned.width - area.width) / 2.0f,
        static_cast<float>(turned.y) + static_cast<float>(turned.height - area.height) / 2.0f,
        static_cast<float>(area.width), static_cast<float>(area.height)};
    SDL_RenderCopyExF(renderer_, canvas_.get(), &source, &destination,
                      static_cast<double>(static_cast<int>(rotation_)), nullptr, SDL_FLIP_NONE);
}

DrawReport Renderer::draw(const ScreenView& view, TargetContent target) {
    SDL_Texture* output = SDL_GetRenderTarget(renderer_);
    int target_width = 0;
    int target_height = 0;
    if (output != nullptr) {
        SDL_QueryTexture(output, nullptr, nullptr, &target_width, &target_height);
    } else {
        SDL_GetRendererOutputSize(renderer_, &target_width, &target_height);
    }
    const bool turned = sideways(rotation_);
    int width = turned ? target_height : target_width;
    int height = turned ? target_width : target_height;
    // Drawn straight onto a target that keeps the last frame; through the canvas otherwise.
    const bool wants_canvas = rotation_ != Rotation::r0 || target == TargetContent::unknown;
    const bool canvas = wants_canvas && width > 0 && height > 0 && ensure_canvas(width, height);
    if (!wants_canvas && canvas_) {
        canvas_.reset();  // turned back upright: 4 bytes a pixel less
        canvas_width_ = canvas_height_ = 0;
    }
    if (wants_canvas && !canvas) {
        // Straight onto the target, unturned, all of it every time.
        width = target_width;
        height = target_height;
        everything_next_ = true;
    }

    if (between_sessions(view.kind)) {
        // No picture until the next session: its textures need not sit in memory all day.
        pictures_.release();
    }
    Layout layout = layout_screen(view, width, height);
    const bool everything = everything_next_ || !previous_ || layout != layout_ ||
                            view.kind != previous_->kind || view.theme != previous_->theme;
    std::vector<Part> parts;
    std::vector<Box> areas;  // unturned
    for (const Part part : all_parts) {
        if (everything || part_changed(part, *previous_, view)) {
            parts.push_back(part);
            if (!everything) {
                if (const Box area = changed_area(part, *previous_, view); !area.empty()) {
                    areas.push_back(area);
                }
            }
        }
    }
    if (everything) {
        areas = {{0, 0, width, height}};
    }
    layout_ = std::move(layout);
    previous_ = view;
    everything_next_ = false;

    DrawReport report;
    if (parts.empty()) {
        cache_.end_frame();
        if (canvas && target == TargetContent::unknown) {
            copy_to_target({0, 0, width, height});
        }
        return report;
    }

    if (canvas) {
        SDL_SetRenderTarget(renderer_, canvas_.get());
    }
    SDL_RenderSetClipRect(renderer_, nullptr);
    if (everything) {
        clear(renderer_, {0, 0, width, height});
        lit_.fill(Box{});
        report.redraw = Redraw::everything;
    } else {
        for (const Part part : parts) {
            clear(renderer_, layout_[part].box);
        }
        report.redraw = Redraw::parts;
    }
    for (const Part part : parts) {
        lit_[static_cast<std::size_t>(part)] = painter_.paint(part, view, layout_);
    }
    if (everything && !cache_.has_fonts()) {
        painter_.paint_frame(layout_, palette_for(view.theme));
    }
    cache_.end_frame();
    if (between_sessions(view.kind)) {
        // Drawn once a minute at most until the next session: the fonts need not stay open.
        cache_.close_fonts();
    }

    if (canvas) {
        SDL_SetRenderTarget(renderer_, output);
        if (target == TargetContent::unknown) {
            copy_to_target({0, 0, width, height});
            areas = {{0, 0, width, height}};
        } else {
            for (Box& area : areas) {
                area = copyable(area);
                copy_to_target(area);
            }
        }
        for (Box& area : areas) {
            area = rotate_box(area, rotation_, width, height);
        }
    }
    for (const Box& area : areas) {
        report.changed = united(report.changed, area);
    }
    report.areas = std::move(areas);
    return report;
}

}  // namespace sk
