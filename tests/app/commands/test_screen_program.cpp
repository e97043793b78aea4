// Where stretch-kiosk looks for the screen program: beside itself (the build tree), then where the
// install puts it, relative to itself (any prefix, or a DESTDIR), then where it was configured.
#include <string>
#include <vector>

#include "app/commands/build_info.hpp"
#include "app/commands/screen_program.hpp"
#include "catch.hpp"

TEST_CASE("the screen program is looked for beside the program, then where it was installed") {
    const std::string installed(sk::screen_program_installed);
    // The default layout (GNUInstallDirs): bin/ and libexec/ side by side under the prefix.
    if (sk::screen_program_from_bindir != "../libexec/stretch-kiosk/stretch-kiosk-screen") {
        WARN("configured with another layout: " << sk::screen_program_from_bindir);
        return;
    }
    SECTION("in the build tree, or a copy of an installed tree") {
        CHECK(sk::screen_program_candidates("/work/build/stretch-kiosk") ==
              std::vector<std::string>{"/work/build/stretch-kiosk-screen",
                                       "/work/libexec/stretch-kiosk/stretch-kiosk-screen",
                                       installed});
        CHECK(sk::screen_program_candidates("/tmp/root/usr/bin/stretch-kiosk") ==
              std::vector<std::string>{"/tmp/root/usr/bin/stretch-kiosk-screen",
                                       "/tmp/root/usr/libexec/stretch-kiosk/stretch-kiosk-screen",
                                       installed});
    }
    SECTION("where it was installed: that path once") {
        const std::string bin = installed.substr(0, installed.find("/libexec/")) + "/bin";
        const std::vector<std::string> candidates =
            sk::screen_program_candidates(bin + "/stretch-kiosk");
        CHECK(candidates == std::vector<std::string>{bin + "/stretch-kiosk-screen", installed});
    }
}
