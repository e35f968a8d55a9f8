// The bar's buttons stack an icon over a short label, the way a tab bar does, so six of them fit
// a 1080-pixel portrait width in both languages. Their size is fixed in millimetres (not scaled by
// large text) so they stay in the same place on every screen.
#include "screens/chrome.hpp"

#include "ui/widgets.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace ck::screens {
namespace {

constexpr float bar_height_mm = 19.0f;
constexpr float banner_height_mm = 9.0f;
constexpr float bar_label_mm = 4.4f;

struct BarButton {
    std::string_view id;
    std::string label;
    ui::Icon icon;
    bool selected;
    bool enabled;
};

void bar_button(ui::Canvas& canvas, const BarButton& b, Rect rect)
{
    const ui::Theme& theme = canvas.theme();
    const ui::Palette& p = theme.palette();
    const bool pressed = canvas.is_pressed(b.id);
    if (b.selected || pressed) {
        canvas.draw().fill_rounded_rect(
            rect.inset(theme.px(0.8f), theme.px(0.8f)), theme.px(2), p.accent_soft);
    }
    const ui::Color fg = b.enabled ? p.accent : p.disabled;
    const ui::Color bg = (b.selected || pressed) ? p.accent_soft : p.bar;
    if (b.selected) {
        // A bar along the button's lower edge says "on" (or "you are here") in every theme, not by a
        // tint alone; it stays clear of the label's descenders.
        const float mark_w = rect.w * 0.6f;
        const float mark_h = std::max(3.0f, std::round(theme.px(0.9f)));
        canvas.draw().fill_rect({ std::round(rect.center().x - mark_w / 2), rect.bottom() - mark_h - 1,
                                    std::round(mark_w), mark_h },
            p.accent);
    }
    const float icon = theme.px(7.5f);
    const float label_px = theme.px(bar_label_mm);
    const float block = icon + theme.px(1.2f) + label_px * 1.25f;
    const float top = rect.center().y - block / 2;
    ui::draw_icon(canvas.draw(), b.icon, { rect.center().x - icon / 2, top, icon, icon }, fg,
        std::max(1.5f, theme.px(0.55f)));
    ui::TextSpec spec;
    spec.style = { text::Family::sans, text::Weight::semibold, label_px };
    spec.color = fg;
    spec.background = bg;
    spec.align = text::Align::center;
    spec.max_lines = 1;
    spec.line_height = 1.25f;
    // The label is part of the button's widget below; draw it without a second widget.
    const auto laid = canvas.layout(
        b.label, spec.style, rect.w - theme.px(1), text::WrapMode::words, text::Align::center, 1.25f, 1);
    canvas.draw_layout(*laid, { rect.x + theme.px(0.5f), top + icon + theme.px(1.2f) }, fg);
    ui::Widget w;
    w.id = std::string(b.id);
    w.role = b.id == nav_id::language || b.id == nav_id::large_text || b.id == nav_id::high_contrast
        ? ui::Role::toggle
        : ui::Role::button;
    w.label = b.label;
    w.rect = rect.translated(canvas.draw().offset().x, canvas.draw().offset().y);
    w.interactive = b.enabled;
    w.selected = b.selected;
    w.disabled = !b.enabled;
    if (b.selected) {
        w.state_mark = p.accent;
    }
    w.surround = p.bar;
    w.text_color = fg;
    w.background = bg;
    w.text_px = label_px;
    canvas.add_widget(std::move(w));
}

} // namespace

ChromeLayout chrome_layout(const ui::Theme& theme, Size viewport, bool navigation, bool banners)
{
    ChromeLayout out;
    out.portrait = viewport.h > viewport.w;
    float top = 0;
    float bottom = viewport.h;
    const float banner_h = theme.px(banner_height_mm);
    const float bar_h = theme.px(bar_height_mm);
    if (banners) {
        out.top_banner = Rect { 0, 0, viewport.w, banner_h };
        top += banner_h;
    }
    if (navigation && out.portrait) {
        out.nav_bar = Rect { 0, viewport.h - bar_h, viewport.w, bar_h };
        bottom -= bar_h;
    }
    if (banners) {
        out.bottom_banner = Rect { 0, bottom - banner_h, viewport.w, banner_h };
        bottom -= banner_h;
    }
    if (navigation && !out.portrait) {
        out.nav_bar = Rect { 0, top, viewport.w, bar_h };
        top += bar_h;
    }
    out.body = Rect { 0, top, viewport.w, std::max(0.0f, bottom - top) };
    return out;
}

void build_nav_bar(ui::Canvas& canvas, Rect bar, const NavState& state, const Strings& strings)
{
    const ui::Theme& theme = canvas.theme();
    const ui::Palette& p = theme.palette();
    canvas.draw().fill_rect(bar, p.bar);
    const float rule = std::max(1.0f, theme.px(0.25f));
    const bool at_bottom = bar.y > canvas.viewport().h / 2;
    canvas.draw().fill_rect({ bar.x, at_bottom ? bar.y : bar.bottom() - rule, bar.w, rule }, p.rule);

    const std::array<BarButton, 6> buttons = { {
        { nav_id::back, strings.get("nav.back"), ui::Icon::back, false, state.can_go_back },
        { nav_id::home, strings.get("nav.home"), ui::Icon::home, state.at_home, true },
        { nav_id::search, strings.get("nav.search"), ui::Icon::search, state.at_search, true },
        { nav_id::language, state.other_language_label, ui::Icon::language, false, true },
        { nav_id::large_text, strings.get("nav.large_text"), ui::Icon::text_size, state.large_text, true },
        { nav_id::high_contrast, strings.get("nav.high_contrast"), ui::Icon::contrast, state.high_contrast,
            true },
    } };
    const float margin = theme.px(theme.spacing().margin_mm) * 0.6f;
    const float gap = theme.px(theme.spacing().target_gap_mm);
    const float h = bar.h - theme.px(1.5f);
    const float y = bar.y + (bar.h - h) / 2;
    const float available = bar.w - 2 * margin;
    // Equal widths; in landscape the first two sit at the left and the rest at the right.
    const float w = std::min(theme.px(34), (available - 5 * gap) / 6);
    if (at_bottom) {
        const float total = 6 * w + 5 * gap;
        float x = bar.x + (bar.w - total) / 2;
        for (const BarButton& b : buttons) {
            bar_button(canvas, b, { x, y, w, h });
            x += w + gap;
        }
        return;
    }
    float x = bar.x + margin;
    for (std::size_t i = 0; i < 2; ++i) {
        bar_button(canvas, buttons[i], { x, y, w, h });
        x += w + gap;
    }
    x = bar.right() - margin - 4 * w - 3 * gap;
    for (std::size_t i = 2; i < buttons.size(); ++i) {
        bar_button(canvas, buttons[i], { x, y, w, h });
        x += w + gap;
    }
}

} // namespace ck::screens
