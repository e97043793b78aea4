// ToneSynth: the kiosk's sound cues as short melodies of soft sine notes, rendered to samples.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <vector>

#include "core/session/session.hpp"

namespace sk {

// How a note's loudness rises and falls. Both shapes start and end at exactly zero, so a note
// never clicks however it is cut into a buffer.
enum class Envelope : std::uint8_t {
    soft,  // a gentle swell and fade, for blips and plain tones
    bell,  // a quick strike and a long decay, with quiet overtones
};

struct Note {
    double frequency_hz = 440.0;
    Millis start{0};  // from the start of the sound
    Millis length{100};
    double level = 0.3;  // peak amplitude, as a fraction of full scale
    Envelope envelope = Envelope::soft;
};

using Melody = std::vector<Note>;

// The notes of each cue: calm, short, and clearly different from one another.
Melody cue_melody(Cue cue);

// When the last note ends.
Millis melody_length(const Melody& melody);

// The gain of `envelope` `elapsed` seconds into a note `length` seconds long: 0 at both ends,
// at most 1 in between.
double envelope_gain(Envelope envelope, double elapsed, double length);

// Mono samples in -1..1, melody_length(melody) * sample_rate / 1000 of them.
std::vector<float> render_melody(const Melody& melody, int sample_rate);

// 16-bit samples, each mono sample repeated for `channels` interleaved channels; values outside
// -1..1 are clamped.
std::vector<std::int16_t> to_pcm16(std::span<const float> mono, int channels);

}  // namespace sk
