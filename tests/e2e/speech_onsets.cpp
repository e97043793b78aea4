// speech_onsets: where each phrase of a --trace really begins in what SDL's disk audio driver
// wrote, and how long after its step that is.
//
//   speech_onsets OUTPUT.raw TRACE [RATE] [CHANNELS]
//
// The raw file is the device's output (signed 16-bit little-endian, interleaved). The trace's say
// lines give, for the first phrase of each step, how late it was handed to the device and how many
// frames the device had been sent then: the phrase can be heard from that frame on. Speech is
// told from the cues by where its sound lies: the cues are sine tones from 523 Hz to 3.2 kHz
// (their overtones included), so below 300 Hz (the voice's fundamental and first formant) and
// above 4.5 kHz (its s, ch, h) there is only speech. The onset is the first 10 ms window, from
// the frame of the say line on, where either band comes within 25 dB of the loudest window of
// the second that follows (and above -60 dBFS; when the sound falls silent just after that frame,
// what came before the silence is the end of the step before, and the search starts after it).
//
// Prints one line per phrase and a summary; exits 1 when a phrase is not heard within a second of
// being played (the deterministic part, for tests), 2 on bad input.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <numbers>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Said {
    long step_ms = 0;  // trace time of the step
    long late_ms = 0;  // how late it was handed to the device
    std::uint64_t frame = 0;
    std::string moment;
    std::string text;
};

// A second-order low-pass or high-pass (RBJ's cookbook biquads).
enum class Pass { low, high };
class Biquad {
  public:
    Biquad(Pass pass, double cutoff, double rate) {
        const double w = 2.0 * std::numbers::pi * cutoff / rate;
        const double alpha = std::sin(w) / (2.0 * std::sqrt(0.5));
        const double a0 = 1.0 + alpha;
        const double c = std::cos(w);
        b0_ = (pass == Pass::low ? 1.0 - c : 1.0 + c) / 2.0 / a0;
        b1_ = (pass == Pass::low ? 1.0 - c : -(1.0 + c)) / a0;
        b2_ = b0_;
        a1_ = -2.0 * c / a0;
        a2_ = (1.0 - alpha) / a0;
    }
    double operator()(double x) {
        const double y = b0_ * x + b1_ * x1_ + b2_ * x2_ - a1_ * y1_ - a2_ * y2_;
        x2_ = x1_;
        x1_ = x;
        y2_ = y1_;
        y1_ = y;
        return y;
    }

  private:
    double b0_, b1_, b2_, a1_, a2_;
    double x1_ = 0, x2_ = 0, y1_ = 0, y2_ = 0;
};

