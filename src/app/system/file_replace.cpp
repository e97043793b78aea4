#include "app/system/file_replace.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <system_error>

#include "core/files/file_io.hpp"

namespace sk {
namespace {

namespace fs = std::filesystem;

// strerror's words, lower-cased to continue a sentence: "permission denied".
std::string error_text(int error) {
    std::string text = std::error_code(error, std::generic_category()).message();
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    }
    return text;
}

std::string directory_of(const std::string& path) {
    const std::string dir = fs::path(path).parent_path().string();
    return dir.empty() ? "." : dir;
}

// A new file in `dir` holding `text`, with `mode` and (when we may) `owner`'s ids, synced. Its
// name, or an error sentence.
struct Written {
    std::string path;
    std::string error;
};
Written write_new_file(const std::string& dir, const std::string& base, std::string_view text,
                       const struct stat* like) {
    std::string temp = dir + "/." + base + ".XXXXXX";
    FileDescriptor fd(::mkstemp(temp.data()));
    if (!fd.valid()) {
        return {"", "cannot write in " + dir + ": " + error_text(errno)};
    }
    const mode_t mode = like ? (like->st_mode & 07777) : 0644;
    bool ok = ::fchmod(fd.get(), mode) == 0;
    if (ok && like && ::geteuid() == 0) {
        // Through sudo: the file stays root's (or whoever owned it), as it was.
        ok = ::fchown(fd.get(), like->st_uid, like->st_gid) == 0;
    }
    ok = ok && write_all(fd.get(), text) && ::fsync(fd.get()) == 0;
    int error = errno;
    if (fd.close() != 0 && ok) {
        ok = false;
        error = errno;
    }
    if (!ok) {
        ::unlink(temp.c_str());
        return {"", "cannot write in " + dir + ": " + error_text(error)};
    }
    return {temp, ""};
}

// Makes `backup` a copy of `path`: a second hard link where the file system has them (the very
// same bytes, mode and owner), else a copy. Replaces an older backup in one rename.
std::string keep_backup(const std::string& path, const std::string& backup,
                        const struct stat& old) {
    const std::string dir = directory_of(path);
    const std::string base = fs::path(backup).filename().string();
    std::string link_name = dir + "/." + base + ".XXXXXX";
    FileDescriptor placeholder(::mkstemp(link_name.data()));
    if (!placeholder.valid()) {
        return "cannot keep the old file as " + backup + ": " + error_text(errno);
    }
    placeholder.close();
    ::unlink(link_name.c_str());
    if (::link(path.c_str(), link_name.c_str()) != 0) {
        const auto text = read_file(path);
        if (!text) {
            return "cannot keep the old file as " + backup + ": it cannot be read";
        }
        Written copy = write_new_file(dir, base, *text, &old);
        if (!copy.error.empty()) {
            return "cannot keep the old file as " + backup + ": " + copy.error;
        }
        link_name = copy.path;
    }
    if (::rename(link_name.c_str(), backup.c_str()) != 0) {
        const int error = errno;
        ::unlink(link_name.c_str());
        return "cannot keep the old file as " + backup + ": " + error_text(error);
    }
    return {};
}

}  // namespace

std::string backup_path(const std::string& path) {
    return path + "~";
}

std::string replace_refusal(const std::string& path) {
    const std::string dir = directory_of(path);
    if (::access(dir.c_str(), W_OK | X_OK) != 0) {
        return "cannot change " + path + ": its directory " + dir + " is not writable (" +
               error_text(errno) + ")";
    }
    if (::access(path.c_str(), F_OK) == 0 && ::access(path.c_str(), W_OK) != 0) {
        return "cannot change " + path + ": " + error_text(errno);
    }
    return {};
}

ReplaceResult replace_file(const std::string& path, std::string_view text,
                           const std::optional<std::string>& expected) {
    ReplaceResult result;
    struct stat old {};
    const bool exists = ::stat(path.c_str(), &old) == 0;
    if (expected && (!exists || read_file(path) != expected)) {
        result.error = path + " was changed by someone else meanwhile";
        return result;
    }
    const std::string dir = directory_of(path);
    Written fresh =
        write_new_file(dir, fs::path(path).filename().string(), text, exists ? &old : nullptr);
    if (!fresh.error.empty()) {
        result.error = fresh.error;
        return result;
    }
    if (exists) {
        result.backup = backup_path(path);
        if (std::string error = keep_backup(path, *result.backup, old); !error.empty()) {
            ::unlink(fresh.path.c_str());
            result.error = error;
            result.backup.reset();
            return result;
        }
    }
    if (::rename(fresh.path.c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(fresh.path.c_str());
        result.error = "cannot replace " + path + ": " + error_text(error);
        return result;
    }
    // The renames are durable only once the directory itself is synced.
    sync_directory(dir);
    return result;
}

}  // namespace sk
