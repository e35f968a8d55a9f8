// The shelf packer: every placed rectangle in bounds, none overlapping (gutters included), every
// insert covered by a dirty rectangle, pixels copied where the rectangle says, and typed errors.
#include "text/glyph_atlas.hpp"
#include "text_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <vector>

using ck::text::AtlasInsertError;
using ck::text::AtlasRect;
using ck::text::GlyphAtlas;

namespace {

struct Placed {
    AtlasRect rect;
    std::uint8_t value = 0;
};

bool overlap_with_gutter(const AtlasRect& a, const AtlasRect& b)
{
    const int g = GlyphAtlas::gutter_px;
    return a.x < b.x + b.w + g && b.x < a.x + a.w + g && a.y < b.y + b.h + g && b.y < a.y + a.h + g;
}

bool inside(const AtlasRect& inner, const AtlasRect& outer)
{
    return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w
        && inner.y + inner.h <= outer.y + outer.h;
}

// Checks the packer's invariants over everything placed so far, and the pixels of each glyph.
void check_invariants(const GlyphAtlas& atlas, const std::vector<Placed>& placed)
{
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const AtlasRect& r = placed[i].rect;
        REQUIRE(r.x + r.w <= atlas.width());
        REQUIRE(r.y + r.h <= atlas.height());
        for (std::size_t j = i + 1; j < placed.size(); ++j) {
            if (overlap_with_gutter(r, placed[j].rect)) {
                FAIL("glyphs " << i << " and " << j << " overlap");
            }
        }
        bool pixels_match = true;
        for (int y = 0; y < r.h; ++y) {
            for (int x = 0; x < r.w; ++x) {
                const auto at
                    = static_cast<std::size_t>(r.y + y) * static_cast<std::size_t>(atlas.width()) + r.x + x;
                pixels_match = pixels_match && atlas.pixels()[at] == placed[i].value;
            }
        }
        REQUIRE(pixels_match);
    }
}

// Inserts w x h glyphs filled with a per-glyph value until the atlas is full; returns the placed.
std::vector<Placed> fill(GlyphAtlas& atlas, const std::vector<std::pair<int, int>>& sizes, bool& became_full)
{
    std::vector<Placed> placed;
    became_full = false;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        const auto [w, h] = sizes[i];
        const auto value = static_cast<std::uint8_t>(1 + i % 254);
        const std::vector<std::uint8_t> pixels(static_cast<std::size_t>(w * h), value);
        const auto result = atlas.insert(w, h, pixels, w);
        if (!result.ok()) {
            REQUIRE(result.error == AtlasInsertError::full);
            became_full = true;
            break;
        }
        CHECK(result.rect.w == w);
        CHECK(result.rect.h == h);
        placed.push_back({ result.rect, value });
    }
    return placed;
}

} // namespace

TEST_CASE("random glyph sizes pack without overlaps, in bounds, until the atlas reports full")
{
    for (const unsigned seed : { 1u, 2u, 3u, 42u, 2024u }) {
        CAPTURE(seed);
        std::mt19937 rng(seed);
        std::uniform_int_distribution<int> width(1, 40);
        std::uniform_int_distribution<int> height(1, 48);
        std::vector<std::pair<int, int>> sizes;
        sizes.reserve(4000);
        for (int i = 0; i < 4000; ++i) {
            // One draw per statement: the order of a call's arguments is unspecified, and GCC draws
            // them in opposite orders on amd64 and arm64, which gave the two other sizes.
            const int h = height(rng);
            const int w = width(rng);
            sizes.emplace_back(w, h);
        }
        GlyphAtlas atlas(256, 256);
        bool full = false;
        const auto placed = fill(atlas, sizes, full);
        CHECK(full);
        // Uniformly random heights are the worst case for shelves (real text comes in a few sizes).
        std::size_t area = 0;
        for (const Placed& p : placed) {
            area += static_cast<std::size_t>((p.rect.w + 1) * (p.rect.h + 1));
        }
        CHECK(area > 256 * 256 / 4);
        CHECK(atlas.glyph_count() == placed.size());
        check_invariants(atlas, placed);
    }
}

TEST_CASE("real glyph sizes from the kiosk's fonts pack without overlaps and fill most of the atlas")
{
    auto& fonts = ck::text::test::fonts();
    std::vector<std::pair<int, int>> sizes;
    for (const float size : { 14.0f, 22.0f, 31.0f, 48.0f }) {
        for (std::size_t face = 0; face < fonts.face_count(); ++face) {
            for (ck::text::GlyphId glyph = 1; glyph < 120; ++glyph) {
                const auto bitmap = fonts.rasterize(static_cast<ck::text::FaceId>(face), glyph, size);
                if (bitmap && bitmap->width > 0 && bitmap->height > 0) {
                    sizes.emplace_back(bitmap->width, bitmap->height);
                }
            }
        }
    }
    REQUIRE(sizes.size() > 500);
    GlyphAtlas atlas(512, 512);
    bool full = false;
    const auto placed = fill(atlas, sizes, full);
    check_invariants(atlas, placed);
    CHECK(full);
    CHECK(atlas.fill_ratio() > 0.9f);
    std::size_t area = 0;
    for (const Placed& p : placed) {
        area += static_cast<std::size_t>((p.rect.w + 1) * (p.rect.h + 1));
    }
    CHECK(area > 512 * 512 * 6 / 10);
}

