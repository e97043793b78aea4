// Tests of the spoken guidance's app side: eSpeak NG behind its worker thread and the phrase
// cache, the phrases made ready to mix, mixing them with the cues without clipping, and the
// player that says each step on time (headless: SDL's dummy and disk audio drivers). Missing
// eSpeak NG data is tried on the program itself (tests/e2e/cli_test.sh): after a failed start
// eSpeak NG cannot be started again in the same process.
#include <SDL.h>
#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/sound/audio.hpp"
#include "app/sound/speech_engine.hpp"
#include "app/sound/speech_player.hpp"
#include "app/sound/speech_synth.hpp"
#include "app/sound/spoken_pcm.hpp"
#include "app/sound/tone_synth.hpp"
#include "catch.hpp"
#include "temp_dir.hpp"

using namespace std::chrono_literals;

namespace {

using sk::Need;
using sk::Phrase;
using sk::PhraseState;
using sk::SpeechSynth;
using sk::SpokenPcm;
using sk::Utterance;

const sk::VoiceSettings english{};

class ScopedEnv {
  public:
    ScopedEnv(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) {
            old_ = old;
        }
        setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (old_) {
            setenv(name_, old_->c_str(), 1);
        } else {
            unsetenv(name_);
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    const char* name_;
    std::optional<std::string> old_;
};

int peak_of(const std::vector<std::int16_t>& samples) {
    int peak = 0;
    for (std::int16_t s : samples) {
        peak = std::max(peak, std::abs(static_cast<int>(s)));
    }
    return peak;
}

bool voice_built_in() {
    return sk::speech_engine::built_in().has_value();
}

}  // namespace

TEST_CASE("a phrase is trimmed of the silence around it and limited to half of full scale") {
    std::vector<std::int16_t> samples(22050, 0);  // a second of silence ...
    for (std::size_t i = 11025; i < 11025 + 2205; ++i) {
        samples[i] = static_cast<std::int16_t>(i % 2 == 0 ? 30000 : -30000);  // ... 0.1 s of sound
    }
    const SpokenPcm tidy = sk::tidy_speech(samples, 22050);
    // The sound and 20 ms either side of it.
    CHECK(tidy.samples.size() == 2205 + 2 * 441);
    CHECK(tidy.length() == 140ms);
    CHECK(peak_of(tidy.samples) == sk::speech_peak);

    // Quiet speech is never made louder.
    std::vector<std::int16_t> quiet = {0, 0, 1000, -2000, 1500, 0};
    CHECK(peak_of(sk::tidy_speech(quiet, 22050).samples) == 2000);
    // Silence is nothing at all.
    CHECK(sk::tidy_speech(std::vector<std::int16_t>(500, 3), 22050).samples.empty());
}

TEST_CASE("phrases join with a pause between them, and write as a mono 16-bit WAV") {
    const SpokenPcm one{{100, 200}, 1000};
    const SpokenPcm two{{300}, 1000};
    const std::vector<const SpokenPcm*> parts = {&one, &two};
    const SpokenPcm joined = sk::join_phrases(parts, 5ms);
    CHECK(joined.samples == std::vector<std::int16_t>{100, 200, 0, 0, 0, 0, 0, 300});
    CHECK(joined.sample_rate == 1000);

    sk::test::TempDir dir("sk-test-speech");
    const auto path = std::filesystem::path(dir / "said.wav");
    REQUIRE(sk::write_wav(path, joined));
    std::ifstream in(path, std::ios::binary);
    const std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), {});
    REQUIRE(bytes.size() == 44 + 16);
    CHECK(std::memcmp(bytes.data(), "RIFF", 4) == 0);
    CHECK(std::memcmp(bytes.data() + 8, "WAVEfmt ", 8) == 0);
    CHECK(bytes[20] == 1);  // PCM
    CHECK(bytes[22] == 1);  // mono
    CHECK(bytes[24] + 256 * bytes[25] == 1000);
    CHECK(bytes[34] == 16);  // bits a sample
    CHECK(std::memcmp(bytes.data() + 36, "data", 4) == 0);
    CHECK(bytes[40] == 16);  // the samples' bytes
    CHECK(bytes[44] == 100);
    CHECK(!sk::write_wav(std::filesystem::path(dir / "no/such/dir.wav"), joined));
}

