// SpokenPcm: a phrase as mono 16-bit samples, made ready to mix: silence trimmed, peak limited.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

#include "core/session/speech.hpp"

namespace sk {

struct SpokenPcm {
    std::vector<std::int16_t> samples;  // mono
    int sample_rate = 0;

    Millis length() const;
    std::size_t bytes() const { return samples.size() * sizeof(std::int16_t); }
};

// The loudest a spoken sample may be: half of full scale (-6 dBFS). The cues peak at 0.3 and at
// most two ring together, so speech over them never reaches full scale (no clipping).
inline constexpr std::int16_t speech_peak = 16384;

// The synthesiser's output made ready to mix: the silence before and after it cut (leaving 20 ms,
// so a phrase starts when it is played and its length is what is heard), and scaled down if
// louder than speech_peak (never up).
SpokenPcm tidy_speech(std::vector<std::int16_t> samples, int sample_rate);

// The phrases one after the other, `gap` of silence between two; all at the first one's rate.
SpokenPcm join_phrases(std::span<const SpokenPcm* const> phrases, Millis gap);

// A mono 16-bit PCM WAV file; false when it cannot be written.
bool write_wav(const std::filesystem::path& path, const SpokenPcm& pcm);

}  // namespace sk
