// The kiosk as a pure state machine: input events and time go in, a frame (draw list + widget
// tree) comes out. It owns the screen stack, the gesture recognizer, the idle policy and the
// visit's settings; SDL, the clock and the pack file are injected by the composition root, so the
// same object runs live, in the headless script mode and in the tests.
#pragma once

#include "app/exhibit_updates.hpp"
#include "app/idle_policy.hpp"
#include "app/kiosk_stats.hpp"
#include "app/staff_mode.hpp"
#include "app/staff_services.hpp"
#include "content/pack.hpp"
#include "core/background_work.hpp"
#include "input/events.hpp"
#include "input/gesture_recognizer.hpp"
#include "input/tween.hpp"
#include "screens/screen.hpp"
#include "ui/canvas.hpp"
#include "ui/theme.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ck::app {

struct AppOptions {
    float dpi = 92.0f;
    std::string language = "en"; // the language a visit starts in
    IdleConfig idle;
    // The largest pack whose About counts are made when the screen opens; unset: the screen's own
    // default. Tests lower it to send the counts to the background work.
    std::optional<std::int64_t> about_sync_facts_max;
    // Staff mode (off until a PIN hash is given) and the metrics file.
    StaffServices staff;
};

class KioskApp {
public:
    // `pack` may be null: the kiosk then shows its out-of-order screen (and `pack_problem` goes
    // to the log for staff, never to the screen).
    KioskApp(std::unique_ptr<content::Pack> pack, ui::TextServices text, AppOptions options, Millis now);
    ~KioskApp();
    KioskApp(const KioskApp&) = delete;
    KioskApp& operator=(const KioskApp&) = delete;

    void handle(const input::Event& event);
    // Moves timers and animations to `now` (call before building a frame).
    void advance(Millis now);
    // Builds the frame for a viewport of `size` logical pixels.
    const ui::Canvas& build(Size size);

    [[nodiscard]] bool animating() const;
    // When the app must be woken even if no input arrives (idle prompt, attract typing,
    // long-press timer); nullopt when it can sleep until the next event.
    [[nodiscard]] std::optional<Millis> next_wakeup() const;
    // True while any background job waits or runs (see BackgroundWork::pending).
    [[nodiscard]] bool background_working() const { return m_work.pending(); }
    // See Screen::await_background.
    void await_background(std::chrono::milliseconds limit) { current().await_background(limit); }

    [[nodiscard]] screens::ScreenId screen() const;
    [[nodiscard]] std::string_view screen_name() const;
    [[nodiscard]] const ui::Canvas& frame() const { return m_canvas; }
    [[nodiscard]] const ui::Theme& theme() const { return *m_theme; }
    [[nodiscard]] const std::string& language() const { return m_language; }
    [[nodiscard]] bool large_text() const { return m_large_text; }
    [[nodiscard]] bool high_contrast() const { return m_high_contrast; }
    [[nodiscard]] std::size_t stack_depth() const { return m_stack.size(); }
    [[nodiscard]] bool idle_prompt_showing() const;
    // The guided tour the visit is taking (inactive when none).
    [[nodiscard]] const TourWalk& tour() const { return m_visit.tour; }
    [[nodiscard]] content::Pack* pack() { return m_pack.get(); }
    // True while a widget is drawn pressed or a finger is tracked: after every finger has lifted
    // this must be false (no stuck press).
    [[nodiscard]] bool has_active_press() const
    {
        return !m_pressed.empty() || m_gestures.contact_count() > 0;
    }

    // Back to the attract loop with nothing of the visit left: screens, search text, filters,
    // scroll positions, text size, language, accessibility modes, popups.
    void reset_visit();

    // Opens a cable's reader as a tap on a link to it would (the script mode's `open`, for
    // benchmarks and generated tours; nothing a visitor can reach).
    void open_cable(const std::string& id);
    // How the background work wakes the event loop (platform::wake_event_loop in the live kiosk).
    void set_wake(std::function<void()> wake) { m_work.set_wake(std::move(wake)); }
    // The one owner of background work (search, facet counts, the About counts, imports); screens
    // ask it for work through the factory. Exposed for tests and diagnostics.
    [[nodiscard]] const BackgroundWork& background_work() const { return m_work; }
    // New exhibits (issue 12): the app attaches them to its import lane, takes each installed pack
    // and switches to it at the next moment between visits (the attract loop, no finger down).
    void set_exhibit_updates(std::unique_ptr<ExhibitUpdates> updates);
    [[nodiscard]] ExhibitUpdates* exhibit_updates() { return m_updates.get(); }
    // "Save a report" in staff mode: the composition root draws each staff page and writes them.
    [[nodiscard]] bool take_staff_report_request() { return m_staff->take_report_request(); }
    // True while an installed pack waits for the visit to end.
    [[nodiscard]] bool pack_waiting() const { return m_next_pack != nullptr; }
    // Records the text runs of every frame for the text check (ui/text_check.hpp): scripts only.
    void set_recording(bool on) { m_canvas.set_recording(on); }
    // Ends a running screen transition at once (the script's direct `open`, a deep link).
    void finish_transition() { m_transition.reset(); }

