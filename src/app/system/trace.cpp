// trace: --trace FILE, one line per event.
#include "app/system/trace.hpp"

#include <cerrno>
#include <cstring>

namespace sk {

Trace::Trace(const std::string& path, Time origin) : origin_(origin) {
    file_.reset(std::fopen(path.c_str(), "w"));
    if (!file_) {
        problem_ = "cannot write the trace " + path + ": " + std::strerror(errno);
    }
}

void Trace::line(Time at, std::string_view what, std::string_view details) {
    if (!file_) {
        return;
    }
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(at - origin_).count();
    std::fprintf(file_.get(), "%lld\t%.*s\t%.*s\n", static_cast<long long>(ms),
                 static_cast<int>(what.size()), what.data(), static_cast<int>(details.size()),
                 details.data());
    std::fflush(file_.get());
}

}  // namespace sk
