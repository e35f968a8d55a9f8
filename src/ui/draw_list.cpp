// Tessellation of the few shapes the kiosk draws into indexed triangles. Arcs get a segment count
// from their radius so corners stay smooth at any DPI without wasting triangles.
#include "ui/draw_list.hpp"

#include "core/result.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ck::ui {
namespace {

constexpr float max_arc_error_px = 0.35f;

int arc_segments(float radius, float sweep_radians)
{
    if (radius <= 0.5f) {
        return 1;
    }
    const float step = 2.0f * std::acos(std::max(-1.0f, 1.0f - max_arc_error_px / radius));
    return std::clamp(static_cast<int>(std::ceil(sweep_radians / step)), 2, 64);
}

// The rectangle whose edges are the nearest whole pixels to `r`'s edges.
Rect snapped(Rect r)
{
    const float x0 = std::round(r.x);
    const float y0 = std::round(r.y);
    return { x0, y0, std::round(r.right()) - x0, std::round(r.bottom()) - y0 };
}

} // namespace

void DrawList::clear()
{
    m_vertices.clear();
    m_indices.clear();
    m_commands.clear();
    m_clip_stack.clear();
    m_offset = {};
}

void DrawList::push_clip(Rect rect)
{
    rect = rect.translated(m_offset.x, m_offset.y);
    if (!m_clip_stack.empty()) {
        rect = rect.intersection(m_clip_stack.back());
    }
    m_clip_stack.push_back(rect);
}

void DrawList::pop_clip()
{
    CK_ASSERT(!m_clip_stack.empty());
    m_clip_stack.pop_back();
}

std::uint32_t DrawList::begin(TextureId texture, std::size_t vertex_count)
{
    const bool clipped = !m_clip_stack.empty();
    const Rect clip = clipped ? m_clip_stack.back() : Rect {};
    if (m_commands.empty() || m_commands.back().texture != texture || m_commands.back().clipped != clipped
        || m_commands.back().clip != clip) {
        m_commands.push_back(
            DrawCommand { texture, static_cast<std::uint32_t>(m_indices.size()), 0, clipped, clip });
    }
    // Grow geometrically: reserving the exact size on every primitive would copy the whole vertex
    // array each time (quadratic in a dense frame's thousands of glyph quads).
    const std::size_t needed = m_vertices.size() + vertex_count;
    if (needed > m_vertices.capacity()) {
        m_vertices.reserve(std::max(needed, m_vertices.capacity() * 2));
    }
    return static_cast<std::uint32_t>(m_vertices.size());
}

void DrawList::add_vertex(Point p, std::uint32_t color, float u, float v)
{
    m_vertices.push_back(Vertex { p.x + m_offset.x, p.y + m_offset.y, color, u, v });
}

void DrawList::add_triangle(std::uint32_t a, std::uint32_t b, std::uint32_t c)
{
    m_indices.push_back(a);
    m_indices.push_back(b);
    m_indices.push_back(c);
    m_commands.back().index_count += 3;
}

void DrawList::fill_rect(Rect rect, Color color)
{
    if (rect.empty() || color.a == 0) {
        return;
    }
    const std::uint32_t base = begin(TextureId::none, 4);
    const std::uint32_t c = color.packed();
    add_vertex({ rect.x, rect.y }, c);
    add_vertex({ rect.right(), rect.y }, c);
    add_vertex({ rect.right(), rect.bottom() }, c);
    add_vertex({ rect.x, rect.bottom() }, c);
    add_triangle(base, base + 1, base + 2);
    add_triangle(base, base + 2, base + 3);
}

void DrawList::rounded_outline(Rect rect, float radius, std::vector<Point>& out, int segments) const
{
    out.clear();
    radius = std::max(0.0f, std::min({ radius, rect.w / 2, rect.h / 2 }));
    if (segments <= 0) {
        segments = arc_segments(radius, std::numbers::pi_v<float> / 2);
    }
    const Point centers[4] = { { rect.x + radius, rect.y + radius },
        { rect.right() - radius, rect.y + radius }, { rect.right() - radius, rect.bottom() - radius },
        { rect.x + radius, rect.bottom() - radius } };
    for (int corner = 0; corner < 4; ++corner) {
        const float start = std::numbers::pi_v<float> * (1.0f + 0.5f * static_cast<float>(corner));
        for (int i = 0; i <= segments; ++i) {
            const float a = start
                + (std::numbers::pi_v<float> / 2) * static_cast<float>(i) / static_cast<float>(segments);
            out.push_back(
                { centers[corner].x + radius * std::cos(a), centers[corner].y + radius * std::sin(a) });
        }
    }
}

