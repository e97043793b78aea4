// FontLocator: finds font files by family name through fontconfig, with plain-worded fallbacks.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sk {

enum class FontWeight : std::uint8_t { regular, bold };

// One face to open with SDL_ttf.
struct FontFile {
    std::string path;
    int index = 0;          // the face within a collection (.ttc)
    std::string family;     // the family fontconfig matched, for messages
    bool embolden = false;  // no bold face was found: let SDL_ttf embolden the regular one
    bool operator==(const FontFile&) const = default;
};

// Where to look: the system's fontconfig setup, or only the fonts in one directory (tests, or a
// kiosk that ships its own fonts).
struct FontSearch {
    std::optional<std::filesystem::path> only_directory;
};

// The faces the renderer uses: regular for text, bold for headings and the big digits.
struct FontFiles {
    std::optional<FontFile> regular;
    std::optional<FontFile> bold;
    std::vector<std::string> problems;  // what had to fall back, one sentence each
    FontSearch search;                  // where they were found: fallback faces come from there
};

// The family shipped everywhere the kiosk runs (fonts-dejavu-core), and the first fallback.
inline constexpr std::string_view default_font_family = "DejaVu Sans";

// Finds `family` in both weights. Falls back to DejaVu Sans, then to any scalable font, and says
// so in `problems` ("font 'Foo' not found: using DejaVu Sans"); with no font at all both faces
// are empty and `problems` says what to install.
FontFiles locate_fonts(std::string_view family, const FontSearch& search = {});

}  // namespace sk
