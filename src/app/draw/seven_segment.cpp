#include "app/draw/seven_segment.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace sk {
namespace {

// Segment bits: a (top), b (top right), c (bottom right), d (bottom), e (bottom left),
// f (top left), g (middle).
constexpr std::array<std::uint8_t, 10> digit_segments{
    0b0111111, 0b0000110, 0b1011011, 0b1001111, 0b1100110,
    0b1101101, 0b1111101, 0b0000111, 0b1111111, 0b1101111,
};
constexpr std::uint8_t minus_segments = 0b1000000;

// Widths as shares of the digit height.
constexpr double digit_width = 0.56;
constexpr double colon_width = 0.24;
constexpr double space_width = 0.40;
constexpr double spacing = 0.16;

double share_of_height(char character) {
    switch (character) {
        case ':':
            return colon_width;
        case ' ':
            return space_width;
        default:
            return digit_width;
    }
}

void fill(SDL_Renderer* renderer, int x, int y, int width, int height) {
    const SDL_Rect rect{x, y, std::max(1, width), std::max(1, height)};
    SDL_RenderFillRect(renderer, &rect);
}

void draw_digit(SDL_Renderer* renderer, std::uint8_t segments, int x, int y, int width, int height,
                int thickness) {
    const int half = (height - 3 * thickness) / 2;
    const int span = width - 2 * thickness;
    const int lower = y + 2 * thickness + half;
    if (segments & 0b0000001) {
        fill(renderer, x + thickness, y, span, thickness);
    }
    if (segments & 0b0000010) {
        fill(renderer, x + width - thickness, y + thickness, thickness, half);
    }
    if (segments & 0b0000100) {
        fill(renderer, x + width - thickness, lower, thickness, half);
    }
    if (segments & 0b0001000) {
        fill(renderer, x + thickness, y + height - thickness, span, thickness);
    }
    if (segments & 0b0010000) {
        fill(renderer, x, lower, thickness, half);
    }
    if (segments & 0b0100000) {
        fill(renderer, x, y + thickness, thickness, half);
    }
    if (segments & 0b1000000) {
        fill(renderer, x + thickness, y + thickness + half, span, thickness);
    }
}

}  // namespace

bool segments_can_draw(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char character) {
        return (character >= '0' && character <= '9') || character == ':' || character == '-' ||
               character == ' ';
    });
}

Box draw_segments(SDL_Renderer* renderer, std::string_view text, const Box& box, Rgb colour) {
    if (!segments_can_draw(text) || box.empty()) {
        return {};
    }
    double width_per_height = spacing * static_cast<double>(text.size() - 1);
    for (const char character : text) {
        width_per_height += share_of_height(character);
    }
    const int height =
        std::min(box.height, static_cast<int>(static_cast<double>(box.width) / width_per_height));
    const int thickness = std::max(1, height / 8);
    if (height < 3 * thickness + 2) {
        return {};
    }
    const int total = static_cast<int>(width_per_height * height);
    int x = box.x + (box.width - total) / 2;
    const int y = box.y + (box.height - height) / 2;
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(renderer, colour.red, colour.green, colour.blue, 255);
    for (const char character : text) {
        const int width = static_cast<int>(share_of_height(character) * height);
        if (character >= '0' && character <= '9') {
            draw_digit(renderer, digit_segments[static_cast<std::size_t>(character - '0')], x, y,
                       width, height, thickness);
        } else if (character == '-') {
            draw_digit(renderer, minus_segments, x, y, width, height, thickness);
        } else if (character == ':') {
            const int dot = std::max(1, thickness + thickness / 2);
            fill(renderer, x + (width - dot) / 2, y + height * 3 / 10, dot, dot);
            fill(renderer, x + (width - dot) / 2, y + height * 7 / 10 - dot, dot, dot);
        }
        x += width + static_cast<int>(spacing * height);
    }
    return {box.x + (box.width - total) / 2, y, std::min(total, box.width), height};
}

}  // namespace sk
