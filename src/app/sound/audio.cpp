// audio: SDL_mixer behind RAII, with every cue synthesised into a chunk once at start-up.
#include "app/sound/audio.hpp"

#include <SDL.h>
#include <SDL_mixer.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstring>
#include <utility>

#include "app/sound/tone_synth.hpp"

namespace sk {
namespace {

// SDL may pick another rate and channel count than asked for (Mix_QuerySpec says which), but
// keeps this sample format.
constexpr int wanted_channels = 2;

// About 21 ms of sound a buffer, whatever the rate: ticks land on time, and a Pi keeps up.
int chunk_frames(int frequency) {
    return frequency > 32000 ? 1024 : 512;
}
// Enough for every cue to overlap the next without cutting it off; the first is the voice's own.
constexpr int mixer_channels = 16;
constexpr int speech_channel = 0;

constexpr std::array all_cues = {Cue::session_start, Cue::tick,         Cue::switch_sides,
                                 Cue::hold_end,      Cue::session_done, Cue::due};

// SDL's audio subsystem, counted, so the kiosk's own SDL_Init and this one may coexist.
class AudioSubsystem {
  public:
    AudioSubsystem() : ready_(SDL_InitSubSystem(SDL_INIT_AUDIO) == 0) {}
    ~AudioSubsystem() {
        if (ready_) {
            SDL_QuitSubSystem(SDL_INIT_AUDIO);
        }
    }
    AudioSubsystem(const AudioSubsystem&) = delete;
    AudioSubsystem& operator=(const AudioSubsystem&) = delete;
    bool ready() const { return ready_; }

  private:
    bool ready_;
};

class OpenMixer {
  public:
    explicit OpenMixer(int frequency)
        : ready_(Mix_OpenAudio(frequency, AUDIO_S16SYS, wanted_channels, chunk_frames(frequency)) ==
                 0) {}
    ~OpenMixer() {
        if (ready_) {
            Mix_CloseAudio();
        }
    }
    OpenMixer(const OpenMixer&) = delete;
    OpenMixer& operator=(const OpenMixer&) = delete;
    bool ready() const { return ready_; }

