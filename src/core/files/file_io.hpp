// FileIo: the few POSIX file operations the parts share: an owned descriptor, a whole write,
// a whole read of a small file, and a directory made durable.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sk {

// Closes the descriptor it owns. close() closes now, so that a failing close, which can report a
// lost write, is seen.
class FileDescriptor {
  public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() { close(); }

    int get() const { return fd_; }
    bool valid() const { return fd_ >= 0; }
    int close();

  private:
    int fd_;
};

// Writes all of `text`, going on after short writes and EINTR; false (errno set) on an error.
bool write_all(int fd, std::string_view text);

// The whole of a file; nullopt if it cannot be read (missing, say). For small files only.
std::optional<std::string> read_file(const std::string& path);

// fsync of a directory: the renames and unlinks in it survive a power cut once it returns.
void sync_directory(const std::string& dir);

}  // namespace sk
