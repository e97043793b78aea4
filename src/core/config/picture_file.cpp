#include "core/config/picture_file.hpp"

#include <array>
#include <charconv>
#include <filesystem>

#include "core/config/text.hpp"
#include "core/files/whole_file.hpp"

namespace sk {
namespace {

constexpr std::array<std::string_view, 4> built_in_names = {"standing", "chair", "towel", "wall"};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trimmed_start(std::string_view text) {
    while (!text.empty() && is_space(text.front())) {
        text.remove_prefix(1);
    }
    return text;
}

std::string_view trimmed_end(std::string_view text) {
    while (!text.empty() && is_space(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

// The text after what XML allows before the root element: a declaration, processing
// instructions, comments and a doctype (whose internal subset may hold '>' in brackets).
std::string_view after_prolog(std::string_view text) {
    for (;;) {
        text = trimmed_start(text);
        std::size_t end = std::string_view::npos;
        if (text.starts_with("<?")) {
            end = text.find("?>");
            end = end == std::string_view::npos ? end : end + 2;
        } else if (text.starts_with("<!--")) {
            end = text.find("-->", 4);
            end = end == std::string_view::npos ? end : end + 3;
        } else if (text.starts_with("<!DOCTYPE") || text.starts_with("<!doctype")) {
            int brackets = 0;
            for (std::size_t i = 2; i < text.size(); ++i) {
                brackets += text[i] == '[' ? 1 : text[i] == ']' ? -1 : 0;
                if (text[i] == '>' && brackets <= 0) {
                    end = i + 1;
                    break;
                }
            }
        } else {
            return text;
        }
        if (end == std::string_view::npos) {
            return {};
        }
        text.remove_prefix(end);
    }
}

// The text without the comments that may follow the root element.
std::string_view before_trailing_comments(std::string_view text) {
    text = trimmed_end(text);
    while (text.ends_with("-->")) {
        const std::size_t start = text.rfind("<!--");
        if (start == std::string_view::npos) {
            break;
        }
        text = trimmed_end(text.substr(0, start));
    }
    return text;
}

// "<html" from "<html lang=...>": the first element's name, for a message.
std::string first_element(std::string_view text) {
    std::size_t end = 1;
    while (end < text.size() && end < 24 && !is_space(text[end]) && text[end] != '>' &&
           text[end] != '/') {
        ++end;
    }
    return std::string(text.substr(0, end)) + ">";
}

// The root element's start tag, "<svg ...>", quoted values and all; empty when it never ends.
std::string_view start_tag(std::string_view root) {
    char quote = 0;
    for (std::size_t i = 0; i < root.size(); ++i) {
        const char c = root[i];
        if (quote != 0) {
            quote = c == quote ? 0 : quote;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return root.substr(0, i + 1);
        }
    }
    return {};
}

// The value of the attribute `name` in `tag`, or nullopt when it has none.
std::optional<std::string_view> attribute(std::string_view tag, std::string_view name) {
    for (std::size_t at = tag.find(name); at != std::string_view::npos;
         at = tag.find(name, at + 1)) {
        std::size_t i = at + name.size();
        if (at == 0 || !is_space(tag[at - 1])) {
            continue;
        }
        while (i < tag.size() && is_space(tag[i])) {
            ++i;
        }
        if (i >= tag.size() || tag[i] != '=') {
            continue;
        }
        ++i;
        while (i < tag.size() && is_space(tag[i])) {
            ++i;
        }
        if (i >= tag.size() || (tag[i] != '"' && tag[i] != '\'')) {
            continue;
        }
        const std::size_t end = tag.find(tag[i], i + 1);
        if (end != std::string_view::npos) {
            return tag.substr(i + 1, end - i - 1);
        }
    }
    return std::nullopt;
}

// The number `text` starts with (after spaces and commas), taken off it; nullopt when none.
std::optional<double> take_number(std::string_view& text) {
    while (!text.empty() && (is_space(text.front()) || text.front() == ',')) {
        text.remove_prefix(1);
    }
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
    }
    double value = 0.0;
    const auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (problem != std::errc{}) {
        return std::nullopt;
    }
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    return value;
}

// Whether the <svg> start tag gives the drawing a size: a viewBox with a width and a height, or
// a width and a height of its own (a percentage is of nothing here). Without one SDL_image
// cannot size the picture (and, in 2.6, drops the parsed drawing without freeing it).
bool has_size(std::string_view tag) {
    if (auto box = attribute(tag, "viewBox")) {
        const auto x = take_number(*box);
        const auto y = take_number(*box);
        const auto width = take_number(*box);
        const auto height = take_number(*box);
        if (x && y && width && height && *width > 0 && *height > 0) {
            return true;
        }
    }
    const auto length = [&](std::string_view name) {
        auto value = attribute(tag, name);
        if (!value) {
            return false;
        }
        const auto number = take_number(*value);
        return number && *number > 0 && !value->starts_with("%");
    };
    return length("width") && length("height");
}

}  // namespace

std::span<const std::string_view> built_in_picture_names() {
    return built_in_names;
}

bool names_svg_file(std::string_view value) {
    if (value.size() < 4) {
        return false;
    }
    const std::string_view end = value.substr(value.size() - 4);
    return end[0] == '.' && (end[1] | 0x20) == 's' && (end[2] | 0x20) == 'v' &&
           (end[3] | 0x20) == 'g';
}

std::string picture_path(std::string_view value, std::string_view folder) {
    const std::filesystem::path written(value);
    if (written.is_absolute() || folder.empty()) {
        return std::string(value);
    }
    return (std::filesystem::path(folder) / written).string();
}

std::optional<std::string> svg_text_problem(std::string_view text) {
    if (is_binary(text)) {
        return "is not an SVG drawing (it is not text); save the picture as SVG";
    }
    text = without_byte_order_mark(text);
    const std::string_view root = after_prolog(text);
    const bool svg_root = root.starts_with("<svg") && (root.size() == 4 || is_space(root[4]) ||
                                                       root[4] == '>' || root[4] == '/');
    if (!svg_root) {
        if (trimmed_start(root).empty()) {
            return "has no drawing in it (no <svg> element); save the picture as SVG";
        }
        return "is not an SVG drawing (it starts with " +
               (root.starts_with("<") ? first_element(root) : std::string("text")) +
               ", not <svg>); save the picture as SVG";
    }
    const std::string_view body = before_trailing_comments(root);
    const bool closed = body.ends_with("/>") && body.find('>') == body.size() - 1;
    if (!closed &&
        !(body.ends_with(">") && trimmed_end(body.substr(0, body.size() - 1)).ends_with("</svg"))) {
        return "is cut short (it does not end with </svg>); save it again";
    }
    if (!has_size(start_tag(root))) {
        return "has no size; give its <svg> element a viewBox such as viewBox=\"0 0 400 300\"";
    }
    return std::nullopt;
}

std::optional<std::string> read_picture_file(const std::string& path, std::string& svg) {
    WholeFile file = read_whole_file(path, max_picture_bytes);
    switch (file.problem) {
        case FileProblem::none:
            break;
        case FileProblem::cannot_open:
            return "cannot be opened: " + file.reason;
        case FileProblem::cannot_read:
            return "cannot be read: " + file.reason;
        case FileProblem::directory:
            return "is a directory; give the path of an SVG file";
        case FileProblem::not_regular:
            return "is not a regular file (it is a pipe, device or socket); give the path of an "
                   "SVG file";
        case FileProblem::too_big:
            return "is too big (" + std::to_string(file.size) +
                   " bytes; a picture can be at most " + std::to_string(max_picture_bytes) + ")";
    }
    if (auto problem = svg_text_problem(file.text)) {
        return problem;
    }
    svg = std::move(file.text);
    return std::nullopt;
}

}  // namespace sk