    // One frame's CPU time (advance, build and draw) and whether it was presented: the staff's
    // Performance screen and the metrics. Called by the loop that draws.
    void note_frame(double frame_ms, bool presented)
    {
        m_frames.add(frame_ms, presented, m_now);
        if (!m_stack.empty()) {
            m_stack.back()->frame_done();
        }
    }
    [[nodiscard]] const StaffMode& staff() const { return *m_staff; }
    [[nodiscard]] StaffMode& staff() { return *m_staff; }
    // "off", "pin", "locked", "pattern", "targets" or the staff page showing (scripts' `expect staff`).
    [[nodiscard]] std::string staff_state() const { return m_staff->state_name(m_now); }
    [[nodiscard]] const FrameStats& frame_stats() const { return m_frames; }
    [[nodiscard]] const VisitStats& visit_stats() const { return m_visits; }
    // The metrics file's text now (what the app writes every minute when a path is set).
    [[nodiscard]] std::string metrics() const;

private:
    struct Popup {
        std::string title;
        std::string body;
        std::string action_label; // empty: only a close button
        screens::Intent action;
    };
    // What the finger went down on, as drawn in the frame the visitor saw: the tap that follows
    // activates this widget even if the frame has moved on (a screen sliding in, a list scrolling).
    struct PressTarget {
        std::optional<ui::Widget> widget; // none: the press was on empty space
        std::uint64_t navigation = 0; // m_navigations then: the same screen is still current
        bool popup = false; // a popup was open then
    };
    struct Transition {
        std::unique_ptr<screens::Screen> leaving;
        input::Tween progress;
        bool forward = true;
    };

    void on_pointer(const input::PointerEvent& e);
    void on_gesture(const input::Gesture& g);
    void on_key(const input::KeyEvent& e);
    void on_tap(Point pos);
    void on_nav(std::string_view id);
    void apply(const screens::Intent& intent);
    void push(std::unique_ptr<screens::Screen> screen);
    void go_back();
    void go_home();
    // Guided tours (kiosk_tours.cpp): start one, move it a stop, leave it. A stop replaces the
    // reader of the stop before, so Back from any stop returns to where the tour was started.
    void apply_tour(const screens::Intent& intent);
    // Back from the reader of the tour's stop (`leaving`) ends the tour.
    void end_tour_leaving(const screens::Screen* leaving);
    std::unique_ptr<screens::Screen> make_screen(const screens::Intent& intent);
    void show_definition(const std::string& term);
    void rebuild_theme();
    screens::Env env(const Rect& body, Size viewport) const;
    std::unique_ptr<screens::Screen> make_screen(
        screens::ScreenId id, const std::string& arg = {}, int number = 0);
    [[nodiscard]] screens::Screen& current() const { return *m_stack.back(); }

    void take_new_pack();
    void build_popup(Rect area);
    void note_search_outcome(bool leaving);
    void tick_metrics();
    [[nodiscard]] int today() const;
    void build_idle_prompt(Rect area);

    std::unique_ptr<content::Pack> m_pack;
    // Before every screen (the stack, a leaving screen, the popup's intent): destroyed after them,
    // so their lanes close first and the owner then joins its thread.
    BackgroundWork m_work;
    // After m_work: its lane closes first. The pack it installed waits in m_next_pack.
    std::unique_ptr<ExhibitUpdates> m_updates;
    std::unique_ptr<content::Pack> m_next_pack;
    ui::TextServices m_text;
    AppOptions m_options;
    // After m_work: its lanes close before the owner joins.
    std::unique_ptr<StaffMode> m_staff;
    FrameStats m_frames;
    VisitStats m_visits;
    // The search screen showing, and whether its answered query found anything (counted once, when
    // the visitor leaves it).
    const screens::Screen* m_search_screen = nullptr;
    std::optional<screens::SearchOutcome> m_search_seen;
    std::optional<std::pair<std::uint64_t, std::uint64_t>> m_search_counted; // (screen, answer)
    std::int64_t m_start_wall_s = 0; // the wall clock when the app was made
    Millis m_started_at { 0 }; // the injected clock then
    std::optional<Millis> m_next_metrics;
    BackgroundWork::Lane m_metrics_lane;
    std::unique_ptr<ui::Theme> m_theme;
    ui::Theme m_staff_theme;
    Size m_viewport { 1920, 1080 }; // before m_canvas, which is made with it
    ui::Canvas m_canvas;
    std::unique_ptr<screens::Strings> m_strings;
    std::vector<std::unique_ptr<screens::Screen>> m_stack;
    std::optional<Transition> m_transition;
    std::optional<Popup> m_popup;
    input::GestureRecognizer m_gestures;
    std::vector<input::Gesture> m_gesture_buffer;
    IdlePolicy m_idle;
    mutable screens::Visit m_visit;
    // The reader showing the tour's current stop (compared, never used to reach the screen).
    const screens::Screen* m_tour_screen = nullptr;
    Millis m_now { 0 };
    std::string m_language;
    bool m_large_text = false;
    bool m_high_contrast = false;
    // The touch that wakes the kiosk (or dismisses the idle prompt) is swallowed whole.
    bool m_swallow_contact = false;
    std::string m_pressed;
    std::optional<PressTarget> m_press_target;
    // Counts every change of the current screen (a counter, not a pointer: a new screen may be
    // allocated where an old one was).
    std::uint64_t m_navigations = 0;
    Rect m_body;
};

} // namespace ck::app
