#include "app/draw/png_writer.hpp"

#include <zlib.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "app/draw/sdl_handles.hpp"

namespace sk {
namespace {

void put_u32(std::vector<unsigned char>& out, std::uint32_t value) {
    out.push_back(static_cast<unsigned char>(value >> 24));
    out.push_back(static_cast<unsigned char>(value >> 16));
    out.push_back(static_cast<unsigned char>(value >> 8));
    out.push_back(static_cast<unsigned char>(value));
}

// A chunk: length, type, data, and the CRC of type and data.
void put_chunk(std::vector<unsigned char>& out, const char (&type)[5],
               const std::vector<unsigned char>& data) {
    put_u32(out, static_cast<std::uint32_t>(data.size()));
    const std::size_t start = out.size();
    out.insert(out.end(), type, type + 4);
    out.insert(out.end(), data.begin(), data.end());
    const uLong crc =
        crc32(crc32(0L, Z_NULL, 0), out.data() + start, static_cast<uInt>(out.size() - start));
    put_u32(out, static_cast<std::uint32_t>(crc));
}

}  // namespace

bool save_png(SDL_Surface* surface, const std::filesystem::path& path) {
    if (surface == nullptr) {
        SDL_SetError("no image to save");
        return false;
    }
    SurfaceHandle rgb(SDL_ConvertSurfaceFormat(surface, SDL_PIXELFORMAT_RGB24, 0));
    if (!rgb) {
        return false;
    }
    const auto width = static_cast<std::size_t>(rgb->w);
    const auto height = static_cast<std::size_t>(rgb->h);
    const std::size_t row = width * 3;

    // Each row: filter type 0 (none), then its pixels.
    std::vector<unsigned char> raw((row + 1) * height);
    SDL_LockSurface(rgb.get());
    for (std::size_t y = 0; y < height; ++y) {
        raw[y * (row + 1)] = 0;
        std::memcpy(&raw[y * (row + 1) + 1],
                    static_cast<const unsigned char*>(rgb->pixels) +
                        y * static_cast<std::size_t>(rgb->pitch),
                    row);
    }
    SDL_UnlockSurface(rgb.get());

    uLongf packed_size = compressBound(static_cast<uLong>(raw.size()));
    std::vector<unsigned char> packed(packed_size);
    if (compress2(packed.data(), &packed_size, raw.data(), static_cast<uLong>(raw.size()), 6) !=
        Z_OK) {
        SDL_SetError("cannot compress the image");
        return false;
    }
    packed.resize(packed_size);

    std::vector<unsigned char> header;
    put_u32(header, static_cast<std::uint32_t>(width));
    put_u32(header, static_cast<std::uint32_t>(height));
    header.insert(header.end(), {8, 2, 0, 0, 0});  // 8 bits, RGB, deflate, no filter, no interlace

    std::vector<unsigned char> file{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    put_chunk(file, "IHDR", header);
    put_chunk(file, "IDAT", packed);
    put_chunk(file, "IEND", {});

    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(file.data()),
              static_cast<std::streamsize>(file.size()));
    out.close();
    if (!out) {
        SDL_SetError("cannot write %s", path.string().c_str());
        return false;
    }
    return true;
}

}  // namespace sk
