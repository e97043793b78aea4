// Catalogs: where the translations are, and putting a config's language in force.
#pragma once

#include <string>
#include <vector>

#include "core/model/config.hpp"

namespace sk {

// The directory of the compiled catalogs (<dir>/<lang>/LC_MESSAGES/stretch-kiosk.mo): `locale`
// beside the running program when there is one (the build tree), else the installed one.
std::string catalog_dir();

// Puts `config`'s language (its `language:`, else the environment's) in force for the screens and
// the voice: an empty `voice:` becomes that language's eSpeak NG voice. Returns what to log: the
// language when it changes, and a language with no catalog once per language.
class Languages {
  public:
    explicit Languages(std::string dir = catalog_dir()) : dir_(std::move(dir)) {}
    std::vector<std::string> put_in_force(Config& config);

  private:
    std::string dir_;
    std::string in_force_;           // the tag and its source, as last logged
    std::string fallback_reported_;  // the last language logged as having no catalog
};

}  // namespace sk
