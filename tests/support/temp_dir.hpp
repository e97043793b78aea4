// TempDir: a fresh directory for one test, removed with everything in it when the test ends.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "catch.hpp"

namespace sk::test {

class TempDir {
  public:
    // `prefix` names the test in /tmp ("sk-history"), which helps when one is left behind.
    explicit TempDir(const std::string& prefix = "sk-test") {
        namespace fs = std::filesystem;
        std::string pattern = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
        // Others may enter: a test may drop privileges in a child to check a refused write.
        fs::permissions(path_, fs::perms::owner_all | fs::perms::group_read |
                                   fs::perms::group_exec | fs::perms::others_read |
                                   fs::perms::others_exec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        namespace fs = std::filesystem;
        std::error_code error;
        // A test may have made a directory read-only: give it back before removing it.
        for (const auto& item : fs::recursive_directory_iterator(path_, error)) {
            if (item.is_directory(error)) {
                fs::permissions(item.path(), fs::perms::owner_all, fs::perm_options::add, error);
            }
        }
        fs::remove_all(path_, error);
    }

    const std::string& path() const { return path_; }
    std::string path(const std::string& name) const { return path_ + "/" + name; }
    std::string operator/(const std::string& name) const { return path(name); }
    // Writes `content` to `name` inside and returns its path.
    std::string file(const std::string& name, const std::string& content) const {
        std::string where = path(name);
        std::ofstream(where, std::ios::binary) << content;
        return where;
    }

  private:
    std::string path_;
};

}  // namespace sk::test
