// The shelf packer and its CPU pixels (see the diagram in glyph_atlas.hpp). No GPU calls: the
// platform layer uploads the dirty rectangles.
#include "text/glyph_atlas.hpp"

#include "core/result.hpp"

#include <algorithm>
#include <new>

namespace ck::text {

GlyphAtlas::GlyphAtlas(int width, int height)
    : m_width(std::clamp(width, 1, 65535))
    , m_height(std::clamp(height, 1, 65535))
    , m_pixels(static_cast<std::uint8_t*>(
          std::calloc(static_cast<std::size_t>(m_width) * static_cast<std::size_t>(m_height), 1)))
{
    if (!m_pixels) {
        throw std::bad_alloc();
    }
}

AtlasInsert GlyphAtlas::insert(int w, int h, std::span<const std::uint8_t> coverage, int pitch)
{
    if (w <= 0 || h <= 0) {
        return {}; // nothing to store: an empty rectangle, nothing dirty
    }
    const int need_w = w + gutter_px;
    const int need_h = h + gutter_px;
    if (need_w > m_width || need_h > m_height) {
        return { {}, AtlasInsertError::too_big };
    }
    CK_ASSERT(pitch >= w);
    CK_ASSERT(coverage.size()
        >= static_cast<std::size_t>(h - 1) * static_cast<std::size_t>(pitch) + static_cast<std::size_t>(w));

    auto has_room
        = [&](const Shelf& shelf) { return shelf.height >= need_h && shelf.used_width + need_w <= m_width; };
    std::size_t chosen = m_shelves.size();
    for (std::size_t i = 0; i < m_shelves.size(); ++i) {
        if (has_room(m_shelves[i]) && m_shelves[i].height <= need_h + std::max(shelf_slack_px, need_h / 4)) {
            chosen = i;
            break;
        }
    }
    if (chosen == m_shelves.size()) {
        const int top = m_shelves.empty() ? 0 : m_shelves.back().y + m_shelves.back().height;
        // Shelf heights are rounded up so that glyphs of nearly the same height share shelves.
        const int shelf_h
            = std::min(m_height - top, (need_h + shelf_round_px - 1) / shelf_round_px * shelf_round_px);
        if (top + need_h <= m_height) {
            m_shelves.push_back({ top, shelf_h, 0, -1 });
        } else {
            // No height left for a new shelf: accept waste in the lowest taller shelf with room.
            for (std::size_t i = 0; i < m_shelves.size(); ++i) {
                if (has_room(m_shelves[i])
                    && (chosen == m_shelves.size() || m_shelves[i].height < m_shelves[chosen].height)) {
                    chosen = i;
                }
            }
            if (chosen == m_shelves.size()) {
                return { {}, AtlasInsertError::full };
            }
        }
    }
    Shelf& shelf = m_shelves[chosen];
    const AtlasRect rect { static_cast<std::uint16_t>(shelf.used_width), static_cast<std::uint16_t>(shelf.y),
        static_cast<std::uint16_t>(w), static_cast<std::uint16_t>(h) };
    shelf.used_width += need_w;
    for (int row = 0; row < h; ++row) {
        const auto src = coverage.subspan(
            static_cast<std::size_t>(row) * static_cast<std::size_t>(pitch), static_cast<std::size_t>(w));
        std::copy(src.begin(), src.end(),
            m_pixels.get() + static_cast<std::ptrdiff_t>(rect.y + row) * m_width + rect.x);
    }
    mark_dirty(chosen, rect);
    ++m_glyph_count;
    return { rect, std::nullopt };
}

void GlyphAtlas::mark_dirty(std::size_t shelf_index, const AtlasRect& rect)
{
    Shelf& shelf = m_shelves[shelf_index];
    if (shelf.dirty_index < 0) {
        shelf.dirty_index = static_cast<int>(m_dirty.size());
        m_dirty.push_back(rect);
        return;
    }
    AtlasRect& d = m_dirty[static_cast<std::size_t>(shelf.dirty_index)];
    const int x0 = std::min(d.x, rect.x);
    const int y0 = std::min(d.y, rect.y);
    const int x1 = std::max(d.x + d.w, rect.x + rect.w);
    const int y1 = std::max(d.y + d.h, rect.y + rect.h);
    d = { static_cast<std::uint16_t>(x0), static_cast<std::uint16_t>(y0), static_cast<std::uint16_t>(x1 - x0),
        static_cast<std::uint16_t>(y1 - y0) };
}

void GlyphAtlas::clear()
{
    // Rows below the shelves are zero already.
    std::fill_n(
        m_pixels.get(), static_cast<std::size_t>(used_height()) * static_cast<std::size_t>(m_width), 0);
    m_shelves.clear();
    m_dirty
        = { AtlasRect { 0, 0, static_cast<std::uint16_t>(m_width), static_cast<std::uint16_t>(m_height) } };
    m_glyph_count = 0;
    ++m_generation;
}

std::vector<AtlasRect> GlyphAtlas::take_dirty()
{
    for (Shelf& shelf : m_shelves) {
        shelf.dirty_index = -1;
    }
    return std::exchange(m_dirty, {});
}

int GlyphAtlas::used_height() const
{
    return m_shelves.empty() ? 0 : m_shelves.back().y + m_shelves.back().height;
}

float GlyphAtlas::fill_ratio() const
{
    return static_cast<float>(used_height()) / static_cast<float>(m_height);
}

} // namespace ck::text
