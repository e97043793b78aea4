// Tests of the sound cues: the pure synthesiser, and the Audio class on SDL's dummy, disk and
// missing drivers.
#include <SDL.h>
#include <SDL_mixer.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <numbers>
#include <optional>
#include <string>
#include <vector>

#include "audio.hpp"
#include "catch.hpp"
#include "tone_synth.hpp"

namespace {

using sk::Cue;

constexpr std::array all_cues = {Cue::session_start, Cue::tick, Cue::switch_sides, Cue::hold_end,
                                 Cue::session_done};

float peak(const std::vector<float>& samples) {
    float result = 0.0f;
    for (float sample : samples) {
        result = std::max(result, std::abs(sample));
    }
    return result;
}

// Sets an environment variable for one scope (SDL reads its drivers from the environment).
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

}  // namespace

TEST_CASE("every cue is short, audible, unclipped and free of NaN") {
    const Cue cue = GENERATE(Cue::session_start, Cue::tick, Cue::switch_sides, Cue::hold_end,
                             Cue::session_done);
    const int rate = GENERATE(22050, 44100, 48000);
    CAPTURE(static_cast<int>(cue), rate);
    const sk::Melody melody = sk::cue_melody(cue);
    REQUIRE_FALSE(melody.empty());
    const auto samples = sk::render_melody(melody, rate);

    CHECK(samples.size() ==
          static_cast<std::size_t>(sk::melody_length(melody).count() * rate / 1000));
    CHECK(sk::melody_length(melody) > sk::Millis{0});
    CHECK(sk::melody_length(melody) <= sk::Millis{2000});
    CHECK(std::all_of(samples.begin(), samples.end(), [](float s) { return std::isfinite(s); }));
    CHECK(peak(samples) >= 0.15f);
    CHECK(peak(samples) <= 0.8f);
}

TEST_CASE("every cue starts and ends in silence and never jumps (no clicks)") {
    const Cue cue = GENERATE(Cue::session_start, Cue::tick, Cue::switch_sides, Cue::hold_end,
                             Cue::session_done);
    const int rate = GENERATE(22050, 48000);
    CAPTURE(static_cast<int>(cue), rate);
    const sk::Melody melody = sk::cue_melody(cue);
    const auto samples = sk::render_melody(melody, rate);
    REQUIRE(samples.size() > 100);

    CHECK(std::abs(samples.front()) <= 0.001f);
    CHECK(std::abs(samples.back()) <= 0.001f);
    // The first and last half millisecond stay near zero: fades, not cuts.
    const auto edge = static_cast<std::size_t>(rate / 2000);
    for (std::size_t i = 0; i < edge; ++i) {
        CAPTURE(i);
        CHECK(std::abs(samples[i]) <= 0.02f);
        CHECK(std::abs(samples[samples.size() - 1 - i]) <= 0.02f);
    }
    // A sine of amplitude A at f Hz moves at most 2*pi*f*A/rate per sample (a bell's overtones
    // reach 3f); a note starting or stopping abruptly jumps by far more than that.
    double max_step = 0.0;
    for (const sk::Note& note : melody) {
        const double top = note.frequency_hz * (note.envelope == sk::Envelope::bell ? 3.0 : 1.0);
        max_step += note.level * 2.0 * std::numbers::pi * top / rate;
    }
    max_step *= 1.1;
    double worst = 0.0;
    for (std::size_t i = 1; i < samples.size(); ++i) {
        worst = std::max(worst, static_cast<double>(std::abs(samples[i] - samples[i - 1])));
    }
    CAPTURE(worst, max_step);
    CHECK(worst <= max_step);
}

TEST_CASE("envelopes are zero at both ends, at most one, and smooth") {
    const sk::Envelope envelope = GENERATE(sk::Envelope::soft, sk::Envelope::bell);
    const double length = GENERATE(0.01, 0.07, 0.5, 1.5);
    CAPTURE(static_cast<int>(envelope), length);
    CHECK(sk::envelope_gain(envelope, 0.0, length) == 0.0);
    CHECK(sk::envelope_gain(envelope, length, length) == 0.0);
    CHECK(sk::envelope_gain(envelope, -0.1, length) == 0.0);
    CHECK(sk::envelope_gain(envelope, length + 0.1, length) == 0.0);
    CHECK(sk::envelope_gain(envelope, length / 4.0, length) > 0.2);

    const int steps = 48000;
    double previous = 0.0;
    double worst_jump = 0.0;
    double highest = 0.0;
    for (int i = 1; i <= steps; ++i) {
        const double gain = sk::envelope_gain(envelope, length * i / steps, length);
        worst_jump = std::max(worst_jump, std::abs(gain - previous));
        highest = std::max(highest, gain);
        previous = gain;
    }
    CHECK(highest <= 1.0);
    CHECK(worst_jump <= 0.01);
}

