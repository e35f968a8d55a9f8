// Easing curves and the time-based tween.
#include "input/tween.hpp"

#include <algorithm>

namespace ck::input {

float ease(Easing easing, float t)
{
    t = std::clamp(t, 0.0f, 1.0f);
    switch (easing) {
    case Easing::linear:
        return t;
    case Easing::ease_out_cubic: {
        const float u = 1.0f - t;
        return 1.0f - u * u * u;
    }
    case Easing::ease_in_out_cubic: {
        if (t < 0.5f) {
            return 4.0f * t * t * t;
        }
        const float u = -2.0f * t + 2.0f;
        return 1.0f - u * u * u / 2.0f;
    }
    }
    return t;
}

Tween::Tween(float from, float to, Millis start, Millis duration, Easing easing)
    : m_from(from)
    , m_to(to)
    , m_start(start)
    , m_duration(std::max(duration, Millis { 0 }))
    , m_easing(easing)
{
}

float Tween::value(Millis now) const
{
    if (now >= m_start + m_duration) {
        return m_to; // exactly the target, whatever the float error of the curve
    }
    if (now <= m_start) {
        return m_from;
    }
    const float t = static_cast<float>((now - m_start).count()) / static_cast<float>(m_duration.count());
    return m_from + (m_to - m_from) * ease(m_easing, t);
}

} // namespace ck::input
