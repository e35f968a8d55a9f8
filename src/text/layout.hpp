// An immutable, positioned text layout: lines of shaped glyphs with the source byte ranges they
// show, and the queries the UI needs (highlight rectangles for a byte range, hit-testing a point).
// Pure data: made by FontSet::layout, it holds no font handles and is cheap to share between frames.
#pragma once

#include "core/geometry.hpp"
#include "text/font_set.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace ck::text {

inline constexpr float unlimited_width_px = std::numeric_limits<float>::infinity();

enum class WrapMode : std::uint8_t {
    // UAX #14 break opportunities (libunibreak); line terminators are mandatory breaks; a word
    // wider than the column is broken between grapheme clusters, so no line is wider than it.
    words,
    // The text's own lines are kept; a line longer than the column wraps as in `words`.
    // Used for cable text at normal sizes.
    preserve_lines,
    // Lines inside a paragraph are joined with one space (paragraphs are separated by blank,
    // whitespace-only lines, which collapse to one empty line), then wrapped as in `words`.
    // Used for large print.
    reflow,
};

enum class Align : std::uint8_t { start, center, end };

struct LayoutOptions {
    TextStyle style;
    // The column width in pixels; unlimited_width_px lays every line out at its natural width.
    float max_width_px = unlimited_width_px;
    WrapMode wrap = WrapMode::words;
    // Line pitch as a multiple of style.size_px; the glyphs sit centred in the extra leading.
    float line_height = 1.3f;
    // Alignment inside max_width_px (or, when unlimited, inside the widest line).
    Align align = Align::start;
    // 0 means unlimited; otherwise lines past this are dropped and the last kept line ends with an
    // ellipsis (U+2026) that fits the column.
    int max_lines = 0;
    friend bool operator==(const LayoutOptions&, const LayoutOptions&) = default;
};

// One shaped glyph. x is the pen position plus the shaper's offset, from the layout's left edge;
// y is the baseline from the layout's top (y grows downwards); advance is the pen's move.
struct PositionedGlyph {
    FaceId face = 0;
    GlyphId glyph = 0;
    float x = 0;
    float y = 0;
    float advance = 0;
    // Byte offset in the source text of the first byte of the cluster this glyph belongs to.
    std::uint32_t cluster = 0;
};

// Lines tile the source text: line 0 begins at byte 0, each line begins where the previous one
// ended, and the last one ends at the text's size. A line's range includes its trailing spaces
// and line terminator; content_end is where its visible part ends. A truncated layout's last line
// ends where the ellipsis cut it.
struct LayoutLine {
    std::uint32_t byte_begin = 0;
    std::uint32_t byte_end = 0;
    std::uint32_t content_end = 0;
    std::uint32_t glyph_begin = 0; // index into Layout::glyphs()
    std::uint32_t glyph_end = 0;
    float x = 0; // left edge of the line's ink after alignment
    float top = 0; // top of the line box
    float baseline = 0; // from the layout's top
    float width = 0; // advance width of the visible part (trailing spaces excluded)
    float height = 0; // the line pitch
    bool ellipsis = false; // the last glyph is the ellipsis, which maps to no source byte
};

class Layout {
public:
    Layout() = default;

    [[nodiscard]] const std::vector<PositionedGlyph>& glyphs() const { return m_glyphs; }
    [[nodiscard]] const std::vector<LayoutLine>& lines() const { return m_lines; }
    [[nodiscard]] const LayoutOptions& options() const { return m_options; }
    // Width of the widest line and height of all line boxes.
    [[nodiscard]] Size size() const { return m_size; }
    [[nodiscard]] std::size_t text_size() const { return m_text_size; }
    // True when max_lines dropped text.
    [[nodiscard]] bool truncated() const { return m_truncated; }
    // Approximate heap bytes, for the layout cache's budget.
    [[nodiscard]] std::size_t memory_bytes() const;

    // Rectangles (one per line touched, the height of the line box) covering the glyphs whose
    // clusters intersect source bytes [begin, end). Empty when nothing of it is visible.
    [[nodiscard]] std::vector<Rect> rects_for_range(std::size_t begin, std::size_t end) const;

    // The line whose box contains y (clamped to the first or last line).
    [[nodiscard]] std::size_t line_at(float y) const;
    // The source byte offset of the cluster under (or nearest to) the point: for taps on words.
    [[nodiscard]] std::size_t offset_at(Point p) const;
    // The cluster boundary nearest to the point: for placing a caret.
    [[nodiscard]] std::size_t caret_at(Point p) const;

private:
    friend class LayoutBuilder;
    std::vector<PositionedGlyph> m_glyphs;
    std::vector<LayoutLine> m_lines;
    LayoutOptions m_options;
    Size m_size;
    std::size_t m_text_size = 0;
    bool m_truncated = false;
};

} // namespace ck::text
