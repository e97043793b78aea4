// config_reader: the shared machinery for reading config values and wording what is wrong.
#include "core/config/reader.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>

#include "core/config/text.hpp"
#include "core/time/duration_text.hpp"

namespace sk {
namespace {

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowered(std::string_view text) {
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(), lower);
    return result;
}

constexpr std::size_t longest_word = 64;  // longer text is never a near miss

// Optimal string alignment distance, ignoring case: insertions, deletions, substitutions and
// swaps of neighbours ("tiem" -> "time") each cost one. Only distances up to `limit` matter, so
// only the cells within `limit` of the diagonal are worked out, and anything more comes back as
// limit + 1: a file of thousands of bad names must still be read quickly.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    const std::size_t too_far = limit + 1;
    if (a.size() > longest_word || b.size() > longest_word ||
        (a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) {
        return too_far;
    }
    // Three rows of the table, used in turn: the one before last, the last, and this one.
    // Left uninitialised: a call reads only the cells it wrote, and this runs thousands of times.
    std::array<std::array<std::size_t, longest_word + 2>, 3> rows;
    for (std::size_t j = 0; j <= b.size(); ++j) {
        rows[0][j] = std::min(j, too_far);
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        const auto& before_last = rows[(i + 1) % 3];
        const auto& last = rows[(i + 2) % 3];
        auto& row = rows[i % 3];
        const std::size_t first = i > limit ? i - limit : 1;
        const std::size_t end = std::min(b.size(), i + limit);
        row[first - 1] = first == 1 ? std::min(i, too_far) : too_far;
        std::size_t row_best = too_far;
        for (std::size_t j = first; j <= end; ++j) {
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            std::size_t cell = std::min({last[j] + 1, row[j - 1] + 1, last[j - 1] + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
                lower(a[i - 2]) == lower(b[j - 1])) {
                cell = std::min(cell, before_last[j - 2] + 1);
            }
            row[j] = std::min(cell, too_far);
            row_best = std::min(row_best, row[j]);
        }
        row[end + 1] = too_far;  // the next row looks one cell past this row's band
        if (row_best > limit) {
            return too_far;
        }
    }
    return rows[a.size() % 3][b.size()];
}

std::string with_bounds(std::string_view name, std::string_view what) {
    return std::string(name) + " must be " + std::string(what);
}

}  // namespace

std::optional<std::string_view> closest_match(std::string_view word,
                                              std::span<const std::string_view> candidates) {
    // Two edits turn any three letters into many words ("Foo" into "F10"): allow one there.
    const std::size_t max_edits = word.size() <= 3 ? 1 : 2;
    std::optional<std::string_view> best;
    std::size_t best_distance = max_edits + 1;
    for (std::string_view candidate : candidates) {
        const std::size_t length_difference = word.size() > candidate.size()
                                                  ? word.size() - candidate.size()
                                                  : candidate.size() - word.size();
        if (length_difference >= best_distance) {
            continue;  // each letter more or fewer is an edit
        }
        const std::size_t distance = edit_distance(word, candidate, best_distance - 1);
        // A suggestion must share something with the word: "ab" is not a typo of "cd".
        if (distance < best_distance && distance < candidate.size() && distance < word.size()) {
            best = candidate;
            best_distance = distance;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
    const auto match = closest_match(word, candidates);
    return match ? " (did you mean '" + std::string(*match) + "'?)" : "";
}

std::string join_words(std::span<const std::string_view> words, std::string_view last) {
    std::string result;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) {
            result += i + 1 == words.size() ? " " + std::string(last) + " " : ", ";
        }
        result += words[i];
    }
    return result;
}

std::string quoted(std::string_view text) {
    constexpr std::size_t longest = 40;
    if (text.size() <= longest) {
        return "'" + std::string(text) + "'";
    }
    std::size_t cut = longest;
    // Never cut a UTF-8 sequence in half.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    return "'" + std::string(text.substr(0, cut)) + "...'";
}

std::string config_duration_text(std::chrono::seconds duration) {
    const auto seconds = duration.count();
    if (seconds != 0 && seconds % 3600 == 0) {
        return std::to_string(seconds / 3600) + "h";
    }
    if (seconds != 0 && seconds % 60 == 0) {
        return std::to_string(seconds / 60) + "m";
    }
    return std::to_string(seconds) + "s";
}

void ConfigReader::error(const ConfigNode& at, std::string message) {
    diagnostics_.push_back(Diagnostic{origin_, at.line, at.column, std::move(message)});
}

Diagnostics ConfigReader::take_diagnostics() {
    std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                     });
    return std::move(diagnostics_);
}

