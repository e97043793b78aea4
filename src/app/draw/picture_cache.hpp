// PictureCache: pose pictures rasterised once for each size and colours, kept as textures.
#pragma once

#include <SDL.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/draw/picture.hpp"
#include "app/draw/sdl_handles.hpp"
#include "core/model/config.hpp"

namespace sk {

// A texture of a picture, owned by the cache, drawn 1:1 (it was rasterised at this size).
struct PictureTexture {
    SDL_Texture* texture = nullptr;
    int width = 0;
    int height = 0;
};

// A screen shows one picture at a time, and a session moves between a few (a hold and its pause
// have boxes of different sizes): the cache keeps the three most recently used, and rasterises a
// picture again only when its box, colours or side change. Three, not more: each is a texture of
// its box (2.4 MB for a portrait 1080p one, 3.8 MB at 4K), and rasterising again costs a few
// milliseconds once a screen (bench/README.md). A picture that cannot be drawn (its file gone or
// broken since the config was read) is left out, reported once, and not tried again until forget().
class PictureCache {
  public:
    static constexpr std::size_t most_kept = 3;

    explicit PictureCache(SDL_Renderer* renderer);
    PictureCache(const PictureCache&) = delete;
    PictureCache& operator=(const PictureCache&) = delete;

    // `picture` as large as fits in `width` x `height`, in `ink`, mirrored as asked; nullopt when
    // it has none or cannot be drawn.
    std::optional<PictureTexture> get(const Picture& picture, int width, int height,
                                      const PictureInk& ink, Mirror mirror);

    // Problems met since the last call, one sentence each.
    std::vector<std::string> take_problems();
    // Drops every texture, to give the memory back between sessions; failures are remembered.
    void release() { entries_.clear(); }
    // Drops every texture and every failure: the files may have changed (a new config).
    void forget();

    // How many times a picture was rasterised since the cache was made.
    long rasterised() const { return rasterised_; }
    std::size_t entries() const { return entries_.size(); }

  private:
    struct Key {
        Picture picture;
        int width = 0;
        int height = 0;
        PictureInk ink;
        Mirror mirror = Mirror::none;
        bool operator==(const Key&) const = default;
    };
    struct Entry {
        Key key;
        TextureHandle texture;
        int width = 0;
        int height = 0;
        long last_used = 0;
    };

    // The picture's SVG text, or nullopt (and a problem) when it cannot be had.
    std::optional<std::string> source(const Picture& picture);
    void fail(const Picture& picture, const std::string& problem);

    SDL_Renderer* renderer_;
    std::vector<Entry> entries_;
    std::vector<Picture> failed_;
    std::vector<std::string> problems_;
    long uses_ = 0;
    long rasterised_ = 0;
};

}  // namespace sk
