// Raw input as the platform layer hands it over: already in logical pixels (rotation undone),
// already told apart (a touch is never also a mouse event), stamped with injected time.
// Plain data; this header knows nothing of SDL.
#pragma once

#include "core/clock.hpp"
#include "core/geometry.hpp"

#include <cstdint>
#include <string>
#include <variant>

namespace ck::input {

enum class PointerSource { touch, mouse };

// One finger (or the mouse's left button) going down, moving, lifting, or being cancelled by the
// system (a lost window focus, a device unplugged).
struct PointerEvent {
    enum class Kind { down, move, up, cancel };
    Kind kind = Kind::down;
    std::int64_t id = 0; // stable per finger for the life of a contact; the mouse uses -1
    Point pos;
    Millis time { 0 };
    PointerSource source = PointerSource::touch;
    friend bool operator==(const PointerEvent&, const PointerEvent&) = default;
};

// A mouse wheel or touchpad scroll; with `zoom` (Ctrl held) it means pinch on a desktop.
struct WheelEvent {
    Point pos;
    float dx = 0;
    float dy = 0;
    bool zoom = false;
    Millis time { 0 };
    friend bool operator==(const WheelEvent&, const WheelEvent&) = default;
};

// The keys the kiosk acts on have names of their own; everything else is `other`.
enum class Key {
    other,
    backspace,
    delete_forward,
    enter,
    escape,
    tab,
    space,
    left,
    right,
    up,
    down,
    home,
    end,
    page_up,
    page_down,
};

struct Modifiers {
    bool shift = false;
    bool ctrl = false;
    bool alt = false;
    bool gui = false;
    friend bool operator==(const Modifiers&, const Modifiers&) = default;
};

struct KeyEvent {
    Key key = Key::other;
    std::string name; // SDL's key name, for logs and scripts only ("F4", "Q")
    Modifiers mods;
    bool down = true;
    bool repeat = false;
    Millis time { 0 };
    friend bool operator==(const KeyEvent&, const KeyEvent&) = default;
};

// Committed text from a keyboard or input method (UTF-8, may be several code points).
struct TextInputEvent {
    std::string text;
    Millis time { 0 };
    friend bool operator==(const TextInputEvent&, const TextInputEvent&) = default;
};

// An input method's composition in progress (SDL_TEXTEDITING); empty text ends it.
struct TextEditingEvent {
    std::string text;
    int cursor = 0;
    Millis time { 0 };
    friend bool operator==(const TextEditingEvent&, const TextEditingEvent&) = default;
};

using Event = std::variant<PointerEvent, WheelEvent, KeyEvent, TextInputEvent, TextEditingEvent>;

} // namespace ck::input
