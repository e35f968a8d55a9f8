// The hidden door to staff mode: hold one finger in the top-left corner for 2 s, then, within
// 3 s of each other, tap the top-right, bottom-right and bottom-left corners (clockwise). Corners
// are squares of 15 mm in visitor space, inside the screen's margin where no visitor control is
// drawn. A second finger, a touch anywhere else, a slow step or a corner out of order starts the
// sequence over. Pure: pointer events (with their times) and the screen size go in, "open the PIN
// pad" comes out. Why this one: visitors do tap corners, and rest a hand on one, but holding the
// top-left corner still for two seconds and then tapping the three others in order is not
// something a visitor, a child or a ten-finger storm does by chance; and it only opens a PIN pad.
#pragma once

#include "core/clock.hpp"
#include "core/geometry.hpp"
#include "input/events.hpp"

#include <cstdint>
#include <optional>

namespace ck::app {

struct StaffGestureConfig {
    float corner_mm = 15.0f;
    Millis hold { 2'000 }; // the first corner, held still
    Millis step { 3'000 }; // at most between one corner's lift and the next corner's touch
    Millis tap_max { 800 }; // a corner tap is shorter than this
    float dpi = 92.0f;
};

class StaffGesture {
public:
    enum class Corner { top_left, top_right, bottom_right, bottom_left };

    explicit StaffGesture(StaffGestureConfig config = {});

    // Feeds one pointer event on a screen of `size` (visitor space). True when this event completes
    // the sequence; the recognizer is then ready for a new one.
    bool feed(const input::PointerEvent& e, Size size);
    // Forgets any sequence in progress (the idle reset).
    void reset();
    // How many steps are done (0: none; 1: the hold; 4 would be complete). For tests and the log.
    [[nodiscard]] int progress() const { return m_done; }
    // True while `finger` is the one following the sequence after its first step (the hold): its
    // touches belong to the door and press nothing on the visitor's screen.
    [[nodiscard]] bool following(std::int64_t finger) const
    {
        return m_done >= 1 && m_finger && *m_finger == finger && !m_spoiled;
    }

    [[nodiscard]] std::optional<Corner> corner_of(Point p, Size size) const;

private:
    StaffGestureConfig m_config;
    int m_done = 0; // corners completed in order
    int m_fingers = 0; // fingers down now
    std::optional<std::int64_t> m_finger; // the one finger being followed
    Millis m_down_at { 0 };
    Millis m_last_lift { 0 };
    bool m_spoiled = false; // the contact that is down now cannot count (moved away, a second finger)
    Millis m_last_event { 0 };
};

} // namespace ck::app
