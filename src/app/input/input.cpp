// input: the configured names bound to SDL keycodes, gamepad buttons and the pointer.
#include "app/input/input.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace sk {
namespace {

struct GamepadName {
    std::string_view name;
    SDL_GameControllerButton button;
};
constexpr std::array<GamepadName, 6> gamepad_names = {{
    {"Gamepad A", SDL_CONTROLLER_BUTTON_A},
    {"Gamepad B", SDL_CONTROLLER_BUTTON_B},
    {"Gamepad X", SDL_CONTROLLER_BUTTON_X},
    {"Gamepad Y", SDL_CONTROLLER_BUTTON_Y},
    {"Gamepad Start", SDL_CONTROLLER_BUTTON_START},
    {"Gamepad Back", SDL_CONTROLLER_BUTTON_BACK},
}};
constexpr std::string_view click_name = "Click";

bool same_name(std::string_view configured, std::string_view known) {
    return configured.size() == known.size() &&
           SDL_strncasecmp(configured.data(), known.data(), known.size()) == 0;
}

}  // namespace

InputTranslator::InputTranslator(const KeySettings& keys) {
    reconfigure(keys);
}

void InputTranslator::reconfigure(const KeySettings& keys) {
    key_jobs_.clear();
    gamepad_jobs_.clear();
    click_job_.reset();
    problems_.clear();

    struct Role {
        const std::vector<std::string>* names;
        Job job;
        std::string_view label;
    };
    const std::array<Role, 3> roles = {{{&keys.button, Job::button, "keys.button"},
                                        {&keys.skip, Job::skip, "keys.skip"},
                                        {&keys.stop, Job::stop, "keys.stop"}}};
    // The config gives each name one job; should it not, the first role naming it wins.
    for (const Role& role : roles) {
        for (const std::string& name : *role.names) {
            if (same_name(name, click_name)) {
                if (!click_job_) {
                    click_job_ = role.job;
                }
                continue;
            }
            const auto gamepad =
                std::find_if(gamepad_names.begin(), gamepad_names.end(),
                             [&](const GamepadName& known) { return same_name(name, known.name); });
            if (gamepad != gamepad_names.end()) {
                gamepad_jobs_.emplace(gamepad->button, role.job);
                continue;
            }
            const SDL_Keycode key = SDL_GetKeyFromName(name.c_str());
            if (key == SDLK_UNKNOWN) {
                problems_.push_back(std::string(role.label) + ": '" + name +
                                    "' is not a key name SDL knows; use one such as Space or "
                                    "Right");
                continue;
            }
            key_jobs_.emplace(key, role.job);
        }
    }
    // The defaults that make a plain gamepad and a touch screen work with no config at all.
    gamepad_jobs_.emplace(SDL_CONTROLLER_BUTTON_A, Job::button);
    gamepad_jobs_.emplace(SDL_CONTROLLER_BUTTON_START, Job::button);
    if (!click_job_) {
        click_job_ = Job::button;
    }
}

std::optional<InputEvent> InputTranslator::translate(const SDL_Event& event) {
    const Millis timestamp{event.common.timestamp};
    switch (event.type) {
        case SDL_KEYDOWN:
            if (event.key.repeat != 0) {
                return std::nullopt;
            }
            return press({InputSource::keyboard, 0, event.key.keysym.sym}, timestamp);
        case SDL_KEYUP:
            return release({InputSource::keyboard, 0, event.key.keysym.sym}, timestamp);
        case SDL_CONTROLLERBUTTONDOWN:
            return press({InputSource::gamepad, event.cbutton.which, event.cbutton.button},
                         timestamp);
        case SDL_CONTROLLERBUTTONUP:
            return release({InputSource::gamepad, event.cbutton.which, event.cbutton.button},
                           timestamp);
        case SDL_CONTROLLERDEVICEREMOVED:
            return release_device(event.cdevice.which, timestamp);
        // A tap also arrives as a mouse event from SDL_TOUCH_MOUSEID (and a click as a finger
        // on SDL_MOUSE_TOUCHID, if that hint is on): each press is counted once, as itself.
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            if (event.button.which == SDL_TOUCH_MOUSEID || event.button.button != SDL_BUTTON_LEFT) {
                return std::nullopt;
            }
            return event.type == SDL_MOUSEBUTTONDOWN
                       ? contact_down({SDL_MOUSE_TOUCHID, 0}, timestamp)
                       : contact_up({SDL_MOUSE_TOUCHID, 0}, timestamp);
        case SDL_FINGERDOWN:
        case SDL_FINGERUP:
            if (event.tfinger.touchId == SDL_MOUSE_TOUCHID) {
                return std::nullopt;
            }
            return event.type == SDL_FINGERDOWN
                       ? contact_down({event.tfinger.touchId, event.tfinger.fingerId}, timestamp)
                       : contact_up({event.tfinger.touchId, event.tfinger.fingerId}, timestamp);
        default:
            return std::nullopt;
    }
}