TEST_CASE("the dirty rectangles cover every insert since the last take, at most one per shelf")
{
    GlyphAtlas atlas(128, 128);
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> side(2, 20);
    for (int round = 0; round < 5; ++round) {
        std::vector<AtlasRect> inserted;
        for (int i = 0; i < 12; ++i) {
            const int w = side(rng);
            const int h = side(rng);
            const std::vector<std::uint8_t> pixels(static_cast<std::size_t>(w * h), 200);
            const auto result = atlas.insert(w, h, pixels, w);
            if (result.ok()) {
                inserted.push_back(result.rect);
            }
        }
        const auto dirty = atlas.take_dirty();
        CHECK(dirty.size() <= atlas.shelf_count());
        for (const AtlasRect& r : inserted) {
            bool covered = false;
            for (const AtlasRect& d : dirty) {
                covered = covered || inside(r, d);
            }
            CHECK(covered);
        }
        CHECK(atlas.dirty().empty());
    }
}

TEST_CASE("a glyph larger than the atlas is too big; a cleared atlas has a new generation and is all dirty")
{
    GlyphAtlas atlas(64, 32);
    const std::vector<std::uint8_t> big(64 * 40, 9);
    CHECK(atlas.insert(64, 10, big, 64).error == AtlasInsertError::too_big); // no room for the gutter
    CHECK(atlas.insert(10, 40, big, 10).error == AtlasInsertError::too_big);
    CHECK(atlas.insert(63, 31, big, 64).ok());
    CHECK(atlas.insert(4, 4, big, 4).error == AtlasInsertError::full);

    const auto generation = atlas.generation();
    atlas.clear();
    CHECK(atlas.generation() != generation);
    CHECK(atlas.glyph_count() == 0);
    REQUIRE(atlas.dirty().size() == 1);
    CHECK(atlas.dirty().front() == AtlasRect { 0, 0, 64, 32 });
    for (const auto pixel : atlas.pixels()) {
        REQUIRE(pixel == 0);
    }
    CHECK(atlas.insert(4, 4, big, 4).ok());
}

TEST_CASE("rows are copied with the source pitch, not the glyph width")
{
    GlyphAtlas atlas(32, 32);
    // A 3x2 glyph inside a buffer 5 bytes wide: only the first 3 bytes of each row belong to it.
    const std::vector<std::uint8_t> source = { 1, 2, 3, 99, 99, 4, 5, 6, 99, 99 };
    const auto result = atlas.insert(3, 2, source, 5);
    REQUIRE(result.ok());
    const auto& r = result.rect;
    const auto px
        = [&](int x, int y) { return atlas.pixels()[static_cast<std::size_t>(r.y + y) * 32 + r.x + x]; };
    CHECK(px(0, 0) == 1);
    CHECK(px(2, 0) == 3);
    CHECK(px(0, 1) == 4);
    CHECK(px(2, 1) == 6);
    CHECK(px(3, 0) == 0);
}

TEST_CASE("the used height reaches the bottom of the lowest shelf, every pixel below it is zero, and a clear "
          "empties it")
{
    GlyphAtlas atlas(64, 256);
    CHECK(atlas.used_height() == 0);
    std::vector<Placed> placed;
    const std::vector<std::uint8_t> ink(20 * 20, 200);
    for (const int h : { 7, 20, 13, 20, 9 }) {
        const auto r = atlas.insert(18, h, ink, 20);
        REQUIRE(r.ok());
        placed.push_back({ r.rect, 200 });
    }
    int lowest = 0;
    for (const Placed& p : placed) {
        lowest = std::max(lowest, p.rect.y + p.rect.h);
    }
    CHECK(atlas.used_height() >= lowest);
    CHECK(atlas.used_height() < lowest + GlyphAtlas::shelf_round_px + GlyphAtlas::gutter_px + 1);
    const auto pixels = atlas.pixels();
    const auto used = static_cast<std::size_t>(atlas.used_height()) * static_cast<std::size_t>(atlas.width());
    CHECK(std::all_of(pixels.begin() + static_cast<std::ptrdiff_t>(used), pixels.end(),
        [](std::uint8_t v) { return v == 0; }));
    atlas.clear();
    CHECK(atlas.used_height() == 0);
}
