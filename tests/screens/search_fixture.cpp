// The rig routes taps by widget id through on_tap, text through on_text and keys through on_key,
// exactly the calls the app makes; it never reaches into the screen's state to fake an answer.
#include "search_fixture.hpp"

#include "content/pack.hpp"
#include "support/exhibit_pack.hpp"
#include "ui/keyboard.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

namespace ck::test {

SearchRig::SearchRig(
    Size viewport, std::string lang, const std::string& initial, const std::filesystem::path& pack_path)
    : m_viewport(viewport)
{
    auto fonts = text::FontSet::create(text::FontPaths::debian_defaults());
    REQUIRE_MESSAGE(fonts.ok(), (fonts.ok() ? "" : fonts.error().to_string()));
    m_fonts = std::move(*fonts);
    m_layouts = std::make_unique<text::LayoutCache>(*m_fonts);
    m_glyphs = std::make_unique<text::GlyphCache>(*m_fonts);
    m_theme = std::make_unique<ui::Theme>(92.0f, ui::ContrastMode::normal, ui::TextScale::normal);
    m_canvas = std::make_unique<ui::Canvas>(
        ui::TextServices { *m_fonts, *m_layouts, *m_glyphs }, *m_theme, viewport);
    auto pack = content::Pack::open(pack_path.empty() ? exhibit_pack_path() : pack_path);
    REQUIRE_MESSAGE(pack.ok(), (pack.ok() ? "" : pack.error().to_string()));
    m_pack = std::make_unique<content::Pack>(std::move(*pack));
    m_strings = std::make_unique<screens::Strings>(m_pack.get(), std::move(lang));
    m_work = std::make_unique<BackgroundWork>();
    m_screen = std::make_unique<screens::SearchScreen>(m_pack.get(), *m_work, initial);
}

screens::Env SearchRig::env() const
{
    const screens::ChromeLayout chrome = screens::chrome_layout(*m_theme, m_viewport, true, false);
    return screens::make_env(m_pack.get(), *m_strings, m_visit, m_now, { chrome.body, m_viewport, 92.0f });
}

void SearchRig::set_viewport(Size viewport)
{
    m_viewport = viewport;
}

const ui::WidgetTree& SearchRig::frame()
{
    m_screen->advance(m_now);
    m_canvas->begin_frame(*m_theme, m_viewport);
    m_screen->build(*m_canvas, env());
    return m_canvas->tree();
}

bool SearchRig::settle(int limit_ms)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(limit_ms);
    while (std::chrono::steady_clock::now() < deadline) {
        m_now += Millis { 16 };
        m_screen->advance(m_now);
        if (!m_screen->waiting() && m_screen->worker() != nullptr && !m_screen->worker()->busy()) {
            frame();
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
}

void SearchRig::type(std::string_view utf8)
{
    m_screen->on_text(utf8, env());
}

void SearchRig::key(input::Key key)
{
    input::KeyEvent e;
    e.key = key;
    e.time = m_now;
    m_screen->on_key(e, env());
}

bool SearchRig::tap(std::string_view id)
{
    const ui::Widget* w = frame().find_by_id(id);
    if (w == nullptr || !w->interactive) {
        return false;
    }
    const ui::Widget copy = *w;
    m_last_intent = m_screen->on_tap(copy, env());
    return true;
}

bool SearchRig::tap_keys(std::string_view text)
{
    for (const char c : text) {
        std::string id = c == ' ' ? std::string("key:space") : "key:" + std::string(1, c);
        if (c >= 'A' && c <= 'Z') {
            id = "key:" + std::string(1, static_cast<char>(c - 'A' + 'a'));
        }
        if (!tap(id)) {
            return false;
        }
    }
    return true;
}

std::string SearchRig::screen_text()
{
    const ui::WidgetTree& tree = frame();
    std::vector<Rect> rows;
    for (const ui::Widget& w : tree.widgets()) {
        if (w.id.rfind("row:", 0) == 0) {
            rows.push_back(w.rect);
        }
    }
    const auto inside_row = [&](const ui::Widget& w) {
        for (const Rect& r : rows) {
            if (w.rect.x >= r.x - 1 && w.rect.y >= r.y - 1 && w.rect.right() <= r.right() + 1
                && w.rect.bottom() <= r.bottom() + 1) {
                return true;
            }
        }
        return false;
    };
    std::string out;
    for (const ui::Widget& w : tree.widgets()) {
        // What echoes the visitor or the cables is theirs to say; the screen's own words are checked.
        const bool echo = w.id == "search.field" || w.id.rfind("complete:", 0) == 0
            || w.id.rfind("suggest:", 0) == 0 || w.id.rfind("row:", 0) == 0 || inside_row(w);
        if (!echo) {
            out += w.label;
            out += '\n';
        }
    }
    return out;
}

bool SearchRig::shows_results_or_nothing_found()
{
    const ui::WidgetTree& tree = frame();
    return tree.find_by_id("search.count") != nullptr || tree.find_by_id("search.nothing") != nullptr;
}

const std::vector<std::string>& system_error_words()
{
    static const std::vector<std::string> words
        = { "syntax error", "no such column", "no such table", "fts5", "sqlite", "malformed", "unterminated",
              "parse error", "error", "failed", "budget", "cancelled", "exception", "check:" };
    return words;
}

} // namespace ck::test
