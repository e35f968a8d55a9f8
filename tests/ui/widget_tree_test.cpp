#include "ui/widget_tree.hpp"

#include <doctest/doctest.h>

using ck::Rect;
using ck::ui::Role;
using ck::ui::Widget;
using ck::ui::WidgetTree;

namespace {

Widget button(const char* id, const char* label, Rect r)
{
    Widget w;
    w.id = id;
    w.role = Role::button;
    w.label = label;
    w.rect = r;
    w.interactive = true;
    return w;
}

} // namespace

TEST_CASE("a touch hits the topmost interactive widget under it")
{
    WidgetTree tree;
    tree.add(button("card", "Section", { 0, 0, 400, 300 }));
    tree.add(button("chip", "PREL", { 10, 10, 80, 40 }));
    REQUIRE(tree.hit({ 20, 20 }) != nullptr);
    CHECK(tree.hit({ 20, 20 })->id == "chip");
    CHECK(tree.hit({ 200, 200 })->id == "card");
    CHECK(tree.hit({ 500, 500 }) == nullptr);
}

TEST_CASE("text is found by label but never hit by a touch")
{
    WidgetTree tree;
    Widget text;
    text.label = "DIVERSION OF STRATEGIC GOODS";
    text.rect = { 0, 0, 300, 30 };
    tree.add(text);
    CHECK(tree.hit({ 10, 10 }) == nullptr);
    CHECK(tree.shows_text("strategic goods"));
    CHECK_FALSE(tree.shows_text("tokyo"));
}

TEST_CASE("a modal layer makes everything beneath it untouchable")
{
    WidgetTree tree;
    tree.add(button("back", "Back", { 0, 0, 50, 50 }));
    tree.begin_modal();
    tree.add(button("close", "Close", { 100, 100, 50, 50 }));
    CHECK(tree.hit({ 10, 10 }) == nullptr);
    CHECK(tree.hit({ 110, 110 })->id == "close");
    CHECK(tree.find_by_label("back") == nullptr);
}

TEST_CASE("find_by_label takes the first match in reading order and prefers what can be tapped")
{
    WidgetTree tree;
    tree.add(button("second", "Open cable", { 0, 200, 100, 40 }));
    tree.add(button("first", "Open cable", { 300, 10, 100, 40 }));
    Widget text;
    text.label = "Open cable is a phrase";
    text.rect = { 0, 0, 100, 20 };
    tree.add(text);
    REQUIRE(tree.find_by_label("OPEN CABLE") != nullptr);
    CHECK(tree.find_by_label("OPEN CABLE")->id == "first");
    CHECK(tree.find_by_label("phrase")->label == "Open cable is a phrase");
}

TEST_CASE("widgets are cut to the clip, and those outside it are dropped")
{
    WidgetTree tree;
    tree.push_clip({ 0, 100, 500, 300 });
    tree.add(button("above", "Above", { 0, 0, 100, 50 }));
    tree.add(button("partly", "Partly", { 0, 80, 100, 50 }));
    tree.pop_clip();
    CHECK(tree.find_by_id("above") == nullptr);
    REQUIRE(tree.find_by_id("partly") != nullptr);
    CHECK(tree.find_by_id("partly")->rect == Rect { 0, 100, 100, 30 });
}

TEST_CASE("a near miss within the slop still finds the closest target")
{
    WidgetTree tree;
    tree.add(button("a", "A", { 0, 0, 40, 40 }));
    tree.add(button("b", "B", { 100, 0, 40, 40 }));
    REQUIRE(tree.hit_near({ 45, 20 }, 10) != nullptr);
    CHECK(tree.hit_near({ 45, 20 }, 10)->id == "a");
    CHECK(tree.hit_near({ 70, 20 }, 10) == nullptr);
}
