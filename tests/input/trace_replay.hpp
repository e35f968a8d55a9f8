// Test support: replays a trace table (traces.hpp) through a GestureRecognizer the way the frame
// loop does, and writes the gestures as a compact, exact sequence ("drag_move*12").
#pragma once

#include "input/gesture_recognizer.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace ck::input::test {

struct TraceLine {
    bool tick = false;
    PointerEvent event;
};

inline std::vector<TraceLine> parse_trace(std::string_view text)
{
    std::vector<TraceLine> lines;
    std::istringstream in { std::string(text) };
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        long long t = 0;
        std::string kind;
        if (!(fields >> t >> kind)) {
            continue; // blank
        }
        TraceLine l;
        l.event.time = Millis { t };
        if (kind == "tick") {
            l.tick = true;
            lines.push_back(l);
            continue;
        }
        long long id = 0;
        fields >> id >> l.event.pos.x >> l.event.pos.y;
        REQUIRE_MESSAGE(!fields.fail(), "bad trace line: " << line);
        l.event.id = id;
        if (kind.front() == 'm' && kind != "move") {
            l.event.source = PointerSource::mouse;
            kind.erase(0, 1);
        }
        if (kind == "down") {
            l.event.kind = PointerEvent::Kind::down;
        } else if (kind == "move") {
            l.event.kind = PointerEvent::Kind::move;
        } else if (kind == "up") {
            l.event.kind = PointerEvent::Kind::up;
        } else if (kind == "cancel") {
            l.event.kind = PointerEvent::Kind::cancel;
        } else {
            FAIL("unknown trace kind: " << kind);
        }
        lines.push_back(l);
    }
    return lines;
}

// Feeds every line; between events, honours the recognizer's wake-up requests as the frame loop
// would (a sleeping loop is woken at next_wakeup()).
inline std::vector<Gesture> replay(GestureRecognizer& recognizer, std::string_view text)
{
    std::vector<Gesture> out;
    for (const TraceLine& l : parse_trace(text)) {
        while (auto wake = recognizer.next_wakeup()) {
            if (*wake > l.event.time) {
                break;
            }
            recognizer.advance(*wake, out);
        }
        if (l.tick) {
            recognizer.advance(l.event.time, out);
        } else {
            recognizer.feed(l.event, out);
        }
    }
    return out;
}

// "press press_cancel drag_start drag_move*12 fling": exact, with runs of one kind counted.
inline std::string sequence(const std::vector<Gesture>& gestures)
{
    std::string s;
    for (std::size_t i = 0; i < gestures.size();) {
        std::size_t j = i;
        while (j < gestures.size() && gestures[j].kind == gestures[i].kind) {
            ++j;
        }
        if (!s.empty()) {
            s += ' ';
        }
        s += name(gestures[i].kind);
        if (j - i > 1) {
            s += '*' + std::to_string(j - i);
        }
        i = j;
    }
    return s;
}

// The first gesture of `kind`, or null. The list must outlive the pointer (no temporaries).
inline const Gesture* first_of(const std::vector<Gesture>& gestures, GestureKind kind)
{
    for (const Gesture& g : gestures) {
        if (g.kind == kind) {
            return &g;
        }
    }
    return nullptr;
}
const Gesture* first_of(std::vector<Gesture>&& gestures, GestureKind kind) = delete;

} // namespace ck::input::test
