// Issue 7: touch targets of 9 mm or more at the configured DPI and text contrast of 7:1 or more,
// computed from the theme and the widget tree of every screen, in both orientations, both
// languages, and with large text and high contrast.
#include "screens/chrome.hpp"
#include "support/app_harness.hpp"
#include "ui/accessibility_audit.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

using ck::Millis;
using ck::Point;
using ck::Size;
using ck::test::AppHarness;

namespace {

struct Variant {
    Size size;
    const char* lang_toggle; // nullptr: English
    bool large_text;
    bool high_contrast;
    float dpi;
};

std::string describe(const std::vector<ck::ui::Finding>& findings)
{
    std::ostringstream out;
    for (const auto& f : findings) {
        out << "\n  " << f.widget << ": " << f.problem;
    }
    return out.str();
}

void check_frame(AppHarness& h, const std::string& where)
{
    const auto& frame = h.frame();
    const auto findings = ck::ui::audit(frame.tree(), frame.theme(), frame.viewport());
    INFO(where << " (" << h.app().screen_name() << ")" << describe(findings));
    CHECK(findings.empty());
}

// Every screen a visitor can reach from home in one or two taps, checked as it appears.
void walk(AppHarness& h, const std::string& where)
{
    check_frame(h, where + " home");
    for (const std::string& id :
        { std::string("home.search"), std::string("home.timeline"), std::string("home.about") }) {
        if (h.frame().tree().find_by_id(id) == nullptr) {
            continue; // scrolled out of view in portrait with large text; the walk below covers it
        }
        h.tap_id(id);
        h.wait(Millis { 400 });
        check_frame(h, where + " " + id);
        h.tap_id(ck::screens::nav_id::home);
        h.wait(Millis { 400 });
    }
}

} // namespace

TEST_CASE("every screen's touch targets are 9 mm or more and its text reaches 7:1")
{
    const Variant variants[] = {
        { { 1920, 1080 }, nullptr, false, false, 92 },
        { { 1080, 1920 }, nullptr, false, false, 92 },
        { { 1920, 1080 }, "lang", false, false, 92 },
        { { 1080, 1920 }, "lang", true, false, 92 },
        { { 1920, 1080 }, nullptr, true, true, 92 },
        { { 1080, 1920 }, nullptr, false, true, 92 },
        { { 3840, 2160 }, nullptr, false, false, 185 },
        { { 1280, 800 }, nullptr, false, false, 150 },
    };
    for (const Variant& v : variants) {
        ck::app::AppOptions options;
        options.dpi = v.dpi;
        AppHarness h(v.size, options);
        const std::string where = std::to_string(static_cast<int>(v.size.w)) + "x"
            + std::to_string(static_cast<int>(v.size.h)) + (v.lang_toggle ? " ja" : " en")
            + (v.large_text ? " large" : "") + (v.high_contrast ? " high-contrast" : "") + " @"
            + std::to_string(static_cast<int>(v.dpi)) + "dpi";
        h.wait(Millis { 3000 });
        check_frame(h, where + " attract");
        h.tap(Point { v.size.w / 2, v.size.h / 2 });
        h.wait(Millis { 400 });
        if (v.lang_toggle != nullptr) {
            h.tap_id(ck::screens::nav_id::language);
        }
        if (v.large_text) {
            h.tap_id(ck::screens::nav_id::large_text);
        }
        if (v.high_contrast) {
            h.tap_id(ck::screens::nav_id::high_contrast);
        }
        walk(h, where);
    }
}

TEST_CASE("the out-of-order screen passes the same audit")
{
    AppHarness h({ 1080, 1920 }, {}, false);
    check_frame(h, "out of order");
}

TEST_CASE("the audit itself catches a small target, low contrast and text at the screen's edge")
{
    const ck::ui::Theme theme(92, ck::ui::ContrastMode::normal, ck::ui::TextScale::normal);
    ck::ui::WidgetTree tree;
    ck::ui::Widget small;
    small.id = "small";
    small.role = ck::ui::Role::button;
    small.interactive = true;
    small.rect = { 100, 100, 20, 60 };
    tree.add(small);
    ck::ui::Widget faint;
    faint.id = "faint";
    faint.role = ck::ui::Role::text;
    faint.label = "grey on paper";
    faint.rect = { 200, 200, 100, 20 };
    faint.text_color = ck::ui::Color::hex(0x999999);
    faint.background = theme.palette().paper;
    tree.add(faint);
    ck::ui::Widget edge = faint;
    edge.id = "edge";
    edge.text_color = theme.palette().ink;
    edge.rect = { 2, 300, 100, 20 };
    tree.add(edge);
    const auto findings = ck::ui::audit(tree, theme, { 1920, 1080 });
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].widget == "small");
    CHECK(findings[1].widget == "faint");
    CHECK(findings[2].widget == "edge");
}

