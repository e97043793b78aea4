// Language: the choice, and gettext's settings for it.
#include "core/words/language.hpp"

#include <libintl.h>
#include <sys/stat.h>

#include <array>
#include <clocale>
#include <cstdlib>
#include <utility>

#include "core/words/words.hpp"

namespace sk {
namespace {

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value == nullptr ? std::string() : std::string(value);
}

bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

char upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

bool is_file(const std::string& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

std::string_view language_part(std::string_view tag) {
    return tag.substr(0, tag.find('_'));
}

}  // namespace

LanguageSources LanguageSources::from_environment(std::string configured) {
    return {std::move(configured), environment("LANGUAGE"), environment("LC_ALL"),
            environment("LC_MESSAGES"), environment("LANG")};
}

std::string language_tag(std::string_view text) {
    // The locale's codeset and modifier say nothing about the language.
    text = text.substr(0, text.find_first_of(".@"));
    if (text == "C" || text == "POSIX") {
        return "en";
    }
    const std::size_t split = text.find_first_of("_-");
    const std::string_view language = text.substr(0, split);
    const std::string_view region =
        split == std::string_view::npos ? std::string_view() : text.substr(split + 1);
    // ISO 639 codes are two or three letters; regions two letters (or three digits, "419").
    const bool language_ok = (language.size() == 2 || language.size() == 3) &&
                             is_letter(language[0]) && is_letter(language[1]) &&
                             (language.size() == 2 || is_letter(language[2]));
    const bool region_ok =
        split == std::string_view::npos ||
        (region.size() == 2 && is_letter(region[0]) && is_letter(region[1])) ||
        (region.size() == 3 && region.find_first_not_of("0123456789") == std::string_view::npos);
    if (!language_ok || !region_ok) {
        return {};
    }
    std::string tag;
    for (char c : language) {
        tag += lower(c);
    }
    if (!region.empty()) {
        tag += '_';
        for (char c : region) {
            tag += upper(c);
        }
    }
    return tag;
}

LanguageChoice choose_language(const LanguageSources& sources) {
    if (!sources.configured.empty()) {
        return {language_tag(sources.configured), "language: in the config"};
    }
    const std::array<std::pair<const std::string*, const char*>, 3> locales{
        {{&sources.lc_all, "LC_ALL"},
         {&sources.lc_messages, "LC_MESSAGES"},
         {&sources.lang, "LANG"}}};
    for (const auto& [value, name] : locales) {
        if (value->empty()) {
            continue;
        }
        const std::string tag = language_tag(*value);
        if (tag == "en" && (*value == "C" || value->rfind("C.", 0) == 0 || *value == "POSIX")) {
            // GNU gettext ignores LANGUAGE under the C locale: so does the kiosk.
            return {"en", name};
        }
        const std::string first = sources.language.substr(0, sources.language.find(':'));
        if (const std::string preferred = language_tag(first); !preferred.empty()) {
            return {preferred, "LANGUAGE"};
        }
        if (!tag.empty()) {
            return {tag, name};
        }
        break;
    }
    return {"en", "the default"};
}

LanguageInUse use_language(const std::string& tag, const std::string& locale_dir) {
    LanguageInUse in_use;
    const std::string language(language_part(tag));
    for (const std::string& candidate : {tag, language}) {
        if (!candidate.empty() &&
            is_file(locale_dir + "/" + candidate + "/LC_MESSAGES/" + text_domain + ".mo")) {
            in_use.catalog = candidate;
            break;
        }
    }
    in_use.fell_back = in_use.catalog.empty() && language != "en";
    // gettext reads the language from $LANGUAGE, but only when the messages locale is not "C":
    // C.UTF-8 is built into glibc (2.35 and later), so this needs no generated locale, and it
    // keeps strerror()'s words, which go to the log, in English.
    if (std::setlocale(LC_MESSAGES, "C.UTF-8") == nullptr && !in_use.catalog.empty()) {
        // An older C library without C.UTF-8: gettext would ignore $LANGUAGE under "C".
        in_use.catalog.clear();
        in_use.fell_back = true;
    }
    // Written only when it changes: a reload that keeps the language (nearly every one) leaves
    // the environment alone while the sound threads run.
    const std::string wanted = in_use.catalog.empty() ? "en" : in_use.catalog;
    if (environment("LANGUAGE") != wanted) {
        ::setenv("LANGUAGE", wanted.c_str(), 1);
    }
    ::bindtextdomain(text_domain, locale_dir.c_str());
    // The catalogs are UTF-8, and so is everything the kiosk draws, whatever the locale's codeset.
    ::bind_textdomain_codeset(text_domain, "UTF-8");
    // gettext caches what it looked up; setting the domain (even to itself) empties that cache, so
    // a language changed by a config reload is seen at once (the gettext manual's own advice).
    ::textdomain(::textdomain(nullptr));
    return in_use;
}

std::string voice_for_language(std::string_view tag) {
    // eSpeak NG names its voices by language, and a few by region as well.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> regional{
        {{"en_US", "en-us"}, {"pt_BR", "pt-br"}, {"es_MX", "es-419"}, {"es_419", "es-419"}}};
    for (const auto& [region, voice] : regional) {
        if (tag == region) {
            return std::string(voice);
        }
    }
    const std::string_view language = language_part(tag);
    return language.empty() ? std::string("en") : std::string(language);
}

}  // namespace sk
