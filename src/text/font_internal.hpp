// Internal to ck_text: the FontSet's private state, shared by the font, shaping, layout and
// rasterization files. The one header that holds FreeType and HarfBuzz handles; never include it
// from a public header.
#pragma once

#include "text/font_set.hpp"
#include "text/layout.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace ck::text {

struct FtLibraryDeleter {
    void operator()(FT_Library library) const { FT_Done_FreeType(library); }
};
struct FtFaceDeleter {
    void operator()(FT_Face face) const { FT_Done_Face(face); }
};
struct HbBlobDeleter {
    void operator()(hb_blob_t* blob) const { hb_blob_destroy(blob); }
};
struct HbFaceDeleter {
    void operator()(hb_face_t* face) const { hb_face_destroy(face); }
};
struct HbFontDeleter {
    void operator()(hb_font_t* font) const { hb_font_destroy(font); }
};
struct HbBufferDeleter {
    void operator()(hb_buffer_t* buffer) const { hb_buffer_destroy(buffer); }
};
using FtLibraryPtr = std::unique_ptr<std::remove_pointer_t<FT_Library>, FtLibraryDeleter>;
using FtFacePtr = std::unique_ptr<std::remove_pointer_t<FT_Face>, FtFaceDeleter>;
using HbBlobPtr = std::unique_ptr<hb_blob_t, HbBlobDeleter>;
using HbFacePtr = std::unique_ptr<hb_face_t, HbFaceDeleter>;
using HbFontPtr = std::unique_ptr<hb_font_t, HbFontDeleter>;
using HbBufferPtr = std::unique_ptr<hb_buffer_t, HbBufferDeleter>;

// A typeface: one font file, size-independent. HarfBuzz shapes it at a scale of one unit per
// font unit, so shaped advances are in ems and scale linearly with the pixel size; FreeType
// rasterizes from the same memory-mapped blob.
struct Typeface {
    FaceInfo info;
    FontFile file;
    HbBlobPtr blob;
    HbFacePtr hb_face;
    HbFontPtr hb_font;
    FtFacePtr ft_face;
    float units_per_em = 1000;
    float ascender_em = 0.8f;
    float descender_em = 0.2f; // positive, below the baseline
    float line_gap_em = 0;
    std::uint32_t ft_size_64ths = 0; // the size FreeType is set to now

    [[nodiscard]] bool covers(char32_t cp) const
    {
        hb_codepoint_t glyph = 0;
        return hb_font_get_nominal_glyph(hb_font.get(), cp, &glyph) != 0;
    }
};

// A glyph shaped at em scale: advances and offsets are fractions of the em; cluster is the index
// of its first code point in the shaped segment.
struct ShapedGlyph {
    FaceId face = 0;
    GlyphId glyph = 0;
    float advance_em = 0;
    float x_offset_em = 0;
    float y_offset_em = 0;
    std::uint32_t cluster = 0;
};

constexpr std::size_t style_chain_count = 8; // 2 families x 4 weights

inline std::size_t chain_index(const TextStyle& style)
{
    return static_cast<std::size_t>(style.family) * 4 + static_cast<std::size_t>(style.weight);
}

// The word-shaping cache: shaped segments keyed by (chain, code points). Shaping is size-
// independent, so a pinch that changes the size, or a new column width, reuses every word. An
// open-addressing table over two flat arenas: a layout looks up tens of thousands of words, and a
// node-based map spent most of its time waiting for memory.
class ShapeCache {
public:
    struct Found {
        bool hit = false;
        const ShapedGlyph* glyphs = nullptr;
        std::size_t count = 0;
    };
    static std::uint64_t hash(std::uint8_t chain, std::u32string_view text);
    [[nodiscard]] Found find(std::uint8_t chain, std::u32string_view text, std::uint64_t hash) const;
    void insert(std::uint8_t chain, std::u32string_view text, std::uint64_t hash,
        const std::vector<ShapedGlyph>& glyphs);
    void clear();
    [[nodiscard]] std::size_t size() const { return m_count; }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t key_offset = 0;
        std::uint32_t glyph_offset = 0;
        std::uint16_t key_length = 0;
        std::uint16_t glyph_count = 0;
        std::uint8_t chain = 0;
        bool used = false;
    };
    void grow();

    std::vector<Slot> m_slots;
    std::vector<char32_t> m_keys;
    std::vector<ShapedGlyph> m_glyphs;
    std::size_t m_count = 0;
};

struct FontSet::Impl {
    FtLibraryPtr ft_library;
    std::vector<Typeface> faces;
    std::array<std::vector<FaceId>, style_chain_count> chains;
    HbBufferPtr buffer;

    ShapeCache shape_cache;
    ShapeCacheStats shape_stats;
    // One shaped space per chain: runs of spaces are the most common segment and need no lookup.
    std::array<std::vector<ShapedGlyph>, style_chain_count> space_glyphs;

    // Appends the glyphs of `text` shaped with a style's chain; clusters are offset by `base`.
    void shape(
        std::size_t chain, std::u32string_view text, std::uint32_t base, std::vector<ShapedGlyph>& out);
    // The same without the cache (one HarfBuzz call per font/script run).
    void shape_uncached(
        std::size_t chain, std::u32string_view text, std::uint32_t base, std::vector<ShapedGlyph>& out);

    Layout lay_out(std::string_view text, const LayoutOptions& options);
    float measure(std::string_view text, const TextStyle& style);
    void prepare_shaping();
};

} // namespace ck::text
