#include "app/system/alsa_messages.hpp"

#include <alsa/asoundlib.h>

#include <atomic>
#include <cstdarg>
#include <cstdio>
#include <string_view>

#include "app/system/log.hpp"

namespace sk {
namespace {

// The signature of snd_lib_error_handler_t. SDL opens the same libasound (it dlopens it), so
// this handler sees the messages of SDL's ALSA backend too.
void alsa_handler(const char* file, int line, const char* function, int error, const char* format,
                  ...) {
    char text[512];
    va_list arguments;
    va_start(arguments, format);
    std::vsnprintf(text, sizeof text, format, arguments);
    va_end(arguments);
    // ALSA calls this from whichever thread met the problem (SDL's audio thread, too).
    static std::atomic<int> count{0};
    const auto logged = alsa_log_line(
        ++count,
        alsa_message_text(file, line, function, text, error != 0 ? snd_strerror(error) : ""));
    if (logged) {
        log_line(LogPriority::debug, *logged);
    }
}

}  // namespace

std::string alsa_message_text(const char* file, int line, const char* function,
                              const std::string& message, const std::string& error) {
    std::string text = "ALSA: ";
    if (file != nullptr) {
        // ALSA passes its source path; the file name is enough.
        std::string_view path(file);
        text += path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1);
        text += ":" + std::to_string(line) + " ";
    }
    if (function != nullptr) {
        text += "(" + std::string(function) + "): ";
    }
    text += message;
    if (!error.empty()) {
        text += ": " + error;
    }
    return text;
}

std::optional<std::string> alsa_log_line(int number, std::string message) {
    if (number <= alsa_messages_kept) {
        return message;
    }
    if (number == alsa_messages_kept + 1) {
        return "ALSA: its further messages are left out of the log";
    }
    return std::nullopt;
}

void route_alsa_messages_to_log() {
    snd_lib_error_set_handler(alsa_handler);
}

}  // namespace sk
