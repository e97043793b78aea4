#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"
#include "core/history/history.hpp"
#include "scoped_env.hpp"
#include "temp_dir.hpp"
#include "unprivileged.hpp"

using namespace std::chrono;
using sk::HistoryRecord;
using sk::RecordOutcome;

namespace {

HistoryRecord sample_record(std::string entry, RecordOutcome outcome, seconds active) {
    HistoryRecord record;
    record.start = sys_days{2026y / November / 23} + 6h + 0min + 12s;
    record.utc_offset = 1h;
    record.occurrence = entry.empty() ? "" : entry + "@2026-11-23";
    record.entry = std::move(entry);
    record.routine = "full";
    record.outcome = outcome;
    record.active = active;
    return record;
}

// Six records of varied shape, for the cut and flip tests.
std::vector<HistoryRecord> six_records() {
    std::vector<HistoryRecord> records{
        sample_record("Morning stretch", RecordOutcome::started, 0s),
        sample_record("Morning stretch", RecordOutcome::completed, 312s),
        sample_record("Frühdehnung für Käthe", RecordOutcome::stopped, 95s),
        sample_record("夜のストレッチ", RecordOutcome::missed, 0s),
        sample_record("", RecordOutcome::completed, 480s),
        sample_record("Tab\tand\nnewline\\", RecordOutcome::completed, 61s),
    };
    records[3].utc_offset = 9h;
    records[4].utc_offset = -(5h + 30min);
    return records;
}

std::string encode_all(const std::vector<HistoryRecord>& records) {
    std::string bytes;
    for (const auto& record : records) {
        bytes += sk::encode_record(record);
    }
    return bytes;
}

// A CRC-32 written independently of the one under test (bit by bit, no table).
std::string with_checksum(const std::string& body) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char byte : body) {
        crc ^= byte;
        for (int bit = 0; bit < 8; ++bit) {
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
        }
    }
    char hex[16];
    std::snprintf(hex, sizeof hex, "%08x", crc ^ 0xFFFFFFFFu);
    return body + "\t" + hex;
}

using TempDir = sk::test::TempDir;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

}  // namespace

TEST_CASE("a record is one checksummed, human-readable line") {
    HistoryRecord record = sample_record("Morning stretch", RecordOutcome::completed, 312s);
    CHECK(sk::encode_record(record) ==
          "1\t2026-11-23T07:00:12+01:00\tMorning stretch@2026-11-23\tMorning stretch\tfull\t"
          "completed\t312\tfb123815\n");

    HistoryRecord odd;
    odd.start = sys_days{2027y / January / 4} + 5h + 15min;
    odd.utc_offset = -(5h + 30min);
    odd.occurrence = "\\t@x";
    odd.entry = "Frühdehnung\t\n";
    odd.routine = "朝";
    odd.outcome = RecordOutcome::missed;
    CHECK(sk::encode_record(odd) ==
          "1\t2027-01-03T23:45:00-05:30\t\\\\t@x\tFrühdehnung\\t\\n\t朝\tmissed\t0\tddb70e95\n");
}

TEST_CASE("every record reads back exactly as it was written") {
    auto outcome =
        GENERATE(RecordOutcome::started, RecordOutcome::completed, RecordOutcome::stopped,
                 RecordOutcome::missed, RecordOutcome::unattended, RecordOutcome::partly);
    auto entry = GENERATE(as<std::string>{}, "", "Morning stretch", "Abenddehnung für Jürgen",
                          "寝る前のストレッチ", "tab\there", "new\nline", "cr\rlf\n",
                          "back\\slash\\", "\\t is not a tab", "a\t\t\\\n\r\\n");
    auto offset = GENERATE(0s, seconds{1h}, seconds{-(9h + 30min)}, seconds{5h + 45min},
                           seconds{53min + 28s});
    HistoryRecord record = sample_record(entry, outcome, 4321s);
    record.routine = entry + "-routine";
    record.utc_offset = offset;
    std::string line = sk::encode_record(record);
    CAPTURE(line);
    REQUIRE(line.back() == '\n');
    // One record is one line: no raw newline or tab may leak out of a text field.
    CHECK(line.find('\n') == line.size() - 1);
    CHECK(std::count(line.begin(), line.end(), '\t') == 7);
    auto decoded = sk::decode_record(std::string_view(line).substr(0, line.size() - 1));
    REQUIRE(decoded);
    CHECK(*decoded == record);
}

