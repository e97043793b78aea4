// Gamepads: keeps every connected game controller open, so that its buttons send SDL events.
#pragma once

#include <SDL.h>

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace sk {

class Gamepads {
  public:
    // Initialises SDL's game controller subsystem (counted), so it must be destroyed before
    // SDL_Quit. Controllers already plugged in arrive as SDL_CONTROLLERDEVICEADDED events.
    Gamepads();
    ~Gamepads();
    Gamepads(const Gamepads&) = delete;
    Gamepads& operator=(const Gamepads&) = delete;

    // One sentence for the log when gamepads cannot work at all, else empty.
    const std::string& problem() const { return problem_; }

    // Opens a controller on SDL_CONTROLLERDEVICEADDED and closes it on
    // SDL_CONTROLLERDEVICEREMOVED; other events are ignored. Returns a line for the log when a
    // gamepad comes, goes, or cannot be opened.
    std::optional<std::string> handle(const SDL_Event& event);

    std::size_t count() const { return open_.size(); }

  private:
    struct ControllerDeleter {
        void operator()(SDL_GameController* controller) const {
            SDL_GameControllerClose(controller);
        }
    };
    using ControllerHandle = std::unique_ptr<SDL_GameController, ControllerDeleter>;

    bool ready_ = false;
    std::string problem_;
    std::map<SDL_JoystickID, ControllerHandle> open_;  // by instance id
};

}  // namespace sk
