// key_names: SDL2's key names as a table, so the core can check them without linking SDL.
#include "core/config/key_names.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace sk {
namespace {

// SDL_GetScancodeName for every scancode SDL2 2.26 names (the spellings SDL_GetKeyFromName
// accepts), then the special names. Generated from SDL itself; the front-end's tests check that
// every keyboard name still resolves.
// clang-format off
constexpr auto key_names = std::to_array<std::string_view>({
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S",
    "T", "U", "V", "W", "X", "Y", "Z", "1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "Return",
    "Escape", "Backspace", "Tab", "Space", "-", "=", "[", "]", "\\", "#", ";", "'", "`", ",", ".",
    "/", "CapsLock", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12",
    "PrintScreen", "ScrollLock", "Pause", "Insert", "Home", "PageUp", "Delete", "End", "PageDown",
    "Right", "Left", "Down", "Up", "Numlock", "Keypad /", "Keypad *", "Keypad -", "Keypad +",
    "Keypad Enter", "Keypad 1", "Keypad 2", "Keypad 3", "Keypad 4", "Keypad 5", "Keypad 6",
    "Keypad 7", "Keypad 8", "Keypad 9", "Keypad 0", "Keypad .", "Application", "Power", "Keypad =",
    "F13", "F14", "F15", "F16", "F17", "F18", "F19", "F20", "F21", "F22", "F23", "F24", "Execute",
    "Help", "Menu", "Select", "Stop", "Again", "Undo", "Cut", "Copy", "Paste", "Find", "Mute",
    "VolumeUp", "VolumeDown", "Keypad ,", "Keypad = (AS400)", "AltErase", "SysReq", "Cancel",
    "Clear", "Prior", "Separator", "Out", "Oper", "Clear / Again", "CrSel", "ExSel", "Keypad 00",
    "Keypad 000", "ThousandsSeparator", "DecimalSeparator", "CurrencyUnit", "CurrencySubUnit",
    "Keypad (", "Keypad )", "Keypad {", "Keypad }", "Keypad Tab", "Keypad Backspace", "Keypad A",
    "Keypad B", "Keypad C", "Keypad D", "Keypad E", "Keypad F", "Keypad XOR", "Keypad ^",
    "Keypad %", "Keypad <", "Keypad >", "Keypad &", "Keypad &&", "Keypad |", "Keypad ||",
    "Keypad :", "Keypad #", "Keypad Space", "Keypad @", "Keypad !", "Keypad MemStore",
    "Keypad MemRecall", "Keypad MemClear", "Keypad MemAdd", "Keypad MemSubtract",
    "Keypad MemMultiply", "Keypad MemDivide", "Keypad +/-", "Keypad Clear", "Keypad ClearEntry",
    "Keypad Binary", "Keypad Octal", "Keypad Decimal", "Keypad Hexadecimal", "Left Ctrl",
    "Left Shift", "Left Alt", "Left GUI", "Right Ctrl", "Right Shift", "Right Alt", "Right GUI",
    "ModeSwitch", "AudioNext", "AudioPrev", "AudioStop", "AudioPlay", "AudioMute", "MediaSelect",
    "WWW", "Mail", "Calculator", "Computer", "AC Search", "AC Home", "AC Back", "AC Forward",
    "AC Stop", "AC Refresh", "AC Bookmarks", "BrightnessDown", "BrightnessUp", "DisplaySwitch",
    "KBDIllumToggle", "KBDIllumDown", "KBDIllumUp", "Eject", "Sleep", "App1", "App2",
    "AudioRewind", "AudioFastForward", "SoftLeft", "SoftRight", "Call", "EndCall",
    // Not keyboard keys: the front-end maps these itself.
    "Gamepad A", "Gamepad B", "Gamepad X", "Gamepad Y", "Gamepad Start", "Gamepad Back", "Click",
});
// clang-format on
constexpr std::size_t special_count = 7;

// Spellings people reach for that SDL does not use.
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> aliases = {{
    {"Page Up", "PageUp"},
    {"Page Down", "PageDown"},
    {"Enter", "Return"},
    {"Esc", "Escape"},
    {"Del", "Delete"},
    {"Num Lock", "Numlock"},
}};

bool equal_ignoring_case(std::string_view left, std::string_view right) {
    auto lower = [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    };
    return left.size() == right.size() &&
           std::equal(left.begin(), left.end(), right.begin(),
                      [&](char a, char b) { return lower(a) == lower(b); });
}

}  // namespace

std::optional<std::string> canonical_key_name(std::string_view name) {
    for (std::string_view known : key_names) {
        if (equal_ignoring_case(known, name)) {
            return std::string(known);
        }
    }
    for (const auto& [alias, canonical] : aliases) {
        if (equal_ignoring_case(alias, name)) {
            return std::string(canonical);
        }
    }
    return std::nullopt;
}

std::span<const std::string_view> known_key_names() {
    return key_names;
}

std::span<const std::string_view> special_key_names() {
    return std::span<const std::string_view>(key_names).last(special_count);
}

}  // namespace sk
