// Pointer events -> gestures: one state machine over all contacts, fed events and told the time,
// emitting plain Gesture values. Whatever arrives (storms, palms, lost lifts, events out of order)
// every press ends exactly once and memory stays bounded. Depends on core only; no clock is read.
#pragma once

#include "input/events.hpp"
#include "input/gesture.hpp"
#include "input/velocity_tracker.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <vector>

namespace ck::input {

// What the recognizer is doing, for tests and the diagnostics screen.
enum class RecognizerState {
    idle, // no contact
    pressed, // one contact within the slop
    dragging, // one contact moving
    two_fingers, // two contacts, not yet pinching
    pinching, // two contacts changing their distance
    ignoring, // contacts left over from a finished or cancelled gesture: silent until all lift
};

[[nodiscard]] std::string_view name(RecognizerState state);

class GestureRecognizer {
public:
    // Contacts tracked at once; more (a palm, a storm) put the recognizer in `ignoring`.
    static constexpr std::size_t max_contacts = 10;

    explicit GestureRecognizer(GestureConfig config = {});

    [[nodiscard]] const GestureConfig& config() const { return m_config; }
    // New thresholds apply from the next event on.
    void set_config(const GestureConfig& config) { m_config = config; }

    // One pointer event; the gestures it completes are appended to `out`. Pending timers up to
    // the event's time fire first, so a late event cannot skip a long press.
    void feed(const PointerEvent& event, std::vector<Gesture>& out);
    // A wheel: `scroll`, or `zoom` with Ctrl. Independent of the touch state.
    void feed(const WheelEvent& event, std::vector<Gesture>& out);
    // Tells the time: fires the long press and forgets contacts silent for stale_contact_time.
    void advance(Millis now, std::vector<Gesture>& out);
    // Ends everything in progress and forgets every contact (idle reset, screen lock, focus lost);
    // fingers still on the glass are then ignored until they lift.
    void cancel_all(Millis now, std::vector<Gesture>& out);

    // Conveniences for tests and scripts.
    [[nodiscard]] std::vector<Gesture> feed(const PointerEvent& event);
    [[nodiscard]] std::vector<Gesture> advance(Millis now);

    // When advance() must be called next; nullopt when nothing is timed, so the loop may sleep
    // until the next input event.
    [[nodiscard]] std::optional<Millis> next_wakeup() const;

    [[nodiscard]] RecognizerState state() const { return m_state; }
    [[nodiscard]] std::size_t contact_count() const { return m_contact_count; }

private:
    struct Contact {
        std::int64_t id = 0;
        Point down_pos;
        Point pos;
        Millis last_seen { 0 };
    };

    Millis clamp_time(Millis t);
    Contact* find(std::int64_t id);
    void remove(std::int64_t id);
    Gesture make(GestureKind kind, Point pos, Millis time) const;

    void on_down(const PointerEvent& e, std::vector<Gesture>& out);
    void on_move(const PointerEvent& e, Contact& c, std::vector<Gesture>& out);
    void on_up(const PointerEvent& e, std::vector<Gesture>& out);
    void on_cancel(const PointerEvent& e, std::vector<Gesture>& out);

    void start_press(const Contact& c, Millis now, std::vector<Gesture>& out);
    void end_press_by_lift(Point pos, Millis now, std::vector<Gesture>& out);
    void end_drag_by_lift(Point pos, Millis now, std::vector<Gesture>& out);
    void begin_two_fingers();
    void update_two_fingers(Millis now, std::vector<Gesture>& out);
    // Emits the terminator of whatever is in progress (press_cancel or cancel).
    void abandon(Millis now, std::vector<Gesture>& out);
    void settle_after_abandon();
    [[nodiscard]] float finger_distance() const;
    [[nodiscard]] Point finger_focus() const;

    GestureConfig m_config;
    RecognizerState m_state = RecognizerState::idle;
    std::array<Contact, max_contacts> m_contacts {};
    std::size_t m_contact_count = 0;
    PointerSource m_source = PointerSource::touch; // of the contacts down now

    // The single-finger episode.
    Point m_press_pos;
    Millis m_press_time { 0 };
    Point m_drag_last;
    bool m_long_pressed = false;
    bool m_double_candidate = false;
    VelocityTracker m_velocity;

    // The two-finger episode.
    float m_pinch_base_distance = 1.0f;
    Point m_pinch_start_focus;
    Point m_pinch_focus;
    float m_pinch_scale = 1.0f;

    // The last tap, for double taps.
    std::optional<Millis> m_last_tap_time;
    Point m_last_tap_pos;
    PointerSource m_last_tap_source = PointerSource::touch;

    Millis m_now { 0 }; // the latest time seen; events from the past are treated as now
};

} // namespace ck::input