TEST_CASE("the tick is a soft 880 Hz blip") {
    const int rate = 48000;
    const auto samples = sk::render_melody(sk::cue_melody(Cue::tick), rate);
    // A sine crosses zero twice a cycle.
    int crossings = 0;
    for (std::size_t i = 1; i < samples.size(); ++i) {
        if ((samples[i - 1] < 0.0f) != (samples[i] < 0.0f)) {
            ++crossings;
        }
    }
    const double seconds = static_cast<double>(samples.size()) / rate;
    const double frequency = crossings / 2.0 / seconds;
    CAPTURE(frequency);
    CHECK(std::abs(frequency - 880.0) <= 880.0 * 0.05);
    CHECK(sk::melody_length(sk::cue_melody(Cue::tick)) <= sk::Millis{150});
    CHECK(peak(samples) <= 0.3f);
}

TEST_CASE("the cues sound different from one another") {
    for (std::size_t i = 0; i < all_cues.size(); ++i) {
        for (std::size_t j = i + 1; j < all_cues.size(); ++j) {
            CAPTURE(i, j);
            const auto first = sk::render_melody(sk::cue_melody(all_cues[i]), 22050);
            const auto second = sk::render_melody(sk::cue_melody(all_cues[j]), 22050);
            CHECK(first != second);
        }
    }
}

TEST_CASE("the session start rises and the done arpeggio has three rising notes") {
    const auto start = sk::cue_melody(Cue::session_start);
    REQUIRE(start.size() == 2);
    CHECK(start[0].frequency_hz < start[1].frequency_hz);
    CHECK(start[0].start < start[1].start);
    const auto done = sk::cue_melody(Cue::session_done);
    REQUIRE(done.size() == 3);
    CHECK(done[0].frequency_hz < done[1].frequency_hz);
    CHECK(done[1].frequency_hz < done[2].frequency_hz);
    const auto chime = sk::cue_melody(Cue::switch_sides);
    CHECK(chime.size() == 2);
}

TEST_CASE("samples become 16-bit, clamped, interleaved per channel") {
    const std::vector<float> mono = {0.0f, 0.5f, -0.5f, 1.0f, -1.0f, 2.0f, -3.0f, NAN};
    CHECK(sk::to_pcm16(mono, 1) ==
          std::vector<std::int16_t>{0, 16384, -16384, 32767, -32767, 32767, -32767, 0});
    CHECK(sk::to_pcm16(std::vector<float>{0.5f, -1.0f}, 2) ==
          std::vector<std::int16_t>{16384, 16384, -32767, -32767});
    CHECK(sk::to_pcm16(std::vector<float>{}, 2).empty());
}

TEST_CASE("a volume in percent maps onto the mixer's 0..128") {
    const auto [percent, level] = GENERATE(table<int, int>({
        {0, 0},
        {1, 1},
        {30, 38},
        {50, 64},
        {70, 90},
        {100, MIX_MAX_VOLUME},
        {-5, 0},
        {150, MIX_MAX_VOLUME},
    }));
    CAPTURE(percent);
    CHECK(sk::mixer_volume(sk::Volume{percent}) == level);
}

TEST_CASE("samples are encoded in the device's format") {
    const std::vector<std::int16_t> samples = {0, 16384, -16384, 32767};

    SECTION("16-bit native: the bytes as they are") {
        const auto bytes = sk::encode_for_device(samples, {48000, AUDIO_S16SYS, 2});
        REQUIRE(bytes);
        REQUIRE(bytes->size() == samples.size() * 2);
        CHECK(std::memcmp(bytes->data(), samples.data(), bytes->size()) == 0);
    }
    SECTION("32-bit float: converted") {
        const auto bytes = sk::encode_for_device(samples, {48000, AUDIO_F32SYS, 2});
        REQUIRE(bytes);
        REQUIRE(bytes->size() == samples.size() * 4);
        std::vector<float> floats(samples.size());
        std::memcpy(floats.data(), bytes->data(), bytes->size());
        CHECK(floats[0] == 0.0f);
        CHECK(std::abs(floats[1] - 0.5f) < 0.001f);
        CHECK(std::abs(floats[2] + 0.5f) < 0.001f);
        CHECK(floats[3] > 0.99f);
    }
    SECTION("a format SDL does not know: nothing") {
        CHECK_FALSE(sk::encode_for_device(samples, {48000, 0x1234, 2}));
    }
}

