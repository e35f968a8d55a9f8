// A mutex-guarded sink: the search worker thread logs too. Under systemd, where stderr is the
// journal, each line starts with its sd-daemon priority (<3> error ... <7> debug) instead of the
// level's name, so that `journalctl -p warning` selects by level.
#include "core/log.hpp"

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace ck::log {
namespace {

std::mutex& sink_mutex()
{
    static std::mutex m;
    return m;
}

// systemd puts "DEVICE:INODE" of the stream it gave the service in $JOURNAL_STREAM. Comparing it
// with stderr itself (not only checking that it is set) keeps `kiosk 2>file`, run from a
// service's shell, in the plain format.
bool stderr_is_journal()
{
    // NOLINTNEXTLINE(concurrency-mt-unsafe): read once, at the first line logged
    const char* stream = std::getenv("JOURNAL_STREAM");
    unsigned long long device = 0;
    unsigned long long inode = 0;
    char extra = 0;
    if (stream == nullptr || std::sscanf(stream, "%llu:%llu%c", &device, &inode, &extra) != 2) {
        return false;
    }
    struct stat st { };
    return fstat(STDERR_FILENO, &st) == 0 && static_cast<unsigned long long>(st.st_dev) == device
        && static_cast<unsigned long long>(st.st_ino) == inode;
}

int journal_priority(Level level)
{
    switch (level) {
    case Level::debug:
        return 7;
    case Level::info:
        return 6;
    case Level::warning:
        return 4;
    case Level::error:
        return 3;
    }
    return 6;
}

void stderr_sink(Level level, std::string_view component, std::string_view message)
{
    static const bool journal = stderr_is_journal();
    if (journal) {
        std::fprintf(stderr, "<%d>%.*s: %.*s\n", journal_priority(level), static_cast<int>(component.size()),
            component.data(), static_cast<int>(message.size()), message.data());
        return;
    }
    const std::string_view name = level_name(level);
    std::fprintf(stderr, "[%.*s] %.*s: %.*s\n", static_cast<int>(name.size()), name.data(),
        static_cast<int>(component.size()), component.data(), static_cast<int>(message.size()),
        message.data());
}

Sink& current_sink()
{
    static Sink sink = stderr_sink;
    return sink;
}

Level& min_level()
{
    static Level level = Level::info;
    return level;
}

} // namespace

Sink set_sink(Sink sink)
{
    const std::lock_guard lock(sink_mutex());
    return std::exchange(current_sink(), std::move(sink));
}

void set_min_level(Level level)
{
    const std::lock_guard lock(sink_mutex());
    min_level() = level;
}

void write(Level level, std::string_view component, std::string_view message)
{
    const std::lock_guard lock(sink_mutex());
    if (static_cast<int>(level) < static_cast<int>(min_level()) || !current_sink()) {
        return;
    }
    current_sink()(level, component, message);
}

std::string_view level_name(Level level)
{
    switch (level) {
    case Level::debug:
        return "debug";
    case Level::info:
        return "info";
    case Level::warning:
        return "warning";
    case Level::error:
        return "error";
    }
    return "?";
}

} // namespace ck::log
