// The hidden door to staff mode, fed raw pointer events with a manual time line: the one sequence
// that opens it, and the near misses a visitor (or a storm) makes, which must not.
#include "app/staff_gesture.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using ck::Millis;
using ck::Point;
using ck::Size;
using ck::app::StaffGesture;
using ck::input::PointerEvent;

namespace {

constexpr Size screen { 1920, 1080 };
constexpr Point top_left { 20, 20 };
constexpr Point top_right { 1900, 20 };
constexpr Point bottom_right { 1900, 1060 };
constexpr Point bottom_left { 20, 1060 };
constexpr Point middle { 960, 540 };

// A finger's touch: where, how long after the previous lift it lands, how long it stays.
struct Touch {
    Point at;
    Millis after { 500 };
    Millis held { 100 };
    Point lift_at { -1, -1 }; // where it lifts, when not where it landed
};

// Plays the touches one after another; true if any lift opened the door.
bool plays(StaffGesture& g, const std::vector<Touch>& touches, Millis& now, std::int64_t& finger)
{
    bool opened = false;
    for (const Touch& t : touches) {
        now += t.after;
        const std::int64_t id = finger++;
        opened = g.feed(PointerEvent { PointerEvent::Kind::down, id, t.at, now, {} }, screen) || opened;
        now += t.held;
        const Point lift = t.lift_at.x < 0 ? t.at : t.lift_at;
        if (lift.x != t.at.x || lift.y != t.at.y) {
            g.feed(PointerEvent { PointerEvent::Kind::move, id, lift, now, {} }, screen);
        }
        opened = g.feed(PointerEvent { PointerEvent::Kind::up, id, lift, now, {} }, screen) || opened;
    }
    return opened;
}

const std::vector<Touch> the_door
    = { { top_left, Millis { 500 }, Millis { 2100 } }, { top_right }, { bottom_right }, { bottom_left } };

} // namespace

TEST_CASE(
    "a two-second hold in the top-left corner, then taps top-right, bottom-right, bottom-left opens the door")
{
    StaffGesture g;
    Millis now { 1000 };
    std::int64_t finger = 1;
    CHECK(plays(g, the_door, now, finger));
    CHECK(g.progress() == 0); // ready for the next time
    CHECK(plays(g, the_door, now, finger));
}

TEST_CASE("near misses of the door gesture do not open it")
{
    struct Case {
        std::string name;
        std::vector<Touch> touches;
    };
    const std::vector<Case> cases = {
        { "a hold of 1.5 s",
            { { top_left, Millis { 500 }, Millis { 1500 } }, { top_right }, { bottom_right },
                { bottom_left } } },
        { "the corners anticlockwise",
            { { top_left, Millis { 500 }, Millis { 2100 } }, { bottom_left }, { bottom_right },
                { top_right } } },
        { "a pause of 4 s before the last corner",
            { { top_left, Millis { 500 }, Millis { 2100 } }, { top_right }, { bottom_right },
                { bottom_left, Millis { 4000 } } } },
        { "a touch in the middle on the way",
            { { top_left, Millis { 500 }, Millis { 2100 } }, { top_right }, { middle }, { bottom_right },
                { bottom_left } } },
        { "a long press instead of a tap",
            { { top_left, Millis { 500 }, Millis { 2100 } }, { top_right, Millis { 500 }, Millis { 1500 } },
                { bottom_right }, { bottom_left } } },
        { "the hold sliding out of its corner",
            { { top_left, Millis { 500 }, Millis { 2100 }, Point { 400, 300 } }, { top_right },
                { bottom_right }, { bottom_left } } },
        { "the hold in another corner",
            { { top_right, Millis { 500 }, Millis { 2100 } }, { bottom_right }, { bottom_left },
                { top_left } } },
        { "taps only, in every corner", { { top_left }, { top_right }, { bottom_right }, { bottom_left } } },
        { "just inside the margin but outside the corner",
            { { Point { 80, 20 }, Millis { 500 }, Millis { 2100 } }, { top_right }, { bottom_right },
                { bottom_left } } },
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        StaffGesture g;
        Millis now { 1000 };
        std::int64_t finger = 1;
        CHECK_FALSE(plays(g, c.touches, now, finger));
    }
}

TEST_CASE("a second finger anywhere spoils the door gesture, and a fresh sequence then still opens it")
{
    StaffGesture g;
    Millis now { 1000 };
    std::int64_t finger = 1;
    REQUIRE_FALSE(plays(g, { { top_left, Millis { 500 }, Millis { 2100 } }, { top_right } }, now, finger));
    REQUIRE(g.progress() == 2);
    // A second finger lands while the bottom-right tap is down.
    now += Millis { 300 };
    g.feed(PointerEvent { PointerEvent::Kind::down, 90, bottom_right, now, {} }, screen);
    g.feed(PointerEvent { PointerEvent::Kind::down, 91, middle, now + Millis { 10 }, {} }, screen);
    g.feed(PointerEvent { PointerEvent::Kind::up, 91, middle, now + Millis { 40 }, {} }, screen);
    g.feed(PointerEvent { PointerEvent::Kind::up, 90, bottom_right, now + Millis { 60 }, {} }, screen);
    CHECK(g.progress() == 0);
    now += Millis { 100 };
    CHECK_FALSE(plays(g, { { bottom_left } }, now, finger));
    CHECK(plays(g, the_door, now, finger));
}

TEST_CASE("the door's corners are 15 mm squares in visitor space, whatever the screen's shape")
{
    const StaffGesture g; // 92 DPI: 15 mm is 54 px
    const Size portrait { 1080, 1920 };
    CHECK(g.corner_of({ 53, 53 }, portrait) == StaffGesture::Corner::top_left);
    CHECK_FALSE(g.corner_of({ 55, 20 }, portrait).has_value());
    CHECK(g.corner_of({ 1079, 1919 }, portrait) == StaffGesture::Corner::bottom_right);
    CHECK(g.corner_of({ 1030, 10 }, portrait) == StaffGesture::Corner::top_right);
    CHECK_FALSE(g.corner_of({ 540, 960 }, portrait).has_value());
}

TEST_CASE("a lift that never arrived does not keep the door shut for good")
{
    StaffGesture g;
    Millis now { 1000 };
    std::int64_t finger = 1;
    g.feed(PointerEvent { PointerEvent::Kind::down, 77, middle, now, {} }, screen); // never lifted
    CHECK_FALSE(plays(g, the_door, now, finger)); // a second finger, as far as the door knows
    now += Millis { 11'000 };
    CHECK(plays(g, the_door, now, finger));
}
