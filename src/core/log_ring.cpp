// A mutex of its own: the sink is called under the log's mutex, and the staff screen reads the
// ring from the UI thread while a worker may be logging.
#include "core/log_ring.hpp"

#include <utility>

namespace ck::log {

Ring::Ring(std::size_t capacity, std::function<Millis()> now)
    : m_capacity(capacity == 0 ? 1 : capacity)
    , m_now(std::move(now))
{
}

Sink Ring::tee(Sink next)
{
    return [this, next = std::move(next)](Level level, std::string_view component, std::string_view message) {
        keep(level, component, message);
        if (next) {
            next(level, component, message);
        }
    };
}

void Ring::keep(Level level, std::string_view component, std::string_view message)
{
    const Millis time = m_now ? m_now() : Millis { 0 };
    const std::lock_guard lock(m_mutex);
    ++m_total;
    if (level == Level::error) {
        ++m_errors[std::string(component)];
    }
    m_lines.push_back(Line { m_total, time, level, std::string(component), std::string(message) });
    while (m_lines.size() > m_capacity) {
        m_lines.pop_front();
    }
}

std::vector<Line> Ring::lines() const
{
    const std::lock_guard lock(m_mutex);
    return { m_lines.begin(), m_lines.end() };
}

std::map<std::string, std::uint64_t> Ring::errors_by_component() const
{
    const std::lock_guard lock(m_mutex);
    return m_errors;
}

std::uint64_t Ring::total() const
{
    const std::lock_guard lock(m_mutex);
    return m_total;
}

} // namespace ck::log
