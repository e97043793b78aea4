#include <chrono>
#include <string>
#include <vector>

#include "catch.hpp"
#include "core/history/sessions.hpp"

using namespace std::chrono;
using sk::HistoryRecord;
using sk::RecordOutcome;

namespace {

constexpr sys_days monday = sys_days{2026y / November / 23};

// A record of the session that began at `minute` past 07:00 on monday.
HistoryRecord at(int minute, RecordOutcome outcome, seconds active = 0s) {
    HistoryRecord record;
    record.start = sys_seconds{monday} + 6h + minutes{minute};
    record.utc_offset = 1h;
    record.occurrence = "Morning@2026-11-23";
    record.entry = "Morning";
    record.routine = "full";
    record.outcome = outcome;
    record.active = active;
    return record;
}

std::vector<RecordOutcome> outcomes(const std::vector<HistoryRecord>& records) {
    std::vector<RecordOutcome> result;
    for (const auto& record : records) {
        result.push_back(record.outcome);
    }
    return result;
}

}  // namespace

TEST_CASE("a session is its best closing record: carried on, confirmed, or as it was") {
    using O = RecordOutcome;
    auto [written, kept] = GENERATE(table<std::vector<O>, O>({
        {{O::started}, O::started},
        {{O::started, O::completed}, O::completed},
        // A long press, then carry on.
        {{O::started, O::stopped, O::completed}, O::completed},
        {{O::started, O::partly, O::completed}, O::completed},
        {{O::started, O::stopped, O::partly}, O::partly},
        // Ran by itself, then confirmed; or not.
        {{O::started, O::unattended, O::completed}, O::completed},
        {{O::started, O::unattended}, O::unattended},
        // An older build closed a session it could not read as stopped: the better record stands.
        {{O::started, O::partly, O::stopped}, O::partly},
        {{O::started, O::completed, O::stopped}, O::completed},
    }));
    std::vector<HistoryRecord> records;
    for (std::size_t index = 0; index < written.size(); ++index) {
        records.push_back(at(0, written[index], seconds{static_cast<int>(index) * 100}));
    }
    const auto sessions = sk::sessions_of(records);
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].outcome == kept);

    // --history: the start, and the end it came to.
    const auto standing = sk::standing_records(records);
    if (kept == O::started) {
        CHECK(outcomes(standing) == std::vector{O::started});
    } else {
        CHECK(outcomes(standing) == std::vector{O::started, kept});
    }
}

TEST_CASE("of two alike closing records the later stands") {
    const std::vector<HistoryRecord> records{at(0, RecordOutcome::started),
                                             at(0, RecordOutcome::stopped, 100s),
                                             at(0, RecordOutcome::stopped, 200s)};
    CHECK(sk::sessions_of(records).at(0).active == 200s);
    CHECK(sk::standing_records(records).at(1).active == 200s);
}

TEST_CASE("sessions apart stay apart, in the order they began; missed ones are their own") {
    HistoryRecord missed = at(0, RecordOutcome::missed);
    HistoryRecord by_hand = at(30, RecordOutcome::started);
    by_hand.occurrence.clear();
    HistoryRecord by_hand_done = by_hand;
    by_hand_done.outcome = RecordOutcome::completed;
    const std::vector<HistoryRecord> records{
        at(0, RecordOutcome::started), missed,       at(20, RecordOutcome::started),    by_hand,
        at(0, RecordOutcome::stopped), by_hand_done, at(20, RecordOutcome::unattended), missed};
    CHECK(outcomes(sk::sessions_of(records)) ==
          std::vector{RecordOutcome::stopped, RecordOutcome::missed, RecordOutcome::unattended,
                      RecordOutcome::completed, RecordOutcome::missed});
    CHECK(sk::standing_records(records).size() == records.size());
}
