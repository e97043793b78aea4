// words: the program's own words in the person's language (GNU gettext), with their blanks filled.
//
// Every fixed line a person sees or hears goes through tr(), tr_n() or tr_c(): xgettext finds
// them by those names (po/README.md), and gettext looks each up in the catalog of the language in
// force (language.hpp). Without a catalog the English given here is what shows.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace sk {

// The gettext domain: the name of the catalogs (share/locale/<lang>/LC_MESSAGES/<domain>.mo).
inline constexpr const char* text_domain = "stretch-kiosk";

// `english` in the language in force.
std::string tr(const char* english);

// The form of `singular`/`plural` that `count` takes in the language in force: languages have
// one to six forms, chosen by the catalog's own Plural-Forms rule, so the count is passed in.
std::string tr_n(const char* singular, const char* plural, long count);

// `english` in the sense `context` gives it, for a word that is one in English but may be two
// elsewhere ("Hold" as a phase name and as a spoken command).
std::string tr_c(const char* context, const char* english);

// A blank in a line: "{count}" in "{count} days in a row". Named, not numbered, so that a
// translation may put the blanks in any order and a translator sees what each one is.
struct Blank {
    std::string_view name;
    std::string value;
};

// `pattern` with each "{name}" replaced by its blank's value. A "{...}" with no blank of that name
// is kept as it stands, so a mistyped blank in a catalog shows rather than vanishes.
std::string fill(std::string_view pattern, std::initializer_list<Blank> blanks);

}  // namespace sk
