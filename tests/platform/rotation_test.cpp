#include "platform/rotation.hpp"

#include <doctest/doctest.h>

using ck::Point;
using ck::Size;
using ck::platform::Rotation;
using ck::platform::ViewTransform;

TEST_CASE("a quarter turn swaps the logical width and height")
{
    CHECK(ViewTransform({ 1920, 1080 }, Rotation::r0).logical() == Size { 1920, 1080 });
    CHECK(ViewTransform({ 1920, 1080 }, Rotation::r90).logical() == Size { 1080, 1920 });
    CHECK(ViewTransform({ 1920, 1080 }, Rotation::r180).logical() == Size { 1920, 1080 });
    CHECK(ViewTransform({ 1920, 1080 }, Rotation::r270).logical() == Size { 1080, 1920 });
}

TEST_CASE("to_logical undoes to_panel at every rotation, so drawing and touch turn together")
{
    for (const Rotation r : { Rotation::r0, Rotation::r90, Rotation::r180, Rotation::r270 }) {
        const ViewTransform view({ 1920, 1080 }, r);
        for (const Point p :
            { Point { 0, 0 }, Point { 10, 20 }, Point { 500.5f, 700.25f }, Point { 1079, 1079 } }) {
            const Point back = view.to_logical(view.to_panel(p));
            CHECK(back.x == doctest::Approx(p.x));
            CHECK(back.y == doctest::Approx(p.y));
        }
    }
}

TEST_CASE("at 90 degrees the visitor's top-left corner is the panel's top-right corner")
{
    const ViewTransform view({ 1920, 1080 }, Rotation::r90);
    const Point corner = view.to_panel({ 0, 0 });
    CHECK(corner.x == doctest::Approx(1920));
    CHECK(corner.y == doctest::Approx(0));
    const Point bottom_left = view.to_panel({ 0, 1920 });
    CHECK(bottom_left.x == doctest::Approx(0));
    CHECK(bottom_left.y == doctest::Approx(0));
}

TEST_CASE("only quarter turns are accepted")
{
    CHECK(ck::platform::rotation_from_degrees(270) == Rotation::r270);
    CHECK_FALSE(ck::platform::rotation_from_degrees(45).has_value());
    CHECK_FALSE(ck::platform::rotation_from_degrees(-90).has_value());
}
