// A tiny time-based tween for screen transitions and the pinch snap: a value eased from one number
// to another over a duration (150-250 ms per VISUAL.md), as a pure function of injected time.
#pragma once

#include "core/clock.hpp"

namespace ck::input {

enum class Easing { linear, ease_out_cubic, ease_in_out_cubic };

// t in [0, 1] (clamped) -> eased progress in [0, 1].
[[nodiscard]] float ease(Easing easing, float t);

class Tween {
public:
    static constexpr Millis default_duration { 200 };

    Tween() = default; // finished, at 0
    Tween(float from, float to, Millis start, Millis duration = default_duration,
        Easing easing = Easing::ease_out_cubic);

    [[nodiscard]] float value(Millis now) const;
    [[nodiscard]] bool finished(Millis now) const { return now >= m_start + m_duration; }
    [[nodiscard]] float target() const { return m_to; }

private:
    float m_from = 0.0f;
    float m_to = 0.0f;
    Millis m_start { 0 };
    Millis m_duration { 0 };
    Easing m_easing = Easing::ease_out_cubic;
};

} // namespace ck::input
