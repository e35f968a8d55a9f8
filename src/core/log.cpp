// A mutex-guarded sink: the search worker thread logs too.
#include "core/log.hpp"

#include <cstdio>
#include <mutex>
#include <utility>

namespace ck::log {
namespace {

std::mutex& sink_mutex()
{
    static std::mutex m;
    return m;
}

void stderr_sink(Level level, std::string_view component, std::string_view message)
{
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
