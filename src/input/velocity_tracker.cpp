// Least-squares velocity over a time window; see velocity_tracker.hpp for why not two points.
#include "input/velocity_tracker.hpp"

#include <cmath>

namespace ck::input {

void VelocityTracker::add(Point pos, Millis time)
{
    if (m_count > 0) {
        const Sample& newest = m_samples[(m_next + capacity - 1) % capacity];
        if (time < newest.time) {
            time = newest.time;
        }
    }
    m_samples[m_next] = Sample { pos, time };
    m_next = (m_next + 1) % capacity;
    if (m_count < capacity) {
        ++m_count;
    }
}

Point VelocityTracker::velocity(Millis now, Millis window) const
{
    // Times relative to `now`, in seconds; a straight-line fit x(t) = a + v t for each axis.
    double sum_t = 0;
    double sum_x = 0;
    double sum_y = 0;
    std::size_t n = 0;
    const Millis oldest_allowed = now - window;
    auto for_each_recent = [&](auto&& visit) {
        for (std::size_t i = 0; i < m_count; ++i) {
            const Sample& s = m_samples[(m_next + capacity - 1 - i) % capacity];
            if (s.time <= oldest_allowed) {
                break; // samples are in time order: everything older is out too
            }
            visit(s, std::chrono::duration<double>(s.time - now).count());
        }
    };
    for_each_recent([&](const Sample& s, double t) {
        sum_t += t;
        sum_x += s.pos.x;
        sum_y += s.pos.y;
        ++n;
    });
    if (n < 2) {
        return {};
    }
    const double mean_t = sum_t / static_cast<double>(n);
    const double mean_x = sum_x / static_cast<double>(n);
    const double mean_y = sum_y / static_cast<double>(n);
    double stt = 0;
    double stx = 0;
    double sty = 0;
    for_each_recent([&](const Sample& s, double t) {
        const double dt = t - mean_t;
        stt += dt * dt;
        stx += dt * (s.pos.x - mean_x);
        sty += dt * (s.pos.y - mean_y);
    });
    constexpr double min_spread_s2 = 1e-7; // all samples within about a millisecond
    if (stt < min_spread_s2) {
        return {};
    }
    return { static_cast<float>(stx / stt), static_cast<float>(sty / stt) };
}

} // namespace ck::input
