// The vocabulary between the gesture recognizer and the UI: what a gesture is (plain data) and
// the thresholds that decide it. Distances are pixels the caller computes from millimetres at the
// display's DPI (for_dpi does it), times are injected Millis. Depends on core only.
#pragma once

#include "core/clock.hpp"
#include "core/geometry.hpp"
#include "input/events.hpp"

#include <string_view>

namespace ck::input {

constexpr float mm_per_inch = 25.4f;

// Millimetres of the physical screen to logical pixels at `dpi`.
constexpr float mm_to_px(float mm, float dpi)
{
    return mm * dpi / mm_per_inch;
}

// Lifecycles (each start is followed by exactly one of its terminators, always):
//   press       -> release | press_cancel      (release may be followed by tap or double_tap)
//   drag_start  -> drag_move* -> drag_end | fling | cancel  (then maybe swipe_back)
//   pinch_start -> pinch_update* -> pinch_end | cancel
// A drag or pinch in progress never overlaps another; `cancel` ends whichever one is in progress.
// Discrete gestures: tap, double_tap, long_press, swipe_back, scroll, zoom.
enum class GestureKind {
    press, // a finger (or the mouse button) went down: widgets show a pressed state
    release, // the pressed finger lifted without moving or pinching; activation is `tap`, not this
    press_cancel, // the press turned into a drag or a pinch, or was cancelled: drop the pressed look
    tap, // a short press lifted where it went down: activate
    double_tap, // a second tap close in time and place; it replaces that second `tap`
    long_press, // a press held still for long_press_time; its lift still taps unless configured
    drag_start, // one finger moved past the slop; `delta` is the whole move so far (nothing lost)
    drag_move, // `delta` since the previous drag event
    drag_end, // lifted at rest (or a second finger landed): `velocity` below the fling minimum
    fling, // lifted while moving: `velocity` in px/s, estimated over the last samples
    pinch_start, // two fingers changed their distance past the pinch slop
    pinch_update, // `scale` relative to the fingers' distance when the second one landed
    pinch_end, // a finger of the two lifted; `scale` is final
    cancel, // the drag or pinch in progress is abandoned (third finger, system cancel, storm)
    swipe_back, // a rightward, mostly level swipe from the left edge, or a fast one from anywhere (`origin`)
    scroll, // a mouse wheel or touchpad scroll; `delta` in pixels, signed like a finger drag
    zoom, // Ctrl + wheel on a desktop: `scale` is the factor of this one step
};

[[nodiscard]] std::string_view name(GestureKind kind);

// The physical sizes behind the thresholds. Slops are generous: museum visitors' fingers are large
// and unsteady, and panels jitter by a pixel or two.
constexpr float default_dpi = 96.0f;
constexpr float tap_slop_mm = 3.0f;
constexpr float double_tap_slop_mm = 10.0f;
constexpr float pinch_slop_mm = 4.0f;
constexpr float swipe_back_edge_mm = 12.0f;
constexpr float swipe_back_min_distance_mm = 20.0f;
constexpr float fling_min_velocity_mm_per_s = 25.0f;
constexpr float swipe_back_min_velocity_mm_per_s = 100.0f;
constexpr float wheel_step_mm = 12.7f;

// Where a swipe back started: at the left edge (the conventional "back" gesture) or anywhere
// else. Screens that scroll sideways ignore `inside` swipes; every screen honours `left_edge`.
enum class SwipeOrigin { left_edge, inside };

struct Gesture {
    GestureKind kind = GestureKind::tap;
    Millis time { 0 };
    PointerSource source = PointerSource::touch;
    Point pos; // the finger now; for pinch and zoom the focus (midpoint of the two fingers)
    Point start; // where the press, drag or pinch began (the pinch's focus when it began)
    Point delta; // drag_start/drag_move: finger movement; scroll: wheel movement in pixels
    Point velocity; // px/s of the finger: drag_end, fling, swipe_back
    float scale = 1.0f; // pinch_*: distance now / distance when the second finger landed; zoom: step
    SwipeOrigin origin = SwipeOrigin::inside; // swipe_back only
    friend bool operator==(const Gesture&, const Gesture&) = default;
};

// What a long press does when it lifts. Museum visitors often press slowly and firmly, so by default
// a long press is still a press: its lift taps. A screen that gives long_press a meaning of its own
// sets no_tap, so that one touch does not do two things.
enum class LongPressLift { no_tap, taps };

// The thresholds. Defaults are for 96 dpi (a desktop window); use for_dpi() on a real panel.
struct GestureConfig {
    // A press moving less than this stays a press.
    float tap_slop_px = mm_to_px(tap_slop_mm, default_dpi);
    // The second tap of a double tap lands this close to the first.
    float double_tap_slop_px = mm_to_px(double_tap_slop_mm, default_dpi);
    // Two fingers change their distance this much before it is a pinch.
    float pinch_slop_px = mm_to_px(pinch_slop_mm, default_dpi);
    // A swipe back starting this close to the left edge is an edge swipe.
    float swipe_back_edge_px = mm_to_px(swipe_back_edge_mm, default_dpi);
    // The rightward travel of any swipe back.
    float swipe_back_min_distance_px = mm_to_px(swipe_back_min_distance_mm, default_dpi);
    // Drags lifted slower than this end at rest (drag_end), faster ones fling.
    float fling_min_velocity_px_per_s = mm_to_px(fling_min_velocity_mm_per_s, default_dpi);
    // A swipe back that does not start at the edge must be at least this fast.
    float swipe_back_min_velocity_px_per_s = mm_to_px(swipe_back_min_velocity_mm_per_s, default_dpi);
    // One wheel notch scrolls this far (about two lines of text).
    float wheel_step_px = mm_to_px(wheel_step_mm, default_dpi);
    float wheel_zoom_step = 1.1f; // one Ctrl+wheel notch zooms by this factor
    Millis long_press_time { 600 };
    Millis double_tap_interval { 300 }; // from the first tap's lift to the second press
    Millis velocity_window { 100 }; // the fling velocity is fitted over this much of the end
    Millis stale_contact_time { 60000 }; // a contact silent this long is forgotten (lost lift)
    LongPressLift long_press_lift = LongPressLift::taps;

    // The same thresholds for a panel of `dpi` dots per inch.
    [[nodiscard]] static GestureConfig for_dpi(float dpi);
};

} // namespace ck::input
