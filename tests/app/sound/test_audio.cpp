// Tests of the Audio class on SDL's dummy, disk and missing drivers, and of its conversions.
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
#include <optional>
#include <string>
#include <vector>

#include "app/sound/audio.hpp"
#include "app/sound/tone_synth.hpp"
#include "catch.hpp"

namespace {

using sk::Cue;

constexpr std::array all_cues = {Cue::session_start, Cue::tick,         Cue::switch_sides,
                                 Cue::hold_end,      Cue::session_done, Cue::due};

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

TEST_CASE("a closed Audio holds no device: SDL's audio (and its threads) is not running") {
    sk::Audio closed;
    CHECK(closed.state() == sk::AudioState::closed);
    CHECK(SDL_WasInit(SDL_INIT_AUDIO) == 0);
    closed.play(Cue::tick);
    CHECK_FALSE(closed.busy());
    CHECK_FALSE(closed.device_format());

    ScopedEnv driver("SDL_AUDIODRIVER", "dummy");
    sk::Audio audio(sk::AudioSettings{true, sk::Volume{70}});
    REQUIRE(audio.state() == sk::AudioState::ready);
    CHECK(SDL_WasInit(SDL_INIT_AUDIO) != 0);
    // Closing is replacing it with a closed one: the device and SDL's audio go.
    audio = sk::Audio();
    CHECK(audio.state() == sk::AudioState::closed);
    CHECK(SDL_WasInit(SDL_INIT_AUDIO) == 0);
}

TEST_CASE("the device is asked for a rate, and the cues are made at the rate it runs at") {
    ScopedEnv driver("SDL_AUDIODRIVER", "dummy");
    const int rate = GENERATE(22050, 48000);
    sk::Audio audio(sk::AudioSettings{true, sk::Volume{70}}, rate);
    REQUIRE(audio.state() == sk::AudioState::ready);
    CHECK(audio.device_format()->frequency == rate);
    audio.play(Cue::hold_end);
    CHECK(audio.busy());
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
