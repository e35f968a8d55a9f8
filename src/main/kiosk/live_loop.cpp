// Frames are built only after something happened (an event or a timer), and presented only if
// they differ from the last one; while nothing animates the loop sleeps in EventPump::wait.
#include "live_loop.hpp"

#include "bench_trace.hpp"
#include "core/log.hpp"
#include "platform/service.hpp"
#include "staff_report.hpp"

#include <algorithm>
#include <string>

namespace ck::kiosk {
namespace {

constexpr Millis frame_interval { 16 };

// What `systemctl status` shows: the pack and the screen, never anything a visitor typed.
std::string status_line(app::KioskApp& app)
{
    const screens::ScreenId screen = app.screen();
    if (screen == screens::ScreenId::out_of_order) {
        return "out of order: the pack cannot be shown (the reason is in the journal)";
    }
    std::string line;
    if (const content::Pack* pack = app.pack()) {
        const content::PackInfo& info = pack->info();
        line = "pack \"" + info.title + "\" sequence " + std::to_string(info.sequence) + ": ";
    }
    if (screen == screens::ScreenId::attract) {
        return line + "showing the attract loop";
    }
    return line + "a visitor is on the " + std::string(app.screen_name()) + " screen";
}

} // namespace

Result<bool> Presenter::show(const ui::Canvas& frame, bool force)
{
    if (!force && m_has_last && frame.draw() == m_last) {
        return false;
    }
    if (auto drawn = draw(frame); !drawn) {
        return drawn.error();
    }
    m_display.present();
    m_holds_last = m_display.keeps_frame_after_present();
    if (++m_presented == 1) {
        platform::service::notify_ready();
    }
    return true;
}

Status Presenter::draw(const ui::Canvas& frame)
{
    text::GlyphAtlas& atlas = m_glyphs.atlas();
    m_dirty.clear();
    for (const text::AtlasRect& r : atlas.take_dirty()) {
        m_dirty.push_back({ static_cast<float>(r.x), static_cast<float>(r.y), static_cast<float>(r.w),
            static_cast<float>(r.h) });
    }
    const platform::AtlasView view { atlas.pixels().data(), atlas.width(), atlas.height(), atlas.width(),
        m_dirty, atlas.generation(), atlas.used_height() };
    if (auto drawn = m_display.draw(frame.draw(), view, frame.theme().palette().paper); !drawn) {
        return drawn;
    }
    m_last = frame.draw();
    m_has_last = true;
    m_holds_last = true;
    m_last_generation = atlas.generation();
    return {};
}

Status Presenter::hold(const ui::Canvas& frame)
{
    const text::GlyphAtlas& atlas = m_glyphs.atlas();
    // The same draw list over the same atlas is the same picture: a glyph added since (a dirty
    // rectangle) or an atlas cleared and refilled (a new generation) is drawn again.
    const bool same = m_has_last && m_holds_last && atlas.dirty().empty()
        && atlas.generation() == m_last_generation && frame.draw() == m_last;
    return same ? Status {} : draw(frame);
}

int run_live(app::KioskApp& app, platform::Display& display, platform::EventPump& pump, const Clock& clock,
    Presenter& presenter, std::optional<Millis> stop_at, bool* terminated, bool redraw_first)
{
    bool force = redraw_first;
    while (true) {
        const Millis now = clock.now();
        if (stop_at && now >= *stop_at) {
            return 0;
        }
        BenchTrace* trace = BenchTrace::get();
        const std::int64_t cpu_start = BenchTrace::thread_cpu_ns();
        const std::int64_t process_cpu_start = BenchTrace::process_cpu_ns();
        app.advance(now);
        save_staff_report_if_asked(app, display, presenter);
        const ui::Canvas& frame = app.build(display.logical_size());
        const auto shown = presenter.show(frame, force || BenchTrace::force_redraw());
        app.note_frame(
            static_cast<double>(BenchTrace::thread_cpu_ns() - cpu_start) / 1e6, shown.ok() && *shown);
        if (!shown) {
            log::error("kiosk", "drawing failed: " + shown.error().to_string());
        } else if (trace != nullptr && *shown) {
            trace->first_frame();
            trace->frame(BenchTrace::thread_cpu_ns() - cpu_start,
                BenchTrace::process_cpu_ns() - process_cpu_start, true);
        }
        platform::service::notify_status(status_line(app));
        std::optional<Millis> timeout;
        if (app.animating()) {
            timeout = frame_interval;
        } else if (const auto wake = app.next_wakeup()) {
            timeout = std::max(Millis { 0 }, *wake - clock.now());
        }
        // The watchdog: a keep-alive now if one is due, and a wake-up for the next even while idle.
        if (const auto keep_alive_in = platform::service::keep_alive()) {
            timeout = timeout ? std::min(*timeout, *keep_alive_in) : *keep_alive_in;
        }
        if (stop_at) {
            const Millis left = std::max(Millis { 0 }, *stop_at - clock.now());
            timeout = timeout ? std::min(*timeout, left) : left;
        }
        platform::PumpResult input = pump.wait(timeout);
        if (input.terminate) {
            platform::service::notify_stopping();
            log::info("kiosk", "SIGTERM: stopping");
            if (terminated != nullptr) {
                *terminated = true;
            }
            return 0;
        }
        force = input.needs_redraw || input.resized;
        for (const input::Event& e : input.events) {
            app.handle(e);
        }
        if (!input.events.empty() && app.background_working()) {
            app.await_background(screens::background_coalesce);
        }
    }
}

} // namespace ck::kiosk
