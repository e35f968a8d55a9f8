// Kinetic scrolling as closed forms of time. A fling is x(s) = x0 + v0 tau (1 - e^(-s/tau)); the
// spring back is critically damped, y(s) = (y0 + (v0 + w y0) s) e^(-w s) about the end. Evaluating
// these at each frame's time (never stepping a velocity by a factor per frame, as LVGL does) makes
// the motion identical at any frame rate; the only per-frame decision is the final snap, which
// moves the content by less than half a pixel.
#include "input/kinetic_scroller.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ck::input {

namespace {

// The rubber band's stiffness: the content moves about half as far as the finger at first, less
// and less after, and never past the configured overscroll (the curve iOS made familiar).
constexpr float rubber_stiffness = 0.55f;
// A spring closer than this to its end and slower than the stop velocity has arrived.
constexpr float spring_rest_px = 0.5f;
constexpr double ms_per_s = 1000.0;

double to_ms(Millis t)
{
    return static_cast<double>(t.count());
}

} // namespace

KineticScroller::KineticScroller(ScrollerConfig config)
    : m_config(config)
{
}

float KineticScroller::overscroll() const
{
    if (m_offset < m_min) {
        return m_min - m_offset;
    }
    if (m_offset > m_max) {
        return m_offset - m_max;
    }
    return 0.0f;
}

float KineticScroller::nearest_end(float offset) const
{
    return offset > m_max ? m_max : m_min;
}

float KineticScroller::displayed(float raw) const
{
    const float d = m_config.overscroll_px;
    auto band = [d](float past) { return d * (1.0f - 1.0f / (past * rubber_stiffness / d + 1.0f)); };
    if (raw < m_min) {
        return m_min - band(m_min - raw);
    }
    if (raw > m_max) {
        return m_max + band(raw - m_max);
    }
    return raw;
}

float KineticScroller::raw_for(float shown) const
{
    const float d = m_config.overscroll_px;
    auto unband = [d](float past) {
        past = std::min(past, d * 0.999f);
        return d / rubber_stiffness * (past / (d - past));
    };
    if (shown < m_min) {
        return m_min - unband(m_min - shown);
    }
    if (shown > m_max) {
        return m_max + unband(shown - m_max);
    }
    return shown;
}

void KineticScroller::set_range(float min_offset, float max_offset)
{
    if (!std::isfinite(min_offset) || !std::isfinite(max_offset)) {
        return;
    }
    m_min = min_offset;
    m_max = std::max(min_offset, max_offset); // content shorter than the view: one position
    switch (m_phase) {
    case Phase::idle:
        m_offset = std::clamp(m_offset, m_min, m_max);
        return;
    case Phase::dragging:
        m_offset = displayed(m_drag_raw);
        return;
    case Phase::flinging:
    case Phase::springing:
        return; // the closed forms read the range when evaluated; a spring's end follows it
    }
}

void KineticScroller::set_offset(float offset)
{
    if (!std::isfinite(offset)) {
        return;
    }
    m_offset = std::clamp(offset, m_min, m_max);
    m_velocity = 0.0f;
    m_phase = Phase::idle;
}

void KineticScroller::reset(float offset)
{
    m_phase = Phase::idle;
    set_offset(offset);
}

void KineticScroller::drag_start(Millis now)
{
    advance(now);
    m_phase = Phase::dragging;
    m_velocity = 0.0f;
    m_drag_raw = raw_for(m_offset); // a finger catching a bounce holds the content where it is
}

void KineticScroller::drag_by(float finger_delta_px, Millis now)
{
    if (m_phase != Phase::dragging) {
        drag_start(now);
    }
    if (std::isfinite(finger_delta_px)) {
        m_drag_raw -= finger_delta_px;
        m_offset = displayed(m_drag_raw);
    }
    m_last = std::max(m_last, now);
}

void KineticScroller::drag_end(Millis now)
{
    fling(0.0f, now);
}

void KineticScroller::fling(float finger_velocity_px_per_s, Millis now)
{
    m_last = std::max(m_last, now);
    if (!std::isfinite(finger_velocity_px_per_s)) {
        finger_velocity_px_per_s = 0.0f;
    }
    const float limit = m_config.max_velocity_px_per_s;
    start_fling(std::clamp(-finger_velocity_px_per_s, -limit, limit), to_ms(m_last));
}

void KineticScroller::stop(Millis now)
{
    advance(now);
    if (m_phase == Phase::flinging && overscroll() == 0.0f) {
        m_phase = Phase::idle;
        m_velocity = 0.0f;
    }
    // A spring back keeps going: stopping it would leave the content past its end.
}

