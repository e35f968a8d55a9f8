// Fling physics without a window: a drag follows the finger exactly, the same fling sampled at
// 30, 60 and 144 frames a second lands on the same offset and stops, overscroll rubber-bands and
// springs back to the end, and every motion stops within a bound.
#include "input/kinetic_scroller.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace ck;
using namespace ck::input;

namespace {

struct Run {
    float final_offset = 0.0f;
    long long stopped_ms = 0; // since the fling
    float max_overscroll = 0.0f;
    int frames = 0;
};

// Drives the scroller as the frame loop does at `fps`, until it stops animating (or 20 s pass).
Run run_frames(KineticScroller& s, Millis t0, double fps)
{
    Run run;
    for (int frame = 1; s.animating() && frame < 20 * 1000; ++frame) {
        const Millis now = t0 + Millis { std::llround(frame * 1000.0 / fps) };
        s.advance(now);
        run.max_overscroll = std::max(run.max_overscroll, s.overscroll());
        run.frames = frame;
        run.stopped_ms = (now - t0).count();
    }
    run.final_offset = s.offset();
    return run;
}

KineticScroller scroller_at(float offset, float max_offset, ScrollerConfig config = {})
{
    KineticScroller s(config);
    s.set_range(0.0f, max_offset);
    s.set_offset(offset);
    return s;
}

constexpr double frame_rates[] = { 30.0, 60.0, 144.0 };

} // namespace

TEST_CASE("a drag moves the content exactly with the finger")
{
    const float moves[] = { -3.0f, -12.5f, 0.0f, 40.0f, -7.25f, -100.0f, 2.0f, -0.5f };
    KineticScroller s = scroller_at(1000.0f, 5000.0f);
    s.drag_start(Millis { 0 });
    float finger = 0.0f;
    long long t = 0;
    for (float move : moves) {
        finger += move;
        s.drag_by(move, Millis { t += 8 });
        CHECK(s.offset() == doctest::Approx(1000.0f - finger));
    }
    s.drag_end(Millis { t + 100 });
    CHECK_FALSE(s.animating());
    CHECK(s.offset() == doctest::Approx(1000.0f - finger));
}

TEST_CASE("the same fling at 30, 60 and 144 frames a second ends at the same offset and stops")
{
    const ScrollerConfig config;
    const float finger_velocities[] = { -3000.0f, 1200.0f, -450.0f };
    for (float v : finger_velocities) {
        CAPTURE(v);
        // (A velocity multiplied by 0.95 each frame, as LVGL does, travels about five times
        // farther at 30 Hz than at 144 Hz; a time constant does not care about the frame rate.)
        // The closed form's resting point: x0 + tau (v0 - v_stop), in the direction of travel.
        const float tau_s = config.time_constant_ms / 1000.0f;
        const float v0 = -v;
        const float expected = 20000.0f + tau_s * (v0 - std::copysign(config.stop_velocity_px_per_s, v0));
        const long long expected_stop_ms
            = std::llround(config.time_constant_ms * std::log(std::fabs(v0) / config.stop_velocity_px_per_s));
        for (double fps : frame_rates) {
            CAPTURE(fps);
            KineticScroller s = scroller_at(20000.0f, 100000.0f);
            s.fling(v, Millis { 1000 });
            CHECK(s.animating());
            const Run run = run_frames(s, Millis { 1000 }, fps);
            CHECK_FALSE(s.animating());
            CHECK(std::fabs(run.final_offset - expected) <= 1.0f);
            CHECK(run.stopped_ms >= expected_stop_ms);
            CHECK(run.stopped_ms <= expected_stop_ms + std::llround(1000.0 / fps) + 1);
        }
    }
}

TEST_CASE("a fling into the end bounces within the overscroll and springs back to the end")
{
    const ScrollerConfig config;
    float first_bounce = -1.0f;
    for (double fps : frame_rates) {
        CAPTURE(fps);
        KineticScroller s = scroller_at(1800.0f, 2000.0f);
        s.fling(-5000.0f, Millis { 0 }); // finger up fast: content towards its end
        const Run run = run_frames(s, Millis { 0 }, fps);
        CHECK_FALSE(s.animating());
        CHECK(run.final_offset == 2000.0f);
        CHECK(run.max_overscroll > 0.0f);
        CHECK(run.max_overscroll <= config.bounce_px);
        CHECK(run.stopped_ms < 2000);
        if (first_bounce < 0.0f) {
            first_bounce = run.max_overscroll;
        }
        // Sampled at different instants, the peak seen differs only by what a frame can miss.
        CHECK(run.max_overscroll == doctest::Approx(first_bounce).epsilon(0.05));
    }
}

TEST_CASE("dragging past an end rubber-bands and the release springs back")
{
    const ScrollerConfig config;
    KineticScroller s = scroller_at(0.0f, 3000.0f);
    s.drag_start(Millis { 0 });
    float last = 0.0f;
    for (int i = 1; i <= 60; ++i) {
        s.drag_by(20.0f, Millis { i * 8 }); // pulling the top of the text down, 1,200 px in all
        CHECK(s.offset() < last); // still gives way
        CHECK(s.overscroll() < config.overscroll_px); // but never past the limit
        CHECK(last - s.offset() < 20.0f); // and less than the finger moves
        last = s.offset();
    }
    CHECK(s.overscroll() > 0.5f * config.overscroll_px);
    s.drag_end(Millis { 500 });
    CHECK(s.animating());
    for (double fps : frame_rates) {
        KineticScroller copy = s;
        const Run run = run_frames(copy, Millis { 500 }, fps);
        CHECK(run.final_offset == 0.0f);
        CHECK(run.stopped_ms <= static_cast<long long>(config.max_spring_ms));
    }
}

