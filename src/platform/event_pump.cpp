// Translation of SDL events. Touch-synthesized mouse events (which == SDL_TOUCH_MOUSEID) are
// dropped, as Dear ImGui's SDL backend does, so one finger is never two pointers. Focus loss
// cancels every contact, so a palm or a storm that ends while the window is away cannot leave a
// stuck press; so does a touch panel that goes away with a finger down (see
// cancel_fingers_of_gone_devices).
#include "platform/event_pump.hpp"

#include "core/ascii.hpp"
#include "platform/display.hpp"
#include "platform/signals.hpp"

#include <SDL2/SDL.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <thread>

namespace ck::platform {
namespace {

constexpr SDL_TouchID injected_touch_device = 0x4B494F53; // "KIOS"

input::Key translate_key(SDL_Keycode code)
{
    switch (code) {
    case SDLK_BACKSPACE:
        return input::Key::backspace;
    case SDLK_DELETE:
        return input::Key::delete_forward;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        return input::Key::enter;
    case SDLK_ESCAPE:
        return input::Key::escape;
    case SDLK_TAB:
        return input::Key::tab;
    case SDLK_SPACE:
        return input::Key::space;
    case SDLK_LEFT:
        return input::Key::left;
    case SDLK_RIGHT:
        return input::Key::right;
    case SDLK_UP:
        return input::Key::up;
    case SDLK_DOWN:
        return input::Key::down;
    case SDLK_HOME:
        return input::Key::home;
    case SDLK_END:
        return input::Key::end;
    case SDLK_PAGEUP:
        return input::Key::page_up;
    case SDLK_PAGEDOWN:
        return input::Key::page_down;
    default:
        return input::Key::other;
    }
}

std::string lower(std::string_view s)
{
    return ascii::to_lower(s);
}

} // namespace

struct EventPump::Impl {
    Display& display;
    const Clock& clock;
    EventTimes times;
    Millis last_stamp { 0 }; // stamps never run backwards, whatever SDL's ticks do
    std::map<std::int64_t, SDL_TouchID> fingers; // contacts that are down, and their panels
    bool mouse_down = false;
    bool native_wait = false;
    bool no_input_devices = false;
    Millis last_input { 0 };

    Impl(Display& d, const Clock& c, EventTimes t)
        : display(d)
        , clock(c)
        , times(t)
    {
        // How to sleep depends on the driver: X11 and Wayland wake SDL_WaitEvent from their own
        // sockets; offscreen has no input devices at all (only injected events and SIGTERM); KMS/DRM
        // reads its devices only when pumped, so it is polled (see wait_without_native_support).
        const char* driver = SDL_GetCurrentVideoDriver();
        const std::string name = driver != nullptr ? lower(driver) : std::string();
        native_wait = name == "x11" || name == "wayland";
        no_input_devices = name == "offscreen" || name == "dummy";
    }

    Point finger_to_logical(float nx, float ny) const
    {
        const Size panel = display.transform().panel();
        return display.transform().to_logical({ nx * panel.w, ny * panel.h });
    }

    void cancel_all(std::vector<input::Event>& out)
    {
        for (const auto& [id, device] : fingers) {
            out.emplace_back(input::PointerEvent {
                input::PointerEvent::Kind::cancel, id, {}, clock.now(), input::PointerSource::touch });
        }
        fingers.clear();
        if (mouse_down) {
            out.emplace_back(input::PointerEvent {
                input::PointerEvent::Kind::cancel, -1, {}, clock.now(), input::PointerSource::mouse });
            mouse_down = false;
        }
    }

    void translate(const SDL_Event& e, PumpResult& result)
    {
        auto& out = result.events;
        const std::size_t before = out.size();
        translate_one(e, result);
        if (out.size() != before) {
            last_input = clock.now();
        }
    }

    // The injected clock's time when SDL saw `e`: now, less the event's age by SDL's own ticks.
    // The ticks are 32-bit and wrap after 49 days; their unsigned difference is still the age.
    Millis stamp(const SDL_Event& e)
    {
        Millis when = clock.now();
        if (times == EventTimes::as_sdl_saw_them) {
            const Uint32 age = SDL_GetTicks() - e.common.timestamp;
            constexpr Uint32 most_believable_ms = 1000; // older means a stale or foreign stamp
            when -= Millis { age <= most_believable_ms ? age : 0 };
        }
        last_stamp = std::max(last_stamp, when);
        return last_stamp;
    }

