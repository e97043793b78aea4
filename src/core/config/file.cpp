// config_file: reads a config file from disk without ever blocking on it, then parses it.
#include "core/config/parser.hpp"
#include "core/config/text.hpp"
#include "core/files/whole_file.hpp"

namespace sk {
namespace {

ConfigResult refused(const std::string& path, std::string message) {
    ConfigResult result;
    result.diagnostics.push_back(Diagnostic{path, 0, 0, std::move(message)});
    return result;
}

}  // namespace

ConfigResult load_config_file(const std::string& path, const PictureCheck& pictures) {
    WholeFile file = read_whole_file(path, max_config_bytes);
    switch (file.problem) {
        case FileProblem::none:
            break;
        case FileProblem::cannot_open:
            return refused(path, "cannot be opened: " + file.reason);
        case FileProblem::cannot_read:
            return refused(path, "cannot be read: " + file.reason);
        case FileProblem::directory:
            return refused(path, "is a directory; give the path of the YAML config file");
        case FileProblem::not_regular:
            return refused(path,
                           "is not a regular file (it is a pipe, device or socket); give the "
                           "path of the YAML config file");
        case FileProblem::too_big:
            return refused(path, too_big_message(file.size));
    }
    return parse_config(file.text, path, pictures);
}

}  // namespace sk
