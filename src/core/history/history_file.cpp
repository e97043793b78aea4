// history_file: the history file on disk (crash-safe appends, tolerant loads) and where it lives.
#include "core/history/history.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace sk {
namespace {

// Years of history are a few hundred KiB; a file this big is not one we wrote.
constexpr off_t max_history_bytes = 64 * 1024 * 1024;

std::string reason(int error) {
    return std::generic_category().message(error);
}

// An open file descriptor, closed when it goes out of scope.
class FileDescriptor {
  public:
    explicit FileDescriptor(int descriptor) : descriptor_(descriptor) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() { close(); }

    int get() const { return descriptor_; }
    bool valid() const { return descriptor_ >= 0; }
    // Returns 0 or the errno of close(), which can be the first report of a failed write.
    int close() {
        int result = descriptor_ >= 0 && ::close(descriptor_) != 0 ? errno : 0;
        descriptor_ = -1;
        return result;
    }

  private:
    int descriptor_;
};

FileDescriptor open_file(const std::string& path, int flags, mode_t mode = 0) {
    int descriptor;
    do {
        descriptor = ::open(path.c_str(), flags, mode);
    } while (descriptor < 0 && errno == EINTR);
    return FileDescriptor{descriptor};
}

// The offset just past the last newline in the first `size` bytes of `in` (0 when there is
// none): where the whole records end. Reads backwards a block at a time; a torn tail is at most
// one record long, but a file that is all garbage is read through to its start.
std::optional<off_t> end_of_whole_lines(int in, off_t size) {
    std::array<char, 4096> block;
    for (off_t end = size; end > 0;) {
        const off_t start = std::max<off_t>(0, end - static_cast<off_t>(block.size()));
        const auto wanted = static_cast<std::size_t>(end - start);
        ssize_t got;
        do {
            got = ::pread(in, block.data(), wanted, start);
        } while (got < 0 && errno == EINTR);
        if (got != static_cast<ssize_t>(wanted)) {
            return std::nullopt;
        }
        for (std::size_t at = wanted; at > 0; --at) {
            if (block[at - 1] == '\n') {
                return start + static_cast<off_t>(at);
            }
        }
        end = start;
    }
    return 0;
}

std::optional<std::string> environment(const char* name) {
    const char* value = std::getenv(name);
    return value && *value ? std::optional<std::string>(value) : std::nullopt;
}

std::optional<std::string> passwd_home() {
    std::array<char, 4096> buffer{};
    passwd entry{};
    passwd* found = nullptr;
    if (::getpwuid_r(::getuid(), &entry, buffer.data(), buffer.size(), &found) != 0 || !found ||
        !found->pw_dir || !*found->pw_dir) {
        return std::nullopt;
    }
    return std::string(found->pw_dir);
}

}  // namespace

HistoryFile::HistoryFile(std::string path) : path_(std::move(path)) {}

