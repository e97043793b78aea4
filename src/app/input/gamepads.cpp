// gamepads: opening and closing game controllers as they are plugged in and out.
#include "app/input/gamepads.hpp"

namespace sk {
namespace {

std::string sdl_error() {
    const char* error = SDL_GetError();
    return error != nullptr && *error != '\0' ? error : "no reason given";
}

std::string controller_name(SDL_GameController* controller) {
    const char* name = SDL_GameControllerName(controller);
    return name != nullptr ? name : "unnamed gamepad";
}

}  // namespace

Gamepads::Gamepads() {
    // A kiosk under a bare X server may never get the keyboard focus; SDL would then drop every
    // gamepad event as "in the background". This program is the only thing on the screen.
    SDL_SetHint(SDL_HINT_JOYSTICK_ALLOW_BACKGROUND_EVENTS, "1");
    ready_ = SDL_InitSubSystem(SDL_INIT_GAMECONTROLLER) == 0;
    if (!ready_) {
        problem_ = "no gamepad support (" + sdl_error() + "): use a key or the screen instead";
    }
}

Gamepads::~Gamepads() {
    open_.clear();  // every controller closes before the subsystem goes
    if (ready_) {
        SDL_QuitSubSystem(SDL_INIT_GAMECONTROLLER);
    }
}

std::optional<std::string> Gamepads::handle(const SDL_Event& event) {
    if (!ready_) {
        return std::nullopt;
    }
    if (event.type == SDL_CONTROLLERDEVICEADDED) {
        const int device_index = event.cdevice.which;
        // SDL announces controllers present at start-up as added too; never open one twice.
        if (open_.contains(SDL_JoystickGetDeviceInstanceID(device_index))) {
            return std::nullopt;
        }
        ControllerHandle controller(SDL_GameControllerOpen(device_index));
        if (!controller) {
            return "a gamepad could not be opened (" + sdl_error() + "): its buttons do nothing";
        }
        const SDL_JoystickID id =
            SDL_JoystickInstanceID(SDL_GameControllerGetJoystick(controller.get()));
        std::string line = "gamepad connected: " + controller_name(controller.get());
        open_.emplace(id, std::move(controller));
        return line;
    }
    if (event.type == SDL_CONTROLLERDEVICEREMOVED) {
        const auto found = open_.find(event.cdevice.which);
        if (found == open_.end()) {
            return std::nullopt;
        }
        std::string line = "gamepad disconnected: " + controller_name(found->second.get());
        open_.erase(found);
        return line;
    }
    return std::nullopt;
}

}  // namespace sk
