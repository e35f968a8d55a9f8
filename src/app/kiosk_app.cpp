// Routing: pointer events become gestures; a press marks the widget under it as pressed; a tap
// goes to the navigation bar, a popup, or the current screen's widget under it; everything else
// (drags, flings, pinches) goes to the current screen. The touch that wakes the kiosk never also
// presses what lies under it.
#include "app/kiosk_app.hpp"

#include "core/ascii.hpp"
#include "screens/chrome.hpp"
#include "screens/factory.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <utility>

namespace ck::app {
namespace {

constexpr Millis transition_ms { 220 };
constexpr float tap_slop_mm = 2.0f;

bool is_contact_end(input::GestureKind kind)
{
    using K = input::GestureKind;
    switch (kind) {
    case K::release:
    case K::press_cancel:
    case K::tap:
    case K::double_tap:
    case K::drag_end:
    case K::fling:
    case K::pinch_end:
    case K::cancel:
    case K::swipe_back:
        return true;
    case K::press:
    case K::long_press:
    case K::drag_start:
    case K::drag_move:
    case K::pinch_start:
    case K::pinch_update:
    case K::scroll:
    case K::zoom:
        return false;
    }
    return false;
}

// A pack without a single cable (built from a mistyped or empty folder) has nothing to show: the
// kiosk treats it as no pack, so visitors get the out-of-order screen, not empty screens.
std::unique_ptr<content::Pack> usable(std::unique_ptr<content::Pack> pack)
{
    if (pack && pack->info().cables == 0) {
        return nullptr;
    }
    return pack;
}

} // namespace

KioskApp::KioskApp(std::unique_ptr<content::Pack> pack, ui::TextServices text, AppOptions options, Millis now)
    : m_pack(usable(std::move(pack)))
    , m_text(text)
    , m_options(std::move(options))
    , m_staff(std::make_unique<StaffMode>(m_options.staff, m_work, m_options.dpi, now))
    , m_theme(std::make_unique<ui::Theme>(m_options.dpi, ui::ContrastMode::normal, ui::TextScale::normal))
    , m_staff_theme(m_options.dpi, ui::ContrastMode::normal, ui::TextScale::normal)
    , m_canvas(text, *m_theme, m_viewport)
    , m_gestures(input::GestureConfig::for_dpi(m_options.dpi))
    , m_idle(m_options.idle)
    , m_now(now)
    , m_language(m_options.language)
{
    m_start_wall_s = m_options.staff.wall_seconds ? m_options.staff.wall_seconds() : 0;
    m_started_at = now;
    reset_visit();
    if (!m_options.staff.metrics_file.empty()) {
        // The metrics file carries a self-test result from the first minute: run the checks now,
        // on the worker, after any visitor's work.
        m_staff->run_checks(now);
        m_next_metrics = now;
    }
}

KioskApp::~KioskApp() = default;

void KioskApp::reset_visit()
{
    note_search_outcome(true);
    if (m_visits.in_visit()) {
        m_visits.visit_ended(m_idle.last_activity(), today());
    }
    // Staff mode never outlives a visit: a visitor who walks up finds the attract loop.
    m_staff->leave("the idle reset");
    ++m_navigations;
    m_stack.clear();
    m_transition.reset();
    m_popup.reset();
    m_language = m_options.language;
    m_large_text = false;
    m_high_contrast = false;
    m_visit = screens::Visit {}; // ends a guided tour too
    m_tour_screen = nullptr;
    m_pressed.clear();
    m_press_target.reset();
    rebuild_theme();
    m_gesture_buffer.clear();
    m_gestures.cancel_all(m_now, m_gesture_buffer);
    m_gesture_buffer.clear();
    m_swallow_contact = m_gestures.contact_count() > 0;
    // Layouts are keyed by hashes, but a visitor's query was laid out: forget them all.
    m_text.layouts.clear();
    m_idle.rest();
    const screens::ScreenId first = m_pack ? screens::ScreenId::attract : screens::ScreenId::out_of_order;
    m_stack.push_back(make_screen(first));
}

void KioskApp::open_cable(const std::string& id)
{
    if (current().id() == screens::ScreenId::attract) {
        apply(screens::Intent::of(screens::Intent::Kind::enter));
    }
    m_idle.activity(m_now);
    apply(screens::Intent::of(screens::Intent::Kind::open_cable, id));
}

void KioskApp::rebuild_theme()
{
    m_theme = std::make_unique<ui::Theme>(m_options.dpi,
        m_high_contrast ? ui::ContrastMode::high : ui::ContrastMode::normal,
        m_large_text ? ui::TextScale::large : ui::TextScale::normal);
    m_strings = std::make_unique<screens::Strings>(m_pack.get(), m_language);
}

std::unique_ptr<screens::Screen> KioskApp::make_screen(
    screens::ScreenId id, const std::string& arg, int number)
{
    return screens::make_screen(id, arg, number, { m_pack.get(), m_work, m_options.about_sync_facts_max });
}

screens::Env KioskApp::env(const Rect& body, Size viewport) const
{
    return screens::make_env(m_pack.get(), *m_strings, m_visit, m_now, { body, viewport, m_options.dpi });
}

screens::ScreenId KioskApp::screen() const
{
    return current().id();
}

std::string_view KioskApp::screen_name() const
{
    return screens::name(current().id());
}

bool KioskApp::idle_prompt_showing() const
{
    return m_idle.phase(m_now) == IdlePolicy::Phase::prompting;
}

void KioskApp::handle(const input::Event& event)
{
    if (const auto* p = std::get_if<input::PointerEvent>(&event)) {
        on_pointer(*p);
    } else if (const auto* w = std::get_if<input::WheelEvent>(&event)) {
        m_now = std::max(m_now, w->time);
        m_idle.activity(m_now);
        m_gesture_buffer.clear();
        m_gestures.feed(*w, m_gesture_buffer);
        for (const input::Gesture& g : m_gesture_buffer) {
            on_gesture(g);
        }
    } else if (const auto* k = std::get_if<input::KeyEvent>(&event)) {
        on_key(*k);
    } else if (m_staff->showing()) {
        return; // staff mode takes no typed text: the PIN pad is touch only
    } else if (const auto* t = std::get_if<input::TextInputEvent>(&event)) {
        m_now = std::max(m_now, t->time);
        if (current().id() == screens::ScreenId::attract) {
            apply(screens::Intent::of(screens::Intent::Kind::enter));
            return;
        }
        m_idle.activity(m_now);
        apply(current().on_text(t->text, env(m_body, m_viewport)));
    } else if (const auto* c = std::get_if<input::TextEditingEvent>(&event)) {
        m_idle.activity(std::max(m_now, c->time));
        current().on_composition(c->text);
    }
}

void KioskApp::on_pointer(const input::PointerEvent& e)
{
    m_now = std::max(m_now, e.time);
    if (m_staff->showing()) {
        m_staff->pointer(e);
    } else {
        switch (m_staff->watch(e, m_viewport, m_now)) {
        case StaffMode::Door::none:
            break;
        case StaffMode::Door::opened:
            m_popup.reset();
            [[fallthrough]];
        case StaffMode::Door::consumed:
            // A step of the door: what the visitor's screen had under the finger is let go, and
            // the rest of this contact presses nothing.
            m_pressed.clear();
            m_press_target.reset();
            m_swallow_contact = true;
            break;
        }
    }
    const bool was_prompting = idle_prompt_showing();
    if (e.kind == input::PointerEvent::Kind::down) {
        if (current().id() == screens::ScreenId::attract) {
            m_swallow_contact = true;
            apply(screens::Intent::of(screens::Intent::Kind::enter));
        } else if (was_prompting) {
            m_swallow_contact = true; // the tap that answers "still reading?" presses nothing else
        }
    }
    if (current().id() != screens::ScreenId::attract) {
        m_idle.activity(m_now);
    }
    m_gesture_buffer.clear();
    m_gestures.feed(e, m_gesture_buffer);
    const std::vector<input::Gesture> gestures = m_gesture_buffer;
    for (const input::Gesture& g : gestures) {
        on_gesture(g);
    }
    if (m_swallow_contact && m_gestures.contact_count() == 0) {
        m_swallow_contact = false;
    }
}

void KioskApp::on_gesture(const input::Gesture& g)
{
    using K = input::GestureKind;
    if (m_swallow_contact) {
        if (is_contact_end(g.kind)) {
            m_pressed.clear();
        }
        return;
    }
    switch (g.kind) {
    case K::press: {
        const ui::Widget* w = m_canvas.tree().hit_near(g.pos, m_theme->px(tap_slop_mm));
        m_pressed = w != nullptr ? w->id : std::string();
        m_press_target = PressTarget { w != nullptr ? std::optional<ui::Widget>(*w) : std::nullopt,
            m_navigations, m_popup.has_value() };
        return;
    }
    case K::release:
        m_pressed.clear(); // the tap that may follow still needs m_press_target
        break;
    case K::press_cancel:
    case K::cancel:
        m_pressed.clear();
        m_press_target.reset();
        break;
    case K::tap:
    case K::double_tap:
        m_pressed.clear();
        on_tap(g.pos);
        return;
    case K::swipe_back:
        if (!m_popup && !m_staff->showing() && m_stack.size() > 1
            && current().id() != screens::ScreenId::home) {
            go_back();
        }
        return;
    case K::long_press:
        return; // nothing hides behind a long press: no context menus, no staff door
    case K::drag_start:
    case K::drag_move:
    case K::drag_end:
    case K::fling:
    case K::pinch_start:
    case K::pinch_update:
    case K::pinch_end:
    case K::scroll:
    case K::zoom:
        break;
    }
    if (m_staff->showing()) {
        if (g.kind == K::drag_start || g.kind == K::drag_move || g.kind == K::scroll) {
            m_staff->scroll(g.delta.y);
        }
        return;
    }
    if (m_popup) {
        return;
    }
    apply(current().on_gesture(g, env(m_body, m_viewport)));
}

void KioskApp::on_key(const input::KeyEvent& e)
{
    m_now = std::max(m_now, e.time);
    if (!e.down) {
        return;
    }
    if (m_staff->showing()) {
        m_idle.activity(m_now);
        return; // no key does anything in staff mode
    }
    if (current().id() == screens::ScreenId::attract) {
        // A key press wakes the kiosk like a touch; no key or chord does anything else here.
        if (!e.mods.ctrl && !e.mods.alt && !e.mods.gui) {
            apply(screens::Intent::of(screens::Intent::Kind::enter));
        }
        return;
    }
    m_idle.activity(m_now);
    // Chords with Ctrl, Alt or the system key are never the visitor's typing: ignore them all
    // (Ctrl+C, Alt+F4, Ctrl+Alt+F1 ...). Escape closes a popup and nothing more.
    if (e.mods.ctrl || e.mods.alt || e.mods.gui) {
        return;
    }
    if (e.key == input::Key::escape) {
        m_popup.reset();
        return;
    }
    apply(current().on_key(e, env(m_body, m_viewport)));
}

void KioskApp::on_tap(Point pos)
{
    // The tap activates what the press landed on, in the frame the visitor saw when the finger
    // went down, even if the frame has moved on since (a screen sliding in, a list gliding). If the
    // screen or the popup changed in between (a reset, an answer), what the finger was on is gone:
    // nothing happens.
    std::optional<ui::Widget> widget;
    if (const std::optional<PressTarget> target = std::exchange(m_press_target, std::nullopt)) {
        if (target->navigation != m_navigations || target->popup != m_popup.has_value()) {
            return;
        }
        widget = target->widget;
    } else if (const ui::Widget* w = m_canvas.tree().hit_near(pos, m_theme->px(tap_slop_mm))) {
        widget = *w;
    }
    if (m_staff->showing()) {
        m_staff->tap(widget ? &*widget : nullptr, pos, m_now);
        return;
    }
    if (m_popup) {
        if (widget && widget->id == "popup.action") {
            const screens::Intent action = m_popup->action;
            m_popup.reset();
            apply(action);
        } else if (!widget || widget->id == "popup.close" || widget->id == "popup.scrim") {
            m_popup.reset();
        }
        return;
    }
    if (!widget) {
        input::Gesture tap;
        tap.kind = input::GestureKind::tap;
        tap.pos = pos;
        tap.start = pos;
        tap.time = m_now;
        apply(current().on_gesture(tap, env(m_body, m_viewport)));
        return;
    }
    if (widget->id.rfind("nav.", 0) == 0) {
        on_nav(widget->id);
        return;
    }
    apply(current().on_tap(*widget, env(m_body, m_viewport)));
}

void KioskApp::on_nav(std::string_view id)
{
    namespace nav = screens::nav_id;
    if (id == nav::back) {
        go_back();
    } else if (id == nav::home) {
        go_home();
    } else if (id == nav::search) {
        if (current().id() != screens::ScreenId::search) {
            apply(screens::Intent::of(screens::Intent::Kind::open_search));
        }
    } else if (id == nav::language) {
        const std::vector<std::string> langs
            = m_pack ? m_pack->languages() : std::vector<std::string> { "en", "ja" };
        if (langs.size() > 1) {
            const auto it = std::find(langs.begin(), langs.end(), m_language);
            m_language = (it == langs.end() || it + 1 == langs.end()) ? langs.front() : *(it + 1);
        }
        rebuild_theme();
    } else if (id == nav::large_text) {
        m_large_text = !m_large_text;
        rebuild_theme();
    } else if (id == nav::high_contrast) {
        m_high_contrast = !m_high_contrast;
        rebuild_theme();
    }
}

void KioskApp::apply(const screens::Intent& intent)
{
    using Kind = screens::Intent::Kind;
    switch (intent.kind) {
    case Kind::none:
        return;
    case Kind::enter:
        m_visits.visit_started(m_now, today());
        ++m_navigations;
        m_stack.clear();
        m_transition.reset();
        m_idle.activity(m_now);
        m_stack.push_back(make_screen(screens::ScreenId::home));
        return;
    case Kind::home:
        go_home();
        return;
    case Kind::back:
        go_back();
        return;
    case Kind::show_definition:
        show_definition(intent.arg);
        return;
    case Kind::show_notice:
        m_popup = Popup { {}, m_strings->get(intent.arg), {}, {} };
        return;
    case Kind::start_tour:
    case Kind::tour_next:
    case Kind::tour_previous:
    case Kind::tour_leave:
        apply_tour(intent);
        return;
    case Kind::open_section:
    case Kind::open_cable:
    case Kind::open_timeline:
    case Kind::open_year:
    case Kind::open_about:
    case Kind::open_search:
        if (auto screen = make_screen(intent)) {
            if (intent.kind == Kind::open_cable) {
                m_visits.cable_opened(intent.arg, today());
            }
            push(std::move(screen));
        }
        return;
    }
}

std::unique_ptr<screens::Screen> KioskApp::make_screen(const screens::Intent& intent)
{
    using Kind = screens::Intent::Kind;
    using Id = screens::ScreenId;
    switch (intent.kind) {
    case Kind::open_section:
        return make_screen(Id::section, intent.arg);
    case Kind::open_cable:
        return make_screen(Id::reader, intent.arg);
    case Kind::open_timeline:
        return make_screen(Id::timeline);
    case Kind::open_year:
        return make_screen(Id::year, {}, intent.number);
    case Kind::open_about:
        return make_screen(Id::about);
    case Kind::open_search:
        return make_screen(Id::search, intent.arg);
    case Kind::none:
    case Kind::enter:
    case Kind::home:
    case Kind::back:
    case Kind::show_definition:
    case Kind::show_notice:
    case Kind::start_tour:
    case Kind::tour_next:
    case Kind::tour_previous:
    case Kind::tour_leave:
        return nullptr;
    }
    return nullptr;
}

void KioskApp::push(std::unique_ptr<screens::Screen> screen)
{
    if (!screen) {
        return;
    }
    // A long walk through references must not grow without bound: keep the last screens.
    constexpr std::size_t max_depth = 32;
    if (m_stack.size() >= max_depth) {
        m_stack.erase(m_stack.begin() + 1);
    }
    m_transition = Transition { nullptr, input::Tween(0, 1, m_now, transition_ms), true };
    m_stack.push_back(std::move(screen));
    ++m_navigations;
}

void KioskApp::go_back()
{
    if (m_stack.size() <= 1) {
        return;
    }
    end_tour_leaving(m_stack.back().get());
    m_transition = Transition { std::move(m_stack.back()), input::Tween(0, 1, m_now, transition_ms), false };
    m_stack.pop_back();
    ++m_navigations;
}

void KioskApp::go_home()
{
    if (m_stack.size() <= 1) {
        return;
    }
    // Home ends a tour: the visitor has left its path.
    m_visit.tour.leave();
    m_tour_screen = nullptr;
    while (m_stack.size() > 1) {
        m_stack.pop_back();
    }
    ++m_navigations;
    m_transition.reset();
}

void KioskApp::show_definition(const std::string& term)
{
    if (!m_pack) {
        return;
    }
    for (const content::GlossaryTerm& g : m_pack->collection().glossary) {
        if (ascii::iequals(g.term, term)) {
            m_popup = Popup { g.term, content::pick(g.definition, m_language), {}, {} };
            return;
        }
    }
}

void KioskApp::advance(Millis now)
{
    m_now = std::max(m_now, now);
    m_staff->advance(m_now);
    note_search_outcome(false);
    tick_metrics();
    m_gesture_buffer.clear();
    m_gestures.advance(m_now, m_gesture_buffer);
    const std::vector<input::Gesture> gestures = m_gesture_buffer;
    for (const input::Gesture& g : gestures) {
        on_gesture(g);
    }
    m_idle.set_reading(current().reading_long_text());
    if (current().id() != screens::ScreenId::attract && current().id() != screens::ScreenId::out_of_order
        && m_idle.phase(m_now) == IdlePolicy::Phase::expired) {
        reset_visit();
    }
    current().advance(m_now);
    if (m_transition && m_transition->progress.finished(m_now)) {
        m_transition.reset();
    }
    take_new_pack();
}

bool KioskApp::animating() const
{
    return (m_transition && !m_transition->progress.finished(m_now)) || current().animating()
        || m_staff->animating();
}

std::optional<Millis> KioskApp::next_wakeup() const
{
    std::optional<Millis> next = m_gestures.next_wakeup();
    const auto consider = [&](std::optional<Millis> t) {
        if (t && (!next || *t < *next)) {
            next = t;
        }
    };
    consider(current().next_wakeup());
    consider(m_staff->next_wakeup());
    consider(m_next_metrics);
    if (current().id() != screens::ScreenId::attract && current().id() != screens::ScreenId::out_of_order) {
        consider(m_idle.next_deadline(m_now));
    }
    return next;
}

} // namespace ck::app
