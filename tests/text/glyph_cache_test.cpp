// The glyph cache: hits and misses counted, misses (blank and failed glyphs) cached, and a full
// atlas started afresh instead of failing.
#include "text/glyph_cache.hpp"
#include "text/layout.hpp"
#include "text_fixture.hpp"

#include <doctest/doctest.h>

using ck::text::GlyphCache;
using ck::text::LayoutOptions;
using ck::text::test::fonts;

namespace {

// The glyph a one-character text shapes to.
ck::text::PositionedGlyph glyph_of(const char* text, const ck::text::TextStyle& style)
{
    LayoutOptions options;
    options.style = style;
    const auto layout = fonts().layout(text, options);
    REQUIRE(layout.glyphs().size() == 1);
    return layout.glyphs().front();
}

} // namespace

TEST_CASE("a visible glyph is rasterized once and then served from the cache")
{
    GlyphCache cache(fonts());
    const auto g = glyph_of("A", { ck::text::Family::mono, ck::text::Weight::regular, 24 });
    const auto first = cache.get(g.face, g.glyph, 24);
    const auto second = cache.get(g.face, g.glyph, 24);
    CHECK(first.visible);
    CHECK(first.rect.w > 0);
    CHECK(first.top > 0);
    CHECK(second.rect == first.rect);
    CHECK(cache.stats().misses == 1);
    CHECK(cache.stats().hits == 1);
    CHECK(cache.atlas().glyph_count() == 1);
    // Another size is another glyph.
    CHECK(cache.get(g.face, g.glyph, 48).rect.h > first.rect.h);
    CHECK(cache.stats().misses == 2);
}

TEST_CASE("misses are cached: a blank glyph and a glyph that cannot render are tried only once")
{
    GlyphCache cache(fonts());
    const auto space = glyph_of(" ", {});
    for (int i = 0; i < 3; ++i) {
        CHECK_FALSE(cache.get(space.face, space.glyph, 16).visible);
        CHECK_FALSE(cache.get(space.face, 4'000'000, 16).visible); // no such glyph in the face
    }
    const auto stats = cache.stats();
    CHECK(stats.misses == 2);
    CHECK(stats.hits == 4);
    CHECK(stats.blank == 1);
    CHECK(stats.failed == 1);
    CHECK(cache.atlas().glyph_count() == 0);
}

TEST_CASE("a string of only unknown characters shows .notdef boxes from the primary face")
{
    GlyphCache cache(fonts());
    for (const auto family : { ck::text::Family::sans, ck::text::Family::mono }) {
        LayoutOptions options;
        options.style.family = family;
        // Unassigned code points, a plane-16 private use character and Old Hungarian: no face has them.
        const auto text = ck::text::test::u8(U"\u0378\U00050000\U0010FFFD\U00010C80");
        const auto layout = fonts().layout(text, options);
        REQUIRE(layout.glyphs().size() == 4);
        for (const auto& g : layout.glyphs()) {
            CHECK(g.face == fonts().primary_face(options.style));
            CHECK(g.glyph == 0);
            CHECK(g.advance > 0);
            const auto cached = cache.get(g.face, g.glyph, options.style.size_px);
            CHECK(cached.visible);
        }
    }
}

TEST_CASE("when the atlas is full it is cleared and refilled, and the generation tells the renderer")
{
    GlyphCache cache(fonts(), 64, 64);
    const auto generation = cache.atlas().generation();
    LayoutOptions options;
    options.style.size_px = 30;
    const auto layout = fonts().layout("ABCDEFGHIJKLMNOPQRSTUVWXYZ", options);
    for (const auto& g : layout.glyphs()) {
        CHECK(cache.get(g.face, g.glyph, 30).visible);
    }
    CHECK(cache.stats().atlas_resets > 0);
    CHECK(cache.atlas().generation() != generation);
    // What is still cached after the last reset is in the atlas now.
    CHECK(cache.stats().entries == cache.atlas().glyph_count());
}
