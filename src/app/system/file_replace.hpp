// FileReplace: a small file replaced atomically, its old contents kept beside it as FILE~.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sk {

// The name the old contents are kept under: "/etc/stretch-kiosk/config.yaml~".
std::string backup_path(const std::string& path);

// Whether `path` may be replaced: the caller may write to it (if it exists) and to its
// directory, where the new file and the backup are made. An empty string means yes; else one
// sentence saying why not ("permission denied").
std::string replace_refusal(const std::string& path);

struct ReplaceResult {
    std::string error;                  // empty on success
    std::optional<std::string> backup;  // where the old contents went (none for a new file)
};

// Writes `text` to a new file beside `path` (with the old file's mode and owner), syncs it, keeps
// the old file as backup_path(path), then renames the new one over `path` and syncs the
// directory: a reader (the running kiosk) sees the old file or the new one, never half of one,
// even across a power cut. With `expected`, nothing is written if the file no longer holds
// exactly that (someone else changed it meanwhile).
ReplaceResult replace_file(const std::string& path, std::string_view text,
                           const std::optional<std::string>& expected);

}  // namespace sk
