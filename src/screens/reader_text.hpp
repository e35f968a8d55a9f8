// The reader's pure text logic: a cable's date in words, its marking for the banners, its
// precedence's UI key, the text-size steps, and the large-print text that joins the lines a
// teletype wrapped while keeping the lines its writer broke. No drawing and no pack access here.
#pragma once

#include "cable/cable.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ck::screens::reader {

// Text sizes as factors of the theme's cable size; index 2 (1.0) is a visit's default
// (Visit::reader_size_step). Pinching moves between these.
inline constexpr std::array<float, 8> size_factors = { 0.8f, 0.9f, 1.0f, 1.15f, 1.35f, 1.6f, 1.9f, 2.25f };
inline constexpr std::size_t default_size_step = 2;
// A teletype line: the reader keeps the cable's own lines while this many characters fit.
inline constexpr int teletype_line_chars = 69;

// Clamps a stored step (from the visit) into the table.
std::size_t clamp_size_step(int step);

// "7 July 1977, 21:38 UTC" in English, "1977年7月7日 21:38 UTC" in Japanese; the time only when
// the cable gave one. Other languages get the English form. Empty for an unknown date.
std::string format_date(const cable::CableDate& date, std::string_view lang);

// "precedence.immediate" for "IMMEDIATE", "precedence.niact_immediate" for "NIACT IMMEDIATE".
std::string precedence_key(std::string_view precedence);

// What the banners say: the classification with its dissemination controls, "SECRET//NOFORN".
// Routing flags that are not markings (SIPDIS) are left out; empty for an unmarked document.
std::string banner_marking(const cable::Cable& cable);

// The large-print text and the map between its byte offsets and the display text's. Lines the
// teletype wrapped are joined with one space (a hyphen at a line's end joins with none); lines
// the writer broke stay broken: blank and rule lines, short lines, lines ending in a colon,
// lines that start a numbered or lettered paragraph, a header keyword or a bullet, and aligned
// columns. The engine's WrapMode::reflow joins every line of a paragraph, which would run a
// telegram's header and its lists together, so the reader decides the breaks here.
class LargePrint {
public:
    static LargePrint make(std::string_view display);

    [[nodiscard]] const std::string& text() const { return m_text; }
    // The offset in text() of a display-text offset (inside a joined gap: where the gap's space is).
    [[nodiscard]] std::size_t from_display(std::size_t offset) const;
    // The display-text offset of an offset in text().
    [[nodiscard]] std::size_t to_display(std::size_t offset) const;

private:
    // Pieces of the display text copied unchanged, in order; between two pieces lies a joined gap.
    struct Piece {
        std::size_t display = 0; // start in the display text
        std::size_t text = 0; // start in text()
        std::size_t size = 0;
    };
    std::string m_text;
    std::vector<Piece> m_pieces;
};

// True when the break after `line` (a line of a display text, no terminator) is the writer's
// own, so that `next` must start a new line in large print. `typical_chars` is the length of a
// full line of this text.
bool is_hard_break(std::string_view line, std::string_view next, std::size_t typical_chars);

} // namespace ck::screens::reader
