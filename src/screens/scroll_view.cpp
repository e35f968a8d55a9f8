// The scroller's offset grows as content moves up; the canvas offset is its negation.
#include "screens/scroll_view.hpp"

#include <algorithm>
#include <cmath>

namespace ck::screens {

void ScrollView::begin(ui::Canvas& canvas, Rect viewport)
{
    m_viewport = viewport;
    canvas.push_clip(viewport);
    m_saved_offset = canvas.draw().offset();
    canvas.draw().set_offset(
        { m_saved_offset.x + viewport.x, m_saved_offset.y + viewport.y - std::round(offset()) });
}

void ScrollView::end(ui::Canvas& canvas, float content_height)
{
    canvas.draw().set_offset(m_saved_offset);
    canvas.pop_clip();
    const float max = std::max(0.0f, content_height - m_viewport.h);
    m_scroller.set_range(0, max);
    if (max > 0) {
        // A slim indicator at the right edge: where the visitor is in a long text.
        const ui::Theme& t = canvas.theme();
        const float track = m_viewport.h - t.px(4);
        const float thumb = std::max(t.px(8), track * m_viewport.h / content_height);
        const float pos = std::clamp(offset() / max, 0.0f, 1.0f) * (track - thumb);
        const float w = std::max(2.0f, t.px(0.9f));
        canvas.draw().fill_rounded_rect(
            { m_viewport.right() - w - t.px(1.2f), m_viewport.y + t.px(2) + pos, w, thumb }, w / 2,
            t.palette().rule);
    }
}

bool ScrollView::on_gesture(const input::Gesture& g, std::optional<Rect> also)
{
    using K = input::GestureKind;
    const auto mine = [&](Point p) { return m_viewport.contains(p) || (also && also->contains(p)); };
    switch (g.kind) {
    case K::press:
        if (mine(g.pos) && m_scroller.animating()) {
            m_scroller.stop(g.time);
        }
        return false;
    case K::drag_start:
        if (!mine(g.start)) {
            return false;
        }
        m_dragging = true;
        m_scroller.drag_start(g.time);
        m_scroller.drag_by(g.delta.y, g.time);
        return true;
    case K::drag_move:
        if (!m_dragging) {
            return false;
        }
        m_scroller.drag_by(g.delta.y, g.time);
        return true;
    case K::drag_end:
        if (!m_dragging) {
            return false;
        }
        m_dragging = false;
        m_scroller.drag_end(g.time);
        return true;
    case K::fling:
        if (!m_dragging) {
            return false;
        }
        m_dragging = false;
        m_scroller.fling(g.velocity.y, g.time);
        return true;
    case K::cancel:
        if (m_dragging) {
            m_dragging = false;
            m_scroller.drag_end(g.time);
        }
        return false;
    case K::scroll:
        if (!mine(g.pos)) {
            return false;
        }
        m_scroller.set_offset(m_scroller.offset() - g.delta.y);
        return true;
    case K::release:
    case K::press_cancel:
    case K::tap:
    case K::double_tap:
    case K::long_press:
    case K::pinch_start:
    case K::pinch_update:
    case K::pinch_end:
    case K::swipe_back:
    case K::zoom:
        return false;
    }
    return false;
}

} // namespace ck::screens
