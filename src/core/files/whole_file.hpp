// WholeFile: a small regular file read whole without ever blocking on it, or why it could not be.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace sk {

enum class FileProblem : std::uint8_t {
    none,
    cannot_open,  // reason says why: "no such file or directory"
    cannot_read,  // reason says why
    directory,
    not_regular,  // a FIFO, a device or a socket
    too_big,      // size says how big
};

struct WholeFile {
    std::string text;
    FileProblem problem = FileProblem::none;
    std::string reason;      // strerror's words, lower-cased to continue a sentence
    std::uint64_t size = 0;  // the file's size, when it is too big
};

// Reads `path` if it is a regular file of at most `max_bytes`. Directories, FIFOs and devices are
// refused without waiting on them (a FIFO is opened without blocking for a writer), and a file
// that grows past `max_bytes` while being read is too big.
WholeFile read_whole_file(const std::string& path, std::size_t max_bytes);

}  // namespace sk
