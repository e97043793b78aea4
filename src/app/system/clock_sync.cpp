#include "app/system/clock_sync.hpp"

namespace sk {

ClockSyncProbe::ClockSyncProbe()
    : ClockSyncProbe([](struct timex& state) { return ::ntp_adjtime(&state); }) {}

ClockSyncProbe::ClockSyncProbe(Query query) : query_(std::move(query)) {}

ClockSync ClockSyncProbe::read() const {
    struct timex state {};
    state.modes = 0;  // only read: never adjust the clock
    const int result = query_(state);
    return result == -1 || result == TIME_ERROR ? ClockSync::unsynchronised
                                                : ClockSync::synchronised;
}

}  // namespace sk
