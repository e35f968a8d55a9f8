// A visitor's place in a guided tour: which tour and which of its stops. Pure state, no I/O: the
// app moves it when the reader's tour card is tapped and forgets it with the rest of the visit at
// the idle reset, so the next visitor never finds the kiosk in the middle of someone's tour.
#pragma once

#include <cstddef>
#include <string>
#include <utility>

namespace ck {

class TourWalk {
public:
    // Starts `tour` at its first stop. A tour of fewer than two stops is no tour (the manifest
    // refuses them): nothing starts, and false says so.
    bool start(std::string tour, std::size_t stops)
    {
        if (stops < 2 || tour.empty()) {
            return false;
        }
        m_tour = std::move(tour);
        m_stops = stops;
        m_stop = 0;
        return true;
    }
    // One stop on. At the last stop nothing moves (false): a second quick tap never skips past it.
    bool next()
    {
        if (!active() || m_stop + 1 >= m_stops) {
            return false;
        }
        ++m_stop;
        return true;
    }
    // One stop back; at the first stop nothing moves (false).
    bool previous()
    {
        if (!active() || m_stop == 0) {
            return false;
        }
        --m_stop;
        return true;
    }
    void leave() { *this = TourWalk {}; }

    [[nodiscard]] bool active() const { return m_stops > 0; }
    [[nodiscard]] const std::string& tour() const { return m_tour; }
    [[nodiscard]] std::size_t stop() const { return m_stop; } // 0-based
    [[nodiscard]] std::size_t stops() const { return m_stops; }
    [[nodiscard]] bool at_first() const { return m_stop == 0; }
    [[nodiscard]] bool at_last() const { return m_stops == 0 || m_stop + 1 == m_stops; }

private:
    std::string m_tour;
    std::size_t m_stops = 0;
    std::size_t m_stop = 0;
};

} // namespace ck