TEST_CASE("a line that fails to decode is skipped with a warning naming its line") {
    const std::string good_body =
        "1\t2026-11-23T07:00:12+01:00\tMorning stretch@2026-11-23\tMorning stretch\tfull\t"
        "completed\t312";
    const std::string good = with_checksum(good_body);
    REQUIRE(sk::decode_record(good));

    auto [line, why] = GENERATE_COPY(table<std::string, std::string>({
        {good_body + "\tfb123816", "wrong checksum"},
        {good_body + "\tFB123815", "checksum in upper case"},
        {good_body + "\tfb12381", "checksum too short"},
        {good_body + "\t0xfb1238", "checksum with a prefix"},
        {good_body, "no checksum"},
        {"x", "not a record at all"},
        {with_checksum(good_body + "\textra"), "too many fields"},
        {with_checksum(good_body.substr(0, good_body.rfind('\t'))), "too few fields"},
        {with_checksum(good_body.substr(0, good_body.size() - 3) + "3x2"), "bad number"},
        {with_checksum(good_body.substr(0, good_body.size() - 3) + "+312"), "number with plus"},
        {with_checksum(good_body.substr(0, good_body.size() - 3)), "empty number"},
        {with_checksum(good_body.substr(0, good_body.size() - 3) + "99999999999999999999"),
         "number too big"},
        {with_checksum("1\t2026-02-30T07:00:12+01:00\tk\te\tr\tmissed\t0"), "no such date"},
        {with_checksum("1\t2026-11-23T24:00:00+01:00\tk\te\tr\tmissed\t0"), "hour 24"},
        {with_checksum("1\t2026-11-23 07:00:12+01:00\tk\te\tr\tmissed\t0"), "space for T"},
        {with_checksum("1\t2026-11-23T07:00:12\tk\te\tr\tmissed\t0"), "no offset"},
        {with_checksum("1\t2026-11-23T07:00:12Z\tk\te\tr\tmissed\t0"), "Z offset"},
        {with_checksum("1\t2026-11-23T07:00:12*01:00\tk\te\tr\tmissed\t0"), "bad offset sign"},
        {with_checksum("1\t2026-11-23T07:00:12+01:00\tk\\x\te\tr\tmissed\t0"), "bad escape"},
        {with_checksum("1\t2026-11-23T07:00:12+01:00\tk\te\\\tr\tmissed\t0"), "lone backslash"},
    }));
    CAPTURE(why, line);
    CHECK_FALSE(sk::decode_record(line));
    auto load = sk::parse_history(good + "\n" + line + "\n" + good + "\n", "history.log");
    CHECK(load.records.size() == 2);
    CHECK(load.warnings == std::vector<std::string>{"history.log:2: skipped a damaged record"});
}

TEST_CASE("a whole line of a kind or version this build does not know is skipped in its words") {
    const std::string good = with_checksum(
        "1\t2026-11-23T07:00:12+01:00\tMorning stretch@2026-11-23\tMorning stretch\tfull\t"
        "completed\t312");
    const std::string morning = "1\t2026-11-23T07:00:12+01:00\tk\te\tr\t";
    auto [line, warning] = GENERATE_COPY(table<std::string, std::string>({
        {with_checksum(morning + "paused\t0"),
         "skipped a record of an unknown kind 'paused' (written by a newer version?)"},
        {with_checksum(morning + "done\t0"),
         "skipped a record of an unknown kind 'done' (written by a newer version?)"},
        {with_checksum(morning + "\t0"),
         "skipped a record of an unknown kind '' (written by a newer version?)"},
        // A kind damaged on its way (a flipped bit) fails the checksum: damaged, not unknown.
        {with_checksum(morning + "completed\t0").replace(morning.size(), 1, "C"),
         "skipped a damaged record"},
        {with_checksum(morning + "Completed\t0"),
         "skipped a record of an unknown kind 'Completed' (written by a newer version?)"},
        {with_checksum(morning + "stretched-for-a-long-while\t0"),
         "skipped a record of an unknown kind 'stretched-for-a-long...' (written by a newer "
         "version?)"},
        {with_checksum("2" + good.substr(1, good.rfind('\t') - 1)),
         "skipped a record of an unknown version '2' (written by a newer version?)"},
        {with_checksum("1.0" + good.substr(1, good.rfind('\t') - 1)),
         "skipped a record of an unknown version '1.0' (written by a newer version?)"},
    }));
    CAPTURE(line);
    CHECK_FALSE(sk::decode_record(line));
    // Nothing else is lost: the records around it load, the next one is still read.
    auto load = sk::parse_history(good + "\n" + line + "\n" + good + "\n", "history.log");
    CHECK(load.records.size() == 2);
    CHECK(load.warnings == std::vector<std::string>{"history.log:2: " + warning});
}

