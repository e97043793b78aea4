// Audio: plays the kiosk's sound cues on the sound device, or runs silent when there is none.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/sound/spoken_pcm.hpp"
#include "core/model/config.hpp"
#include "core/session/session.hpp"

namespace sk {

enum class AudioState {
    ready,     // the device is open and the cues are loaded
    silent,    // no usable sound device: play() does nothing (problem() says why)
    disabled,  // audio.enabled is false: the device was never opened
};

// What the device really runs at, which may differ from what was asked for.
struct DeviceFormat {
    int frequency = 0;         // samples per second
    std::uint16_t format = 0;  // an SDL_AudioFormat
    int channels = 0;
};

// Mix_Volume's level (0..MIX_MAX_VOLUME) for a volume in percent (clamped to 0..100).
int mixer_volume(Volume volume);

// 16-bit native-endian `samples` (already interleaved for format.channels) as bytes in
// `format.format`; nullopt when SDL cannot convert to it.
std::optional<std::vector<std::uint8_t>> encode_for_device(std::span<const std::int16_t> samples,
                                                           const DeviceFormat& format);
// Mono 16-bit `samples` at `sample_rate` as bytes for the device: resampled, one copy per
// channel, in its format; nullopt when SDL cannot convert to it.
std::optional<std::vector<std::uint8_t>> convert_for_device(std::span<const std::int16_t> samples,
                                                            int sample_rate,
                                                            const DeviceFormat& format);

class Audio {
  public:
    // Opens the sound device and synthesises every cue, unless `settings.enabled` is false. Never
    // fails: without a working device it runs silent. Initialises SDL's audio subsystem itself
    // (counted), so it must be destroyed before SDL_Quit.
    explicit Audio(const AudioSettings& settings);
    ~Audio();
    Audio(Audio&&) noexcept;
    Audio& operator=(Audio&&) noexcept;

    // Starts `cue` and returns at once; overlapping cues mix.
    void play(Cue cue);
    // For the session about to start (a bedtime session is quieter); also applies to cues still
    // sounding.
    void set_volume(Volume volume);

    // Says `speech` on the voice's own mixer channel, mixed with the cues (which keep theirs),
    // replacing whatever it was saying; false when the device cannot play it.
    bool speak(const SpokenPcm& speech);
    // Fades out what is being said, over speech_fade.
    void hush();
    bool speaking() const;
    // How many frames the device has been sent so far: where in its output a sound played now
    // begins (for the trace).
    std::uint64_t frames_mixed() const;
    // The voice's level as a share of the session's volume (voice.volume).
    void set_speech_share(Volume share);

    AudioState state() const { return state_; }
    // One sentence for the log when state() is silent ("no sound device (...): running silent"),
    // else empty.
    const std::string& problem() const { return problem_; }
    // The device's real format while ready.
    std::optional<DeviceFormat> device_format() const;
    // Whether a cue is still sounding (to let the last chime finish before quitting).
    bool busy() const;

  private:
    struct Device;
    void run_silent(std::string problem);
    void apply_volumes();

    std::unique_ptr<Device> device_;
    AudioState state_ = AudioState::disabled;
    std::string problem_;
    Volume volume_{70};
    Volume speech_share_{100};
};

// How long hush() takes to fade speech out: short, yet long enough not to click.
inline constexpr Millis speech_fade{40};

}  // namespace sk
