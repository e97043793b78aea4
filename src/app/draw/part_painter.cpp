#include "app/draw/part_painter.hpp"

#include <algorithm>
#include <cmath>

#include "app/draw/seven_segment.hpp"
#include "app/draw/text_estimate.hpp"
#include "core/words/words.hpp"

namespace sk {
namespace {

constexpr std::size_t fit_memory = 256;

SDL_Rect to_sdl(const Box& box) {
    return {box.x, box.y, box.width, box.height};
}

void set_colour(SDL_Renderer* renderer, Rgb colour) {
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(renderer, colour.red, colour.green, colour.blue, 255);
}

Rgb halved(Rgb colour) {
    return {static_cast<std::uint8_t>(colour.red / 2), static_cast<std::uint8_t>(colour.green / 2),
            static_cast<std::uint8_t>(colour.blue / 2)};
}

// The words for the side when the view names a side but gives no subheading.
std::string side_words(const ScreenView& view) {
    if (!view.subheading.empty() || view.side == Side::none) {
        return view.subheading;
    }
    return view.side == Side::left ? tr("Left leg") : tr("Right leg");
}

// Text whose width stays put as the digits change: every digit set as the widest, and a count
// never narrower than two digits, so the type does not jump between 10 and 9.
std::string width_template(const std::string& text) {
    std::string shape = text;
    for (char& character : shape) {
        if (character >= '0' && character <= '9') {
            character = '0';
        }
    }
    if (shape.size() == 1 && shape[0] == '0') {
        shape = "00";
    }
    return shape;
}

// The glyphs whose ink sets the height: all digits (so every number sits the same), plus any
// other character the text holds.
std::string ink_template(const std::string& text) {
    std::string glyphs = "0123456789";
    for (const char character : text) {
        if (character < '0' || character > '9') {
            glyphs += character;
        }
    }
    return glyphs;
}

std::string mark_prefix(StatusLine::Mark mark) {
    switch (mark) {
        case StatusLine::Mark::done:
            return "\u2713 ";  // check mark
        case StatusLine::Mark::pending:
            return "\u25CB ";  // white circle
        case StatusLine::Mark::missed:
            return "\u2717 ";  // ballot x
        case StatusLine::Mark::none:
            break;
    }
    return "";
}

}  // namespace

PartPainter::PartPainter(SDL_Renderer* renderer, TextCache& cache, PictureCache& pictures)
    : renderer_(renderer), cache_(cache), pictures_(pictures) {
    for (const FontWeight weight : {FontWeight::regular, FontWeight::bold}) {
        TextMeasure& measure = weight == FontWeight::bold ? measure_bold_ : measure_regular_;
        measure.width = [this, weight](std::string_view text, int size) {
            return cache_.width(text, weight, size);
        };
        measure.line_step = [this, weight](int size) { return cache_.line_step(weight, size); };
    }
}

int PartPainter::progress_fill(double progress, const Box& box) {
    const double share = std::clamp(std::isfinite(progress) ? progress : 0.0, 0.0, 1.0);
    return static_cast<int>(std::lround(share * box.width));
}

std::optional<double> PartPainter::progress_to_next_pixel(double progress, const Box& box) {
    const double share = std::clamp(std::isfinite(progress) ? progress : 0.0, 0.0, 1.0);
    const int filled = progress_fill(share, box);
    if (box.width <= 0 || filled >= box.width) {
        return std::nullopt;
    }
    // progress_fill rounds to the nearest pixel: the next one fills at its half.
    return std::max(0.0, (filled + 0.5) / box.width - share);
}

Box PartPainter::paint(Part part, const ScreenView& view, const Layout& layout) {
    const Slot& slot = layout[part];
    if (slot.box.empty()) {
        return {};
    }
    const Palette& palette = palette_for(view.theme);
    const SDL_Rect clip = to_sdl(slot.box);
    SDL_RenderSetClipRect(renderer_, &clip);
    Box lit;
    switch (part) {
        case Part::banner:
            lit = paint_banner(view.banner, slot, palette);
            break;
        case Part::heading:
            lit = slot.fit == TextFit::ink
                      ? paint_ink(view.heading, slot, palette.heading)
                      : paint_lines({view.heading}, slot, {palette.heading}, Wrap::words);
            break;
        case Part::side:
            lit = paint_lines(
                {side_words(view)}, slot,
                {view.side == Side::none ? palette.quiet : side_colour(palette, view.side)},
                Wrap::words);
            break;
        case Part::side_marker:
            lit = paint_arrow(view.side, slot.box, side_colour(palette, view.side));
            break;
        case Part::big_number:
            if (view.big_number) {
                // A paused count is dimmed: it is not running.
                lit =
                    paint_ink(std::to_string(*view.big_number), slot,
                              view.kind == ScreenKind::paused ? palette.quiet : palette.big_number);
            }
            break;
        case Part::progress:
            lit = paint_progress(view.progress, slot.box, palette);
            break;
        case Part::body:
            lit = paint_lines(view.body, slot, {palette.text}, Wrap::words);
            break;
        case Part::status:
            lit = paint_status(view.status, slot, palette);
            break;
        case Part::caution:
            lit = paint_lines({view.caution}, slot, {palette.caution}, Wrap::words);
            break;
        case Part::hint:
            lit = paint_lines({view.hint}, slot, {palette.quiet}, Wrap::none);
            break;
        case Part::picture:
            if (view.picture) {
                lit = paint_picture(*view.picture, slot.box, palette);
            }
            break;
        case Part::phase:
            lit = paint_lines({view.phase}, slot, {palette.heading}, Wrap::words);
            break;
    }
    SDL_RenderSetClipRect(renderer_, nullptr);
    return intersection(lit, slot.box);
}

const FittedText& PartPainter::fitted(const std::vector<std::string>& paragraphs, const Slot& slot,
                                      Wrap wrap) {
    // The key holds only what can be shown: text past the fitting bounds is cut first anyway.
    bool cut = false;
    std::string key;
    for (const std::string& paragraph : bounded_paragraphs(paragraphs, cut)) {
        key += paragraph;
        key += '\x1e';
    }
    key += std::to_string(slot.box.width) + 'x' + std::to_string(slot.box.height) + '@' +
           std::to_string(slot.max_pixel_size) + (slot.weight == FontWeight::bold ? 'b' : 'r') +
           (wrap == Wrap::words ? 'w' : 'n');
    if (const auto found = fits_.find(key); found != fits_.end()) {
        return found->second;
    }
    if (fits_.size() >= fit_memory) {
        fits_.clear();
    }
    const TextMeasure& measure = slot.weight == FontWeight::bold ? measure_bold_ : measure_regular_;
    return fits_
        .emplace(key, fit_text(paragraphs, slot.box.width, slot.box.height, slot.max_pixel_size,
                               wrap, measure))
        .first->second;
}

Box PartPainter::paint_lines(const std::vector<std::string>& paragraphs, const Slot& slot,
                             const std::vector<Rgb>& colours, Wrap wrap) {
    if (!cache_.has_fonts()) {
        return {};
    }
    // One colour per paragraph (the last one repeats), carried onto the lines it wraps into.
    const FittedText& fit = fitted(paragraphs, slot, wrap);
    if (fit.pixel_size == 0 || fit.lines.empty() || colours.empty()) {
        return {};
    }
    const int step = cache_.line_step(slot.weight, fit.pixel_size);
    const int block = block_height(fit.sources, step);
    int y = slot.box.y + (slot.box.height - block) / 2;
    Box lit;
    for (std::size_t index = 0; index < fit.lines.size(); ++index) {
        if (index > 0 && fit.sources[index] != fit.sources[index - 1]) {
            y += paragraph_gap(step);
        }
        const Rgb colour = colours[std::min(fit.sources[index], colours.size() - 1)];
        const auto texture = cache_.text(fit.lines[index], slot.weight, fit.pixel_size, colour);
        if (texture) {
            int x = slot.box.x + (slot.box.width - texture->width) / 2;
            if (slot.align == TextAlign::left) {
                x = slot.box.x;
            } else if (slot.align == TextAlign::right) {
                x = slot.box.right() - texture->width;
            }
            const SDL_Rect target{x, y, texture->width, texture->height};
            SDL_RenderCopy(renderer_, texture->texture, nullptr, &target);
            lit = united(lit, {x, y, texture->width, std::min(texture->height, step)});
        }
        y += step;
    }
    return lit;
}

const PartPainter::InkFit& PartPainter::ink_fit(const std::string& text, const Slot& slot) {
    const std::string shape = width_template(text);
    const std::string glyphs = ink_template(text);
    const std::string key = shape + '\x1e' + std::to_string(slot.box.width) + 'x' +
                            std::to_string(slot.box.height) + '@' +
                            std::to_string(slot.max_pixel_size);
    if (const auto found = ink_fits_.find(key); found != ink_fits_.end()) {
        return found->second;
    }
    if (ink_fits_.size() >= fit_memory) {
        ink_fits_.clear();
    }
    // Measure once at a reference size, scale to the box, then step down until it truly fits
    // (hinting makes glyphs grow a little unevenly).
    constexpr int reference = 200;
    const int room = static_cast<int>(slot.box.height * ink_share);
    InkFit fit;
    const auto ink = cache_.ink(glyphs, slot.weight, reference);
    const int width = cache_.width(shape, slot.weight, reference);
    if (ink && width > 0 && ink->top > ink->bottom) {
        const double scale = std::min(room / static_cast<double>(ink->top - ink->bottom),
                                      slot.box.width / static_cast<double>(width));
        int size = std::min(slot.max_pixel_size, static_cast<int>(reference * scale));
        for (int attempt = 0; attempt < 40 && size > 0; ++attempt) {
            const auto sized = cache_.ink(glyphs, slot.weight, size);
            if (sized && sized->top - sized->bottom <= room &&
                cache_.width(shape, slot.weight, size) <= slot.box.width) {
                fit = {size, sized->top, sized->bottom, sized->ascent};
                break;
            }
            size -= std::max(1, size / 50);
        }
    }
    return ink_fits_.emplace(key, fit).first->second;
}

Box PartPainter::paint_ink(const std::string& text, const Slot& slot, Rgb colour) {
    if (!cache_.has_fonts()) {
        return draw_segments(renderer_, text, slot.box, colour);
    }
    const InkFit& fit = ink_fit(text, slot);
    if (fit.pixel_size == 0) {
        return {};
    }
    // Centre the ink, not the line: a line's box carries room for accents and descenders.
    const int ink_height = fit.top - fit.bottom;
    const int ink_y = slot.box.y + (slot.box.height - ink_height) / 2;
    const int line_y = ink_y - (fit.ascent - fit.top);
    // A number (the countdown, once a second) composed from its digits' glyphs, made once:
    // no texture of the whole line each second.
    if (const auto line = cache_.number(text, slot.weight, fit.pixel_size, colour)) {
        const int x = slot.box.x + (slot.box.width - line->width) / 2;
        if (line->texture != nullptr) {
            const SDL_Rect target{x + line->place.x, line_y + line->place.y, line->place.w,
                                  line->place.h};
            SDL_RenderCopy(renderer_, line->texture, &line->source, &target);
        }
        return {x, ink_y, line->width, ink_height};
    }
    const auto texture = cache_.text(text, slot.weight, fit.pixel_size, colour);
    if (!texture) {
        return {};
    }
    const int x = slot.box.x + (slot.box.width - texture->width) / 2;
    const SDL_Rect target{x, line_y, texture->width, texture->height};
    SDL_RenderCopy(renderer_, texture->texture, nullptr, &target);
    return {x, ink_y, texture->width, ink_height};
}

Box PartPainter::paint_progress(double progress, const Box& box, const Palette& palette) {
    const int filled = progress_fill(progress, box);
    // The track is a hairline so the unfilled part stays quiet; the filled part is the full bar.
    const int track = std::max(1, box.height / 3);
    set_colour(renderer_, palette.progress_track);
    const SDL_Rect rest{box.x + filled, box.y + (box.height - track) / 2, box.width - filled,
                        track};
    if (rest.w > 0) {
        SDL_RenderFillRect(renderer_, &rest);
    }
    if (filled > 0) {
        set_colour(renderer_, palette.progress);
        const SDL_Rect done{box.x, box.y, filled, box.height};
        SDL_RenderFillRect(renderer_, &done);
    }
    return box;
}

Box PartPainter::paint_arrow(Side side, const Box& box, Rgb colour) {
    if (side == Side::none) {
        return {};
    }
    const SDL_Color sdl_colour{colour.red, colour.green, colour.blue, 255};
    const auto left = static_cast<float>(box.x);
    const auto right = static_cast<float>(box.right());
    const auto top = static_cast<float>(box.y);
    const auto bottom = static_cast<float>(box.bottom());
    const float middle = (top + bottom) / 2.0f;
    // Pointing out of the screen, toward the leg.
    const float tip = side == Side::left ? left : right;
    const float base = side == Side::left ? right : left;
    const SDL_Vertex vertices[3]{
        {{tip, middle}, sdl_colour, {0.0f, 0.0f}},
        {{base, top}, sdl_colour, {0.0f, 0.0f}},
        {{base, bottom}, sdl_colour, {0.0f, 0.0f}},
    };
    SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_NONE);
    SDL_RenderGeometry(renderer_, nullptr, vertices, 3, nullptr, 0);
    return box;
}

