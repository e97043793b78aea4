#include "app/system/hangup.hpp"

#include <SDL.h>

#include <csignal>

#include "catch.hpp"

TEST_CASE("a hangup becomes SDL_QUIT, as SIGTERM does, and is told apart", "[hangup]") {
    // SDL installs its SIGTERM and SIGINT handlers when its events start (here with the video
    // subsystem, on the offscreen driver the tests run with), but only over the default action:
    // Catch has put its own in place, as the program has not.
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGINT, SIG_DFL);
    REQUIRE(SDL_InitSubSystem(SDL_INIT_VIDEO) == 0);
    sk::quit_on_hangup();
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    CHECK_FALSE(sk::hangup_received());

    // Without the handler the default action of SIGHUP ends this test here.
    std::raise(SIGHUP);
    SDL_PumpEvents();
    CHECK(SDL_PeepEvents(nullptr, 0, SDL_PEEKEVENT, SDL_QUIT, SDL_QUIT) == 1);
    CHECK(sk::hangup_received());
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    SDL_Quit();
}
