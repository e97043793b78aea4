// speech: the calls of a hold and the fitting of an utterance into the time its step leaves.
#include "core/session/speech.hpp"

namespace sk {

std::vector<int> hold_calls(std::chrono::seconds hold) {
    // A hold of 30 s or more is long enough to lose track of with the eyes closed: say when half
    // of it is done; from 45 s on, also when ten seconds are left (far enough from halfway).
    std::vector<int> calls;
    const auto length = static_cast<int>(hold.count());
    if (length >= 30) {
        calls.push_back(length / 2);
    }
    if (length >= 45) {
        calls.push_back(10);
    }
    return calls;
}

std::vector<std::size_t> fit_phrases(std::span<const Phrase> phrases,
                                     std::span<const std::optional<Millis>> lengths,
                                     Millis budget) {
    std::vector<std::size_t> chosen;
    Millis used{0};
    // What the essential phrases still to come will take: an if-time phrase must leave room.
    Millis essential_after{0};
    for (std::size_t i = 0; i < phrases.size() && i < lengths.size(); ++i) {
        if (phrases[i].need == Need::essential && lengths[i]) {
            essential_after += *lengths[i] + phrase_gap;
        }
    }
    bool out_of_time = false;
    for (std::size_t i = 0; i < phrases.size() && i < lengths.size(); ++i) {
        if (!lengths[i]) {
            continue;  // not ready: said without it rather than late
        }
        const Millis cost = *lengths[i] + (chosen.empty() ? Millis{0} : phrase_gap);
        if (phrases[i].need == Need::essential) {
            essential_after -= *lengths[i] + phrase_gap;
            chosen.push_back(i);
            used += cost;
            continue;
        }
        const Millis still_needed = essential_after > Millis{0} ? essential_after : Millis{0};
        if (out_of_time || used + cost + still_needed > budget) {
            out_of_time = true;
            continue;
        }
        chosen.push_back(i);
        used += cost;
    }
    return chosen;
}

std::string as_sentence(std::string_view line) {
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = line.find_last_not_of(" \t");
    std::string text(line.substr(first, last - first + 1));
    const char end = text.back();
    if (end != '.' && end != '!' && end != '?') {
        text += '.';
    }
    return text;
}

const char* moment_name(SpeechMoment moment) {
    switch (moment) {
        case SpeechMoment::get_ready:
            return "get-ready";
        case SpeechMoment::hold:
            return "hold";
        case SpeechMoment::halfway:
            return "halfway";
        case SpeechMoment::ten_seconds_left:
            return "ten-seconds-left";
        case SpeechMoment::switch_sides:
            return "switch-sides";
        case SpeechMoment::rest:
            return "rest";
        case SpeechMoment::done:
            return "done";
        case SpeechMoment::stopped:
            return "stopped";
        case SpeechMoment::paused:
            return "paused";
    }
    return "unknown";
}

}  // namespace sk
