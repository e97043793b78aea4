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

Planner::Planner(Config config, Zone zone, const std::vector<HistoryMark>& history)
    : config_(std::move(config)), zone_(zone) {
    for (const HistoryMark& mark : history) {
        settle(mark.occurrence, mark.start);
        if (mark.kind == MarkKind::missed && !mark.occurrence.empty()) {
            loaded_misses_.push_back({mark.occurrence, mark.start, loaded_starts_.size()});
        }
        if (!mark.occurrence.empty()) {
            loaded_last_[mark.occurrence] = loaded_starts_.size();
        }
        loaded_starts_.push_back(mark.start);
    }
}

SysSeconds Planner::counting_limit(SysSeconds now) const {
    // Synchronised: what was later than the clock is gone already (update), the rest counts.
    return sync_ == ClockSync::synchronised ? SysSeconds::max() : now + max_clock_lag;
}

std::optional<SysSeconds> Planner::newest_counted() const {
    auto end = std::upper_bound(record_times_.begin(), record_times_.end(), limit_);
    if (end == record_times_.begin()) {
        return std::nullopt;
    }
    return *std::prev(end);
}

bool Planner::settled(const std::string& occurrence_key) const {
    auto found = settled_.find(occurrence_key);
    return found != settled_.end() && found->second <= limit_;
}

void Planner::settle(const std::string& occurrence_key, SysSeconds written) {
    record_times_.insert(std::upper_bound(record_times_.begin(), record_times_.end(), written),
                         written);
    if (occurrence_key.empty()) {
        return;
    }
    auto [found, inserted] = settled_.emplace(occurrence_key, written);
    if (!inserted) {
        found->second = std::min(found->second, written);
    }
    if (offered_ && offered_->key() == occurrence_key) {
        offered_.reset();
        offered_since_.reset();
    }
}

void Planner::rewind_to(SysSeconds now, SysSeconds bound) {
    // What is still open at the right time is looked at again too (it may have been skipped when
    // the clock jumped ahead of it).
    looked_until_ = now - config_.session.prompt_window;
    // What the clock looked at while it ran ahead is looked at again (by when, not by whose
    // instant: running ahead it may have recorded misses of occurrences still open now).
    std::erase_if(handled_, [bound](const auto& item) { return item.second > bound; });
    if (offered_ && offered_->instant > now) {
        offered_.reset();
        offered_since_.reset();
    }
}

PlannerUpdate Planner::update(SysSeconds now) {
    PlannerUpdate result;
    if (!record_times_.empty() && record_times_.back() > now) {
        result.history_ahead = record_times_.back();
    }
    if (sync_ == ClockSync::synchronised) {
        // The clock is right: a record later than it was written while the clock was wrong. It
        // is set aside for good (not just while it is ahead: when the clock catches up with it,
        // it still names an occurrence that never happened then), and what was looked at while
        // the clock ran ahead is looked at again when its time comes.
        const SysSeconds bound = now + synchronised_tolerance;
        // (Only when there is something ahead: this runs at every tick, over years of keys.)
        const bool ran_ahead = !record_times_.empty() && record_times_.back() > bound;
        while (!record_times_.empty() && record_times_.back() > bound) {
            record_times_.pop_back();
            ++result.set_aside;
        }
        if (ran_ahead) {
            std::erase_if(settled_, [bound](const auto& item) { return item.second > bound; });
            // With that clock went the misses it wrote for occurrences whose window has not
            // ended yet (from before a restart: the history does not say when it wrote them).
            std::size_t last_ahead = 0;
            for (std::size_t position = 0; position < loaded_starts_.size(); ++position) {
                last_ahead = loaded_starts_[position] > bound ? position : last_ahead;
            }
            const seconds window = config_.session.prompt_window;
            for (const LoadedMiss& miss : loaded_misses_) {
                // (A record of it written after the clock was right again still counts.)
                if (miss.position < last_ahead && loaded_last_[miss.key] < last_ahead &&
                    miss.due + window > bound && settled_.erase(miss.key) > 0) {
                    ++result.set_aside;
                }
            }
        }
        loaded_starts_.clear();
        loaded_misses_.clear();
        loaded_last_.clear();
        if (looked_until_ && *looked_until_ > bound) {
            rewind_to(now, bound);
        }
    }
    limit_ = counting_limit(now);
    const std::optional<SysSeconds> newest = newest_counted();
    if (sync_ == ClockSync::unsynchronised && newest && now < *newest) {
        // The history was written later than "now", by less than a day: the clock is stale (no
        // RTC, no sync yet). Acting on it would offer or miss sessions that are long settled.
        result.clock = ClockTrust::untrusted;
        result.history_ahead = newest;
        result.next_check = *newest;
        return result;
    }
    const seconds window = config_.session.prompt_window;

    SysSeconds from = now - window;  // an empty history: only what is still open
    if (looked_until_) {
        from = *looked_until_;
    } else if (newest) {
        // An occurrence may have been due, and not yet taken, when the newest record was written
        // (a session started by hand inside its window): look back one window before it.
        from = *newest - window;
    }
    from = std::max(from, now - max_look_back);

    if (offered_ && now >= offered_->instant + window) {
        result.missed.push_back(*offered_);
        offered_.reset();
    }
    for (Occurrence& occurrence : occurrences_between(config_, zone_, from, now)) {
        std::string key = occurrence.key();
        if (settled(key) || handled_.contains(key)) {
            continue;
        }
        handled_.emplace(std::move(key), now);
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

    // The clock went back before the offer's time: it is not due until its time comes again.
    const bool offer_due = offered_ && offered_->instant <= now;
    if (!offer_due) {
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
    if (offered_ && !offer_due) {
        consider(offered_->instant);
    } else if (offered_) {
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
