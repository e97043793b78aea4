// InputTranslator: turns SDL key, gamepad, mouse and touch events into the kiosk's few inputs.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/model/config.hpp"
#include "core/session/session.hpp"

namespace sk {

// What the user did. The one button reports both edges, so that the main loop's long-press
// tracker can time how long it is held; skip and stop act at once.
enum class InputKind { button_down, button_up, skip, stop };

// Where an input came from.
enum class InputSource { keyboard, gamepad, pointer };

struct InputEvent {
    InputKind kind = InputKind::button_down;
    InputSource source = InputSource::keyboard;
    Millis timestamp{0};  // SDL's event time, from SDL's initialisation

    bool operator==(const InputEvent&) const = default;
};

class InputTranslator {
  public:
    // Binds the names in `keys`: SDL key names, "Gamepad A" .. "Gamepad Back" and "Click" (a
    // mouse click or a tap). Gamepad A and Start, and Click, act as the button unless the config
    // gives them a job of their own, so a gamepad or a touch screen works out of the box.
    explicit InputTranslator(const KeySettings& keys);

    // New bindings after a config change. A control held down now still reports its release as
    // the job it had when it was pressed.
    void reconfigure(const KeySettings& keys);

    // One sentence for each configured name SDL does not know (it does nothing).
    const std::vector<std::string>& problems() const { return problems_; }

    // The input `event` means, if any. Key auto-repeat is ignored. While several controls bound
    // to the button are held, they count as one button: down at the first press, up at the last
    // release. Handles SDL_CONTROLLERDEVICEREMOVED too: a removed gamepad releases its buttons.
    std::optional<InputEvent> translate(const SDL_Event& event);

  private:
    enum class Job : std::uint8_t { button, skip, stop };
    // One physical control: a key, a gamepad's button, or the pointer (mouse and fingers as one).
    struct Control {
        InputSource source = InputSource::keyboard;
        std::int64_t device = 0;  // a gamepad's instance id
        std::int64_t code = 0;    // SDL_Keycode or SDL_GameControllerButton
        bool operator==(const Control&) const = default;
    };
    struct Held {
        Control control;
        Job job;
    };

    std::optional<Job> job_of(const Control& control) const;
    std::optional<InputEvent> press(const Control& control, Millis timestamp);
    std::optional<InputEvent> release(const Control& control, Millis timestamp);
    std::optional<InputEvent> release_device(std::int64_t device, Millis timestamp);
    // A contact is a finger (touch device, finger) or the mouse's left button.
    using Contact = std::pair<std::int64_t, std::int64_t>;
    std::optional<InputEvent> contact_down(Contact contact, Millis timestamp);
    std::optional<InputEvent> contact_up(Contact contact, Millis timestamp);
    bool button_held() const;

    std::map<SDL_Keycode, Job> key_jobs_;
    std::map<int, Job> gamepad_jobs_;  // by SDL_GameControllerButton
    std::optional<Job> click_job_;
    std::vector<std::string> problems_;
    std::vector<Held> held_;
    std::vector<Contact> contacts_;  // now down
};

}  // namespace sk
