#include <alsa/asoundlib.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "app/system/alsa_messages.hpp"
#include "catch.hpp"
#include "temp_dir.hpp"

namespace {

// What `action` writes to stderr (fd 2, where ALSA prints by itself).
template <typename Action>
std::string stderr_of(const std::string& file, Action action) {
    std::fflush(stderr);
    const int saved = ::dup(STDERR_FILENO);
    std::FILE* out = std::fopen(file.c_str(), "w");
    REQUIRE(out != nullptr);
    ::dup2(::fileno(out), STDERR_FILENO);
    action();
    std::fflush(stderr);
    ::dup2(saved, STDERR_FILENO);
    ::close(saved);
    std::fclose(out);
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void open_missing_device() {
    snd_pcm_t* pcm = nullptr;
    if (snd_pcm_open(&pcm, "no_such_device_stretch_kiosk", SND_PCM_STREAM_PLAYBACK, 0) == 0) {
        snd_pcm_close(pcm);
    }
}

}  // namespace

TEST_CASE("an ALSA message reads as one line with its source place") {
    CHECK(sk::alsa_message_text("../../src/pcm/pcm.c", 2666, "snd_pcm_open_noupdate",
                                "Unknown PCM nowhere", "") ==
          "ALSA: pcm.c:2666 (snd_pcm_open_noupdate): Unknown PCM nowhere");
    CHECK(sk::alsa_message_text("confmisc.c", 767, "parse_card", "cannot find card '0'",
                                "No such device") ==
          "ALSA: confmisc.c:767 (parse_card): cannot find card '0': No such device");
    CHECK(sk::alsa_message_text(nullptr, 0, nullptr, "odd", "") == "ALSA: odd");
}

TEST_CASE("a process logs ALSA's first messages, then says the rest are left out") {
    for (int number = 1; number <= sk::alsa_messages_kept; ++number) {
        CHECK(sk::alsa_log_line(number, "ALSA: x") == "ALSA: x");
    }
    CHECK(sk::alsa_log_line(sk::alsa_messages_kept + 1, "ALSA: x") ==
          "ALSA: its further messages are left out of the log");
    CHECK_FALSE(sk::alsa_log_line(sk::alsa_messages_kept + 2, "ALSA: x"));
    CHECK_FALSE(sk::alsa_log_line(1000, "ALSA: x"));
}

TEST_CASE("ALSA's own lines leave stderr once they are routed into the log") {
    sk::test::TempDir dir;
    // By itself ALSA prints "ALSA lib pcm.c:...: Unknown PCM ..." for a device that is not there.
    const std::string before = stderr_of(dir.path() + "/before", open_missing_device);
    CHECK(before.find("ALSA lib") != std::string::npos);

    sk::route_alsa_messages_to_log();
    // Now it is a debug line of our log, which a terminal leaves out (the journal keeps it).
    const std::string after = stderr_of(dir.path() + "/after", open_missing_device);
    CHECK(after.empty());
}
