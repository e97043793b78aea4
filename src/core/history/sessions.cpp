// sessions: folding a session's records (started, then one or more closing ones) into one.
#include "core/history/sessions.hpp"

#include <map>
#include <string_view>
#include <tuple>

namespace sk {
namespace {

// How much a closing record says was done: a later record of a session replaces an earlier one
// that says as much or less.
int rank(RecordOutcome outcome) {
    switch (outcome) {
        case RecordOutcome::started:
            return 0;
        case RecordOutcome::missed:
            return 1;
        case RecordOutcome::unattended:
            return 2;
        case RecordOutcome::stopped:
            return 3;
        case RecordOutcome::partly:
            return 4;
        case RecordOutcome::completed:
            return 5;
    }
    return 0;
}

// What same_session() compares, as a key.
using SessionKey = std::tuple<SysSeconds, std::string_view, std::string_view>;

SessionKey key_of(const HistoryRecord& record) {
    return {record.start, record.routine, record.occurrence};
}

}  // namespace

std::vector<HistoryRecord> standing_records(const std::vector<HistoryRecord>& records) {
    std::vector<const HistoryRecord*> kept;
    std::map<SessionKey, std::size_t> closing;  // each session's closing record in `kept`
    for (const HistoryRecord& record : records) {
        if (record.outcome == RecordOutcome::started || record.outcome == RecordOutcome::missed) {
            kept.push_back(&record);
            continue;
        }
        auto [place, added] = closing.try_emplace(key_of(record), kept.size());
        if (!added) {
            if (rank(record.outcome) < rank(kept[place->second]->outcome)) {
                continue;
            }
            kept[place->second] = nullptr;
            place->second = kept.size();
        }
        kept.push_back(&record);
    }
    std::vector<HistoryRecord> standing;
    for (const HistoryRecord* record : kept) {
        if (record != nullptr) {
            standing.push_back(*record);
        }
    }
    return standing;
}

std::vector<HistoryRecord> sessions_of(const std::vector<HistoryRecord>& records) {
    std::vector<HistoryRecord> sessions;
    std::map<SessionKey, std::size_t> places;  // each session's place in `sessions`
    for (const HistoryRecord& record : records) {
        if (record.outcome == RecordOutcome::missed) {
            sessions.push_back(record);
            continue;
        }
        auto [place, added] = places.try_emplace(key_of(record), sessions.size());
        if (added) {
            sessions.push_back(record);
        } else if (rank(record.outcome) >= rank(sessions[place->second].outcome)) {
            sessions[place->second] = record;
        }
    }
    return sessions;
}

}  // namespace sk
