// Staff mode: the hidden door (StaffGesture), the masked PIN pad with its lockout, and the staff
// screens drawn over everything a visitor sees: Checks, Display, Touch trace, Touch accuracy, Pack,
// Performance, Log, Visits, Actions. The app routes every touch here while staff mode shows, and
// leaves it after two minutes without a touch and at every idle reset. Pure like the app: time
// and input come in, widgets and draw commands go out; the PIN is verified on the background
// worker (Argon2id is slow on purpose).
#pragma once

#include "app/check_run.hpp"
#include "app/exhibit_updates.hpp"
#include "app/kiosk_stats.hpp"
#include "app/staff_gesture.hpp"
#include "app/staff_lockout.hpp"
#include "app/staff_services.hpp"
#include "content/pack.hpp"
#include "core/background_work.hpp"
#include "input/events.hpp"
#include "ui/canvas.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ck::app {

enum class StaffPage { checks, display, trace, accuracy, pack, imports, performance, log, visits, actions };
inline constexpr int staff_page_count = 10;
std::string_view name(StaffPage page);

// What the staff screens read from the rest of the kiosk.
struct StaffView {
    content::Pack* pack = nullptr;
    const FrameStats& frames;
    const VisitStats& visits;
    ui::TextServices text;
    float dpi = 92;
    // An installed release waiting for the visit (here: staff mode) to end; 0: none.
    std::int64_t waiting_sequence = 0;
};

class StaffMode {
public:
    enum class Phase { off, pin, on };

    StaffMode(StaffServices services, BackgroundWork& work, float dpi, Millis now);
    ~StaffMode();
    StaffMode(const StaffMode&) = delete;
    StaffMode& operator=(const StaffMode&) = delete;

    [[nodiscard]] bool enabled() const { return !m_services.pin_hash.empty(); }
    [[nodiscard]] Phase phase() const { return m_phase; }
    [[nodiscard]] bool showing() const { return m_phase != Phase::off; }
    [[nodiscard]] StaffPage page() const { return m_page; }
    // The name a script's `expect staff NAME` compares: "off", "pin", "locked", or the page.
    [[nodiscard]] std::string state_name(Millis now) const;
    [[nodiscard]] const StaffLockout& lockout() const { return m_lockout; }
    [[nodiscard]] const StaffServices& services() const { return m_services; }

    // What the door gesture makes of a pointer event.
    enum class Door {
        none, // not part of the door: the visitor's screen has it
        consumed, // a step of the door (the hold's lift, a corner tap): it presses nothing
        opened, // the last step: the PIN pad is open
    };
    // Watches every pointer event for the door gesture, while staff mode is off.
    Door watch(const input::PointerEvent& e, Size viewport, Millis now);
    // While showing: raw pointer events (the touch trace and accuracy pages read them).
    void pointer(const input::PointerEvent& e);
    // While showing: a drag or wheel turn scrolls the Checks and Log pages.
    void scroll(float dy);
    // While showing: a tap on one of the staff widgets (or on none).
    void tap(const ui::Widget* widget, Point pos, Millis now);
    // Moves timers on: the PIN's answer, the checks, the 2-minute timeout.
    void advance(Millis now);
    [[nodiscard]] bool animating() const;
    [[nodiscard]] std::optional<Millis> next_wakeup() const;
    // Leaves staff mode (the idle reset, the Leave button, the timeout). The PIN pad closes too.
    void leave(std::string_view why);
    void build(ui::Canvas& canvas, Size size, const StaffView& view);

    // The checks' last complete run (staff mode, or the run at start when metrics are on).
    [[nodiscard]] const std::vector<selfcheck::Result>& last_results() const { return m_last_results; }
    [[nodiscard]] std::optional<Millis> last_results_at() const { return m_last_results_at; }
    // Starts a run of the checks without showing anything (the run at start for the metrics).
    void run_checks(Millis now);

