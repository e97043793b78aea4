// Writing the timer units: each file replaced atomically, stale timers removed.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include "core/files/file_io.hpp"
#include "core/systemd/timer_units.hpp"

namespace sk {
namespace {

namespace fs = std::filesystem;

std::string error_text(int error) {
    return std::strerror(error);
}

// Temp file in the same directory, fsync, rename over the target: a reader (systemd) sees the
// old file or the new one, never half of one, even across a power cut.
std::string write_atomically(const fs::path& target, std::string_view text) {
    std::string temp =
        (target.parent_path() / ("." + target.filename().string() + ".XXXXXX")).string();
    FileDescriptor fd(::mkstemp(temp.data()));
    if (!fd.valid()) {
        return "cannot write " + target.string() + ": " + error_text(errno);
    }
    bool ok = ::fchmod(fd.get(), 0644) == 0 && write_all(fd.get(), text) && ::fsync(fd.get()) == 0;
    int error = errno;
    if (fd.close() != 0 && ok) {
        ok = false;
        error = errno;
    }
    if (ok && ::rename(temp.c_str(), target.c_str()) != 0) {
        ok = false;
        error = errno;
    }
    if (!ok) {
        ::unlink(temp.c_str());
        return "cannot write " + target.string() + ": " + error_text(error);
    }
    return {};
}

bool is_generated_timer(const fs::directory_entry& entry) {
    std::string name = entry.path().filename().string();
    if (!name.starts_with("stretch-kiosk-") || !name.ends_with(".timer")) {
        return false;
    }
    std::error_code ignored;
    if (!entry.is_regular_file(ignored) || entry.is_symlink(ignored)) {
        return false;
    }
    std::ifstream in(entry.path());
    std::string first_line;
    std::getline(in, first_line);
    return first_line.starts_with(generated_unit_marker);
}

}  // namespace

UnitWriteResult write_unit_files(const std::vector<UnitFile>& units, const std::string& dir) {
    UnitWriteResult result;
    std::error_code error;
    fs::create_directories(dir, error);
    if (error) {
        result.error = "cannot create " + dir + ": " + error.message();
        return result;
    }
    std::set<std::string> wanted;
    for (const UnitFile& unit : units) {
        wanted.insert(unit.name);
        fs::path target = fs::path(dir) / unit.name;
        if (read_file(target.string()) == unit.text) {
            continue;
        }
        if (std::string failure = write_atomically(target, unit.text); !failure.empty()) {
            result.error = failure;
            return result;
        }
        result.written.push_back(unit.name);
    }
    fs::directory_iterator entries(dir, error);
    for (; !error && entries != fs::directory_iterator(); entries.increment(error)) {
        const fs::directory_entry& entry = *entries;
        std::string name = entry.path().filename().string();
        if (wanted.count(name) == 0 && is_generated_timer(entry)) {
            if (::unlink(entry.path().c_str()) != 0) {
                result.error = "cannot remove " + entry.path().string() + ": " + error_text(errno);
                return result;
            }
            result.removed.push_back(name);
        }
    }
    if (error) {
        result.error = "cannot read " + dir + ": " + error.message();
        return result;
    }
    std::sort(result.removed.begin(), result.removed.end());
    // The renames and unlinks are durable only once the directory itself is synced.
    sync_directory(dir);
    return result;
}

}  // namespace sk