TEST_CASE("the newer kinds are lines an older build reads as one skipped record each") {
    // An older build knows started, completed, stopped and missed: the newer kinds keep the line
    // format (8 fields, checksum last), so it skips them as damaged and keeps everything else.
    for (auto outcome : {RecordOutcome::unattended, RecordOutcome::partly}) {
        const std::string line = sk::encode_record(sample_record("Morning", outcome, 300s));
        CHECK(std::count(line.begin(), line.end(), '\t') == 7);
        CHECK(line.substr(0, 2) == "1\t");
    }
    CHECK(sk::encode_record(sample_record("Morning", RecordOutcome::partly, 300s)) ==
          with_checksum("1\t2026-11-23T07:00:12+01:00\tMorning@2026-11-23\tMorning\tfull\t"
                        "partly\t300") +
              "\n");
    CHECK(sk::encode_record(sample_record("Morning", RecordOutcome::unattended, 0s)) ==
          with_checksum("1\t2026-11-23T07:00:12+01:00\tMorning@2026-11-23\tMorning\tfull\t"
                        "unattended\t0") +
              "\n");
}

TEST_CASE("a last line without its newline is a torn write") {
    std::string line =
        sk::encode_record(sample_record("Morning stretch", RecordOutcome::missed, 0s));
    auto load = sk::parse_history(line + line.substr(0, line.size() - 1), "/var/h.log");
    CHECK(load.records.size() == 1);
    CHECK(load.warnings ==
          std::vector<std::string>{"/var/h.log:2: skipped a record cut short (power loss?)"});
    CHECK(sk::parse_history("", "h").records.empty());
    CHECK(sk::parse_history("\n\n", "h").warnings.empty());
}

TEST_CASE("a file cut at any byte keeps every whole record before the cut") {
    const auto records = six_records();
    const std::string bytes = encode_all(records);
    std::vector<std::size_t> line_ends;  // offset just past each record's newline
    for (std::size_t at = bytes.find('\n'); at != std::string::npos;
         at = bytes.find('\n', at + 1)) {
        line_ends.push_back(at + 1);
    }
    REQUIRE(line_ends.size() == records.size());

    for (std::size_t cut = 0; cut <= bytes.size(); ++cut) {
        CAPTURE(cut);
        auto load = sk::parse_history(std::string_view(bytes).substr(0, cut), "h.log");
        std::size_t whole = static_cast<std::size_t>(
            std::upper_bound(line_ends.begin(), line_ends.end(), cut) - line_ends.begin());
        REQUIRE(load.records.size() == whole);
        CHECK(std::equal(load.records.begin(), load.records.end(), records.begin()));
        bool at_boundary = cut == 0 || (whole > 0 && line_ends[whole - 1] == cut);
        if (at_boundary) {
            CHECK(load.warnings.empty());
        } else {
            CHECK(load.warnings == std::vector<std::string>{"h.log:" + std::to_string(whole + 1) +
                                                            ": skipped a record cut short (power "
                                                            "loss?)"});
        }
    }
}

TEST_CASE("a damaged byte costs only the record it is in") {
    const auto records = six_records();
    const std::size_t victim = 2;
    std::vector<HistoryRecord> others = records;
    others.erase(others.begin() + victim);
    const std::string before = encode_all({records.begin(), records.begin() + victim});
    const std::string line = sk::encode_record(records[victim]);
    const std::string after = encode_all({records.begin() + victim + 1, records.end()});

    for (std::size_t at = 0; at < line.size(); ++at) {
        // Every single-bit flip, and every bit at once; the newline included.
        for (unsigned mask : {1u, 2u, 4u, 8u, 16u, 32u, 64u, 128u, 255u}) {
            std::string damaged = line;
            damaged[at] = static_cast<char>(static_cast<unsigned char>(damaged[at]) ^ mask);
            CAPTURE(at, mask, damaged);
            auto load = sk::parse_history(before + damaged + after, "h.log");
            CHECK(load.records == others);
            // Two warnings when the damage made a newline and split the record in two.
            CHECK((load.warnings.size() == 1 || load.warnings.size() == 2));
            for (const auto& warning : load.warnings) {
                CHECK(warning.find(": skipped a damaged record") != std::string::npos);
            }
        }
    }
}

