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

void SpeechPlayer::keep_ready(
    const std::vector<std::pair<VoiceSettings, std::vector<std::string>>>& voices) {
    if (synth_ == nullptr) {
        return;
    }
    resident_.clear();
    for (const auto& [voice, phrases] : voices) {
        for (const std::string& text : phrases) {
            resident_.push_back(phrase_key(voice, text));
        }
    }
    synth_->keep_only(resident_);
    synth_->request(resident_);
}

void SpeechPlayer::prepare(const VoiceSettings& voice, const std::vector<std::string>& phrases,
                           Audio& audio) {
    voice_ = voice;
    audio.set_speech_share(voice.volume);
    if (synth_ == nullptr || !voice_.enabled) {
        return;
    }
    std::vector<PhraseKey> keys;
    for (const std::string& text : phrases) {
        keys.push_back(phrase_key(voice_, text));
    }
    std::vector<PhraseKey> kept = resident_;
    kept.insert(kept.end(), keys.begin(), keys.end());
    synth_->keep_only(kept);
    synth_->request(keys, SpeechSynth::Urgency::urgent);
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
    std::vector<PhraseKey> keys;
    for (const Phrase& phrase : utterance.phrases) {
        keys.push_back(phrase_key(voice_, phrase.text));
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