    // One SDL event to ours, by family. Every event is stamped (so stamps never run backwards),
    // even one that is then dropped.
    void translate_one(const SDL_Event& e, PumpResult& result)
    {
        auto& out = result.events;
        const Millis now = stamp(e);
        switch (e.type) {
        case SDL_FINGERDOWN:
        case SDL_FINGERMOTION:
        case SDL_FINGERUP:
            translate_finger(e, now, out);
            break;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            translate_mouse_button(e, now, out);
            break;
        case SDL_MOUSEMOTION:
            translate_mouse_motion(e, now, out);
            break;
        case SDL_MOUSEWHEEL:
            translate_wheel(e, now, out);
            break;
        case SDL_KEYDOWN:
        case SDL_KEYUP:
            out.emplace_back(translate_key_event(e, now));
            break;
        case SDL_TEXTINPUT:
            out.emplace_back(input::TextInputEvent { e.text.text, now });
            break;
        case SDL_TEXTEDITING:
            out.emplace_back(input::TextEditingEvent { e.edit.text, e.edit.start, now });
            break;
        case SDL_WINDOWEVENT:
            translate_window(e, result);
            break;
        case SDL_RENDER_TARGETS_RESET:
        case SDL_RENDER_DEVICE_RESET:
            result.needs_redraw = true;
            break;
        default:
            // SDL_QUIT (a window manager's close button, Alt+F4) is ignored on purpose: only
            // SIGTERM stops a kiosk. So are device hot-plug and clipboard events.
            if (e.type == termination_event_type()) {
                result.terminate = true;
            }
            break;
        }
    }

    // Touch: each finger is its own pointer, tracked so that focus loss can cancel it.
    void translate_finger(const SDL_Event& e, Millis now, std::vector<input::Event>& out)
    {
        const auto id = static_cast<std::int64_t>(e.tfinger.fingerId);
        using Kind = input::PointerEvent::Kind;
        const Kind kind = e.type == SDL_FINGERDOWN ? Kind::down
            : e.type == SDL_FINGERUP               ? Kind::up
                                                   : Kind::move;
        if (kind == Kind::down) {
            fingers[id] = e.tfinger.touchId;
        } else if (kind == Kind::up) {
            fingers.erase(id);
        }
        out.emplace_back(input::PointerEvent {
            kind, id, finger_to_logical(e.tfinger.x, e.tfinger.y), now, input::PointerSource::touch });
    }

    // A panel that goes away with a finger down (a USB replug, a driver reset; SDL's evdev closes
    // a removed device before reading what is still queued on it) never sends that finger's lift,
    // and SDL drops the device without an event. Left alone, the contact would stay down until the
    // recognizer's stale timeout, and the next touch with the same finger id would be taken for a
    // lost lift and ignored: the kiosk would not scroll for a minute. Its contacts are cancelled
    // instead. Injected touches have no SDL device; they always count as present.
    void cancel_fingers_of_gone_devices(std::vector<input::Event>& out)
    {
        if (fingers.empty()) {
            return;
        }
        std::set<SDL_TouchID> present { injected_touch_device };
        for (int i = 0, n = SDL_GetNumTouchDevices(); i < n; ++i) {
            present.insert(SDL_GetTouchDevice(i));
        }
        for (auto it = fingers.begin(); it != fingers.end();) {
            if (present.contains(it->second)) {
                ++it;
                continue;
            }
            last_stamp = std::max(last_stamp, clock.now());
            out.emplace_back(input::PointerEvent {
                input::PointerEvent::Kind::cancel, it->first, {}, last_stamp, input::PointerSource::touch });
            it = fingers.erase(it);
        }
    }

    // Mouse: the left button only, and never SDL's copy of a touch.
    void translate_mouse_button(const SDL_Event& e, Millis now, std::vector<input::Event>& out)
    {
        if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) {
            return;
        }
        mouse_down = e.type == SDL_MOUSEBUTTONDOWN;
        out.emplace_back(input::PointerEvent {
            mouse_down ? input::PointerEvent::Kind::down : input::PointerEvent::Kind::up, -1,
            display.transform().to_logical(
                { static_cast<float>(e.button.x), static_cast<float>(e.button.y) }),
            now, input::PointerSource::mouse });
    }

    // A mouse move matters only while the button is down (a drag); hovering means nothing here.
    void translate_mouse_motion(const SDL_Event& e, Millis now, std::vector<input::Event>& out)
    {
        if (e.motion.which == SDL_TOUCH_MOUSEID || !mouse_down) {
            return;
        }
        out.emplace_back(input::PointerEvent { input::PointerEvent::Kind::move, -1,
            display.transform().to_logical(
                { static_cast<float>(e.motion.x), static_cast<float>(e.motion.y) }),
            now, input::PointerSource::mouse });
    }

