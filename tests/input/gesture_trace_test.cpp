// The gesture recognizer against recorded traces (traces.hpp), replayed with injected time and
// no window: each trace's exact gesture sequence, and the values the UI acts on.
#include "input/gesture_recognizer.hpp"
#include "trace_replay.hpp"
#include "traces.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

using namespace ck;
using namespace ck::input;
using namespace ck::input::test;

namespace {

struct TraceCase {
    const char* name;
    std::string_view trace;
    const char* expected;
};

float length(Point p)
{
    return std::hypot(p.x, p.y);
}

std::vector<Gesture> replay_fresh(std::string_view trace, GestureConfig config = {})
{
    GestureRecognizer recognizer(config);
    return replay(recognizer, trace);
}

} // namespace

TEST_CASE("each recorded trace yields exactly its gesture sequence and leaves nothing behind")
{
    const TraceCase cases[] = {
        { "a tap with 2 px of jitter", traces::trace_tap, "press release tap" },
        { "a slow drag", traces::trace_slow_drag, "press press_cancel drag_start drag_move*156 drag_end" },
        { "a fast fling", traces::trace_fast_fling, "press press_cancel drag_start drag_move*22 fling" },
        { "a double tap", traces::trace_double_tap, "press release tap press release double_tap" },
        { "a long press", traces::trace_long_press, "press long_press release tap" },
        { "a pinch out and in", traces::trace_pinch,
            "press press_cancel pinch_start pinch_update*185 pinch_end" },
        { "a swipe back from the edge", traces::trace_swipe_back_edge,
            "press press_cancel drag_start drag_move*18 fling swipe_back" },
        { "a fast swipe back from inside", traces::trace_swipe_back_inside,
            "press press_cancel drag_start drag_move*17 fling swipe_back" },
        { "a slow sideways drag", traces::trace_slow_sideways,
            "press press_cancel drag_start drag_move*164 drag_end" },
        { "a third finger mid-pinch", traces::trace_third_finger,
            "press press_cancel pinch_start pinch_update*35 cancel" },
        { "a ten-finger storm", traces::trace_storm, "press press_cancel" },
        { "a palm for ten minutes", traces::trace_palm, "press press_cancel" },
        { "a mouse click and drag", traces::trace_mouse,
            "press release tap press press_cancel drag_start drag_move*28 drag_end" },
    };
    for (const TraceCase& c : cases) {
        CAPTURE(c.name);
        GestureRecognizer recognizer;
        const auto gestures = replay(recognizer, c.trace);
        CHECK(sequence(gestures) == c.expected);
        CHECK(recognizer.state() == RecognizerState::idle);
        CHECK(recognizer.contact_count() == 0);
        CHECK_FALSE(recognizer.next_wakeup().has_value());
        CHECK(std::is_sorted(gestures.begin(), gestures.end(),
            [](const Gesture& a, const Gesture& b) { return a.time < b.time; }));
    }
}

TEST_CASE("a jittery tap is reported where the finger went down")
{
    const auto gestures = replay_fresh(traces::trace_tap);
    const Gesture* tap = first_of(gestures, GestureKind::tap);
    REQUIRE(tap != nullptr);
    CHECK(tap->pos == Point { 640.0f, 360.0f });
    CHECK(tap->time == Millis { 90 });
    CHECK(tap->source == PointerSource::touch);
}

TEST_CASE("the deltas of a drag add up to the finger's whole movement")
{
    for (std::string_view trace :
        { traces::trace_slow_drag, traces::trace_fast_fling, traces::trace_mouse }) {
        const auto gestures = replay_fresh(trace);
        Point sum;
        Point start;
        Point end;
        for (const Gesture& g : gestures) {
            if (g.kind == GestureKind::drag_start) {
                start = g.start;
                sum = g.delta;
            } else if (g.kind == GestureKind::drag_move) {
                sum = sum + g.delta;
            } else if (g.kind == GestureKind::drag_end || g.kind == GestureKind::fling) {
                end = g.pos;
            }
        }
        CHECK(sum.x == doctest::Approx(end.x - start.x).epsilon(0.001));
        CHECK(sum.y == doctest::Approx(end.y - start.y).epsilon(0.001));
    }
}

