#include "core/schedule/planner.hpp"

#include <algorithm>
#include <utility>

namespace sk {
namespace {

using std::chrono::days;
using std::chrono::seconds;

// However far the clock jumps, only this much of the past is reported as missed.
constexpr days max_look_back{7};

}  // namespace

Planner::Planner(Config config, Zone zone, std::set<std::string> settled,
                 std::optional<SysSeconds> newest_record)
    : config_(std::move(config)),
      zone_(zone),
      settled_(std::move(settled)),
      newest_record_(newest_record) {}

PlannerUpdate Planner::update(SysSeconds now) {
    PlannerUpdate result;
    if (!clock_synchronized_ && newest_record_ && now < *newest_record_) {
        // The history was written later than "now": the clock is stale (no RTC, no sync yet).
        // Acting on it would offer or miss sessions that are long settled.
        result.clock = ClockTrust::untrusted;
        result.next_check = *newest_record_;
        return result;
    }
    const seconds window = config_.session.prompt_window;

    SysSeconds from = now - window;  // an empty history: only what is still open
    if (looked_until_) {
        from = *looked_until_;
    } else if (newest_record_ && *newest_record_ <= now) {
        // (A record from the future, with a synchronised clock, was written while the clock was
        // wrong: look back over one window only.)
        from = *newest_record_;
    }
    from = std::max(from, now - max_look_back);

    if (offered_ && now >= offered_->instant + window) {
        result.missed.push_back(*offered_);
        offered_.reset();
    }
    for (Occurrence& occurrence : occurrences_between(config_, zone_, from, now)) {
        std::string key = occurrence.key();
        if (settled_.contains(key) || handled_.contains(key)) {
            continue;
        }
        handled_.insert(std::move(key));
        if (now >= occurrence.instant + window) {
            result.missed.push_back(std::move(occurrence));
            continue;
        }
        // In time order, so this one is newer than any offer before it: one prompt at a time.
        if (offered_) {
            result.missed.push_back(*offered_);
        }
        offered_ = std::move(occurrence);
        offered_since_ = now;
    }
    // Never move backward: what was considered before a backward jump stays considered.
    looked_until_ = looked_until_ ? std::max(*looked_until_, now) : now;

    if (!offered_) {
        offered_since_.reset();
    } else if (!offered_since_ || now < *offered_since_) {
        // The clock went back while prompting: show the prompt its full time again.
        offered_since_ = now;
    }

    result.next_check = now + days{1};
    auto consider = [&result](SysSeconds instant) {
        result.next_check = std::min(result.next_check, instant);
    };
    auto upcoming = next_occurrences(config_, zone_, *looked_until_, 1);
    if (!upcoming.empty()) {
        consider(upcoming.front().instant);
    }
    if (offered_) {
        result.due = offered_;
        consider(offered_->instant + window);
        if (config_.session.start == StartMode::automatic) {
            SysSeconds start_at = *offered_since_ + config_.session.auto_start_after;
            result.start_now = now >= start_at;
            if (!result.start_now) {
                consider(start_at);
            }
        }
    }
    return result;
}

void Planner::settle(const std::string& occurrence_key) {
    settled_.insert(occurrence_key);
    if (offered_ && offered_->key() == occurrence_key) {
        offered_.reset();
        offered_since_.reset();
    }
}

void Planner::reconfigure(Config config, Zone zone) {
    config_ = std::move(config);
    zone_ = zone;
    if (!offered_) {
        return;
    }
    // The offer follows its entry into the new config (by name), so its index and time are
    // right; an entry removed, or no longer on that day, is no longer due.
    Occurrence old = *offered_;
    offered_.reset();
    for (std::size_t index = 0; index < config_.schedule.size(); ++index) {
        const ScheduleEntry& entry = config_.schedule[index];
        if (entry.name == old.entry_name && entry.days.contains(weekday_of(old.local_date))) {
            offered_ = occurrence_on(config_, zone_, index, old.local_date);
            break;
        }
    }
    if (offered_ && looked_until_ && offered_->instant > *looked_until_) {
        // Moved later than now: it is not due yet, and will be offered when its time comes.
        handled_.erase(old.key());
        offered_.reset();
    }
    if (!offered_) {
        offered_since_.reset();
    }
}

}  // namespace sk
