// A CPU glyph atlas: one 8-bit coverage buffer (one byte per pixel, 0 = transparent, 255 = ink)
// packed by shelves, with the dirty rectangles since the last upload. No GPU calls here: the
// platform layer takes the dirty rectangles and uploads them into its texture.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace ck::text {

struct AtlasRect {
    std::uint16_t x = 0;
    std::uint16_t y = 0;
    std::uint16_t w = 0;
    std::uint16_t h = 0;
    friend bool operator==(const AtlasRect&, const AtlasRect&) = default;
};

enum class AtlasInsertError : std::uint8_t {
    full, // no shelf has room and there is no height left for a new one: clear and retry
    too_big, // larger than the whole atlas: it will never fit
};

struct AtlasInsert {
    AtlasRect rect;
    std::optional<AtlasInsertError> error;
    [[nodiscard]] bool ok() const { return !error.has_value(); }
};

// Shelf packing. The atlas is cut into horizontal shelves, stacked from the top; each shelf is as
// tall as the first glyph that opened it (rounded up to shelf_round_px), and glyphs fill it left
// to right. A glyph goes on the
// first shelf that is tall enough (but not wastefully taller, see shelf_slack) and has room left;
// otherwise a new shelf is opened below the last one; when no height is left the atlas is full.
//
//     x=0                                        width
//   y=0 +-----+---+-------+----+-----------------+
//       |  A  | B |   C   | D  |   free          |  shelf 0, height 14
//       +-----+-+-+-----+-+----+--+--------------+
//       |   E   |  F    |  G      |  free        |  shelf 1, height 22
//       |       |       |         |              |
//       +--+--+-+-+-----+---------+--------------+
//       |H |I |J  |        free                  |  shelf 2, height 9
//       +--+--+---+------------------------------+
//       |                                        |
//       |        never used: room for shelves    |
//       |                                        |
//       +----------------------------------------+ height
//
// Every glyph keeps a one-pixel gutter to its right and below, so sampling with filtering never
// bleeds a neighbour in.
class GlyphAtlas {
public:
    static constexpr int gutter_px = 1;
    // A shelf takes a glyph at most this much (or a quarter of the glyph's height) shorter than it.
    static constexpr int shelf_slack_px = 4;
    // New shelves are this many pixels tall, rounded up from the glyph that opens them.
    static constexpr int shelf_round_px = 4;

    GlyphAtlas(int width, int height);

    // Copies a w x h coverage bitmap (rows `pitch` bytes apart) into a free place and marks it dirty.
    AtlasInsert insert(int w, int h, std::span<const std::uint8_t> coverage, int pitch);
    // Forgets every glyph, zeroes the pixels, bumps the generation and marks the whole atlas dirty.
    void clear();

    [[nodiscard]] int width() const { return m_width; }
    [[nodiscard]] int height() const { return m_height; }
    // width() * height() bytes, rows top to bottom, pitch == width().
    [[nodiscard]] std::span<const std::uint8_t> pixels() const
    {
        return { m_pixels.get(), static_cast<std::size_t>(m_width) * static_cast<std::size_t>(m_height) };
    }
    // Changes on every clear(): a renderer that sees a new generation re-uploads everything.
    [[nodiscard]] std::uint64_t generation() const { return m_generation; }

    // Rectangles changed since the last take (at most one per shelf, each covering all of that
    // shelf's inserts); the list is empty afterwards.
    std::vector<AtlasRect> take_dirty();
    [[nodiscard]] const std::vector<AtlasRect>& dirty() const { return m_dirty; }

    [[nodiscard]] std::size_t shelf_count() const { return m_shelves.size(); }
    [[nodiscard]] std::size_t glyph_count() const { return m_glyph_count; }
    // Rows taken by shelves, from the top; the rows below are all zero.
    [[nodiscard]] int used_height() const;
    // Height taken by shelves, as a share of the atlas (0..1).
    [[nodiscard]] float fill_ratio() const;

private:
    struct Shelf {
        int y = 0;
        int height = 0;
        int used_width = 0;
        int dirty_index = -1; // index in m_dirty of this shelf's rectangle, or -1
    };
    void mark_dirty(std::size_t shelf_index, const AtlasRect& rect);

    struct FreeBytes {
        void operator()(std::uint8_t* p) const { std::free(p); }
    };

    int m_width = 0;
    int m_height = 0;
    // From calloc, not a zero-filled vector: a fresh 1 MiB block comes zeroed from the kernel, so
    // the rows no shelf reaches are never touched (a vector's fill faults in every page at start).
    std::unique_ptr<std::uint8_t[], FreeBytes> m_pixels;
    std::vector<Shelf> m_shelves;
    std::vector<AtlasRect> m_dirty;
    std::uint64_t m_generation = 1;
    std::size_t m_glyph_count = 0;
};

} // namespace ck::text
