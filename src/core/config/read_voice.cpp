// config_voice: `voice:` at the top level and in a schedule entry (a quieter or silent bedtime).
#include <algorithm>
#include <array>

#include "core/config/sections.hpp"

namespace sk {
namespace {

constexpr std::array<std::string_view, 4> voice_keys = {"enabled", "voice", "rate", "volume"};
// eSpeak NG's own limits are 80 to 450 words a minute; past 300 no coach is followable.
constexpr int slowest_rate = 80;
constexpr int fastest_rate = 300;
constexpr std::size_t longest_voice_name = 40;

// eSpeak NG's voice and language names ("en", "en-us", "de", "en+f3", "English (America)") use
// letters, digits, spaces and - _ + ( ) . only: anything else is a typing mistake.
bool is_voice_name(std::string_view name) {
    return name.size() <= longest_voice_name && std::all_of(name.begin(), name.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == ' ' || c == '-' || c == '_' || c == '+' || c == '(' || c == ')' ||
                      c == '.';
           });
}

std::optional<std::string> read_voice_name(ConfigReader& reader, const Field& field) {
    auto name = read_text(reader, field);
    if (name && !is_voice_name(*name)) {
        reader.error(*field.value,
                     "voice must be an eSpeak NG voice or language name such as en, en-us or de "
                     "(letters, digits, spaces and - _ + ( ) . only, up to 40), not " +
                         describe(*field.value));
        return std::nullopt;
    }
    return name;
}

bool is_bool_word(std::string_view text) {
    static constexpr std::array<std::string_view, 6> words = {"true", "false", "yes",
                                                              "no",   "on",    "off"};
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return std::find(words.begin(), words.end(), lower) != words.end();
}

}  // namespace

VoiceOverride read_voice(ConfigReader& reader, const Field& field) {
    VoiceOverride voice;
    const ConfigNode& value = *field.value;
    if (value.kind == ConfigNode::Kind::empty) {
        return voice;  // every line commented out: nothing changes
    }
    // `voice: off` is short for `voice: {enabled: false}`.
    if (value.kind == ConfigNode::Kind::text && is_bool_word(value.text)) {
        voice.enabled = read_bool(reader, field);
        return voice;
    }
    if (value.kind != ConfigNode::Kind::map) {
        reader.error(value,
                     "voice must be on, off, or a map of settings (enabled, voice, rate, "
                     "volume), not " +
                         describe(value));
        return voice;
    }
    const MapFields fields(reader, value, "in voice", voice_keys);
    if (const auto f = fields.get("enabled")) {
        voice.enabled = read_bool(reader, *f);
    }
    if (const auto f = fields.get("voice")) {
        voice.voice = read_voice_name(reader, *f);
    }
    if (const auto f = fields.get("rate")) {
        voice.words_per_minute = read_int(reader, *f, slowest_rate, fastest_rate);
    }
    if (const auto f = fields.get("volume")) {
        if (const auto level = read_int(reader, *f, 0, 100)) {
            voice.volume = Volume{*level};
        }
    }
    return voice;
}

}  // namespace sk
