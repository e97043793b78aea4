// Tests of input from keys, the mouse and touch: SDL events through InputTranslator, and the
// config's key names against SDL's.
#include <SDL.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/input/input.hpp"
#include "catch.hpp"
#include "core/config/key_names.hpp"
#include "sdl_events.hpp"

using namespace sk::test;

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
