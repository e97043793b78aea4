#include "app/system/config_watcher.hpp"

#include <sys/stat.h>
#include <unistd.h>

namespace sk {
namespace {

long long nanoseconds(const timespec& time) {
    return static_cast<long long>(time.tv_sec) * 1'000'000'000LL + time.tv_nsec;
}

}  // namespace

ConfigWatcher::ConfigWatcher(std::vector<std::string> paths) : paths_(std::move(paths)) {
    last_ = stamps();
}

std::vector<ConfigWatcher::Stamp> ConfigWatcher::stamps() const {
    std::vector<Stamp> result(paths_.size());
    for (std::size_t index = 0; index < paths_.size(); ++index) {
        struct stat info {};
        if (::stat(paths_[index].c_str(), &info) != 0) {
            continue;
        }
        Stamp& stamp = result[index];
        stamp.exists = true;
        // Also what the permissions of the folders on the way allow, which no stamp of the
        // file itself shows.
        stamp.readable = ::access(paths_[index].c_str(), R_OK) == 0;
        stamp.device = info.st_dev;
        stamp.inode = info.st_ino;
        stamp.mode = info.st_mode;
        stamp.size = info.st_size;
        stamp.modified_ns = nanoseconds(info.st_mtim);
        stamp.changed_ns = nanoseconds(info.st_ctim);
    }
    return result;
}

bool ConfigWatcher::changed() {
    std::vector<Stamp> now = stamps();
    if (now == last_) {
        return false;
    }
    last_ = std::move(now);
    return true;
}

}  // namespace sk