Box PartPainter::paint_picture(const PosePicture& picture, const Box& box, const Palette& palette) {
    const PictureInk ink{palette.picture, picture.side == Side::none
                                              ? palette.picture
                                              : side_colour(palette, picture.side)};
    const Mirror mirror = picture.side == Side::right ? Mirror::left_right : Mirror::none;
    const auto texture = pictures_.get(picture.picture, box.width, box.height, ink, mirror);
    if (!texture) {
        return {};
    }
    // Drawn at the size it was rasterised: never scaled, so never blurred.
    const SDL_Rect target{box.x + (box.width - texture->width) / 2,
                          box.y + (box.height - texture->height) / 2, texture->width,
                          texture->height};
    SDL_RenderCopy(renderer_, texture->texture, nullptr, &target);
    return {target.x, target.y, target.w, target.h};
}

Box PartPainter::paint_banner(const std::string& banner, const Slot& slot, const Palette& palette) {
    // Coloured words over a thin rule: a bright box would light up the whole mirror.
    const int rule = std::max(1, slot.max_pixel_size / 16);
    Slot words = slot;
    words.box.height = std::max(0, slot.box.height - 2 * rule);
    Box lit = paint_lines({banner}, words, {palette.banner}, Wrap::words);
    set_colour(renderer_, halved(palette.banner));
    const SDL_Rect line{slot.box.x, slot.box.bottom() - rule, slot.box.width, rule};
    SDL_RenderFillRect(renderer_, &line);
    return united(lit, {line.x, line.y, line.w, line.h});
}

