// The Japanese keyboard (issue 13): the kana layout holds the gojūon grid once, the ゛゜小 key and
// the keys to ABC and 123, every key 9 mm or more and 2 mm apart as on the QWERTY layout; the digits
// layout types years as Japanese writes them; and the ゛゜小 key's cycles.
#include "ui/kana.hpp"
#include "ui/keyboard.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using ck::ui::HideKey;
using ck::ui::KeyAction;
using ck::ui::Keyboard;
using ck::ui::KeyboardLayout;
using ck::ui::KeyboardOptions;
using ck::ui::KeyboardPanel;
using ck::ui::ModeKeys;

namespace {

struct Setup {
    float dpi;
    float width;
    HideKey hide;
    KeyboardPanel panel;
};

// The search screen's keyboards at 1920x1080 (a card in the left column) and 1080x1920 (full
// width with a Done key), a 4K portrait panel and one too narrow for 9 mm keys.
const std::vector<Setup> setups = {
    { 92, 812, HideKey::absent, KeyboardPanel::card },
    { 92, 1080, HideKey::present, KeyboardPanel::full_width },
    { 185, 2160, HideKey::present, KeyboardPanel::full_width },
    { 96, 300, HideKey::present, KeyboardPanel::card },
};

float gap_between(const ck::Rect& a, const ck::Rect& b)
{
    const float dx = std::max({ b.x - a.right(), a.x - b.right(), 0.0f });
    const float dy = std::max({ b.y - a.bottom(), a.y - b.bottom(), 0.0f });
    return std::max(dx, dy);
}

Keyboard japanese(const ck::ui::Theme& theme, const Setup& s, KeyboardLayout layout)
{
    return Keyboard::layout(theme, s.width, KeyboardOptions { s.hide, s.panel, layout, ModeKeys::japanese });
}

} // namespace

TEST_CASE("every key of the kana and digits layouts is 9 mm or more and 2 mm or more from every other")
{
    for (const Setup& s : setups) {
        for (const KeyboardLayout layout :
            { KeyboardLayout::kana, KeyboardLayout::digits, KeyboardLayout::latin }) {
            const ck::ui::Theme theme(s.dpi, ck::ui::ContrastMode::normal, ck::ui::TextScale::normal);
            const Keyboard kb = japanese(theme, s, layout);
            INFO("dpi " << s.dpi << " width " << s.width << " layout " << ck::ui::to_string(layout));
            CHECK(kb.shown_layout() == layout);
            const float min_key = theme.px(ck::ui::key_min_mm) - 0.01f;
            const float min_gap = theme.px(ck::ui::key_gap_min_mm) - 0.01f;
            std::set<std::string> ids;
            for (std::size_t i = 0; i < kb.keys().size(); ++i) {
                const ck::Rect r = kb.keys()[i].rect;
                CHECK(ids.insert(kb.keys()[i].id).second);
                CHECK(r.w >= min_key);
                CHECK(r.h >= min_key);
                CHECK(r.right() <= kb.size().w + 0.01f);
                CHECK(r.bottom() <= kb.size().h + 0.01f);
                for (std::size_t j = i + 1; j < kb.keys().size(); ++j) {
                    CHECK(gap_between(r, kb.keys()[j].rect) >= min_gap);
                }
            }
        }
    }
}

