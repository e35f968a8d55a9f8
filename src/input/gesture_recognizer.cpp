// The gesture state machine. One episode at a time, in the manner of alacritty's touch purpose:
// one finger is a press that may become a drag; a second finger makes a pinch candidate; a third
// finger, a duplicate contact, mixed mouse and touch, or a system cancel abandon the episode, and
// the leftover contacts are ignored until every one has lifted. Every press and every drag or
// pinch therefore ends exactly once, and nothing is allocated per contact.
#include "input/gesture_recognizer.hpp"

#include "core/result.hpp"

#include <algorithm>
#include <cmath>

namespace ck::input {

namespace {

float length(Point p)
{
    return std::hypot(p.x, p.y);
}

bool finite(Point p)
{
    return std::isfinite(p.x) && std::isfinite(p.y);
}

// A swipe back travels mostly sideways: within 30 degrees of the horizontal.
constexpr float swipe_max_slope = 0.577f;
// One wheel event moves at most this many notches (a stuck or hostile wheel).
constexpr float max_wheel_notches = 10.0f;
// A pinch distance below this is treated as this (two contacts reported at one point).
constexpr float min_pinch_distance_px = 1.0f;

} // namespace

std::string_view name(RecognizerState state)
{
    switch (state) {
    case RecognizerState::idle:
        return "idle";
    case RecognizerState::pressed:
        return "pressed";
    case RecognizerState::dragging:
        return "dragging";
    case RecognizerState::two_fingers:
        return "two_fingers";
    case RecognizerState::pinching:
        return "pinching";
    case RecognizerState::ignoring:
        return "ignoring";
    }
    return "?";
}

GestureRecognizer::GestureRecognizer(GestureConfig config)
    : m_config(config)
{
}

Millis GestureRecognizer::clamp_time(Millis t)
{
    // Events from the past (two devices, a reordered queue) are taken as happening now, so
    // durations and velocities never see negative time.
    m_now = std::max(m_now, t);
    return m_now;
}

GestureRecognizer::Contact* GestureRecognizer::find(std::int64_t id)
{
    for (std::size_t i = 0; i < m_contact_count; ++i) {
        if (m_contacts[i].id == id) {
            return &m_contacts[i];
        }
    }
    return nullptr;
}

void GestureRecognizer::remove(std::int64_t id)
{
    for (std::size_t i = 0; i < m_contact_count; ++i) {
        if (m_contacts[i].id == id) {
            // Keep the order: the first two contacts are the pinch's fingers.
            std::move(m_contacts.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                m_contacts.begin() + static_cast<std::ptrdiff_t>(m_contact_count),
                m_contacts.begin() + static_cast<std::ptrdiff_t>(i));
            --m_contact_count;
            return;
        }
    }
}

Gesture GestureRecognizer::make(GestureKind kind, Point pos, Millis time) const
{
    Gesture g;
    g.kind = kind;
    g.time = time;
    g.source = m_source;
    g.pos = pos;
    g.start = m_press_pos;
    return g;
}

std::vector<Gesture> GestureRecognizer::feed(const PointerEvent& event)
{
    std::vector<Gesture> out;
    feed(event, out);
    return out;
}

std::vector<Gesture> GestureRecognizer::advance(Millis now)
{
    std::vector<Gesture> out;
    advance(now, out);
    return out;
}

void GestureRecognizer::feed(const PointerEvent& event, std::vector<Gesture>& out)
{
    advance(event.time, out);
    switch (event.kind) {
    case PointerEvent::Kind::down:
        if (finite(event.pos)) {
            on_down(event, out);
        }
        return;
    case PointerEvent::Kind::move:
        if (Contact* c = find(event.id); c != nullptr && finite(event.pos)) {
            on_move(event, *c, out);
        }
        return; // a move for a contact we never saw go down is noise
    case PointerEvent::Kind::up:
        on_up(event, out);
        return;
    case PointerEvent::Kind::cancel:
        on_cancel(event, out);
        return;
    }
}

void GestureRecognizer::feed(const WheelEvent& event, std::vector<Gesture>& out)
{
    advance(event.time, out);
    if (!finite(event.pos) || !std::isfinite(event.dx) || !std::isfinite(event.dy)) {
        return;
    }
    const float dx = std::clamp(event.dx, -max_wheel_notches, max_wheel_notches);
    const float dy = std::clamp(event.dy, -max_wheel_notches, max_wheel_notches);
    Gesture g;
    g.time = m_now;
    g.source = PointerSource::mouse;
    g.pos = event.pos;
    g.start = event.pos;
    if (event.zoom) {
        if (dy == 0.0f) {
            return;
        }
        g.kind = GestureKind::zoom;
        g.scale = std::pow(m_config.wheel_zoom_step, dy); // wheel away from you: larger
    } else {
        if (dx == 0.0f && dy == 0.0f) {
            return;
        }
        // SDL's wheel: y > 0 away from the user (towards the top of the text), x > 0 to the
        // right. As a finger, that is a drag down, and a drag to the left.
        g.kind = GestureKind::scroll;
        g.delta = { -dx * m_config.wheel_step_px, dy * m_config.wheel_step_px };
    }
    out.push_back(g);
}

void GestureRecognizer::advance(Millis now, std::vector<Gesture>& out)
{
    now = clamp_time(now);
    if (m_state == RecognizerState::pressed && !m_long_pressed
        && now - m_press_time >= m_config.long_press_time) {
        m_long_pressed = true;
        Gesture g = make(GestureKind::long_press, m_press_pos, m_press_time + m_config.long_press_time);
        out.push_back(g);
    }
    // A contact silent for too long lost its lift somewhere (a driver, a USB replug): forget it,
    // ending whatever it took part in, rather than leave a press stuck for ever.
    for (std::size_t i = 0; i < m_contact_count;) {
        if (now - m_contacts[i].last_seen < m_config.stale_contact_time) {
            ++i;
            continue;
        }
        abandon(now, out);
        remove(m_contacts[i].id);
        settle_after_abandon();
    }
}

void GestureRecognizer::cancel_all(Millis now, std::vector<Gesture>& out)
{
    now = clamp_time(now);
    abandon(now, out);
    m_contact_count = 0;
    m_state = RecognizerState::idle;
}

std::optional<Millis> GestureRecognizer::next_wakeup() const
{
    std::optional<Millis> next;
    auto consider = [&next](Millis t) { next = next ? std::min(*next, t) : t; };
    if (m_state == RecognizerState::pressed && !m_long_pressed) {
        consider(m_press_time + m_config.long_press_time);
    }
    for (std::size_t i = 0; i < m_contact_count; ++i) {
        consider(m_contacts[i].last_seen + m_config.stale_contact_time);
    }
    return next;
}

void GestureRecognizer::on_down(const PointerEvent& e, std::vector<Gesture>& out)
{
    if (Contact* known = find(e.id); known != nullptr) {
        // A second down for a live contact: its lift was lost. Whatever was going on is no longer
        // trustworthy; abandon it and wait for the fingers to lift.
        abandon(m_now, out);
        known->pos = e.pos;
        known->last_seen = m_now;
        m_state = RecognizerState::ignoring;
        return;
    }
    const bool mixed = m_contact_count > 0 && e.source != m_source;
    if (m_contact_count == max_contacts || mixed) {
        // A palm, a storm, or a mouse click during a touch: nothing sensible to recognize.
        abandon(m_now, out);
        m_state = RecognizerState::ignoring;
        if (m_contact_count == max_contacts) {
            return; // not tracked: its moves and lift will be unknown, and ignored
        }
    }
    if (m_contact_count == 0) {
        m_source = e.source;
    }
    m_contacts[m_contact_count++] = Contact { e.id, e.pos, e.pos, m_now };
    switch (m_state) {
    case RecognizerState::idle:
        start_press(m_contacts[0], m_now, out);
        return;
    case RecognizerState::pressed:
        out.push_back(make(GestureKind::press_cancel, m_contacts[0].pos, m_now));
        begin_two_fingers();
        return;
    case RecognizerState::dragging: {
        // A second finger ends the drag where it is (no fling) and may start a pinch.
        out.push_back(make(GestureKind::drag_end, m_contacts[0].pos, m_now));
        begin_two_fingers();
        return;
    }
    case RecognizerState::two_fingers:
        m_state = RecognizerState::ignoring; // a third finger: nothing was started, nothing ends
        return;
    case RecognizerState::pinching:
        abandon(m_now, out); // a third finger cancels the pinch
        m_state = RecognizerState::ignoring;
        return;
    case RecognizerState::ignoring:
        return;
    }
}

void GestureRecognizer::start_press(const Contact& c, Millis now, std::vector<Gesture>& out)
{
    m_double_candidate = m_last_tap_time.has_value() && now - *m_last_tap_time <= m_config.double_tap_interval
        && m_last_tap_source == m_source && length(c.pos - m_last_tap_pos) <= m_config.double_tap_slop_px;
    m_press_pos = c.pos;
    m_press_time = now;
    m_long_pressed = false;
    m_velocity.reset();
    m_velocity.add(c.pos, now);
    m_state = RecognizerState::pressed;
    out.push_back(make(GestureKind::press, c.pos, now));
}

void GestureRecognizer::on_move(const PointerEvent& e, Contact& c, std::vector<Gesture>& out)
{
    c.pos = e.pos;
    c.last_seen = m_now;
    switch (m_state) {
    case RecognizerState::pressed: {
        m_velocity.add(c.pos, m_now);
        if (length(c.pos - m_press_pos) <= m_config.tap_slop_px) {
            return; // jitter; a long press may still follow (or has), and moving on may still drag
        }
        out.push_back(make(GestureKind::press_cancel, c.pos, m_now));
        Gesture g = make(GestureKind::drag_start, c.pos, m_now);
        g.delta = c.pos - m_press_pos; // the whole move, so the content catches up with the finger
        out.push_back(g);
        m_drag_last = c.pos;
        m_last_tap_time.reset();
        m_state = RecognizerState::dragging;
        return;
    }
    case RecognizerState::dragging: {
        m_velocity.add(c.pos, m_now);
        if (c.pos == m_drag_last) {
            return;
        }
        Gesture g = make(GestureKind::drag_move, c.pos, m_now);
        g.delta = c.pos - m_drag_last;
        out.push_back(g);
        m_drag_last = c.pos;
        return;
    }
    case RecognizerState::two_fingers:
    case RecognizerState::pinching:
        update_two_fingers(m_now, out);
        return;
    case RecognizerState::idle:
    case RecognizerState::ignoring:
        return;
    }
}

void GestureRecognizer::on_up(const PointerEvent& e, std::vector<Gesture>& out)
{
    Contact* c = find(e.id);
    if (c == nullptr) {
        return; // a lift we never saw go down (or already forgot): nothing to end
    }
    if (finite(e.pos)) {
        PointerEvent as_move = e;
        as_move.kind = PointerEvent::Kind::move;
        on_move(as_move, *c, out); // the lift's position counts: a quick flick may be all lift
    }
    const Point pos = c->pos;
    remove(e.id);
    switch (m_state) {
    case RecognizerState::pressed:
        end_press_by_lift(pos, m_now, out);
        break;
    case RecognizerState::dragging:
        end_drag_by_lift(pos, m_now, out);
        break;
    case RecognizerState::two_fingers:
        m_state = RecognizerState::ignoring; // a two-finger touch that never pinched
        break;
    case RecognizerState::pinching: {
        Gesture g = make(GestureKind::pinch_end, m_pinch_focus, m_now);
        g.start = m_pinch_start_focus;
        g.scale = m_pinch_scale;
        out.push_back(g);
        m_state = RecognizerState::ignoring; // the finger left behind does not start a drag
        break;
    }
    case RecognizerState::idle:
    case RecognizerState::ignoring:
        break;
    }
    if (m_contact_count == 0) {
        m_state = RecognizerState::idle;
    }
}

void GestureRecognizer::end_press_by_lift(Point pos, Millis now, std::vector<Gesture>& out)
{
    m_state = RecognizerState::idle;
    out.push_back(make(GestureKind::release, pos, now));
    if (m_long_pressed && m_config.long_press_lift == LongPressLift::no_tap) {
        m_last_tap_time.reset();
        return;
    }
    // The tap is where the finger went down: the widget that showed the pressed state.
    if (m_double_candidate) {
        out.push_back(make(GestureKind::double_tap, m_press_pos, now));
        m_last_tap_time.reset(); // a third tap starts afresh
        return;
    }
    out.push_back(make(GestureKind::tap, m_press_pos, now));
    m_last_tap_time = now;
    m_last_tap_pos = m_press_pos;
    m_last_tap_source = m_source;
}

void GestureRecognizer::end_drag_by_lift(Point pos, Millis now, std::vector<Gesture>& out)
{
    m_state = RecognizerState::idle;
    const Point velocity = m_velocity.velocity(now, m_config.velocity_window);
    const bool moving = length(velocity) >= m_config.fling_min_velocity_px_per_s;
    Gesture g = make(moving ? GestureKind::fling : GestureKind::drag_end, pos, now);
    g.velocity = velocity;
    out.push_back(g);

    // Swipe back: from the left edge, any rightward swipe long enough that is not being pulled
    // back at the lift; from anywhere else, only a fast one, so that a slow sideways drag (a
    // timeline, a misjudged scroll) does not leave the screen.
    const Point travel = pos - m_press_pos;
    if (travel.x < m_config.swipe_back_min_distance_px || std::fabs(travel.y) > travel.x * swipe_max_slope) {
        return;
    }
    const bool from_edge = m_press_pos.x <= m_config.swipe_back_edge_px;
    const bool fast_sideways = velocity.x >= m_config.swipe_back_min_velocity_px_per_s
        && std::fabs(velocity.y) <= velocity.x * swipe_max_slope;
    if ((from_edge && velocity.x >= 0.0f) || fast_sideways) {
        Gesture back = make(GestureKind::swipe_back, pos, now);
        back.velocity = velocity;
        back.origin = from_edge ? SwipeOrigin::left_edge : SwipeOrigin::inside;
        out.push_back(back);
    }
}

void GestureRecognizer::on_cancel(const PointerEvent& e, std::vector<Gesture>& out)
{
    if (find(e.id) == nullptr) {
        // The system cancelled a contact we do not know (or all of them): end everything. An
        // extra cancel can only end things early; a missed one could leave a press stuck.
        cancel_all(m_now, out);
        return;
    }
    abandon(m_now, out);
    remove(e.id);
    settle_after_abandon();
}

void GestureRecognizer::abandon(Millis now, std::vector<Gesture>& out)
{
    m_last_tap_time.reset();
    switch (m_state) {
    case RecognizerState::pressed:
        out.push_back(make(GestureKind::press_cancel, m_contacts[0].pos, now));
        break;
    case RecognizerState::dragging:
        out.push_back(make(GestureKind::cancel, m_contacts[0].pos, now));
        break;
    case RecognizerState::pinching: {
        Gesture g = make(GestureKind::cancel, m_pinch_focus, now);
        g.start = m_pinch_start_focus;
        g.scale = m_pinch_scale;
        out.push_back(g);
        break;
    }
    case RecognizerState::idle:
    case RecognizerState::two_fingers:
    case RecognizerState::ignoring:
        break; // nothing in progress that the UI knows of
    }
    if (m_state != RecognizerState::idle) {
        m_state = RecognizerState::ignoring;
    }
}

void GestureRecognizer::settle_after_abandon()
{
    m_state = m_contact_count == 0 ? RecognizerState::idle : RecognizerState::ignoring;
}

void GestureRecognizer::begin_two_fingers()
{
    m_state = RecognizerState::two_fingers;
    m_pinch_base_distance = std::max(finger_distance(), min_pinch_distance_px);
    m_pinch_start_focus = finger_focus();
    m_pinch_focus = m_pinch_start_focus;
    m_pinch_scale = 1.0f;
    m_last_tap_time.reset();
}

void GestureRecognizer::update_two_fingers(Millis now, std::vector<Gesture>& out)
{
    const float distance = std::max(finger_distance(), min_pinch_distance_px);
    const Point focus = finger_focus();
    if (m_state == RecognizerState::two_fingers) {
        if (std::fabs(distance - m_pinch_base_distance) < m_config.pinch_slop_px) {
            return;
        }
        m_state = RecognizerState::pinching;
        m_pinch_scale = distance / m_pinch_base_distance;
        m_pinch_focus = focus;
        Gesture g = make(GestureKind::pinch_start, focus, now);
        g.start = m_pinch_start_focus;
        g.scale = m_pinch_scale;
        out.push_back(g);
        return;
    }
    const float scale = distance / m_pinch_base_distance;
    if (scale == m_pinch_scale && focus == m_pinch_focus) {
        return;
    }
    m_pinch_scale = scale;
    m_pinch_focus = focus;
    Gesture g = make(GestureKind::pinch_update, focus, now);
    g.start = m_pinch_start_focus;
    g.scale = scale;
    out.push_back(g);
}

float GestureRecognizer::finger_distance() const
{
    CK_ASSERT(m_contact_count >= 2);
    return length(m_contacts[1].pos - m_contacts[0].pos);
}

Point GestureRecognizer::finger_focus() const
{
    CK_ASSERT(m_contact_count >= 2);
    return (m_contacts[0].pos + m_contacts[1].pos) * 0.5f;
}

} // namespace ck::input