std::optional<InputTranslator::Job> InputTranslator::job_of(const Control& control) const {
    switch (control.source) {
        case InputSource::keyboard: {
            const auto found = key_jobs_.find(static_cast<SDL_Keycode>(control.code));
            return found == key_jobs_.end() ? std::nullopt : std::optional(found->second);
        }
        case InputSource::gamepad: {
            const auto found = gamepad_jobs_.find(static_cast<int>(control.code));
            return found == gamepad_jobs_.end() ? std::nullopt : std::optional(found->second);
        }
        case InputSource::pointer:
            return click_job_;
    }
    return std::nullopt;
}

bool InputTranslator::button_held() const {
    return std::any_of(held_.begin(), held_.end(),
                       [](const Held& held) { return held.job == Job::button; });
}

std::optional<InputEvent> InputTranslator::press(const Control& control, Millis timestamp) {
    const auto job = job_of(control);
    const bool already_held = std::any_of(
        held_.begin(), held_.end(), [&](const Held& held) { return held.control == control; });
    if (!job || already_held) {
        return std::nullopt;
    }
    const bool button_was_held = button_held();
    held_.push_back({control, *job});
    switch (*job) {
        case Job::button:
            if (button_was_held) {
                return std::nullopt;
            }
            return InputEvent{InputKind::button_down, control.source, timestamp};
        case Job::skip:
            return InputEvent{InputKind::skip, control.source, timestamp};
        case Job::stop:
            return InputEvent{InputKind::stop, control.source, timestamp};
    }
    return std::nullopt;
}

std::optional<InputEvent> InputTranslator::release(const Control& control, Millis timestamp) {
    const auto found = std::find_if(held_.begin(), held_.end(),
                                    [&](const Held& held) { return held.control == control; });
    if (found == held_.end()) {
        return std::nullopt;  // pressed before we were listening, or a key we do not use
    }
    const Job job = found->job;
    held_.erase(found);
    if (job == Job::button && !button_held()) {
        return InputEvent{InputKind::button_up, control.source, timestamp};
    }
    return std::nullopt;
}

std::optional<InputEvent> InputTranslator::release_device(std::int64_t device, Millis timestamp) {
    const bool button_was_held = button_held();
    std::erase_if(held_, [&](const Held& held) {
        return held.control.source == InputSource::gamepad && held.control.device == device;
    });
    if (button_was_held && !button_held()) {
        return InputEvent{InputKind::button_up, InputSource::gamepad, timestamp};
    }
    return std::nullopt;
}

std::optional<InputEvent> InputTranslator::contact_down(Contact contact, Millis timestamp) {
    if (std::find(contacts_.begin(), contacts_.end(), contact) != contacts_.end()) {
        return std::nullopt;
    }
    contacts_.push_back(contact);
    if (contacts_.size() > 1) {
        return std::nullopt;  // a second finger on a screen already pressed
    }
    return press({InputSource::pointer, 0, 0}, timestamp);
}

std::optional<InputEvent> InputTranslator::contact_up(Contact contact, Millis timestamp) {
    const auto found = std::find(contacts_.begin(), contacts_.end(), contact);
    if (found == contacts_.end()) {
        return std::nullopt;
    }
    contacts_.erase(found);
    if (!contacts_.empty()) {
        return std::nullopt;
    }
    return release({InputSource::pointer, 0, 0}, timestamp);
}

}  // namespace sk