    // New exhibits (issue 12): the Imports page reads their history and asks for a look at the
    // folder, a reload or a rollback; null: the kiosk has no state folder.
    void set_updates(ExhibitUpdates* updates) { m_updates = updates; }
    // "Save a report" asks the composition root (which can draw and write pictures) to save one;
    // it answers with report_saved().
    bool take_report_request() { return std::exchange(m_report_requested, false); }
    void report_saved(std::string message) { m_report_message = std::move(message); }
    // Shows a page (the report draws each in turn).
    void show_page(StaffPage page)
    {
        m_page = page;
        m_scroll = 0;
    }

    // The language of the staff screens (they have their own switch), "en" or "ja".
    void set_language(std::string lang) { m_lang = std::move(lang); }

private:
    struct Trace {
        std::vector<Point> path;
        bool down = false;
    };
    struct Target {
        std::string key;
        Point at;
        std::optional<float> error_mm;
    };

    void open_pin(Millis now);
    void press_digit(char digit);
    void submit(Millis now);
    void finish_pin(bool right, Millis now);
    void save_lockout(Millis now) const;
    void activity(Millis now) { m_last_touch = now; }

    void build_pin(ui::Canvas& canvas, Size size);
    void build_header(ui::Canvas& canvas, Size size, float& y);
    void build_page(ui::Canvas& canvas, Rect area, const StaffView& view);
    void build_checks(ui::Canvas& canvas, Rect area);
    void build_display_intro(ui::Canvas& canvas, Rect area);
    void build_pattern(ui::Canvas& canvas, Size size);
    void build_trace(ui::Canvas& canvas, Rect area);
    void build_accuracy(ui::Canvas& canvas, Rect area);
    void build_accuracy_run(ui::Canvas& canvas, Size size);
    void build_pack(ui::Canvas& canvas, Rect area, const StaffView& view);
    void build_performance(ui::Canvas& canvas, Rect area, const StaffView& view);
    void build_log(ui::Canvas& canvas, Rect area);
    void build_visits(ui::Canvas& canvas, Rect area, const StaffView& view);
    void build_actions(ui::Canvas& canvas, Rect area);
    void build_imports(ui::Canvas& canvas, Rect area, const StaffView& view);
    float build_rollback_confirm(ui::Canvas& canvas, Rect area, const content::StoreRecord& record);
    float build_import_history(ui::Canvas& canvas, Rect area);
    std::vector<Target> accuracy_targets(Size size, float dpi) const;

    StaffServices m_services;
    BackgroundWork& m_work;
    ExhibitUpdates* m_updates = nullptr;
    bool m_confirm_rollback = false;
    bool m_report_requested = false;
    std::string m_report_message;
    StaffGesture m_gesture;
    StaffLockout m_lockout;
    Phase m_phase = Phase::off;
    StaffPage m_page = StaffPage::checks;
    std::string m_lang = "en";
    Millis m_now { 0 };
    Millis m_last_touch { 0 };
    Size m_size { 1920, 1080 };
    float m_dpi = 92;

    // The PIN pad: digits typed (never shown, never logged), the answer from the worker.
    std::string m_digits;
    std::string m_pin_message;
    BackgroundWork::Lane m_pin_lane;
    struct PinAnswer;
    std::shared_ptr<PinAnswer> m_pin_answer;

    std::unique_ptr<CheckRun> m_run;
    bool m_run_recorded = false; // its results are in m_last_results
    std::vector<selfcheck::Result> m_last_results;
    std::optional<Millis> m_last_results_at;

    // The Checks and Log pages scroll when their rows pass the screen's bottom.
    float m_scroll = 0;
    float m_scroll_max = 0; // from the last frame
    void scroll_bar(ui::Canvas& canvas, Rect view, float content_h);

    std::optional<int> m_pattern; // the display test pattern showing, full screen
    std::map<std::int64_t, Trace> m_traces;
    std::optional<Rect> m_trace_area;
    int m_fingers_seen = 0;
    std::optional<std::size_t> m_accuracy_step; // the target showing, full screen
    std::vector<Target> m_targets;
};

} // namespace ck::app