TEST_CASE("every fling stops within a bound of time and distance, however fast")
{
    const ScrollerConfig config;
    const float tau_s = config.time_constant_ms / 1000.0f;
    const float velocities[] = { 11.0f, 500.0f, 5000.0f, 1e7f, -1e7f, std::numeric_limits<float>::max() };
    for (float v : velocities) {
        CAPTURE(v);
        KineticScroller s = scroller_at(500000.0f, 1000000.0f);
        s.fling(v, Millis { 0 });
        const Run run = run_frames(s, Millis { 0 }, 60.0);
        CHECK_FALSE(s.animating());
        CHECK(std::fabs(run.final_offset - 500000.0f) <= config.max_velocity_px_per_s * tau_s);
        CHECK(static_cast<float>(run.stopped_ms) <= config.time_constant_ms
                    * std::log(config.max_velocity_px_per_s / config.stop_velocity_px_per_s)
                + 17.0f);
    }
}

TEST_CASE("a fling too slow to notice, or not a number, does not move the content")
{
    for (float v : { 5.0f, -9.0f, 0.0f, std::numeric_limits<float>::quiet_NaN() }) {
        KineticScroller s = scroller_at(400.0f, 1000.0f);
        s.fling(v, Millis { 0 });
        CHECK_FALSE(s.animating());
        CHECK(s.offset() == 400.0f);
    }
}

TEST_CASE("a finger landing on a fling stops it where it is, and reset clears everything")
{
    KineticScroller s = scroller_at(1000.0f, 100000.0f);
    s.fling(-2000.0f, Millis { 0 });
    s.advance(Millis { 100 });
    const float moving = s.offset();
    CHECK(moving > 1000.0f);
    s.stop(Millis { 100 });
    CHECK_FALSE(s.animating());
    s.advance(Millis { 500 });
    CHECK(s.offset() == moving);

    s.fling(-2000.0f, Millis { 600 });
    s.reset(0.0f);
    CHECK_FALSE(s.animating());
    CHECK(s.phase() == KineticScroller::Phase::idle);
    s.advance(Millis { 900 });
    CHECK(s.offset() == 0.0f);
}

TEST_CASE("a finger catching a bounce holds the content where it is")
{
    KineticScroller s = scroller_at(0.0f, 1000.0f);
    s.fling(3000.0f, Millis { 0 }); // towards the top, bounces past 0
    s.advance(Millis { 40 });
    const float held = s.offset();
    REQUIRE(s.overscroll() > 0.0f);
    s.drag_start(Millis { 40 });
    s.drag_by(0.0f, Millis { 48 });
    CHECK(s.offset() == doctest::Approx(held).epsilon(1e-4));
    s.drag_end(Millis { 60 });
    run_frames(s, Millis { 60 }, 60.0);
    CHECK(s.offset() == 0.0f);
}

TEST_CASE("an inward fling from past an end scrolls on into the content")
{
    KineticScroller s = scroller_at(0.0f, 5000.0f);
    s.drag_start(Millis { 0 });
    s.drag_by(150.0f, Millis { 50 }); // pulled down past the top
    REQUIRE(s.offset() < 0.0f);
    s.fling(-2500.0f, Millis { 60 }); // and flicked up
    run_frames(s, Millis { 60 }, 60.0);
    CHECK(s.offset() > 300.0f);
    CHECK(s.overscroll() == 0.0f);
}

TEST_CASE("content shorter than the view has one resting place")
{
    KineticScroller s;
    s.set_range(0.0f, -250.0f);
    CHECK(s.max_offset() == 0.0f);
    s.fling(-4000.0f, Millis { 0 });
    run_frames(s, Millis { 0 }, 60.0);
    CHECK(s.offset() == 0.0f);
    s.drag_by(-80.0f, Millis { 2000 });
    CHECK(s.offset() > 0.0f);
    s.drag_end(Millis { 2010 });
    run_frames(s, Millis { 2010 }, 60.0);
    CHECK(s.offset() == 0.0f);
}

TEST_CASE("a range that shrinks settles the content inside it")
{
    KineticScroller s = scroller_at(900.0f, 1000.0f);
    s.set_range(0.0f, 400.0f); // the text reflowed shorter while at rest
    CHECK(s.offset() == 400.0f);
    s.fling(-3000.0f, Millis { 0 });
    s.advance(Millis { 30 });
    s.set_range(0.0f, 100.0f); // and again while bouncing
    run_frames(s, Millis { 30 }, 60.0);
    CHECK(s.offset() == 100.0f);
}

TEST_CASE("time running backwards does not move the content")
{
    KineticScroller s = scroller_at(0.0f, 100000.0f);
    s.fling(-3000.0f, Millis { 1000 });
    s.advance(Millis { 1200 });
    const float at_1200 = s.offset();
    s.advance(Millis { 1100 });
    CHECK(s.offset() == at_1200);
    s.advance(Millis { 1300 });
    CHECK(s.offset() > at_1200);
}
