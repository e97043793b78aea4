// ConfigWatcher: notices when the config file is saved, by its inode, size and change time.
#pragma once

#include <sys/types.h>
#include <optional>
#include <string>

namespace sk {

class ConfigWatcher {
  public:
    explicit ConfigWatcher(std::optional<std::string> path);

    // True once after each change (an editor's save-by-rename counts, so does a deletion).
    // A stat() is cheap enough to call every second; inotify would miss a replaced directory.
    bool changed();

    const std::optional<std::string>& path() const { return path_; }

  private:
    struct Stamp {
        bool exists = false;
        ino_t inode = 0;
        off_t size = 0;
        long long change_ns = 0;
        bool operator==(const Stamp&) const = default;
    };
    Stamp stamp() const;

    std::optional<std::string> path_;
    Stamp last_;
};

}  // namespace sk
