// Audio: plays the kiosk's sound cues on the sound device, or runs silent when there is none.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

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

    std::unique_ptr<Device> device_;
    AudioState state_ = AudioState::disabled;
    std::string problem_;
};

}  // namespace sk