TEST_CASE("speech and the loudest cues that can sound with it stay below full scale") {
    // The end of the last hold: its bell, the end-of-session arpeggio and "Well done" at once.
    const int rate = 48000;
    std::vector<float> mix = sk::render_melody(sk::cue_melody(sk::Cue::hold_end), rate);
    const std::vector<float> done = sk::render_melody(sk::cue_melody(sk::Cue::session_done), rate);
    mix.resize(std::max(mix.size(), done.size()), 0.0f);
    for (std::size_t i = 0; i < done.size(); ++i) {
        mix[i] += done[i];
    }
    float cues_peak = 0.0f;
    for (float s : mix) {
        cues_peak = std::max(cues_peak, std::abs(s));
    }
    CHECK(cues_peak + sk::speech_peak / 32768.0f < 1.0f);
}

TEST_CASE("eSpeak NG makes each phrase once, off the calling thread, and says when it cannot") {
    if (!voice_built_in()) {
        SpeechSynth synth(english);
        CHECK(synth.wait_for(sk::phrase_key(english, "Hold.")) == nullptr);
        CHECK_FALSE(synth.can_speak());
        CHECK(synth.take_problems() ==
              std::vector<std::string>{"voice is off: voice is not built in (stretch-kiosk was "
                                       "built without eSpeak NG); running with cues only"});
        return;
    }
    SpeechSynth synth(english);
    const auto key = sk::phrase_key(english, "Hold, left leg.");
    const auto pcm = synth.wait_for(key);
    REQUIRE(pcm != nullptr);
    CHECK(synth.state(key) == PhraseState::ready);
    CHECK(pcm->sample_rate == 22050);
    // Speech of a plausible length: three words, calmly.
    CHECK(pcm->length() > 600ms);
    CHECK(pcm->length() < 2500ms);
    CHECK(peak_of(pcm->samples) <= sk::speech_peak);
    CHECK(peak_of(pcm->samples) > sk::speech_peak / 4);
    // Trimmed: it starts and ends within 20 ms of its sound.
    CHECK(std::abs(pcm->samples.front()) < 200);
    // Cached: the same phrase is the same samples.
    CHECK(synth.wait_for(key) == pcm);
    CHECK(synth.find(key) == pcm);

    // Slower is longer; another pace is another entry.
    sk::VoiceSettings slow = english;
    slow.words_per_minute = 100;
    const auto slower = synth.wait_for(sk::phrase_key(slow, "Hold, left leg."));
    REQUIRE(slower != nullptr);
    CHECK(slower->length() > pcm->length());
    CHECK(synth.figures().phrases == 2);
    CHECK(synth.figures().bytes == pcm->bytes() + slower->bytes());

    // A voice eSpeak NG does not have: nothing to say, and one line in the log.
    sk::VoiceSettings missing = english;
    missing.voice = "no-such-voice";
    CHECK(synth.wait_for(sk::phrase_key(missing, "Hold.")) == nullptr);
    CHECK(synth.state(sk::phrase_key(missing, "Hold.")) == PhraseState::failed);
    CHECK(synth.wait_for(sk::phrase_key(missing, "Rest.")) == nullptr);
    const auto problems = synth.take_problems();
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].rfind("voice is off: eSpeak NG has no voice 'no-such-voice'", 0) == 0);
    CHECK(problems[0].find("running with cues only") != std::string::npos);
    // The voice that exists still speaks.
    CHECK(synth.wait_for(sk::phrase_key(english, "Rest.")) != nullptr);

    // The cache keeps one session's phrases.
    synth.keep_only({key});
    CHECK(synth.figures().phrases == 1);
    CHECK(synth.find(sk::phrase_key(slow, "Hold, left leg.")) == nullptr);
}

