// config_text: refuses text a YAML parser should never see (binary, broken UTF-8, deep nesting).
#include "core/config/text.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

#include "core/config/parser.hpp"

namespace sk {
namespace {

constexpr std::size_t not_found = std::string_view::npos;

// The offset of the first byte that does not belong to well-formed UTF-8, or not_found.
std::size_t find_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        char32_t code = 0;
        char32_t smallest = 0;
        if (byte < 0x80) {
            ++i;
            continue;
        } else if ((byte & 0xE0) == 0xC0) {
            length = 2, code = byte & 0x1F, smallest = 0x80;
        } else if ((byte & 0xF0) == 0xE0) {
            length = 3, code = byte & 0x0F, smallest = 0x800;
        } else if ((byte & 0xF8) == 0xF0) {
            length = 4, code = byte & 0x07, smallest = 0x10000;
        } else {
            return i;
        }
        if (text.size() - i < length) {
            return i;
        }
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) {
                return i;
            }
            code = (code << 6) | (next & 0x3F);
        }
        // Overlong forms, UTF-16 surrogates and code points past Unicode are not UTF-8.
        if (code < smallest || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
            return i;
        }
        i += length;
    }
    return not_found;
}

bool is_control(unsigned char byte) {
    return byte < 0x20 || byte == 0x7F;
}

int line_of(std::string_view text, std::size_t offset) {
    int line = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        line += text[i] == '\n' ? 1 : 0;
    }
    return line;
}

// Estimates how deeply the YAML nests without parsing it: indentation levels, `- `, `? ` and
// `: ` indicators, and flow brackets outside quotes, comments and block scalars. It may count a
// level or two more than the parser would, never fewer than half, which is all a limit needs.
// It also finds a quote still open at the end: yaml-cpp 0.7 quietly takes the rest of the file.
class NestingScan {
  public:
    std::optional<TextProblem> scan(std::string_view text);

  private:
    enum class Mode { value_start, plain, after_scalar, flow };

    std::optional<TextProblem> scan_line(std::string_view line);
    std::optional<TextProblem> deeper(int depth, std::size_t column);
    std::size_t read_quote(std::string_view line, std::size_t from);
    bool is_token_start(std::string_view line, std::size_t i) const;

    int line_number_ = 0;
    std::vector<std::size_t> indents_;
    int flow_depth_ = 0;
    int flow_base_ = 0;  // the block depth at which the open flow collection began
    char quote_ = 0;     // the quote still open from an earlier line
    int quote_line_ = 0;
    std::size_t quote_column_ = 0;
    long block_scalar_parent_ = -1;  // deeper lines belong to a `|` or `>` scalar
    long plain_parent_ = -1;         // deeper lines continue a plain scalar
};

std::optional<TextProblem> NestingScan::scan(std::string_view text) {
    std::size_t start = 0;
    while (true) {
        std::size_t end = text.find('\n', start);
        if (end == not_found) {
            end = text.size();
        }
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        ++line_number_;
        if (auto problem = scan_line(line)) {
            return problem;
        }
        if (end == text.size()) {
            break;
        }
        start = end + 1;
    }
    if (quote_ != 0) {
        return TextProblem{quote_line_, static_cast<int>(quote_column_ + 1),
                           std::string("this quoted text is never closed; end it with ") + quote_};
    }
    return std::nullopt;
}

std::optional<TextProblem> NestingScan::deeper(int depth, std::size_t column) {
    if (depth <= max_config_nesting) {
        return std::nullopt;
    }
    return TextProblem{line_number_, static_cast<int>(column + 1),
                       "nests more than " + std::to_string(max_config_nesting) +
                           " levels deep; a config needs only a few"};
}

bool NestingScan::is_token_start(std::string_view line, std::size_t i) const {
    if (i == 0) {
        return true;
    }
    const char before = line[i - 1];
    return before == ' ' || before == '\t' || before == '[' || before == '{' || before == ',' ||
           before == ':';
}

// Past the closing quote, or not_found with quote_ still set when the line ends first.
std::size_t NestingScan::read_quote(std::string_view line, std::size_t from) {
    for (std::size_t i = from; i < line.size(); ++i) {
        if (quote_ == '"' && line[i] == '\\') {
            ++i;
        } else if (line[i] == quote_) {
            if (quote_ == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
                ++i;  // '' is a quote inside single quotes
                continue;
            }
            quote_ = 0;
            return i + 1;
        }
    }
    return not_found;
}

