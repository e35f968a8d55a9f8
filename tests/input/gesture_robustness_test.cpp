// The recognizer against broken and hostile input: duplicate downs, lifts and moves for unknown
// contacts, time running backwards, system cancels, stale contacts, NaN positions, mixed mouse and
// touch. A table of small traces with their exact sequences, then a seeded property test.
#include "input/gesture_recognizer.hpp"
#include "trace_replay.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

using namespace ck;
using namespace ck::input;
using namespace ck::input::test;

namespace {

struct BrokenCase {
    const char* name;
    const char* trace;
    const char* expected;
};

PointerEvent ev(PointerEvent::Kind kind, std::int64_t id, float x, float y, long long t)
{
    return PointerEvent { kind, id, { x, y }, Millis { t }, PointerSource::touch };
}

} // namespace

TEST_CASE("broken event streams still give every press exactly one end")
{
    const BrokenCase cases[] = {
        { "a duplicate down abandons the press", "0 down 1 100 100\n30 down 1 300 300\n60 up 1 300 300",
            "press press_cancel" },
        { "a lift for an unknown contact is ignored", "0 up 9 10 10\n5 up -1 10 10", "" },
        { "moves before the down are ignored",
            "0 move 2 10 10\n10 move 2 50 50\n20 down 2 50 50\n80 up 2 51 50", "press release tap" },
        { "a lift after the contact was cancelled is ignored",
            "0 down 1 100 100\n20 move 1 100 160\n30 cancel 1 100 160\n40 up 1 100 170",
            "press press_cancel drag_start cancel" },
        { "a cancel for an unknown contact ends everything",
            "0 down 1 100 100\n50 cancel 77 0 0\n90 up 1 100 100", "press press_cancel" },
        { "an event from the past counts as now", "100 down 1 100 100\n50 move 1 100 140\n120 up 1 100 140",
            "press press_cancel drag_start fling" },
        { "a late event cannot skip the long press", "0 down 1 100 100\n900 up 1 100 100",
            "press long_press release tap" },
        { "a mouse click during a touch abandons both",
            "0 down 1 100 100\n20 mdown -1 300 300\n40 up 1 100 100\n"
            "60 mup -1 300 300\n500 down 2 100 100\n560 up 2 100 100",
            "press press_cancel press release tap" },
        { "a second finger ends a drag where it is and may pinch",
            "0 down 1 100 100\n20 move 1 100 200\n40 down 2 300 200\n60 move 2 400 200\n80 up 2 400 200\n"
            "90 move 1 100 300\n100 up 1 100 300",
            "press press_cancel drag_start drag_end pinch_start pinch_end" },
        { "a two-finger touch that never pinches does nothing",
            "0 down 1 100 100\n10 down 2 300 100\n"
            "80 up 1 100 100\n90 up 2 300 100",
            "press press_cancel" },
        { "the finger left after a pinch does not drag",
            "0 down 1 100 100\n10 down 2 300 100\n30 move 2 400 100\n40 up 2 400 100\n50 move 1 100 400\n"
            "60 up 1 100 400",
            "press press_cancel pinch_start pinch_end" },
        { "a contact silent for a minute is forgotten", "0 down 1 100 100\n60000 tick\n60010 up 1 100 100",
            "press long_press press_cancel" },
        { "a long press may still become a drag", "0 down 1 100 100\n700 move 1 100 200\n800 up 1 100 200",
            "press long_press press_cancel drag_start drag_end" },
        { "a third tap after a double tap is a tap",
            "0 down 1 100 100\n50 up 1 100 100\n150 down 2 100 100\n"
            "200 up 2 100 100\n300 down 3 100 100\n350 up 3 100 100",
            "press release tap press release double_tap press release tap" },
        { "a second tap too late is a tap",
            "0 down 1 100 100\n50 up 1 100 100\n400 down 2 100 100\n450 up 2 100 100",
            "press release tap press release tap" },
        { "a second tap too far is a tap",
            "0 down 1 100 100\n50 up 1 100 100\n150 down 2 300 100\n200 up 2 300 100",
            "press release tap press release tap" },
    };
    for (const BrokenCase& c : cases) {
        CAPTURE(c.name);
        GestureRecognizer recognizer;
        const auto gestures = replay(recognizer, c.trace);
        CHECK(sequence(gestures) == c.expected);
        CHECK(recognizer.state() == RecognizerState::idle);
        CHECK(recognizer.contact_count() == 0);
    }
}