Box PartPainter::paint_status(const std::vector<StatusLine>& status, const Slot& slot,
                              const Palette& palette) {
    std::vector<std::string> lines;
    std::vector<Rgb> colours;
    for (const StatusLine& line : status) {
        lines.push_back(mark_prefix(line.mark) + line.text);
        colours.push_back(line.mark == StatusLine::Mark::done     ? palette.done
                          : line.mark == StatusLine::Mark::missed ? palette.missed
                                                                  : palette.text);
    }
    if (colours.empty()) {
        return {};
    }
    return paint_lines(lines, slot, colours, Wrap::none);
}

void PartPainter::paint_frame(const Layout& layout, const Palette& palette) {
    const int thickness = std::max(1, std::min(layout.width, layout.height) / 100);
    const int inset = thickness;
    const int width = layout.width - 2 * inset;
    const int height = layout.height - 2 * inset;
    if (width <= 2 * thickness || height <= 2 * thickness) {
        return;
    }
    set_colour(renderer_, palette.caution);
    const SDL_Rect sides[4]{
        {inset, inset, width, thickness},
        {inset, inset + height - thickness, width, thickness},
        {inset, inset, thickness, height},
        {inset + width - thickness, inset, thickness, height},
    };
    SDL_RenderFillRects(renderer_, sides, 4);
}

}  // namespace sk
