// The velocity of one finger, fitted by least squares over the samples of a recent time window
// rather than taken from the last two events, so one jittery or late sample cannot make or kill a
// fling. Fixed memory. Depends on core only.
#pragma once

#include "core/clock.hpp"
#include "core/geometry.hpp"

#include <array>
#include <cstddef>

namespace ck::input {

class VelocityTracker {
public:
    static constexpr std::size_t capacity = 32;

    void reset() { m_count = 0; }
    // Samples must come in time order; an earlier time is treated as the latest one.
    void add(Point pos, Millis time);
    // Pixels per second over the samples in (now - window, now]. Zero with fewer than two samples
    // in the window, or when they span less than a millisecond: a finger resting before it lifts
    // has no velocity.
    [[nodiscard]] Point velocity(Millis now, Millis window) const;
    [[nodiscard]] std::size_t size() const { return m_count; }

private:
    struct Sample {
        Point pos;
        Millis time { 0 };
    };
    std::array<Sample, capacity> m_samples {};
    std::size_t m_next = 0;
    std::size_t m_count = 0;
};

} // namespace ck::input
