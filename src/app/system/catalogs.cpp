#include "app/system/catalogs.hpp"

#include <filesystem>
#include <system_error>

#include "core/words/language.hpp"

namespace sk {

std::string catalog_dir() {
    std::error_code error;
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        const std::filesystem::path beside = program.parent_path() / "locale";
        if (std::filesystem::is_directory(beside, error)) {
            return beside.string();
        }
    }
    return SK_INSTALLED_LOCALEDIR;
}

std::vector<std::string> Languages::put_in_force(Config& config) {
    std::vector<std::string> log;
    const LanguageChoice choice =
        choose_language(LanguageSources::from_environment(config.language));
    const LanguageInUse in_use = use_language(choice.tag, dir_);
    if (config.voice.voice.empty()) {
        // English words in another language's voice would be hard to follow: a language with no
        // catalog is spoken by the English voice too.
        config.voice.voice = in_use.fell_back ? "en" : voice_for_language(choice.tag);
    }
    const std::string said = choice.tag + " (from " + choice.source + ")";
    if (said != in_force_) {
        in_force_ = said;
        log.push_back("language: " + said + ", voice " + config.voice.voice);
    }
    if (in_use.fell_back && fallback_reported_ != choice.tag) {
        fallback_reported_ = choice.tag;
        log.push_back("no translation into " + choice.tag + " in " + dir_ +
                      ": the screens and the voice speak English");
    }
    return log;
}

}  // namespace sk
