#include "app/draw/built_in_pictures.hpp"

namespace sk {

// Generated from assets/pictures/<name>.svg by scripts/embed_text.cmake (src/app/CMakeLists.txt).
std::string_view built_in_standing_svg();
std::string_view built_in_chair_svg();
std::string_view built_in_towel_svg();
std::string_view built_in_wall_svg();

std::optional<std::string_view> built_in_picture_svg(std::string_view name) {
    if (name == "standing") {
        return built_in_standing_svg();
    }
    if (name == "chair") {
        return built_in_chair_svg();
    }
    if (name == "towel") {
        return built_in_towel_svg();
    }
    if (name == "wall") {
        return built_in_wall_svg();
    }
    return std::nullopt;
}

}  // namespace sk
