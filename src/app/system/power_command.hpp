// CommandRunner: runs a configured program (argv, no shell) under a time limit, e.g. screen power.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace sk {

// Runs display.power_off_command / power_on_command. A command that fails or hangs must never
// stop the kiosk: each run returns within its time limit and reports one sentence at worst.
class CommandRunner {
  public:
    CommandRunner() = default;
    CommandRunner(const CommandRunner&) = delete;
    CommandRunner& operator=(const CommandRunner&) = delete;
    ~CommandRunner();

    // Runs `argv` (argv[0] looked up in $PATH; no shell) with stdin and stdout on /dev/null and
    // the start of stderr kept for the message. Returns "" on success (and for an empty argv),
    // else one sentence that starts with `what` ("screen off"):
    //   "screen off command 'wlopm' failed: exit status 1 (wlopm: no Wayland display)"
    //   "screen off command 'wlopm' timed out after 5 s"
    //   "screen off command 'wlopm' not found"
    // The whole run takes at most `limit` (plus a few milliseconds): the command's process group
    // gets SIGTERM a little before the limit (a fifth of it, at most 1 s) and SIGKILL at it. A
    // process that not even SIGKILL ends at once is reaped by a later run or the destructor.
    std::string run(std::string_view what, const std::vector<std::string>& argv,
                    std::chrono::milliseconds limit);

  private:
    void reap_leftovers();

    std::vector<pid_t> leftovers_;  // killed but not yet reaped
};

}  // namespace sk
