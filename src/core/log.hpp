// Logging for staff and developers. Lines go to a replaceable sink (stderr, which journald keeps,
// by default). Rule: nothing a visitor typed is ever passed here; tests capture the sink to prove it.
#pragma once

#include <functional>
#include <string_view>

namespace ck::log {

enum class Level { debug, info, warning, error };

using Sink = std::function<void(Level, std::string_view component, std::string_view message)>;

// Replaces the sink; returns the previous one so a test can restore it.
Sink set_sink(Sink sink);
void set_min_level(Level level);

void write(Level level, std::string_view component, std::string_view message);
inline void debug(std::string_view c, std::string_view m)
{
    write(Level::debug, c, m);
}
inline void info(std::string_view c, std::string_view m)
{
    write(Level::info, c, m);
}
inline void warning(std::string_view c, std::string_view m)
{
    write(Level::warning, c, m);
}
inline void error(std::string_view c, std::string_view m)
{
    write(Level::error, c, m);
}

std::string_view level_name(Level level);

} // namespace ck::log