TEST_CASE("positions that are not numbers are ignored, and a lift without one still ends the press")
{
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    GestureRecognizer recognizer;
    std::vector<Gesture> out;
    recognizer.feed(ev(PointerEvent::Kind::down, 1, nan, 5, 0), out);
    CHECK(out.empty());
    recognizer.feed(ev(PointerEvent::Kind::down, 2, 100, 100, 10), out);
    recognizer.feed(ev(PointerEvent::Kind::move, 2, inf, 100, 20), out);
    recognizer.feed(ev(PointerEvent::Kind::up, 2, nan, nan, 30), out);
    CHECK(sequence(out) == "press release tap");
    CHECK(out.back().pos == Point { 100, 100 });
}

TEST_CASE("cancel_all ends a pinch and ignores the fingers still down")
{
    GestureRecognizer recognizer;
    std::vector<Gesture> out;
    recognizer.feed(ev(PointerEvent::Kind::down, 1, 100, 100, 0), out);
    recognizer.feed(ev(PointerEvent::Kind::down, 2, 300, 100, 10), out);
    recognizer.feed(ev(PointerEvent::Kind::move, 2, 400, 100, 20), out);
    recognizer.cancel_all(Millis { 30 }, out);
    recognizer.feed(ev(PointerEvent::Kind::move, 2, 500, 100, 40), out);
    recognizer.feed(ev(PointerEvent::Kind::up, 2, 500, 100, 50), out);
    recognizer.feed(ev(PointerEvent::Kind::up, 1, 100, 100, 60), out);
    CHECK(sequence(out) == "press press_cancel pinch_start cancel");
    CHECK(recognizer.state() == RecognizerState::idle);
}

TEST_CASE("the recognizer asks to be woken only while a timer is pending")
{
    GestureRecognizer recognizer;
    CHECK_FALSE(recognizer.next_wakeup().has_value());
    std::vector<Gesture> out;
    recognizer.feed(ev(PointerEvent::Kind::down, 1, 100, 100, 1000), out);
    CHECK(recognizer.next_wakeup() == Millis { 1000 } + recognizer.config().long_press_time);
    recognizer.advance(Millis { 1599 }, out);
    CHECK(sequence(out) == "press");
    recognizer.advance(Millis { 1600 }, out);
    CHECK(sequence(out) == "press long_press");
    // After the long press only the stale-contact timer remains.
    CHECK(recognizer.next_wakeup() == Millis { 1000 } + recognizer.config().stale_contact_time);
    recognizer.feed(ev(PointerEvent::Kind::up, 1, 100, 100, 1700), out);
    CHECK_FALSE(recognizer.next_wakeup().has_value());
}

TEST_CASE("thresholds scale with the display's density")
{
    const GestureConfig at_96 = GestureConfig::for_dpi(96.0f);
    const GestureConfig at_192 = GestureConfig::for_dpi(192.0f);
    CHECK(at_96.tap_slop_px == doctest::Approx(mm_to_px(3.0f, 96.0f)));
    CHECK(at_192.tap_slop_px == doctest::Approx(2.0f * at_96.tap_slop_px));
    CHECK(at_192.fling_min_velocity_px_per_s == doctest::Approx(2.0f * at_96.fling_min_velocity_px_per_s));
    CHECK(at_96.long_press_time == at_192.long_press_time);
    // The defaults are the 96 dpi values, so a desktop run needs no configuration.
    const GestureConfig defaults;
    CHECK(defaults.tap_slop_px == doctest::Approx(at_96.tap_slop_px));
    CHECK(defaults.swipe_back_edge_px == doctest::Approx(at_96.swipe_back_edge_px));
}

TEST_CASE("the wheel scrolls like a finger and Ctrl+wheel zooms by steps")
{
    GestureRecognizer recognizer;
    std::vector<Gesture> out;
    recognizer.feed(WheelEvent { { 500, 500 }, 0.0f, 1.0f, false, Millis { 10 } }, out);
    recognizer.feed(WheelEvent { { 500, 500 }, 0.0f, -2.0f, true, Millis { 20 } }, out);
    recognizer.feed(WheelEvent { { 500, 500 }, 0.0f, 1e9f, false, Millis { 30 } }, out);
    recognizer.feed(WheelEvent { { 500, 500 }, 0.0f, 0.0f, true, Millis { 40 } }, out);
    REQUIRE(sequence(out) == "scroll zoom scroll");
    CHECK(out[0].delta.y == doctest::Approx(recognizer.config().wheel_step_px)); // towards the top
    CHECK(out[1].scale == doctest::Approx(1.0f / (1.1f * 1.1f)));
    CHECK(out[2].delta.y == doctest::Approx(10.0f * recognizer.config().wheel_step_px)); // clamped
}
