// The reader's answers to gestures: drags and flings scroll the text (and, in landscape, the card
// column on its own when it is taller than the screen; otherwise a drag on it scrolls the text); a pinch or
// Ctrl+wheel changes the text size by steps, keeping the line under the fingers where it was, and the step is
// kept in the visit so the next cable opens at it.
#include "screens/reader_screen.hpp"

#include <algorithm>
#include <cmath>

namespace ck::screens {
namespace {

std::size_t nearest_step(float factor)
{
    std::size_t best = 0;
    float best_distance = INFINITY;
    for (std::size_t i = 0; i < reader::size_factors.size(); ++i) {
        const float d = std::fabs(std::log(factor / reader::size_factors[i]));
        if (d < best_distance) {
            best_distance = d;
            best = i;
        }
    }
    return best;
}

} // namespace

void ReaderScreen::build_size_indicator(ui::Canvas& canvas, const Env& env, const Geometry& g)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    ui::TextSpec spec;
    spec.style = { text::Family::sans, text::Weight::semibold, t.text_px(t.type().caption_mm) };
    spec.color = p.ink;
    spec.background = p.card;
    spec.max_lines = 1;
    const std::string label = env.strings.get("reader.text_size");
    const float label_w = canvas.layout(label, spec.style, text::unlimited_width_px)->size().w;
    const float dot = t.px(1.4f);
    const float pitch = t.px(4.2f);
    const float pad = t.px(5);
    const std::size_t steps = reader::size_factors.size();
    const float w = pad + label_w + pad + pitch * static_cast<float>(steps - 1) + 2 * dot + pad;
    const float h = t.px(12);
    const Rect pill { g.text_view.center().x - w / 2, g.text_view.y + t.px(5), w, h };
    canvas.draw().fill_rounded_rect(pill, h / 2, p.card);
    canvas.draw().stroke_rounded_rect(pill, h / 2, std::max(1.0f, t.px(0.3f)), p.rule);
    const float text_h = spec.style.size_px * spec.line_height;
    canvas.text("reader.size", label, { pill.x + pad, pill.center().y - text_h / 2 }, label_w + 1, spec);
    float x = pill.x + pad + label_w + pad + dot;
    for (std::size_t i = 0; i < steps; ++i) {
        const Point c { x, pill.center().y };
        if (i <= m_live_step) {
            canvas.draw().fill_circle(c, dot, p.accent);
        } else {
            canvas.draw().stroke_circle(c, dot, std::max(1.0f, t.px(0.3f)), p.secondary);
        }
        x += pitch;
    }
}

void ReaderScreen::apply_anchor(ui::Canvas& canvas, const Geometry& g, float content_height)
{
    if (!m_anchor || !m_anchor->pending) {
        return;
    }
    m_anchor->pending = false;
    const auto& lines = m_shown.layout->lines();
    if (!lines.empty()) {
        const std::size_t offset
            = m_shown.large ? m_large->from_display(m_anchor->display_offset) : m_anchor->display_offset;
        auto line = std::upper_bound(lines.begin(), lines.end(), offset,
            [](std::size_t value, const text::LayoutLine& l) { return value < l.byte_end; });
        if (line == lines.end()) {
            line = lines.end() - 1;
        }
        // The scroll range is set when a scroll view ends; give it this frame's range first,
        // inside an empty clip so that nothing of it is seen, then scroll.
        canvas.push_clip({ 0, 0, 0, 0 });
        m_text_scroll.begin(canvas, g.text_view);
        m_text_scroll.end(canvas, content_height);
        canvas.pop_clip();
        m_text_scroll.scroll_to(m_shown.origin.y + line->top - m_anchor->view_y);
    }
    if (!m_pinching) {
        m_anchor.reset();
    }
}

void ReaderScreen::capture_anchor(Point screen_point)
{
    if (!m_shown.layout || m_shown.layout->lines().empty()) {
        return;
    }
    const text::Layout& layout = *m_shown.layout;
    const Rect view = m_text_scroll.viewport();
    const float content_y = std::clamp(screen_point.y - view.y, 0.0f, view.h) + m_text_scroll.offset();
    const text::LayoutLine& line = layout.lines()[layout.line_at(content_y - m_shown.origin.y)];
    const std::size_t offset = line.byte_begin;
    m_anchor = Anchor { m_shown.large ? m_large->to_display(offset) : offset,
        m_shown.origin.y + line.top - m_text_scroll.offset(), false };
}

void ReaderScreen::set_step(std::size_t step, const Env& env)
{
    m_step = std::min(step, reader::size_factors.size() - 1);
    m_live_step = m_step;
    env.visit.reader_size_step = static_cast<int>(m_step);
}

Intent ReaderScreen::on_gesture(const input::Gesture& g, const Env& env)
{
    using K = input::GestureKind;
    switch (g.kind) {
    case K::pinch_start:
        if (m_record) {
            m_zoom.set_index(m_step);
            m_zoom.begin();
            m_pinching = true;
            m_live_step = m_step;
            capture_anchor(g.start);
        }
        return Intent::none();
    case K::pinch_update:
        if (m_pinching) {
            const std::size_t live = nearest_step(m_zoom.update(g.scale));
            if (live != m_live_step && m_anchor) {
                m_anchor->pending = true;
            }
            m_live_step = live;
        }
        return Intent::none();
    case K::pinch_end:
        if (m_pinching) {
            m_pinching = false;
            set_step(m_zoom.end(g.scale), env);
            if (m_anchor) {
                m_anchor->pending = true;
            }
        }
        return Intent::none();
    case K::zoom:
        if (m_record && g.scale != 1.0f) {
            capture_anchor(m_text_scroll.viewport().center());
            const int delta = g.scale > 1.0f ? 1 : -1;
            set_step(reader::clamp_size_step(static_cast<int>(m_step) + delta), env);
            if (m_anchor) {
                m_anchor->pending = true;
            }
        }
        return Intent::none();
    case K::cancel:
        if (m_pinching) {
            m_zoom.cancel();
            m_pinching = false;
            m_live_step = m_step;
            if (m_anchor) {
                m_anchor->pending = true;
            }
        }
        break;
    case K::press:
    case K::release:
    case K::press_cancel:
    case K::tap:
    case K::double_tap:
    case K::long_press:
    case K::drag_start:
    case K::drag_move:
    case K::drag_end:
    case K::fling:
    case K::swipe_back:
    case K::scroll:
        break;
    }
    // In landscape the card scrolls on its own only when it is taller than its column; otherwise a
    // drag on it scrolls the text, since visitors drag wherever their hand happens to be.
    if (m_two_columns && m_card_scroll.scrollable() && m_card_scroll.on_gesture(g)) {
        return Intent::none();
    }
    m_text_scroll.on_gesture(g, m_two_columns ? std::optional<Rect>(m_card_scroll.viewport()) : std::nullopt);
    return Intent::none();
}

void ReaderScreen::advance(Millis now)
{
    m_text_scroll.advance(now);
    m_card_scroll.advance(now);
}

bool ReaderScreen::animating() const
{
    return m_text_scroll.animating() || m_card_scroll.animating() || (m_anchor && m_anchor->pending);
}

} // namespace ck::screens
