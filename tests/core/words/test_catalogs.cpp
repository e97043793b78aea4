// The shipped catalogs (po/*.po): every message translated, none fuzzy, and every translation
// with exactly the blanks of its English, so no "{count}" is lost or mistyped in a language.
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"

namespace {

struct Message {
    int line = 0;
    std::string context;
    std::string id;
    std::string plural;
    std::vector<std::string> translations;
    bool fuzzy = false;
};

// The text of a line's "..." with gettext's escapes undone.
std::string quoted(const std::string& line) {
    const auto open = line.find('"');
    const auto close = line.rfind('"');
    std::string text;
    for (auto i = open + 1; i < close; ++i) {
        if (line[i] == '\\' && i + 1 < close) {
            ++i;
            text += line[i] == 'n' ? '\n' : line[i];
        } else {
            text += line[i];
        }
    }
    return text;
}

std::vector<Message> read_catalog(const std::string& path) {
    std::ifstream in(path);
    REQUIRE(in);
    std::vector<Message> messages;
    Message message;
    std::string* last = nullptr;
    bool fuzzy = false;
    int number = 0;
    auto finish = [&] {
        if (!message.id.empty()) {
            messages.push_back(message);
        }
        message = Message{};
        last = nullptr;
    };
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (line.rfind("#,", 0) == 0 && line.find("fuzzy") != std::string::npos) {
            fuzzy = true;
        } else if (line.empty()) {
            finish();  // entries are separated by blank lines
        } else if (line.rfind("msgctxt ", 0) == 0) {
            message.context = quoted(line);
            last = &message.context;
        } else if (line.rfind("msgid ", 0) == 0) {
            message.line = number;
            message.fuzzy = fuzzy;
            fuzzy = false;
            message.id = quoted(line);
            last = &message.id;
        } else if (line.rfind("msgid_plural ", 0) == 0) {
            message.plural = quoted(line);
            last = &message.plural;
        } else if (line.rfind("msgstr", 0) == 0) {
            message.translations.push_back(quoted(line));
            last = &message.translations.back();
        } else if (!line.empty() && line.front() == '"' && last != nullptr) {
            *last += quoted(line);
        }
    }
    finish();
    return messages;
}

std::multiset<std::string> blanks(const std::string& text) {
    std::multiset<std::string> found;
    for (auto open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
        const auto close = text.find('}', open);
        if (close == std::string::npos) {
            break;
        }
        found.insert(text.substr(open, close - open + 1));
    }
    return found;
}

std::vector<std::string> shipped_languages() {
    const std::string source = std::getenv("SK_SOURCE_DIR");
    std::ifstream in(source + "/po/LINGUAS");
    std::vector<std::string> languages;
    for (std::string word; in >> word;) {
        languages.push_back(word);
    }
    return languages;
}

}  // namespace

TEST_CASE("German and Spanish are shipped") {
    const auto languages = shipped_languages();
    CHECK(std::set<std::string>(languages.begin(), languages.end()) ==
          std::set<std::string>{"de", "es"});
}

TEST_CASE("every catalog translates every message of the template, with the same blanks") {
    const std::string po = std::string(std::getenv("SK_SOURCE_DIR")) + "/po/";
    const std::vector<Message> wanted = read_catalog(po + "stretch-kiosk.pot");
    REQUIRE(wanted.size() > 100);
    for (const std::string& language : shipped_languages()) {
        CAPTURE(language);
        const std::vector<Message> catalog = read_catalog(po + language + ".po");
        for (const Message& english : wanted) {
            CAPTURE(english.context, english.id);
            const Message* found = nullptr;
            for (const Message& message : catalog) {
                if (message.id == english.id && message.context == english.context) {
                    found = &message;
                }
            }
            REQUIRE(found != nullptr);
            CAPTURE(found->line);
            CHECK_FALSE(found->fuzzy);
            CHECK(found->plural == english.plural);
            REQUIRE_FALSE(found->translations.empty());
            for (const std::string& translation : found->translations) {
                CAPTURE(translation);
                CHECK_FALSE(translation.empty());
                // A plural's forms may drop the count ("one day") but never add a blank.
                const auto expected = blanks(english.id);
                if (english.context == "clock format") {
                    // A clock may read "7:05" or "07:05": either hour, and the minutes.
                    const auto used = blanks(translation);
                    CHECK(used.count("{mm}") == 1);
                    CHECK(used.count("{hh}") + used.count("{h}") == 1);
                    CHECK(used.size() == 2);
                } else if (english.plural.empty()) {
                    CHECK(blanks(translation) == expected);
                } else {
                    for (const std::string& blank : blanks(translation)) {
                        CHECK(expected.count(blank) == 1);
                    }
                }
            }
        }
        // Nothing left over from words the program no longer has.
        CHECK(catalog.size() == wanted.size());
    }
}

TEST_CASE("the catalog reader sees a broken blank") {
    CHECK(blanks("{count} Tage") == std::multiset<std::string>{"{count}"});
    CHECK(blanks("{cuont} Tage") != std::multiset<std::string>{"{count}"});
    CHECK(blanks("{a} {a}") == std::multiset<std::string>{"{a}", "{a}"});
}
