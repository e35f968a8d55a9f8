// Staff mode's state and input: the door, the PIN and its lockout, the pages' taps, the timeouts.
// The layout of each page is in staff_layout.cpp and staff_pages.cpp. Nothing typed on the PIN pad is kept
// beyond the attempt, logged or drawn (the field shows one dot a digit).
#include "app/staff_mode.hpp"

#include "app/staff_strings.hpp"
#include "content/atomic_file.hpp"
#include "content/pin.hpp"
#include "core/log.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <mutex>
#include <sstream>

namespace ck::app {
namespace {

constexpr Millis pin_timeout { 30'000 }; // a PIN pad nobody answers closes
constexpr int pattern_count = 8;

} // namespace

struct StaffMode::PinAnswer {
    std::mutex mutex;
    std::optional<bool> right;
};

std::string_view name(StaffPage page)
{
    switch (page) {
    case StaffPage::checks:
        return "checks";
    case StaffPage::display:
        return "display";
    case StaffPage::trace:
        return "trace";
    case StaffPage::accuracy:
        return "accuracy";
    case StaffPage::pack:
        return "pack";
    case StaffPage::imports:
        return "imports";
    case StaffPage::performance:
        return "performance";
    case StaffPage::log:
        return "log";
    case StaffPage::visits:
        return "visits";
    case StaffPage::actions:
        return "actions";
    }
    return "?";
}

StaffMode::StaffMode(StaffServices services, BackgroundWork& work, float dpi, Millis now)
    : m_services(std::move(services))
    , m_work(work)
    , m_gesture(StaffGestureConfig { 15.0f, Millis { 2'000 }, Millis { 3'000 }, Millis { 800 }, dpi })
    , m_now(now)
    , m_dpi(dpi)
{
    if (!m_services.lockout_file.empty()) {
        std::ifstream in(m_services.lockout_file, std::ios::binary);
        if (in) {
            std::ostringstream text;
            text << in.rdbuf();
            m_lockout = StaffLockout::load(text.str(), now);
            if (m_lockout.locked(now)) {
                log::warning("staff", "staff entry is locked after wrong PINs (kept over the restart)");
            }
        }
    }
}

StaffMode::~StaffMode() = default;

std::string StaffMode::state_name(Millis now) const
{
    switch (m_phase) {
    case Phase::off:
        return "off";
    case Phase::pin:
        return m_lockout.locked(now) ? "locked" : "pin";
    case Phase::on:
        if (m_pattern) {
            return "pattern";
        }
        if (m_accuracy_step) {
            return "targets";
        }
        return std::string(name(m_page));
    }
    return "off";
}

StaffMode::Door StaffMode::watch(const input::PointerEvent& e, Size viewport, Millis now)
{
    if (!enabled() || m_phase != Phase::off) {
        return Door::none;
    }
    const int before = m_gesture.progress();
    if (m_gesture.feed(e, viewport)) {
        open_pin(now);
        return Door::opened;
    }
    // The hold's lift would tap what lies under it (a long press lifts as a tap), and a corner
    // tap could press a visitor's control there: once the hold is done, the door keeps them.
    return m_gesture.progress() > before || m_gesture.following(e.id) ? Door::consumed : Door::none;
}

void StaffMode::open_pin(Millis now)
{
    m_phase = Phase::pin;
    m_digits.clear();
    m_pin_message.clear();
    m_now = now;
    activity(now);
    log::info("staff", "the staff door was opened: PIN pad showing");
}

void StaffMode::save_lockout(Millis now) const
{
    if (m_services.lockout_file.empty()) {
        return;
    }
    if (auto written = content::write_file_atomically(m_services.lockout_file, m_lockout.save(now), 0600);
        !written) {
        log::error("staff", "cannot keep the wrong-PIN record: " + written.error().to_string());
    }
}

void StaffMode::pointer(const input::PointerEvent& e)
{
    using Kind = input::PointerEvent::Kind;
    activity(e.time);
    if (m_phase != Phase::on || m_page != StaffPage::trace || m_pattern || m_accuracy_step || !m_trace_area) {
        return;
    }
    switch (e.kind) {
    case Kind::down:
        if (m_trace_area->contains(e.pos)) {
            m_traces[e.id] = Trace { { e.pos }, true };
            ++m_fingers_seen;
        }
        break;
    case Kind::move:
        if (auto it = m_traces.find(e.id); it != m_traces.end() && it->second.down) {
            constexpr std::size_t max_points = 4000;
            if (it->second.path.size() < max_points) {
                it->second.path.push_back(e.pos);
            }
        }
        break;
    case Kind::up:
    case Kind::cancel:
        if (auto it = m_traces.find(e.id); it != m_traces.end()) {
            it->second.down = false;
        }
        break;
    }
}

void StaffMode::press_digit(char digit)
{
    if (m_digits.size() < content::pin_max_digits) {
        m_digits += digit;
    }
    m_pin_message.clear();
}

void StaffMode::submit(Millis now)
{
    if (m_pin_lane && m_pin_lane.pending()) {
        return;
    }
    if (m_digits.size() < content::pin_min_digits) {
        m_pin_message = staff_text(m_lang, "pin.short");
        return;
    }
    m_pin_answer = std::make_shared<PinAnswer>();
    m_pin_lane = m_work.lane(WorkKind::staff);
    m_pin_lane.post([answer = m_pin_answer, hash = m_services.pin_hash, pin = std::move(m_digits)](
                        const JobContext& context) {
        const bool right = content::verify_pin(hash, pin);
        {
            const std::lock_guard lock(answer->mutex);
            answer->right = right;
        }
        context.ready();
    });
    m_digits.clear();
    m_pin_message = staff_text(m_lang, "pin.checking");
    m_now = now;
}

void StaffMode::finish_pin(bool right, Millis now)
{
    m_pin_answer.reset();
    if (right) {
        m_lockout.right();
        save_lockout(now);
        m_phase = Phase::on;
        m_page = StaffPage::checks;
        m_pin_message.clear();
        activity(now);
        log::info("staff", "staff mode entered");
        run_checks(now);
        return;
    }
    const bool locked = m_lockout.wrong(now);
    save_lockout(now);
    if (locked) {
        log::warning("staff",
            "five wrong staff PINs: entry locked for "
                + std::to_string(m_lockout.remaining(now).count() / 1000) + " s");
        m_pin_message.clear();
    } else {
        const int left = 5 - m_lockout.failures();
        log::info("staff", "a wrong staff PIN (" + std::to_string(m_lockout.failures()) + " of 5)");
        m_pin_message = left == 1 ? staff_text(m_lang, "pin.wrong_last")
                                  : staff_format(m_lang, "pin.wrong", { { "n", std::to_string(left) } });
    }
}

void StaffMode::run_checks(Millis now)
{
    m_run = std::make_unique<CheckRun>(
        m_services.checks ? m_services.checks() : selfcheck::Checks {}, m_work, now);
    m_run_recorded = false;
}

void StaffMode::leave(std::string_view why)
{
    if (m_phase == Phase::off) {
        m_gesture.reset();
        return;
    }
    log::info("staff",
        std::string(m_phase == Phase::on ? "staff mode left: " : "the PIN pad closed: ") + std::string(why));
    m_phase = Phase::off;
    m_digits.clear();
    m_pin_message.clear();
    m_pin_lane.close();
    m_pin_answer.reset();
    m_pattern.reset();
    m_accuracy_step.reset();
    m_traces.clear();
    m_trace_area.reset();
    m_gesture.reset();
    if (m_run && !m_run->done()) {
        m_run.reset(); // an unfinished run is dropped with its lane
    }
}

void StaffMode::tap(const ui::Widget* widget, Point pos, Millis now)
{
    activity(now);
    m_now = now;
    if (m_phase == Phase::pin) {
        if (widget == nullptr) {
            return;
        }
        const std::string& id = widget->id;
        if (id == "staff.pin.cancel") {
            leave("cancelled");
            return;
        }
        if (m_lockout.locked(now) || (m_pin_lane && m_pin_lane.pending())) {
            return;
        }
        if (id.size() == std::string_view("staff.pin.0").size() && id.rfind("staff.pin.", 0) == 0) {
            press_digit(id.back());
        } else if (id == "staff.pin.clear") {
            if (!m_digits.empty()) {
                m_digits.pop_back();
            }
        } else if (id == "staff.pin.ok") {
            submit(now);
        }
        return;
    }
    if (m_phase != Phase::on) {
        return;
    }
    if (m_pattern) {
        m_pattern = *m_pattern + 1 < pattern_count ? std::optional<int>(*m_pattern + 1) : std::nullopt;
        return;
    }
    if (m_accuracy_step) {
        Target& t = m_targets[*m_accuracy_step];
        const float dx = pos.x - t.at.x;
        const float dy = pos.y - t.at.y;
        t.error_mm = std::sqrt(dx * dx + dy * dy) * 25.4f / m_dpi;
        ++*m_accuracy_step;
        if (*m_accuracy_step >= m_targets.size()) {
            m_accuracy_step.reset();
        }
        return;
    }
    if (widget == nullptr) {
        return;
    }
    const std::string& id = widget->id;
    if (id.rfind("staff.tab.", 0) == 0) {
        for (int i = 0; i < staff_page_count; ++i) {
            if (id.substr(10) == name(static_cast<StaffPage>(i)) && m_page != static_cast<StaffPage>(i)) {
                m_page = static_cast<StaffPage>(i);
                m_scroll = 0;
                m_scroll_max = 0;
            }
        }
    } else if (id == "staff.leave" || id == "staff.actions.leave") {
        leave("the Leave button");
    } else if (id == "staff.language") {
        m_lang = m_lang == "ja" ? "en" : "ja";
    } else if (id == "staff.checks.run" || id == "staff.actions.run") {
        run_checks(now);
        m_page = StaffPage::checks;
    } else if (id == "staff.display.start") {
        m_pattern = 0;
    } else if (id == "staff.trace.clear") {
        m_traces.clear();
        m_fingers_seen = 0;
    } else if (id == "staff.imports.check" && m_updates != nullptr) {
        m_updates->check();
    } else if (id == "staff.imports.reload" && m_updates != nullptr) {
        m_updates->reload();
    } else if (id == "staff.imports.rollback") {
        m_confirm_rollback = true;
    } else if (id == "staff.imports.rollback.yes" && m_updates != nullptr) {
        m_confirm_rollback = false;
        m_updates->roll_back();
    } else if (id == "staff.imports.rollback.no") {
        m_confirm_rollback = false;
    } else if (id == "staff.actions.save" && !m_services.report_dir.empty()) {
        m_report_requested = true;
        m_report_message.clear();
    } else if (id == "staff.accuracy.start") {
        m_targets = accuracy_targets(m_size, m_dpi);
        m_accuracy_step = 0;
    }
}

void StaffMode::scroll(float dy)
{
    if (m_phase == Phase::on && !m_pattern && !m_accuracy_step) {
        m_scroll = std::clamp(m_scroll - dy, 0.0f, m_scroll_max);
    }
}

void StaffMode::advance(Millis now)
{
    m_now = now;
    if (m_pin_answer) {
        std::optional<bool> right;
        {
            const std::lock_guard lock(m_pin_answer->mutex);
            right = m_pin_answer->right;
        }
        if (right) {
            finish_pin(*right, now);
        }
    }
    if (m_run && !m_run_recorded) {
        m_run->advance();
        // The last answer may arrive from the worker between two frames: record it when seen.
        if (m_run->done()) {
            m_run_recorded = true;
            m_last_results.clear();
            for (const auto& r : m_run->results()) {
                m_last_results.push_back(*r);
            }
            m_last_results_at = now;
            log::info("staff",
                "self-test checks finished: "
                    + std::string(selfcheck::name(selfcheck::overall(m_last_results))));
        }
    }
    if (m_phase == Phase::pin && !m_pin_answer && now - m_last_touch >= pin_timeout) {
        leave("no touch for 30 s");
    } else if (m_phase == Phase::on && now - m_last_touch >= m_services.staff_timeout) {
        leave("no touch for 2 minutes");
    }
}

bool StaffMode::animating() const
{
    // Results arriving are drawn frame by frame while staff watch; the run at start (for the
    // metrics) needs no frames: each answer wakes the loop, which posts the next check.
    return (showing() && m_run && !m_run_recorded) || m_pin_answer != nullptr;
}

std::optional<Millis> StaffMode::next_wakeup() const
{
    switch (m_phase) {
    case Phase::off:
        return std::nullopt;
    case Phase::pin: {
        Millis next = m_last_touch + pin_timeout;
        if (m_lockout.locked(m_now)) {
            // The countdown shows whole seconds.
            const Millis left = m_lockout.remaining(m_now);
            next = std::min(next,
                m_now + (left % Millis { 1000 } == Millis { 0 } ? Millis { 1000 } : left % Millis { 1000 }));
        }
        return next;
    }
    case Phase::on:
        // The Performance page shows live figures: a frame a second is enough for them.
        if (m_page == StaffPage::performance) {
            return std::min(m_last_touch + m_services.staff_timeout, m_now + Millis { 1000 });
        }
        return m_last_touch + m_services.staff_timeout;
    }
    return std::nullopt;
}

std::vector<StaffMode::Target> StaffMode::accuracy_targets(Size size, float dpi) const
{
    // 15 mm in from the edges: inside where a finger can reach on a bezel, outside the margin.
    const float inset = 15.0f * dpi / 25.4f;
    const float l = inset;
    const float r = size.w - inset;
    const float t = inset;
    const float b = size.h - inset;
    const float cx = size.w / 2;
    const float cy = size.h / 2;
    return { { "top_left", { l, t }, {} }, { "top", { cx, t }, {} }, { "top_right", { r, t }, {} },
        { "left", { l, cy }, {} }, { "centre", { cx, cy }, {} }, { "right", { r, cy }, {} },
        { "bottom_left", { l, b }, {} }, { "bottom", { cx, b }, {} }, { "bottom_right", { r, b }, {} } };
}

} // namespace ck::app
