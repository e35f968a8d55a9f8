// The Japanese keyboard on the search screen (issue 13): kana waits beside the box, the terms of the
// pack's readings table are offered for it, a tapped term is searched, and the layout follows the
// UI language; and the places of rows and the reader's card in Japanese from the names table.
#include "screens/cable_row.hpp"
#include "screens/kana_input.hpp"
#include "screens/place_names.hpp"
#include "search_fixture.hpp"
#include "ui/accessibility_audit.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

using ck::test::SearchRig;
using ck::ui::KeyboardLayout;

namespace {

// The labels of the chips offered for typed kana, in order.
std::vector<std::string> offered(SearchRig& rig)
{
    std::vector<std::string> out;
    for (const ck::ui::Widget& w : rig.frame().widgets()) {
        if (w.id.starts_with("kana:")) {
            out.push_back(w.id.substr(5));
        }
    }
    return out;
}

std::string findings(const ck::ui::WidgetTree& tree, ck::Size viewport)
{
    const ck::ui::Theme theme(92.0f, ck::ui::ContrastMode::normal, ck::ui::TextScale::normal);
    std::ostringstream out;
    for (const auto& f : ck::ui::audit(tree, theme, viewport)) {
        out << "\n  " << f.widget << ": " << f.problem;
    }
    return out.str();
}

bool tap_all(SearchRig& rig, const std::vector<std::string>& ids)
{
    for (const std::string& id : ids) {
        if (!rig.tap(id)) {
            MESSAGE("no key " << id);
            return false;
        }
    }
    return true;
}

} // namespace

TEST_CASE("typed kana waits, is edited kana by kana, and is taken whole")
{
    ck::screens::KanaInput kana;
    CHECK_FALSE(kana.mark());
    CHECK_FALSE(kana.backspace());
    kana.type("き");
    kana.type("よ");
    CHECK(kana.mark());
    CHECK(kana.pending() == "きょ");
    CHECK(kana.backspace());
    CHECK(kana.pending() == "き");
    CHECK(kana.take() == "き");
    CHECK(kana.empty());
    for (int i = 0; i < 100; ++i) {
        kana.type("あ");
    }
    CHECK(kana.pending().size() <= ck::screens::KanaInput::max_bytes);
}

TEST_CASE("the terms offered for kana are those whose reading starts with it, exact readings first")
{
    const std::vector<ck::content::TermReading> table = { { "核兵器", "かくへいき", 1 }, { "核", "かく", 2 },
        { "韓国", "かんこく", 3 }, { "日本", "にほん", 4 }, { "日本", "にっぽん", 5 } };
    struct Case {
        const char* typed;
        std::vector<std::string> terms;
    };
    const std::vector<Case> cases = {
        { "か", { "核", "韓国", "核兵器" } },
        { "かく", { "核", "核兵器" } },
        { "かくへ", { "核兵器" } },
        { "に", { "日本" } }, // two readings, offered once
        { "にっ", { "日本" } },
        { "ほ", {} },
        { "", {} },
    };
    for (const Case& c : cases) {
        CAPTURE(c.typed);
        CHECK(ck::screens::kana_suggestions(table, c.typed) == c.terms);
    }
    CHECK(ck::screens::kana_suggestions(table, "か", 2).size() == 2);
}

TEST_CASE(
    "in the Japanese UI kana typed on the keyboard offers the exhibit's terms, and a tapped one is searched")
{
    struct Case {
        std::vector<std::string> keys;
        const char* term;
        const char* widened; // an English word searched for it
    };
    const std::vector<Case> cases = {
        { { "key:に", "key:ほ", "key:ん" }, "日本", "japan" },
        { { "key:き", "key:た", "key:ち", "key:よ", "key:mark", "key:う", "key:せ", "key:ん" }, "北朝鮮",
            "dprk" },
        { { "key:そ", "key:れ", "key:ん" }, "ソ連", "ussr" },
        { { "key:か", "key:mark", "key:い", "key:む", "key:し", "key:よ", "key:mark", "key:う" }, "外務省",
            "mofa" },
    };
    for (const bool portrait : { false, true }) {
        for (const Case& c : cases) {
            CAPTURE(c.term);
            CAPTURE(portrait);
            SearchRig rig(portrait ? ck::Size { 1080, 1920 } : ck::Size { 1920, 1080 }, "ja");
            REQUIRE(rig.settle());
            CHECK(rig.screen().keyboard_layout() == KeyboardLayout::kana);
            REQUIRE(tap_all(rig, c.keys));
            // The kana is shown (as the box's composition) but not searched.
            CHECK(rig.screen().field().text().empty());
            CHECK_FALSE(rig.screen().field().composition().empty());
            const std::vector<std::string> terms = offered(rig);
            REQUIRE_FALSE(terms.empty());
            CHECK(terms.front() == c.term);
            REQUIRE(rig.tap(std::string("kana:") + c.term));
            CHECK(rig.screen().field().text() == c.term);
            CHECK(rig.screen().field().composition().empty());
            REQUIRE(rig.settle());
            CHECK(rig.screen().shown().results.total >= 1);
            bool widened = false;
            for (const auto& w : rig.screen().shown().results.widened) {
                for (const std::string& form : w.forms) {
                    widened = widened || form == c.widened;
                }
            }
            CHECK(widened);
            CHECK(offered(rig).empty());
        }
    }
}

