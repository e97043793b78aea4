#include "app/draw/text_cache.hpp"

#include <algorithm>
#include <cstdint>

namespace sk {
namespace {

// The next code point of `text`, consumed; U+FFFD for a broken sequence.
std::uint32_t take_code_point(std::string_view& text) {
    const auto lead = static_cast<unsigned char>(text.front());
    int extra = 0;
    std::uint32_t point = lead;
    if (lead >= 0xF0) {
        extra = 3;
        point = lead & 0x07u;
    } else if (lead >= 0xE0) {
        extra = 2;
        point = lead & 0x0Fu;
    } else if (lead >= 0xC0) {
        extra = 1;
        point = lead & 0x1Fu;
    } else if (lead >= 0x80) {
        text.remove_prefix(1);
        return 0xFFFD;
    }
    text.remove_prefix(1);
    for (int index = 0; index < extra; ++index) {
        if (text.empty() || (static_cast<unsigned char>(text.front()) & 0xC0) != 0x80) {
            return 0xFFFD;
        }
        point = (point << 6) | (static_cast<unsigned char>(text.front()) & 0x3Fu);
        text.remove_prefix(1);
    }
    return point;
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
    : renderer_(renderer), files_(std::move(files)) {
    if (!library_.ready()) {
        problems_.push_back(std::string("cannot start SDL_ttf: ") + TTF_GetError());
    }
}

TextCache::~TextCache() {
    // Textures before the renderer's owner destroys it; fonts before SDL_ttf quits.
    entries_.clear();
    fonts_.clear();
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
    fonts_.clear();
    sizes_.clear();
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
    int width = 0;
    int height = 0;
    if (TTF_SizeUTF8(measuring, std::string(text).c_str(), &width, &height) != 0) {
        return 0;
    }
    return width;
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
    InkExtent extent{0, 0, TTF_FontAscent(measuring)};
    bool any = false;
    while (!text.empty()) {
        const std::uint32_t point = take_code_point(text);
        int min_x = 0;
        int max_x = 0;
        int min_y = 0;
        int max_y = 0;
        int advance = 0;
        if (TTF_GlyphMetrics32(measuring, point, &min_x, &max_x, &min_y, &max_y, &advance) != 0) {
            continue;
        }
        extent.top = any ? std::max(extent.top, max_y) : max_y;
        extent.bottom = any ? std::min(extent.bottom, min_y) : min_y;
        any = true;
    }
    if (!any) {
        return std::nullopt;
    }
    return extent;
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
    SurfaceHandle surface(TTF_RenderUTF8_Blended(drawing, std::string(text).c_str(), sdl_colour));
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
