// Trace: a small timestamped record of what the kiosk did (--trace FILE), one line per event,
// for checking timing from outside: "<ms>\t<what>\t<details>", ms on the monotonic clock since the
// trace opened. Kinds so far: audio (the device opened or closed), step (a step of a session
// began), cue, say (a phrase was handed to the device), unsaid (a phrase left out, and why).
#pragma once

#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace sk {

class Trace {
  public:
    using Time = std::chrono::steady_clock::time_point;

    // No file: every line is dropped. A file that cannot be opened: problem() says so.
    Trace() = default;
    Trace(const std::string& path, Time origin);

    bool enabled() const { return file_ != nullptr; }
    const std::string& problem() const { return problem_; }
    // One line, written at once (so a killed kiosk leaves a whole trace behind).
    void line(Time at, std::string_view what, std::string_view details);

  private:
    struct Close {
        void operator()(std::FILE* file) const { std::fclose(file); }
    };
    std::unique_ptr<std::FILE, Close> file_;
    Time origin_{};
    std::string problem_;
};

}  // namespace sk
