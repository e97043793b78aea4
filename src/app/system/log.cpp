#include "app/system/log.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>

namespace sk {
namespace {

std::optional<unsigned long long> parse_number(std::string_view text) {
    unsigned long long value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc{} || ptr != end) {
        return std::nullopt;
    }
    return value;
}

LogSink stderr_sink() {
    const char* stream = std::getenv("JOURNAL_STREAM");
    struct stat info {};
    if (stream == nullptr || ::fstat(STDERR_FILENO, &info) != 0) {
        return LogSink::terminal;
    }
    return log_sink_for(std::string_view(stream), info.st_dev, info.st_ino);
}

}  // namespace

LogSink log_sink_for(std::optional<std::string_view> journal_stream, dev_t device, ino_t inode) {
    if (!journal_stream) {
        return LogSink::terminal;
    }
    const auto colon = journal_stream->find(':');
    if (colon == std::string_view::npos) {
        return LogSink::terminal;
    }
    const auto stream_device = parse_number(journal_stream->substr(0, colon));
    const auto stream_inode = parse_number(journal_stream->substr(colon + 1));
    const bool same = stream_device && stream_inode &&
                      *stream_device == static_cast<unsigned long long>(device) &&
                      *stream_inode == static_cast<unsigned long long>(inode);
    return same ? LogSink::journal : LogSink::terminal;
}

std::string format_log_line(LogSink sink, LogPriority priority, std::string_view sentence) {
    std::string line;
    if (sink == LogSink::journal) {
        line = "<" + std::to_string(static_cast<int>(priority)) + ">";
    } else if (priority == LogPriority::debug) {
        return line;
    } else {
        line = "stretch-kiosk: ";
    }
    line += sentence;
    line += '\n';
    return line;
}

void log_line(LogPriority priority, std::string_view sentence) {
    static const LogSink sink = stderr_sink();
    const std::string line = format_log_line(sink, priority, sentence);
    if (!line.empty()) {
        // One write per line: lines from one process never interleave mid-line in the journal.
        std::fwrite(line.data(), 1, line.size(), stderr);
    }
}

void log_line(std::string_view sentence) {
    log_line(LogPriority::info, sentence);
}

}  // namespace sk
