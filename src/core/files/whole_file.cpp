#include "core/files/whole_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

#include "core/files/file_io.hpp"

namespace sk {
namespace {

// strerror's words, lower-cased to continue a sentence: "no such file or directory".
std::string system_error_text(int error) {
    std::string text = std::error_code(error, std::generic_category()).message();
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    }
    return text;
}

WholeFile failed(FileProblem problem, std::string reason = {}, std::uint64_t size = 0) {
    WholeFile file;
    file.problem = problem;
    file.reason = std::move(reason);
    file.size = size;
    return file;
}

}  // namespace

WholeFile read_whole_file(const std::string& path, std::size_t max_bytes) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    const FileDescriptor file(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (file.get() < 0) {
        return failed(FileProblem::cannot_open, system_error_text(errno));
    }
    struct stat info {};
    if (::fstat(file.get(), &info) != 0) {
        return failed(FileProblem::cannot_read, system_error_text(errno));
    }
    if (S_ISDIR(info.st_mode)) {
        return failed(FileProblem::directory);
    }
    if (!S_ISREG(info.st_mode)) {
        return failed(FileProblem::not_regular);
    }
    const auto size = static_cast<std::uint64_t>(info.st_size);
    if (size > max_bytes) {
        return failed(FileProblem::too_big, {}, size);
    }
    // One byte more than allowed, to notice a file that grew after fstat.
    WholeFile read;
    read.text.assign(max_bytes + 1, '\0');
    std::size_t filled = 0;
    while (filled < read.text.size()) {
        const ssize_t count =
            ::read(file.get(), read.text.data() + filled, read.text.size() - filled);
        if (count < 0 && errno == EINTR) {
            continue;
        }
        if (count < 0) {
            return failed(FileProblem::cannot_read, system_error_text(errno));
        }
        if (count == 0) {
            break;
        }
        filled += static_cast<std::size_t>(count);
    }
    read.text.resize(filled);
    if (filled > max_bytes) {
        return failed(FileProblem::too_big, {}, filled);
    }
    return read;
}

}  // namespace sk
