// BuiltInPictures: the program's own line drawings (assets/pictures/*.svg), compiled in.
#pragma once

#include <optional>
#include <string_view>

namespace sk {

// The SVG text of the built-in picture `name` ("towel"), or nullopt for a name it does not have.
std::optional<std::string_view> built_in_picture_svg(std::string_view name);

}  // namespace sk
