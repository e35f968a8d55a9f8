// The layout cache: the same text and options hit, any change that alters the layout misses, a
// text of the same length is never served another's layout, the LRU bounds hold, and the counters
// say so.
#include "text/layout_cache.hpp"
#include "text_fixture.hpp"

#include <doctest/doctest.h>

#include <string>

using ck::text::LayoutCache;
using ck::text::LayoutCacheLimits;
using ck::text::LayoutOptions;
using ck::text::WrapMode;
using ck::text::test::fonts;

namespace {

// The glyph ids of a layout, to tell which text it was made from.
std::vector<ck::text::GlyphId> glyph_ids(const ck::text::Layout& layout)
{
    std::vector<ck::text::GlyphId> ids;
    for (const auto& g : layout.glyphs()) {
        ids.push_back(g.glyph);
    }
    return ids;
}

} // namespace

TEST_CASE("the same text and options hit; a different width, size, style, wrap or text is another layout")
{
    LayoutCache cache(fonts());
    const std::string text = "1. (C) SUMMARY: The ambassador met the minister.";
    LayoutOptions base;
    base.max_width_px = 300;
    const auto first = cache.get(text, base);
    CHECK(cache.stats().misses == 1);
    CHECK(cache.get(text, base) == first);
    CHECK(cache.stats().hits == 1);

    struct Change {
        const char* what;
        std::string text;
        LayoutOptions options;
    };
    auto with = [&](auto change) {
        LayoutOptions o = base;
        change(o);
        return o;
    };
    const Change changes[] = {
        { "width", text, with([](LayoutOptions& o) { o.max_width_px = 301; }) },
        { "size", text, with([](LayoutOptions& o) { o.style.size_px = 17; }) },
        { "family", text, with([](LayoutOptions& o) { o.style.family = ck::text::Family::mono; }) },
        { "wrap", text, with([](LayoutOptions& o) { o.wrap = WrapMode::reflow; }) },
        { "max lines", text, with([](LayoutOptions& o) { o.max_lines = 2; }) },
        { "line height", text, with([](LayoutOptions& o) { o.line_height = 1.5f; }) },
        { "text", "1. (S) SUMMARY: The ambassador met the minister.", base },
    };
    std::uint64_t misses = 1;
    for (const Change& c : changes) {
        CAPTURE(c.what);
        const auto layout = cache.get(c.text, c.options);
        CHECK(layout != first);
        CHECK(cache.stats().misses == ++misses);
        CHECK(cache.get(c.text, c.options) == layout);
    }
    CHECK(cache.stats().hits == 1 + std::size(changes));
    CHECK(cache.peek(text, base) == first);
    CHECK(cache.peek("not laid out", base) == nullptr);
}

TEST_CASE("a text of the same length as a cached one gets its own layout, never the cached one")
{
    // The year screen once showed "2009" above the cables of 2008: its heading's layout was found
    // under the widget's name, and a text of the same length counted as a hit.
    LayoutCache cache(fonts());
    const LayoutOptions options;
    const auto y2009 = cache.get("2009", options);
    const auto y2008 = cache.get("2008", options);
    CHECK(y2008 != y2009);
    CHECK(glyph_ids(*y2008) != glyph_ids(*y2009));
    CHECK(glyph_ids(*y2008) == glyph_ids(fonts().layout("2008", options)));
    CHECK(cache.get("2009", options) == y2009);
    CHECK(cache.stats().entries == 2);
}

TEST_CASE("the least recently used layout is evicted first, by count and by bytes")
{
    LayoutCache cache(fonts(), LayoutCacheLimits { 2, 64u << 20 });
    const LayoutOptions options;
    const auto a = cache.get("alpha", options);
    cache.get("bravo", options);
    cache.get("alpha", options); // alpha is now the most recent
    cache.get("charlie", options);
    CHECK(cache.peek("alpha", options) == a);
    CHECK(cache.peek("bravo", options) == nullptr);
    CHECK(cache.stats().evictions == 1);
    CHECK(cache.stats().entries == 2);
    CHECK(a->text_size() == 5); // an evicted layout stays valid for whoever holds it

    LayoutCache small(fonts(), LayoutCacheLimits { 100, 1 });
    small.get("some text", options);
    small.get("other text", options);
    CHECK(small.stats().entries == 1); // the newest is kept even when it alone is over budget
    CHECK(small.peek("other text", options) != nullptr);
    small.clear();
    CHECK(small.stats().entries == 0);
    CHECK(small.stats().bytes == 0);
}
