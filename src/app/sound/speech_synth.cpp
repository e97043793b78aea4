// speech_synth: the worker thread that owns eSpeak NG, and the phrase cache it fills.
#include "app/sound/speech_synth.hpp"

#include <SDL.h>
#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstring>
#include <utility>

#include "app/sound/audio.hpp"
#include "app/sound/speech_engine.hpp"

namespace sk {
namespace {

// `pcm` at `rate` (SDL's resampler), or as it was if SDL cannot convert it.
SpokenPcm resampled(const SpokenPcm& pcm, int rate) {
    const auto bytes =
        convert_for_device(pcm.samples, pcm.sample_rate, DeviceFormat{rate, AUDIO_S16SYS, 1});
    if (!bytes) {
        return pcm;
    }
    SpokenPcm result{std::vector<std::int16_t>(bytes->size() / 2), rate};
    std::memcpy(result.samples.data(), bytes->data(), result.samples.size() * 2);
    return result;
}

// A thread that takes none of the signals sent to the process (SIGTERM, SIGINT, SIGHUP, SIGUSR1
// and the like): the kernel then hands each to the main thread, whose wait they end at once.
// Taken by this thread instead, SIGTERM would set SDL's quit flag while the main thread slept on
// in poll() until its next deadline. (SDL masks them in its own threads the same way.) The faults
// a thread causes itself (SIGSEGV, SIGFPE) are left alone: they must reach the sanitizers.
template <typename Work>
std::thread without_signals(Work work) {
    sigset_t asynchronous;
    sigemptyset(&asynchronous);
    for (int signal : {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGCHLD}) {
        sigaddset(&asynchronous, signal);
    }
    sigset_t before;
    pthread_sigmask(SIG_BLOCK, &asynchronous, &before);
    std::thread thread(std::move(work));  // the new thread starts with this thread's mask
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
    return thread;
}

}  // namespace

PhraseKey phrase_key(const VoiceSettings& voice, std::string text) {
    return PhraseKey{voice.voice, voice.words_per_minute, std::move(text)};
}

SpeechSynth::SpeechSynth(const VoiceSettings& first_voice, int output_rate)
    : output_rate_(output_rate),
      worker_(without_signals([this, first_voice] { work(first_voice); })) {}

SpeechSynth::~SpeechSynth() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

void SpeechSynth::request(const std::vector<PhraseKey>& keys, Urgency urgency) {
    {
        std::lock_guard lock(mutex_);
        // In reverse when urgent, so that pushing each to the front keeps their order.
        std::vector<PhraseKey> wanted;
        for (const PhraseKey& key : keys) {
            if (wanted_) {
                wanted_->insert(key);
            }
            if (!cache_.contains(key) && !failed_.contains(key)) {
                wanted.push_back(key);
            }
        }
        if (urgency == Urgency::urgent) {
            for (auto key = wanted.rbegin(); key != wanted.rend(); ++key) {
                std::erase(queue_, *key);
                queue_.push_front(*key);
            }
        } else {
            for (const PhraseKey& key : wanted) {
                if (std::find(queue_.begin(), queue_.end(), key) == queue_.end()) {
                    queue_.push_back(key);
                }
            }
        }
    }
    wake_.notify_all();
}

void SpeechSynth::keep_only(const std::vector<PhraseKey>& keys) {
    std::lock_guard lock(mutex_);
    const auto unwanted = [&](const PhraseKey& key) {
        return std::find(keys.begin(), keys.end(), key) == keys.end();
    };
    std::erase_if(cache_, [&](const auto& entry) { return unwanted(entry.first); });
    std::erase_if(queue_, unwanted);
    wanted_.emplace(keys.begin(), keys.end());
}

void SpeechSynth::set_output_rate(int rate) {
    std::lock_guard lock(mutex_);
    if (rate == output_rate_) {
        return;
    }
    output_rate_ = rate;
    std::erase_if(cache_, [&](const auto& entry) { return entry.second->sample_rate != rate; });
}

PhraseState SpeechSynth::state(const PhraseKey& key) const {
    std::lock_guard lock(mutex_);
    if (cache_.contains(key)) {
        return PhraseState::ready;
    }
    if (failed_.contains(key) || !can_speak_) {
        return PhraseState::failed;
    }
    return PhraseState::pending;
}

std::shared_ptr<const SpokenPcm> SpeechSynth::find(const PhraseKey& key) const {
    std::lock_guard lock(mutex_);
    const auto found = cache_.find(key);
    return found == cache_.end() ? nullptr : found->second;
}

std::shared_ptr<const SpokenPcm> SpeechSynth::wait_for(const PhraseKey& key) {
    request({key}, Urgency::urgent);
    std::unique_lock lock(mutex_);
    settled_.wait(lock,
                  [&] { return cache_.contains(key) || failed_.contains(key) || !can_speak_; });
    const auto found = cache_.find(key);
    return found == cache_.end() ? nullptr : found->second;
}

bool SpeechSynth::can_speak() const {
    std::lock_guard lock(mutex_);
    return can_speak_;
}

std::vector<std::string> SpeechSynth::take_problems() {
    std::lock_guard lock(mutex_);
    return std::exchange(problems_, {});
}

SpeechSynth::Figures SpeechSynth::figures() const {
    std::lock_guard lock(mutex_);
    Figures figures;
    for (const auto& [key, pcm] : cache_) {
        ++figures.phrases;
        figures.bytes += pcm->bytes();
        figures.speech += pcm->length();
    }
    figures.synthesis_time = synthesis_time_;
    return figures;
}

void SpeechSynth::settle(const PhraseKey& key, std::shared_ptr<const SpokenPcm> pcm, bool failed) {
    {
        std::lock_guard lock(mutex_);
        if (failed) {
            failed_.emplace(key, true);
        } else if (!wanted_ || wanted_->contains(key)) {
            cache_[key] = std::move(pcm);
        }
    }
    settled_.notify_all();
}

void SpeechSynth::work(VoiceSettings first_voice) {
    using Clock = std::chrono::steady_clock;
    const speech_engine::Started engine = speech_engine::start();
    {
        std::lock_guard lock(mutex_);
        if (engine.sample_rate <= 0) {
            can_speak_ = false;
            problems_.push_back("voice is off: " + engine.problem + "; running with cues only");
        }
    }
    settled_.notify_all();
    if (engine.sample_rate <= 0) {
        return;  // nothing can be said: state() and wait_for() answer "failed" from now on
    }
    // The voice set last, and whether it exists: asked of eSpeak NG once per voice and pace.
    std::optional<std::pair<std::string, int>> current;
    bool current_ok = false;
    auto use_voice = [&](const std::string& name, int words_per_minute) {
        if (current && current->first == name && current->second == words_per_minute) {
            return current_ok;
        }
        current = std::pair{name, words_per_minute};
        // An empty voice is the language's (app/system/catalogs.cpp fills it in from the config);
        // one that was never filled in speaks the program's own language, English.
        const auto problem = speech_engine::set_voice(name.empty() ? "en" : name, words_per_minute);
        current_ok = !problem;
        if (problem) {
            std::lock_guard lock(mutex_);
            const std::string line = "voice is off: " + *problem + "; running with cues only";
            if (std::find(said_problems_.begin(), said_problems_.end(), line) ==
                said_problems_.end()) {
                said_problems_.push_back(line);
                problems_.push_back(line);
            }
        }
        return current_ok;
    };
    use_voice(first_voice.voice, first_voice.words_per_minute);

    for (;;) {
        PhraseKey key;
        int output_rate = 0;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (stopping_) {
                break;
            }
            key = queue_.front();
            queue_.pop_front();
            output_rate = output_rate_;
        }
        if (!use_voice(key.voice, key.words_per_minute)) {
            settle(key, nullptr, true);
            continue;
        }
        const auto began = Clock::now();
        SpokenPcm made = tidy_speech(speech_engine::synthesise(key.text), engine.sample_rate);
        if (output_rate > 0 && output_rate != made.sample_rate) {
            made = resampled(made, output_rate);
        }
        auto pcm = std::make_shared<const SpokenPcm>(std::move(made));
        const auto took =
            std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - began);
        {
            std::lock_guard lock(mutex_);
            synthesis_time_ += took;
        }
        settle(key, std::move(pcm), false);
    }
    speech_engine::stop();
}

}  // namespace sk
