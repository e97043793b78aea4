#include "app/fonts/font_fallback.hpp"

#include <fontconfig/fontconfig.h>

#include <string>
#include <utility>

namespace sk {
namespace {

struct PatternDeleter {
    void operator()(FcPattern* pattern) const { FcPatternDestroy(pattern); }
};
struct CharSetDeleter {
    void operator()(FcCharSet* set) const { FcCharSetDestroy(set); }
};
struct FontSetDeleter {
    void operator()(FcFontSet* set) const { FcFontSetDestroy(set); }
};
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;
using CharSet = std::unique_ptr<FcCharSet, CharSetDeleter>;
using FontSetHandle = std::unique_ptr<FcFontSet, FontSetDeleter>;

const FcChar8* fc_text(const char* text) {
    return reinterpret_cast<const FcChar8*>(text);
}

}  // namespace

struct FontFallback::Fontconfig {
    struct ConfigDeleter {
        void operator()(FcConfig* config) const { FcConfigDestroy(config); }
    };
    std::unique_ptr<FcConfig, ConfigDeleter> config;
};

FontFallback::FontFallback(FontSearch search) : search_(std::move(search)) {}

FontFallback::~FontFallback() = default;

std::optional<FontFile> FontFallback::face_for(char32_t point, FontWeight weight) {
    const auto key = std::make_pair(point, weight);
    if (const auto known = answers_.find(key); known != answers_.end()) {
        return known->second;
    }
    std::optional<FontFile>& answer = answers_[key];
    if (!fontconfig_) {
        fontconfig_ = std::make_unique<Fontconfig>();
        if (search_.only_directory) {
            fontconfig_->config.reset(FcConfigCreate());
            const std::string setup =
                "<fontconfig><cachedir prefix=\"xdg\">fontconfig</cachedir></fontconfig>";
            if (fontconfig_->config &&
                (!FcConfigParseAndLoadFromMemory(fontconfig_->config.get(), fc_text(setup.c_str()),
                                                 FcFalse) ||
                 !FcConfigAppFontAddDir(fontconfig_->config.get(),
                                        fc_text(search_.only_directory->c_str())))) {
                fontconfig_->config.reset();
            }
        } else {
            fontconfig_->config.reset(FcInitLoadConfigAndFonts());
        }
    }
    FcConfig* config = fontconfig_->config.get();
    if (config == nullptr) {
        return answer;
    }
    Pattern pattern(FcPatternCreate());
    CharSet wanted(FcCharSetCreate());
    if (!pattern || !wanted || !FcCharSetAddChar(wanted.get(), point)) {
        return answer;
    }
    // A sans face first (the kiosk's own look), upright, nearest the weight, that has the
    // character: fontconfig sorts every font by that, and the first that really has it wins.
    FcPatternAddString(pattern.get(), FC_FAMILY, fc_text("sans-serif"));
    FcPatternAddCharSet(pattern.get(), FC_CHARSET, wanted.get());
    FcPatternAddInteger(pattern.get(), FC_WEIGHT,
                        weight == FontWeight::bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
    FcPatternAddBool(pattern.get(), FC_SCALABLE, FcTrue);
    FcConfigSubstitute(config, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    FontSetHandle sorted(FcFontSort(config, pattern.get(), FcFalse, nullptr, &result));
    if (!sorted) {
        return answer;
    }
    for (int index = 0; index < sorted->nfont; ++index) {
        FcPattern* font = sorted->fonts[index];
        FcCharSet* has = nullptr;
        FcBool scalable = FcFalse;
        FcChar8* file = nullptr;
        if (FcPatternGetCharSet(font, FC_CHARSET, 0, &has) != FcResultMatch ||
            !FcCharSetHasChar(has, point) ||
            FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch || file == nullptr ||
            (FcPatternGetBool(font, FC_SCALABLE, 0, &scalable) == FcResultMatch && !scalable)) {
            continue;
        }
        FontFile face;
        face.path = reinterpret_cast<const char*>(file);
        FcPatternGetInteger(font, FC_INDEX, 0, &face.index);
        FcChar8* family = nullptr;
        if (FcPatternGetString(font, FC_FAMILY, 0, &family) == FcResultMatch && family) {
            face.family = reinterpret_cast<const char*>(family);
        }
        int found_weight = FC_WEIGHT_REGULAR;
        FcPatternGetInteger(font, FC_WEIGHT, 0, &found_weight);
        face.embolden = weight == FontWeight::bold && found_weight < FC_WEIGHT_DEMIBOLD;
        answer = std::move(face);
        break;
    }
    return answer;
}

bool FontFallback::covered(char32_t point) {
    return face_for(point, FontWeight::regular).has_value();
}

}  // namespace sk
