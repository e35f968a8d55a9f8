// The glyph cache in front of the atlas: (face, glyph, pixel size) -> where its coverage is in the
// atlas and how to place it, rasterized on first use. Misses are cached too (blank glyphs, glyphs
// that fail to render or do not fit), so a page of tofu costs one attempt per glyph, not per frame.
#pragma once

#include "text/font_set.hpp"
#include "text/glyph_atlas.hpp"

#include <cstdint>
#include <unordered_map>

namespace ck::text {

struct CachedGlyph {
    // False for a cached miss: there is nothing to draw (a space, a failed or oversized glyph).
    bool visible = false;
    AtlasRect rect;
    // Place the atlas rectangle at (pen_x + left, baseline - top).
    std::int16_t left = 0;
    std::int16_t top = 0;
};

struct GlyphCacheStats {
    std::uint64_t hits = 0;
    std::uint64_t misses = 0; // rasterizations
    std::uint64_t blank = 0; // misses that had no ink
    std::uint64_t failed = 0; // misses that could not be rendered or did not fit
    std::uint64_t atlas_resets = 0;
    std::size_t entries = 0;
};

class GlyphCache {
public:
    static constexpr int default_atlas_px = 1024;

    explicit GlyphCache(
        FontSet& fonts, int atlas_width = default_atlas_px, int atlas_height = default_atlas_px);

    // The glyph's atlas placement. When the atlas is full it is cleared and the cache forgotten
    // (atlas().generation() changes); placements returned before that are stale, so a renderer
    // that sees the generation change while building a frame builds it again.
    CachedGlyph get(FaceId face, GlyphId glyph, float size_px);

    [[nodiscard]] GlyphAtlas& atlas() { return m_atlas; }
    [[nodiscard]] const GlyphAtlas& atlas() const { return m_atlas; }
    [[nodiscard]] GlyphCacheStats stats() const;
    void clear();

private:
    struct Key {
        FaceId face = 0;
        GlyphId glyph = 0;
        std::uint32_t size_64ths = 0; // the pixel size in 1/64 px, as FreeType takes it
        friend bool operator==(const Key&, const Key&) = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& key) const;
    };

    CachedGlyph render(FaceId face, GlyphId glyph, float size_px);

    FontSet& m_fonts;
    GlyphAtlas m_atlas;
    std::unordered_map<Key, CachedGlyph, KeyHash> m_entries;
    GlyphCacheStats m_stats;
};

} // namespace ck::text
