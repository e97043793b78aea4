// Tests of input: SDL events through InputTranslator, real and virtual gamepads, and the config's
// key names against SDL's.
#include <SDL.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"
#include "gamepads.hpp"
#include "input.hpp"
#include "key_names.hpp"

namespace {

using sk::InputEvent;
using sk::InputKind;
using sk::InputSource;
using sk::Millis;

SDL_Event key(Uint32 type, SDL_Keycode code, Uint32 timestamp = 0, Uint8 repeat = 0) {
    SDL_Event event{};
    event.type = type;
    event.key.timestamp = timestamp;
    event.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
    event.key.repeat = repeat;
    event.key.keysym.sym = code;
    event.key.keysym.scancode = SDL_GetScancodeFromKey(code);
    return event;
}

SDL_Event pad(Uint32 type, SDL_GameControllerButton button, SDL_JoystickID which = 0,
              Uint32 timestamp = 0) {
    SDL_Event event{};
    event.type = type;
    event.cbutton.timestamp = timestamp;
    event.cbutton.which = which;
    event.cbutton.button = static_cast<Uint8>(button);
    event.cbutton.state = type == SDL_CONTROLLERBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    return event;
}

SDL_Event pad_removed(SDL_JoystickID which, Uint32 timestamp = 0) {
    SDL_Event event{};
    event.type = SDL_CONTROLLERDEVICEREMOVED;
    event.cdevice.timestamp = timestamp;
    event.cdevice.which = which;
    return event;
}

SDL_Event mouse(Uint32 type, Uint8 button = SDL_BUTTON_LEFT, Uint32 which = 0,
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

SDL_Event finger(Uint32 type, SDL_FingerID id, SDL_TouchID touch = 1, Uint32 timestamp = 0) {
    SDL_Event event{};
    event.type = type;
    event.tfinger.timestamp = timestamp;
    event.tfinger.touchId = touch;
    event.tfinger.fingerId = id;
    return event;
}

InputEvent expect(InputKind kind, InputSource source, int timestamp = 0) {
    return InputEvent{kind, source, Millis{timestamp}};
}

const sk::KeySettings default_keys{};

}  // namespace

TEST_CASE("the default keys: button edges, skip and stop, with SDL's timestamps") {
    sk::InputTranslator input(default_keys);
    CHECK(input.problems().empty());

    CHECK(input.translate(key(SDL_KEYDOWN, SDLK_SPACE, 1000)) ==
          expect(InputKind::button_down, InputSource::keyboard, 1000));
    CHECK(input.translate(key(SDL_KEYUP, SDLK_SPACE, 1800)) ==
          expect(InputKind::button_up, InputSource::keyboard, 1800));
    CHECK(input.translate(key(SDL_KEYDOWN, SDLK_RETURN, 2000)) ==
          expect(InputKind::button_down, InputSource::keyboard, 2000));
    CHECK(input.translate(key(SDL_KEYUP, SDLK_RETURN, 2100)) ==
          expect(InputKind::button_up, InputSource::keyboard, 2100));
    CHECK(input.translate(key(SDL_KEYDOWN, SDLK_RIGHT, 3000)) ==
          expect(InputKind::skip, InputSource::keyboard, 3000));
    CHECK_FALSE(input.translate(key(SDL_KEYUP, SDLK_RIGHT, 3100)));
    CHECK(input.translate(key(SDL_KEYDOWN, SDLK_ESCAPE, 4000)) ==
          expect(InputKind::stop, InputSource::keyboard, 4000));
    CHECK_FALSE(input.translate(key(SDL_KEYUP, SDLK_ESCAPE, 4100)));
}

TEST_CASE("each configured key does its job") {
    const auto [name, code, kind] = GENERATE(table<std::string, SDL_Keycode, InputKind>({
        {"Space", SDLK_SPACE, InputKind::button_down},
        {"space", SDLK_SPACE, InputKind::button_down},
        {"Return", SDLK_RETURN, InputKind::button_down},
        {"Keypad Enter", SDLK_KP_ENTER, InputKind::button_down},
        {"PageDown", SDLK_PAGEDOWN, InputKind::skip},
        {"Right", SDLK_RIGHT, InputKind::skip},
        {"B", SDLK_b, InputKind::skip},
        {"Escape", SDLK_ESCAPE, InputKind::stop},
        {"Backspace", SDLK_BACKSPACE, InputKind::stop},
        {"F1", SDLK_F1, InputKind::stop},
    }));
    CAPTURE(name);
    sk::KeySettings keys;
    keys.button = {"Z"};
    keys.skip = {"Left"};
    keys.stop = {"Q"};
    if (kind == InputKind::button_down) {
        keys.button = {name};
    } else if (kind == InputKind::skip) {
        keys.skip = {name};
    } else {
        keys.stop = {name};
    }
    sk::InputTranslator input(keys);
    REQUIRE(input.problems().empty());
    CHECK(input.translate(key(SDL_KEYDOWN, code, 5)) == expect(kind, InputSource::keyboard, 5));
    // The default key for that job is no longer bound.
    const SDL_Keycode old_default = kind == InputKind::button_down ? SDLK_SPACE
                                    : kind == InputKind::skip      ? SDLK_RIGHT
                                                                   : SDLK_ESCAPE;
    if (old_default != code) {
        CHECK_FALSE(input.translate(key(SDL_KEYDOWN, old_default)));
    }
}

TEST_CASE("keys the config does not name do nothing") {
    sk::InputTranslator input(default_keys);
    CHECK_FALSE(input.translate(key(SDL_KEYDOWN, SDLK_a)));
    CHECK_FALSE(input.translate(key(SDL_KEYUP, SDLK_a)));
    CHECK_FALSE(input.translate(key(SDL_KEYDOWN, SDLK_LEFT)));
    SDL_Event motion{};
    motion.type = SDL_MOUSEMOTION;
    CHECK_FALSE(input.translate(motion));
}

TEST_CASE("key auto-repeat is ignored") {
    sk::InputTranslator input(default_keys);
    CHECK(input.translate(key(SDL_KEYDOWN, SDLK_SPACE, 10)) ==
          expect(InputKind::button_down, InputSource::keyboard, 10));
    for (Uint32 t = 500; t < 2000; t += 33) {
        CAPTURE(t);
        CHECK_FALSE(input.translate(key(SDL_KEYDOWN, SDLK_SPACE, t, 1)));
    }
    CHECK(input.translate(key(SDL_KEYUP, SDLK_SPACE, 2000)) ==
          expect(InputKind::button_up, InputSource::keyboard, 2000));

    // Repeats of a key pressed before the kiosk was listening are not a press either.
    CHECK_FALSE(input.translate(key(SDL_KEYDOWN, SDLK_RETURN, 2100, 1)));
    CHECK_FALSE(input.translate(key(SDL_KEYDOWN, SDLK_ESCAPE, 2200, 1)));
    CHECK_FALSE(input.translate(key(SDL_KEYUP, SDLK_RETURN, 2300)));

    // A held skip key skips once, not once per repeat.
    CHECK(input.translate(key(SDL_KEYDOWN, SDLK_RIGHT)) ==
          expect(InputKind::skip, InputSource::keyboard));
    CHECK_FALSE(input.translate(key(SDL_KEYDOWN, SDLK_RIGHT, 0, 1)));
    CHECK_FALSE(input.translate(key(SDL_KEYDOWN, SDLK_RIGHT, 0, 1)));
}

TEST_CASE("several button controls held together are one button") {
    sk::InputTranslator input(default_keys);
    CHECK(input.translate(key(SDL_KEYDOWN, SDLK_SPACE)) ==
          expect(InputKind::button_down, InputSource::keyboard));
    CHECK_FALSE(input.translate(key(SDL_KEYDOWN, SDLK_RETURN)));
    CHECK_FALSE(input.translate(mouse(SDL_MOUSEBUTTONDOWN)));
    CHECK_FALSE(input.translate(key(SDL_KEYUP, SDLK_SPACE)));
    CHECK_FALSE(input.translate(mouse(SDL_MOUSEBUTTONUP)));
    CHECK(input.translate(key(SDL_KEYUP, SDLK_RETURN)) ==
          expect(InputKind::button_up, InputSource::keyboard));
    // A release with no press (the key was down before the kiosk started) is nothing.
    CHECK_FALSE(input.translate(key(SDL_KEYUP, SDLK_SPACE)));
}

TEST_CASE("names SDL does not know are reported, one sentence each") {
    const auto [role, name, message] = GENERATE(table<std::string, std::string, std::string>({
        {"button", "Spacebar",
         "keys.button: 'Spacebar' is not a key name SDL knows; use one such as Space or Right"},
        {"skip", "Next",
         "keys.skip: 'Next' is not a key name SDL knows; use one such as Space or Right"},
        {"stop", "", "keys.stop: '' is not a key name SDL knows; use one such as Space or Right"},
        {"stop", "Gamepad Z",
         "keys.stop: 'Gamepad Z' is not a key name SDL knows; use one such as Space or Right"},
    }));
    sk::KeySettings keys;
    (role == "button" ? keys.button : role == "skip" ? keys.skip : keys.stop).push_back(name);
    sk::InputTranslator input(keys);
    REQUIRE(input.problems().size() == 1);
    CHECK(input.problems().front() == message);
    // The good names in the same list still work.
    CHECK(input.translate(key(SDL_KEYDOWN, SDLK_SPACE)) ==
          expect(InputKind::button_down, InputSource::keyboard));
}

TEST_CASE("a reconfigure rebinds, and a held key still releases as what it was") {
    sk::InputTranslator input(default_keys);
    CHECK(input.translate(key(SDL_KEYDOWN, SDLK_SPACE)) ==
          expect(InputKind::button_down, InputSource::keyboard));
    sk::KeySettings keys;
    keys.button = {"Return"};
    keys.skip = {"Space", "Nonsense"};
    input.reconfigure(keys);
    CHECK(input.problems() ==
          std::vector<std::string>{
              "keys.skip: 'Nonsense' is not a key name SDL knows; use one such as Space or Right"});
    CHECK(input.translate(key(SDL_KEYUP, SDLK_SPACE)) ==
          expect(InputKind::button_up, InputSource::keyboard));
    CHECK(input.translate(key(SDL_KEYDOWN, SDLK_SPACE)) ==
          expect(InputKind::skip, InputSource::keyboard));
    input.reconfigure(default_keys);
    CHECK(input.problems().empty());
}

TEST_CASE("gamepad A and Start are the button by default") {
    sk::InputTranslator input(default_keys);
    const auto button = GENERATE(SDL_CONTROLLER_BUTTON_A, SDL_CONTROLLER_BUTTON_START);
    CAPTURE(static_cast<int>(button));
    CHECK(input.translate(pad(SDL_CONTROLLERBUTTONDOWN, button, 3, 70)) ==
          expect(InputKind::button_down, InputSource::gamepad, 70));
    CHECK(input.translate(pad(SDL_CONTROLLERBUTTONUP, button, 3, 90)) ==
          expect(InputKind::button_up, InputSource::gamepad, 90));
    CHECK_FALSE(input.translate(pad(SDL_CONTROLLERBUTTONDOWN, SDL_CONTROLLER_BUTTON_B)));
    CHECK_FALSE(input.translate(pad(SDL_CONTROLLERBUTTONDOWN, SDL_CONTROLLER_BUTTON_DPAD_UP)));
}

TEST_CASE("gamepad buttons named in the config do their jobs") {
    const auto [name, button, kind] =
        GENERATE(table<std::string, SDL_GameControllerButton, InputKind>({
            {"Gamepad A", SDL_CONTROLLER_BUTTON_A, InputKind::stop},
            {"Gamepad B", SDL_CONTROLLER_BUTTON_B, InputKind::skip},
            {"Gamepad X", SDL_CONTROLLER_BUTTON_X, InputKind::button_down},
            {"gamepad y", SDL_CONTROLLER_BUTTON_Y, InputKind::skip},
            {"Gamepad Start", SDL_CONTROLLER_BUTTON_START, InputKind::stop},
            {"Gamepad Back", SDL_CONTROLLER_BUTTON_BACK, InputKind::stop},
        }));
    CAPTURE(name);
    sk::KeySettings keys;
    (kind == InputKind::button_down ? keys.button
     : kind == InputKind::skip      ? keys.skip
                                    : keys.stop)
        .push_back(name);
    sk::InputTranslator input(keys);
    REQUIRE(input.problems().empty());
    CHECK(input.translate(pad(SDL_CONTROLLERBUTTONDOWN, button, 1, 8)) ==
          expect(kind, InputSource::gamepad, 8));
    // Naming a default button elsewhere takes it from the button; the other default stays.
    if (button == SDL_CONTROLLER_BUTTON_A) {
        CHECK(input.translate(pad(SDL_CONTROLLERBUTTONDOWN, SDL_CONTROLLER_BUTTON_START)) ==
              expect(InputKind::button_down, InputSource::gamepad));
    }
}

TEST_CASE("a gamepad unplugged while its button is held lets go of the button") {
    sk::InputTranslator input(default_keys);
    CHECK(input.translate(pad(SDL_CONTROLLERBUTTONDOWN, SDL_CONTROLLER_BUTTON_A, 4)) ==
          expect(InputKind::button_down, InputSource::gamepad));
    CHECK_FALSE(input.translate(pad_removed(5)));  // another gamepad
    CHECK(input.translate(pad_removed(4, 600)) ==
          expect(InputKind::button_up, InputSource::gamepad, 600));
    CHECK_FALSE(input.translate(pad(SDL_CONTROLLERBUTTONUP, SDL_CONTROLLER_BUTTON_A, 4)));

    SECTION("while a key also holds the button, it stays down") {
        CHECK(input.translate(key(SDL_KEYDOWN, SDLK_SPACE)) ==
              expect(InputKind::button_down, InputSource::keyboard));
        CHECK_FALSE(input.translate(pad(SDL_CONTROLLERBUTTONDOWN, SDL_CONTROLLER_BUTTON_A, 4)));
        CHECK_FALSE(input.translate(pad_removed(4)));
        CHECK(input.translate(key(SDL_KEYUP, SDLK_SPACE)) ==
              expect(InputKind::button_up, InputSource::keyboard));
    }
    SECTION("the same button on two gamepads is one button") {
        CHECK(input.translate(pad(SDL_CONTROLLERBUTTONDOWN, SDL_CONTROLLER_BUTTON_A, 1)) ==
              expect(InputKind::button_down, InputSource::gamepad));
        CHECK_FALSE(input.translate(pad(SDL_CONTROLLERBUTTONDOWN, SDL_CONTROLLER_BUTTON_A, 2)));
        CHECK_FALSE(input.translate(pad(SDL_CONTROLLERBUTTONUP, SDL_CONTROLLER_BUTTON_A, 1)));
        CHECK(input.translate(pad(SDL_CONTROLLERBUTTONUP, SDL_CONTROLLER_BUTTON_A, 2)) ==
              expect(InputKind::button_up, InputSource::gamepad));
    }
}

TEST_CASE("a click or a tap is the button by default") {
    sk::InputTranslator input(default_keys);

    SECTION("left mouse button") {
        CHECK(input.translate(mouse(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, 0, 20)) ==
              expect(InputKind::button_down, InputSource::pointer, 20));
        CHECK(input.translate(mouse(SDL_MOUSEBUTTONUP, SDL_BUTTON_LEFT, 0, 90)) ==
              expect(InputKind::button_up, InputSource::pointer, 90));
        CHECK_FALSE(input.translate(mouse(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_RIGHT)));
        CHECK_FALSE(input.translate(mouse(SDL_MOUSEBUTTONUP, SDL_BUTTON_RIGHT)));
    }
    SECTION("a tap, and the mouse events SDL makes up from it, count once") {
        CHECK(input.translate(finger(SDL_FINGERDOWN, 7, 1, 30)) ==
              expect(InputKind::button_down, InputSource::pointer, 30));
        CHECK_FALSE(
            input.translate(mouse(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, SDL_TOUCH_MOUSEID)));
        CHECK_FALSE(input.translate(mouse(SDL_MOUSEBUTTONUP, SDL_BUTTON_LEFT, SDL_TOUCH_MOUSEID)));
        CHECK(input.translate(finger(SDL_FINGERUP, 7, 1, 60)) ==
              expect(InputKind::button_up, InputSource::pointer, 60));
    }
    SECTION("fingers SDL makes up from the mouse are ignored") {
        CHECK_FALSE(input.translate(finger(SDL_FINGERDOWN, 0, SDL_MOUSE_TOUCHID)));
        CHECK_FALSE(input.translate(finger(SDL_FINGERUP, 0, SDL_MOUSE_TOUCHID)));
    }
    SECTION("two fingers are one press, until the last one lifts") {
        CHECK(input.translate(finger(SDL_FINGERDOWN, 1)) ==
              expect(InputKind::button_down, InputSource::pointer));
        CHECK_FALSE(input.translate(finger(SDL_FINGERDOWN, 2)));
        CHECK_FALSE(input.translate(finger(SDL_FINGERUP, 1)));
        CHECK(input.translate(finger(SDL_FINGERUP, 2)) ==
              expect(InputKind::button_up, InputSource::pointer));
        CHECK_FALSE(input.translate(finger(SDL_FINGERUP, 2)));
    }
}

TEST_CASE("a click named in the config does that job instead") {
    sk::KeySettings keys;
    keys.skip = {"Right", "Click"};
    sk::InputTranslator input(keys);
    REQUIRE(input.problems().empty());
    CHECK(input.translate(mouse(SDL_MOUSEBUTTONDOWN)) ==
          expect(InputKind::skip, InputSource::pointer));
    CHECK_FALSE(input.translate(mouse(SDL_MOUSEBUTTONUP)));
    CHECK(input.translate(finger(SDL_FINGERDOWN, 3)) ==
          expect(InputKind::skip, InputSource::pointer));
    CHECK_FALSE(input.translate(finger(SDL_FINGERDOWN, 4)));  // the screen is already pressed
}

TEST_CASE("events from SDL's own queue translate the same") {
    REQUIRE(SDL_InitSubSystem(SDL_INIT_EVENTS) == 0);
    sk::InputTranslator input(default_keys);
    SDL_Event down = key(SDL_KEYDOWN, SDLK_RETURN);
    SDL_Event up = key(SDL_KEYUP, SDLK_RETURN);
    REQUIRE(SDL_PushEvent(&down) == 1);
    REQUIRE(SDL_PushEvent(&up) == 1);
    std::vector<InputKind> kinds;
    SDL_Event event;
    while (SDL_PollEvent(&event) != 0) {
        if (const auto translated = input.translate(event)) {
            kinds.push_back(translated->kind);
        }
    }
    CHECK(kinds == std::vector<InputKind>{InputKind::button_down, InputKind::button_up});
    SDL_QuitSubSystem(SDL_INIT_EVENTS);
}

TEST_CASE("every key name the config accepts is one SDL knows") {
    const auto special = sk::special_key_names();
    const auto all = sk::known_key_names();
    REQUIRE(all.size() > special.size());
    sk::KeySettings keys;
    keys.button.clear();
    keys.skip.clear();
    keys.stop.clear();
    for (std::size_t i = 0; i < all.size(); ++i) {
        const std::string name(all[i]);
        const bool is_special = i >= all.size() - special.size();
        if (!is_special) {
            CAPTURE(name);
            CHECK(SDL_GetKeyFromName(name.c_str()) != SDLK_UNKNOWN);
        }
        keys.button.push_back(name);
    }
    // The special names ("Gamepad A" .. "Click") are understood by the translator itself.
    sk::InputTranslator input(keys);
    CHECK(input.problems().empty());
    // And the aliases the parser accepts turn into names SDL knows.
    for (const char* alias : {"Page Up", "Page Down", "Enter", "Esc", "Del", "Num Lock"}) {
        CAPTURE(alias);
        const auto canonical = sk::canonical_key_name(alias);
        REQUIRE(canonical);
        CHECK(SDL_GetKeyFromName(canonical->c_str()) != SDLK_UNKNOWN);
    }
}

TEST_CASE("gamepads are opened when plugged in and closed when pulled out") {
    sk::Gamepads gamepads;
    REQUIRE(gamepads.problem().empty());
    sk::InputTranslator input(default_keys);

    SDL_VirtualJoystickDesc description{};
    description.version = SDL_VIRTUAL_JOYSTICK_DESC_VERSION;
    description.type = SDL_JOYSTICK_TYPE_GAMECONTROLLER;
    description.nbuttons = SDL_CONTROLLER_BUTTON_MAX;
    description.name = "Test pad";
    const int device_index = SDL_JoystickAttachVirtualEx(&description);
    REQUIRE(device_index >= 0);

    // Feeds SDL's queue through both, as the main loop will, and keeps what they said.
    std::vector<std::string> log;
    std::vector<InputEvent> inputs;
    auto pump = [&] {
        SDL_Event event;
        SDL_PumpEvents();
        while (SDL_PollEvent(&event) != 0) {
            if (auto line = gamepads.handle(event)) {
                log.push_back(*line);
            }
            if (auto translated = input.translate(event)) {
                inputs.push_back(*translated);
            }
        }
    };
    pump();
    CHECK(log == std::vector<std::string>{"gamepad connected: Test pad"});
    REQUIRE(gamepads.count() == 1);
    pump();
    CHECK(gamepads.count() == 1);  // announced once, opened once

    const SDL_JoystickID id = SDL_JoystickGetDeviceInstanceID(device_index);
    SDL_Joystick* joystick = SDL_JoystickFromInstanceID(id);
    REQUIRE(joystick != nullptr);
    REQUIRE(SDL_JoystickSetVirtualButton(joystick, SDL_CONTROLLER_BUTTON_A, SDL_PRESSED) == 0);
    pump();
    REQUIRE(inputs.size() == 1);
    CHECK(inputs[0].kind == InputKind::button_down);
    CHECK(inputs[0].source == InputSource::gamepad);

    // Pulled out with A still held: the button is let go, and the gamepad closed.
    REQUIRE(SDL_JoystickDetachVirtual(device_index) == 0);
    pump();
    CHECK(log == std::vector<std::string>{"gamepad connected: Test pad",
                                          "gamepad disconnected: Test pad"});
    CHECK(gamepads.count() == 0);
    REQUIRE(inputs.size() == 2);
    CHECK(inputs[1].kind == InputKind::button_up);
}
