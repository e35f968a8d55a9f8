// The small motion helpers: the velocity tracker's fit, the tween's easing, and pinch-to-size
// steps with their snapping; each against a table of cases.
#include "input/step_zoom.hpp"
#include "input/tween.hpp"
#include "input/velocity_tracker.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <random>

using namespace ck;
using namespace ck::input;

TEST_CASE("the velocity of a steady finger is found through jitter in time and position")
{
    struct Case {
        float vx;
        float vy;
    };
    const Case cases[] = { { 0.0f, -1500.0f }, { 800.0f, 0.0f }, { -250.0f, 400.0f }, { 3000.0f, 3000.0f } };
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> noise(-1.5f, 1.5f);
    std::uniform_int_distribution<int> period(6, 10);
    for (const Case& c : cases) {
        VelocityTracker tracker;
        long long t = 0;
        for (int i = 0; i < 40; ++i, t += period(rng)) {
            const float s = static_cast<float>(t) / 1000.0f;
            tracker.add({ 100.0f + c.vx * s + noise(rng), 900.0f + c.vy * s + noise(rng) }, Millis { t });
        }
        const Point v = tracker.velocity(Millis { t }, Millis { 100 });
        CHECK(v.x == doctest::Approx(c.vx).epsilon(0.05).scale(100.0f));
        CHECK(v.y == doctest::Approx(c.vy).epsilon(0.05).scale(100.0f));
    }
}

TEST_CASE("one late or jumpy last sample does not decide the velocity")
{
    // 1,000 px/s, then a last event that arrived 2 ms after the one before but 6 px further than
    // the motion: the last two events alone would say 4,000 px/s.
    VelocityTracker tracker;
    for (int t = 0; t <= 96; t += 8) {
        tracker.add({ static_cast<float>(t), 0.0f }, Millis { t });
    }
    tracker.add({ 96.0f + 2.0f + 6.0f, 0.0f }, Millis { 98 });
    const Point v = tracker.velocity(Millis { 98 }, Millis { 100 });
    CHECK(v.x == doctest::Approx(1000.0f).epsilon(0.25));
}

TEST_CASE("a finger that rested before lifting has no velocity")
{
    VelocityTracker tracker;
    for (int t = 0; t <= 200; t += 8) {
        tracker.add({ 0.0f, static_cast<float>(t) * 2.0f }, Millis { t });
    }
    tracker.add({ 0.0f, 400.0f }, Millis { 320 }); // the lift, 120 ms later in the same place
    CHECK(tracker.velocity(Millis { 320 }, Millis { 100 }) == Point {});
    CHECK(VelocityTracker {}.velocity(Millis { 5 }, Millis { 100 }) == Point {});
}

TEST_CASE("the tracker keeps a bounded history and treats earlier times as the latest")
{
    VelocityTracker tracker;
    for (int t = 0; t < 1000; ++t) {
        tracker.add({ static_cast<float>(t), 0.0f }, Millis { t });
    }
    CHECK(tracker.size() == VelocityTracker::capacity);
    tracker.add({ 1000.0f, 0.0f }, Millis { 10 }); // out of order: taken as t = 999
    const Point v = tracker.velocity(Millis { 999 }, Millis { 100 });
    CHECK(std::isfinite(v.x));
    CHECK(v.x > 0.0f);
}

TEST_CASE("a tween starts at its origin, ends exactly at its target and eases out")
{
    struct Case {
        float from;
        float to;
        Easing easing;
    };
    const Case cases[] = {
        { 0.0f, 1.0f, Easing::ease_out_cubic },
        { 1920.0f, 0.0f, Easing::ease_out_cubic },
        { 16.0f, 24.0f, Easing::ease_in_out_cubic },
        { -5.0f, 5.0f, Easing::linear },
    };
    for (const Case& c : cases) {
        const Tween tween(c.from, c.to, Millis { 1000 }, Millis { 200 }, c.easing);
        CHECK(tween.value(Millis { 0 }) == c.from);
        CHECK(tween.value(Millis { 1000 }) == c.from);
        CHECK(tween.value(Millis { 1200 }) == c.to);
        CHECK(tween.value(Millis { 5000 }) == c.to);
        CHECK_FALSE(tween.finished(Millis { 1199 }));
        CHECK(tween.finished(Millis { 1200 }));
        float last = c.from;
        for (int t = 1000; t <= 1200; t += 7) {
            const float v = tween.value(Millis { t });
            CHECK((c.to - c.from) * (v - last) >= 0.0f); // never turns back
            last = v;
        }
    }
    // Ease-out covers most of the way early: the motion explains, then settles.
    CHECK(ease(Easing::ease_out_cubic, 0.5f) == doctest::Approx(0.875f));
    CHECK(ease(Easing::ease_in_out_cubic, 0.5f) == doctest::Approx(0.5f));
    CHECK(Tween {}.finished(Millis { 0 }));
}

TEST_CASE("a pinch snaps the text size to the nearest step, and a deliberate one moves a step")
{
    struct Case {
        float scale;
        std::size_t expected_index;
    };
    // Steps of text size; the pinch starts at 24.
    const Case cases[] = {
        { 1.0f, 2 }, // no change
        { 1.05f, 2 }, // a twitch stays
        { 1.13f, 3 }, // nearer 24 than 30, but past the intent ratio: one step up
        { 1.5f, 4 }, // 36
        { 1.6f, 4 }, // 38.4: nearer 36 than 44 in ratio
        { 1.7f, 5 }, // 40.8: nearer 44
        { 3.0f, 5 }, // beyond the largest: the largest
        { 0.93f, 2 },
        { 0.88f, 1 }, // one step down
        { 0.5f, 0 }, // below the smallest: the smallest
        { 0.0f, 2 }, // not a scale: ignored
        { -2.0f, 2 },
    };
    for (const Case& c : cases) {
        CAPTURE(c.scale);
        StepZoom zoom({ 16.0f, 20.0f, 24.0f, 30.0f, 36.0f, 44.0f }, 2);
        zoom.begin();
        zoom.update(c.scale);
        CHECK(zoom.end(c.scale) == c.expected_index);
        CHECK(zoom.size() == zoom.steps()[c.expected_index]);
    }
}

TEST_CASE("while pinching the size follows the fingers within a rubber band, and cancel restores it")
{
    StepZoom zoom({ 16.0f, 20.0f, 24.0f, 30.0f, 36.0f, 44.0f }, 2);
    zoom.begin();
    CHECK(zoom.update(1.25f) == doctest::Approx(30.0f));
    CHECK(zoom.update(10.0f) == doctest::Approx(44.0f * StepZoom::overshoot_ratio));
    CHECK(zoom.update(0.01f) == doctest::Approx(16.0f / StepZoom::overshoot_ratio));
    zoom.cancel();
    CHECK(zoom.size() == 24.0f);
    CHECK(zoom.index() == 2);
    zoom.set_index(99);
    CHECK(zoom.index() == 5);
}
