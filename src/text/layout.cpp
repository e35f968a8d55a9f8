// Queries on a finished layout: highlight rectangles for byte ranges and hit-testing. Pure data.
#include "text/layout.hpp"

#include <algorithm>

namespace ck::text {

namespace {

// The source bytes a glyph's cluster spans: up to the next glyph with a later cluster, or the
// line's end.
std::uint32_t cluster_end(const std::vector<PositionedGlyph>& glyphs, const LayoutLine& line, std::uint32_t i)
{
    const std::uint32_t start = glyphs[i].cluster;
    for (std::uint32_t j = i + 1; j < line.glyph_end; ++j) {
        if (glyphs[j].cluster > start) {
            return glyphs[j].cluster;
        }
    }
    return start < line.content_end ? line.content_end : std::max(start, line.byte_end);
}

} // namespace

std::size_t Layout::memory_bytes() const
{
    return sizeof(Layout) + m_glyphs.capacity() * sizeof(PositionedGlyph)
        + m_lines.capacity() * sizeof(LayoutLine);
}

std::vector<Rect> Layout::rects_for_range(std::size_t begin, std::size_t end) const
{
    std::vector<Rect> rects;
    if (begin >= end) {
        return rects;
    }
    for (const LayoutLine& line : m_lines) {
        if (line.byte_end <= begin || line.byte_begin >= end) {
            continue;
        }
        float left = 0;
        float right = 0;
        bool any = false;
        for (std::uint32_t i = line.glyph_begin; i < line.glyph_end; ++i) {
            const PositionedGlyph& g = m_glyphs[i];
            if (line.ellipsis && i + 1 == line.glyph_end && g.cluster == line.byte_end) {
                continue; // the ellipsis stands for no source text
            }
            if (g.cluster < end && cluster_end(m_glyphs, line, i) > begin && g.advance > 0) {
                left = any ? std::min(left, g.x) : g.x;
                right = any ? std::max(right, g.x + g.advance) : g.x + g.advance;
                any = true;
            }
        }
        if (any) {
            rects.push_back({ left, line.top, right - left, line.height });
        }
    }
    return rects;
}

std::size_t Layout::line_at(float y) const
{
    if (m_lines.empty()) {
        return 0;
    }
    const auto it = std::upper_bound(m_lines.begin(), m_lines.end(), y,
        [](float value, const LayoutLine& line) { return value < line.top; });
    return it == m_lines.begin() ? 0 : static_cast<std::size_t>(it - m_lines.begin() - 1);
}

std::size_t Layout::offset_at(Point p) const
{
    if (m_lines.empty()) {
        return 0;
    }
    const LayoutLine& line = m_lines[line_at(p.y)];
    std::size_t nearest = line.byte_begin;
    for (std::uint32_t i = line.glyph_begin; i < line.glyph_end; ++i) {
        const PositionedGlyph& g = m_glyphs[i];
        if (g.advance <= 0) {
            continue;
        }
        nearest = g.cluster;
        if (p.x < g.x + g.advance) {
            break;
        }
    }
    return std::min<std::size_t>(nearest, m_text_size);
}

std::size_t Layout::caret_at(Point p) const
{
    if (m_lines.empty()) {
        return 0;
    }
    const LayoutLine& line = m_lines[line_at(p.y)];
    for (std::uint32_t i = line.glyph_begin; i < line.glyph_end; ++i) {
        const PositionedGlyph& g = m_glyphs[i];
        if (g.advance <= 0 || g.cluster >= line.content_end) {
            continue;
        }
        if (p.x < g.x + g.advance / 2) {
            return g.cluster;
        }
    }
    return line.content_end;
}

} // namespace ck::text
