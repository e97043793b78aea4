#include <sys/stat.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "app/system/editor.hpp"
#include "catch.hpp"
#include "temp_dir.hpp"

namespace {

using sk::test::TempDir;

sk::EnvLookup env_of(std::map<std::string, std::string> values) {
    return [values](const char* name) -> std::optional<std::string> {
        auto found = values.find(name);
        return found == values.end() ? std::nullopt : std::optional<std::string>(found->second);
    };
}

void make_program(const std::string& path) {
    std::ofstream(path) << "#!/bin/sh\nexit 0\n";
    ::chmod(path.c_str(), 0755);
}

std::string read(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("the editor is found as crontab -e finds it") {
    TempDir bin("sk-editor");
    const std::string empty_path = bin.path();
    struct Row {
        std::map<std::string, std::string> env;
        std::optional<std::string> expected;
    };
    const std::vector<Row> rows = {
        {{{"VISUAL", "vim"}, {"EDITOR", "nano"}, {"PATH", empty_path}}, "vim"},
        {{{"EDITOR", "emacs -nw"}, {"PATH", empty_path}}, "emacs -nw"},
        {{{"VISUAL", "  "}, {"EDITOR", "nano"}, {"PATH", empty_path}}, "nano"},  // blank: unset
        {{{"VISUAL", ""}, {"PATH", empty_path}}, std::nullopt},
        {{{"PATH", empty_path}}, std::nullopt},
    };
    for (const Row& row : rows) {
        auto editor = sk::choose_editor(env_of(row.env));
        CHECK((editor ? std::optional(editor->command) : std::nullopt) == row.expected);
    }

    // With neither variable, the first of Debian's choices found on PATH.
    make_program(bin.path("vi"));
    CHECK(sk::choose_editor(env_of({{"PATH", "/nowhere:" + empty_path}}))->command == "vi");
    make_program(bin.path("nano"));
    CHECK(sk::choose_editor(env_of({{"PATH", empty_path}}))->command == "nano");
    make_program(bin.path("sensible-editor"));
    CHECK(sk::choose_editor(env_of({{"PATH", empty_path}}))->command == "sensible-editor");
}

TEST_CASE("the editor runs through the shell with the file as one word") {
    TempDir dir("sk-editor");
    const std::string file = dir.file("my config.yaml", "before\n");
    // $EDITOR is a command line: its own arguments come first, the file last.
    sk::EditorRun run = sk::run_editor({"sed -i s/before/after/"}, file);
    CHECK(run.started);
    CHECK(run.exit_status == 0);
    CHECK(read(file) == "after\n");

    CHECK(sk::run_editor({"exit 3;"}, file).exit_status == 3);
    CHECK(sk::run_editor({"kill -TERM $$;"}, file).exit_status == 128 + 15);
}
