// Tests of gamepads: button events through InputTranslator, and Gamepads opening and closing a
// virtual controller as it is plugged in and out.
#include <SDL.h>

#include <optional>
#include <string>
#include <vector>

#include "app/input/gamepads.hpp"
#include "app/input/input.hpp"
#include "catch.hpp"
#include "sdl_events.hpp"

using namespace sk::test;

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
