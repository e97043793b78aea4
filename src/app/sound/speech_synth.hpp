// SpeechSynth: speech made off the frame loop by one worker thread (eSpeak NG's only caller), and
// the cache of the phrases it made, one entry per phrase and voice.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "app/sound/spoken_pcm.hpp"
#include "core/model/config.hpp"

namespace sk {

// A phrase as a voice says it: the cache's key.
struct PhraseKey {
    std::string voice;
    int words_per_minute = 0;
    std::string text;
    auto operator<=>(const PhraseKey&) const = default;
};

PhraseKey phrase_key(const VoiceSettings& voice, std::string text);

// A phrase asked for: made, not made yet, or never to be made (its voice does not exist, or the
// synthesiser could not start).
enum class PhraseState { ready, pending, failed };

class SpeechSynth {
  public:
    // Starts the worker, which loads eSpeak NG and tries `first_voice`, so a missing
    // espeak-ng-data or an unknown voice is said in the log at start-up. With an `output_rate`
    // (the sound device's), each phrase is also resampled to it on the worker: resampling is the
    // costly part of playing it, and the frame loop must not wait for it.
    explicit SpeechSynth(const VoiceSettings& first_voice, int output_rate = 0);
    ~SpeechSynth();
    SpeechSynth(const SpeechSynth&) = delete;
    SpeechSynth& operator=(const SpeechSynth&) = delete;

    // Queues the phrases not in the cache, in order; those already queued move to the front when
    // `urgent`. Drops from the cache what `keep` (with these) does not name, so the cache holds
    // one session's phrases.
    enum class Urgency { in_turn, urgent };
    void request(const std::vector<PhraseKey>& keys, Urgency urgency = Urgency::in_turn);
    void keep_only(const std::vector<PhraseKey>& keys);

    PhraseState state(const PhraseKey& key) const;
    // The phrase when ready, else nullptr.
    std::shared_ptr<const SpokenPcm> find(const PhraseKey& key) const;
    // Waits for the phrase (for --render-screens, never in the frame loop).
    std::shared_ptr<const SpokenPcm> wait_for(const PhraseKey& key);

    // False once it is known that nothing can be said (no eSpeak NG, or no data).
    bool can_speak() const;
    // New sentences for the log (each problem once), oldest first.
    std::vector<std::string> take_problems();
    // What the cache holds, in bytes of samples, and how long the phrases took to make.
    struct Figures {
        std::size_t phrases = 0;
        std::size_t bytes = 0;
        Millis speech{0};                             // how long they last
        std::chrono::microseconds synthesis_time{0};  // how long making them took
    };
    Figures figures() const;

  private:
    void work(VoiceSettings first_voice, int output_rate);
    void settle(const PhraseKey& key, std::shared_ptr<const SpokenPcm> pcm, bool failed);

    mutable std::mutex mutex_;
    std::condition_variable wake_;     // the worker: work to do, or stop
    std::condition_variable settled_;  // wait_for(): a phrase was made or failed
    std::deque<PhraseKey> queue_;
    std::map<PhraseKey, std::shared_ptr<const SpokenPcm>> cache_;
    std::map<PhraseKey, bool> failed_;
    std::vector<std::string> problems_;
    std::vector<std::string> said_problems_;
    std::chrono::microseconds synthesis_time_{0};
    bool can_speak_ = true;
    bool stopping_ = false;
    std::thread worker_;  // last: started once everything above exists
};

}  // namespace sk
