// The last few hundred log lines, kept in memory for the staff mode's Log screen and the metrics'
// error counts. It is a tee: installed in front of the log's sink, it keeps each line and hands it
// on unchanged, so the stderr sink (and journald's view of it) stays exactly as it was. Time is
// injected; nothing is written anywhere.
#pragma once

#include "core/clock.hpp"
#include "core/log.hpp"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace ck::log {

struct Line {
    std::uint64_t number = 0; // 1 for the first line since start
    Millis time { 0 }; // on the injected clock
    Level level = Level::info;
    std::string component;
    std::string message;
};

class Ring {
public:
    // Keeps at most `capacity` lines (the oldest go first); `now` stamps each line.
    Ring(std::size_t capacity, std::function<Millis()> now);

    // A sink that keeps each line, then passes it to `next` (which may be empty).
    [[nodiscard]] Sink tee(Sink next);
    // Keeps one line (what the tee does before passing it on).
    void keep(Level level, std::string_view component, std::string_view message);

    // The kept lines, oldest first.
    [[nodiscard]] std::vector<Line> lines() const;
    // Every error line since start, by component (the ring forgets lines; these counts do not).
    [[nodiscard]] std::map<std::string, std::uint64_t> errors_by_component() const;
    [[nodiscard]] std::uint64_t total() const;
    [[nodiscard]] std::size_t capacity() const { return m_capacity; }

private:
    std::size_t m_capacity;
    std::function<Millis()> m_now;
    mutable std::mutex m_mutex;
    std::deque<Line> m_lines;
    std::map<std::string, std::uint64_t> m_errors;
    std::uint64_t m_total = 0;
};

} // namespace ck::log
