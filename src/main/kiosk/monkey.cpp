// The monkey (issue 7): random touches, drags, flings, pinches, storms, chords and typing through
// the same path as live input, with the visit reset now and then. It fails if the app is left
// with a press that never ended, or if memory keeps growing after warm-up.
#include "core/log.hpp"
#include "script_runner.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <string>

namespace ck::kiosk {
namespace {

using TouchPhase = platform::EventPump::TouchPhase;

long resident_kib()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) {
            return std::stol(line.substr(6));
        }
    }
    return 0;
}

constexpr std::array<const char*, 16> chords = { "ctrl+c", "alt+F4", "ctrl+alt+F1", "Escape", "F11", "ctrl+q",
    "Tab", "Return", "Backspace", "Left", "Right", "gui+d", "ctrl+w", "alt+Tab", "ctrl+z", "Delete" };
constexpr std::array<const char*, 10> texts = { "iran", "\"", "NEAR(", "don't", "-iran", "外交电报", "a*",
    "🏳️‍🌈", "((", "'); DROP TABLE cables;--" };

} // namespace

Status ScriptRunner::run_monkey(long events, unsigned seed)
{
    m_rng.seed(seed);
    m_draw_every = 16; // draw a sample of frames: the renderer is exercised, the run stays short
    std::uniform_real_distribution<float> ux(0, logical().w - 1);
    std::uniform_real_distribution<float> uy(0, logical().h - 1);
    std::uniform_int_distribution<int> pick(0, 99);
    long sent = 0;
    long warm_rss = 0;
    long peak_after_warmup = 0;
    const long warmup = std::min(events / 5, 20'000L);
    settle();
    while (sent < events) {
        const int r = pick(m_rng);
        const Point p { ux(m_rng), uy(m_rng) };
        const std::int64_t f = m_next_finger++;
        if (r < 45) { // a tap: mostly on a widget, sometimes anywhere
            Point at = p;
            const auto& widgets = m_app.frame().tree().widgets();
            if (!widgets.empty() && r < 35) {
                at = widgets[static_cast<std::size_t>(m_rng() % widgets.size())].rect.center();
            }
            m_pump.inject_touch(TouchPhase::down, f, at);
            pass(Millis { 40 });
            m_pump.inject_touch(TouchPhase::up, f, at);
            pass(Millis { 8 });
            sent += 2;
        } else if (r < 60) {
            const Point to { ux(m_rng), uy(m_rng) };
            touch_path(f, p, to, Millis { static_cast<Millis::rep>(40 + m_rng() % 300) }, r < 52);
            sent += 20;
        } else if (r < 66) {
            const float d = 60;
            const std::int64_t g = m_next_finger++;
            m_pump.inject_touch(TouchPhase::down, f, { p.x - d, p.y });
            m_pump.inject_touch(TouchPhase::down, g, { p.x + d, p.y });
            const float s = 0.5f + static_cast<float>(m_rng() % 100) / 50.0f;
            for (int i = 1; i <= 8; ++i) {
                const float k = 1 + (s - 1) * static_cast<float>(i) / 8;
                m_pump.inject_touch(TouchPhase::move, f, { p.x - d * k, p.y });
                m_pump.inject_touch(TouchPhase::move, g, { p.x + d * k, p.y });
                pass(Millis { 8 });
            }
            m_pump.inject_touch(TouchPhase::up, f, p);
            m_pump.inject_touch(TouchPhase::up, g, p);
            pass(Millis { 8 });
            sent += 20;
        } else if (r < 70) { // a storm of up to ten fingers, lifted in random order
            const int n = 3 + static_cast<int>(m_rng() % 8);
            std::vector<std::int64_t> ids;
            for (int i = 0; i < n; ++i) {
                ids.push_back(m_next_finger++);
                m_pump.inject_touch(TouchPhase::down, ids.back(), { ux(m_rng), uy(m_rng) });
            }
            pass(Millis { 16 });
            std::shuffle(ids.begin(), ids.end(), m_rng);
            for (const std::int64_t id : ids) {
                m_pump.inject_touch(TouchPhase::up, id, { ux(m_rng), uy(m_rng) });
            }
            pass(Millis { 16 });
            sent += 2L * n;
        } else if (r < 80) {
            m_pump.inject_key(chords[m_rng() % chords.size()]);
            pass(Millis { 8 });
            sent += 2;
        } else if (r < 90) {
            m_pump.inject_text(texts[m_rng() % texts.size()]);
            pass(Millis { 8 });
            sent += 1;
        } else if (r < 99) {
            pass(Millis { static_cast<Millis::rep>(50 + m_rng() % 600) });
        } else {
            m_app.reset_visit();
            settle();
        }
        if (warm_rss == 0 && sent >= warmup) {
            warm_rss = resident_kib();
        }
        if (warm_rss != 0) {
            peak_after_warmup = std::max(peak_after_warmup, resident_kib());
        }
    }
    pass(Millis { 2000 });
    if (!m_app.frame().tree().widgets().empty() && m_app.idle_prompt_showing()
        && m_app.screen_name() == "attract") {
        return make_error("the idle prompt shows on the attract screen");
    }
    if (m_app.has_active_press()) {
        return make_error("a press was left active after every finger lifted");
    }
    const long growth = peak_after_warmup - warm_rss;
    log::info("monkey",
        std::to_string(sent) + " events; RSS after warm-up " + std::to_string(warm_rss) + " KiB, peak "
            + std::to_string(peak_after_warmup) + " KiB");
    std::printf("monkey: %ld events, seed %u, RSS after warm-up %ld KiB, peak %ld KiB, growth %ld KiB\n",
        sent, seed, warm_rss, peak_after_warmup, growth);
    // Caches are bounded (layouts, glyphs); allow them to fill, not to grow without end. Under
    // AddressSanitizer every allocation carries redzones, freed memory sits in a quarantine and
    // the allocator keeps per-size-class caches it never returns, so the same bounded caches weigh
    // two to three times as much: there the budget scales with the resident size (LeakSanitizer
    // catches real leaks at exit).
#if defined(__SANITIZE_ADDRESS__)
    const long max_growth_kib = std::max(24L * 1024, warm_rss / 4);
#else
    constexpr long max_growth_kib = 24L * 1024;
#endif
    if (growth > max_growth_kib) {
        return make_error("memory grew by " + std::to_string(growth / 1024) + " MiB after warm-up");
    }
    return {};
}

} // namespace ck::kiosk
