// history: the history file's line format, one versioned and checksummed record a line.
#include "core/history/history.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>

namespace sk {
namespace {

using std::chrono::days;
using std::chrono::seconds;

// The first field of every line: a reader skips versions it does not know instead of misreading.
constexpr std::string_view format_version = "1";
constexpr std::size_t body_field_count = 7;  // every field but the checksum

// The CRC-32 of zlib and `crc32`, so a line can be checked by hand with common tools.
constexpr std::array<std::uint32_t, 256> make_crc_table() {
    std::array<std::uint32_t, 256> table{};
    for (std::uint32_t index = 0; index < 256; ++index) {
        std::uint32_t value = index;
        for (int bit = 0; bit < 8; ++bit) {
            value = (value & 1u) ? (value >> 1) ^ 0xEDB88320u : value >> 1;
        }
        table[index] = value;
    }
    return table;
}
constexpr auto crc_table = make_crc_table();

std::uint32_t crc32(std::string_view bytes) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (char byte : bytes) {
        crc = crc_table[(crc ^ static_cast<unsigned char>(byte)) & 0xFFu] ^ (crc >> 8);
    }
    return crc ^ 0xFFFFFFFFu;
}

// Text fields may hold any bytes (German, Japanese, a pasted tab) but never a raw separator.
// Pairs of the character and the letter that stands for it after a backslash.
constexpr std::array<std::pair<char, char>, 4> escapes{
    {{'\\', '\\'}, {'\t', 't'}, {'\r', 'r'}, {'\n', 'n'}}};

void append_escaped(std::string& out, std::string_view text) {
    for (char c : text) {
        auto escape = std::find_if(escapes.begin(), escapes.end(),
                                   [c](const auto& pair) { return pair.first == c; });
        if (escape == escapes.end()) {
            out += c;
        } else {
            out += '\\';
            out += escape->second;
        }
    }
}

std::optional<std::string> unescape(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\') {
            out += text[i];
            continue;
        }
        if (++i == text.size()) {
            return std::nullopt;
        }
        char letter = text[i];
        auto escape = std::find_if(escapes.begin(), escapes.end(),
                                   [letter](const auto& pair) { return pair.second == letter; });
        if (escape == escapes.end()) {
            return std::nullopt;
        }
        out += escape->first;
    }
    return out;
}

// "2026-11-23T07:00:12+01:00": the wall clock the user saw, and the offset back to the instant.
// (Seconds are added to the offset only for the odd historical offset that has them.)
std::string format_iso_offset(SysSeconds instant, seconds offset) {
    SysSeconds local = instant + offset;
    auto day = std::chrono::floor<days>(local);
    Date date{day};
    std::chrono::hh_mm_ss clock{local - day};
    std::chrono::hh_mm_ss zone{offset < seconds{0} ? -offset : offset};
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d%c%02d:%02d",
                  static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()), static_cast<int>(clock.hours().count()),
                  static_cast<int>(clock.minutes().count()),
                  static_cast<int>(clock.seconds().count()), offset < seconds{0} ? '-' : '+',
                  static_cast<int>(zone.hours().count()), static_cast<int>(zone.minutes().count()));
    std::string result = text;
    if (zone.seconds() != seconds{0}) {
        std::snprintf(text, sizeof text, ":%02d", static_cast<int>(zone.seconds().count()));
        result += text;
    }
    return result;
}

