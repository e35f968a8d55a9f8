// A whole kiosk app without a window: real fonts, the real exhibit pack, a manual clock, and
// pointer events fed as the platform layer would feed them.
#pragma once

#include "app/kiosk_app.hpp"
#include "text/font_set.hpp"
#include "text/glyph_cache.hpp"
#include "text/layout_cache.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace ck::test {

class AppHarness {
public:
    // With a pack: the exhibit, or the pack at `pack_path` when one is given.
    explicit AppHarness(Size viewport = { 1920, 1080 }, app::AppOptions options = {}, bool with_pack = true,
        const std::filesystem::path& pack_path = {});

    app::KioskApp& app() { return *m_app; }
    const ui::Canvas& frame();
    Millis now() const { return m_now; }

    // Lets time pass in 16 ms steps while something animates, building frames as the loop would.
    void wait(Millis ms);
    void tap(Point p);
    // One finger held still at `p` for `ms`, then lifted.
    void hold(Point p, Millis ms);
    // Taps the centre of the widget with this id; fails the test if it is not on screen.
    void tap_id(std::string_view id);
    void tap_label(std::string_view label);
    void drag(Point from, Point to, Millis duration, bool fling = false);
    // Two fingers around `center`, spread by `scale` over `duration`, then lifted.
    void pinch(Point center, float scale, Millis duration);
    void type(std::string_view text);
    void key(input::Key key, std::string name, input::Modifiers mods = {});
    void set_viewport(Size size) { m_viewport = size; }
    // Waits in real time until the app's background work is done (as the script runner does on
    // the manual clock), then lets a frame's time pass so that its answers are shown.
    void settle_background();

private:
    void pointer(input::PointerEvent::Kind kind, std::int64_t id, Point p);

    std::unique_ptr<text::FontSet> m_fonts;
    std::unique_ptr<text::LayoutCache> m_layouts;
    std::unique_ptr<text::GlyphCache> m_glyphs;
    std::unique_ptr<app::KioskApp> m_app;
    Size m_viewport;
    Millis m_now { 1000 };
    std::int64_t m_next_finger = 1;
};

} // namespace ck::test
