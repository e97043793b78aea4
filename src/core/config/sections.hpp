// ConfigSections: the readers for each part of a config document, used by parse_config.
#pragma once

#include <vector>

#include "core/config/node.hpp"
#include "core/config/parser.hpp"
#include "core/config/reader.hpp"
#include "core/model/config.hpp"

namespace sk {

// The shipped sample, for the stretches and routines a file leaves out.
using DefaultsSource = const Config& (*)();

// The whole document. The result is meaningful only when the reader has no diagnostics.
// `pictures.folder` is set.
Config read_config_document(ConfigReader& reader, const ConfigNode& root, DefaultsSource defaults,
                            const PictureCheck& pictures);

std::vector<Stretch> read_stretches(ConfigReader& reader, const Field& field,
                                    const PictureCheck& pictures);
std::vector<Routine> read_routines(ConfigReader& reader, const Field& field,
                                   const std::vector<Stretch>& stretches);
// `skipped`: the top level's skip_stretches, read before.
std::vector<ScheduleEntry> read_schedule(ConfigReader& reader, const Field& field,
                                         const std::vector<Routine>& routines,
                                         const std::vector<Stretch>& stretches,
                                         const std::vector<std::string>& skipped);
// `skip_stretches: [standing]` (or one name): stretches of `stretches`, each once.
std::vector<std::string> read_stretch_names(ConfigReader& reader, const Field& field,
                                            const std::vector<Stretch>& stretches);

void read_session(ConfigReader& reader, const Field& field, SessionSettings& session);
void read_display(ConfigReader& reader, const Field& field, DisplaySettings& display);
void read_audio(ConfigReader& reader, const Field& field, AudioSettings& audio);
void read_keys(ConfigReader& reader, const Field& field, KeySettings& keys);
// `voice:`, at the top level or in a schedule entry: what it sets, over what is in force.
VoiceOverride read_voice(ConfigReader& reader, const Field& field);

}  // namespace sk
