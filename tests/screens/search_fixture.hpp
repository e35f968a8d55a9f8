// A search screen on the real bundled exhibit, built into a real canvas with the real fonts, as
// the app would build it: no window, and time passes only in settle(), which waits (in real time,
// the worker is a real thread) until the newest query has been answered.
#pragma once

#include "core/background_work.hpp"
#include "screens/chrome.hpp"
#include "screens/search_screen.hpp"
#include "text/font_set.hpp"
#include "text/glyph_cache.hpp"
#include "text/layout_cache.hpp"
#include "ui/canvas.hpp"
#include "ui/theme.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ck::test {

class SearchRig {
public:
    // On `pack` when given, else on the bundled exhibit.
    explicit SearchRig(Size viewport = { 1920, 1080 }, std::string lang = "en",
        const std::string& initial = {}, const std::filesystem::path& pack = {});

    screens::SearchScreen& screen() { return *m_screen; }
    content::Pack& pack() { return *m_pack; }
    // The rig's one owner of background work, as the app has one.
    BackgroundWork& work() { return *m_work; }
    [[nodiscard]] screens::Env env() const;

    // Builds a frame and returns its widget tree.
    const ui::WidgetTree& frame();
    // Waits until the newest query is answered and its facets are in (at most `limit_ms`), then
    // builds a frame. False on timeout.
    bool settle(int limit_ms = 20000);

    // Input as the app routes it.
    void type(std::string_view utf8);
    void key(input::Key key);
    // Taps the widget with this id in the current frame; false when it is not on screen.
    bool tap(std::string_view id);
    screens::Intent last_intent() const { return m_last_intent; }
    // Types `text` on the on-screen keyboard; false when a character has no key.
    bool tap_keys(std::string_view text);

    // The screen's own words in the current frame, joined: every label except those that echo the
    // visitor (the field, completions, suggestions) or the cables (result rows).
    [[nodiscard]] std::string screen_text();
    // True when the frame shows results or the friendly "nothing found".
    [[nodiscard]] bool shows_results_or_nothing_found();

    void destroy_screen() { m_screen.reset(); }
    void set_viewport(Size viewport);

private:
    std::unique_ptr<text::FontSet> m_fonts;
    std::unique_ptr<text::LayoutCache> m_layouts;
    std::unique_ptr<text::GlyphCache> m_glyphs;
    std::unique_ptr<ui::Theme> m_theme;
    std::unique_ptr<ui::Canvas> m_canvas;
    std::unique_ptr<content::Pack> m_pack;
    std::unique_ptr<screens::Strings> m_strings;
    std::unique_ptr<BackgroundWork> m_work; // before the screen, which asks it for work
    std::unique_ptr<screens::SearchScreen> m_screen;
    Size m_viewport;
    Millis m_now { 1000 };
    mutable screens::Visit m_visit;
    screens::Intent m_last_intent;
};

// The texts that must never reach a visitor: SQLite's and FTS5's own error words.
const std::vector<std::string>& system_error_words();

} // namespace ck::test