TEST_CASE("a fling carries the finger's velocity at the lift and a drag lifted at rest does not")
{
    const GestureConfig config;
    // The fling's table moves 420 px in 180 ms along u^1.3: 3,033 px/s upward at the end.
    const auto flung = replay_fresh(traces::trace_fast_fling);
    const Gesture* fling = first_of(flung, GestureKind::fling);
    REQUIRE(fling != nullptr);
    CHECK(fling->velocity.y == doctest::Approx(-3033.0f).epsilon(0.15));
    CHECK(std::fabs(fling->velocity.x) < 0.1f * std::fabs(fling->velocity.y));

    const auto rested = replay_fresh(traces::trace_slow_drag);
    const Gesture* rest = first_of(rested, GestureKind::drag_end);
    REQUIRE(rest != nullptr);
    CHECK(length(rest->velocity) < config.fling_min_velocity_px_per_s);
}

TEST_CASE("a long press fires at its time, and its lift taps unless configured not to")
{
    const auto gestures = replay_fresh(traces::trace_long_press);
    const Gesture* long_press = first_of(gestures, GestureKind::long_press);
    REQUIRE(long_press != nullptr);
    CHECK(long_press->time == Millis { 600 });
    CHECK(long_press->pos == Point { 1200.0f, 300.0f });

    GestureConfig no_tap;
    no_tap.long_press_lift = LongPressLift::no_tap;
    CHECK(sequence(replay_fresh(traces::trace_long_press, no_tap)) == "press long_press release");
}

TEST_CASE("a pinch reports its scale against the fingers' first distance, around its focus")
{
    const auto gestures = replay_fresh(traces::trace_pinch);
    float largest = 0.0f;
    for (const Gesture& g : gestures) {
        if (g.kind == GestureKind::pinch_start || g.kind == GestureKind::pinch_update) {
            largest = std::max(largest, g.scale);
            CHECK(length(g.pos - Point { 960.0f, 540.0f }) < 3.0f);
        }
    }
    CHECK(largest == doctest::Approx(1.8f).epsilon(0.03)); // 200 px spread to 360
    const Gesture* start = first_of(gestures, GestureKind::pinch_start);
    REQUIRE(start != nullptr);
    CHECK(start->scale > 1.0f);
    const Gesture* end = first_of(gestures, GestureKind::pinch_end);
    REQUIRE(end != nullptr);
    CHECK(end->scale == doctest::Approx(0.7f).epsilon(0.03)); // closed to 140 px
}

TEST_CASE("a swipe back says whether it came from the left edge, and a slow sideways drag is none")
{
    const auto from_edge = replay_fresh(traces::trace_swipe_back_edge);
    const Gesture* edge = first_of(from_edge, GestureKind::swipe_back);
    REQUIRE(edge != nullptr);
    CHECK(edge->origin == SwipeOrigin::left_edge);
    CHECK(edge->velocity.x > 0.0f);

    const auto from_inside = replay_fresh(traces::trace_swipe_back_inside);
    const Gesture* inside = first_of(from_inside, GestureKind::swipe_back);
    REQUIRE(inside != nullptr);
    CHECK(inside->origin == SwipeOrigin::inside);

    const auto sideways = replay_fresh(traces::trace_slow_sideways);
    CHECK(first_of(sideways, GestureKind::swipe_back) == nullptr);
}

TEST_CASE("after a storm, a palm or a cancelled pinch the next tap works normally")
{
    for (std::string_view trace : { traces::trace_storm, traces::trace_palm, traces::trace_third_finger }) {
        GestureRecognizer recognizer;
        (void)replay(recognizer, trace);
        const Millis later = recognizer.next_wakeup().value_or(Millis { 0 }) + Millis { 700000 };
        std::vector<Gesture> out;
        recognizer.feed(PointerEvent { PointerEvent::Kind::down, 1, { 50, 50 }, later }, out);
        recognizer.feed(PointerEvent { PointerEvent::Kind::up, 1, { 51, 50 }, later + Millis { 80 } }, out);
        CHECK(sequence(out) == "press release tap");
    }
}

TEST_CASE("mouse gestures come from the mouse and hovering does nothing")
{
    const auto gestures = replay_fresh(traces::trace_mouse);
    REQUIRE_FALSE(gestures.empty());
    CHECK(gestures.front().kind == GestureKind::press);
    CHECK(gestures.front().time == Millis { 40 });
    CHECK(std::all_of(
        gestures.begin(), gestures.end(), [](const Gesture& g) { return g.source == PointerSource::mouse; }));
}
