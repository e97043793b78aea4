#include "app/draw/text_cache.hpp"

#include <algorithm>
#include <cstdint>

namespace sk {
namespace {

// Tells the shaper the run's direction and script; `plain` puts the font back as it opened.
void shape_as(TTF_Font* font, const TextRun* run) {
    const bool right_to_left = run != nullptr && run->direction == TextDirection::right_to_left;
    TTF_SetFontDirection(font, right_to_left ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
    const std::string script =
        run == nullptr || run->script.empty() ? "Zzzz" : std::string(run->script);
    TTF_SetFontScriptName(font, script.c_str());
}

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string cache_key(std::string_view text, FontWeight weight, int pixel_size, Rgb colour) {
    std::string key(text);
    key += '\0';
    key += static_cast<char>(weight);
    key += std::to_string(pixel_size);
    key += '/';
    key += static_cast<char>(colour.red);
    key += static_cast<char>(colour.green);
    key += static_cast<char>(colour.blue);
    return key;
}

}  // namespace

TextCache::TextCache(SDL_Renderer* renderer, FontFiles files)
    : renderer_(renderer), files_(std::move(files)), fallback_(files_.search), digits_(renderer) {
    if (!library_.ready()) {
        problems_.push_back(std::string("cannot start SDL_ttf: ") + TTF_GetError());
    }
}

TextCache::~TextCache() {
    // Textures before the renderer's owner destroys it; fonts before SDL_ttf quits.
    entries_.clear();
    digits_.clear();
    fonts_.clear();
    fallback_fonts_.clear();
}

const FontFile* TextCache::file_for(FontWeight weight) const {
    const std::optional<FontFile>& first =
        weight == FontWeight::bold ? files_.bold : files_.regular;
    const std::optional<FontFile>& second =
        weight == FontWeight::bold ? files_.regular : files_.bold;
    if (first) {
        return &*first;
    }
    return second ? &*second : nullptr;
}

FontHandle TextCache::open(const FontFile& file, int pixel_size) {
    if (!library_.ready() ||
        std::find(failed_paths_.begin(), failed_paths_.end(), file.path) != failed_paths_.end()) {
        return nullptr;
    }
    FontHandle font(TTF_OpenFontIndex(file.path.c_str(), pixel_size, file.index));
    if (!font) {
        failed_paths_.push_back(file.path);
        problems_.push_back("cannot open the font file " + file.path + ": " + TTF_GetError());
        return nullptr;
    }
    if (file.embolden) {
        TTF_SetFontStyle(font.get(), TTF_STYLE_BOLD);
    }
    return font;
}

TTF_Font* TextCache::font(FontWeight weight, int pixel_size) {
    if (pixel_size <= 0) {
        return nullptr;
    }
    auto found = fonts_.find(weight);
    if (found == fonts_.end()) {
        const FontFile* file = file_for(weight);
        if (file == nullptr) {
            return nullptr;
        }
        FontHandle handle = open(*file, pixel_size);
        if (!handle) {
            // The other weight may still open: regular type set bold beats no type at all.
            const FontFile* other =
                file_for(weight == FontWeight::bold ? FontWeight::regular : FontWeight::bold);
            if (other != nullptr && other->path != file->path) {
                handle = open(*other, pixel_size);
            }
        }
        if (!handle) {
            return nullptr;
        }
        sizes_[weight] = pixel_size;
        found = fonts_.emplace(weight, std::move(handle)).first;
    } else if (sizes_[weight] != pixel_size) {
        if (TTF_SetFontSize(found->second.get(), pixel_size) != 0) {
            return nullptr;
        }
        sizes_[weight] = pixel_size;
    }
    return found->second.get();
}

void TextCache::close_fonts() {
    digits_.clear();  // keyed by the font: a font opened again may be another
    fonts_.clear();
    sizes_.clear();
    fallback_fonts_.clear();
}

bool TextCache::has_fonts() {
    // An open font answers without being resized (which would make SDL_ttf forget its glyphs).
    return !fonts_.empty() || font(FontWeight::regular, 16) != nullptr ||
           font(FontWeight::bold, 16) != nullptr;
}

int TextCache::width(std::string_view text, FontWeight weight, int pixel_size) {
    TTF_Font* measuring = font(weight, pixel_size);
    if (measuring == nullptr || text.empty()) {
        return 0;
    }
    std::vector<TextRun> runs = runs_of(text, weight, pixel_size);
    if (runs.empty()) {
        int width = 0;
        int height = 0;
        if (TTF_SizeUTF8(measuring, std::string(text).c_str(), &width, &height) != 0) {
            return 0;
        }
        return width;
    }
    int total = 0;
    for (const TextRun& run : runs) {
        TTF_Font* font = run_font(run.font, weight, pixel_size);
        if (font == nullptr) {
            continue;
        }
        int width = 0;
        int height = 0;
        shape_as(font, &run);
        if (TTF_SizeUTF8(font, std::string(run.text).c_str(), &width, &height) == 0) {
            total += width;
        }
        shape_as(font, nullptr);
    }
    return total;
}

int TextCache::line_step(FontWeight weight, int pixel_size) {
    TTF_Font* measuring = font(weight, pixel_size);
    if (measuring == nullptr) {
        return pixel_size;
    }
    return std::max(TTF_FontLineSkip(measuring), TTF_FontHeight(measuring));
}

std::optional<InkExtent> TextCache::ink(std::string_view text, FontWeight weight, int pixel_size) {
    TTF_Font* measuring = font(weight, pixel_size);
    if (measuring == nullptr || text.empty()) {
        return std::nullopt;
    }
    // The baseline stays where the chosen font puts it, whatever fonts the runs use.
    InkExtent extent{0, 0, TTF_FontAscent(measuring)};
    bool any = false;
    std::vector<TextRun> runs = runs_of(text, weight, pixel_size);
    if (runs.empty()) {
        runs.push_back(TextRun{text, 0, TextDirection::left_to_right, {}});
    }
    for (const TextRun& run : runs) {
        TTF_Font* font = run.font == 0 ? measuring : run_font(run.font, weight, pixel_size);
        if (font == nullptr) {
            continue;
        }
        std::string_view rest = run.text;
        while (!rest.empty()) {
            const char32_t point = take_code_point(rest);
            int min_x = 0;
            int max_x = 0;
            int min_y = 0;
            int max_y = 0;
            int advance = 0;
            if (TTF_GlyphMetrics32(font, point, &min_x, &max_x, &min_y, &max_y, &advance) != 0) {
                continue;
            }
            extent.top = any ? std::max(extent.top, max_y) : max_y;
            extent.bottom = any ? std::min(extent.bottom, min_y) : min_y;
            any = true;
        }
    }
    if (!any) {
        return std::nullopt;
    }
    return extent;
}

TTF_Font* TextCache::run_font(int font, FontWeight weight, int pixel_size) {
    if (font <= 0 || static_cast<std::size_t>(font) > fallback_faces_.size() || pixel_size <= 0) {
        return this->font(weight, pixel_size);
    }
    // One handle a face, its size changed as needed, as for the chosen fonts.
    if (const auto found = fallback_fonts_.find(font); found != fallback_fonts_.end()) {
        if (found->second.second != pixel_size) {
            if (TTF_SetFontSize(found->second.first.get(), pixel_size) != 0) {
                return nullptr;
            }
            found->second.second = pixel_size;
        }
        return found->second.first.get();
    }
    FontHandle handle = open(fallback_faces_[static_cast<std::size_t>(font) - 1], pixel_size);
    if (!handle) {
        return nullptr;
    }
    return fallback_fonts_.emplace(font, std::make_pair(std::move(handle), pixel_size))
        .first->second.first.get();
}

bool TextCache::font_has(int font, FontWeight weight, int pixel_size, char32_t point) {
    TTF_Font* handle =
        font == 0 ? this->font(weight, pixel_size) : run_font(font, weight, pixel_size);
    return handle != nullptr && TTF_GlyphIsProvided32(handle, point) != 0;
}

int TextCache::font_for(char32_t point, FontWeight weight, int pixel_size) {
    if (font_has(0, weight, pixel_size, point)) {
        return 0;
    }
    // A face already in use first: fontconfig is asked only for what none of them has.
    for (std::size_t index = 0; index < fallback_faces_.size(); ++index) {
        const int number = static_cast<int>(index) + 1;
        if (font_has(number, weight, pixel_size, point)) {
            return number;
        }
    }
    const std::optional<FontFile> face = fallback_.face_for(point, weight);
    if (!face) {
        return no_font;
    }
    const auto known = std::find(fallback_faces_.begin(), fallback_faces_.end(), *face);
    if (known != fallback_faces_.end()) {
        return static_cast<int>(known - fallback_faces_.begin()) + 1;
    }
    fallback_faces_.push_back(*face);
    return static_cast<int>(fallback_faces_.size());
}

std::vector<TextRun> TextCache::runs_of(std::string_view text, FontWeight weight, int pixel_size) {
    if (is_ascii(text) || pixel_size <= 0) {
        return {};
    }
    std::vector<TextRun> runs = split_runs(
        text, [&](char32_t point) { return font_for(point, weight, pixel_size); },
        [&](int font, char32_t point) { return font_has(font, weight, pixel_size, point); });
    if (runs.size() == 1 && runs.front().font == 0 &&
        runs.front().direction == TextDirection::left_to_right && runs.front().script.empty()) {
        return {};
    }
    return runs;
}

SurfaceHandle TextCache::render_runs(std::string_view text, const std::vector<TextRun>& runs,
                                     FontWeight weight, int pixel_size, SDL_Color colour) {
    TTF_Font* chosen = font(weight, pixel_size);
    if (chosen == nullptr) {
        return nullptr;
    }
    const int ascent = TTF_FontAscent(chosen);
    std::vector<std::pair<SurfaceHandle, int>> parts;  // each run drawn, and its font's ascent
    int width = 0;
    for (const TextRun& run : visual_order(runs, line_direction(text))) {
        TTF_Font* drawing = run_font(run.font, weight, pixel_size);
        if (drawing == nullptr) {
            continue;
        }
        shape_as(drawing, &run);
        SurfaceHandle part(TTF_RenderUTF8_Blended(drawing, std::string(run.text).c_str(), colour));
        shape_as(drawing, nullptr);
        if (part) {
            width += part->w;
            parts.emplace_back(std::move(part), TTF_FontAscent(drawing));
        }
    }
    if (width <= 0) {
        return nullptr;
    }
    // One line as the chosen font would draw it: its height, its baseline.
    SurfaceHandle line(SDL_CreateRGBSurfaceWithFormat(0, width, TTF_FontHeight(chosen), 32,
                                                      SDL_PIXELFORMAT_ARGB8888));
    if (!line) {
        return nullptr;
    }
    SDL_FillRect(line.get(), nullptr, 0);
    int x = 0;
    for (auto& [part, part_ascent] : parts) {
        SDL_SetSurfaceBlendMode(part.get(), SDL_BLENDMODE_NONE);
        SDL_Rect place{x, ascent - part_ascent, part->w, part->h};
        SDL_BlitSurface(part.get(), nullptr, line.get(), &place);
        x += part->w;
    }
    return line;
}

std::optional<TextTexture> TextCache::text(std::string_view text, FontWeight weight, int pixel_size,
                                           Rgb colour) {
    if (text.empty() || renderer_ == nullptr) {
        return std::nullopt;
    }
    const std::string key = cache_key(text, weight, pixel_size, colour);
    if (const auto found = entries_.find(key); found != entries_.end()) {
        found->second.last_used = frame_;
        return TextTexture{found->second.texture.get(), found->second.width, found->second.height};
    }
    TTF_Font* drawing = font(weight, pixel_size);
    if (drawing == nullptr) {
        return std::nullopt;
    }
    const SDL_Color sdl_colour{colour.red, colour.green, colour.blue, 255};
    const std::vector<TextRun> runs = runs_of(text, weight, pixel_size);
    SurfaceHandle surface =
        runs.empty()
            ? SurfaceHandle(TTF_RenderUTF8_Blended(drawing, std::string(text).c_str(), sdl_colour))
            : render_runs(text, runs, weight, pixel_size, sdl_colour);
    if (!surface) {
        return std::nullopt;
    }
    ++rasterised_;
    TextureHandle texture(SDL_CreateTextureFromSurface(renderer_, surface.get()));
    if (!texture) {
        return std::nullopt;
    }
    SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
    Entry entry{std::move(texture), surface->w, surface->h, frame_};
    bytes_ += static_cast<std::size_t>(entry.width) * static_cast<std::size_t>(entry.height) * 4;
    const TextTexture result{entry.texture.get(), entry.width, entry.height};
    entries_.emplace(key, std::move(entry));
    return result;
}

std::optional<ComposedLine> TextCache::number(std::string_view digits, FontWeight weight,
                                              int pixel_size, Rgb colour) {
    if (renderer_ == nullptr) {
        return std::nullopt;
    }
    return digits_.compose(digits, font(weight, pixel_size), static_cast<int>(weight), pixel_size,
                           colour);
}

void TextCache::drop(std::unordered_map<std::string, Entry>::iterator entry) {
    bytes_ -= static_cast<std::size_t>(entry->second.width) *
              static_cast<std::size_t>(entry->second.height) * 4;
    entries_.erase(entry);
}

void TextCache::end_frame() {
    for (auto entry = entries_.begin(); entry != entries_.end();) {
        const auto next = std::next(entry);
        if (frame_ - entry->second.last_used >= keep_frames) {
            drop(entry);
        }
        entry = next;
    }
    // Over the budget: the least recently used go first, but never what this frame drew.
    while (bytes_ > byte_budget) {
        auto oldest = entries_.end();
        for (auto entry = entries_.begin(); entry != entries_.end(); ++entry) {
            if (entry->second.last_used < frame_ &&
                (oldest == entries_.end() || entry->second.last_used < oldest->second.last_used)) {
                oldest = entry;
            }
        }
        if (oldest == entries_.end()) {
            break;
        }
        drop(oldest);
    }
    ++frame_;
}

}  // namespace sk