    // The wheel scrolls; with Ctrl held it zooms.
    void translate_wheel(const SDL_Event& e, Millis now, std::vector<input::Event>& out)
    {
        if (e.wheel.which == SDL_TOUCH_MOUSEID) {
            return;
        }
        const bool zoom = (SDL_GetModState() & KMOD_CTRL) != 0;
        out.emplace_back(input::WheelEvent {
            display.transform().to_logical(
                { static_cast<float>(e.wheel.mouseX), static_cast<float>(e.wheel.mouseY) }),
            e.wheel.preciseX, e.wheel.preciseY, zoom, now });
    }

    static input::KeyEvent translate_key_event(const SDL_Event& e, Millis now)
    {
        const SDL_Keysym& k = e.key.keysym;
        input::KeyEvent key;
        key.key = translate_key(k.sym);
        key.name = SDL_GetKeyName(k.sym);
        key.mods = { (k.mod & KMOD_SHIFT) != 0, (k.mod & KMOD_CTRL) != 0, (k.mod & KMOD_ALT) != 0,
            (k.mod & KMOD_GUI) != 0 };
        key.down = e.type == SDL_KEYDOWN;
        key.repeat = e.key.repeat != 0;
        key.time = now;
        return key;
    }

    // The window: a new size, losing the pointer (every contact is cancelled), or being shown again.
    void translate_window(const SDL_Event& e, PumpResult& result)
    {
        switch (e.window.event) {
        case SDL_WINDOWEVENT_SIZE_CHANGED:
            display.set_panel_size(
                { static_cast<float>(e.window.data1), static_cast<float>(e.window.data2) });
            result.resized = true;
            break;
        case SDL_WINDOWEVENT_FOCUS_LOST:
        case SDL_WINDOWEVENT_LEAVE:
        case SDL_WINDOWEVENT_HIDDEN:
            cancel_all(result.events);
            break;
        case SDL_WINDOWEVENT_EXPOSED:
        case SDL_WINDOWEVENT_SHOWN:
        case SDL_WINDOWEVENT_RESTORED:
            result.needs_redraw = true;
            break;
        default:
            break;
        }
    }
};

EventPump::EventPump(Display& display, const Clock& clock, EventTimes times)
    : m_impl(std::make_unique<Impl>(display, clock, times))
{
    SDL_StartTextInput();
}

EventPump::~EventPump() = default;

