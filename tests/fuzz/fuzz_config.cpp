// A libFuzzer target over the config parser: any bytes in, a config or diagnostics out, never a
// crash, a hang, a leak or undefined behaviour (the build adds ASan and UBSan).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/config/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const sk::ConfigResult result = sk::parse_config(text, "fuzz.yaml");
    // Exactly one of the two: a config, or what is wrong with the text, each with a place.
    if (result.ok() != result.diagnostics.empty()) {
        __builtin_trap();
    }
    for (const sk::Diagnostic& diagnostic : result.diagnostics) {
        if (diagnostic.message.empty() || diagnostic.line < 0 || diagnostic.column < 0 ||
            diagnostic.file != "fuzz.yaml") {
            __builtin_trap();
        }
    }
    return 0;
}