TEST_CASE("with audio disabled, the device is never opened") {
    sk::Audio audio(sk::AudioSettings{false, sk::Volume{70}});
    CHECK(audio.state() == sk::AudioState::disabled);
    CHECK(audio.problem().empty());
    CHECK_FALSE(audio.device_format());
    CHECK(SDL_WasInit(SDL_INIT_AUDIO) == 0);
    audio.play(Cue::tick);
    CHECK_FALSE(audio.busy());
}

TEST_CASE("on SDL's dummy driver the cues load and play") {
    ScopedEnv driver("SDL_AUDIODRIVER", "dummy");
    sk::Audio audio(sk::AudioSettings{true, sk::Volume{70}});
    REQUIRE(audio.state() == sk::AudioState::ready);
    CHECK(audio.problem().empty());
    const auto format = audio.device_format();
    REQUIRE(format);
    CHECK(format->frequency > 0);
    CHECK(format->channels > 0);
    CHECK(format->format == AUDIO_S16SYS);
    CHECK(Mix_Volume(-1, -1) == 90);

    CHECK_FALSE(audio.busy());
    for (Cue cue : all_cues) {
        audio.play(cue);
    }
    CHECK(audio.busy());
    audio.set_volume(sk::Volume{30});
    CHECK(Mix_Volume(-1, -1) == 38);
}

TEST_CASE("without a sound device the kiosk runs silent and says so once") {
    const auto [driver, reason] = GENERATE(table<std::string, std::string>({
        {"bogus-driver", "Audio target 'bogus-driver' not available"},
        {"nowhere", "Audio target 'nowhere' not available"},
    }));
    ScopedEnv environment("SDL_AUDIODRIVER", driver);
    sk::Audio audio(sk::AudioSettings{true, sk::Volume{70}});
    CHECK(audio.state() == sk::AudioState::silent);
    CHECK(audio.problem() == "no sound device (" + reason + "): running silent");
    CHECK_FALSE(audio.device_format());
    // Nothing is left half-open, and playing is a quiet no-op from now on.
    CHECK(SDL_WasInit(SDL_INIT_AUDIO) == 0);
    for (int i = 0; i < 3; ++i) {
        for (Cue cue : all_cues) {
            audio.play(cue);
        }
    }
    audio.set_volume(sk::Volume{100});
    CHECK_FALSE(audio.busy());
    CHECK(audio.state() == sk::AudioState::silent);
    CHECK(audio.problem() == "no sound device (" + reason + "): running silent");
}

namespace {

// Plays `cue` at `volume` on SDL's disk driver and returns the peak of what reached the "device",
// as a fraction of full scale.
double played_peak(Cue cue, sk::Volume volume, std::size_t& samples_written) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("sk-test-audio-" + std::to_string(getpid()) + ".raw");
    std::filesystem::remove(path);
    {
        ScopedEnv driver("SDL_AUDIODRIVER", "disk");
        ScopedEnv file("SDL_DISKAUDIOFILE", path.string());
        sk::Audio audio(sk::AudioSettings{true, volume});
        REQUIRE(audio.state() == sk::AudioState::ready);
        REQUIRE(audio.device_format()->format == AUDIO_S16SYS);
        audio.play(cue);
        // The disk driver plays in real time; wait for the cue to end (bounded, not timed).
        for (int i = 0; i < 500 && audio.busy(); ++i) {
            SDL_Delay(20);
        }
        REQUIRE_FALSE(audio.busy());
    }  // closing the device flushes the file
    std::ifstream in(path, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
    std::filesystem::remove(path);
    std::vector<std::int16_t> samples(bytes.size() / 2);
    std::memcpy(samples.data(), bytes.data(), samples.size() * 2);
    samples_written = samples.size();
    int highest = 0;
    for (std::int16_t sample : samples) {
        highest = std::max(highest, std::abs(static_cast<int>(sample)));
    }
    return highest / 32767.0;
}

}  // namespace

TEST_CASE("a cue really reaches the device, at the volume asked for") {
    const double expected = peak(sk::render_melody(sk::cue_melody(Cue::hold_end), 48000));
    std::size_t written = 0;

    SECTION("full volume: the cue as synthesised") {
        const double loud = played_peak(Cue::hold_end, sk::Volume{100}, written);
        CHECK(written > 0);
        CAPTURE(loud, expected);
        CHECK(loud >= expected * 0.9);
        CHECK(loud <= expected * 1.1);
    }
    SECTION("half volume: about half as loud") {
        const double half = played_peak(Cue::hold_end, sk::Volume{50}, written);
        CAPTURE(half, expected);
        CHECK(half >= expected * 0.4);
        CHECK(half <= expected * 0.6);
    }
    SECTION("volume 0: silence") {
        CHECK(played_peak(Cue::hold_end, sk::Volume{0}, written) == 0.0);
        CHECK(written > 0);
    }
}
