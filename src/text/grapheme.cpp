// Extended grapheme clusters (UAX #29, Unicode 15.0) from generated property tables. No
// third-party code: Debian 12's libunibreak predates its grapheme breaking.
#include "text/grapheme.hpp"

#include "core/utf8.hpp"
#include "text/grapheme_rules.hpp"

#include <algorithm>

namespace ck::text {

namespace {

struct PropRange {
    char32_t first;
    char32_t last;
    GraphemeProp prop;
};

constexpr PropRange prop_ranges[] = {
#include "text/grapheme_table.inc"
};

bool is_control_like(GraphemeProp p)
{
    return p == GraphemeProp::control || p == GraphemeProp::cr || p == GraphemeProp::lf;
}

bool is_hangul_v_or_t_after(GraphemeProp prev, GraphemeProp next)
{
    switch (prev) {
    case GraphemeProp::l:
        return next == GraphemeProp::l || next == GraphemeProp::v || next == GraphemeProp::lv
            || next == GraphemeProp::lvt;
    case GraphemeProp::lv:
    case GraphemeProp::v:
        return next == GraphemeProp::v || next == GraphemeProp::t;
    case GraphemeProp::lvt:
    case GraphemeProp::t:
        return next == GraphemeProp::t;
    case GraphemeProp::other:
    case GraphemeProp::cr:
    case GraphemeProp::lf:
    case GraphemeProp::control:
    case GraphemeProp::extend:
    case GraphemeProp::zwj:
    case GraphemeProp::regional_indicator:
    case GraphemeProp::prepend:
    case GraphemeProp::spacingmark:
    case GraphemeProp::extended_pictographic:
        return false;
    }
    return false;
}

// The property of the code point at `pos`, advancing `pos`; an ill-formed byte acts as a control,
// so it is a cluster of its own.
GraphemeProp next_prop(std::string_view text, std::size_t& pos)
{
    const std::size_t start = pos;
    const char32_t cp = utf8::decode(text, pos);
    if (cp == utf8::replacement_char && pos - start == 1) {
        return GraphemeProp::control;
    }
    return grapheme_prop(cp);
}

} // namespace

GraphemeProp grapheme_prop(char32_t cp)
{
    if (cp >= 0x20 && cp < 0x7F) {
        return GraphemeProp::other; // printable ASCII, the common case
    }
    const auto* it = std::upper_bound(std::begin(prop_ranges), std::end(prop_ranges), cp,
        [](char32_t value, const PropRange& range) { return value < range.first; });
    if (it == std::begin(prop_ranges)) {
        return GraphemeProp::other;
    }
    --it;
    return cp <= it->last ? it->prop : GraphemeProp::other;
}

bool GraphemeSegmenter::decide(GraphemeProp prev, GraphemeProp next) const
{
    if (prev == GraphemeProp::cr && next == GraphemeProp::lf) {
        return false; // GB3
    }
    if (is_control_like(prev) || is_control_like(next)) {
        return true; // GB4, GB5
    }
    if (is_hangul_v_or_t_after(prev, next)) {
        return false; // GB6, GB7, GB8
    }
    if (next == GraphemeProp::extend || next == GraphemeProp::zwj || next == GraphemeProp::spacingmark) {
        return false; // GB9, GB9a
    }
    if (prev == GraphemeProp::prepend) {
        return false; // GB9b
    }
    if (m_emoji == Emoji::pictographic_zwj && next == GraphemeProp::extended_pictographic) {
        return false; // GB11
    }
    if (prev == GraphemeProp::regional_indicator && next == GraphemeProp::regional_indicator) {
        return m_regional_run % 2 == 0; // GB12, GB13: pairs from the start of the run
    }
    return true; // GB999
}

bool GraphemeSegmenter::boundary_before(GraphemeProp prop)
{
    const bool boundary = !m_started || decide(m_prev, prop);
    m_started = true;

    m_regional_run = prop == GraphemeProp::regional_indicator ? m_regional_run + 1 : 0;
    switch (prop) {
    case GraphemeProp::extended_pictographic:
        m_emoji = Emoji::pictographic;
        break;
    case GraphemeProp::extend:
        m_emoji = m_emoji == Emoji::pictographic ? Emoji::pictographic : Emoji::none;
        break;
    case GraphemeProp::zwj:
        m_emoji = m_emoji == Emoji::pictographic ? Emoji::pictographic_zwj : Emoji::none;
        break;
    case GraphemeProp::other:
    case GraphemeProp::cr:
    case GraphemeProp::lf:
    case GraphemeProp::control:
    case GraphemeProp::regional_indicator:
    case GraphemeProp::prepend:
    case GraphemeProp::spacingmark:
    case GraphemeProp::l:
    case GraphemeProp::v:
    case GraphemeProp::t:
    case GraphemeProp::lv:
    case GraphemeProp::lvt:
        m_emoji = Emoji::none;
        break;
    }
    m_prev = prop;
    return boundary;
}

// Boundaries depend on everything since the last one (regional indicator pairs count from the
// start of their run), so both directions walk from the start; search-box text is short.
std::size_t next_grapheme_boundary(std::string_view text, std::size_t pos)
{
    GraphemeSegmenter segmenter;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t after = at;
        const GraphemeProp prop = next_prop(text, after);
        if (segmenter.boundary_before(prop) && at > pos) {
            return at;
        }
        at = after;
    }
    return text.size();
}

std::size_t previous_grapheme_boundary(std::string_view text, std::size_t pos)
{
    pos = std::min(pos, text.size());
    GraphemeSegmenter segmenter;
    std::size_t last = 0;
    std::size_t at = 0;
    while (at < pos) {
        std::size_t after = at;
        const GraphemeProp prop = next_prop(text, after);
        if (segmenter.boundary_before(prop)) {
            last = at;
        }
        at = after;
    }
    return last;
}

bool is_grapheme_boundary(std::string_view text, std::size_t pos)
{
    GraphemeSegmenter segmenter;
    std::size_t at = 0;
    while (at < text.size() && at <= pos) {
        std::size_t after = at;
        const bool boundary = segmenter.boundary_before(next_prop(text, after));
        if (at == pos) {
            return boundary;
        }
        at = after;
    }
    return pos == text.size();
}

} // namespace ck::text
