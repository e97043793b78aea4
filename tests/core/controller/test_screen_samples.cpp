// The sample screens (every screen the kiosk shows) in German and Spanish: none keeps a word of
// the program's English, on screen or in what the coach says.
#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "catch.hpp"
#include "core/config/parser.hpp"
#include "core/controller/screen_samples.hpp"
#include "core/words/language.hpp"

namespace {

using namespace std::chrono_literals;

std::string source_file(const std::string& relative) {
    return std::string(std::getenv("SK_SOURCE_DIR")) + "/" + relative;
}

std::string locale_dir() {
    const char* dir = std::getenv("SK_LOCALE_DIR");
    return dir == nullptr ? std::string() : std::string(dir);
}

// The words of a text, lower-cased: runs of letters (any byte past ASCII counts as a letter, so
// "Übung" is one word).
std::set<std::string> words(const std::string& text) {
    std::set<std::string> found;
    std::string word;
    const auto end_word = [&] {
        if (!word.empty()) {
            found.insert(word);
            word.clear();
        }
    };
    for (std::size_t at = 0; at < text.size(); ++at) {
        // "·" and "–" join the lines' parts: they are no words.
        if (text.compare(at, 2, "·") == 0 || text.compare(at, 3, "–") == 0) {
            end_word();
            at += text.compare(at, 2, "·") == 0 ? 1 : 2;
            continue;
        }
        const auto byte = static_cast<unsigned char>(text[at]);
        if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || byte >= 0x80) {
            word += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte - 'A' + 'a' : byte);
        } else {
            end_word();
        }
    }
    end_word();
    return found;
}

// Everything the screens show and the coach says, but the config error in the error screen's
// banner: config errors stay English, for whoever edits the file.
std::string all_text(const std::vector<sk::SampleScreen>& screens) {
    std::string text;
    for (const sk::SampleScreen& screen : screens) {
        const sk::ScreenView& view = screen.view;
        for (const std::string* line :
             {&view.heading, &view.subheading, &view.phase, &view.caution, &view.hint}) {
            text += *line + "\n";
        }
        for (const std::string& line : view.body) {
            text += line + "\n";
        }
        for (const sk::StatusLine& line : view.status) {
            text += line.text + "\n";
        }
        for (const sk::Phrase& phrase : screen.said.phrases) {
            text += phrase.text + "\n";
        }
    }
    return text;
}

// The words the config itself gives the screens: names, titles, steps, cues and cautions.
std::string own_words(const sk::Config& config) {
    std::string text;
    for (const sk::Stretch& stretch : config.stretches) {
        text += stretch.title + "\n" + stretch.caution + "\n" + stretch.cue + "\n";
        for (const std::string& step : stretch.steps) {
            text += step + "\n";
        }
    }
    for (const sk::Routine& routine : config.routines) {
        text += routine.title + "\n";
    }
    for (const sk::ScheduleEntry& entry : config.schedule) {
        text += entry.name + "\n";
    }
    return text;
}

std::vector<sk::SampleScreen> screens_in(const std::string& language, const sk::Config& config) {
    sk::use_language(language, locale_dir());
    const sk::Zone zone = *sk::Zone::find("Europe/Berlin");
    // A Wednesday morning, with the next session a day ahead.
    const sk::SysSeconds now = zone.to_instant(*sk::parse_local_iso("2026-12-02T06:59"));
    auto screens = sk::sample_screens(config, zone, now, "Space");
    sk::use_language("en", locale_dir());
    return screens;
}

}  // namespace

TEST_CASE("no screen in German or Spanish keeps a word of the program's English") {
    const sk::ConfigResult german =
        sk::load_config_file(source_file("config/stretch-kiosk.de.yaml"));
    REQUIRE(german.ok());
    // The program's English: what the screens say in English, less the config's own words.
    std::set<std::string> english = words(all_text(screens_in("en", *german.config)));
    for (const std::string& word : words(own_words(*german.config))) {
        english.erase(word);
    }
    REQUIRE(english.count("press") == 1);
    REQUIRE(english.count("leg") == 1);
    REQUIRE(english.count("well") == 1);
    for (const std::string language : {"de", "es"}) {
        CAPTURE(language);
        const std::vector<sk::SampleScreen> screens = screens_in(language, *german.config);
        std::set<std::string> left;
        for (const std::string& word : words(all_text(screens))) {
            if (english.count(word) == 1) {
                left.insert(word);
            }
        }
        // Units and key names written the same in these languages, and words they share.
        for (const char* same : {"s", "min", "h", "esc", "tab"}) {
            left.erase(same);
        }
        left.erase(language == "de" ? "position" : "a");  // "in Position", "a las 7:00"
        CHECK(left == std::set<std::string>{});
    }
}

TEST_CASE("the samples' dates, plurals and clock in German and Spanish") {
    const sk::ConfigResult german =
        sk::load_config_file(source_file("config/stretch-kiosk.de.yaml"));
    REQUIRE(german.ok());
    const auto find = [](const std::vector<sk::SampleScreen>& screens, const std::string& name) {
        const auto found = std::find_if(screens.begin(), screens.end(),
                                        [&](const sk::SampleScreen& s) { return s.name == name; });
        REQUIRE(found != screens.end());
        return found->view;
    };
    const auto de = screens_in("de", *german.config);
    CHECK(find(de, "idle").heading == "06:59");
    CHECK(find(de, "idle").subheading == "Mittwoch, 2. Dezember");
    CHECK(find(de, "hold").phase == "Halten");
    CHECK(find(de, "idle").hint == "Zum Dehnen jetzt Leertaste drücken");
    const auto es = screens_in("es", *german.config);
    CHECK(find(es, "idle").heading == "6:59");
    CHECK(find(es, "idle").subheading == "miércoles, 2 de diciembre");
    CHECK(find(es, "hold").phase == "Mantén");
    const auto en = screens_in("en", *german.config);
    CHECK(find(en, "idle").subheading == "Wednesday 2 December");
}
