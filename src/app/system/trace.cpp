// trace: --trace FILE, one line per event.
#include "app/system/trace.hpp"

#include <cerrno>
#include <cstring>
#include <string>

namespace sk {

Trace::Trace(const std::string& path, Time origin) : origin_(origin) {
    file_.reset(std::fopen(path.c_str(), "w"));
    if (!file_) {
        problem_ = "cannot write the trace " + path + ": " + std::strerror(errno);
        return;
    }
    // Where 0 ms is on the system's monotonic clock (steady_clock is CLOCK_MONOTONIC), so that a
    // benchmark can time the first frame from the moment it started the program.
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(origin.time_since_epoch());
    line(origin, "trace", "monotonic_ns " + std::to_string(ns.count()));
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