TEST_CASE("the player says a step's essentials and what fits, and a pause silences it") {
    ScopedEnv driver("SDL_AUDIODRIVER", "dummy");
    sk::Audio audio(sk::AudioSettings{true, sk::Volume{70}});
    REQUIRE(audio.state() == sk::AudioState::ready);
    SpeechSynth synth(english);
    sk::SpeechPlayer player(&synth);
    const std::vector<std::string> phrases = {"Rest.", "Relax and breathe.",
                                              "Next: round 2 of 2, left leg."};
    player.prepare(english, phrases, audio);

    const sk::MonoTime at = sk::MonoTime{} + 1000s;
    Utterance rest{sk::SpeechMoment::rest,
                   at,
                   9700ms,
                   {{"Rest.", Need::essential},
                    {"Next: round 2 of 2, left leg.", Need::essential},
                    {"Relax and breathe.", Need::if_time}}};
    // Waiting for the phrases: the report comes once they are made (on the worker thread).
    auto say = [&](const Utterance& utterance, sk::MonoTime now) {
        player.say(utterance, now, audio);
        // The program's clock is held within the grace: only the worker's progress matters.
        now += sk::speech_fade;
        for (int i = 0; i < 500; ++i) {
            if (auto report = player.update(now, audio)) {
                return report;
            }
            REQUIRE(player.next_deadline(now).has_value());
            std::this_thread::sleep_for(10ms);
        }
        return std::optional<sk::SpeechReport>{};
    };
    auto report = say(rest, at + 1ms);
    if (!voice_built_in()) {
        REQUIRE(report.has_value());
        CHECK(report->said.empty());
        CHECK_FALSE(audio.speaking());
        return;
    }
    REQUIRE(report.has_value());
    CHECK(report->said ==
          std::vector<std::string>{"Rest.", "Next: round 2 of 2, left leg.", "Relax and breathe."});
    CHECK(report->no_time.empty());
    CHECK(report->length > 2s);
    CHECK(audio.speaking());
    CHECK_FALSE(player.next_deadline(at).has_value());  // nothing waits

    // A short step: the essentials only.
    rest.budget = 1000ms;
    report = say(rest, at + 2ms);
    REQUIRE(report.has_value());
    CHECK(report->said == std::vector<std::string>{"Rest.", "Next: round 2 of 2, left leg."});
    CHECK(report->no_time == std::vector<std::string>{"Relax and breathe."});

    // A pause: what is being said fades out, nothing new is said.
    player.say(Utterance{sk::SpeechMoment::paused, at + 3s, 0ms, {}}, at + 3s, audio);
    CHECK_FALSE(player.update(at + 3s + 100ms, audio).has_value());
    for (int i = 0; i < 100 && audio.speaking(); ++i) {
        SDL_Delay(10);
    }
    CHECK_FALSE(audio.speaking());
}

TEST_CASE("a session whose voice is off (a silent bedtime) says nothing and makes nothing") {
    ScopedEnv driver("SDL_AUDIODRIVER", "dummy");
    sk::Audio audio(sk::AudioSettings{true, sk::Volume{70}});
    REQUIRE(audio.state() == sk::AudioState::ready);
    SpeechSynth synth(english);
    sk::SpeechPlayer player(&synth);
    sk::VoiceSettings silent = english;
    silent.enabled = false;
    player.prepare(silent, {"Towel hamstring stretch."}, audio);
    const sk::MonoTime at = sk::MonoTime{} + 1000s;
    player.say(
        Utterance{
            sk::SpeechMoment::get_ready, at, 9s, {{"Towel hamstring stretch.", Need::essential}}},
        at, audio);
    CHECK_FALSE(player.next_deadline(at).has_value());
    CHECK_FALSE(player.update(at + 1s, audio).has_value());
    CHECK_FALSE(audio.speaking());
    CHECK(synth.state(sk::phrase_key(silent, "Towel hamstring stretch.")) != PhraseState::ready);
}

TEST_CASE("a new step's words wait for the last step's to fade, then start within the grace") {
    ScopedEnv driver("SDL_AUDIODRIVER", "dummy");
    sk::Audio audio(sk::AudioSettings{true, sk::Volume{70}});
    REQUIRE(audio.state() == sk::AudioState::ready);
    SpeechSynth synth(english);
    sk::SpeechPlayer player(&synth);
    const std::string long_text = "Sit on a chair, a second chair in front of you.";
    player.prepare(english, {long_text, "Hold."}, audio);
    if (!voice_built_in()) {
        return;
    }
    REQUIRE(synth.wait_for(sk::phrase_key(english, long_text)) != nullptr);
    REQUIRE(synth.wait_for(sk::phrase_key(english, "Hold.")) != nullptr);
    const sk::MonoTime at = sk::MonoTime{} + 1000s;
    player.say(Utterance{sk::SpeechMoment::get_ready, at, 9s, {{long_text, Need::essential}}}, at,
               audio);
    REQUIRE(player.update(at, audio).has_value());
    REQUIRE(audio.speaking());

    const sk::MonoTime next = at + 1s;
    player.say(Utterance{sk::SpeechMoment::hold, next, 9s, {{"Hold.", Need::essential}}}, next,
               audio);
    // Not before the fade is over ...
    CHECK_FALSE(player.update(next + sk::speech_fade - 1ms, audio).has_value());
    CHECK(player.next_deadline(next) == next + sk::speech_fade);
    // ... and then at once (well within the 250 ms promised).
    const auto report = player.update(next + sk::speech_fade, audio);
    REQUIRE(report.has_value());
    CHECK(report->said == std::vector<std::string>{"Hold."});
    CHECK(report->started - next == sk::speech_fade);
}

