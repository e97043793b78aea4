// ConfigReader: gathers the diagnostics of one config while typed readers take its values apart.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/config/node.hpp"
#include "core/model/diagnostic.hpp"

namespace sk {

// The candidate nearest to `word` within two edits (a swap of neighbours counts as one), ignoring
// case; nullopt when none is that near.
std::optional<std::string_view> closest_match(std::string_view word,
                                              std::span<const std::string_view> candidates);
// " (did you mean 'time'?)", or "" when nothing is near.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);
// "a, b and c" (or "a, b or c" with `last` = "or").
std::string join_words(std::span<const std::string_view> words, std::string_view last);
// The user's text for a message, shortened when long: 'Morning stretch'.
std::string quoted(std::string_view text);
// A duration in the config's own notation: "30s", "5m", "12h".
std::string config_duration_text(std::chrono::seconds duration);

class ConfigReader {
  public:
    explicit ConfigReader(std::string origin) : origin_(std::move(origin)) {}

    void error(const ConfigNode& at, std::string message);
    bool failed() const { return !diagnostics_.empty(); }
    // Every diagnostic, in file order.
    Diagnostics take_diagnostics();

  private:
    std::string origin_;
    Diagnostics diagnostics_;
};

// One key of a map and its value.
struct Field {
    std::string_view name;
    const ConfigNode* key = nullptr;
    const ConfigNode* value = nullptr;

    // Where a problem with the value is shown: the value, or its key when it has none.
    const ConfigNode& spot() const;
};

// A map's fields after its keys are checked once: each key must be text, written once and (when
// `allowed` is not empty) one of `allowed`. `place` ends "unknown key 'x' in a schedule entry".
class MapFields {
  public:
    MapFields(ConfigReader& reader, const ConfigNode& map, std::string_view place,
              std::span<const std::string_view> allowed);

    std::optional<Field> get(std::string_view name) const;
    // Reports "missing key 'time' in a schedule entry<hint>" at the map when it is absent.
    std::optional<Field> require(std::string_view name, std::string_view hint) const;
    // The good fields in file order (the first of repeated keys).
    const std::vector<Field>& fields() const { return fields_; }

  private:
    ConfigReader& reader_;
    const ConfigNode& map_;
    std::string place_;
    std::vector<Field> fields_;
};

// "a list", "a map", "'text'": what the user wrote, for "must be ..., not ...".
std::string describe(const ConfigNode& node);

// Each reader reports what is wrong with the field and returns nullopt, or returns the value.
// A field with no value ("time:") is reported as such by all of them.
bool has_value(ConfigReader& reader, const Field& field);
bool expect_kind(ConfigReader& reader, const Field& field, ConfigNode::Kind kind,
                 std::string_view expected);

enum class EmptyText { refused, allowed };
std::optional<std::string> read_text(ConfigReader& reader, const Field& field,
                                     EmptyText empty = EmptyText::refused);

// How long a text the screen shows may be, in characters: room for any name or line people
// write, across the room in big type, with the work of fitting it kept small.
inline constexpr std::size_t longest_name = 60;   // entry names, titles, stretch and routine ids
inline constexpr std::size_t longest_line = 120;  // a step, the cue
inline constexpr std::size_t longest_caution = 200;

// read_text, refusing text longer than `most` characters: "name has 75 characters; keep it to 60
// so it fits on the screen".
std::optional<std::string> read_short_text(ConfigReader& reader, const Field& field,
                                           std::size_t most);
// The same check for a name written as a map key (a stretch or routine id): "the stretch name
// '...' has 61 characters; keep it to 60".
bool short_enough(ConfigReader& reader, const ConfigNode& key, std::string_view what,
                  std::size_t most);
std::optional<bool> read_bool(ConfigReader& reader, const Field& field);
std::optional<int> read_int(ConfigReader& reader, const Field& field, int min, int max);
std::optional<std::chrono::seconds> read_duration(ConfigReader& reader, const Field& field,
                                                  std::chrono::seconds min,
                                                  std::chrono::seconds max);
// The index of the value among `names`, matched without regard to case.
std::optional<std::size_t> read_choice(ConfigReader& reader, const Field& field,
                                       std::span<const std::string_view> names);

}  // namespace sk
