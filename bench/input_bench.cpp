// Input layer costs: nanoseconds per pointer event through the gesture recognizer (a drag, a
// pinch, a ten-finger storm) and per frame of a kinetic-scroller fling, as medians of repeated
// runs, plus the recognizer's fixed size. Uses the steady clock only to time itself.
#include "bench_json.hpp"
#include "input/gesture_recognizer.hpp"
#include "input/kinetic_scroller.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

using namespace ck;
using namespace ck::input;

namespace {

constexpr int repetitions = 15;

std::vector<PointerEvent> drag_stream(int moves)
{
    std::vector<PointerEvent> events;
    events.push_back({ PointerEvent::Kind::down, 1, { 500, 900 }, Millis { 0 } });
    for (int i = 1; i <= moves; ++i) {
        events.push_back(
            { PointerEvent::Kind::move, 1, { 500, 900.0f - static_cast<float>(i % 800) }, Millis { 8 * i } });
    }
    events.push_back({ PointerEvent::Kind::up, 1, { 500, 100 }, Millis { 8 * moves + 8 } });
    return events;
}

std::vector<PointerEvent> pinch_stream(int moves)
{
    std::vector<PointerEvent> events;
    events.push_back({ PointerEvent::Kind::down, 1, { 900, 540 }, Millis { 0 } });
    events.push_back({ PointerEvent::Kind::down, 2, { 1020, 540 }, Millis { 5 } });
    for (int i = 1; i <= moves; ++i) {
        const float d = 60.0f + static_cast<float>(i % 300);
        events.push_back({ PointerEvent::Kind::move, 1 + (i % 2), { 960.0f + (i % 2 ? d : -d), 540 },
            Millis { 5 + 4 * i } });
    }
    events.push_back({ PointerEvent::Kind::up, 1, { 900, 540 }, Millis { 5 + 4 * moves + 4 } });
    events.push_back({ PointerEvent::Kind::up, 2, { 1020, 540 }, Millis { 5 + 4 * moves + 8 } });
    return events;
}

std::vector<PointerEvent> storm_stream(int rounds)
{
    std::mt19937 rng(3);
    std::uniform_real_distribution<float> coord(0, 1900);
    std::vector<PointerEvent> events;
    long long t = 0;
    for (int r = 0; r < rounds; ++r) {
        for (int f = 0; f < 10; ++f) {
            events.push_back({ PointerEvent::Kind::down, f, { coord(rng), coord(rng) }, Millis { t++ } });
        }
        for (int m = 0; m < 20; ++m) {
            events.push_back(
                { PointerEvent::Kind::move, m % 10, { coord(rng), coord(rng) }, Millis { t++ } });
        }
        for (int f = 9; f >= 0; --f) {
            events.push_back({ PointerEvent::Kind::up, f, { coord(rng), coord(rng) }, Millis { t++ } });
        }
    }
    return events;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double ns_per_event(const std::vector<PointerEvent>& events)
{
    std::vector<double> runs;
    std::vector<Gesture> out;
    out.reserve(64);
    for (int r = 0; r < repetitions; ++r) {
        GestureRecognizer recognizer;
        const auto start = std::chrono::steady_clock::now();
        for (const PointerEvent& e : events) {
            out.clear();
            recognizer.feed(e, out);
        }
        const auto elapsed = std::chrono::steady_clock::now() - start;
        runs.push_back(
            std::chrono::duration<double, std::nano>(elapsed).count() / static_cast<double>(events.size()));
    }
    return median(runs);
}

double ns_per_scroller_frame()
{
    std::vector<double> runs;
    for (int r = 0; r < repetitions; ++r) {
        long frames = 0;
        const auto start = std::chrono::steady_clock::now();
        for (int fling = 0; fling < 200; ++fling) {
            KineticScroller s;
            s.set_range(0, 200000);
            s.set_offset(100000);
            s.fling(fling % 2 ? 6000.0f : -6000.0f, Millis { 0 });
            for (int f = 1; s.animating(); ++f, ++frames) {
                s.advance(Millis { f * 7 }); // 144 Hz
            }
        }
        const auto elapsed = std::chrono::steady_clock::now() - start;
        runs.push_back(
            std::chrono::duration<double, std::nano>(elapsed).count() / static_cast<double>(frames));
    }
    return median(runs);
}

} // namespace

int main(int argc, char** argv)
{
    ck::bench::json_report_from_args("input_bench", argc, argv);
    std::printf("input_bench: medians of %d runs\n", repetitions);
    const double drag = ns_per_event(drag_stream(100000));
    const double pinch = ns_per_event(pinch_stream(100000));
    const double storm = ns_per_event(storm_stream(3000));
    const double fling = ns_per_scroller_frame();
    std::printf("  recognizer, one-finger drag:   %7.1f ns/event\n", drag);
    std::printf("  recognizer, two-finger pinch:  %7.1f ns/event\n", pinch);
    std::printf("  recognizer, ten-finger storms: %7.1f ns/event\n", storm);
    std::printf("  kinetic scroller fling:        %7.1f ns/frame\n", fling);
    ck::bench::json_report().value("recognizer, one-finger drag (median)", "ns/event", drag);
    ck::bench::json_report().value("recognizer, two-finger pinch (median)", "ns/event", pinch);
    ck::bench::json_report().value("recognizer, ten-finger storms (median)", "ns/event", storm);
    ck::bench::json_report().value("kinetic scroller fling (median)", "ns/frame", fling);
    std::printf(
        "  sizeof(GestureRecognizer):     %7zu bytes, no allocation per event\n", sizeof(GestureRecognizer));
    return 0;
}
