// config_yaml: the only code that knows yaml-cpp. It listens to the parser's events rather than
// building YAML::Node trees: that keeps aliases countable before they are expanded (an alias bomb
// stops at once) and keeps clear of Node iteration bugs such as yaml-cpp issue 1071.
#include "core/config/yaml.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <array>
#include <map>
#include <sstream>
#include <utility>
#include <vector>

namespace sk {
namespace {

// Thrown out of the event handler to stop the parser at once.
struct Refusal {
    TextProblem problem;
};

// A value with how many values it holds (itself included) and how deep it goes.
struct Measured {
    ConfigNode node;
    std::size_t values = 1;
    int height = 1;
};

class TreeBuilder : public YAML::EventHandler {
  public:
    ConfigNode take_root() { return std::move(root_.node); }
    bool has_root() const { return has_root_; }
    // Where the root starts in the text (for an empty root: where yaml-cpp found it empty).
    std::size_t root_offset() const { return root_offset_; }

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        finish(Measured{leaf(mark, ConfigNode::Kind::empty, {})}, anchor);
    }

    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  const std::string& value) override {
        finish(Measured{leaf(mark, ConfigNode::Kind::text, value)}, anchor);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        const auto found = anchors_.find(anchor);
        if (found == anchors_.end()) {
            // The anchor is known to the parser but its value is still open: `&a [*a]`.
            throw Refusal{{mark.line + 1, mark.column + 1,
                           "this alias is inside the value it names; an alias cannot repeat "
                           "what contains it"}};
        }
        count(found->second.values);
        check_depth(static_cast<int>(open_.size()) + found->second.height, mark);
        finish(found->second, YAML::NullAnchor);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, ConfigNode::Kind::list, anchor);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(mark, ConfigNode::Kind::map, anchor);
    }
    void OnMapEnd() override { close(); }

  private:
    struct Open {
        Measured measured;
        YAML::anchor_t anchor;
    };

    ConfigNode leaf(const YAML::Mark& mark, ConfigNode::Kind kind, const std::string& text) {
        count(1);
        if (open_.empty()) {
            root_offset_ = static_cast<std::size_t>(std::max(mark.pos, 0));
        }
        ConfigNode node;
        node.kind = kind;
        node.text = text;
        node.line = mark.line + 1;
        node.column = mark.column + 1;
        return node;
    }

    void count(std::size_t values) {
        values_ += values;
        if (values_ > max_config_values) {
            throw Refusal{{0, 0,
                           "is too complex (over " + std::to_string(max_config_values) +
                               " values, perhaps through aliases); write it out plainly"}};
        }
    }

    void check_depth(int depth, const YAML::Mark& mark) {
        if (depth > max_config_nesting) {
            throw Refusal{{mark.line + 1, mark.column + 1,
                           "nests more than " + std::to_string(max_config_nesting) +
                               " levels deep (perhaps through aliases); a config needs only a "
                               "few"}};
        }
    }

    void open(const YAML::Mark& mark, ConfigNode::Kind kind, YAML::anchor_t anchor) {
        check_depth(static_cast<int>(open_.size()) + 1, mark);
        open_.push_back(Open{Measured{leaf(mark, kind, {})}, anchor});
    }

    void close() {
        Open done = std::move(open_.back());
        open_.pop_back();
        finish(std::move(done.measured), done.anchor);
    }

    // Hands a complete value to the collection it is in (a map takes a key, then its value).
    void finish(Measured done, YAML::anchor_t anchor) {
        if (anchor != YAML::NullAnchor) {
            anchors_[anchor] = done;
        }
        if (open_.empty()) {
            root_ = std::move(done);
            has_root_ = true;
            return;
        }
        Measured& parent = open_.back().measured;
        parent.values += done.values;
        parent.height = std::max(parent.height, done.height + 1);
        ConfigNode& node = parent.node;
        if (node.kind == ConfigNode::Kind::map && node.keys.size() == node.items.size()) {
            node.keys.push_back(std::move(done.node));
        } else {
            node.items.push_back(std::move(done.node));
        }
    }

    std::vector<Open> open_;
    std::map<YAML::anchor_t, Measured> anchors_;
    Measured root_;
    bool has_root_ = false;
    std::size_t root_offset_ = 0;
    std::size_t values_ = 0;
};