std::optional<TextProblem> NestingScan::scan_line(std::string_view line) {
    std::size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') {
        ++indent;
    }
    const bool blank = indent == line.size();
    Mode mode = Mode::value_start;
    std::size_t i = 0;
    int depth = 0;
    std::size_t owner = indent;  // where the node that owns the next value starts
    std::size_t scalar_start = indent;

    if (quote_ != 0) {
        i = read_quote(line, 0);
        if (i == not_found) {
            return std::nullopt;
        }
        mode = flow_depth_ > 0 ? Mode::flow : Mode::after_scalar;
    } else if (block_scalar_parent_ >= 0 &&
               (blank || static_cast<long>(indent) > block_scalar_parent_)) {
        return std::nullopt;
    } else if (flow_depth_ > 0) {
        block_scalar_parent_ = -1;
        mode = Mode::flow;
    } else if (blank || line[indent] == '#') {
        return std::nullopt;
    } else if (plain_parent_ >= 0 && static_cast<long>(indent) > plain_parent_) {
        block_scalar_parent_ = -1;
        mode = Mode::plain;
        i = indent;
        owner = static_cast<std::size_t>(plain_parent_);
    } else {
        block_scalar_parent_ = -1;
        while (!indents_.empty() && indents_.back() > indent) {
            indents_.pop_back();
        }
        if (indents_.empty() || indents_.back() < indent) {
            indents_.push_back(indent);
        }
        depth = static_cast<int>(indents_.size());
        if (auto problem = deeper(depth, indent)) {
            return problem;
        }
        i = indent;
    }
    plain_parent_ = -1;

    while (i < line.size()) {
        const char c = line[i];
        const bool space_after = i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t';
        if (mode == Mode::value_start) {
            if (c == ' ' || c == '\t') {
                ++i;
            } else if (c == '#') {
                return std::nullopt;
            } else if ((c == '-' || c == '?' || c == ':') && space_after) {
                owner = i;
                if (auto problem = deeper(++depth, i)) {
                    return problem;
                }
                ++i;
            } else if (c == '[' || c == '{') {
                flow_base_ = depth;
                flow_depth_ = 1;
                if (auto problem = deeper(flow_base_ + flow_depth_, i)) {
                    return problem;
                }
                mode = Mode::flow;
                ++i;
            } else if (c == '"' || c == '\'') {
                quote_ = c, quote_line_ = line_number_, quote_column_ = i;
                scalar_start = i;
                i = read_quote(line, i + 1);
                if (i == not_found) {
                    return std::nullopt;
                }
                mode = Mode::after_scalar;
            } else if (c == '|' || c == '>') {
                block_scalar_parent_ = static_cast<long>(owner);
                return std::nullopt;
            } else if (c == '&' || c == '!') {
                while (i < line.size() && line[i] != ' ' && line[i] != '\t') {
                    ++i;
                }
            } else {
                scalar_start = i;
                mode = Mode::plain;
            }
        } else if (mode == Mode::plain || mode == Mode::after_scalar) {
            if (c == ':' && space_after) {
                owner = scalar_start;  // the key: its value's continuation lines go deeper
                mode = Mode::value_start;
                ++i;
            } else if (c == '#' && (line[i - 1] == ' ' || line[i - 1] == '\t')) {
                return std::nullopt;
            } else {
                ++i;
            }
        } else {  // Mode::flow
            if ((c == '"' || c == '\'') && is_token_start(line, i)) {
                quote_ = c, quote_line_ = line_number_, quote_column_ = i;
                i = read_quote(line, i + 1);
                if (i == not_found) {
                    return std::nullopt;
                }
            } else if (c == '#' && i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t')) {
                return std::nullopt;
            } else if (c == '[' || c == '{') {
                ++flow_depth_;
                if (auto problem = deeper(flow_base_ + flow_depth_, i)) {
                    return problem;
                }
                ++i;
            } else if (c == ']' || c == '}') {
                flow_depth_ = flow_depth_ > 0 ? flow_depth_ - 1 : 0;
                mode = flow_depth_ == 0 ? Mode::after_scalar : Mode::flow;
                ++i;
            } else {
                ++i;
            }
        }
    }
    if (mode == Mode::plain) {
        plain_parent_ = static_cast<long>(owner);
    }
    return std::nullopt;
}

}  // namespace

bool is_binary(std::string_view text) {
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (is_control(byte) && c != '\t' && c != '\n' && c != '\r') {
            return true;
        }
    }
    return false;
}

std::string too_big_message(std::uint64_t bytes) {
    return "is too big (" + std::to_string(bytes) + " bytes; a config can be at most " +
           std::to_string(max_config_bytes) + ")";
}

std::optional<TextProblem> check_config_text(std::string_view text) {
    if (text.size() > max_config_bytes) {
        return TextProblem{0, 0, too_big_message(text.size())};
    }
    if (is_binary(text)) {
        return TextProblem{0, 0, "is not a text file; check that this is your YAML config"};
    }
    if (const auto bad = find_invalid_utf8(text); bad != not_found) {
        return TextProblem{0, 0,
                           "is not a text file: line " + std::to_string(line_of(text, bad)) +
                               " is not UTF-8; save the file as UTF-8"};
    }
    return NestingScan{}.scan(text);
}

bool is_plain_text(std::string_view text) {
    for (char c : text) {
        if (is_control(static_cast<unsigned char>(c)) && c != '\t' && c != '\n') {
            return false;
        }
    }
    return find_invalid_utf8(text) == not_found;
}

std::string_view without_byte_order_mark(std::string_view text) {
    constexpr std::string_view mark = "\xEF\xBB\xBF";
    return text.substr(0, mark.size()) == mark ? text.substr(mark.size()) : text;
}

void count_columns_in_characters(std::string_view text, Diagnostics& diagnostics) {
    // One pass over the text for all of them: a hostile file can have thousands on one line.
    int line = 1;
    std::size_t line_start = 0;
    std::size_t cursor = 0;
    int characters = 0;  // on this line, before the cursor
    for (Diagnostic& diagnostic : diagnostics) {
        if (diagnostic.line <= 0 || diagnostic.column <= 0) {
            continue;
        }
        while (line < diagnostic.line && line_start != not_found) {
            const std::size_t newline = text.find('\n', line_start);
            line_start = newline == not_found ? not_found : newline + 1;
            cursor = line_start;
            characters = 0;
            ++line;
        }
        if (line_start == not_found) {
            return;  // past the end: yaml-cpp marks the end of the text this way
        }
        const std::size_t target =
            std::min(text.size(), line_start + static_cast<std::size_t>(diagnostic.column - 1));
        for (; cursor < target && text[cursor] != '\n'; ++cursor) {
            // Count lead bytes only: continuation bytes belong to the character before them.
            characters += (static_cast<unsigned char>(text[cursor]) & 0xC0) != 0x80 ? 1 : 0;
        }
        diagnostic.column = characters + 1;
    }
}

}  // namespace sk
