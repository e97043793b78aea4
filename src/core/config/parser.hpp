// ConfigParser: turns the YAML text of a config file into a Config or a list of diagnostics.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/config.hpp"
#include "core/model/diagnostic.hpp"

namespace sk {

// Files larger than this are refused before parsing (a schedule is a few KiB).
inline constexpr std::size_t max_config_bytes = 64 * 1024;

struct ConfigResult {
    std::optional<Config> config;  // set only when diagnostics is empty
    Diagnostics diagnostics;       // every problem found, in file order

    bool ok() const { return config.has_value(); }
};

// What the core cannot tell about a picture by itself: whether its SVG really draws. The app
// decodes it (with SDL_image) and says what is wrong, in words that follow "picture 'x.svg' ",
// or nullopt when it draws.
using PictureDecoder = std::function<std::optional<std::string>(std::string_view svg)>;

// How the pictures a config names are found and checked (core/config/picture_file.hpp has the
// checks the core makes on its own).
struct PictureCheck {
    // Where relative paths start; nullopt: the folder of the config file (`origin`).
    std::optional<std::string> folder;
    PictureDecoder decode;  // empty: the core's own checks only
};

// Parses and validates `text`; `origin` is the file name used in diagnostics. A picture the
// config names is read and checked here, so a missing or broken one is a diagnostic at its place.
// Never throws, never crashes, and returns quickly on hostile input.
ConfigResult parse_config(std::string_view text, const std::string& origin,
                          const PictureCheck& pictures = {});

// Reads `path` (refusing directories, FIFOs, devices and files over max_config_bytes without
// blocking on them) and parses it.
ConfigResult load_config_file(const std::string& path, const PictureCheck& pictures = {});

// The config the kiosk uses when no file can be read at all: the seed's routines, morning and
// bedtime every day. It is the same as the shipped sample.
Config default_config();

}  // namespace sk
