// SdlEvents: SDL events built by hand, as SDL would deliver them, for the input tests.
#pragma once

#include <SDL.h>

#include "app/input/input.hpp"

namespace sk::test {

// The names the tests use, unqualified.
using sk::InputEvent;
using sk::InputKind;
using sk::InputSource;
using sk::Millis;

inline SDL_Event key(Uint32 type, SDL_Keycode code, Uint32 timestamp = 0, Uint8 repeat = 0) {
    SDL_Event event{};
    event.type = type;
    event.key.timestamp = timestamp;
    event.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
    event.key.repeat = repeat;
    event.key.keysym.sym = code;
    event.key.keysym.scancode = SDL_GetScancodeFromKey(code);
    return event;
}

inline SDL_Event pad(Uint32 type, SDL_GameControllerButton button, SDL_JoystickID which = 0,
                     Uint32 timestamp = 0) {
    SDL_Event event{};
    event.type = type;
    event.cbutton.timestamp = timestamp;
    event.cbutton.which = which;
    event.cbutton.button = static_cast<Uint8>(button);
    event.cbutton.state = type == SDL_CONTROLLERBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    return event;
}

inline SDL_Event pad_removed(SDL_JoystickID which, Uint32 timestamp = 0) {
    SDL_Event event{};
    event.type = SDL_CONTROLLERDEVICEREMOVED;
    event.cdevice.timestamp = timestamp;
    event.cdevice.which = which;
    return event;
}

inline SDL_Event mouse(Uint32 type, Uint8 button = SDL_BUTTON_LEFT, Uint32 which = 0,
                       Uint32 timestamp = 0) {
    SDL_Event event{};
    event.type = type;
    event.button.timestamp = timestamp;
    event.button.which = which;
    event.button.button = button;
    event.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    event.button.clicks = 1;
    return event;
}

inline SDL_Event finger(Uint32 type, SDL_FingerID id, SDL_TouchID touch = 1, Uint32 timestamp = 0) {
    SDL_Event event{};
    event.type = type;
    event.tfinger.timestamp = timestamp;
    event.tfinger.touchId = touch;
    event.tfinger.fingerId = id;
    return event;
}

inline InputEvent expect(InputKind kind, InputSource source, int timestamp = 0) {
    return InputEvent{kind, source, Millis{timestamp}};
}

inline const sk::KeySettings default_keys{};

}  // namespace sk::test
