// Button: one key that does it all, told apart by how long it is held (a press or a long press).
#pragma once

#include <chrono>
#include <optional>

namespace sk {

// The same monotonic time as session.hpp's (an alias may be declared twice).
using MonoTime = std::chrono::steady_clock::time_point;

// What the button did.
enum class ButtonAction {
    none,
    press,       // released before the long-press time: start, pause or resume
    long_press,  // held for the long-press time: end the session (fired once, while still held)
};

// Feed it the key's down and up edges and the time; it says when a press or a long press happened.
// Key auto-repeat (press() again while held) is not a new press.
class Button {
  public:
    static constexpr std::chrono::milliseconds default_long_press{1500};

    explicit Button(std::chrono::milliseconds long_press = default_long_press)
        : long_press_(long_press) {}

    // The key went down.
    ButtonAction press(MonoTime now);
    // The key went up: a press, unless the hold was already long (then none, as it fired).
    ButtonAction release(MonoTime now);
    // Time passes: the long press fires once the key has been held long enough.
    ButtonAction advance(MonoTime now);

    // When advance() should next be called: the instant a held key becomes a long press.
    std::optional<MonoTime> next_deadline() const;
    bool held() const { return down_since_.has_value(); }

  private:
    std::chrono::milliseconds long_press_;
    std::optional<MonoTime> down_since_;
    bool long_fired_ = false;
};

}  // namespace sk
