// Tests of the tone synthesiser: every cue is short, audible, unclipped and free of clicks.
#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

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

}  // namespace

TEST_CASE("every cue is short, audible, unclipped and free of NaN") {
    const Cue cue = GENERATE(Cue::session_start, Cue::tick, Cue::switch_sides, Cue::hold_end,
                             Cue::session_done, Cue::due);
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
                             Cue::session_done, Cue::due);
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
