// spoken_pcm: trimming, limiting and joining phrases, and writing them as WAV.
#include "app/sound/spoken_pcm.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>

namespace sk {
namespace {

// Below about -50 dBFS a sample is silence, for trimming.
constexpr int silence_level = 100;
constexpr Millis kept_margin{20};

void put_le(std::ofstream& out, std::uint32_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) {
        out.put(static_cast<char>((value >> (8 * i)) & 0xff));
    }
}

}  // namespace

Millis SpokenPcm::length() const {
    if (sample_rate <= 0) {
        return Millis{0};
    }
    return Millis{static_cast<long long>(samples.size()) * 1000 / sample_rate};
}

SpokenPcm tidy_speech(std::vector<std::int16_t> samples, int sample_rate) {
    const auto loud = [](std::int16_t s) { return std::abs(static_cast<int>(s)) > silence_level; };
    const auto first = std::find_if(samples.begin(), samples.end(), loud);
    if (first == samples.end()) {
        return {{}, sample_rate};
    }
    const auto last = std::find_if(samples.rbegin(), samples.rend(), loud).base();
    const auto margin = static_cast<std::ptrdiff_t>(kept_margin.count() * sample_rate / 1000);
    const auto begin = std::max(samples.begin(), first - margin);
    const auto end = std::min(samples.end(), last + margin);
    std::vector<std::int16_t> kept(begin, end);

    int peak = 0;
    for (std::int16_t s : kept) {
        peak = std::max(peak, std::abs(static_cast<int>(s)));
    }
    if (peak > speech_peak) {
        for (std::int16_t& s : kept) {
            s = static_cast<std::int16_t>(static_cast<long>(s) * speech_peak / peak);
        }
    }
    return {std::move(kept), sample_rate};
}

SpokenPcm join_phrases(std::span<const SpokenPcm* const> phrases, Millis gap) {
    SpokenPcm joined;
    if (phrases.empty()) {
        return joined;
    }
    joined.sample_rate = phrases.front()->sample_rate;
    const auto gap_samples = static_cast<std::size_t>(gap.count() * joined.sample_rate / 1000);
    for (std::size_t i = 0; i < phrases.size(); ++i) {
        if (i > 0) {
            joined.samples.insert(joined.samples.end(), gap_samples, 0);
        }
        joined.samples.insert(joined.samples.end(), phrases[i]->samples.begin(),
                              phrases[i]->samples.end());
    }
    return joined;
}

bool write_wav(const std::filesystem::path& path, const SpokenPcm& pcm) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    const auto data_bytes = static_cast<std::uint32_t>(pcm.bytes());
    const auto rate = static_cast<std::uint32_t>(pcm.sample_rate);
    out.write("RIFF", 4);
    put_le(out, 36 + data_bytes, 4);
    out.write("WAVEfmt ", 8);
    put_le(out, 16, 4);        // the format chunk's size
    put_le(out, 1, 2);         // PCM
    put_le(out, 1, 2);         // mono
    put_le(out, rate, 4);      // samples a second
    put_le(out, rate * 2, 4);  // bytes a second
    put_le(out, 2, 2);         // bytes a frame
    put_le(out, 16, 2);        // bits a sample
    out.write("data", 4);
    put_le(out, data_bytes, 4);
    for (std::int16_t sample : pcm.samples) {
        put_le(out, static_cast<std::uint16_t>(sample), 2);
    }
    out.close();
    return static_cast<bool>(out);
}

}  // namespace sk
