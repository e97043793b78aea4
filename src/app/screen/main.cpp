// The screen program (stretch-kiosk-screen): the modes that draw, started by stretch-kiosk in its
// own place (exec) with the same arguments: the kiosk, one timer-started session, and
// --render-screens.
#include <malloc.h>

#include <cstring>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "app/draw/picture.hpp"
#include "app/modes/kiosk.hpp"
#include "core/cli/command_line.hpp"

namespace {

// Why: glibc's malloc raises its mmap threshold each time a large block it mapped is freed, up to
// 32 MiB, and the trim threshold with it. After the first screen's text textures and the first
// phrases come and go, blocks of a few hundred KiB (a line of big type, a phrase's samples, a
// digit) are then carved from the heap, and the heap keeps its high-water mark for good. A fixed
// threshold keeps every block of 64 KiB or more in its own mapping, handed back to the kernel the
// moment it is freed. Measured (README.md, "How light it is"): 1.5 to 2.4 MiB less PSS in a
// 1080p hold.
void keep_large_blocks_returnable() {
    constexpr int threshold_bytes = 64 * 1024;
    mallopt(M_MMAP_THRESHOLD, threshold_bytes);
}

}  // namespace

int main(int argc, char** argv) {
    keep_large_blocks_returnable();
    if (argc == 2 && std::strcmp(argv[1], "--check-picture") == 0) {
        // For stretch-kiosk's config checks (app/commands/screen_program): an SVG on standard
        // input; what is wrong with it for the screen, if anything, on standard output.
        const std::string svg{std::istreambuf_iterator<char>(std::cin),
                              std::istreambuf_iterator<char>()};
        if (const auto problem = sk::picture_problem(svg)) {
            std::cout << *problem << '\n';
            return 1;
        }
        return 0;
    }
    std::vector<std::string> args(argv + 1, argv + argc);
    sk::ParsedOptions parsed = sk::parse_command_line(args);
    if (!parsed.options) {
        std::cerr << "stretch-kiosk: " << parsed.error << '\n';
        return sk::exit_bad_config;
    }
    const sk::Options& options = *parsed.options;
    switch (options.mode) {
        case sk::Mode::kiosk:
        case sk::Mode::session_once:
            return sk::run_kiosk(options);
        case sk::Mode::render_screens:
            return sk::run_render_screens(options);
        default:
            std::cerr << "stretch-kiosk: the screen program only draws: run stretch-kiosk for "
                         "this\n";
            return sk::exit_bad_config;
    }
}
