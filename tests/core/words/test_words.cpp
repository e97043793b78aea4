// The program's words: blanks filled, the language chosen and put in force, plural forms, voices.
#include <cstdlib>
#include <string>
#include <vector>

#include "catch.hpp"
#include "core/words/language.hpp"
#include "core/words/words.hpp"

namespace {

// The build's compiled catalogs (po/), and English again when a test is done with them.
std::string locale_dir() {
    const char* dir = std::getenv("SK_LOCALE_DIR");
    return dir == nullptr ? std::string() : std::string(dir);
}

struct InLanguage {
    explicit InLanguage(const std::string& tag) : in_use(sk::use_language(tag, locale_dir())) {}
    ~InLanguage() { sk::use_language("en", locale_dir()); }
    InLanguage(const InLanguage&) = delete;
    InLanguage& operator=(const InLanguage&) = delete;
    sk::LanguageInUse in_use;
};

}  // namespace

TEST_CASE("fill puts each blank's value in its place, in any order") {
    struct Case {
        std::string pattern;
        std::string expected;
    };
    const std::vector<Case> cases{
        {"{count} days in a row", "3 days in a row"},
        {"Next: {entry} at {time}", "Next: Morning at 07:00"},
        {"{time}, {entry}", "07:00, Morning"},
        {"{entry}{entry}", "MorningMorning"},
        {"no blanks", "no blanks"},
        {"", ""},
        {"{unknown} stays", "{unknown} stays"},
        {"an open { brace", "an open { brace"},
        {"a close } brace", "a close } brace"},
        {"{count", "{count"},
        {"{}", "{}"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.pattern);
        CHECK(sk::fill(c.pattern, {{"count", "3"}, {"entry", "Morning"}, {"time", "07:00"}}) ==
              c.expected);
    }
}

TEST_CASE("a blank's value is not read again for blanks") {
    CHECK(sk::fill("{a} {b}", {{"a", "{b}"}, {"b", "x"}}) == "{b} x");
}