TEST_CASE("the audit itself catches a selected, pressed or disabled state that does not show")
{
    const ck::ui::Theme theme(92, ck::ui::ContrastMode::high, ck::ui::TextScale::normal);
    const ck::ui::Palette& p = theme.palette();
    ck::ui::WidgetTree tree;
    ck::ui::Widget unmarked;
    unmarked.id = "unmarked";
    unmarked.role = ck::ui::Role::toggle;
    unmarked.interactive = true;
    unmarked.selected = true; // "on", but drawn exactly like "off"
    unmarked.rect = { 100, 100, 200, 80 };
    tree.add(unmarked);
    ck::ui::Widget white_on_white = unmarked;
    white_on_white.id = "white-on-white";
    white_on_white.selected = false;
    white_on_white.pressed = true;
    white_on_white.state_mark = p.accent_soft; // the high-contrast tint is white: no mark at all
    white_on_white.surround = p.bar;
    white_on_white.rect = { 400, 100, 200, 80 };
    tree.add(white_on_white);
    ck::ui::Widget looks_enabled = unmarked;
    looks_enabled.id = "looks-enabled";
    looks_enabled.selected = false;
    looks_enabled.interactive = false;
    looks_enabled.disabled = true;
    looks_enabled.text_color = p.accent;
    looks_enabled.background = p.bar;
    looks_enabled.rect = { 700, 100, 200, 80 };
    tree.add(looks_enabled);
    const auto findings = ck::ui::audit(tree, theme, { 1920, 1080 });
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].widget == "unmarked");
    CHECK(findings[1].widget == "white-on-white");
    CHECK(findings[2].widget == "looks-enabled");
}

TEST_CASE("in both themes the current screen, the toggles that are on, a pressed control and a disabled one "
          "show their state")
{
    for (const bool high : { false, true }) {
        CAPTURE(high);
        AppHarness h({ 1920, 1080 });
        h.wait(Millis { 1000 });
        h.tap(Point { 960, 540 });
        h.wait(Millis { 400 });
        h.tap_id(ck::screens::nav_id::large_text);
        if (high) {
            h.tap_id(ck::screens::nav_id::high_contrast);
        }
        const ck::ui::WidgetTree& tree = h.frame().tree();
        const ck::ui::Widget* home = tree.find_by_id(ck::screens::nav_id::home);
        const ck::ui::Widget* large = tree.find_by_id(ck::screens::nav_id::large_text);
        const ck::ui::Widget* back = tree.find_by_id(ck::screens::nav_id::back);
        REQUIRE(home != nullptr);
        REQUIRE(large != nullptr);
        REQUIRE(back != nullptr);
        CHECK(home->selected);
        CHECK(large->selected);
        CHECK(back->disabled);
        check_frame(h, high ? "high contrast home" : "paper home");

        // A finger held on a button: the pressed ring is drawn and audited while it is down.
        for (const std::string_view id : { std::string_view("home.timeline"), std::string_view("home.search"),
                 ck::screens::nav_id::search }) {
            CAPTURE(id);
            const ck::ui::Widget* w = h.frame().tree().find_by_id(id);
            REQUIRE(w != nullptr);
            const Point at = w->rect.center();
            const std::size_t before = h.frame().draw().vertices().size();
            h.app().handle(ck::input::PointerEvent {
                ck::input::PointerEvent::Kind::down, 77, at, h.now(), ck::input::PointerSource::touch });
            const ck::ui::Widget* pressed = h.frame().tree().find_by_id(id);
            REQUIRE(pressed != nullptr);
            CHECK(pressed->pressed);
            CHECK(h.frame().draw().vertices().size() > before); // the ring is geometry, not a flag
            check_frame(h, std::string(high ? "high contrast" : "paper") + " pressed " + std::string(id));
            h.app().handle(ck::input::PointerEvent {
                ck::input::PointerEvent::Kind::cancel, 77, at, h.now(), ck::input::PointerSource::touch });
            h.frame();
        }
    }
}

TEST_CASE("the audit fails a frame with no widgets: a screen that drew nothing does not pass")
{
    const ck::ui::Theme theme(92, ck::ui::ContrastMode::normal, ck::ui::TextScale::normal);
    const ck::ui::WidgetTree empty;
    const auto findings = ck::ui::audit(empty, theme, { 1920, 1080 });
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].problem.find("empty") != std::string::npos);
}
