#include <fcntl.h>
#include <unistd.h>

#include <string>

#include "catch.hpp"
#include "core/files/file_io.hpp"
#include "temp_dir.hpp"

namespace {

using sk::test::TempDir;

}  // namespace

TEST_CASE("a whole file is read, and a missing one is nothing") {
    TempDir dir("sk-file-io");
    const std::string text("line one\n\0binary\xff\n", 18);
    CHECK(sk::read_file(dir.file("a", text)) == text);
    CHECK(sk::read_file(dir.file("empty", "")) == std::string());
    CHECK_FALSE(sk::read_file(dir.path("missing")));
}

TEST_CASE("write_all writes everything, and the descriptor closes once") {
    TempDir dir("sk-file-io");
    const std::string path = dir.path("out");
    const std::string text(200000, 'x');
    sk::FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    REQUIRE(fd.valid());
    CHECK(sk::write_all(fd.get(), text));
    CHECK(fd.close() == 0);
    CHECK_FALSE(fd.valid());
    CHECK(fd.close() == 0);  // a second close does nothing
    CHECK(sk::read_file(path) == text);
}

TEST_CASE("write_all on a bad descriptor fails") {
    CHECK_FALSE(sk::write_all(-1, "text"));
}
