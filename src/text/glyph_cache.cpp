// The glyph cache: rasterize on first use, remember hits and misses alike, and start the atlas
// afresh when it fills up rather than failing.
#include "text/glyph_cache.hpp"

#include <algorithm>
#include <cmath>

namespace ck::text {

std::size_t GlyphCache::KeyHash::operator()(const Key& key) const
{
    std::uint64_t h = (static_cast<std::uint64_t>(key.face) << 48)
        ^ (static_cast<std::uint64_t>(key.size_64ths) << 24) ^ key.glyph;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return static_cast<std::size_t>(h);
}

GlyphCache::GlyphCache(FontSet& fonts, int atlas_width, int atlas_height)
    : m_fonts(fonts)
    , m_atlas(atlas_width, atlas_height)
{
}

CachedGlyph GlyphCache::get(FaceId face, GlyphId glyph, float size_px)
{
    const float size = std::isnan(size_px) ? 16.0f : std::clamp(size_px, 1.0f, 2048.0f);
    const Key key { face, glyph, static_cast<std::uint32_t>(std::lround(size * 64.0f)) };
    if (const auto it = m_entries.find(key); it != m_entries.end()) {
        ++m_stats.hits;
        return it->second;
    }
    ++m_stats.misses;
    const CachedGlyph entry = render(face, glyph, size);
    m_entries.emplace(key, entry);
    return entry;
}

CachedGlyph GlyphCache::render(FaceId face, GlyphId glyph, float size_px)
{
    const auto bitmap = m_fonts.rasterize(face, glyph, size_px);
    if (!bitmap) {
        ++m_stats.failed;
        return {};
    }
    if (bitmap->width == 0 || bitmap->height == 0) {
        ++m_stats.blank;
        return {};
    }
    auto insert
        = [&] { return m_atlas.insert(bitmap->width, bitmap->height, bitmap->coverage, bitmap->width); };
    AtlasInsert placed = insert();
    if (!placed.ok() && placed.error == AtlasInsertError::full) {
        // Start again: what is drawn next is re-requested and re-rasterized into the empty atlas.
        m_atlas.clear();
        m_entries.clear();
        ++m_stats.atlas_resets;
        placed = insert();
    }
    if (!placed.ok()) {
        ++m_stats.failed;
        return {};
    }
    auto clamp16 = [](int v) { return static_cast<std::int16_t>(std::clamp(v, -32768, 32767)); };
    return { true, placed.rect, clamp16(bitmap->left), clamp16(bitmap->top) };
}

GlyphCacheStats GlyphCache::stats() const
{
    GlyphCacheStats stats = m_stats;
    stats.entries = m_entries.size();
    return stats;
}

void GlyphCache::clear()
{
    m_entries.clear();
    m_atlas.clear();
}

} // namespace ck::text