void DrawList::fill_rounded_rect(Rect rect, float radius, Color color)
{
    if (rect.empty() || color.a == 0) {
        return;
    }
    // Three axis-aligned rectangles and four small corner fans: renderers fill rectangles far
    // faster than triangles (SDL's software renderer turns them into plain fills), and the
    // corners are all that needs triangles. The pieces meet on whole pixels: where they met at a
    // fraction, the renderer rounded each piece's edge its own way and a light seam showed just
    // inside the left and right edges of every button, popup and stamp.
    rect = snapped(rect);
    radius = std::round(std::min({ radius, rect.w / 2, rect.h / 2 }));
    if (radius < 1.0f || rect.empty()) {
        fill_rect(rect, color);
        return;
    }
    fill_rect({ rect.x + radius, rect.y, rect.w - 2 * radius, rect.h }, color);
    fill_rect({ rect.x, rect.y + radius, radius, rect.h - 2 * radius }, color);
    fill_rect({ rect.right() - radius, rect.y + radius, radius, rect.h - 2 * radius }, color);
    const int segments = arc_segments(radius, std::numbers::pi_v<float> / 2);
    const Point centers[4] = { { rect.x + radius, rect.y + radius },
        { rect.right() - radius, rect.y + radius }, { rect.right() - radius, rect.bottom() - radius },
        { rect.x + radius, rect.bottom() - radius } };
    const std::uint32_t c = color.packed();
    for (int corner = 0; corner < 4; ++corner) {
        const std::uint32_t base = begin(TextureId::none, static_cast<std::size_t>(segments) + 2);
        add_vertex(centers[corner], c);
        const float start = std::numbers::pi_v<float> * (1.0f + 0.5f * static_cast<float>(corner));
        for (int i = 0; i <= segments; ++i) {
            const float a = start
                + (std::numbers::pi_v<float> / 2) * static_cast<float>(i) / static_cast<float>(segments);
            add_vertex(
                { centers[corner].x + radius * std::cos(a), centers[corner].y + radius * std::sin(a) }, c);
        }
        for (int i = 0; i < segments; ++i) {
            add_triangle(
                base, base + 1 + static_cast<std::uint32_t>(i), base + 2 + static_cast<std::uint32_t>(i));
        }
    }
}

void DrawList::stroke_rounded_rect(Rect rect, float radius, float width, Color color)
{
    if (rect.empty() || color.a == 0 || width <= 0) {
        return;
    }
    // On whole pixels, like the fills: a 1-pixel edge at a fraction covers no pixel centre fully,
    // and the software renderer (which truncates) and GLES2 (which rounds) drew it a pixel apart.
    rect = snapped(rect);
    width = std::max(1.0f, std::round(width));
    if (rect.w <= 2 * width || rect.h <= 2 * width) {
        fill_rounded_rect(rect, radius, color); // too small to have a hole
        return;
    }
    // Both outlines get the same number of points so that they pair up into a ring.
    const int segments = arc_segments(std::max(radius, 0.0f), std::numbers::pi_v<float> / 2);
    rounded_outline(rect, std::max(radius, 0.0f), m_scratch, segments);
    const std::vector<Point> outer = m_scratch;
    rounded_outline(rect.inset(width, width), std::max(radius - width, 0.0f), m_scratch, segments);
    const auto n = static_cast<std::uint32_t>(outer.size());
    const std::uint32_t base = begin(TextureId::none, 2 * n);
    const std::uint32_t c = color.packed();
    for (std::uint32_t i = 0; i < n; ++i) {
        add_vertex(outer[i], c);
        add_vertex(m_scratch[i], c);
    }
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::uint32_t j = (i + 1) % n;
        add_triangle(base + 2 * i, base + 2 * j, base + 2 * j + 1);
        add_triangle(base + 2 * i, base + 2 * j + 1, base + 2 * i + 1);
    }
}

void DrawList::line(Point a, Point b, float width, Color color)
{
    const float dx = b.x - a.x;
    const float dy = b.y - a.y;
    const float len = std::hypot(dx, dy);
    if (len <= 0 || width <= 0 || color.a == 0) {
        return;
    }
    const Point n { -dy / len * width / 2, dx / len * width / 2 };
    const std::uint32_t base = begin(TextureId::none, 4);
    const std::uint32_t c = color.packed();
    add_vertex(a + n, c);
    add_vertex(b + n, c);
    add_vertex(b - n, c);
    add_vertex(a - n, c);
    add_triangle(base, base + 1, base + 2);
    add_triangle(base, base + 2, base + 3);
}

void DrawList::fill_circle(Point center, float radius, Color color)
{
    fill_rounded_rect({ center.x - radius, center.y - radius, 2 * radius, 2 * radius }, radius, color);
}

void DrawList::stroke_circle(Point center, float radius, float width, Color color)
{
    stroke_rounded_rect(
        { center.x - radius, center.y - radius, 2 * radius, 2 * radius }, radius, width, color);
}

void DrawList::fill_triangle(Point a, Point b, Point c, Color color)
{
    if (color.a == 0) {
        return;
    }
    const std::uint32_t base = begin(TextureId::none, 3);
    const std::uint32_t packed = color.packed();
    add_vertex(a, packed);
    add_vertex(b, packed);
    add_vertex(c, packed);
    add_triangle(base, base + 1, base + 2);
}

void DrawList::textured_quad(Rect dst, Rect src, Color color, TextureId texture)
{
    if (dst.empty() || color.a == 0) {
        return;
    }
    const std::uint32_t base = begin(texture, 4);
    const std::uint32_t c = color.packed();
    add_vertex({ dst.x, dst.y }, c, src.x, src.y);
    add_vertex({ dst.right(), dst.y }, c, src.right(), src.y);
    add_vertex({ dst.right(), dst.bottom() }, c, src.right(), src.bottom());
    add_vertex({ dst.x, dst.bottom() }, c, src.x, src.bottom());
    add_triangle(base, base + 1, base + 2);
    add_triangle(base, base + 2, base + 3);
}

} // namespace ck::ui
