// Glyph quads are snapped to whole pixels: the atlas holds coverage rendered at the pen's pixel
// grid, and nearest sampling of a fractional quad would smear it. Lines outside the clip are
// culled before any glyph is looked up, so a long cable costs what is on screen.
#include "ui/canvas.hpp"

#include <cmath>

namespace ck::ui {

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
    m_clips.clear();
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

std::shared_ptr<const text::Layout> Canvas::layout(std::string_view id, std::string_view str,
    const text::TextStyle& style, float max_width, text::WrapMode wrap, text::Align align, float line_height,
    int max_lines)
{
    text::LayoutOptions options;
    options.style = style;
    options.max_width_px = max_width;
    options.wrap = wrap;
    options.align = align;
    options.line_height = line_height;
    options.max_lines = max_lines;
    return m_text.layouts.get(id, str, options);
}

std::shared_ptr<const text::Layout> Canvas::balanced_layout(std::string_view id, std::string_view str,
    const text::TextStyle& style, float max_width, text::Align align, float line_height, int max_lines)
{
    const auto full = layout(id, str, style, max_width, text::WrapMode::words, align, line_height, max_lines);
    if (full->lines().size() < 2 || full->truncated() || max_width == text::unlimited_width_px) {
        return full;
    }
    const std::string key = text::LayoutCache::text_key(str) + "|" + std::to_string(max_width) + "|"
        + std::to_string(style.size_px) + "|" + std::to_string(static_cast<int>(style.weight));
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
    return layout(id, str, style, width, text::WrapMode::words, align, line_height, max_lines);
}

void Canvas::draw_layout(const text::Layout& layout, Point origin, Color color)
{
    draw_layout_prefix(layout, origin, color, layout.text_size() + 1);
}

void Canvas::draw_layout_prefix(const text::Layout& layout, Point origin, Color color, std::size_t byte_limit)
{
    const Rect visible = clip();
    const float size_px = layout.options().style.size_px;
    const auto& glyphs = layout.glyphs();
    for (const text::LayoutLine& line : layout.lines()) {
        const float top = origin.y + line.top;
        if (top > visible.bottom() || top + line.height < visible.y) {
            continue;
        }
        for (std::uint32_t i = line.glyph_begin; i < line.glyph_end; ++i) {
            const text::PositionedGlyph& g = glyphs[i];
            if (g.cluster >= byte_limit) {
                break;
            }
            const text::CachedGlyph cached = m_text.glyphs.get(g.face, g.glyph, size_px);
            if (!cached.visible) {
                continue;
            }
            const float x = std::round(origin.x + g.x) + static_cast<float>(cached.left);
            const float y = std::round(origin.y + g.y) - static_cast<float>(cached.top);
            const Rect dst { x, y, static_cast<float>(cached.rect.w), static_cast<float>(cached.rect.h) };
            const Rect src { static_cast<float>(cached.rect.x), static_cast<float>(cached.rect.y),
                static_cast<float>(cached.rect.w), static_cast<float>(cached.rect.h) };
            m_draw.textured_quad(dst, src, color, TextureId::atlas);
        }
    }
}

void Canvas::highlight_range(
    const text::Layout& layout, Point origin, std::size_t begin, std::size_t end, Color color)
{
    for (const Rect& r : layout.rects_for_range(begin, end)) {
        m_draw.fill_rounded_rect(r.translated(origin.x, origin.y).inset(-2, 0), 3, color);
    }
}

Size Canvas::text(
    std::string_view id, std::string_view str, Point origin, float max_width, const TextSpec& spec)
{
    const auto laid = spec.balanced && spec.align == text::Align::start
        ? balanced_layout(id, str, spec.style, max_width, spec.align, spec.line_height, spec.max_lines)
        : layout(id, str, spec.style, max_width, spec.wrap, spec.align, spec.line_height, spec.max_lines);
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
    m_tree.add(std::move(w));
    return laid->size();
}

} // namespace ck::ui