std::vector<Said> read_trace(const std::string& path) {
    std::ifstream in(path);
    std::vector<Said> said;
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> fields;
        std::stringstream split(line);
        for (std::string field; std::getline(split, field, '\t');) {
            fields.push_back(field);
        }
        // <ms> say <moment> +<late>ms frame <n> <text>
        if (fields.size() < 5 || fields[1] != "say" || fields[3].rfind('+', 0) != 0) {
            continue;
        }
        Said one;
        long at = std::stol(fields[0]);
        if (std::sscanf(fields[3].c_str(), "+%ldms frame %llu", &one.late_ms,
                        reinterpret_cast<unsigned long long*>(&one.frame)) != 2) {
            continue;
        }
        one.step_ms = at - one.late_ms;
        one.moment = fields[2];
        one.text = fields[4];
        said.push_back(one);
    }
    return said;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: speech_onsets OUTPUT.raw TRACE [RATE] [CHANNELS]\n";
        return 2;
    }
    const int rate = argc > 3 ? std::stoi(argv[3]) : 48000;
    const int channels = argc > 4 ? std::stoi(argv[4]) : 2;
    std::ifstream raw(argv[1], std::ios::binary);
    if (!raw) {
        std::cerr << "speech_onsets: cannot read " << argv[1] << '\n';
        return 2;
    }
    std::vector<char> bytes((std::istreambuf_iterator<char>(raw)), {});
    const std::size_t frames = bytes.size() / 2 / static_cast<std::size_t>(channels);
    // Mono, each band filtered twice (fourth order), then the level of each 10 ms window.
    Biquad low1(Pass::low, 300.0, rate), low2(Pass::low, 300.0, rate);
    Biquad high1(Pass::high, 4500.0, rate), high2(Pass::high, 4500.0, rate);
    const std::size_t window = static_cast<std::size_t>(rate / 100);
    std::vector<double> level(frames / window + 1, 0.0);
    std::vector<double> high_level(frames / window + 1, 0.0);
    for (std::size_t f = 0; f < frames; ++f) {
        double sum = 0;
        for (int c = 0; c < channels; ++c) {
            const std::size_t at = (f * static_cast<std::size_t>(channels) + c) * 2;
            const auto sample =
                static_cast<std::int16_t>(static_cast<std::uint8_t>(bytes[at]) |
                                          (static_cast<std::uint8_t>(bytes[at + 1]) << 8));
            sum += sample / 32768.0;
        }
        const double y = low2(low1(sum / channels));
        const double z = high2(high1(sum / channels));
        level[f / window] += y * y;
        high_level[f / window] += z * z;
    }
    for (std::size_t w = 0; w < level.size(); ++w) {
        level[w] = std::max(std::sqrt(level[w] / static_cast<double>(window)),
                            std::sqrt(high_level[w] / static_cast<double>(window)));
    }
    const double floor = std::pow(10.0, -60.0 / 20.0);

    if (const char* around = std::getenv("SPEECH_ONSETS_LEVELS")) {
        // For looking into one place: the level of each window from 50 ms before a frame.
        const std::size_t at = std::stoul(around) / window;
        for (std::size_t w = at > 5 ? at - 5 : 0; w < std::min(level.size(), at + 30); ++w) {
            std::printf("%+5ld ms  %6.1f dBFS\n",
                        (static_cast<long>(w) - static_cast<long>(at)) * 10,
                        20 * std::log10(level[w] + 1e-9));
        }
    }
    const std::vector<Said> said = read_trace(argv[2]);
    if (said.empty()) {
        std::cerr << "speech_onsets: no say lines in " << argv[2] << '\n';
        return 2;
    }
    int missing = 0;
    long worst = 0;
    double total = 0;
    std::printf("%-18s %8s %8s %8s  %s\n", "step", "step ms", "played", "heard", "first phrase");
    for (const Said& one : said) {
        const std::size_t from = static_cast<std::size_t>(one.frame) / window;
        const std::size_t to = std::min(level.size(), from + 100);  // a second
        std::size_t onset = to;
        // Relative to how loud these words are (a bedtime voice is quiet): 25 dB under their
        // loudest window in that second, and never under the floor.
        double loudest = 0;
        for (std::size_t w = from; w < to; ++w) {
            loudest = std::max(loudest, level[w]);
        }
        const double level_needed = std::max(floor, loudest * std::pow(10.0, -25.0 / 20.0));
        // The words before may end just as these are played: when the sound falls silent within
        // 60 ms, what came before the silence is their tail, not these words.
        std::size_t search = from;
        for (std::size_t w = from; w < std::min(to, from + 6); ++w) {
            if (level[w] < floor) {
                search = w;
                break;
            }
        }
        for (std::size_t w = search; w < to; ++w) {
            if (level[w] >= level_needed) {
                onset = w;
                break;
            }
        }
        if (onset == to) {
            ++missing;
            std::printf("%-18s %8ld %+7ldms %8s  %s\n", one.moment.c_str(), one.step_ms,
                        one.late_ms, "unheard", one.text.c_str());
            continue;
        }
        // Heard this long after it was played, plus how late it was played after its step.
        const long after_play =
            static_cast<long>((onset * window - std::min<std::size_t>(onset * window, one.frame)) *
                              1000 / static_cast<std::size_t>(rate));
        const long after_step = one.late_ms + after_play;
        worst = std::max(worst, after_step);
        total += static_cast<double>(after_step);
        std::printf("%-18s %8ld %+7ldms %+7ldms  %s\n", one.moment.c_str(), one.step_ms,
                    one.late_ms, after_step, one.text.c_str());
    }
    const auto heard = static_cast<long>(said.size()) - missing;
    std::printf(
        "%zu steps spoke; %ld heard, %d not; onset after the step: mean %.0f ms, worst %ld ms"
        " (the promise: 250 ms)\n",
        said.size(), heard, missing, heard > 0 ? total / static_cast<double>(heard) : 0.0, worst);
    return missing == 0 ? 0 : 1;
}
