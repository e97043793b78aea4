// PictureFile: the built-in pictures' names, and what the core can tell about a picture file of
// the user's without an image library (the app decodes it: PictureDecoder in parser.hpp).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace sk {

// A line drawing is a few KiB; this is room for an editor's bloat, and little to parse on a Pi.
inline constexpr std::size_t max_picture_bytes = 256 * 1024;

// The pictures the program has built in, by the name `picture:` gives them: standing, chair,
// towel, wall (assets/pictures/<name>.svg).
std::span<const std::string_view> built_in_picture_names();

// Whether `value` names an SVG file rather than a built-in picture: it ends in .svg, in any case.
bool names_svg_file(std::string_view value);

// Where a picture file is: `value` as written when it is absolute or `folder` is empty, else
// inside `folder` (the config file's).
std::string picture_path(std::string_view value, std::string_view folder);

// What is wrong with SVG text on its face, in words that follow "picture 'x.svg' ": not text, a
// first element that is not <svg>, no </svg> at the end (cut short), or no size (neither a
// viewBox nor a width and height). nullopt when it looks like an SVG drawing.
std::optional<std::string> svg_text_problem(std::string_view text);

// Reads the picture file at `path` into `svg` and checks it as far as the core can; what is
// wrong, in words that follow "picture 'x.svg' ", or nullopt.
std::optional<std::string> read_picture_file(const std::string& path, std::string& svg);

}  // namespace sk