void EventPump::wait_without_native_support(std::optional<Millis> timeout)
{
    const auto queued = [] {
        SDL_PumpEvents();
        return SDL_PeepEvents(nullptr, 0, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0
            || termination_requested();
    };
    if (queued()) {
        return;
    }
    if (m_impl->no_input_devices) {
        // Offscreen: everything arrives through our own queue (script injection on this thread)
        // or SIGTERM, so block until SIGTERM or the timeout; no polling at all.
        (void)wait_for_termination_or_wake(timeout ? timeout->count() : -1);
        return;
    }
    // KMS/DRM: SDL reads the input devices only when pumped. Poll often while a visitor is
    // interacting, rarely once nothing has happened for a while (the first touch then waits at
    // most one long slice).
    const Clock& clock = m_impl->clock;
    const Millis start = clock.now();
    while (true) {
        const Millis since_input = clock.now() - m_impl->last_input;
        const auto slice = since_input < std::chrono::seconds(5) ? std::chrono::milliseconds(8)
                                                                 : std::chrono::milliseconds(40);
        const Millis waited = clock.now() - start;
        if (timeout && waited >= *timeout) {
            return;
        }
        auto nap = slice;
        if (timeout) {
            nap = std::min(nap,
                std::chrono::duration_cast<std::chrono::milliseconds>(*timeout - waited)
                    + std::chrono::milliseconds(1));
        }
        if (wait_for_termination_or_wake(nap.count()) || queued()) {
            return;
        }
    }
}

PumpResult EventPump::wait(std::optional<Millis> timeout)
{
    PumpResult result;
    SDL_Event e;
    if (!m_impl->native_wait) {
        wait_without_native_support(timeout);
        while (SDL_PollEvent(&e) != 0) {
            m_impl->translate(e, result);
        }
        m_impl->cancel_fingers_of_gone_devices(result.events);
        result.terminate = result.terminate || termination_requested();
        return result;
    }
    const int got = timeout
        ? SDL_WaitEventTimeout(&e, static_cast<int>(std::max<std::int64_t>(0, timeout->count())))
        : SDL_WaitEvent(&e);
    if (got != 0) {
        m_impl->translate(e, result);
        while (SDL_PollEvent(&e) != 0) {
            m_impl->translate(e, result);
        }
    }
    m_impl->cancel_fingers_of_gone_devices(result.events);
    result.terminate = result.terminate || termination_requested();
    return result;
}

bool EventPump::polls_while_waiting() const
{
    return !m_impl->native_wait && !m_impl->no_input_devices;
}

PumpResult EventPump::poll()
{
    PumpResult result;
    SDL_Event e;
    while (SDL_PollEvent(&e) != 0) {
        m_impl->translate(e, result);
    }
    m_impl->cancel_fingers_of_gone_devices(result.events);
    result.terminate = result.terminate || termination_requested();
    return result;
}

void EventPump::inject_touch(TouchPhase phase, std::int64_t finger, Point logical)
{
    const Point panel = m_impl->display.transform().to_panel(logical);
    const Size size = m_impl->display.transform().panel();
    SDL_Event e {};
    e.type = phase == TouchPhase::down ? SDL_FINGERDOWN
        : phase == TouchPhase::up      ? SDL_FINGERUP
                                       : SDL_FINGERMOTION;
    e.tfinger.touchId = injected_touch_device;
    e.tfinger.fingerId = finger;
    e.tfinger.x = std::clamp(panel.x / size.w, 0.0f, 1.0f);
    e.tfinger.y = std::clamp(panel.y / size.h, 0.0f, 1.0f);
    e.tfinger.pressure = phase == TouchPhase::up ? 0.0f : 1.0f;
    SDL_PushEvent(&e);
}

bool EventPump::inject_key(std::string_view chord)
{
    Uint16 mods = KMOD_NONE;
    std::string_view rest = chord;
    // Split on '+' but keep a trailing "+" key ("ctrl++") as the key itself.
    while (true) {
        const std::size_t plus = rest.find('+');
        if (plus == std::string_view::npos || plus + 1 >= rest.size()) {
            break;
        }
        const std::string mod = lower(rest.substr(0, plus));
        if (mod == "ctrl" || mod == "control") {
            mods |= KMOD_LCTRL;
        } else if (mod == "alt") {
            mods |= KMOD_LALT;
        } else if (mod == "shift") {
            mods |= KMOD_LSHIFT;
        } else if (mod == "gui" || mod == "super" || mod == "win" || mod == "meta") {
            mods |= KMOD_LGUI;
        } else {
            break;
        }
        rest = rest.substr(plus + 1);
    }
    const SDL_Keycode code = SDL_GetKeyFromName(std::string(rest).c_str());
    if (code == SDLK_UNKNOWN) {
        return false;
    }
    SDL_Event e {};
    e.key.keysym.sym = code;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(code);
    e.key.keysym.mod = mods;
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    SDL_PushEvent(&e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    SDL_PushEvent(&e);
    return true;
}

void EventPump::inject_text(std::string_view utf8)
{
    // SDL_TEXTINPUT carries at most 31 bytes; split on code point boundaries like SDL itself does.
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        std::size_t end = std::min(utf8.size(), pos + SDL_TEXTINPUTEVENT_TEXT_SIZE - 1);
        while (end < utf8.size() && end > pos && (static_cast<unsigned char>(utf8[end]) & 0xC0U) == 0x80U) {
            --end;
        }
        if (end == pos) {
            end = std::min(utf8.size(), pos + 1);
        }
        SDL_Event e {};
        e.type = SDL_TEXTINPUT;
        std::copy(utf8.begin() + static_cast<std::ptrdiff_t>(pos),
            utf8.begin() + static_cast<std::ptrdiff_t>(end), e.text.text);
        e.text.text[end - pos] = '\0';
        SDL_PushEvent(&e);
        pos = end;
    }
}

void EventPump::inject_editing(std::string_view utf8, int cursor)
{
    SDL_Event e {};
    e.type = SDL_TEXTEDITING;
    const std::size_t n = std::min(utf8.size(), static_cast<std::size_t>(SDL_TEXTEDITINGEVENT_TEXT_SIZE - 1));
    std::copy(utf8.begin(), utf8.begin() + static_cast<std::ptrdiff_t>(n), e.edit.text);
    e.edit.text[n] = '\0';
    e.edit.start = cursor;
    e.edit.length = 0;
    SDL_PushEvent(&e);
}

void EventPump::inject_wheel(Point logical, float dy)
{
    const Point panel = m_impl->display.transform().to_panel(logical);
    SDL_Event e {};
    e.wheel.mouseX = static_cast<Sint32>(panel.x);
    e.wheel.mouseY = static_cast<Sint32>(panel.y);
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = static_cast<Sint32>(dy);
    e.wheel.preciseY = dy;
    e.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
    SDL_PushEvent(&e);
}

} // namespace ck::platform