TEST_CASE("appending after a torn last line removes it first: what load skipped stays skipped") {
    TempDir dir;
    const std::string path = dir / "history.log";
    const auto records = six_records();
    const std::string whole = encode_all({records.begin(), records.begin() + 2});
    sk::HistoryFile file(path);

    SECTION("torn in the middle of a record") {
        std::string torn = sk::encode_record(records[2]).substr(0, 20);
        write_file(path, whole + torn);
        REQUIRE(file.load().records.size() == 2);
        REQUIRE(file.append(records[3]).empty());
        REQUIRE(file.append(records[4]).empty());
        CHECK(read_file(path) ==
              whole + sk::encode_record(records[3]) + sk::encode_record(records[4]));
        auto load = file.load();
        CHECK(load.records ==
              std::vector<HistoryRecord>{records[0], records[1], records[3], records[4]});
        CHECK(load.warnings.empty());
    }
    SECTION("torn just before its newline: the record was skipped and does not come back") {
        // A kiosk killed while writing `started` left the whole line but its newline. The next
        // start skipped it, so the occurrence was offered again; ending the old line with a
        // newline would then give the occurrence two sessions.
        std::string line = sk::encode_record(records[2]);
        write_file(path, whole + line.substr(0, line.size() - 1));
        REQUIRE(file.load().records.size() == 2);
        REQUIRE(file.append(records[3]).empty());
        auto load = file.load();
        CHECK(load.records == std::vector<HistoryRecord>{records[0], records[1], records[3]});
        CHECK(load.warnings.empty());
        CHECK(read_file(path) == whole + sk::encode_record(records[3]));
    }
    SECTION("a file with no whole line at all") {
        write_file(path, "1\t2026-11-2");
        REQUIRE(file.append(records[0]).empty());
        CHECK(read_file(path) == sk::encode_record(records[0]));
    }
    SECTION("a whole file gets no extra newline") {
        write_file(path, whole);
        REQUIRE(file.append(records[3]).empty());
        CHECK(read_file(path) == whole + sk::encode_record(records[3]));
    }
}

TEST_CASE("repair brings the file back to whole lines and says what it removed") {
    TempDir dir;
    const std::string path = dir / "history.log";
    const auto records = six_records();
    const std::string whole = encode_all({records.begin(), records.begin() + 3});
    sk::HistoryFile file(path);

    SECTION("a missing file is left alone") {
        CHECK(file.repair().done.empty());
        CHECK(file.repair().error.empty());
        CHECK_FALSE(std::filesystem::exists(path));
    }
    SECTION("a whole file is left alone") {
        write_file(path, whole);
        sk::HistoryRepair repaired = file.repair();
        CHECK(repaired.done.empty());
        CHECK(repaired.error.empty());
        CHECK(read_file(path) == whole);
    }
    SECTION("a torn tail is cut, at every length") {
        const std::string line = sk::encode_record(records[3]);
        for (std::size_t cut = 1; cut < line.size(); ++cut) {
            CAPTURE(cut);
            write_file(path, whole + line.substr(0, cut));
            sk::HistoryRepair repaired = file.repair();
            CHECK(repaired.error.empty());
            CHECK(repaired.done == path + ": removed " + std::to_string(cut) +
                                       " bytes of a record cut short (power loss?)");
            CHECK(read_file(path) == whole);
            CHECK(file.load().warnings.empty());
        }
    }
    SECTION("a tail longer than the blocks it is read in") {
        write_file(path, whole + std::string(10000, 'x'));
        CHECK(file.repair().done ==
              path + ": removed 10000 bytes of a record cut short (power loss?)");
        CHECK(read_file(path) == whole);
    }
}