TEST_CASE("in the Japanese UI romaji or katakana typed on a USB keyboard offers the same terms, and a tapped "
          "one replaces the typed word")
{
    struct Case {
        const char* typed;
        const char* term;
    };
    const std::vector<Case> cases = { { "nihon", "日本" }, { "kitachousen", "北朝鮮" }, { "ソレン", "ソ連" },
        { "gaimushou", "外務省" } };
    for (const Case& c : cases) {
        CAPTURE(c.typed);
        SearchRig rig({ 1920, 1080 }, "ja");
        REQUIRE(rig.settle());
        rig.type(c.typed);
        REQUIRE(rig.settle());
        const std::string chip = std::string("complete:") + c.term;
        bool shown = false;
        for (const ck::ui::Widget& w : rig.frame().widgets()) {
            shown = shown || w.id == chip;
        }
        REQUIRE(shown);
        REQUIRE(rig.tap(chip));
        CHECK(rig.screen().field().text().starts_with(c.term));
        CHECK(rig.screen().field().text().find(c.typed) == std::string::npos);
        REQUIRE(rig.settle());
        CHECK(rig.screen().shown().results.total >= 1);
    }
    // The English UI searches what was typed and offers no Japanese term for it.
    SearchRig english({ 1920, 1080 }, "en");
    REQUIRE(english.settle());
    english.type("nihon");
    REQUIRE(english.settle());
    for (const ck::ui::Widget& w : english.frame().widgets()) {
        CHECK(w.id != "complete:日本");
    }
}

TEST_CASE("space commits kana as typed, backspace removes one kana, and the mode keys switch layouts")
{
    SearchRig rig({ 1920, 1080 }, "ja");
    REQUIRE(rig.settle());
    REQUIRE(tap_all(rig, { "key:に", "key:ほ", "key:backspace" }));
    CHECK(rig.screen().kana().pending() == "に");
    REQUIRE(rig.tap("key:space"));
    CHECK(rig.screen().field().text() == "に");
    CHECK(rig.screen().kana().empty());
    REQUIRE(rig.tap("key:backspace"));
    CHECK(rig.screen().field().text().empty());
    REQUIRE(rig.tap("key:mode:digits"));
    CHECK(rig.screen().keyboard_layout() == KeyboardLayout::digits);
    REQUIRE(tap_all(rig, { "key:1", "key:9", "key:7", "key:7", "key:年" }));
    CHECK(rig.screen().field().text() == "1977年");
    REQUIRE(rig.settle());
    CHECK(rig.screen().shown().results.total >= 1);
    REQUIRE(rig.tap("key:mode:latin"));
    REQUIRE(rig.tap("key:mode:kana"));
    CHECK(rig.screen().keyboard_layout() == KeyboardLayout::kana);
    // Every key of every layout is a labelled target.
    for (const ck::ui::Widget& w : rig.frame().widgets()) {
        if (w.role == ck::ui::Role::key) {
            CHECK(w.interactive);
            CHECK_FALSE(w.label.empty());
        }
    }
}

TEST_CASE("the English UI keeps its QWERTY keyboard with no kana and no mode keys")
{
    SearchRig rig({ 1920, 1080 }, "en");
    REQUIRE(rig.settle());
    CHECK(rig.screen().keyboard_layout() == KeyboardLayout::latin);
    CHECK(rig.frame().find_by_id("key:mode:kana") == nullptr);
    CHECK(rig.frame().find_by_id("key:あ") == nullptr);
    CHECK(rig.frame().find_by_id("key:q") != nullptr);
}

TEST_CASE("posts are named in Japanese from the names table, in English where it has none")
{
    SearchRig rig({ 1920, 1080 }, "ja");
    const ck::screens::Strings ja(&rig.pack(), "ja");
    const ck::screens::Strings en(&rig.pack(), "en");
    struct Case {
        const char* written;
        const char* shown;
        const char* in_japanese;
    };
    const std::vector<Case> cases = {
        { "AMEMBASSY TOKYO", "Embassy Tokyo", "在東京米国大使館" },
        { "SECSTATE WASHDC", "Secretary of State", "国務長官" },
        { "", "Embassy Tripoli", "在トリポリ米国大使館" },
        { "AMCONSUL SHANGHAI", "Consulate Shanghai", "在上海米国総領事館" },
        { "KOREA COLLECTIVE", "KOREA COLLECTIVE", "KOREA COLLECTIVE" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.written);
        CHECK(ck::screens::place_name(ja, c.written, c.shown) == c.in_japanese);
        CHECK(ck::screens::place_name(en, c.written, c.shown) == c.shown);
    }
    ck::content::CableSummary row;
    row.from = "SECSTATE WASHDC";
    row.origin = "Secretary of State";
    row.first_to = "AMEMBASSY TOKYO";
    CHECK(ck::screens::route_line(row, ja) == "国務長官 → 在東京米国大使館");
    CHECK(ck::screens::route_line(row, en) == "Washington → Embassy Tokyo");
}

TEST_CASE("the kana and digits layouts with offered terms pass the accessibility audit in both orientations")
{
    for (const ck::Size size : { ck::Size { 1920, 1080 }, ck::Size { 1080, 1920 } }) {
        INFO(size.w << "x" << size.h);
        SearchRig rig(size, "ja");
        REQUIRE(rig.settle());
        REQUIRE(tap_all(rig, { "key:か", "key:mark" }));
        REQUIRE_FALSE(offered(rig).empty());
        CHECK(findings(rig.frame(), size) == "");
        REQUIRE(rig.tap("key:mode:digits"));
        CHECK(findings(rig.frame(), size) == "");
        REQUIRE(rig.tap("key:mode:latin"));
        CHECK(findings(rig.frame(), size) == "");
    }
}
