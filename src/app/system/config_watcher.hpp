// ConfigWatcher: notices when a config file appears, changes, goes, or can no longer be read.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace sk {

// Watches every path of the config search order (config_search_paths), not only the file in
// use: a config written after start-up (the kiosk began on the built-in sample) takes over, and
// one that goes falls back to the next. A stat() and an access() a path are cheap enough to do
// every second; inotify would miss a directory replaced underneath it.
class ConfigWatcher {
  public:
    explicit ConfigWatcher(std::vector<std::string> paths);

    // True once after each change to any path: created, saved (an editor's save-by-rename
    // counts), deleted, replaced by a directory, or its permissions changed so that it can no
    // longer be read (a chmod changes the change time, not the modification time).
    bool changed();

    const std::vector<std::string>& paths() const { return paths_; }

  private:
    struct Stamp {
        bool exists = false;
        bool readable = false;
        dev_t device = 0;
        ino_t inode = 0;
        mode_t mode = 0;
        off_t size = 0;
        long long modified_ns = 0;
        long long changed_ns = 0;
        bool operator==(const Stamp&) const = default;
    };
    std::vector<Stamp> stamps() const;

    std::vector<std::string> paths_;
    std::vector<Stamp> last_;
};

}  // namespace sk