HistoryLoad HistoryFile::load() const {
    auto unreadable = [this](const std::string& why) {
        HistoryLoad load;
        load.warnings.push_back(path_ + ": could not read the history: " + why);
        return load;
    };
    // O_NONBLOCK: a FIFO in the file's place must not hang the kiosk.
    FileDescriptor in = open_file(path_, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (!in.valid()) {
        return errno == ENOENT ? HistoryLoad{} : unreadable(reason(errno));
    }
    struct stat status {};
    if (::fstat(in.get(), &status) != 0) {
        return unreadable(reason(errno));
    }
    if (S_ISDIR(status.st_mode)) {
        return unreadable(reason(EISDIR));
    }
    if (!S_ISREG(status.st_mode)) {
        return unreadable("it is not a regular file");
    }
    if (status.st_size > max_history_bytes) {
        return unreadable("it is larger than 64 MiB");
    }
    std::string bytes;
    std::array<char, 65536> buffer;
    for (;;) {
        ssize_t got = ::read(in.get(), buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            return unreadable(reason(errno));
        }
        if (got == 0) {
            break;
        }
        bytes.append(buffer.data(), static_cast<std::size_t>(got));
    }
    return parse_history(bytes, path_);
}

HistoryRepair HistoryFile::repair() {
    // O_NONBLOCK changes nothing for a regular file, and keeps a FIFO from hanging the kiosk.
    FileDescriptor out = open_file(path_, O_WRONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat status {};
    if (!out.valid()) {
        return errno == ENOENT ? HistoryRepair{}
                               : HistoryRepair{{},
                                               "Could not open the history file " + path_ + ": " +
                                                   reason(errno) + "."};
    }
    if (::fstat(out.get(), &status) != 0 || !S_ISREG(status.st_mode)) {
        return {};  // append() says what is wrong with it
    }
    return repair(out.get(), status.st_size);
}

HistoryRepair HistoryFile::repair(int out, off_t size) {
    if (size == 0) {
        return {};
    }
    // A separate descriptor to read with: `out` may be write-only, as appending needs.
    FileDescriptor in = open_file(path_, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    const std::optional<off_t> whole = in.valid() ? end_of_whole_lines(in.get(), size) : 0;
    if (!in.valid() || !whole) {
        return {{}, "Could not read the history file " + path_ + ": " + reason(errno) + "."};
    }
    if (*whole == size) {
        return {};
    }
    int truncated;
    do {
        truncated = ::ftruncate(out, *whole);
    } while (truncated != 0 && errno == EINTR);
    if (truncated != 0) {
        return {{}, "Could not repair the history file " + path_ + ": " + reason(errno) + "."};
    }
    // Made durable by the next append's fdatasync; until then a crash may bring the bytes back,
    // and the next start removes them again.
    return {path_ + ": removed " + std::to_string(size - *whole) +
                " bytes of a record cut short (power loss?)",
            {}};
}

std::string HistoryFile::append(const HistoryRecord& record) {
    std::filesystem::path folder = std::filesystem::path(path_).parent_path();
    if (!folder.empty()) {
        std::error_code error;
        std::filesystem::create_directories(folder, error);
        if (error) {
            return "Could not create the folder " + folder.string() +
                   " for the history: " + error.message() + ".";
        }
    }
    // O_NONBLOCK changes nothing for a regular file, and keeps a FIFO from hanging the kiosk.
    FileDescriptor out =
        open_file(path_, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0644);
    struct stat status {};
    if (!out.valid() || ::fstat(out.get(), &status) != 0) {
        return "Could not open the history file " + path_ + ": " + reason(errno) + ".";
    }
    if (!S_ISREG(status.st_mode)) {
        return "Could not open the history file " + path_ + ": it is not a regular file.";
    }
    // A record cut short by a crash (or a full disk) is removed first: load() skipped it, and
    // ending it with a newline would bring it back, or leave it as damage mid-file.
    if (HistoryRepair repaired = repair(out.get(), status.st_size); !repaired.error.empty()) {
        return repaired.error;
    }
    const std::string line = encode_record(record);
    std::string_view rest = line;
    while (!rest.empty()) {
        ssize_t written = ::write(out.get(), rest.data(), rest.size());
        if (written < 0 && errno == EINTR) {
            continue;
        }
        if (written <= 0) {
            return "Could not write to the history file " + path_ + ": " +
                   (written < 0 ? reason(errno) : std::string("nothing was written")) + ".";
        }
        rest.remove_prefix(static_cast<std::size_t>(written));
    }
    int synced;
    do {
        synced = ::fdatasync(out.get());
    } while (synced != 0 && errno == EINTR);
    if (synced != 0) {
        return "Could not save the history file " + path_ + " to disk: " + reason(errno) + ".";
    }
    if (int error = out.close(); error != 0) {
        return "Could not write to the history file " + path_ + ": " + reason(error) + ".";
    }
    return {};
}

std::string resolve_state_dir(const std::optional<std::string>& flag) {
    if (flag && !flag->empty()) {
        return *flag;
    }
    // systemd's StateDirectory= may list several directories, separated by ':'.
    if (auto directories = environment("STATE_DIRECTORY")) {
        if (auto first = directories->substr(0, directories->find(':')); !first.empty()) {
            return first;
        }
    }
    // The XDG spec says to ignore a relative path here.
    if (auto state_home = environment("XDG_STATE_HOME"); state_home && state_home->front() == '/') {
        return *state_home + "/stretch-kiosk";
    }
    if (auto home = environment("HOME")) {
        return *home + "/.local/state/stretch-kiosk";
    }
    if (auto home = passwd_home()) {
        return *home + "/.local/state/stretch-kiosk";
    }
    return "/var/lib/stretch-kiosk";
}

}  // namespace sk
