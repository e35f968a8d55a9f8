// Names of gesture kinds (for logs, traces and test messages) and thresholds from millimetres.
#include "input/gesture.hpp"

namespace ck::input {

std::string_view name(GestureKind kind)
{
    switch (kind) {
    case GestureKind::press:
        return "press";
    case GestureKind::release:
        return "release";
    case GestureKind::press_cancel:
        return "press_cancel";
    case GestureKind::tap:
        return "tap";
    case GestureKind::double_tap:
        return "double_tap";
    case GestureKind::long_press:
        return "long_press";
    case GestureKind::drag_start:
        return "drag_start";
    case GestureKind::drag_move:
        return "drag_move";
    case GestureKind::drag_end:
        return "drag_end";
    case GestureKind::fling:
        return "fling";
    case GestureKind::pinch_start:
        return "pinch_start";
    case GestureKind::pinch_update:
        return "pinch_update";
    case GestureKind::pinch_end:
        return "pinch_end";
    case GestureKind::cancel:
        return "cancel";
    case GestureKind::swipe_back:
        return "swipe_back";
    case GestureKind::scroll:
        return "scroll";
    case GestureKind::zoom:
        return "zoom";
    }
    return "?";
}

GestureConfig GestureConfig::for_dpi(float dpi)
{
    GestureConfig c;
    c.tap_slop_px = mm_to_px(tap_slop_mm, dpi);
    c.double_tap_slop_px = mm_to_px(double_tap_slop_mm, dpi);
    c.pinch_slop_px = mm_to_px(pinch_slop_mm, dpi);
    c.swipe_back_edge_px = mm_to_px(swipe_back_edge_mm, dpi);
    c.swipe_back_min_distance_px = mm_to_px(swipe_back_min_distance_mm, dpi);
    c.fling_min_velocity_px_per_s = mm_to_px(fling_min_velocity_mm_per_s, dpi);
    c.swipe_back_min_velocity_px_per_s = mm_to_px(swipe_back_min_velocity_mm_per_s, dpi);
    c.wheel_step_px = mm_to_px(wheel_step_mm, dpi);
    return c;
}

} // namespace ck::input