const ConfigNode& Field::spot() const {
    return value->kind == ConfigNode::Kind::empty ? *key : *value;
}

MapFields::MapFields(ConfigReader& reader, const ConfigNode& map, std::string_view place,
                     std::span<const std::string_view> allowed)
    : reader_(reader), map_(map), place_(place) {
    std::map<std::string, int, std::less<>> first_lines;
    for (std::size_t i = 0; i < map.keys.size(); ++i) {
        const ConfigNode& key = map.keys[i];
        if (key.kind != ConfigNode::Kind::text || key.text.empty() || !is_plain_text(key.text)) {
            reader.error(key,
                         key.kind == ConfigNode::Kind::text || key.kind == ConfigNode::Kind::empty
                             ? "this key is empty or not plain text; write a name"
                             : "a key must be a plain name, not " + describe(key));
            continue;
        }
        if (const auto seen = first_lines.find(key.text); seen != first_lines.end()) {
            reader.error(key, "duplicate key " + quoted(key.text) + " (already on line " +
                                  std::to_string(seen->second) + "); remove one of them");
            continue;
        }
        first_lines.emplace(key.text, key.line);
        if (!allowed.empty() &&
            std::find(allowed.begin(), allowed.end(), key.text) == allowed.end()) {
            const std::string hint = did_you_mean(key.text, allowed);
            reader.error(
                key, "unknown key " + quoted(key.text) + " " + place_ +
                         (hint.empty() ? " (allowed: " + join_words(allowed, "and") + ")" : hint));
            continue;
        }
        fields_.push_back(Field{key.text, &key, &map.items[i]});
    }
}

std::optional<Field> MapFields::get(std::string_view name) const {
    for (const Field& field : fields_) {
        if (field.name == name) {
            return field;
        }
    }
    return std::nullopt;
}

std::optional<Field> MapFields::require(std::string_view name, std::string_view hint) const {
    auto field = get(name);
    if (!field) {
        reader_.error(map_,
                      "missing key '" + std::string(name) + "' " + place_ + std::string(hint));
    }
    return field;
}

std::string describe(const ConfigNode& node) {
    switch (node.kind) {
        case ConfigNode::Kind::empty:
            return "empty";
        case ConfigNode::Kind::list:
            return "a list";
        case ConfigNode::Kind::map:
            return "a map";
        case ConfigNode::Kind::text:
            break;
    }
    return quoted(node.text);
}

bool has_value(ConfigReader& reader, const Field& field) {
    if (field.value->kind == ConfigNode::Kind::empty) {
        reader.error(*field.key,
                     std::string(field.name) + " has no value; write one or remove the line");
        return false;
    }
    return true;
}

bool expect_kind(ConfigReader& reader, const Field& field, ConfigNode::Kind kind,
                 std::string_view expected) {
    if (!has_value(reader, field)) {
        return false;
    }
    if (field.value->kind != kind) {
        reader.error(*field.value,
                     with_bounds(field.name, expected) + ", not " + describe(*field.value));
        return false;
    }
    return true;
}

