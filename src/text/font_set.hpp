// The kiosk's fonts: two families (sans = Inter, mono = Courier Prime) in four weights, each with a
// fallback chain ending in a CJK face, loaded once and shared by layout and rasterization. This
// header must not include FreeType or HarfBuzz: their handles live behind the pimpl.
#pragma once

#include "core/geometry.hpp"
#include "core/result.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ck::text {

class Layout;
struct LayoutOptions;

// An index into the FontSet's faces (a typeface: one font file, at any size).
using FaceId = std::uint16_t;
// A glyph index inside one face (0 is the face's .notdef, drawn as the "missing glyph" box).
using GlyphId = std::uint32_t;

enum class Family : std::uint8_t {
    sans, // Inter, then the CJK fallbacks
    mono, // Courier Prime, then Inter for the symbols it lacks, then the CJK fallbacks
};

enum class Weight : std::uint8_t { regular, medium, semibold, bold };

// What the UI asks for. size_px is the em size in pixels (the UI converts millimetres at the
// configured DPI); fractional sizes are honoured.
struct TextStyle {
    Family family = Family::sans;
    Weight weight = Weight::regular;
    float size_px = 16.0f;
    friend bool operator==(const TextStyle&, const TextStyle&) = default;
};

// One font file; face_index selects a face inside a collection (.ttc).
struct FontFile {
    std::string path;
    int face_index = 0;
    friend bool operator==(const FontFile&, const FontFile&) = default;
};

// Where the faces are. The regular faces are required (a missing one is an error the kiosk turns
// into its "out of order" screen); a missing heavier weight falls back to the regular face of its
// family, and a missing fallback only degrades (its characters show the .notdef box).
struct FontPaths {
    FontFile sans_regular;
    FontFile sans_medium;
    FontFile sans_semibold;
    FontFile sans_bold;
    FontFile mono_regular;
    FontFile mono_bold; // also used for semibold; medium uses mono_regular
    std::vector<FontFile> fallbacks; // tried in order after the family's own faces (CJK first)

    // Debian 12's fonts-inter, fonts-courier-prime, fonts-ipaexfont-gothic, then fonts-noto-cjk.
    static FontPaths debian_defaults();
};

// Vertical metrics of a style's primary face, in pixels. descent is positive (below the baseline).
struct FontMetrics {
    float ascent = 0;
    float descent = 0;
    float line_gap = 0;
    [[nodiscard]] float natural_line_height() const { return ascent + descent + line_gap; }
};

enum class FaceRole : std::uint8_t { sans, mono, fallback };

struct FaceInfo {
    std::string family_name; // as the font names itself, e.g. "Courier Prime"
    std::string path;
    FaceRole role = FaceRole::fallback;
    Weight weight = Weight::regular;
};

// A glyph rendered to 8-bit coverage (0 = transparent, 255 = full ink), rows top to bottom.
// left/top place the bitmap's top-left corner relative to the pen on the baseline: x = pen_x + left,
// y = baseline - top (y grows downwards). An empty bitmap (width or height 0) has no ink.
struct GlyphBitmap {
    int width = 0;
    int height = 0;
    int left = 0;
    int top = 0;
    std::vector<std::uint8_t> coverage; // width * height bytes
};

// Counters of the shaping cache (shaped words, size-independent), for the diagnostics screen.
struct ShapeCacheStats {
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
    std::size_t entries = 0;
};

// Not thread-safe: the kiosk lays out and rasterizes on its UI thread only.
class FontSet {
public:
    static Result<std::unique_ptr<FontSet>> create(const FontPaths& paths);
    ~FontSet();
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    [[nodiscard]] FontMetrics metrics(const TextStyle& style) const;

    // Width in pixels of `text` set on one line (line terminators count as spaces).
    float measure(std::string_view text, const TextStyle& style);

    // Shapes and breaks `text` (UTF-8, possibly ill-formed) into an immutable layout. Shaping
    // happens here, never when drawing; use a LayoutCache to avoid laying out the same text twice.
    Layout layout(std::string_view text, const LayoutOptions& options);

    // Renders one glyph at `size_px` with FreeType. A blank glyph (a space) is an empty bitmap; a
    // glyph the font cannot render is an error. An empty .notdef is drawn as a hollow box.
    Result<GlyphBitmap> rasterize(FaceId face, GlyphId glyph, float size_px);

    [[nodiscard]] std::size_t face_count() const;
    [[nodiscard]] const FaceInfo& face_info(FaceId face) const;
    // The first face of a style's chain: its metrics set the lines, its .notdef marks tofu.
    [[nodiscard]] FaceId primary_face(const TextStyle& style) const;
    // The style's fallback chain, primary first (missing fallbacks are not in it).
    [[nodiscard]] std::vector<FaceId> chain(const TextStyle& style) const;
    // The first face of the style's chain that has a glyph for `cp`; none: it would show as tofu.
    [[nodiscard]] std::optional<FaceId> face_for(char32_t cp, const TextStyle& style) const;

    [[nodiscard]] ShapeCacheStats shape_cache_stats() const;

    // Does HarfBuzz's set-up for each face ahead of the first layout: its shape plan for the
    // face's scripts (Latin; Han, with kana, for the fallbacks) and the font tables it reads on first
    // use, about 1 ms at start for the kiosk's faces. Layouts are the same with or without it; the
    // kiosk calls it while the pack is still opening on the other thread.
    void prepare_shaping();

    struct Impl;

private:
    explicit FontSet(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace ck::text
