// A small state machine over raw pointer events: steps count only when a single finger goes down
// in the expected corner and comes up there in time.
#include "app/staff_gesture.hpp"

namespace ck::app {
namespace {

constexpr int steps_total = 4;

StaffGesture::Corner expected(int done)
{
    switch (done) {
    case 0:
        return StaffGesture::Corner::top_left;
    case 1:
        return StaffGesture::Corner::top_right;
    case 2:
        return StaffGesture::Corner::bottom_right;
    default:
        return StaffGesture::Corner::bottom_left;
    }
}

} // namespace

StaffGesture::StaffGesture(StaffGestureConfig config)
    : m_config(config)
{
}

void StaffGesture::reset()
{
    m_done = 0;
    m_finger.reset();
    m_spoiled = m_fingers > 0;
}

std::optional<StaffGesture::Corner> StaffGesture::corner_of(Point p, Size size) const
{
    const float zone = m_config.corner_mm * m_config.dpi / 25.4f;
    const bool left = p.x < zone;
    const bool right = p.x >= size.w - zone;
    const bool top = p.y < zone;
    const bool bottom = p.y >= size.h - zone;
    if (top && left) {
        return Corner::top_left;
    }
    if (top && right) {
        return Corner::top_right;
    }
    if (bottom && right) {
        return Corner::bottom_right;
    }
    if (bottom && left) {
        return Corner::bottom_left;
    }
    return std::nullopt;
}

bool StaffGesture::feed(const input::PointerEvent& e, Size size)
{
    using Kind = input::PointerEvent::Kind;
    // A lift that never came (a lost event, a contact while staff mode showed) must not count as a
    // finger still down forever: after 10 s without any event, nobody is touching.
    constexpr Millis stale { 10'000 };
    if (m_fingers > 0 && e.time - m_last_event > stale) {
        m_fingers = 0;
    }
    m_last_event = e.time;
    switch (e.kind) {
    case Kind::down: {
        ++m_fingers;
        if (m_fingers > 1) {
            // A second finger: nobody opening the door uses two.
            m_done = 0;
            m_finger.reset();
            m_spoiled = true;
            return false;
        }
        m_spoiled = false;
        if (m_done > 0 && e.time - m_last_lift > m_config.step) {
            m_done = 0; // too slow: start over (this touch may be a new first step)
        }
        if (corner_of(e.pos, size) != expected(m_done)) {
            m_done = 0;
            m_spoiled = corner_of(e.pos, size) != Corner::top_left;
            if (m_spoiled) {
                return false;
            }
        }
        m_finger = e.id;
        m_down_at = e.time;
        return false;
    }
    case Kind::move:
        if (m_finger && *m_finger == e.id && corner_of(e.pos, size) != expected(m_done)) {
            m_spoiled = true; // left the corner
            m_done = 0;
        }
        return false;
    case Kind::cancel:
    case Kind::up: {
        m_fingers = m_fingers > 0 ? m_fingers - 1 : 0;
        if (!m_finger || *m_finger != e.id) {
            return false;
        }
        m_finger.reset();
        if (m_spoiled || e.kind == Kind::cancel || corner_of(e.pos, size) != expected(m_done)) {
            m_done = 0;
            return false;
        }
        const Millis held = e.time - m_down_at;
        const bool ok = m_done == 0 ? held >= m_config.hold : held <= m_config.tap_max;
        if (!ok) {
            m_done = 0;
            return false;
        }
        m_last_lift = e.time;
        if (++m_done == steps_total) {
            m_done = 0;
            return true;
        }
        return false;
    }
    }
    return false;
}

} // namespace ck::app
