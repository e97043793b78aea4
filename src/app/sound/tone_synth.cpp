// tone_synth: the cue melodies and a small additive synthesiser; pure, so tests can listen in.
#include "app/sound/tone_synth.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace sk {
namespace {

// Note names for the melodies (equal temperament, A4 = 440 Hz).
constexpr double c5 = 523.25;
constexpr double e5 = 659.26;
constexpr double g5 = 783.99;
constexpr double a5 = 880.00;
constexpr double c6 = 1046.50;

Note soft(double frequency, int start_ms, int length_ms, double level) {
    return {frequency, Millis{start_ms}, Millis{length_ms}, level, Envelope::soft};
}

Note bell(double frequency, int start_ms, int length_ms, double level) {
    return {frequency, Millis{start_ms}, Millis{length_ms}, level, Envelope::bell};
}

// A raised cosine from 0 (at 0) to 1 (at `span`): smooth at both ends, so no click.
double rise(double elapsed, double span) {
    if (elapsed <= 0.0) {
        return 0.0;
    }
    if (elapsed >= span) {
        return 1.0;
    }
    return 0.5 - 0.5 * std::cos(std::numbers::pi * elapsed / span);
}

// One overtone of a bell: a multiple of the note's frequency, its share of the sound, and how
// much faster than the fundamental it dies away (a real bell's high partials fade first).
struct Partial {
    double ratio;
    double weight;
    double decay_speed;
};
constexpr std::array<Partial, 3> bell_partials = {
    {{1.0, 1.0, 1.0}, {2.0, 0.25, 2.0}, {3.0, 0.1, 3.0}}};
constexpr std::array<Partial, 1> pure_sine = {{{1.0, 1.0, 1.0}}};

// A bell decays to about 2% of its strike over its length: it fades rather than stops.
constexpr double bell_decays_per_length = 4.0;

void add_note(const Note& note, int sample_rate, std::vector<float>& out) {
    const double length = std::chrono::duration<double>(note.length).count();
    const auto first = static_cast<std::size_t>(note.start.count() * sample_rate / 1000);
    const auto count = static_cast<std::size_t>(note.length.count() * sample_rate / 1000);
    const std::span<const Partial> partials = note.envelope == Envelope::bell
                                                  ? std::span<const Partial>(bell_partials)
                                                  : std::span<const Partial>(pure_sine);
    const double nyquist = sample_rate / 2.0;
    double total_weight = 0.0;
    for (const Partial& partial : partials) {
        total_weight += partial.weight;
    }
    for (std::size_t i = 0; i < count && first + i < out.size(); ++i) {
        const double elapsed = static_cast<double>(i) / sample_rate;
        double value = 0.0;
        for (const Partial& partial : partials) {
            const double frequency = note.frequency_hz * partial.ratio;
            if (frequency >= nyquist * 0.9) {
                continue;  // would alias into a harsh lower tone at low sample rates
            }
            double weight = partial.weight;
            if (note.envelope == Envelope::bell && partial.decay_speed != 1.0) {
                // The fundamental's decay is in the envelope; this is the extra for overtones.
                weight *= std::exp(-bell_decays_per_length * (partial.decay_speed - 1.0) * elapsed /
                                   length);
            }
            value += weight * std::sin(2.0 * std::numbers::pi * frequency * elapsed);
        }
        const double gain = envelope_gain(note.envelope, elapsed, length);
        out[first + i] += static_cast<float>(note.level * gain * value / total_weight);
    }
}

}  // namespace

Melody cue_melody(Cue cue) {
    switch (cue) {
        case Cue::session_start:  // two rising notes: "here we go"
            return {soft(e5, 0, 260, 0.3), soft(a5, 220, 480, 0.3)};
        case Cue::tick:  // a short soft blip for each of the last three seconds
            return {soft(a5, 0, 70, 0.25)};
        case Cue::switch_sides:  // a two-note chime, falling: "other leg"
            return {bell(g5, 0, 700, 0.3), bell(e5, 300, 900, 0.3)};
        case Cue::hold_end:  // one gentle bell, left to ring out
            return {bell(c6, 0, 1500, 0.3)};
        case Cue::session_done:  // a rising arpeggio that settles on the top note
            return {bell(c5, 0, 600, 0.22), bell(e5, 180, 600, 0.22), bell(g5, 360, 1200, 0.22)};
        case Cue::due:  // one soft low bell: "it is time", never an alarm
            return {bell(g5, 0, 1800, 0.2)};
    }
    return {};
}

Millis melody_length(const Melody& melody) {
    Millis end{0};
    for (const Note& note : melody) {
        end = std::max(end, note.start + note.length);
    }
    return end;
}

double envelope_gain(Envelope envelope, double elapsed, double length) {
    if (elapsed <= 0.0 || elapsed >= length) {
        return 0.0;
    }
    const double remaining = length - elapsed;
    switch (envelope) {
        case Envelope::soft: {
            const double attack = std::min(0.02, length / 4.0);
            const double release = std::min(0.12, length / 2.0);
            // A slight sag while sustained keeps a held tone from sounding electronic.
            const double sag = 1.0 - 0.25 * elapsed / length;
            return rise(elapsed, attack) * rise(remaining, release) * sag;
        }
        case Envelope::bell: {
            const double attack = std::min(0.008, length / 4.0);
            const double release = std::min(0.06, length / 3.0);
            const double decay = std::exp(-bell_decays_per_length * elapsed / length);
            return rise(elapsed, attack) * rise(remaining, release) * decay;
        }
    }
    return 0.0;
}

std::vector<float> render_melody(const Melody& melody, int sample_rate) {
    const auto total = static_cast<std::size_t>(melody_length(melody).count() * sample_rate / 1000);
    std::vector<float> samples(total, 0.0f);
    for (const Note& note : melody) {
        add_note(note, sample_rate, samples);
    }
    return samples;
}

std::vector<std::int16_t> to_pcm16(std::span<const float> mono, int channels) {
    std::vector<std::int16_t> out;
    out.reserve(mono.size() * static_cast<std::size_t>(std::max(channels, 0)));
    for (float sample : mono) {
        const float clamped = std::isfinite(sample) ? std::clamp(sample, -1.0f, 1.0f) : 0.0f;
        const auto value = static_cast<std::int16_t>(std::lround(clamped * 32767.0f));
        for (int channel = 0; channel < channels; ++channel) {
            out.push_back(value);
        }
    }
    return out;
}

}  // namespace sk