TEST_CASE("records survive a writer killed at random moments") {
    TempDir dir;
    const std::string path = dir / "history.log";
    constexpr int writers = 200;
    std::mt19937 random(20261123);
    std::uniform_int_distribution<int> lifetime_us(0, 6000);

    for (int writer = 0; writer < writers; ++writer) {
        pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            sk::HistoryFile file(path);
            for (long number = 0;; ++number) {
                HistoryRecord record =
                    sample_record("Morning stretch", RecordOutcome::completed, seconds{number});
                record.routine = "writer-" + std::to_string(writer);
                if (!file.append(record).empty()) {
                    ::_exit(1);
                }
            }
        }
        ::usleep(static_cast<useconds_t>(lifetime_us(random)));
        ::kill(child, SIGKILL);
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        REQUIRE(WIFSIGNALED(status));  // not an exit: the appends never failed
    }

    // SIGKILL can cut a write short anywhere (on tmpfs, between pages), so the last writer may
    // have left a torn tail; every writer before it found its predecessor's torn tail and
    // removed it before appending. So every line is whole but perhaps the last.
    const std::string bytes = read_file(path);
    const std::size_t whole_end = bytes.rfind('\n') + 1;
    CHECK(sk::parse_history(bytes.substr(0, whole_end), path).warnings.empty());
    auto load = sk::HistoryFile(path).load();
    INFO(load.records.size() << " records");
    CHECK(load.records.size() > 0);
    if (whole_end == bytes.size()) {
        CHECK(load.warnings.empty());
    } else {
        CHECK(load.warnings ==
              std::vector<std::string>{path + ":" + std::to_string(load.records.size() + 1) +
                                       ": skipped a record cut short (power loss?)"});
    }
    // Each writer's records are all there, in order, with none missing between them.
    std::map<std::string, long> next_number;
    for (const auto& record : load.records) {
        CAPTURE(record.routine);
        CHECK(record.active.count() == next_number[record.routine]++);
    }
}

TEST_CASE("appending creates the directory, or says in one sentence why it cannot") {
    TempDir dir;

    SECTION("missing directories are created") {
        const std::string path = dir / "state/stretch-kiosk/history.log";
        auto record = sample_record("Morning stretch", RecordOutcome::completed, 312s);
        mode_t old_mask = ::umask(022);  // the mode check below must not depend on the caller's
        CHECK(sk::HistoryFile(path).append(record) == "");
        ::umask(old_mask);
        CHECK(sk::HistoryFile(path).load().records == std::vector<HistoryRecord>{record});
        CHECK((std::filesystem::status(path).permissions() & std::filesystem::perms::all) ==
              (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
               std::filesystem::perms::group_read | std::filesystem::perms::others_read));
    }
    SECTION("a read-only directory") {
        std::filesystem::create_directory(dir / "readonly");
        std::filesystem::permissions(
            dir / "readonly",
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec |
                std::filesystem::perms::group_read | std::filesystem::perms::group_exec |
                std::filesystem::perms::others_read | std::filesystem::perms::others_exec);
        auto attempt = [](std::string path) {
            return [path] {
                auto record = sample_record("Morning stretch", RecordOutcome::missed, 0s);
                try {
                    return sk::HistoryFile(path).append(record);
                } catch (...) {
                    return std::string("threw");
                }
            };
        };
        CHECK(sk::test::as_unprivileged_user(attempt(dir / "readonly/history.log")) ==
              "Could not open the history file " + (dir / "readonly/history.log") +
                  ": Permission denied.");
        CHECK(sk::test::as_unprivileged_user(attempt(dir / "readonly/state/history.log")) ==
              "Could not create the folder " + (dir / "readonly/state") +
                  " for the history: Permission denied.");
        CHECK_FALSE(std::filesystem::exists(dir / "readonly/history.log"));
    }
    SECTION("the path is a directory") {
        std::filesystem::create_directory(dir / "history.log");
        CHECK(sk::HistoryFile(dir / "history.log")
                  .append(sample_record("", RecordOutcome::completed, 1s)) ==
              "Could not open the history file " + (dir / "history.log") + ": Is a directory.");
    }
    SECTION("a file stands where the directory should be") {
        write_file(dir / "state", "");
        CHECK(sk::HistoryFile(dir / "state/history.log")
                  .append(sample_record("", RecordOutcome::completed, 1s)) ==
              "Could not create the folder " + (dir / "state") +
                  " for the history: Not a directory.");
    }
    SECTION("a FIFO does not hang the kiosk") {
        REQUIRE(::mkfifo((dir / "history.log").c_str(), 0644) == 0);
        CHECK(sk::HistoryFile(dir / "history.log")
                  .append(sample_record("", RecordOutcome::completed, 1s)) ==
              "Could not open the history file " + (dir / "history.log") +
                  ": No such device or address.");
    }
}