void KineticScroller::start_fling(float v, double t0_ms)
{
    const bool past_max = m_offset > m_max;
    const bool past_min = m_offset < m_min;
    if ((past_max && v >= 0.0f) || (past_min && v <= 0.0f)) {
        start_spring(v, t0_ms); // moving further out, or at rest, past an end
        return;
    }
    if (std::fabs(v) < m_config.stop_velocity_px_per_s) {
        if (past_max || past_min) {
            start_spring(0.0f, t0_ms);
            return;
        }
        m_phase = Phase::idle;
        m_velocity = 0.0f;
        return;
    }
    m_phase = Phase::flinging;
    m_t0_ms = t0_ms;
    m_x0 = m_offset;
    m_v0 = v;
    m_velocity = v;
}

void KineticScroller::start_spring(float v, double t0_ms)
{
    // Bound the bounce: a critically damped spring starting at its end with velocity v goes out
    // at most v / (w e); keep that within the bounce allowed.
    const float omega = static_cast<float>(ms_per_s) / m_config.spring_ms;
    const float v_max = m_config.bounce_px * omega * std::numbers::e_v<float>;
    m_phase = Phase::springing;
    m_anchor_at_max = m_offset > m_max || (m_offset >= m_max && v > 0.0f && m_max > m_min);
    m_t0_ms = t0_ms;
    m_x0 = m_offset;
    m_v0 = std::clamp(v, -v_max, v_max);
    m_velocity = m_v0;
}

void KineticScroller::advance(Millis now)
{
    if (now < m_last) {
        return;
    }
    m_last = now;
    switch (m_phase) {
    case Phase::flinging:
        advance_fling(to_ms(now));
        return;
    case Phase::springing:
        advance_spring(to_ms(now));
        return;
    case Phase::idle:
    case Phase::dragging:
        return;
    }
}

void KineticScroller::advance_fling(double now_ms)
{
    const double tau = m_config.time_constant_ms / ms_per_s;
    const double v0 = m_v0;
    const double s = std::max(0.0, (now_ms - m_t0_ms) / ms_per_s);
    const double s_stop = tau * std::log(std::fabs(v0) / m_config.stop_velocity_px_per_s);
    auto x_at = [&](double t) { return m_x0 + v0 * tau * (1.0 - std::exp(-t / tau)); };

    // Does the fling meet the end it is heading for before it stops (or before now)?
    const double end = v0 > 0 ? m_max : m_min;
    const double to_go = end - m_x0; // same sign as v0 unless the range moved under us
    const double reach = v0 * tau; // the farthest the fling could ever go
    const double s_end = std::min(s, s_stop);
    if (to_go * v0 <= 0.0 || to_go / reach < 1.0) {
        const double s_hit = to_go * v0 <= 0.0 ? 0.0 : -tau * std::log(1.0 - to_go / reach);
        if (s_hit <= s_end) {
            m_offset = static_cast<float>(x_at(s_hit));
            start_spring(static_cast<float>(v0 * std::exp(-s_hit / tau)), m_t0_ms + s_hit * ms_per_s);
            m_anchor_at_max = v0 > 0;
            advance_spring(now_ms);
            return;
        }
    }
    if (s >= s_stop) {
        m_offset = static_cast<float>(x_at(s_stop));
        m_velocity = 0.0f;
        m_phase = Phase::idle;
        if (overscroll() > 0.0f) { // an inward fling from past the end that fell short
            start_spring(0.0f, m_t0_ms + s_stop * ms_per_s);
            advance_spring(now_ms);
        }
        return;
    }
    m_offset = static_cast<float>(x_at(s));
    m_velocity = static_cast<float>(v0 * std::exp(-s / tau));
}

void KineticScroller::advance_spring(double now_ms)
{
    const double omega = ms_per_s / m_config.spring_ms;
    const double anchor = m_anchor_at_max ? m_max : m_min;
    const double y0 = m_x0 - anchor;
    const double b = m_v0 + omega * y0;
    const double s = std::max(0.0, (now_ms - m_t0_ms) / ms_per_s);
    const double decay = std::exp(-omega * s);
    const double y = (y0 + b * s) * decay;
    const double v = (m_v0 - omega * b * s) * decay;
    const bool at_rest = std::fabs(y) < spring_rest_px && std::fabs(v) < m_config.stop_velocity_px_per_s;
    if (at_rest || s * ms_per_s >= m_config.max_spring_ms) {
        m_offset = static_cast<float>(anchor);
        m_velocity = 0.0f;
        m_phase = Phase::idle;
        return;
    }
    m_offset = static_cast<float>(anchor + y);
    m_velocity = static_cast<float>(v);
}

} // namespace ck::input
