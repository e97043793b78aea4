#include <chrono>

#include "catch.hpp"
#include "core/session/button.hpp"

using namespace std::chrono_literals;
using sk::Button;
using sk::ButtonAction;

namespace {
const sk::MonoTime t0 = sk::MonoTime{} + 1000s;
}

TEST_CASE("a short press is a press, on release") {
    Button button;
    CHECK(button.press(t0) == ButtonAction::none);
    CHECK(button.held());
    CHECK(button.advance(t0 + 1s) == ButtonAction::none);
    CHECK(button.release(t0 + 1499ms) == ButtonAction::press);
    CHECK_FALSE(button.held());
    CHECK_FALSE(button.next_deadline());
}

TEST_CASE("held for 1.5 s is a long press, once, while still held") {
    Button button;
    button.press(t0);
    CHECK(button.next_deadline() == t0 + 1500ms);
    CHECK(button.advance(t0 + 1499ms) == ButtonAction::none);
    CHECK(button.advance(t0 + 1500ms) == ButtonAction::long_press);
    CHECK_FALSE(button.next_deadline());
    CHECK(button.advance(t0 + 3s) == ButtonAction::none);
    CHECK(button.release(t0 + 4s) == ButtonAction::none);
    // The next press starts afresh.
    button.press(t0 + 5s);
    CHECK(button.release(t0 + 5100ms) == ButtonAction::press);
}

TEST_CASE("a release seen late still counts as the long press it was") {
    Button button;
    button.press(t0);
    CHECK(button.release(t0 + 2s) == ButtonAction::long_press);
    CHECK_FALSE(button.held());
}

TEST_CASE("key auto-repeat is not a new press") {
    Button button;
    button.press(t0);
    CHECK(button.press(t0 + 500ms) == ButtonAction::none);
    CHECK(button.press(t0 + 1s) == ButtonAction::none);
    // The hold is timed from the first press, not the repeats.
    CHECK(button.next_deadline() == t0 + 1500ms);
    CHECK(button.press(t0 + 1500ms) == ButtonAction::long_press);
    CHECK(button.press(t0 + 1600ms) == ButtonAction::none);
    CHECK(button.release(t0 + 2s) == ButtonAction::none);
}

TEST_CASE("a release without a press does nothing") {
    Button button;
    CHECK(button.release(t0) == ButtonAction::none);
    CHECK(button.advance(t0 + 10s) == ButtonAction::none);
}

TEST_CASE("time going backward during a hold is no long press") {
    Button button;
    button.press(t0 + 10s);
    CHECK(button.advance(t0) == ButtonAction::none);
    CHECK(button.release(t0 + 5s) == ButtonAction::press);
}

TEST_CASE("the long-press time can be chosen") {
    Button button(800ms);
    button.press(t0);
    CHECK(button.next_deadline() == t0 + 800ms);
    CHECK(button.advance(t0 + 800ms) == ButtonAction::long_press);
}
