// config_file: reads a config file from disk without ever blocking on it, then parses it.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

#include "core/config/parser.hpp"
#include "core/config/text.hpp"

namespace sk {
namespace {

// Closes the descriptor on every way out.
class FileDescriptor {
  public:
    explicit FileDescriptor(int descriptor) : descriptor_(descriptor) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (descriptor_ >= 0) {
            ::close(descriptor_);
        }
    }
    int get() const { return descriptor_; }

  private:
    int descriptor_;
};

// strerror's words, lower-cased to continue a sentence: "no such file or directory".
std::string system_error_text(int error) {
    std::string text = std::error_code(error, std::generic_category()).message();
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    }
    return text;
}

ConfigResult refused(const std::string& path, std::string message) {
    ConfigResult result;
    result.diagnostics.push_back(Diagnostic{path, 0, 0, std::move(message)});
    return result;
}

}  // namespace

ConfigResult load_config_file(const std::string& path) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    const FileDescriptor file(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (file.get() < 0) {
        return refused(path, "cannot be opened: " + system_error_text(errno));
    }
    struct stat info {};
    if (::fstat(file.get(), &info) != 0) {
        return refused(path, "cannot be read: " + system_error_text(errno));
    }
    if (S_ISDIR(info.st_mode)) {
        return refused(path, "is a directory; give the path of the YAML config file");
    }
    if (!S_ISREG(info.st_mode)) {
        return refused(path,
                       "is not a regular file (it is a pipe, device or socket); give the "
                       "path of the YAML config file");
    }
    if (static_cast<std::uint64_t>(info.st_size) > max_config_bytes) {
        return refused(path, too_big_message(static_cast<std::uint64_t>(info.st_size)));
    }
    // One byte more than allowed, to notice a file that grew after fstat.
    std::string text(max_config_bytes + 1, '\0');
    std::size_t filled = 0;
    while (filled < text.size()) {
        const ssize_t count = ::read(file.get(), text.data() + filled, text.size() - filled);
        if (count < 0 && errno == EINTR) {
            continue;
        }
        if (count < 0) {
            return refused(path, "cannot be read: " + system_error_text(errno));
        }
        if (count == 0) {
            break;
        }
        filled += static_cast<std::size_t>(count);
    }
    text.resize(filled);
    return parse_config(text, path);
}

}  // namespace sk
