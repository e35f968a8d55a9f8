// The on-screen keyboard: every key at least 9 mm and 2 mm from its neighbours at each DPI and
// width a kiosk uses, one key per character, and drawn as labelled `key` widgets with the pressed
// key in the accent colour.
#include "text/glyph_cache.hpp"
#include "text/layout_cache.hpp"
#include "ui/keyboard.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

using ck::ui::HideKey;
using ck::ui::KeyAction;
using ck::ui::Keyboard;
using ck::ui::KeyboardPanel;

namespace {

struct Setup {
    float dpi;
    float width;
    HideKey hide;
    KeyboardPanel panel;
};

const std::vector<Setup>& setups()
{
    static const std::vector<Setup> all = {
        { 92, 1080, HideKey::present, KeyboardPanel::full_width }, // 24" portrait
        { 92, 812, HideKey::absent, KeyboardPanel::card }, // 24" landscape, left column
        { 185, 2160, HideKey::present, KeyboardPanel::full_width }, // 4K portrait
        { 150, 500, HideKey::absent, KeyboardPanel::card }, // a small 10" panel
        { 96, 300, HideKey::present, KeyboardPanel::card }, // too narrow: keys stay 9 mm
    };
    return all;
}

float gap_between(const ck::Rect& a, const ck::Rect& b)
{
    const float dx = std::max({ b.x - a.right(), a.x - b.right(), 0.0f });
    const float dy = std::max({ b.y - a.bottom(), a.y - b.bottom(), 0.0f });
    return std::max(dx, dy);
}

} // namespace

TEST_CASE("every key is 9 mm or more and 2 mm or more from every other key")
{
    for (const Setup& s : setups()) {
        const ck::ui::Theme theme(s.dpi, ck::ui::ContrastMode::normal, ck::ui::TextScale::normal);
        const Keyboard kb = Keyboard::layout(theme, s.width, s.hide, s.panel);
        INFO("dpi " << s.dpi << " width " << s.width);
        const float min_key = theme.px(ck::ui::key_min_mm) - 0.01f;
        const float min_gap = theme.px(ck::ui::key_gap_min_mm) - 0.01f;
        for (std::size_t i = 0; i < kb.keys().size(); ++i) {
            const ck::Rect r = kb.keys()[i].rect;
            CHECK(r.w >= min_key);
            CHECK(r.h >= min_key);
            CHECK(r.x >= 0);
            CHECK(r.y >= 0);
            CHECK(r.right() <= kb.size().w + 0.01f);
            CHECK(r.bottom() <= kb.size().h + 0.01f);
            for (std::size_t j = i + 1; j < kb.keys().size(); ++j) {
                CHECK(gap_between(r, kb.keys()[j].rect) >= min_gap);
            }
        }
        if (s.width >= theme.px(ck::ui::key_min_mm + ck::ui::key_gap_min_mm) * 10 + theme.px(30)) {
            CHECK(kb.size().w <= s.width + 0.5f); // it fits whenever 9 mm keys can
        }
    }
}

TEST_CASE("a full-width keyboard keeps its keys out of the screen's edge margin")
{
    const ck::ui::Theme theme(92, ck::ui::ContrastMode::normal, ck::ui::TextScale::normal);
    const Keyboard kb = Keyboard::layout(theme, 1080, HideKey::present, KeyboardPanel::full_width);
    for (const ck::ui::KeyboardKey& k : kb.keys()) {
        CHECK(k.rect.x >= theme.px(8) - 0.5f);
        CHECK(k.rect.right() <= 1080 - theme.px(8) + 0.5f);
    }
    CHECK(kb.size().w == doctest::Approx(1080).epsilon(0.001));
}

