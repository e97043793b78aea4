// KeyNames: the key names a config may use, spelled as SDL2's SDL_GetKeyName spells them.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace sk {

// The canonical spelling of `name`, matched without regard to case: "space" -> "Space",
// "keypad enter" -> "Keypad Enter", and a few common aliases ("Page Up" -> "PageUp",
// "Enter" -> "Return", "Esc" -> "Escape"). nullopt when no key has that name.
std::optional<std::string> canonical_key_name(std::string_view name);

// Every canonical name: SDL2's keyboard key names, then special_key_names().
std::span<const std::string_view> known_key_names();

// The names that are not SDL keyboard keys: "Gamepad A", "Gamepad B", "Gamepad X", "Gamepad Y",
// "Gamepad Start", "Gamepad Back" and "Click" (a mouse click or a touch tap).
std::span<const std::string_view> special_key_names();

}  // namespace sk
