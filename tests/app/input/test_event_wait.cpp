// Tests of EventWait: which drivers SDL can wait on, and the kiosk's own sleep on the input
// devices for the others (a folder of FIFOs standing in for /dev/input).
#include "app/input/event_wait.hpp"

#include <SDL.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "catch.hpp"
#include "temp_dir.hpp"

using namespace std::chrono_literals;

namespace {

struct Events {
    Events() { REQUIRE(SDL_Init(SDL_INIT_EVENTS) == 0); }
    ~Events() { SDL_Quit(); }
};

void push_user_event(int code) {
    SDL_Event event{};
    event.type = SDL_USEREVENT;
    event.user.code = code;
    REQUIRE(SDL_PushEvent(&event) == 1);
}

}  // namespace

TEST_CASE("SDL waits on X11 and Wayland; on the console and offscreen the kiosk waits itself") {
    const auto [driver, waiting] = GENERATE(table<std::string, sk::Waiting>({
        {"x11", sk::Waiting::native},
        {"wayland", sk::Waiting::native},
        {"KMSDRM", sk::Waiting::input_devices},
        {"kmsdrm", sk::Waiting::input_devices},
        {"offscreen", sk::Waiting::input_devices},
        {"dummy", sk::Waiting::input_devices},
        {"", sk::Waiting::input_devices},
    }));
    CAPTURE(driver);
    CHECK(sk::waiting_for(driver) == waiting);
}

TEST_CASE("waiting on the input devices: an event already queued comes at once") {
    Events events;
    sk::test::TempDir folder("sk-event-wait");
    sk::EventWait wait(sk::Waiting::input_devices, folder.path());
    push_user_event(7);
    SDL_Event event{};
    REQUIRE(wait.wait(event, 60'000ms));
    CHECK(event.type == SDL_USEREVENT);
    CHECK(event.user.code == 7);
}

TEST_CASE("waiting on the input devices: nothing happens, the time runs out") {
    Events events;
    sk::test::TempDir folder("sk-event-wait");
    sk::EventWait wait(sk::Waiting::input_devices, folder.path());
    SDL_Event event{};
    CHECK_FALSE(wait.wait(event, 0ms));
    CHECK_FALSE(wait.wait(event, 30ms));
}

TEST_CASE("waiting on the input devices: the devices there, and one plugged in later") {
    Events events;
    sk::test::TempDir folder("sk-event-wait");
    const std::string first = folder.path() + "/event0";
    const std::string later = folder.path() + "/event1";
    REQUIRE(::mkfifo(first.c_str(), 0600) == 0);
    REQUIRE(::mkfifo((folder.path() + "/mice").c_str(), 0600) == 0);  // not an event device
    sk::EventWait wait(sk::Waiting::input_devices, folder.path());
    CHECK(wait.devices() == 1);

    // Input on a device ends the sleep and is read away; SDL, with nothing of its own, has no
    // event, so the wait goes on to its end.
    const int writer = ::open(first.c_str(), O_WRONLY | O_NONBLOCK);
    REQUIRE(writer >= 0);
    REQUIRE(::write(writer, "key", 3) == 3);
    SDL_Event event{};
    CHECK_FALSE(wait.wait(event, 30ms));
    char left = 0;
    const int reader = ::open(first.c_str(), O_RDONLY | O_NONBLOCK);
    CHECK(::read(reader, &left, 1) <= 0);
    ::close(reader);
    ::close(writer);

    REQUIRE(::mkfifo(later.c_str(), 0600) == 0);
    CHECK_FALSE(wait.wait(event, 30ms));
    CHECK(wait.devices() == 2);
}

TEST_CASE("waiting natively is SDL's own wait") {
    Events events;
    sk::EventWait wait(sk::Waiting::native, "/nonexistent");
    CHECK(wait.devices() == 0);
    push_user_event(3);
    SDL_Event event{};
    REQUIRE(wait.wait(event, 1000ms));
    CHECK(event.user.code == 3);
    CHECK_FALSE(wait.wait(event, 0ms));
}
