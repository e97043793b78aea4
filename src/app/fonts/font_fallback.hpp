// FontFallback: the installed font that has a character the chosen font lacks, found through
// fontconfig by the character itself, so text in any installed script draws without empty boxes.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "app/fonts/font_locator.hpp"

namespace sk {

class FontFallback {
  public:
    // Looks where the chosen fonts were looked for (the system's setup, or one directory).
    explicit FontFallback(FontSearch search);
    FontFallback(const FontFallback&) = delete;
    FontFallback& operator=(const FontFallback&) = delete;
    ~FontFallback();

    // The face nearest `weight` that has `point`, or nothing when no installed font has it.
    // Asked once per character and weight; fontconfig is set up on the first question.
    std::optional<FontFile> face_for(char32_t point, FontWeight weight);

    // Whether any installed font has `point` (for --check).
    bool covered(char32_t point);

  private:
    struct Fontconfig;
    FontSearch search_;
    std::unique_ptr<Fontconfig> fontconfig_;
    std::map<std::pair<char32_t, FontWeight>, std::optional<FontFile>> answers_;
};

}  // namespace sk
