#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/system/file_replace.hpp"
#include "catch.hpp"
#include "temp_dir.hpp"

namespace {

namespace fs = std::filesystem;
using sk::test::TempDir;

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> names_in(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

unsigned mode_of(const std::string& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 07777;
}

}  // namespace

TEST_CASE("a replaced file keeps its old contents beside it, and its mode") {
    TempDir dir("sk-replace");
    const std::string path = dir.file("config.yaml", "old\n");
    ::chmod(path.c_str(), 0640);

    sk::ReplaceResult result = sk::replace_file(path, "new\n", std::string("old\n"));
    CHECK(result.error.empty());
    REQUIRE(result.backup);
    CHECK(*result.backup == path + "~");
    CHECK(read(path) == "new\n");
    CHECK(read(path + "~") == "old\n");
    CHECK(mode_of(path) == 0640);
    CHECK(names_in(dir.path()) == std::vector<std::string>{"config.yaml", "config.yaml~"});

    // The next replacement keeps the then old file: one backup, the latest.
    result = sk::replace_file(path, "newer\n", std::string("new\n"));
    CHECK(result.error.empty());
    CHECK(read(path) == "newer\n");
    CHECK(read(path + "~") == "new\n");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"config.yaml", "config.yaml~"});
}

TEST_CASE("a file changed by someone else meanwhile is not replaced") {
    TempDir dir("sk-replace");
    const std::string path = dir.file("config.yaml", "theirs\n");
    sk::ReplaceResult result = sk::replace_file(path, "mine\n", std::string("what I read\n"));
    CHECK(result.error == path + " was changed by someone else meanwhile");
    CHECK_FALSE(result.backup);
    CHECK(read(path) == "theirs\n");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"config.yaml"});
}

TEST_CASE("a new file is written with no backup") {
    TempDir dir("sk-replace");
    const std::string path = dir.path("config.yaml");
    sk::ReplaceResult result = sk::replace_file(path, "first\n", std::nullopt);
    CHECK(result.error.empty());
    CHECK_FALSE(result.backup);
    CHECK(read(path) == "first\n");
    CHECK(mode_of(path) == 0644);
    CHECK(names_in(dir.path()) == std::vector<std::string>{"config.yaml"});
}

TEST_CASE("a file in a missing directory is refused, and nothing is written") {
    TempDir dir("sk-replace");
    const std::string path = dir.path("missing/config.yaml");
    CHECK(sk::replace_refusal(path) == "cannot change " + path + ": its directory " +
                                           dir.path("missing") +
                                           " is not writable (no such file or directory)");
    sk::ReplaceResult result = sk::replace_file(path, "text\n", std::nullopt);
    CHECK(result.error.starts_with("cannot write in " + dir.path("missing") + ": "));
    CHECK(names_in(dir.path()).empty());
}

TEST_CASE("a writable file in a writable directory may be replaced") {
    TempDir dir("sk-replace");
    CHECK(sk::replace_refusal(dir.file("config.yaml", "x")).empty());
    CHECK(sk::replace_refusal(dir.path("not-yet.yaml")).empty());
}
