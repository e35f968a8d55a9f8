// A property test: seeded random event streams (storms, duplicates, stray lifts, cancels, time
// going backwards, NaN) never leave a press or a drag or pinch without its end, never emit a
// gesture once every finger is up, keep every lifecycle well formed, and allocate nothing.
#include "input/gesture_recognizer.hpp"
#include "trace_replay.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <new>
#include <random>
#include <set>

// Counting allocations, to show the recognizer's memory does not grow with what arrives.
namespace {
std::atomic<long> g_allocations { 0 };
std::atomic<bool> g_counting { false };
} // namespace

void* operator new(std::size_t size)
{
    if (g_counting.load(std::memory_order_relaxed)) {
        g_allocations.fetch_add(1, std::memory_order_relaxed);
    }
    if (void* p = std::malloc(size == 0 ? 1 : size)) {
        return p;
    }
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept
{
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept
{
    std::free(p);
}

using namespace ck;
using namespace ck::input;

namespace {

// Checks the lifecycles of gestures as they stream out, like a UI would rely on them.
class LifecycleChecker {
public:
    void see(const Gesture& g)
    {
        CAPTURE(name(g.kind));
        switch (g.kind) {
        case GestureKind::press:
            REQUIRE_FALSE(m_pressed);
            REQUIRE_FALSE(m_dragging);
            REQUIRE_FALSE(m_pinching);
            m_pressed = true;
            break;
        case GestureKind::release:
            REQUIRE(m_pressed);
            m_pressed = false;
            m_just_released = true;
            return;
        case GestureKind::press_cancel:
            REQUIRE(m_pressed);
            m_pressed = false;
            break;
        case GestureKind::tap:
        case GestureKind::double_tap:
            REQUIRE(m_just_released); // immediately after its release
            break;
        case GestureKind::long_press:
            REQUIRE(m_pressed);
            break;
        case GestureKind::drag_start:
            REQUIRE_FALSE(m_pressed);
            REQUIRE_FALSE(m_dragging);
            REQUIRE_FALSE(m_pinching);
            m_dragging = true;
            break;
        case GestureKind::drag_move:
            REQUIRE(m_dragging);
            break;
        case GestureKind::drag_end:
        case GestureKind::fling:
            REQUIRE(m_dragging);
            m_dragging = false;
            m_just_ended_drag = true;
            m_just_released = false;
            return;
        case GestureKind::swipe_back:
            REQUIRE(m_just_ended_drag);
            break;
        case GestureKind::pinch_start:
            REQUIRE_FALSE(m_pressed);
            REQUIRE_FALSE(m_dragging);
            REQUIRE_FALSE(m_pinching);
            m_pinching = true;
            break;
        case GestureKind::pinch_update:
        case GestureKind::pinch_end:
            REQUIRE(m_pinching);
            REQUIRE(std::isfinite(g.scale));
            REQUIRE(g.scale > 0.0f);
            m_pinching = g.kind == GestureKind::pinch_update;
            break;
        case GestureKind::cancel:
            REQUIRE((m_dragging || m_pinching));
            m_dragging = false;
            m_pinching = false;
            break;
        case GestureKind::scroll:
        case GestureKind::zoom:
            break;
        }
        m_just_released = false;
        m_just_ended_drag = false;
    }
    [[nodiscard]] bool all_ended() const { return !m_pressed && !m_dragging && !m_pinching; }
    [[nodiscard]] bool in_progress() const { return !all_ended(); }

private:
    bool m_pressed = false;
    bool m_dragging = false;
    bool m_pinching = false;
    bool m_just_released = false;
    bool m_just_ended_drag = false;
};

// A random but plausible-to-hostile stream: a few fingers that really exist (downs, moves, lifts)
// mixed with noise (stray ids, duplicates, cancels, the mouse, time jumps, NaN, ticks).
class Monkey {
public:
    explicit Monkey(unsigned seed)
        : m_rng(seed)
    {
    }

    // One step; returns false for a tick (the caller advances time instead).
    bool next(PointerEvent& e)
    {
        const int r = percent();
        m_time += std::uniform_int_distribution<long long>(0, r < 2 ? 70000 : 40)(m_rng);
        e = {};
        e.time = Millis { r < 6 ? m_time - 200 : m_time }; // sometimes from the past
        if (r >= 6 && r < 16) {
            return false; // a tick
        }
        const int k = percent();
        if (m_down.empty() || k < 10) {
            e.kind = PointerEvent::Kind::down;
            e.id = percent() < 3 && !m_down.empty() ? any_down() : m_next_id++ % 40; // some duplicates
            if (percent() < 5) {
                e.id = -1;
                e.source = PointerSource::mouse;
            }
            m_fingers[e.id] = Finger { { coord(), coord() }, percent() < 50 ? 1.0f : 25.0f };
            m_down.insert(e.id);
        } else {
            e.kind = k < 72 ? PointerEvent::Kind::move
                : k < 97    ? PointerEvent::Kind::up
                            : PointerEvent::Kind::cancel;
            e.id = percent() < 92 ? any_down() : std::uniform_int_distribution<std::int64_t>(-1, 50)(m_rng);
            e.source = e.id == -1 ? PointerSource::mouse : PointerSource::touch;
            if (e.kind != PointerEvent::Kind::move) {
                m_down.erase(e.id);
            }
        }
        Finger& f = m_fingers[e.id];
        std::normal_distribution<float> step(0.0f, f.step);
        f.pos = f.pos + Point { step(m_rng), step(m_rng) };
        e.pos = f.pos;
        if (r < 3) {
            e.pos.x = std::numeric_limits<float>::quiet_NaN();
        }
        return true;
    }
    [[nodiscard]] long long time() const { return m_time; }
    [[nodiscard]] const std::set<std::int64_t>& down() const { return m_down; }

private:
    struct Finger {
        Point pos;
        float step = 1.0f;
    };
    int percent() { return std::uniform_int_distribution<int>(0, 99)(m_rng); }
    float coord() { return std::uniform_real_distribution<float>(-50.0f, 2000.0f)(m_rng); }
    std::int64_t any_down()
    {
        auto it = m_down.begin();
        std::advance(it, std::uniform_int_distribution<std::size_t>(0, m_down.size() - 1)(m_rng));
        return *it;
    }

    std::map<std::int64_t, Finger> m_fingers;
    std::int64_t m_next_id = 0;
    std::mt19937 m_rng;
    long long m_time = 0;
    std::set<std::int64_t> m_down;
};

} // namespace

TEST_CASE("random event streams never leave a press, drag or pinch without its end")
{
    constexpr int seeds = 300;
    constexpr int events_per_seed = 3000;
    long allocations = 0;
    for (unsigned seed = 1; seed <= seeds; ++seed) {
        CAPTURE(seed);
        GestureRecognizer recognizer;
        Monkey monkey(seed);
        LifecycleChecker checker;
        std::vector<Gesture> out;
        out.reserve(64);
        PointerEvent e;
        for (int i = 0; i < events_per_seed; ++i) {
            out.clear();
            const bool is_event = monkey.next(e);
            const bool all_up_before = recognizer.contact_count() == 0;
            g_counting = true;
            const long before = g_allocations.load();
            if (is_event) {
                recognizer.feed(e, out);
            } else {
                recognizer.advance(e.time, out);
            }
            allocations += g_allocations.load() - before;
            g_counting = false;
            REQUIRE(out.size() <= 8);
            if (!is_event && all_up_before) {
                REQUIRE(out.empty()); // with every finger up, time alone brings nothing
            }
            REQUIRE(recognizer.contact_count() <= GestureRecognizer::max_contacts);
            for (const Gesture& g : out) {
                checker.see(g);
            }
        }
        // Every finger the stream left down now lifts, or the system cancels them.
        out.clear();
        const Millis end { monkey.time() + 10 };
        if (seed % 2 == 0) {
            for (std::int64_t id : monkey.down()) {
                recognizer.feed(PointerEvent { PointerEvent::Kind::up, id, { 10, 10 }, end,
                                    id == -1 ? PointerSource::mouse : PointerSource::touch },
                    out);
            }
        }
        recognizer.cancel_all(end, out);
        for (const Gesture& g : out) {
            checker.see(g);
        }
        CHECK(checker.all_ended());
        CHECK(recognizer.state() == RecognizerState::idle);
        CHECK(recognizer.contact_count() == 0);
        CHECK_FALSE(recognizer.next_wakeup().has_value());
        // Nothing is pending once every finger is up: an hour later, still nothing.
        out.clear();
        recognizer.advance(end + Millis { 3600000 }, out);
        CHECK(out.empty());
    }
    CHECK(allocations == 0);
}

TEST_CASE("the monkey streams are not trivial: they press, drag, pinch, tap and cancel")
{
    // Guards the property test against a generator that stops exercising the machine.
    std::set<GestureKind> seen;
    for (unsigned seed = 1; seed <= 50; ++seed) {
        GestureRecognizer recognizer;
        Monkey monkey(seed);
        PointerEvent e;
        std::vector<Gesture> out;
        for (int i = 0; i < 3000; ++i) {
            if (monkey.next(e)) {
                recognizer.feed(e, out);
            } else {
                recognizer.advance(e.time, out);
            }
        }
        for (const Gesture& g : out) {
            seen.insert(g.kind);
        }
    }
    for (GestureKind k : { GestureKind::press, GestureKind::release, GestureKind::press_cancel,
             GestureKind::tap, GestureKind::long_press, GestureKind::drag_start, GestureKind::drag_move,
             GestureKind::cancel, GestureKind::pinch_start, GestureKind::pinch_end }) {
        CAPTURE(name(k));
        CHECK(seen.count(k) == 1);
    }
}