TEST_CASE("language tags from the config and the environment") {
    struct Case {
        std::string text;
        std::string tag;
    };
    const std::vector<Case> cases{
        {"de", "de"},
        {"de_DE", "de_DE"},
        {"de_DE.UTF-8", "de_DE"},
        {"de_DE.UTF-8@euro", "de_DE"},
        {"DE-at", "de_AT"},
        {"es", "es"},
        {"es_419", "es_419"},
        {"pt_BR", "pt_BR"},
        {"fil", "fil"},
        {"C", "en"},
        {"C.UTF-8", "en"},
        {"POSIX", "en"},
        {"", ""},
        {"d", ""},
        {"deutsch", ""},
        {"de_DEU", ""},
        {"de_", ""},
        {"1e", ""},
        {"de DE", ""},
        {"../de", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(sk::language_tag(c.text) == c.tag);
    }
}

TEST_CASE(
    "the language: the config's, else LC_ALL, LC_MESSAGES, LANG; LANGUAGE past a real locale") {
    struct Case {
        sk::LanguageSources sources;
        sk::LanguageChoice expected;
    };
    const std::vector<Case> cases{
        {{"es", "de", "fr_FR.UTF-8", "", "de_DE.UTF-8"}, {"es", "language: in the config"}},
        {{"", "", "fr_FR.UTF-8", "de_DE", "es_ES"}, {"fr_FR", "LC_ALL"}},
        {{"", "", "", "de_DE", "es_ES"}, {"de_DE", "LC_MESSAGES"}},
        {{"", "", "", "", "es_ES.UTF-8"}, {"es_ES", "LANG"}},
        {{"", "de:en", "", "", "en_GB.UTF-8"}, {"de", "LANGUAGE"}},
        // Under the C locale gettext does not read LANGUAGE, and neither does the kiosk.
        {{"", "de", "C.UTF-8", "", "es_ES"}, {"en", "LC_ALL"}},
        {{"", "de", "", "", "C"}, {"en", "LANG"}},
        {{"", "", "", "", ""}, {"en", "the default"}},
        {{"", "", "", "", "nonsense!"}, {"en", "the default"}},
        {{"", "nonsense!", "", "", "es_ES"}, {"es_ES", "LANG"}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.sources.configured, c.sources.language, c.sources.lc_all, c.sources.lang);
        CHECK(sk::choose_language(c.sources) == c.expected);
    }
}

TEST_CASE("without a catalog in force the words are the program's English") {
    CHECK(sk::tr("Well done") == "Well done");
    CHECK(sk::tr_c("phase", "Hold") == "Hold");
    CHECK(sk::tr_n("{count} day in a row", "{count} days in a row", 1) == "{count} day in a row");
    CHECK(sk::tr_n("{count} day in a row", "{count} days in a row", 2) == "{count} days in a row");
}

TEST_CASE("German and Spanish catalogs are found and used, with their plural forms") {
    REQUIRE_FALSE(locale_dir().empty());
    {
        InLanguage german("de");
        CHECK(german.in_use.catalog == "de");
        CHECK_FALSE(german.in_use.fell_back);
        CHECK(sk::tr("Well done") == "Gut gemacht");
        CHECK(sk::tr_c("phase", "Hold") == "Halten");
        CHECK(sk::tr_n("{count} day in a row", "{count} days in a row", 1) ==
              "{count} Tag in Folge");
        CHECK(sk::tr_n("{count} day in a row", "{count} days in a row", 2) ==
              "{count} Tage in Folge");
        CHECK(sk::tr_n("{count} day in a row", "{count} days in a row", 0) ==
              "{count} Tage in Folge");
        CHECK(sk::tr("a text no catalog has") == "a text no catalog has");
    }
    CHECK(sk::tr("Well done") == "Well done");
    {
        InLanguage spanish("es_MX");
        CHECK(spanish.in_use.catalog == "es");
        CHECK(sk::tr("Well done") == "Bien hecho");
        CHECK(sk::tr_c("clock format", "{hh}:{mm}") == "{h}:{mm}");
    }
}

TEST_CASE("a language changed while running is seen at once") {
    InLanguage first("de");
    CHECK(sk::tr("Paused") == "Angehalten");
    sk::use_language("es", locale_dir());
    CHECK(sk::tr("Paused") == "En pausa");
    sk::use_language("de_AT", locale_dir());
    CHECK(sk::tr("Paused") == "Angehalten");
}

TEST_CASE("a language with no catalog falls back to English, and says so") {
    struct Case {
        std::string tag;
        bool fell_back;
    };
    for (const Case& c : std::vector<Case>{
             {"fr", true}, {"ja_JP", true}, {"en", false}, {"en_US", false}, {"en_GB", false}}) {
        CAPTURE(c.tag);
        InLanguage other(c.tag);
        CHECK(other.in_use.catalog.empty());
        CHECK(other.in_use.fell_back == c.fell_back);
        CHECK(sk::tr("Well done") == "Well done");
    }
    // A directory with no catalogs at all: English, not a failure.
    const sk::LanguageInUse nowhere = sk::use_language("de", "/nonexistent");
    CHECK(nowhere.fell_back);
    CHECK(sk::tr("Well done") == "Well done");
}

TEST_CASE("the voice of each language") {
    struct Case {
        std::string tag;
        std::string voice;
    };
    for (const Case& c : std::vector<Case>{{"de", "de"},
                                           {"de_AT", "de"},
                                           {"es", "es"},
                                           {"es_MX", "es-419"},
                                           {"en", "en"},
                                           {"en_US", "en-us"},
                                           {"en_GB", "en"},
                                           {"pt_BR", "pt-br"},
                                           {"", "en"}}) {
        CAPTURE(c.tag);
        CHECK(sk::voice_for_language(c.tag) == c.voice);
    }
}

TEST_CASE("a language with three plural forms gets each, by the catalog's own rule") {
    const char* dir = std::getenv("SK_TEST_LOCALE_DIR");
    REQUIRE(dir != nullptr);
    REQUIRE(sk::use_language("pl", dir).catalog == "pl");
    struct Case {
        long count;
        std::string form;
    };
    for (const Case& c : std::vector<Case>{{1, "{count} dzień z rzędu"},
                                           {2, "{count} dni z rzędu (2-4)"},
                                           {4, "{count} dni z rzędu (2-4)"},
                                           {5, "{count} dni z rzędu"},
                                           {12, "{count} dni z rzędu"},
                                           {22, "{count} dni z rzędu (2-4)"},
                                           {25, "{count} dni z rzędu"}}) {
        CAPTURE(c.count);
        CHECK(sk::tr_n("{count} day in a row", "{count} days in a row", c.count) == c.form);
    }
    sk::use_language("en", locale_dir());
}