TEST_CASE("speech reaches the device mixed with the cues, at its share of the volume, unclipped") {
    sk::test::TempDir dir("sk-test-speech");
    const auto path = std::filesystem::path(dir / "out.raw");
    const sk::SpokenPcm loud{std::vector<std::int16_t>(22050 / 2, sk::speech_peak), 22050};
    {
        ScopedEnv driver("SDL_AUDIODRIVER", "disk");
        ScopedEnv file("SDL_DISKAUDIOFILE", path.string());
        sk::Audio audio(sk::AudioSettings{true, sk::Volume{100}});
        REQUIRE(audio.state() == sk::AudioState::ready);
        audio.set_speech_share(sk::Volume{100});
        audio.play(sk::Cue::hold_end);
        audio.play(sk::Cue::session_done);
        REQUIRE(audio.speak(loud));
        CHECK(audio.speaking());
        for (int i = 0; i < 500 && audio.busy(); ++i) {
            SDL_Delay(20);
        }
        REQUIRE_FALSE(audio.busy());
        CHECK(audio.frames_mixed() > 48000);
    }
    std::ifstream in(path, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), {});
    std::vector<std::int16_t> samples(bytes.size() / 2);
    std::memcpy(samples.data(), bytes.data(), samples.size() * 2);
    const int peak = peak_of(samples);
    CHECK(peak > sk::speech_peak);  // speech and cues together ...
    CHECK(peak < 32767);            // ... and never clipped
}

// A player on the dummy audio driver at eSpeak NG's own rate (22050 Hz), so nothing is
// resampled.
struct PlayerRig {
    ScopedEnv driver{"SDL_AUDIODRIVER", "dummy"};
    sk::Audio audio{sk::AudioSettings{true, sk::Volume{70}}, 22050};
    SpeechSynth synth{english, audio.device_format() ? audio.device_format()->frequency : 0};
    sk::SpeechPlayer player{&synth};
    PlayerRig() { REQUIRE(audio.state() == sk::AudioState::ready); }
};

TEST_CASE("a session's phrases are kept for the session; between sessions only the opening words") {
    if (!voice_built_in()) {
        return;
    }
    PlayerRig rig;
    sk::Audio& audio = rig.audio;
    SpeechSynth& synth = rig.synth;
    sk::SpeechPlayer& player = rig.player;
    const auto opening = sk::phrase_key(english, "Standing hamstring stretch.");
    player.keep_between_sessions({opening});
    REQUIRE(synth.wait_for(opening) != nullptr);
    CHECK(synth.figures().phrases == 1);

    const std::vector<std::string> session = {"Standing hamstring stretch.", "Hold.", "Rest."};
    player.prepare(english, session, audio);
    for (const std::string& text : session) {
        REQUIRE(synth.wait_for(sk::phrase_key(english, text)) != nullptr);
    }
    CHECK(synth.figures().phrases == 3);
    // Made at eSpeak NG's own rate, which the device runs at: nothing was resampled.
    CHECK(synth.find(sk::phrase_key(english, "Hold."))->sample_rate == 22050);

    player.release();
    CHECK(synth.figures().phrases == 1);
    CHECK(synth.find(opening) != nullptr);
    CHECK(synth.find(sk::phrase_key(english, "Hold.")) == nullptr);
}

