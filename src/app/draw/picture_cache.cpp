#include "app/draw/picture_cache.hpp"

#include <algorithm>
#include <utility>

#include "app/draw/built_in_pictures.hpp"
#include "core/config/picture_file.hpp"

namespace sk {

PictureCache::PictureCache(SDL_Renderer* renderer) : renderer_(renderer) {}

std::optional<PictureTexture> PictureCache::get(const Picture& picture, int width, int height,
                                                const PictureInk& ink, Mirror mirror) {
    if (picture.source == Picture::Source::none || width <= 0 || height <= 0 ||
        std::find(failed_.begin(), failed_.end(), picture) != failed_.end()) {
        return std::nullopt;
    }
    ++uses_;
    const Key key{picture, width, height, ink, mirror};
    auto found = std::find_if(entries_.begin(), entries_.end(),
                              [&](const Entry& entry) { return entry.key == key; });
    if (found == entries_.end()) {
        const auto svg = source(picture);
        if (!svg) {
            return std::nullopt;
        }
        RasterisedPicture drawn = rasterise_picture(*svg, width, height, ink, mirror);
        ++rasterised_;
        TextureHandle texture(
            drawn.surface ? SDL_CreateTextureFromSurface(renderer_, drawn.surface.get()) : nullptr);
        if (!texture) {
            fail(picture, drawn.surface ? std::string("could not be drawn (") + SDL_GetError() + ")"
                                        : drawn.problem);
            return std::nullopt;
        }
        SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
        if (entries_.size() >= most_kept) {
            entries_.erase(std::min_element(
                entries_.begin(), entries_.end(),
                [](const Entry& a, const Entry& b) { return a.last_used < b.last_used; }));
        }
        entries_.push_back(
            Entry{key, std::move(texture), drawn.surface->w, drawn.surface->h, uses_});
        found = entries_.end() - 1;
    }
    found->last_used = uses_;
    return PictureTexture{found->texture.get(), found->width, found->height};
}

std::optional<std::string> PictureCache::source(const Picture& picture) {
    if (picture.source == Picture::Source::built_in) {
        if (const auto svg = built_in_picture_svg(picture.name)) {
            return std::string(*svg);
        }
        fail(picture, "is not one of the built-in pictures");
        return std::nullopt;
    }
    std::string svg;
    if (auto problem = read_picture_file(picture.name, svg)) {
        fail(picture, *problem);
        return std::nullopt;
    }
    return svg;
}

void PictureCache::fail(const Picture& picture, const std::string& problem) {
    failed_.push_back(picture);
    problems_.push_back("picture '" + picture.name + "' " + problem + ": shown without it");
}

std::vector<std::string> PictureCache::take_problems() {
    return std::exchange(problems_, {});
}

void PictureCache::forget() {
    entries_.clear();
    failed_.clear();
}

}  // namespace sk
