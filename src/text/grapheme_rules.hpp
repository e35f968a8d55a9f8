// Internal to ck_text: the UAX #29 grapheme cluster rules over code points, shared by the public
// boundary functions and by the shaper (which picks one font per cluster).
#pragma once

#include <cstdint>

namespace ck::text {

enum class GraphemeProp : std::uint8_t {
    other,
    cr,
    lf,
    control,
    extend,
    zwj,
    regional_indicator,
    prepend,
    spacingmark,
    l,
    v,
    t,
    lv,
    lvt,
    extended_pictographic,
};

GraphemeProp grapheme_prop(char32_t cp);

// Fed code points in order, says whether a cluster boundary lies before each one.
class GraphemeSegmenter {
public:
    bool boundary_before(GraphemeProp prop);
    bool boundary_before(char32_t cp) { return boundary_before(grapheme_prop(cp)); }

private:
    enum class Emoji : std::uint8_t { none, pictographic, pictographic_zwj };
    bool decide(GraphemeProp prev, GraphemeProp next) const;

    bool m_started = false;
    GraphemeProp m_prev = GraphemeProp::other;
    int m_regional_run = 0; // regional indicators in a row before the current code point
    Emoji m_emoji = Emoji::none;
};

} // namespace ck::text
