#include <map>
#include <set>
#include <string>
#include <vector>

#include "catch.hpp"
#include "core/config/location.hpp"

namespace {

struct FakeSystem {
    std::map<std::string, std::string> env;
    std::set<std::string> files;

    sk::ConfigLocation locate(const std::optional<std::string>& flag) const {
        return sk::locate_config(
            flag,
            [this](const char* name) -> std::optional<std::string> {
                auto it = env.find(name);
                return it == env.end() ? std::nullopt : std::optional(it->second);
            },
            [this](const std::string& path) { return files.count(path) > 0; });
    }
};

}  // namespace

TEST_CASE("config search order: flag, XDG, /etc, built-in") {
    FakeSystem system;
    system.env = {{"HOME", "/home/ada"}};
    CHECK_FALSE(system.locate(std::nullopt).path);

    system.files.insert("/etc/stretch-kiosk/config.yaml");
    CHECK(system.locate(std::nullopt).path == "/etc/stretch-kiosk/config.yaml");

    system.files.insert("/home/ada/.config/stretch-kiosk/config.yaml");
    CHECK(system.locate(std::nullopt).path == "/home/ada/.config/stretch-kiosk/config.yaml");

    system.env["XDG_CONFIG_HOME"] = "/xdg";
    CHECK(system.locate(std::nullopt).path == "/etc/stretch-kiosk/config.yaml");
    system.files.insert("/xdg/stretch-kiosk/config.yaml");
    CHECK(system.locate(std::nullopt).path == "/xdg/stretch-kiosk/config.yaml");

    // An explicit file wins even when it does not exist: the loader then reports it.
    CHECK(system.locate(std::string("/nowhere.yaml")).path == "/nowhere.yaml");
}

TEST_CASE("an empty XDG_CONFIG_HOME falls back to ~/.config") {
    FakeSystem system;
    system.env = {{"HOME", "/home/ada"}, {"XDG_CONFIG_HOME", ""}};
    system.files.insert("/home/ada/.config/stretch-kiosk/config.yaml");
    CHECK(system.locate(std::nullopt).path == "/home/ada/.config/stretch-kiosk/config.yaml");
}

TEST_CASE("the paths a running kiosk watches are the whole search order") {
    auto env_of = [](std::map<std::string, std::string> values) {
        return [values](const char* name) -> std::optional<std::string> {
            auto it = values.find(name);
            return it == values.end() ? std::nullopt : std::optional(it->second);
        };
    };
    using Paths = std::vector<std::string>;
    CHECK(sk::config_search_paths(std::nullopt, env_of({{"HOME", "/home/ada"}})) ==
          Paths{"/home/ada/.config/stretch-kiosk/config.yaml", "/etc/stretch-kiosk/config.yaml"});
    CHECK(sk::config_search_paths(std::nullopt,
                                  env_of({{"HOME", "/home/ada"}, {"XDG_CONFIG_HOME", "/xdg"}})) ==
          Paths{"/xdg/stretch-kiosk/config.yaml", "/etc/stretch-kiosk/config.yaml"});
    CHECK(sk::config_search_paths(std::nullopt, env_of({})) ==
          Paths{"/etc/stretch-kiosk/config.yaml"});
    // With --config only that file counts, even while it is missing.
    CHECK(sk::config_search_paths(std::string("/srv/my.yaml"), env_of({{"HOME", "/home/ada"}})) ==
          Paths{"/srv/my.yaml"});
}