TEST_CASE("a session's phrases are made a few steps ahead, and those said let go") {
    if (!voice_built_in()) {
        return;
    }
    PlayerRig rig;
    sk::Audio& audio = rig.audio;
    SpeechSynth& synth = rig.synth;
    sk::SpeechPlayer& player = rig.player;
    static_assert(sk::SpeechPlayer::steps_ahead == 3);
    const std::vector<std::vector<std::string>> steps = {
        {"Get ready."}, {"Hold, right leg."}, {"Switch sides."}, {"Hold, left leg."},
        {"Rest."},      {"Hold, right leg."}, {"Well done."}};
    const std::vector<std::string> phrases = {
        "Get ready.", "Hold, right leg.", "Switch sides.", "Hold, left leg.",
        "Rest.",      "Well done.",       "Halfway."};
    auto made = [&](const char* text) { return synth.find(sk::phrase_key(english, text)); };
    auto wait = [&](const char* text) { return synth.wait_for(sk::phrase_key(english, text)); };

    player.prepare(english, phrases, audio, steps);
    // The first step and three after it, and a hold's call, which may come at any time.
    for (const char* text :
         {"Get ready.", "Hold, right leg.", "Switch sides.", "Hold, left leg.", "Halfway."}) {
        CAPTURE(text);
        CHECK(wait(text) != nullptr);
    }
    CHECK(made("Rest.") == nullptr);
    CHECK(made("Well done.") == nullptr);
    CHECK(synth.figures().phrases == 5);

    // The fourth step begins: the last three come, the first two go; a repeated step's words stay.
    const sk::MonoTime at = sk::MonoTime{} + 1000s;
    player.say(Utterance{sk::SpeechMoment::hold, at, 30s, {{"Hold, left leg.", Need::essential}}},
               at, audio);
    CHECK(wait("Well done.") != nullptr);
    CHECK(wait("Rest.") != nullptr);
    CHECK(made("Get ready.") == nullptr);
    CHECK(made("Switch sides.") == nullptr);
    CHECK(made("Hold, right leg.") != nullptr);
    CHECK(made("Halfway.") != nullptr);
    CHECK(synth.figures().phrases == 5);
    // What it says is made and said.
    std::optional<sk::SpeechReport> report;
    for (int i = 0; i < 100 && !report; ++i) {
        report = player.update(at + 200ms, audio);
    }
    REQUIRE(report);
    CHECK(report->said == std::vector<std::string>{"Hold, left leg."});

    // A hold's call, which no step says on entering: the window stays where it is.
    player.say(Utterance{sk::SpeechMoment::halfway, at + 15s, 10s, {{"Halfway.", Need::essential}}},
               at + 15s, audio);
    CHECK(synth.figures().phrases == 5);

    player.release();
    CHECK(synth.figures().phrases == 0);
}

TEST_CASE("phrases dropped before they are made are not made, nor kept") {
    if (!voice_built_in()) {
        return;
    }
    SpeechSynth synth(english);
    const auto first = sk::phrase_key(english, "Sit on a chair, a second chair in front of you.");
    std::vector<sk::PhraseKey> many;
    for (int i = 0; i < 40; ++i) {
        many.push_back(sk::phrase_key(english, "Phrase number " + std::to_string(i) + "."));
    }
    synth.request({first});
    synth.request(many);
    synth.keep_only({first});
    REQUIRE(synth.wait_for(first) != nullptr);
    // Whatever was being made when they were dropped does not stay.
    synth.request({sk::phrase_key(english, "Rest.")});
    REQUIRE(synth.wait_for(sk::phrase_key(english, "Rest.")) != nullptr);
    for (const sk::PhraseKey& key : many) {
        CHECK(synth.state(key) == PhraseState::pending);
    }
    CHECK(synth.figures().phrases == 2);
}

TEST_CASE("a device at another rate gets its phrases made at that rate") {
    if (!voice_built_in()) {
        return;
    }
    SpeechSynth synth(english, 22050);
    const auto key = sk::phrase_key(english, "Hold.");
    REQUIRE(synth.wait_for(key)->sample_rate == 22050);
    synth.set_output_rate(48000);
    CHECK(synth.find(key) == nullptr);  // made for the old rate: dropped
    const auto again = synth.wait_for(key);
    REQUIRE(again != nullptr);
    CHECK(again->sample_rate == 48000);
}

TEST_CASE("the speech thread takes no SIGTERM: the main thread does, and wakes at once") {
    sk::VoiceSettings voice;
    SpeechSynth synth(voice, 22050);
    // Every thread of this process but the main one, by its mask in /proc: SIGTERM's bit set.
    const unsigned long sigterm_bit = 1UL << (SIGTERM - 1);
    int others = 0;
    for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
        if (task.path().filename() == std::to_string(::getpid())) {
            continue;
        }
        std::ifstream status(task.path() / "status");
        std::string line;
        unsigned long blocked = 0;
        while (std::getline(status, line)) {
            if (line.rfind("SigBlk:", 0) == 0) {
                blocked = std::stoul(line.substr(7), nullptr, 16);
            }
        }
        CAPTURE(task.path().string());
        CHECK((blocked & sigterm_bit) != 0);
        ++others;
    }
    CHECK(others >= 1);  // the speech worker is among them
    // ... and the thread that made it takes signals as before.
    sigset_t mine;
    pthread_sigmask(SIG_SETMASK, nullptr, &mine);
    CHECK_FALSE(sigismember(&mine, SIGTERM));
}
