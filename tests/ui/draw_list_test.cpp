#include "ui/draw_list.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

using ck::Rect;
using ck::ui::Color;
using ck::ui::DrawList;
using ck::ui::TextureId;

TEST_CASE("a filled rectangle is two triangles over four corners")
{
    DrawList list;
    list.fill_rect({ 10, 20, 30, 40 }, Color::hex(0x112233));
    REQUIRE(list.vertices().size() == 4);
    CHECK(list.indices().size() == 6);
    REQUIRE(list.commands().size() == 1);
    CHECK(list.commands()[0].texture == TextureId::none);
    CHECK_FALSE(list.commands()[0].clipped);
    CHECK(list.vertices()[2].x == 40);
    CHECK(list.vertices()[2].y == 60);
}

TEST_CASE("consecutive shapes with the same texture and clip share one command")
{
    DrawList list;
    list.fill_rect({ 0, 0, 1, 1 }, Color::hex(0));
    list.fill_rounded_rect({ 0, 0, 50, 50 }, 8, Color::hex(0));
    list.textured_quad({ 0, 0, 5, 5 }, { 0, 0, 5, 5 }, Color::hex(0), TextureId::atlas);
    list.textured_quad({ 5, 0, 5, 5 }, { 5, 0, 5, 5 }, Color::hex(0), TextureId::atlas);
    list.push_clip({ 0, 0, 10, 10 });
    list.fill_rect({ 0, 0, 1, 1 }, Color::hex(0));
    list.pop_clip();
    REQUIRE(list.commands().size() == 3);
    CHECK(list.commands()[0].texture == TextureId::none);
    CHECK(list.commands()[1].texture == TextureId::atlas);
    CHECK(list.commands()[1].index_count == 12);
    CHECK(list.commands()[2].clipped);
    CHECK(list.commands()[2].clip == Rect { 0, 0, 10, 10 });
}

TEST_CASE("nested clips intersect, and a clip that collapses still draws nothing rather than everything")
{
    DrawList list;
    list.push_clip({ 0, 0, 100, 100 });
    list.push_clip({ 200, 200, 10, 10 });
    list.fill_rect({ 0, 0, 500, 500 }, Color::hex(0));
    REQUIRE(list.commands().size() == 1);
    CHECK(list.commands()[0].clipped);
    CHECK(list.commands()[0].clip.empty());
}

TEST_CASE("every vertex of a rounded rectangle lies inside its rectangle")
{
    const Rect r { 10, 10, 200, 60 };
    for (const float radius : { 0.0f, 2.0f, 12.0f, 30.0f, 500.0f }) {
        CAPTURE(radius);
        DrawList list;
        list.fill_rounded_rect(r, radius, Color::hex(0));
        list.stroke_rounded_rect(r, radius, 2, Color::hex(0));
        REQUIRE_FALSE(list.vertices().empty());
        for (const auto& v : list.vertices()) {
            CHECK(v.x >= r.x - 0.01f);
            CHECK(v.x <= r.right() + 0.01f);
            CHECK(v.y >= r.y - 0.01f);
            CHECK(v.y <= r.bottom() + 0.01f);
        }
        for (const auto idx : list.indices()) {
            CHECK(idx < list.vertices().size());
        }
    }
}

TEST_CASE("two lists that draw the same thing compare equal, and a one-pixel move does not")
{
    DrawList a;
    DrawList b;
    a.fill_rect({ 0, 0, 10, 10 }, Color::hex(0xFF0000));
    b.fill_rect({ 0, 0, 10, 10 }, Color::hex(0xFF0000));
    CHECK(a == b);
    b.clear();
    b.fill_rect({ 1, 0, 10, 10 }, Color::hex(0xFF0000));
    CHECK_FALSE(a == b);
}

TEST_CASE("the offset moves primitives and clips alike")
{
    DrawList list;
    list.set_offset({ 100, 0 });
    list.push_clip({ 0, 0, 10, 10 });
    list.fill_rect({ 0, 0, 10, 10 }, Color::hex(0));
    REQUIRE(list.commands().size() == 1);
    CHECK(list.commands()[0].clip.x == 100);
    CHECK(list.vertices()[0].x == 100);
}

TEST_CASE("invisible shapes add nothing")
{
    DrawList list;
    list.fill_rect({ 0, 0, 0, 10 }, Color::hex(0));
    list.fill_rect({ 0, 0, 10, 10 }, Color::hex(0).with_alpha(0));
    list.line({ 0, 0 }, { 0, 0 }, 2, Color::hex(0));
    CHECK(list.empty());
}

TEST_CASE("a scroll or a slide stopped at a fraction moves shapes and glyphs by whole pixels")
{
    DrawList list;
    list.set_offset({ 10.6f, -3.4f });
    CHECK(list.offset().x == 10);
    CHECK(list.offset().y == -4);
    list.textured_quad({ 5, 7, 8, 9 }, { 0, 0, 8, 9 }, Color::hex(0x112233), TextureId::atlas);
    REQUIRE(list.vertices().size() == 4);
    CHECK(list.vertices()[0].x == 15);
    CHECK(list.vertices()[0].y == 3);
    CHECK(list.vertices()[2].x == 23);
    CHECK(list.vertices()[2].y == 12);
}

TEST_CASE("a stroked outline lies on whole pixels with a whole-pixel width")
{
    DrawList list;
    list.stroke_rounded_rect({ 10.4f, 20.6f, 100.3f, 50.2f }, 0, 1.4f, Color::hex(0x112233));
    REQUIRE_FALSE(list.vertices().empty());
    float min_x = 1e9f;
    float max_x = -1e9f;
    float min_y = 1e9f;
    float max_y = -1e9f;
    for (const auto& v : list.vertices()) {
        CHECK(v.x == doctest::Approx(std::round(v.x)));
        CHECK(v.y == doctest::Approx(std::round(v.y)));
        min_x = std::min(min_x, v.x);
        max_x = std::max(max_x, v.x);
        min_y = std::min(min_y, v.y);
        max_y = std::max(max_y, v.y);
    }
    CHECK(min_x == 10); // 10.4 rounded
    CHECK(max_x == 111); // 110.7 rounded
    CHECK(min_y == 21); // 20.6 rounded
    CHECK(max_y == 71); // 70.8 rounded
    // The inner outline sits one pixel in: 1.4 rounds to a width of 1.
    bool inner = false;
    for (const auto& v : list.vertices()) {
        inner = inner || (v.x == 11 && v.y == 22);
    }
    CHECK(inner);
}
