#include "app/fonts/font_locator.hpp"

#include <fontconfig/fontconfig.h>

#include <memory>
#include <tuple>

namespace sk {
namespace {

struct PatternDeleter {
    void operator()(FcPattern* pattern) const { FcPatternDestroy(pattern); }
};
struct ConfigDeleter {
    void operator()(FcConfig* config) const { FcConfigDestroy(config); }
};
struct FontSetDeleter {
    void operator()(FcFontSet* set) const { FcFontSetDestroy(set); }
};
struct ObjectSetDeleter {
    void operator()(FcObjectSet* set) const { FcObjectSetDestroy(set); }
};
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;
using ConfigHandle = std::unique_ptr<FcConfig, ConfigDeleter>;
using FontSetHandle = std::unique_ptr<FcFontSet, FontSetDeleter>;
using ObjectSetHandle = std::unique_ptr<FcObjectSet, ObjectSetDeleter>;

const FcChar8* fc_text(const std::string& text) {
    return reinterpret_cast<const FcChar8*>(text.c_str());
}

int wanted_weight(FontWeight weight) {
    return weight == FontWeight::bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;
}

// The face a matched or listed pattern names, if it is a scalable file SDL_ttf can open.
std::optional<FontFile> face_of(FcPattern* pattern, FontWeight weight) {
    FcChar8* file = nullptr;
    if (FcPatternGetString(pattern, FC_FILE, 0, &file) != FcResultMatch || file == nullptr) {
        return std::nullopt;
    }
    FcBool scalable = FcFalse;
    if (FcPatternGetBool(pattern, FC_SCALABLE, 0, &scalable) == FcResultMatch && !scalable) {
        return std::nullopt;
    }
    FontFile face;
    face.path = reinterpret_cast<const char*>(file);
    FcPatternGetInteger(pattern, FC_INDEX, 0, &face.index);
    FcChar8* family = nullptr;
    if (FcPatternGetString(pattern, FC_FAMILY, 0, &family) == FcResultMatch && family) {
        face.family = reinterpret_cast<const char*>(family);
    }
    int found_weight = FC_WEIGHT_REGULAR;
    FcPatternGetInteger(pattern, FC_WEIGHT, 0, &found_weight);
    face.embolden = weight == FontWeight::bold && found_weight < FC_WEIGHT_DEMIBOLD;
    return face;
}

bool has_family(FcPattern* pattern, const std::string& family) {
    FcChar8* name = nullptr;
    for (int index = 0; FcPatternGetString(pattern, FC_FAMILY, index, &name) == FcResultMatch;
         ++index) {
        if (FcStrCmpIgnoreCase(name, fc_text(family)) == 0) {
            return true;
        }
    }
    return false;
}

// `family` in `weight`, or nothing: fontconfig always answers with its best guess, so the answer
// counts only when it is the family asked for.
std::optional<FontFile> match_family(FcConfig* config, const std::string& family,
                                     FontWeight weight) {
    Pattern pattern(FcPatternCreate());
    if (!pattern) {
        return std::nullopt;
    }
    FcPatternAddString(pattern.get(), FC_FAMILY, fc_text(family));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, wanted_weight(weight));
    FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
    FcPatternAddBool(pattern.get(), FC_SCALABLE, FcTrue);
    FcConfigSubstitute(config, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    Pattern match(FcFontMatch(config, pattern.get(), &result));
    if (!match || !has_family(match.get(), family)) {
        return std::nullopt;
    }
    std::optional<FontFile> face = face_of(match.get(), weight);
    if (face) {
        face->family = family;
    }
    return face;
}

// Any upright scalable face, the one nearest `weight` (ties by family and file, so the choice
// does not change from run to run).
std::optional<FontFile> any_scalable(FcConfig* config, FontWeight weight) {
    Pattern pattern(FcPatternCreate());
    ObjectSetHandle objects(
        FcObjectSetBuild(FC_FAMILY, FC_FILE, FC_INDEX, FC_WEIGHT, FC_SLANT, FC_SCALABLE, nullptr));
    if (!pattern || !objects) {
        return std::nullopt;
    }
    FcPatternAddBool(pattern.get(), FC_SCALABLE, FcTrue);
    FontSetHandle set(FcFontList(config, pattern.get(), objects.get()));
    if (!set) {
        return std::nullopt;
    }
    std::optional<FontFile> best;
    std::tuple<int, int, std::string, std::string> best_rank;
    for (int index = 0; index < set->nfont; ++index) {
        FcPattern* font = set->fonts[index];
        std::optional<FontFile> face = face_of(font, weight);
        if (!face) {
            continue;
        }
        int slant = FC_SLANT_ROMAN;
        FcPatternGetInteger(font, FC_SLANT, 0, &slant);
        int found_weight = FC_WEIGHT_REGULAR;
        FcPatternGetInteger(font, FC_WEIGHT, 0, &found_weight);
        const int distance = found_weight - wanted_weight(weight);
        std::tuple<int, int, std::string, std::string> rank{slant == FC_SLANT_ROMAN ? 0 : 1,
                                                            distance < 0 ? -distance : distance,
                                                            face->family, face->path};
        if (!best || rank < best_rank) {
            best = std::move(face);
            best_rank = std::move(rank);
        }
    }
    return best;
}

}  // namespace

FontFiles locate_fonts(std::string_view family, const FontSearch& search) {
    FontFiles files;
    files.search = search;
    // A config of our own, even for the system's setup: fontconfig's global one is never freed.
    ConfigHandle own_config;
    if (search.only_directory) {
        own_config.reset(FcConfigCreate());
        const std::string directory = search.only_directory->string();
        // A cache in the user's cache directory, as the system setup has: without one
        // fontconfig complains on stderr and rescans every time.
        const std::string setup =
            "<fontconfig><cachedir prefix=\"xdg\">fontconfig</cachedir></fontconfig>";
        if (!own_config ||
            !FcConfigParseAndLoadFromMemory(own_config.get(), fc_text(setup), FcFalse) ||
            !FcConfigAppFontAddDir(own_config.get(), fc_text(directory))) {
            files.problems.push_back("cannot read fonts from " + directory);
        }
    } else {
        own_config.reset(FcInitLoadConfigAndFonts());
    }
    FcConfig* config = own_config.get();
    if (config == nullptr) {
        files.problems.push_back("no font found: install fonts-dejavu-core and fontconfig");
        return files;
    }

    const std::string wanted =
        family.empty() ? std::string(default_font_family) : std::string(family);
    std::string chosen = wanted;
    files.regular = match_family(config, wanted, FontWeight::regular);
    if (!files.regular && wanted != default_font_family) {
        chosen = std::string(default_font_family);
        files.regular = match_family(config, chosen, FontWeight::regular);
    }
    if (!files.regular) {
        files.regular = any_scalable(config, FontWeight::regular);
        if (files.regular) {
            chosen = files.regular->family;
        }
    }
    if (!files.regular) {
        files.problems.push_back(
            "no font found: install fonts-dejavu-core (until then only digits are shown)");
        return files;
    }
    if (chosen != wanted) {
        files.problems.push_back("font '" + wanted + "' not found: using " + chosen);
    }
    files.bold = match_family(config, chosen, FontWeight::bold);
    if (!files.bold) {
        files.bold = files.regular;
        files.bold->embolden = true;
    }
    return files;
}

}  // namespace sk