TEST_CASE("each character a search needs has exactly one key, plus space, backspace and hide")
{
    for (const HideKey hide : { HideKey::absent, HideKey::present }) {
        const ck::ui::Theme theme(92, ck::ui::ContrastMode::normal, ck::ui::TextScale::normal);
        const Keyboard kb = Keyboard::layout(theme, 900, hide, KeyboardPanel::card);
        std::multiset<std::string> typed;
        std::set<std::string> ids;
        int spaces = 0;
        int backspaces = 0;
        int hides = 0;
        for (const ck::ui::KeyboardKey& k : kb.keys()) {
            CHECK(ids.insert(k.id).second);
            CHECK(kb.find(k.id) == &k);
            switch (k.action) {
            case KeyAction::insert:
                typed.insert(k.text);
                CHECK_FALSE(k.cap.empty());
                break;
            case KeyAction::space:
                ++spaces;
                break;
            case KeyAction::backspace:
                ++backspaces;
                break;
            case KeyAction::hide:
                ++hides;
                break;
            case KeyAction::mode:
            case KeyAction::mark:
                FAIL("the English keyboard has no layouts to switch and no kana: ", k.id);
                break;
            }
        }
        for (const char c : std::string("1234567890qwertyuiopasdfghjklzxcvbnm-'.\"")) {
            CHECK(typed.count(std::string(1, c)) == 1);
        }
        CHECK(typed.size() == 40);
        CHECK(spaces == 1);
        CHECK(backspaces == 1);
        CHECK(hides == (hide == HideKey::present ? 1 : 0));
        CHECK(kb.find("key:nothing") == nullptr);
    }
}

TEST_CASE("a key's accessible name comes from the visitor's language")
{
    const ck::ui::Theme theme(92, ck::ui::ContrastMode::normal, ck::ui::TextScale::normal);
    const Keyboard kb = Keyboard::layout(theme, 900, HideKey::present, KeyboardPanel::card);
    ck::ui::KeyboardLabels en;
    ck::ui::KeyboardLabels ja { "\xE7\xA9\xBA\xE7\x99\xBD", "\xE5\x89\x8A\xE9\x99\xA4",
        "\xE5\xAE\x8C\xE4\xBA\x86", "{key}\xE3\x82\xAD\xE3\x83\xBC" };
    ck::ui::KeyboardLabels bare { "Space", "Delete", "Done", "Key" }; // a format without a placeholder
    CHECK(Keyboard::label_of(*kb.find("key:q"), en) == "Key Q");
    CHECK(Keyboard::label_of(*kb.find("key:7"), en) == "Key 7");
    CHECK(Keyboard::label_of(*kb.find("key:q"), ja) == "Q\xE3\x82\xAD\xE3\x83\xBC");
    CHECK(Keyboard::label_of(*kb.find("key:space"), ja) == ja.space);
    CHECK(Keyboard::label_of(*kb.find("key:backspace"), en) == "Delete");
    CHECK(Keyboard::label_of(*kb.find("key:hide"), en) == "Done");
    CHECK(Keyboard::label_of(*kb.find("key:\""), bare) == "Key \"");
}

TEST_CASE("drawn keys are key widgets where the layout put them, the pressed one in the accent colour")
{
    auto fonts = ck::text::FontSet::create(ck::text::FontPaths::debian_defaults());
    REQUIRE(fonts.ok());
    ck::text::LayoutCache layouts(**fonts);
    ck::text::GlyphCache glyphs(**fonts);
    const ck::ui::Theme theme(92, ck::ui::ContrastMode::normal, ck::ui::TextScale::normal);
    ck::ui::Canvas canvas({ **fonts, layouts, glyphs }, theme, { 1080, 1920 });
    const Keyboard kb = Keyboard::layout(theme, 1080, HideKey::present, KeyboardPanel::full_width);
    for (const char* pressed : { "key:q", "key:backspace" }) {
        canvas.begin_frame(theme, { 1080, 1920 });
        canvas.set_pressed(pressed);
        const ck::Point origin { 0, 1920 - kb.size().h }; // at the bottom of the screen, as shown
        kb.draw(canvas, origin, ck::ui::KeyboardLabels {});
        std::size_t seen = 0;
        for (const ck::ui::Widget& w : canvas.tree().widgets()) {
            if (w.role != ck::ui::Role::key) {
                continue;
            }
            ++seen;
            const ck::ui::KeyboardKey* k = kb.find(w.id);
            REQUIRE(k != nullptr);
            CHECK(w.interactive);
            CHECK(w.rect == k->rect.translated(origin.x, origin.y));
            CHECK(w.label == Keyboard::label_of(*k, ck::ui::KeyboardLabels {}));
            REQUIRE(w.background.has_value());
            REQUIRE(w.text_color.has_value());
            CHECK((*w.background == theme.palette().accent) == (w.id == pressed));
            CHECK(ck::ui::contrast_ratio(*w.text_color, *w.background) >= 7.0);
        }
        CHECK(seen == kb.keys().size());
        CHECK(canvas.tree().find_by_label("Key M") == canvas.tree().find_by_id("key:m"));
    }
}
