#include "app/system/editor.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <string_view>

namespace sk {
namespace {

bool on_path(const std::string& program, const EnvLookup& env) {
    const std::string path = env("PATH").value_or("/usr/local/bin:/usr/bin:/bin");
    std::string_view rest = path;
    while (true) {
        const auto colon = rest.find(':');
        std::string candidate(rest.substr(0, colon));
        candidate.append(candidate.empty() ? "./" : "/").append(program);
        if (::access(candidate.c_str(), X_OK) == 0) {
            return true;
        }
        if (colon == std::string_view::npos) {
            return false;
        }
        rest.remove_prefix(colon + 1);
    }
}

// Ignores SIGINT and SIGQUIT while it lives: the editor shares our terminal, and a Ctrl+C meant
// for it must not end us and leave the edit behind.
class IgnoredInterrupts {
  public:
    IgnoredInterrupts() {
        struct sigaction ignore {};
        ignore.sa_handler = SIG_IGN;
        ::sigemptyset(&ignore.sa_mask);
        ::sigaction(SIGINT, &ignore, &old_interrupt_);
        ::sigaction(SIGQUIT, &ignore, &old_quit_);
    }
    IgnoredInterrupts(const IgnoredInterrupts&) = delete;
    IgnoredInterrupts& operator=(const IgnoredInterrupts&) = delete;
    ~IgnoredInterrupts() {
        ::sigaction(SIGINT, &old_interrupt_, nullptr);
        ::sigaction(SIGQUIT, &old_quit_, nullptr);
    }

  private:
    struct sigaction old_interrupt_ {};
    struct sigaction old_quit_ {};
};

}  // namespace

std::optional<EditorCommand> choose_editor(const EnvLookup& env) {
    for (const char* name : {"VISUAL", "EDITOR"}) {
        if (auto value = env(name); value && value->find_first_not_of(" \t") != std::string::npos) {
            return EditorCommand{*value};
        }
    }
    for (const char* program : {"sensible-editor", "editor", "nano", "vi"}) {
        if (on_path(program, env)) {
            return EditorCommand{program};
        }
    }
    return std::nullopt;
}

std::optional<EditorCommand> choose_editor() {
    return choose_editor([](const char* name) -> std::optional<std::string> {
        const char* value = std::getenv(name);
        return value ? std::optional<std::string>(value) : std::nullopt;
    });
}

EditorRun run_editor(const EditorCommand& editor, const std::string& file) {
    IgnoredInterrupts ignored;
    // sh -c 'EDITOR "$@"' sh FILE: the file stays one word whatever it holds.
    const std::string script = editor.command + " \"$@\"";
    const pid_t child = ::fork();
    if (child < 0) {
        return {};
    }
    if (child == 0) {
        ::signal(SIGINT, SIG_DFL);
        ::signal(SIGQUIT, SIG_DFL);
        ::execl("/bin/sh", "sh", "-c", script.c_str(), "sh", file.c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(child, &status, 0) < 0) {
        if (errno != EINTR) {
            return {};
        }
    }
    EditorRun run;
    run.started = true;
    if (WIFEXITED(status)) {
        run.exit_status = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        run.exit_status = 128 + WTERMSIG(status);
    }
    return run;
}

}  // namespace sk
