// Language: which language the screens and the voice use (`language:`, else the environment), and
// putting its catalog in force for tr().
#pragma once

#include <string>
#include <string_view>

namespace sk {

// What decides the language, in the order it is asked.
struct LanguageSources {
    std::string configured;   // `language:` in the config; empty when it has none
    std::string language;     // $LANGUAGE: GNU's list of preferences, "de:en"
    std::string lc_all;       // $LC_ALL
    std::string lc_messages;  // $LC_MESSAGES
    std::string lang;         // $LANG

    // `configured` with the process's environment.
    static LanguageSources from_environment(std::string configured);
};

// A chosen language and where the choice came from, for the log.
struct LanguageChoice {
    std::string tag;     // "de", "de_AT", "pt_BR"; "en" for the program's own English
    std::string source;  // "language: in the config", "LANG", ...
    bool operator==(const LanguageChoice&) const = default;
};

// `language:` if set; else the first of LC_ALL, LC_MESSAGES and LANG that is set (as POSIX
// orders them), whose "C" or "POSIX" means English; past a locale that is not C, LANGUAGE's first
// entry, as GNU gettext itself would take it.
LanguageChoice choose_language(const LanguageSources& sources);

// "de_DE.UTF-8@euro" -> "de_DE", "de-at" -> "de_AT", "C" -> "en"; empty when it is no language
// tag at all (the config reader's check, and what the environment's junk becomes).
std::string language_tag(std::string_view text);

// The language put in force.
struct LanguageInUse {
    std::string catalog;  // the catalog found ("de" for "de_AT"); empty: the program's English
    // Whether a language other than English was asked for and has no catalog: the screens speak
    // English instead (to be logged, once).
    bool fell_back = false;
};

// Puts `tag`'s catalog from `locale_dir` (<dir>/<lang>/LC_MESSAGES/stretch-kiosk.mo) in force for
// every later tr(). It sets $LANGUAGE for gettext (and so for the programs the kiosk starts), so
// it is called while no other thread reads the environment: at start-up and on a config reload.
LanguageInUse use_language(const std::string& tag, const std::string& locale_dir);

// The eSpeak NG voice that speaks `tag`'s language: "de", "es", "en-us" for en_US.
std::string voice_for_language(std::string_view tag);

}  // namespace sk