TEST_CASE("the kana layout holds each kana of the gojūon grid once, with ゛゜小, space, backspace and the "
          "mode keys")
{
    const ck::ui::Theme theme(92, ck::ui::ContrastMode::normal, ck::ui::TextScale::normal);
    for (const Setup& s : setups) {
        const Keyboard kb = japanese(theme, s, KeyboardLayout::kana);
        std::multiset<std::string> typed;
        std::set<std::string> modes;
        int marks = 0;
        int hides = 0;
        for (const auto& k : kb.keys()) {
            switch (k.action) {
            case KeyAction::insert:
                typed.insert(k.text);
                CHECK(k.cap == k.text);
                break;
            case KeyAction::mode:
                modes.insert(k.text);
                break;
            case KeyAction::mark:
                ++marks;
                break;
            case KeyAction::hide:
                ++hides;
                break;
            case KeyAction::space:
            case KeyAction::backspace:
                break;
            }
        }
        CHECK(typed.size() == 46 + 1); // あ..ん and ー
        for (const char* k : { "あ", "か", "の", "ほ", "ゆ", "よ", "わ", "を", "ん", "ー" }) {
            CHECK(typed.count(k) == 1);
        }
        CHECK(modes == std::set<std::string> { "latin", "digits" });
        CHECK(marks == 1);
        CHECK(hides == (s.hide == HideKey::present ? 1 : 0));
        REQUIRE(kb.find("key:space") != nullptr);
        REQUIRE(kb.find("key:backspace") != nullptr);
        // The gojūon grid reads by columns: あ above い, あ left of か.
        CHECK(kb.find("key:あ")->rect.bottom() < kb.find("key:い")->rect.y);
        CHECK(kb.find("key:あ")->rect.right() < kb.find("key:か")->rect.x);
        CHECK(kb.find("key:あ")->rect.y == kb.find("key:わ")->rect.y);
    }
}

TEST_CASE("the Japanese QWERTY and digits layouts lead back to kana; the English keyboard has no mode keys")
{
    const ck::ui::Theme theme(92, ck::ui::ContrastMode::normal, ck::ui::TextScale::normal);
    const Setup s = setups.front();
    const Keyboard latin = japanese(theme, s, KeyboardLayout::latin);
    REQUIRE(latin.find("key:mode:kana") != nullptr);
    CHECK(latin.find("key:q") != nullptr);
    const Keyboard digits = japanese(theme, s, KeyboardLayout::digits);
    REQUIRE(digits.find("key:mode:kana") != nullptr);
    REQUIRE(digits.find("key:mode:latin") != nullptr);
    for (const char* k : { "key:1", "key:0", "key:年", "key:月", "key:-", "key:/" }) {
        CHECK(digits.find(k) != nullptr);
    }
    // Without mode keys a kana layout could not be left: the English visitor gets QWERTY.
    const Keyboard english = Keyboard::layout(
        theme, s.width, KeyboardOptions { s.hide, s.panel, KeyboardLayout::kana, ModeKeys::absent });
    CHECK(english.shown_layout() == KeyboardLayout::latin);
    CHECK(english.find("key:あ") == nullptr);
    CHECK(english.find("key:mode:kana") == nullptr);
    ck::ui::KeyboardLabels ja;
    ja.mode_format = "{key}に切り替え";
    ja.mark = "濁点・半濁点・小文字";
    CHECK(Keyboard::label_of(*latin.find("key:mode:kana"), ja) == "かなに切り替え");
    CHECK(Keyboard::label_of(*japanese(theme, s, KeyboardLayout::kana).find("key:mark"), ja) == ja.mark);
}

TEST_CASE("the ゛゜小 key cycles a kana through its voiced, semi-voiced and small forms and back")
{
    for (const std::u32string& cycle : { std::u32string(U"かが"), std::u32string(U"はばぱ"),
             std::u32string(U"つっづ"), std::u32string(U"よょ"), std::u32string(U"うぅゔ") }) {
        for (std::size_t i = 0; i < cycle.size(); ++i) {
            CHECK(ck::ui::kana::next_form(cycle[i]) == cycle[(i + 1) % cycle.size()]);
        }
    }
    CHECK(ck::ui::kana::next_form(U'ん') == U'ん');
    CHECK(ck::ui::kana::next_form(U'ー') == U'ー');
    CHECK(ck::ui::kana::next_form(U'a') == U'a');
    CHECK(ck::ui::kana::with_next_form("きたちよ") == "きたちょ");
    CHECK(ck::ui::kana::with_next_form("ほ") == "ぼ");
    CHECK(ck::ui::kana::with_next_form("") == "");
}
