// The layout cache: same key and options hit, any change that alters the layout misses, the LRU
// bounds hold, and the counters say so.
#include "text/layout_cache.hpp"
#include "text_fixture.hpp"

#include <doctest/doctest.h>

using ck::text::LayoutCache;
using ck::text::LayoutCacheLimits;
using ck::text::LayoutOptions;
using ck::text::WrapMode;
using ck::text::test::fonts;

TEST_CASE("the same key is a hit; a different width, size, style, wrap or id is a different layout")
{
    LayoutCache cache(fonts());
    const std::string text = "1. (C) SUMMARY: The ambassador met the minister.";
    LayoutOptions base;
    base.max_width_px = 300;
    const auto first = cache.get("cable:08TOKYO1723", text, base);
    CHECK(cache.stats().misses == 1);
    CHECK(cache.get("cable:08TOKYO1723", text, base) == first);
    CHECK(cache.stats().hits == 1);

    struct Change {
        const char* what;
        std::string id;
        LayoutOptions options;
    };
    auto with = [&](auto change) {
        LayoutOptions o = base;
        change(o);
        return o;
    };
    const Change changes[] = {
        { "width", "cable:08TOKYO1723", with([](LayoutOptions& o) { o.max_width_px = 301; }) },
        { "size", "cable:08TOKYO1723", with([](LayoutOptions& o) { o.style.size_px = 17; }) },
        { "family", "cable:08TOKYO1723",
            with([](LayoutOptions& o) { o.style.family = ck::text::Family::mono; }) },
        { "wrap", "cable:08TOKYO1723", with([](LayoutOptions& o) { o.wrap = WrapMode::reflow; }) },
        { "max lines", "cable:08TOKYO1723", with([](LayoutOptions& o) { o.max_lines = 2; }) },
        { "id", "cable:09MOSCOW405", base },
    };
    std::uint64_t misses = 1;
    for (const Change& c : changes) {
        CAPTURE(c.what);
        const auto layout = cache.get(c.id, text, c.options);
        CHECK(layout != first);
        CHECK(cache.stats().misses == ++misses);
        CHECK(cache.get(c.id, text, c.options) == layout);
    }
    CHECK(cache.stats().hits == 1 + std::size(changes));
    CHECK(cache.peek("cable:08TOKYO1723", base) == first);
    CHECK(cache.peek("cable:unknown", base) == nullptr);
}

TEST_CASE("an empty id keys by the text itself, and a reused id with other text is not served stale")
{
    LayoutCache cache(fonts());
    const LayoutOptions options;
    const auto a = cache.get("", "alpha", options);
    CHECK(cache.get("", "alpha", options) == a);
    CHECK(cache.get("", "bravo", options) != a);
    CHECK(LayoutCache::text_key("alpha") != LayoutCache::text_key("bravo"));
    const auto label = cache.get("ui:label", "short", options);
    const auto changed = cache.get("ui:label", "a longer text", options);
    CHECK(changed != label);
    CHECK(changed->text_size() == 13);
    CHECK(cache.stats().entries == 3);
}

TEST_CASE("the least recently used layout is evicted first, by count and by bytes")
{
    LayoutCache cache(fonts(), LayoutCacheLimits { 2, 64u << 20 });
    const LayoutOptions options;
    const auto a = cache.get("a", "alpha", options);
    cache.get("b", "bravo", options);
    cache.get("a", "alpha", options); // a is now the most recent
    cache.get("c", "charlie", options);
    CHECK(cache.peek("a", options) == a);
    CHECK(cache.peek("b", options) == nullptr);
    CHECK(cache.stats().evictions == 1);
    CHECK(cache.stats().entries == 2);
    CHECK(a->text_size() == 5); // an evicted layout stays valid for whoever holds it

    LayoutCache small(fonts(), LayoutCacheLimits { 100, 1 });
    small.get("x", "some text", options);
    small.get("y", "other text", options);
    CHECK(small.stats().entries == 1); // the newest is kept even when it alone is over budget
    CHECK(small.peek("y", options) != nullptr);
    small.clear();
    CHECK(small.stats().entries == 0);
    CHECK(small.stats().bytes == 0);
}
