// speech_player: from an utterance to the sound device, on time.
#include "app/sound/speech_player.hpp"

#include <algorithm>

namespace sk {
namespace {

// While phrases are being made, how often to look whether they are ready.
constexpr Millis poll_period{10};

}  // namespace

SpokenPcm utterance_sound(SpeechSynth& synth, const VoiceSettings& voice,
                          const Utterance& utterance) {
    if (!voice.enabled) {
        return {};
    }
    std::vector<std::shared_ptr<const SpokenPcm>> made;
    std::vector<std::optional<Millis>> lengths;
    for (const Phrase& phrase : utterance.phrases) {
        made.push_back(synth.wait_for(phrase_key(voice, phrase.text)));
        lengths.push_back(made.back() ? std::optional(made.back()->length()) : std::nullopt);
    }
    std::vector<const SpokenPcm*> parts;
    for (std::size_t i : fit_phrases(utterance.phrases, lengths, utterance.budget)) {
        parts.push_back(made[i].get());
    }
    return join_phrases(parts, phrase_gap);
}

void SpeechPlayer::prepare(const VoiceSettings& voice, const std::vector<std::string>& phrases,
                           Audio& audio, const std::vector<std::vector<std::string>>& steps) {
    voice_ = voice;
    audio.set_speech_share(voice.volume);
    phrases_ = phrases;
    steps_ = steps;
    step_ = 0;
    any_time_.clear();
    for (const std::string& text : phrases_) {
        const bool on_entering = std::any_of(steps_.begin(), steps_.end(), [&](const auto& step) {
            return std::find(step.begin(), step.end(), text) != step.end();
        });
        if (!on_entering) {
            any_time_.push_back(text);
        }
    }
    if (synth_ == nullptr || !voice_.enabled) {
        return;
    }
    keep_window(SpeechSynth::Urgency::urgent);
}

std::vector<PhraseKey> SpeechPlayer::window() const {
    std::vector<PhraseKey> keys;
    auto add = [&](const std::string& text) {
        PhraseKey key = phrase_key(voice_, text);
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
            keys.push_back(std::move(key));
        }
    };
    if (steps_.empty()) {
        std::for_each(phrases_.begin(), phrases_.end(), add);
        return keys;
    }
    for (std::size_t step = step_; step < std::min(steps_.size(), step_ + 1 + steps_ahead);
         ++step) {
        std::for_each(steps_[step].begin(), steps_[step].end(), add);
    }
    std::for_each(any_time_.begin(), any_time_.end(), add);
    return keys;
}

void SpeechPlayer::keep_window(SpeechSynth::Urgency urgency) {
    std::vector<PhraseKey> keys = window();
    std::vector<PhraseKey> kept = kept_;
    kept.insert(kept.end(), keys.begin(), keys.end());
    synth_->keep_only(kept);
    synth_->request(keys, urgency);
}

void SpeechPlayer::keep_between_sessions(std::vector<PhraseKey> keys) {
    kept_ = std::move(keys);
    if (synth_ != nullptr) {
        synth_->keep_only(kept_);
        synth_->request(kept_);
    }
}

void SpeechPlayer::release() {
    waiting_.reset();
    phrases_.clear();
    steps_.clear();
    any_time_.clear();
    step_ = 0;
    if (synth_ != nullptr) {
        synth_->keep_only(kept_);
    }
}

void SpeechPlayer::say(const Utterance& utterance, MonoTime now, Audio& audio) {
    waiting_.reset();
    if (audio.speaking()) {
        audio.hush();
        not_before_ = now + speech_fade;
    }
    if (synth_ == nullptr || !voice_.enabled || utterance.phrases.empty()) {
        return;  // a pause, or nothing to say: the fade is all
    }
    // Which step this is: the next whose words these are (a resumed step says its own again; a
    // step gone back to is found from the start).
    std::vector<std::string> texts;
    for (const Phrase& phrase : utterance.phrases) {
        texts.push_back(phrase.text);
    }
    auto found =
        std::find(steps_.begin() + static_cast<std::ptrdiff_t>(step_), steps_.end(), texts);
    if (found == steps_.end()) {
        found = std::find(steps_.begin(), steps_.end(), texts);
    }
    if (found != steps_.end() && static_cast<std::size_t>(found - steps_.begin()) != step_) {
        step_ = static_cast<std::size_t>(found - steps_.begin());
        keep_window(SpeechSynth::Urgency::in_turn);
    }
    std::vector<PhraseKey> keys;
    for (const std::string& text : texts) {
        keys.push_back(phrase_key(voice_, text));
    }
    synth_->request(keys, SpeechSynth::Urgency::urgent);
    waiting_ = utterance;
}

std::optional<SpeechReport> SpeechPlayer::update(MonoTime now, Audio& audio) {
    if (!waiting_ || now < not_before_) {
        return std::nullopt;
    }
    const Utterance& utterance = *waiting_;
    std::vector<std::shared_ptr<const SpokenPcm>> made;
    bool all_settled = true;
    for (const Phrase& phrase : utterance.phrases) {
        const PhraseKey key = phrase_key(voice_, phrase.text);
        made.push_back(synth_->find(key));
        all_settled = all_settled && synth_->state(key) != PhraseState::pending;
    }
    if (!all_settled && now < utterance.at + speech_grace) {
        return std::nullopt;  // a little longer
    }

    SpeechReport report{utterance, now, audio.frames_mixed(), {}, {}, {}, Millis{0}};
    std::vector<std::optional<Millis>> lengths;
    for (const auto& pcm : made) {
        lengths.push_back(pcm ? std::optional(pcm->length()) : std::nullopt);
    }
    // What is left of the step: it began at `at`, and this much of it is gone.
    const Millis late = std::chrono::duration_cast<Millis>(now - utterance.at);
    const Millis budget = std::max(Millis{0}, utterance.budget - late);
    const std::vector<std::size_t> chosen = fit_phrases(utterance.phrases, lengths, budget);
    std::vector<const SpokenPcm*> parts;
    for (std::size_t i = 0; i < utterance.phrases.size(); ++i) {
        const std::string& text = utterance.phrases[i].text;
        if (std::find(chosen.begin(), chosen.end(), i) != chosen.end()) {
            report.said.push_back(text);
            parts.push_back(made[i].get());
        } else if (!made[i]) {
            report.not_ready.push_back(text);
        } else {
            report.no_time.push_back(text);
        }
    }
    waiting_.reset();
    if (!parts.empty()) {
        const SpokenPcm joined = join_phrases(parts, phrase_gap);
        report.length = joined.length();
        if (!audio.speak(joined)) {
            report.not_ready.insert(report.not_ready.end(), report.said.begin(), report.said.end());
            report.said.clear();
            report.length = Millis{0};
        }
    }
    return report;
}

std::optional<MonoTime> SpeechPlayer::next_deadline(MonoTime now) const {
    if (!waiting_) {
        return std::nullopt;
    }
    return std::max(not_before_, std::min(now + poll_period, waiting_->at + speech_grace));
}

}  // namespace sk
