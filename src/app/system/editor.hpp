// Editor: the user's text editor, found as crontab -e and visudo find it, run on one file.
#pragma once

#include <optional>
#include <string>

#include "core/config/location.hpp"

namespace sk {

// A shell command line that starts an editor ("nano", "emacs -nw", "code --wait").
struct EditorCommand {
    std::string command;
};

// $VISUAL, else $EDITOR (either may hold arguments), else the first of Debian's
// sensible-editor, editor (the system's chosen one), nano and vi found on $PATH. nullopt when
// there is none at all.
std::optional<EditorCommand> choose_editor(const EnvLookup& env);
std::optional<EditorCommand> choose_editor();

// How the editor ended.
struct EditorRun {
    bool started = false;  // false: the shell could not be started at all
    int exit_status = 0;   // the editor's status; 128 + N when signal N ended it
};

// Runs the editor on `file` with the terminal, through /bin/sh as git and crontab do ($EDITOR
// is a command line, not a path), and waits for it. Ctrl+C goes to the editor, not to us.
EditorRun run_editor(const EditorCommand& editor, const std::string& file);

}  // namespace sk
