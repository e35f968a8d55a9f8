// Live input and injected input meet here. SDL events become ck::input events in logical pixels
// (the display's rotation undone), stamped with the injected clock; touch is never also mouse.
// The script mode injects through SDL's own queue, so a scripted tap travels the same path as a
// finger: SDL_PushEvent -> translation -> rotation -> the app.
#pragma once

#include "core/clock.hpp"
#include "input/events.hpp"
#include "platform/rotation.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ck::platform {

class Display;

struct PumpResult {
    std::vector<input::Event> events;
    bool terminate = false; // SIGTERM arrived: the only way to stop the kiosk
    bool resized = false; // the panel changed size
    bool needs_redraw = false; // the window was exposed or restored
};

// When an event happened. SDL stamps each event as its driver reads it; a batch of finger moves
// read at once keeps its spacing that way, where stamping on our read would put every move of the
// batch at one instant and make a fling's velocity up. Scripts on a manual clock stamp on read, so
// that a replay does not depend on how loaded the machine is.
enum class EventTimes { as_sdl_saw_them, when_read };

class EventPump {
public:
    EventPump(Display& display, const Clock& clock, EventTimes times = EventTimes::as_sdl_saw_them);
    ~EventPump();
    EventPump(const EventPump&) = delete;
    EventPump& operator=(const EventPump&) = delete;

    // Blocks until at least one event arrives or `timeout` passes (forever when nullopt), then
    // drains the queue. An idle kiosk sleeps here and uses no CPU.
    PumpResult wait(std::optional<Millis> timeout);
    // Drains whatever is queued without blocking.
    PumpResult poll();
    // Whether wait() has to poll SDL for input (KMS/DRM) rather than sleep until something arrives
    // (X11 and Wayland natively; offscreen, which has no devices, until a timer or SIGTERM).
    [[nodiscard]] bool polls_while_waiting() const;

    // Script-mode injection (logical pixels, as the visitor sees the screen).
    enum class TouchPhase { down, move, up };
    void inject_touch(TouchPhase phase, std::int64_t finger, Point logical);
    // `chord` is an SDL key name with optional modifiers: "Return", "ctrl+alt+F1", "Alt+F4".
    // Returns false when SDL does not know the key name.
    bool inject_key(std::string_view chord);
    void inject_text(std::string_view utf8);
    void inject_editing(std::string_view utf8, int cursor);
    void inject_wheel(Point logical, float dy);

private:
    void wait_without_native_support(std::optional<Millis> timeout);

    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace ck::platform
