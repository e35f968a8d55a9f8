// One-dimensional kinetic scrolling for the reader and lists: follows a drag exactly, flings with
// exponential decay per unit of time (a time constant, never a factor per frame, so the motion is
// the same at 30, 60 or 144 frames per second), rubber-bands past the ends and springs back on a
// time-based curve. Every position is a closed-form function of time. Depends on core only.
#pragma once

#include "core/clock.hpp"

namespace ck::input {

struct ScrollerConfig {
    float time_constant_ms = 325.0f; // a fling's velocity falls to 1/e in this time
    float stop_velocity_px_per_s = 10.0f; // a fling below this stops where it is
    float max_velocity_px_per_s = 8000.0f; // faster flings are clamped
    float overscroll_px = 120.0f; // rubber band: the most a drag pulls the content past an end
    float bounce_px = 60.0f; // the most a fling carries the content past an end before springing
    float spring_ms = 80.0f; // 1/omega of the critically damped spring back (settles in ~0.5 s)
    float max_spring_ms = 1200.0f; // a spring that has not settled by then snaps to its end
};

// Offsets grow as the content moves up: 0 shows the top, max_offset the bottom. Drags and flings
// take the finger's motion (px and px/s, as the gestures carry them): a finger moving up by 10 px
// raises the offset by 10 px.
class KineticScroller {
public:
    enum class Phase { idle, dragging, flinging, springing };

    explicit KineticScroller(ScrollerConfig config = {});

    // The scrollable range. While idle, an offset outside it is clamped at once; while moving,
    // the motion settles against the new range.
    void set_range(float min_offset, float max_offset);
    // Jumps to `offset` (clamped to the range) and stops any motion.
    void set_offset(float offset);
    // Back to `offset` at rest, nothing in flight (a new screen, the idle reset).
    void reset(float offset = 0.0f);

    void drag_start(Millis now);
    // The finger moved by `finger_delta_px` (its y for a vertical scroller).
    void drag_by(float finger_delta_px, Millis now);
    // Lifted at rest: springs back if past an end.
    void drag_end(Millis now);
    // Lifted while moving at the finger's velocity: decays, or bounces and springs back.
    void fling(float finger_velocity_px_per_s, Millis now);
    // Stops a fling or spring where it is (a finger touching the moving content).
    void stop(Millis now);

    // Moves the animation to `now`. Time never runs backwards here: an earlier `now` is ignored.
    void advance(Millis now);

    [[nodiscard]] float offset() const { return m_offset; }
    // Offset velocity in px/s (the negated finger velocity of a fling).
    [[nodiscard]] float velocity() const { return m_velocity; }
    [[nodiscard]] Phase phase() const { return m_phase; }
    // True while a fling or spring runs: the frame loop must keep drawing.
    [[nodiscard]] bool animating() const { return m_phase == Phase::flinging || m_phase == Phase::springing; }
    [[nodiscard]] float min_offset() const { return m_min; }
    [[nodiscard]] float max_offset() const { return m_max; }
    // How far past an end the content sits now (0 within the range).
    [[nodiscard]] float overscroll() const;

private:
    void start_fling(float offset_velocity, double t0_ms);
    void start_spring(float velocity, double t0_ms);
    void advance_fling(double now_ms);
    void advance_spring(double now_ms);
    [[nodiscard]] float displayed(float raw) const; // the raw drag offset, rubber-banded
    [[nodiscard]] float raw_for(float shown) const; // its inverse
    [[nodiscard]] float nearest_end(float offset) const;

    ScrollerConfig m_config;
    Phase m_phase = Phase::idle;
    float m_min = 0.0f;
    float m_max = 0.0f;
    float m_offset = 0.0f;
    float m_velocity = 0.0f;
    float m_drag_raw = 0.0f; // the finger's unclamped offset while dragging
    Millis m_last { 0 };
    // The motion in flight, as the closed form's parameters; times in (fractional) milliseconds
    // so that a spring can begin between two frames, where the fling met the end.
    double m_t0_ms = 0.0;
    float m_x0 = 0.0f;
    float m_v0 = 0.0f;
    bool m_anchor_at_max = false; // which end a spring returns to
};

} // namespace ck::input
