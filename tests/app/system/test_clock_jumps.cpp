#include "app/system/clock_jumps.hpp"

#include <chrono>

#include "catch.hpp"

using namespace std::chrono_literals;
using sk::ClockJumps;
using sk::Instant;

namespace {

Instant at(std::chrono::seconds wall, std::chrono::milliseconds mono) {
    return {sk::SysSeconds{wall + 1'800'000'000s}, sk::MonoTime{mono}};
}

}  // namespace

TEST_CASE("ClockJumps: the first look and ordinary drift say nothing", "[clock_jumps]") {
    ClockJumps jumps;
    const sk::Zone utc = sk::Zone::utc();
    CHECK_FALSE(jumps.note(at(0s, 0ms), utc));
    CHECK_FALSE(jumps.note(at(10s, 10'000ms), utc));
    // A minute of difference is still not a jump.
    CHECK_FALSE(jumps.note(at(80s, 20'000ms), utc));
    CHECK_FALSE(jumps.note(at(80s, 80'000ms), utc));
}

TEST_CASE("ClockJumps: jumps forward and back are told, with the new time", "[clock_jumps]") {
    ClockJumps jumps;
    const sk::Zone utc = sk::Zone::utc();
    jumps.note(at(0s, 0ms), utc);
    auto forward = jumps.note(at(3601s, 1'000ms), utc);
    REQUIRE(forward);
    CHECK(*forward == "the wall clock jumped forward by 3600 s; now 2027-01-15T09:00:01+00:00");
    auto back = jumps.note(at(1s, 2'000ms), utc);
    REQUIRE(back);
    CHECK(*back == "the wall clock jumped back by 3601 s; now 2027-01-15T08:00:01+00:00");
    // Compared with the last look, not the first: steady again after the jump.
    CHECK_FALSE(jumps.note(at(11s, 12'000ms), utc));
}
