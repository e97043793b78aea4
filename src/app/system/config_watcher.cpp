#include "app/system/config_watcher.hpp"

#include <sys/stat.h>

namespace sk {

ConfigWatcher::ConfigWatcher(std::optional<std::string> path) : path_(std::move(path)) {
    last_ = stamp();
}

ConfigWatcher::Stamp ConfigWatcher::stamp() const {
    Stamp result;
    struct stat info {};
    if (path_ && ::stat(path_->c_str(), &info) == 0) {
        result.exists = true;
        result.inode = info.st_ino;
        result.size = info.st_size;
        result.change_ns =
            static_cast<long long>(info.st_mtim.tv_sec) * 1'000'000'000LL + info.st_mtim.tv_nsec;
    }
    return result;
}

bool ConfigWatcher::changed() {
    Stamp now = stamp();
    if (now == last_) {
        return false;
    }
    last_ = now;
    return true;
}

}  // namespace sk
