// history_file: the history file on disk (crash-safe appends, tolerant loads) and where it lives.
#include "core/history/history.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

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

// Whether the file's last byte is not a newline: a write torn by a crash or power cut.
bool ends_torn(const std::string& path, off_t size) {
    if (size == 0) {
        return false;
    }
    FileDescriptor in = open_file(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    char last = '\n';
    return in.valid() && ::pread(in.get(), &last, 1, size - 1) == 1 && last != '\n';
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
    std::string line = encode_record(record);
    if (ends_torn(path_, status.st_size)) {
        // Ends the torn line first, in the same write, so the new record is not glued onto it.
        line.insert(line.begin(), '\n');
    }
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