std::optional<std::string> read_text(ConfigReader& reader, const Field& field, EmptyText empty) {
    if (!expect_kind(reader, field, ConfigNode::Kind::text, "text")) {
        return std::nullopt;
    }
    const std::string& text = field.value->text;
    if (text.empty() && empty == EmptyText::refused) {
        reader.error(*field.value, std::string(field.name) + " must not be empty");
        return std::nullopt;
    }
    if (!is_plain_text(text)) {
        reader.error(*field.value, std::string(field.name) +
                                       " has characters that are not plain text; remove them");
        return std::nullopt;
    }
    return text;
}

namespace {

std::size_t characters(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string too_long(std::string_view what, std::size_t count, std::size_t most) {
    return std::string(what) + " has " + std::to_string(count) + " characters; keep it to " +
           std::to_string(most);
}

}  // namespace

std::optional<std::string> read_short_text(ConfigReader& reader, const Field& field,
                                           std::size_t most) {
    auto text = read_text(reader, field);
    if (text) {
        if (const std::size_t count = characters(*text); count > most) {
            reader.error(*field.value,
                         too_long(field.name, count, most) + " so it fits on the screen");
            return std::nullopt;
        }
    }
    return text;
}

bool short_enough(ConfigReader& reader, const ConfigNode& key, std::string_view what,
                  std::size_t most) {
    if (const std::size_t count = characters(key.text); count > most) {
        reader.error(key, too_long(what, count, most));
        return false;
    }
    return true;
}

std::optional<bool> read_bool(ConfigReader& reader, const Field& field) {
    static constexpr std::string_view names[] = {"false", "true", "no", "yes", "off", "on"};
    const std::string_view what = "true or false";
    if (!expect_kind(reader, field, ConfigNode::Kind::text, what)) {
        return std::nullopt;
    }
    const auto found = std::find(std::begin(names), std::end(names), lowered(field.value->text));
    if (found == std::end(names)) {
        reader.error(*field.value,
                     with_bounds(field.name, what) + ", not " + describe(*field.value));
        return std::nullopt;
    }
    return (found - std::begin(names)) % 2 == 1;
}

std::optional<int> read_int(ConfigReader& reader, const Field& field, int min, int max) {
    const std::string what =
        "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
    if (!expect_kind(reader, field, ConfigNode::Kind::text, what)) {
        return std::nullopt;
    }
    const std::string& text = field.value->text;
    int value = 0;
    const auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (problem != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
        reader.error(*field.value,
                     with_bounds(field.name, what) + ", not " + describe(*field.value));
        return std::nullopt;
    }
    return value;
}

std::optional<std::chrono::seconds> read_duration(ConfigReader& reader, const Field& field,
                                                  std::chrono::seconds min,
                                                  std::chrono::seconds max) {
    const std::string_view what = "a duration such as 30s, 2m or 90";
    if (!expect_kind(reader, field, ConfigNode::Kind::text, what)) {
        return std::nullopt;
    }
    const auto duration = parse_duration(field.value->text);
    if (!duration) {
        reader.error(*field.value,
                     with_bounds(field.name, what) + ", not " + describe(*field.value));
        return std::nullopt;
    }
    if (*duration < min || *duration > max) {
        reader.error(*field.value, with_bounds(field.name, "from " + config_duration_text(min) +
                                                               " to " + config_duration_text(max)) +
                                       ", not " + describe(*field.value));
        return std::nullopt;
    }
    return duration;
}

std::optional<std::size_t> read_choice(ConfigReader& reader, const Field& field,
                                       std::span<const std::string_view> names) {
    const std::string what = join_words(names, "or");
    if (!expect_kind(reader, field, ConfigNode::Kind::text, what)) {
        return std::nullopt;
    }
    const std::string wanted = lowered(field.value->text);
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == wanted) {
            return i;
        }
    }
    reader.error(*field.value, with_bounds(field.name, what) + ", not " + describe(*field.value));
    return std::nullopt;
}

}  // namespace sk
