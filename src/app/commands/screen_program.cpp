#include "app/commands/screen_program.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <ostream>

#include "app/commands/build_info.hpp"
#include "app/commands/timer_install.hpp"
#include "core/cli/command_line.hpp"

namespace sk {

std::vector<std::string> screen_program_candidates(const std::string& self) {
    const std::filesystem::path dir = std::filesystem::path(self).parent_path();
    std::vector<std::string> candidates{
        (dir / screen_program_name).string(),
        (dir / screen_program_from_bindir).lexically_normal().string(),
    };
    if (std::find(candidates.begin(), candidates.end(), screen_program_installed) ==
        candidates.end()) {
        candidates.emplace_back(screen_program_installed);
    }
    return candidates;
}

int exec_screen_program(char** argv, std::ostream& err) {
    const std::string self = own_program_path("stretch-kiosk");
    for (const std::string& path : screen_program_candidates(self)) {
        ::execv(path.c_str(), argv);
        if (errno != ENOENT && errno != ENOTDIR) {
            err << "stretch-kiosk: cannot start the screen program " << path << ": "
                << std::strerror(errno) << '\n';
            return exit_failure;
        }
    }
    err << "stretch-kiosk: cannot start the screen: there is no " << screen_program_name
        << " beside " << self << " nor in "
        << std::filesystem::path(std::string(screen_program_installed)).parent_path().string()
        << " (reinstall stretch-kiosk)\n";
    return exit_failure;
}

}  // namespace sk