TEST_CASE("loading: a missing file is an empty history, a bad one a warning") {
    TempDir dir;
    const std::string path = dir / "history.log";

    SECTION("missing") {
        auto load = sk::HistoryFile(path).load();
        CHECK(load.records.empty());
        CHECK(load.warnings.empty());
    }
    SECTION("a directory") {
        std::filesystem::create_directory(path);
        CHECK(sk::HistoryFile(path).load().warnings ==
              std::vector<std::string>{path + ": could not read the history: Is a directory"});
    }
    SECTION("unreadable") {
        write_file(path, sk::encode_record(sample_record("", RecordOutcome::completed, 1s)));
        std::filesystem::permissions(path, std::filesystem::perms::owner_write);
        auto warnings = sk::test::as_unprivileged_user([&] {
            auto load = sk::HistoryFile(path).load();
            return std::to_string(load.records.size()) + " records; " +
                   (load.warnings.empty() ? "" : load.warnings[0]);
        });
        CHECK(warnings == "0 records; " + path + ": could not read the history: Permission denied");
    }
    SECTION("a FIFO") {
        REQUIRE(::mkfifo(path.c_str(), 0644) == 0);
        CHECK(sk::HistoryFile(path).load().warnings ==
              std::vector<std::string>{path +
                                       ": could not read the history: it is not a regular file"});
    }
    SECTION("damaged lines are named by the file's path") {
        auto line = sk::encode_record(sample_record("", RecordOutcome::completed, 1s));
        write_file(path, line + "garbage\n" + line);
        auto load = sk::HistoryFile(path).load();
        CHECK(load.records.size() == 2);
        CHECK(load.warnings == std::vector<std::string>{path + ":2: skipped a damaged record"});
    }
}

TEST_CASE("the state directory: flag, then systemd, then XDG, then home") {
    sk::test::ScopedEnv state("STATE_DIRECTORY", nullptr);
    sk::test::ScopedEnv xdg("XDG_STATE_HOME", nullptr);
    sk::test::ScopedEnv home("HOME", "/home/ada");

    CHECK(sk::resolve_state_dir("/srv/kiosk") == "/srv/kiosk");
    CHECK(sk::resolve_state_dir(std::nullopt) == "/home/ada/.local/state/stretch-kiosk");
    CHECK(sk::resolve_state_dir(std::string()) == "/home/ada/.local/state/stretch-kiosk");

    SECTION("XDG_STATE_HOME") {
        sk::test::ScopedEnv set("XDG_STATE_HOME", "/xdg/state");
        CHECK(sk::resolve_state_dir(std::nullopt) == "/xdg/state/stretch-kiosk");
        CHECK(sk::resolve_state_dir("/srv/kiosk") == "/srv/kiosk");
    }
    SECTION("an empty or relative XDG_STATE_HOME is ignored") {
        auto value = GENERATE("", "relative/state");
        sk::test::ScopedEnv set("XDG_STATE_HOME", value);
        CHECK(sk::resolve_state_dir(std::nullopt) == "/home/ada/.local/state/stretch-kiosk");
    }
    SECTION("STATE_DIRECTORY wins over XDG, and only its first entry counts") {
        sk::test::ScopedEnv set_xdg("XDG_STATE_HOME", "/xdg/state");
        auto [value, expected] = GENERATE(table<const char*, std::string>({
            {"/var/lib/stretch-kiosk", "/var/lib/stretch-kiosk"},
            {"/var/lib/stretch-kiosk:/var/lib/other", "/var/lib/stretch-kiosk"},
            {"", "/xdg/state/stretch-kiosk"},
            {":/var/lib/other", "/xdg/state/stretch-kiosk"},
        }));
        sk::test::ScopedEnv set_state("STATE_DIRECTORY", value);
        CHECK(sk::resolve_state_dir(std::nullopt) == expected);
        CHECK(sk::resolve_state_dir("/srv/kiosk") == "/srv/kiosk");
    }
    SECTION("no HOME: the user's home from the password database") {
        sk::test::ScopedEnv unset("HOME", nullptr);
        passwd* user = ::getpwuid(::getuid());
        REQUIRE(user != nullptr);
        CHECK(sk::resolve_state_dir(std::nullopt) ==
              std::string(user->pw_dir) + "/.local/state/stretch-kiosk");
    }
}
