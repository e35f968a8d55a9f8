// A vertically scrolling region for screens: the body of a list, the home screen, the reader.
// Drags follow the finger, flings decay by time, the ends rubber-band (input::KineticScroller);
// the canvas is clipped to the region and offset, so widgets are recorded where they are seen.
#pragma once

#include "input/gesture.hpp"
#include "input/kinetic_scroller.hpp"
#include "ui/canvas.hpp"

#include <optional>

namespace ck::screens {

class ScrollView {
public:
    // Starts drawing the scrolled content of `viewport` (screen coordinates); until end(), draw in
    // content coordinates whose origin is the viewport's top-left at scroll offset 0.
    void begin(ui::Canvas& canvas, Rect viewport);
    // Ends the region; `content_height` sets the scroll range. Draws a slim position indicator.
    void end(ui::Canvas& canvas, float content_height);

    // Drags, flings and wheel scrolls inside the viewport, or inside `also` (a neighbouring region
    // with nothing to scroll of its own, whose drags move this view); true when it was used.
    bool on_gesture(const input::Gesture& gesture, std::optional<Rect> also = std::nullopt);
    // True when the content is taller than the viewport (after end() set the range).
    [[nodiscard]] bool scrollable() const { return m_scroller.max_offset() > 0; }

    void advance(Millis now) { m_scroller.advance(now); }
    [[nodiscard]] bool animating() const { return m_scroller.animating(); }
    [[nodiscard]] float offset() const { return m_scroller.offset(); }
    [[nodiscard]] Rect viewport() const { return m_viewport; }
    // Scrolls so that content y is at the top (clamped), without animation.
    void scroll_to(float y) { m_scroller.set_offset(y); }
    void reset() { m_scroller.reset(0); }
    // The part of the content that is visible, in content coordinates.
    [[nodiscard]] Rect visible_content() const { return { 0, offset(), m_viewport.w, m_viewport.h }; }

private:
    input::KineticScroller m_scroller;
    Rect m_viewport;
    Point m_saved_offset;
    bool m_dragging = false;
};

} // namespace ck::screens