// Whether an empty document found at `offset` is really empty: yaml-cpp reads a stray `---` at
// the end as an empty document, but also `~`, `null`, a lone anchor or a lone tag. Those are
// text the user wrote, which would otherwise be silently ignored.
bool holds_nothing_at(std::string_view text, std::size_t offset) {
    std::string_view rest = text.substr(std::min(offset, text.size()));
    rest = rest.substr(0, rest.find('\n'));
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t' || rest.front() == '\r')) {
        rest.remove_prefix(1);
    }
    return rest.empty() || rest.front() == '#' || rest.starts_with("---") ||
           rest.starts_with("...");
}

// yaml-cpp's messages, said the way a person editing the file needs to hear them.
std::string syntax_message(const std::string& message) {
    // const, not constexpr: yaml-cpp's messages are `const char* const`, which clang will not
    // read in a constant expression.
    static const std::array<std::pair<std::string_view, std::string_view>, 12> kinder = {{
        {YAML::ErrorMsg::END_OF_SEQ_FLOW, "a list opened with [ is not closed; add the ]"},
        {YAML::ErrorMsg::END_OF_MAP_FLOW, "a map opened with { is not closed; add the }"},
        {YAML::ErrorMsg::END_OF_MAP,
         "this line's indentation does not match the lines above; line it up with its siblings"},
        {YAML::ErrorMsg::END_OF_SEQ,
         "this line's indentation does not match the lines above; line it up with its siblings"},
        {YAML::ErrorMsg::MAP_VALUE,
         "unexpected ':' here; check the indentation, or put text that holds ': ' in quotes"},
        {YAML::ErrorMsg::BLOCK_ENTRY,
         "a '- ' list item is not allowed here; check the indentation"},
        {YAML::ErrorMsg::MAP_KEY, "a '? ' key is not allowed here; check the indentation"},
        {YAML::ErrorMsg::FLOW_END, "unexpected ] or } here; remove it, or add the opening bracket"},
        {YAML::ErrorMsg::UNKNOWN_ANCHOR,
         "this alias names no anchor; write &name on a value above before using *name"},
        {YAML::ErrorMsg::UNKNOWN_TOKEN,
         "a value cannot start with this character; put it in quotes"},
        {YAML::ErrorMsg::TAB_IN_INDENTATION, "a tab is used for indentation; indent with spaces"},
        {YAML::ErrorMsg::EOF_IN_SCALAR, "this quoted text is never closed; add the closing quote"},
    }};
    for (const auto& [said, meant] : kinder) {
        if (message == said) {
            return std::string(meant);
        }
    }
    const std::string_view escape = YAML::ErrorMsg::INVALID_ESCAPE;
    if (message.rfind(escape, 0) == 0) {
        return "unknown escape \\" + message.substr(escape.size()) +
               " in double quotes; write \\\\ for a backslash, or use single quotes";
    }
    // yaml-cpp's DeepRecursion says only "bad file"; the text check should have stopped it first.
    if (message == YAML::ErrorMsg::BAD_FILE) {
        return "nests too deeply; a config needs only a few levels";
    }
    return "this is not valid YAML: " + (message.empty() ? "something is wrong here" : message);
}

}  // namespace

std::variant<ConfigNode, TextProblem> read_yaml_tree(std::string_view text) {
    std::istringstream stream{std::string(text)};
    YAML::Parser parser(stream);
    TreeBuilder builder;
    try {
        if (!parser.HandleNextDocument(builder) || !builder.has_root()) {
            return ConfigNode{};
        }
        // Every later document would be silently ignored: say so instead. Only document markers
        // and comments may follow the config (`...` ends it, a stray `---` holds nothing), so
        // every later document is read, not just the next one.
        for (;;) {
            TreeBuilder later;
            if (!parser.HandleNextDocument(later) || !later.has_root()) {
                break;
            }
            const ConfigNode start = later.take_root();
            if (start.kind == ConfigNode::Kind::empty &&
                holds_nothing_at(text, later.root_offset())) {
                continue;
            }
            return TextProblem{start.line, start.column,
                               "a second YAML document starts here; keep the whole config in one"};
        }
    } catch (const Refusal& refusal) {
        return refusal.problem;
    } catch (const YAML::ParserException& error) {
        return TextProblem{error.mark.line + 1, error.mark.column + 1, syntax_message(error.msg)};
    }
    return builder.take_root();
}

}  // namespace sk
