// config_parser: config text to a Config, through the text checks, the YAML tree and the sections.
#include "core/config/parser.hpp"

#include <array>
#include <cassert>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "core/config/node.hpp"
#include "core/config/sample_config.hpp"
#include "core/config/sections.hpp"
#include "core/config/text.hpp"
#include "core/config/yaml.hpp"

namespace sk {
namespace {

Diagnostics one_problem(const std::string& origin, int line, int column, std::string message) {
    return {Diagnostic{origin, line, column, std::move(message)}};
}

Diagnostics read_document(std::string_view text, const std::string& origin, DefaultsSource defaults,
                          const PictureCheck& pictures, Config& config) {
    if (const auto problem = check_config_text(text)) {
        return one_problem(origin, problem->line, problem->column, problem->message);
    }
    auto tree = read_yaml_tree(text);
    if (const auto* problem = std::get_if<TextProblem>(&tree)) {
        return one_problem(origin, problem->line, problem->column, problem->message);
    }
    const ConfigNode& root = std::get<ConfigNode>(tree);
    if (root.kind == ConfigNode::Kind::empty) {
        return one_problem(origin, 0, 0,
                           "is empty; write a schedule in it (the sample config shows how)");
    }
    ConfigReader reader(origin);
    config = read_config_document(reader, root, defaults, pictures);
    return reader.take_diagnostics();
}

ConfigResult parse(std::string_view text, const std::string& origin, DefaultsSource defaults,
                   PictureCheck pictures) {
    ConfigResult result;
    if (!pictures.folder) {
        pictures.folder = std::filesystem::path(origin).parent_path().string();
    }
    try {
        // Measured with its byte order mark: the size is the file's.
        if (text.size() > max_config_bytes) {
            result.diagnostics = one_problem(origin, 0, 0, too_big_message(text.size()));
            return result;
        }
        const std::string_view body = without_byte_order_mark(text);
        Config config;
        result.diagnostics = read_document(body, origin, defaults, pictures, config);
        count_columns_in_characters(body, result.diagnostics);
        if (result.diagnostics.empty()) {
            result.config = std::move(config);
        }
    } catch (const std::bad_alloc&) {
        result.diagnostics = one_problem(origin, 0, 0, "is too big to read; make it smaller");
    } catch (const std::exception& error) {
        result.diagnostics =
            one_problem(origin, 0, 0, std::string("could not be read: ") + error.what());
    } catch (...) {
        result.diagnostics = one_problem(origin, 0, 0, "could not be read as YAML");
    }
    return result;
}

[[noreturn]] void built_in_config_broken(const Diagnostics& diagnostics) {
    for (const Diagnostic& diagnostic : diagnostics) {
        std::cerr << diagnostic.to_string() << '\n';
    }
    assert(!"config/stretch-kiosk.yaml is compiled in and must always parse");
    std::abort();
}

const Config& no_defaults() {
    built_in_config_broken(
        {Diagnostic{"built-in config", 0, 0, "must have its own stretches and routines"}});
}

const Config& built_in_config() {
    static const Config config = [] {
        // It names only built-in pictures: no file is looked for.
        ConfigResult result = parse(sample_config_text(), "built-in config", no_defaults, {});
        if (!result.ok()) {
            built_in_config_broken(result.diagnostics);
        }
        return std::move(*result.config);
    }();
    return config;
}

}  // namespace

ConfigResult parse_config(std::string_view text, const std::string& origin,
                          const PictureCheck& pictures) {
    return parse(text, origin, built_in_config, pictures);
}

Config default_config() {
    return built_in_config();
}

}  // namespace sk
