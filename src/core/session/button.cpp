// button: the press / long-press decision for the kiosk's one button.
#include "core/session/button.hpp"

namespace sk {

ButtonAction Button::press(MonoTime now) {
    if (down_since_) {
        // Auto-repeat, or a lost release: the key is still the same hold.
        return advance(now);
    }
    down_since_ = now;
    long_fired_ = false;
    return ButtonAction::none;
}

ButtonAction Button::release(MonoTime now) {
    if (!down_since_) {
        return ButtonAction::none;
    }
    // A release seen late still counts as a long press if the key was held that long.
    ButtonAction action = advance(now);
    if (action == ButtonAction::none && !long_fired_) {
        action = ButtonAction::press;
    }
    down_since_.reset();
    long_fired_ = false;
    return action;
}

ButtonAction Button::advance(MonoTime now) {
    if (!down_since_ || long_fired_ || now - *down_since_ < long_press_) {
        return ButtonAction::none;
    }
    long_fired_ = true;
    return ButtonAction::long_press;
}

std::optional<MonoTime> Button::next_deadline() const {
    if (!down_since_ || long_fired_) {
        return std::nullopt;
    }
    return *down_since_ + long_press_;
}

}  // namespace sk
