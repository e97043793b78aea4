// Zones: time zones from the system tz database, and Berlin wall-clock readings, for the tests.
#pragma once

#include <string>

#include "catch.hpp"
#include "core/time/local_time.hpp"

namespace sk::test {

// The zone `name`; the test fails (not crashes) when the tz database lacks it.
inline Zone zone_named(const std::string& name) {
    auto zone = Zone::find(name);
    INFO("zone " << name);
    REQUIRE(zone.has_value());
    return *zone;
}

inline Zone berlin() {
    return zone_named("Europe/Berlin");
}

// The instant a Berlin wall clock reads `local` ("2026-11-23T07:00[:SS]").
inline SysSeconds berlin_at(const std::string& local) {
    auto wall = parse_local_iso(local);
    INFO("local time " << local);
    REQUIRE(wall.has_value());
    return berlin().to_instant(*wall);
}

}  // namespace sk::test