  private:
    bool ready_;
};

struct ChunkDeleter {
    void operator()(Mix_Chunk* chunk) const { Mix_FreeChunk(chunk); }
};

// Mix_QuickLoad_RAW borrows its bytes: they live here, and the chunk (declared last) goes first.
struct CueSound {
    std::vector<std::uint8_t> bytes;
    std::unique_ptr<Mix_Chunk, ChunkDeleter> chunk;
};

std::string sdl_error() {
    const char* error = SDL_GetError();
    return error != nullptr && *error != '\0' ? error : "no reason given";
}

}  // namespace

// Members are destroyed in reverse: sounds, then the mixer, then the subsystem.
struct Audio::Device {
    AudioSubsystem subsystem;
    // Frames mixed so far, counted by the audio thread (it stops when the mixer closes).
    std::atomic<std::uint64_t> frames_mixed{0};
    int frame_bytes = 4;
    std::optional<OpenMixer> mixer;
    DeviceFormat format;
    std::array<CueSound, all_cues.size()> sounds;
    CueSound speech;  // what the voice says now
};

int mixer_volume(Volume volume) {
    const int percent = std::clamp(volume.percent, 0, 100);
    return (percent * MIX_MAX_VOLUME + 50) / 100;
}

std::optional<std::vector<std::uint8_t>> encode_for_device(std::span<const std::int16_t> samples,
                                                           const DeviceFormat& format) {
    const std::size_t byte_count = samples.size_bytes();
    SDL_AudioCVT cvt;
    const int needed =
        SDL_BuildAudioCVT(&cvt, AUDIO_S16SYS, static_cast<Uint8>(format.channels), format.frequency,
                          format.format, static_cast<Uint8>(format.channels), format.frequency);
    if (needed < 0 || byte_count > static_cast<std::size_t>(SDL_MAX_SINT32 / 8)) {
        return std::nullopt;
    }
    std::vector<std::uint8_t> bytes(byte_count *
                                    static_cast<std::size_t>(std::max(cvt.len_mult, 1)));
    if (byte_count > 0) {
        std::memcpy(bytes.data(), samples.data(), byte_count);
    }
    if (needed == 0) {
        bytes.resize(byte_count);
        return bytes;
    }
    cvt.buf = bytes.data();
    cvt.len = static_cast<int>(byte_count);
    if (SDL_ConvertAudio(&cvt) != 0) {
        return std::nullopt;
    }
    bytes.resize(static_cast<std::size_t>(cvt.len_cvt));
    return bytes;
}

std::optional<std::vector<std::uint8_t>> convert_for_device(std::span<const std::int16_t> samples,
                                                            int sample_rate,
                                                            const DeviceFormat& format) {
    const std::size_t byte_count = samples.size_bytes();
    SDL_AudioCVT cvt;
    const int needed = SDL_BuildAudioCVT(&cvt, AUDIO_S16SYS, 1, sample_rate, format.format,
                                         static_cast<Uint8>(format.channels), format.frequency);
    if (needed < 0 || sample_rate <= 0 ||
        byte_count > static_cast<std::size_t>(SDL_MAX_SINT32 / 64)) {
        return std::nullopt;
    }
    std::vector<std::uint8_t> bytes(byte_count *
                                    static_cast<std::size_t>(std::max(cvt.len_mult, 1)));
    if (byte_count > 0) {
        std::memcpy(bytes.data(), samples.data(), byte_count);
    }
    if (needed == 0) {
        bytes.resize(byte_count);
        return bytes;
    }
    cvt.buf = bytes.data();
    cvt.len = static_cast<int>(byte_count);
    if (SDL_ConvertAudio(&cvt) != 0) {
        return std::nullopt;
    }
    bytes.resize(static_cast<std::size_t>(cvt.len_cvt));
    return bytes;
}

Audio::Audio(const AudioSettings& settings, int frequency) {
    if (!settings.enabled) {
        state_ = AudioState::disabled;
        return;
    }
    auto device = std::make_unique<Device>();
    if (!device->subsystem.ready()) {
        run_silent("no sound device (" + sdl_error() + "): running silent");
        return;
    }
    device->mixer.emplace(frequency);
    if (!device->mixer->ready()) {
        run_silent("no sound device (" + sdl_error() + "): running silent");
        return;
    }
    Uint16 format = 0;
    int channels = 0;
    if (Mix_QuerySpec(&frequency, &format, &channels) == 0 || frequency <= 0 || channels <= 0) {
        run_silent("no sound device (" + sdl_error() + "): running silent");
        return;
    }
    device->format = {frequency, format, channels};
    device->frame_bytes = std::max(1, channels * SDL_AUDIO_BITSIZE(format) / 8);
    // After each buffer is mixed, on the audio thread: count its frames, so the trace can say
    // where in the output each phrase begins.
    Mix_SetPostMix(
        [](void* data, Uint8* /*stream*/, int length) {
            auto* counted = static_cast<Device*>(data);
            counted->frames_mixed.fetch_add(
                static_cast<std::uint64_t>(length / counted->frame_bytes),
                std::memory_order_relaxed);
        },
        device.get());
    for (std::size_t i = 0; i < all_cues.size(); ++i) {
        const auto samples = to_pcm16(render_melody(cue_melody(all_cues[i]), frequency), channels);
        auto bytes = encode_for_device(samples, device->format);
        CueSound& sound = device->sounds[i];
        if (bytes) {
            sound.bytes = std::move(*bytes);
            sound.chunk.reset(
                Mix_QuickLoad_RAW(sound.bytes.data(), static_cast<Uint32>(sound.bytes.size())));
        }
        if (!sound.chunk) {
            run_silent("the sound cues could not be made (" + sdl_error() + "): running silent");
            return;
        }
    }
    Mix_AllocateChannels(mixer_channels);
    // The voice's channel is never taken by a cue (Mix_PlayChannel(-1) skips reserved ones).
    Mix_ReserveChannels(1);
    device_ = std::move(device);
    state_ = AudioState::ready;
    set_volume(settings.volume);
}

Audio::Audio() = default;
Audio::~Audio() = default;
Audio::Audio(Audio&&) noexcept = default;
Audio& Audio::operator=(Audio&&) noexcept = default;

void Audio::run_silent(std::string problem) {
    // Silent for good: play() then never touches SDL again, so it cannot fail on every cue.
    device_.reset();
    state_ = AudioState::silent;
    problem_ = std::move(problem);
}

void Audio::play(Cue cue) {
    if (!device_) {
        return;
    }
    const auto index = static_cast<std::size_t>(std::find(all_cues.begin(), all_cues.end(), cue) -
                                                all_cues.begin());
    if (index >= device_->sounds.size()) {
        return;
    }
    // -1 only when all channels are busy: losing one cue then is better than cutting another.
    Mix_PlayChannel(-1, device_->sounds[index].chunk.get(), 0);
}

void Audio::set_volume(Volume volume) {
    volume_ = volume;
    apply_volumes();
}

void Audio::set_speech_share(Volume share) {
    speech_share_ = share;
    apply_volumes();
}

void Audio::apply_volumes() {
    if (!device_) {
        return;
    }
    Mix_Volume(-1, mixer_volume(volume_));
    const int share = std::clamp(speech_share_.percent, 0, 100);
    Mix_Volume(speech_channel, mixer_volume(Volume{volume_.percent * share / 100}));
}

bool Audio::speak(const SpokenPcm& speech) {
    if (!device_) {
        return false;
    }
    Mix_HaltChannel(speech_channel);  // the chunk it plays is freed below
    CueSound& sound = device_->speech;
    sound.chunk.reset();
    const DeviceFormat& format = device_->format;
    std::optional<std::vector<std::uint8_t>> bytes;
    if (speech.sample_rate == format.frequency && format.format == AUDIO_S16SYS) {
        // Made at the device's rate (SpeechSynth resamples on its thread): one copy a channel,
        // which the frame loop does in a millisecond or two.
        bytes.emplace(speech.samples.size() * sizeof(std::int16_t) *
                      static_cast<std::size_t>(format.channels));
        auto* out = reinterpret_cast<std::int16_t*>(bytes->data());
        for (std::int16_t sample : speech.samples) {
            for (int channel = 0; channel < format.channels; ++channel) {
                *out++ = sample;
            }
        }
    } else {
        bytes = convert_for_device(speech.samples, speech.sample_rate, format);
    }
    if (!bytes || bytes->empty()) {
        sound.bytes.clear();
        return false;
    }
    sound.bytes = std::move(*bytes);
    sound.chunk.reset(
        Mix_QuickLoad_RAW(sound.bytes.data(), static_cast<Uint32>(sound.bytes.size())));
    return sound.chunk && Mix_PlayChannel(speech_channel, sound.chunk.get(), 0) == speech_channel;
}

void Audio::hush() {
    if (device_ && Mix_Playing(speech_channel) != 0) {
        Mix_FadeOutChannel(speech_channel, static_cast<int>(speech_fade.count()));
    }
}

std::uint64_t Audio::frames_mixed() const {
    return device_ ? device_->frames_mixed.load(std::memory_order_relaxed) : 0;
}

bool Audio::speaking() const {
    return device_ && Mix_Playing(speech_channel) != 0;
}

std::optional<DeviceFormat> Audio::device_format() const {
    if (!device_) {
        return std::nullopt;
    }
    return device_->format;
}

bool Audio::busy() const {
    return device_ && Mix_Playing(-1) > 0;
}

}  // namespace sk
