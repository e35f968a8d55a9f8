// Glyph quads (for_each_glyph_quad in the header) are snapped to whole pixels: the atlas holds
// coverage rendered at the pen's pixel grid, and nearest sampling of a fractional quad would smear
// it. Lines outside the clip are culled before any glyph is looked up, so a long cable costs what
// is on screen.
#include "ui/canvas.hpp"

#include <algorithm>
#include <cmath>

namespace ck::ui {

std::string layout_key(std::string_view text, const text::LayoutOptions& o)
{
    return std::string(text) + '\0' + std::to_string(o.max_width_px) + '|' + std::to_string(o.style.size_px)
        + '|' + std::to_string(static_cast<int>(o.style.family)) + '|'
        + std::to_string(static_cast<int>(o.style.weight)) + '|' + std::to_string(static_cast<int>(o.wrap))
        + '|' + std::to_string(o.line_height) + '|' + std::to_string(static_cast<int>(o.align)) + '|'
        + std::to_string(o.max_lines);
}

Canvas::Canvas(TextServices text, const Theme& theme, Size viewport)
    : m_text(text)
    , m_theme(&theme)
    , m_viewport(viewport)
{
}

void Canvas::begin_frame(const Theme& theme, Size viewport)
{
    m_theme = &theme;
    m_viewport = viewport;
    m_draw.clear();
    m_tree.clear();
    m_tree.set_bounds({ 0, 0, viewport.w, viewport.h });
    m_clips.clear();
    m_runs.clear();
    m_requested.clear();
    m_generation_at_start = m_text.glyphs.atlas().generation();
}

void Canvas::push_clip(Rect rect)
{
    const Rect moved = rect.translated(m_draw.offset().x, m_draw.offset().y);
    m_clips.push_back(m_clips.empty() ? moved : moved.intersection(m_clips.back()));
    m_draw.push_clip(rect);
    m_tree.push_clip(m_clips.back());
}

void Canvas::pop_clip()
{
    m_clips.pop_back();
    m_draw.pop_clip();
    m_tree.pop_clip();
}

Rect Canvas::clip() const
{
    const Rect full { 0, 0, m_viewport.w, m_viewport.h };
    const Rect c = m_clips.empty() ? full : m_clips.back();
    return c.translated(-m_draw.offset().x, -m_draw.offset().y);
}

std::shared_ptr<const text::Layout> Canvas::layout(std::string_view str, const text::TextStyle& style,
    float max_width, text::WrapMode wrap, text::Align align, float line_height, int max_lines)
{
    text::LayoutOptions options;
    options.style = style;
    options.max_width_px = max_width;
    options.wrap = wrap;
    options.align = align;
    options.line_height = line_height;
    options.max_lines = max_lines;
    auto laid = m_text.layouts.get(str, options);
    if (m_recording) {
        m_requested[laid.get()] = { laid, std::string(str) };
    }
    return laid;
}

std::shared_ptr<const text::Layout> Canvas::balanced_layout(std::string_view str,
    const text::TextStyle& style, float max_width, text::Align align, float line_height, int max_lines)
{
    const auto full = layout(str, style, max_width, text::WrapMode::words, align, line_height, max_lines);
    if (full->lines().size() < 2 || full->truncated() || max_width == text::unlimited_width_px) {
        return full;
    }
    // Keyed, like the layout cache, on everything that decides the width: the text and its options.
    const std::string key = layout_key(
        str, text::LayoutOptions { style, max_width, text::WrapMode::words, line_height, align, max_lines });
    float width = max_width;
    if (const auto it = m_balanced_widths.find(key); it != m_balanced_widths.end()) {
        width = it->second;
    } else {
        // Binary search on the width: the narrowest that still needs no more lines.
        float lo = max_width * 0.4f;
        float hi = max_width;
        const std::size_t lines = full->lines().size();
        for (int i = 0; i < 7; ++i) {
            const float mid = (lo + hi) / 2;
            const auto probe = m_text.fonts.layout(str,
                text::LayoutOptions { style, mid, text::WrapMode::words, line_height, align, max_lines });
            if (probe.lines().size() <= lines && !probe.truncated()) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        width = std::ceil(hi) + 1;
        if (m_balanced_widths.size() > 512) {
            m_balanced_widths.clear();
        }
        m_balanced_widths.emplace(key, width);
    }
    return layout(str, style, width, text::WrapMode::words, align, line_height, max_lines);
}

void Canvas::draw_layout(const text::Layout& layout, Point origin, Color color)
{
    draw_layout_prefix(layout, origin, color, layout.text_size() + 1);
}

void Canvas::draw_layout_prefix(const text::Layout& layout, Point origin, Color color, std::size_t byte_limit)
{
    const Rect visible = clip();
    const std::size_t vertex_begin = m_draw.vertices().size();
    for_each_glyph_quad(layout, origin, visible, byte_limit, m_text.glyphs,
        [&](Rect dst, Rect src) { m_draw.textured_quad(dst, src, color, TextureId::atlas); });
    if (m_recording) {
        const auto requested = m_requested.find(&layout);
        m_runs.push_back(TextRun { requested != m_requested.end() ? requested->second.second : std::string(),
            layout.options(), origin, m_draw.offset(), visible, byte_limit, color, vertex_begin,
            m_draw.vertices().size() });
    }
}

void Canvas::highlight_range(
    const text::Layout& layout, Point origin, std::size_t begin, std::size_t end, Color color)
{
    for (const Rect& r : layout.rects_for_range(begin, end)) {
        m_draw.fill_rounded_rect(r.translated(origin.x, origin.y).inset(-2, 0), 3, color);
    }
}

void Canvas::add_widget(Widget widget)
{
    if (widget.interactive && is_pressed(widget.id)) {
        // Just outside the control, on whatever it sits on, so that it shows around filled
        // buttons as well as around rows and cards.
        const Theme& t = *m_theme;
        const float ring = std::max(2.0f, std::round(t.px(0.6f)));
        const Rect drawn = widget.rect.translated(-m_draw.offset().x, -m_draw.offset().y).inset(-ring, -ring);
        m_draw.stroke_rounded_rect(drawn, t.px(t.spacing().corner_mm) + ring, ring, t.palette().accent);
        widget.pressed = true;
        widget.state_mark = t.palette().accent;
    }
    m_tree.add(std::move(widget));
}

Size Canvas::text(
    std::string_view id, std::string_view str, Point origin, float max_width, const TextSpec& spec)
{
    const auto laid = spec.balanced && spec.align == text::Align::start
        ? balanced_layout(str, spec.style, max_width, spec.align, spec.line_height, spec.max_lines)
        : layout(str, spec.style, max_width, spec.wrap, spec.align, spec.line_height, spec.max_lines);
    draw_layout(*laid, origin, spec.color);
    Widget w;
    w.id = std::string(id);
    w.role = spec.role;
    w.label = std::string(str);
    const float width = max_width == text::unlimited_width_px ? laid->size().w : max_width;
    w.rect = { origin.x + m_draw.offset().x, origin.y + m_draw.offset().y,
        spec.align == text::Align::start ? laid->size().w : width, laid->size().h };
    w.text_color = spec.color;
    w.background = spec.background;
    w.text_px = spec.style.size_px;
    add_widget(std::move(w));
    return laid->size();
}

} // namespace ck::ui
