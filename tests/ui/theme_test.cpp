#include "ui/theme.hpp"

#include <doctest/doctest.h>

using ck::ui::Color;
using ck::ui::contrast_ratio;
using ck::ui::ContrastMode;
using ck::ui::TextScale;
using ck::ui::Theme;

TEST_CASE("the WCAG contrast ratio is 21 for black on white and 1 for a colour on itself")
{
    CHECK(contrast_ratio(Color::hex(0x000000), Color::hex(0xFFFFFF)) == doctest::Approx(21.0));
    CHECK(contrast_ratio(Color::hex(0x777777), Color::hex(0x777777)) == doctest::Approx(1.0));
    CHECK(contrast_ratio(Color::hex(0x767676), Color::hex(0xFFFFFF)) == doctest::Approx(4.54).epsilon(0.01));
}

TEST_CASE("every text colour of both palettes reaches 7:1 on every surface it is drawn on")
{
    for (const ContrastMode mode : { ContrastMode::normal, ContrastMode::high }) {
        const Theme theme(92, mode, TextScale::normal);
        const auto& p = theme.palette();
        for (const Color surface : { p.paper, p.card, p.bar }) {
            CHECK(contrast_ratio(p.ink, surface) >= 7.0);
            CHECK(contrast_ratio(p.secondary, surface) >= 7.0);
            CHECK(contrast_ratio(p.accent, surface) >= 7.0);
        }
        CHECK(contrast_ratio(p.accent, p.accent_soft) >= 7.0);
        CHECK(contrast_ratio(p.on_accent, p.accent) >= 7.0);
        CHECK(contrast_ratio(p.ink, p.highlight) >= 7.0);
    }
}

TEST_CASE("every classification banner's text reaches 7:1 on its colour")
{
    const Theme theme(92, ContrastMode::normal, TextScale::normal);
    for (const char* marking :
        { "TOP SECRET", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "LIMITED OFFICIAL USE", "" }) {
        CAPTURE(marking);
        const auto banner = theme.banner(marking);
        CHECK(contrast_ratio(banner.text, banner.background) >= 7.0);
    }
    CHECK(theme.banner("SECRET").background != theme.banner("CONFIDENTIAL").background);
}

TEST_CASE("sizes follow the DPI and large text scales type by one and a half")
{
    const Theme normal(92, ContrastMode::normal, TextScale::normal);
    const Theme large(92, ContrastMode::normal, TextScale::large);
    const Theme dense(184, ContrastMode::normal, TextScale::normal);
    CHECK(normal.px(25.4f) == doctest::Approx(92));
    CHECK(dense.px(9) == doctest::Approx(2 * normal.px(9)));
    CHECK(large.text_px(6) == doctest::Approx(1.5f * normal.text_px(6)));
    CHECK(large.px(9) == doctest::Approx(normal.px(9)));
}