// `count` decimal digits at `at`, and nothing else there.
std::optional<int> digits_at(std::string_view text, std::size_t at, std::size_t count) {
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (i >= text.size() || text[i] < '0' || text[i] > '9') {
            return std::nullopt;
        }
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

struct Stamp {
    SysSeconds instant;
    seconds offset;
};

// The exact shape format_iso_offset writes: "YYYY-MM-DDTHH:MM:SS+HH:MM", optionally ":SS" more.
std::optional<Stamp> parse_iso_offset(std::string_view text) {
    if (text.size() != 25 && text.size() != 28) {
        return std::nullopt;
    }
    constexpr std::array<std::pair<std::size_t, char>, 6> separators{
        {{4, '-'}, {7, '-'}, {10, 'T'}, {13, ':'}, {16, ':'}, {22, ':'}}};
    for (auto [at, separator] : separators) {
        if (text[at] != separator) {
            return std::nullopt;
        }
    }
    char sign = text[19];
    auto year = digits_at(text, 0, 4), month = digits_at(text, 5, 2), day = digits_at(text, 8, 2);
    auto hour = digits_at(text, 11, 2), minute = digits_at(text, 14, 2);
    auto second = digits_at(text, 17, 2);
    auto zone_hour = digits_at(text, 20, 2), zone_minute = digits_at(text, 23, 2);
    std::optional<int> zone_second = 0;
    if (text.size() == 28) {
        zone_second = text[25] == ':' ? digits_at(text, 26, 2) : std::nullopt;
    }
    if ((sign != '+' && sign != '-') || !year || !month || !day || !hour || !minute || !second ||
        !zone_hour || !zone_minute || !zone_second || *hour > 23 || *minute > 59 || *second > 59 ||
        *zone_hour > 23 || *zone_minute > 59 || *zone_second > 59) {
        return std::nullopt;
    }
    Date date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
              std::chrono::day{static_cast<unsigned>(*day)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    seconds offset =
        std::chrono::hours{*zone_hour} + std::chrono::minutes{*zone_minute} + seconds{*zone_second};
    if (sign == '-') {
        offset = -offset;
    }
    SysSeconds local = std::chrono::sys_days{date} + std::chrono::hours{*hour} +
                       std::chrono::minutes{*minute} + seconds{*second};
    return Stamp{local - offset, offset};
}

std::optional<RecordOutcome> outcome_named(std::string_view name) {
    for (auto outcome : {RecordOutcome::started, RecordOutcome::completed, RecordOutcome::stopped,
                         RecordOutcome::missed, RecordOutcome::unattended, RecordOutcome::partly}) {
        if (to_string(outcome) == name) {
            return outcome;
        }
    }
    return std::nullopt;
}

std::optional<seconds> parse_seconds(std::string_view text) {
    seconds::rep value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return seconds{value};
}

}  // namespace

std::string format_record_start(const HistoryRecord& record) {
    return format_iso_offset(record.start, record.utc_offset);
}

bool same_session(const HistoryRecord& a, const HistoryRecord& b) {
    return a.start == b.start && a.routine == b.routine && a.occurrence == b.occurrence;
}

std::string_view to_string(RecordOutcome outcome) {
    switch (outcome) {
        case RecordOutcome::started:
            return "started";
        case RecordOutcome::completed:
            return "completed";
        case RecordOutcome::stopped:
            return "stopped";
        case RecordOutcome::missed:
            return "missed";
        case RecordOutcome::unattended:
            return "unattended";
        case RecordOutcome::partly:
            return "partly";
    }
    return "unknown";
}

std::string encode_record(const HistoryRecord& record) {
    std::string line{format_version};
    line += '\t';
    line += format_iso_offset(record.start, record.utc_offset);
    for (const std::string* text : {&record.occurrence, &record.entry, &record.routine}) {
        line += '\t';
        append_escaped(line, *text);
    }
    line += '\t';
    line += to_string(record.outcome);
    line += '\t';
    line += std::to_string(record.active.count());
    char checksum[16];
    std::snprintf(checksum, sizeof checksum, "\t%08x\n", static_cast<unsigned>(crc32(line)));
    return line + checksum;
}

namespace {

// A line decoded, or why not: a line whose checksum holds but whose version or kind this build
// does not know was written whole by another build, and is skipped with its own words.
struct Decoded {
    std::optional<HistoryRecord> record;
    std::string problem;  // "skipped a damaged record", ...; empty with a record
};

Decoded damaged() {
    return {std::nullopt, "skipped a damaged record"};
}

// A field quoted for a log line: its first 20 bytes, escaped as the file would.
std::string quoted(std::string_view field) {
    std::string text;
    append_escaped(text, field.substr(0, 20));
    return "'" + text + (field.size() > 20 ? "...'" : "'");
}

Decoded decode_line(std::string_view line) {
    auto checksum_tab = line.rfind('\t');
    if (checksum_tab == std::string_view::npos) {
        return damaged();
    }
    std::string_view body = line.substr(0, checksum_tab);
    std::string_view checksum = line.substr(checksum_tab + 1);
    // Lower-case hex only: one spelling per checksum, so no flipped bit can leave it valid.
    std::uint32_t expected = 0;
    auto [end, error] =
        std::from_chars(checksum.data(), checksum.data() + checksum.size(), expected, 16);
    if (checksum.size() != 8 || error != std::errc{} || end != checksum.data() + 8 ||
        checksum.find_first_of("ABCDEF") != std::string_view::npos || expected != crc32(body)) {
        return damaged();
    }
    if (auto version = body.substr(0, body.find('\t')); version != format_version) {
        return {std::nullopt, "skipped a record of an unknown version " + quoted(version) +
                                  " (written by a newer version?)"};
    }

    std::array<std::string_view, body_field_count> fields;
    std::size_t count = 0;
    for (std::size_t from = 0; from <= body.size(); ++count) {
        auto tab = std::min(body.find('\t', from), body.size());
        if (count == fields.size()) {
            return damaged();
        }
        fields[count] = body.substr(from, tab - from);
        from = tab + 1;
    }
    if (count != fields.size()) {
        return damaged();
    }
    auto stamp = parse_iso_offset(fields[1]);
    auto occurrence = unescape(fields[2]), entry = unescape(fields[3]);
    auto routine = unescape(fields[4]);
    auto outcome = outcome_named(fields[5]);
    auto active = parse_seconds(fields[6]);
    if (!stamp || !occurrence || !entry || !routine || !active) {
        return damaged();
    }
    if (!outcome) {
        return {std::nullopt, "skipped a record of an unknown kind " + quoted(fields[5]) +
                                  " (written by a newer version?)"};
    }
    return {HistoryRecord{stamp->instant, stamp->offset, std::move(*occurrence), std::move(*entry),
                          std::move(*routine), *outcome, *active},
            {}};
}

}  // namespace

std::optional<HistoryRecord> decode_record(std::string_view line) {
    return decode_line(line).record;
}

namespace {

// A damaged line may hide a whole record glued to its end (the damage hit the newline between
// them): find it, so one bad byte never costs two records.
std::optional<HistoryRecord> find_glued_record(std::string_view line) {
    std::string start_of_record{format_version};
    start_of_record += '\t';
    for (auto at = line.find(start_of_record, 1); at != std::string_view::npos;
         at = line.find(start_of_record, at + 1)) {
        if (auto record = decode_record(line.substr(at))) {
            return record;
        }
    }
    return std::nullopt;
}

}  // namespace

HistoryLoad parse_history(std::string_view bytes, const std::string& origin) {
    HistoryLoad load;
    int line_number = 0;
    auto warn = [&](std::string_view what) {
        load.warnings.push_back(origin + ":" + std::to_string(line_number) + ": " +
                                std::string(what));
    };
    for (std::size_t from = 0; from < bytes.size();) {
        ++line_number;
        auto newline = bytes.find('\n', from);
        if (newline == std::string_view::npos) {
            warn("skipped a record cut short (power loss?)");
            break;
        }
        std::string_view line = bytes.substr(from, newline - from);
        from = newline + 1;
        if (line.empty()) {
            continue;  // a blank line holds no record to lose
        }
        Decoded decoded = decode_line(line);
        if (decoded.record) {
            load.records.push_back(std::move(*decoded.record));
            continue;
        }
        warn(decoded.problem);
        if (auto glued = find_glued_record(line)) {
            load.records.push_back(std::move(*glued));
        }
    }
    return load;
}

}  // namespace sk
