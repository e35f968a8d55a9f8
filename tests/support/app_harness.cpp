// Events carry the harness' manual time; after each event the app advances and a frame is built,
// so hit-testing always uses the frame the visitor would be looking at.
#include "support/app_harness.hpp"

#include "content/pack.hpp"
#include "support/exhibit_pack.hpp"

#include <doctest/doctest.h>

#include <chrono>

namespace ck::test {

AppHarness::AppHarness(
    Size viewport, app::AppOptions options, bool with_pack, const std::filesystem::path& pack_path)
    : m_viewport(viewport)
{
    auto fonts = text::FontSet::create(text::FontPaths::debian_defaults());
    REQUIRE_MESSAGE(fonts.ok(), (fonts.ok() ? "" : fonts.error().to_string()));
    m_fonts = std::move(*fonts);
    m_layouts = std::make_unique<text::LayoutCache>(*m_fonts);
    m_glyphs = std::make_unique<text::GlyphCache>(*m_fonts);
    std::unique_ptr<content::Pack> pack;
    if (with_pack) {
        auto opened = content::Pack::open(pack_path.empty() ? exhibit_pack_path() : pack_path);
        REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().to_string()));
        pack = std::make_unique<content::Pack>(std::move(*opened));
    }
    m_app = std::make_unique<app::KioskApp>(
        std::move(pack), ui::TextServices { *m_fonts, *m_layouts, *m_glyphs }, std::move(options), m_now);
    frame();
}

const ui::Canvas& AppHarness::frame()
{
    m_app->advance(m_now);
    return m_app->build(m_viewport);
}

void AppHarness::wait(Millis ms)
{
    const Millis end = m_now + ms;
    frame();
    while (m_now < end) {
        Millis step = end - m_now;
        if (m_app->animating()) {
            step = std::min(step, Millis { 16 });
        }
        if (const auto wake = m_app->next_wakeup()) {
            step = std::min(step, std::max(Millis { 1 }, *wake - m_now));
        }
        m_now += step;
        frame();
    }
}

void AppHarness::pointer(input::PointerEvent::Kind kind, std::int64_t id, Point p)
{
    m_app->handle(input::PointerEvent { kind, id, p, m_now, input::PointerSource::touch });
    frame();
}

void AppHarness::tap(Point p)
{
    const std::int64_t id = m_next_finger++;
    pointer(input::PointerEvent::Kind::down, id, p);
    wait(Millis { 60 });
    pointer(input::PointerEvent::Kind::up, id, p);
    wait(Millis { 8 });
}

void AppHarness::hold(Point p, Millis ms)
{
    const std::int64_t id = m_next_finger++;
    pointer(input::PointerEvent::Kind::down, id, p);
    wait(ms);
    pointer(input::PointerEvent::Kind::up, id, p);
    wait(Millis { 8 });
}

void AppHarness::tap_id(std::string_view id)
{
    const ui::Widget* w = frame().tree().find_by_id(id);
    REQUIRE_MESSAGE(
        w != nullptr, "no widget '" << std::string(id) << "' on the " << m_app->screen_name() << " screen");
    tap(w->rect.center());
}

void AppHarness::tap_label(std::string_view label)
{
    const ui::Widget* w = frame().tree().find_by_label(label);
    REQUIRE_MESSAGE(w != nullptr,
        "nothing labelled '" << std::string(label) << "' on the " << m_app->screen_name() << " screen");
    tap(w->rect.center());
}

void AppHarness::drag(Point from, Point to, Millis duration, bool fling)
{
    const std::int64_t id = m_next_finger++;
    pointer(input::PointerEvent::Kind::down, id, from);
    const int steps = std::max(1, static_cast<int>(duration.count() / 8));
    for (int i = 1; i <= steps; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(steps);
        m_now += Millis { 8 };
        pointer(input::PointerEvent::Kind::move, id,
            { from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t });
    }
    if (!fling) {
        for (int i = 0; i < 15; ++i) {
            m_now += Millis { 8 };
            pointer(input::PointerEvent::Kind::move, id, to);
        }
    }
    pointer(input::PointerEvent::Kind::up, id, to);
    wait(Millis { 8 });
}

void AppHarness::pinch(Point center, float scale, Millis duration)
{
    const float d0 = std::min(m_viewport.w, m_viewport.h) * 0.1f;
    const std::int64_t a = m_next_finger++;
    const std::int64_t b = m_next_finger++;
    pointer(input::PointerEvent::Kind::down, a, { center.x - d0, center.y });
    pointer(input::PointerEvent::Kind::down, b, { center.x + d0, center.y });
    const int steps = std::max(1, static_cast<int>(duration.count() / 8));
    float d = d0;
    for (int i = 1; i <= steps; ++i) {
        m_now += Millis { 8 };
        d = d0 * (1 + (scale - 1) * static_cast<float>(i) / static_cast<float>(steps));
        pointer(input::PointerEvent::Kind::move, a, { center.x - d, center.y });
        pointer(input::PointerEvent::Kind::move, b, { center.x + d, center.y });
    }
    pointer(input::PointerEvent::Kind::up, a, { center.x - d, center.y });
    pointer(input::PointerEvent::Kind::up, b, { center.x + d, center.y });
    wait(Millis { 8 });
}

void AppHarness::settle_background()
{
    // A bound for a hang, never a measurement.
    REQUIRE(m_app->background_work().wait_idle(std::chrono::seconds(60)));
    wait(Millis { 16 });
}

void AppHarness::type(std::string_view text)
{
    m_app->handle(input::TextInputEvent { std::string(text), m_now });
    wait(Millis { 8 });
}

void AppHarness::key(input::Key key, std::string name, input::Modifiers mods)
{
    input::KeyEvent e;
    e.key = key;
    e.name = std::move(name);
    e.mods = mods;
    e.down = true;
    e.time = m_now;
    m_app->handle(e);
    e.down = false;
    m_app->handle(e);
    wait(Millis { 8 });
}

} // namespace ck::test
