// Icons are drawn from lines and circles so they scale with the DPI and need no image files.
#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace ck::ui {
namespace {

struct Colors {
    Color background;
    Color text;
    bool has_background = false;
};

Colors colors_for(const Canvas& canvas, const ButtonSpec& spec, bool pressed)
{
    const Palette& p = canvas.theme().palette();
    switch (spec.look) {
    case Look::filled:
        return { p.accent, p.on_accent, true };
    case Look::quiet:
        if (spec.selected || pressed) {
            return { p.accent_soft, p.accent, true };
        }
        return { p.bar, p.accent, false };
    case Look::outline:
        return { pressed ? p.accent_soft : p.card, p.accent, true };
    case Look::chip:
        if (spec.selected) {
            return { p.accent, p.on_accent, true };
        }
        return { pressed ? p.card : p.accent_soft, p.accent, true };
    }
    return { p.card, p.ink, true };
}

text::TextStyle label_style(const Canvas& canvas, const ButtonSpec& spec)
{
    const float mm = spec.text_mm > 0 ? spec.text_mm : canvas.theme().type().ui_mm;
    return text::TextStyle { text::Family::sans, spec.weight, canvas.theme().text_px(mm) };
}

} // namespace

float button_width(Canvas& canvas, const ButtonSpec& spec)
{
    const text::TextStyle style = label_style(canvas, spec);
    const float pad = canvas.theme().px(4);
    const float icon
        = spec.icon == Icon::none ? 0 : style.size_px * 1.1f + (spec.label.empty() ? 0 : pad * 0.6f);
    const float label = spec.label.empty() ? 0 : canvas.text().fonts.measure(spec.label, style);
    return std::max(canvas.theme().px(canvas.theme().spacing().target_mm), icon + label + 2 * pad);
}

void button(Canvas& canvas, const ButtonSpec& spec)
{
    const Theme& theme = canvas.theme();
    const bool pressed = canvas.is_pressed(spec.id);
    const Colors c = colors_for(canvas, spec, pressed);
    const float radius = spec.look == Look::chip ? spec.rect.h / 2 : theme.px(theme.spacing().corner_mm);
    const Color behind = spec.look == Look::quiet && !c.has_background ? theme.palette().bar : c.background;
    if (c.has_background) {
        canvas.draw().fill_rounded_rect(spec.rect, radius, c.background);
    }
    if (spec.look == Look::outline) {
        canvas.draw().stroke_rounded_rect(
            spec.rect, radius, std::max(1.0f, theme.px(0.3f)), theme.palette().accent);
    }
    const text::TextStyle style = label_style(canvas, spec);
    const float icon_size = spec.icon == Icon::none ? 0 : style.size_px * 1.1f;
    const float gap = spec.label.empty() ? 0 : theme.px(4) * 0.6f;
    float label_w = 0;
    std::shared_ptr<const text::Layout> laid;
    if (!spec.label.empty()) {
        const float room = std::max(1.0f, spec.rect.w - icon_size - gap - theme.px(2));
        laid = canvas.layout(spec.label, style, room, text::WrapMode::words, text::Align::start, 1.2f, 1);
        label_w = laid->size().w;
    }
    const float total = icon_size + (spec.icon != Icon::none && laid ? gap : 0) + label_w;
    float x = spec.rect.x + (spec.rect.w - total) / 2;
    if (spec.icon != Icon::none) {
        const Rect box { x, spec.rect.center().y - icon_size / 2, icon_size, icon_size };
        draw_icon(canvas.draw(), spec.icon, box, c.text, std::max(1.5f, style.size_px * 0.09f));
        x += icon_size + gap;
    }
    if (laid) {
        const float y = spec.rect.center().y - laid->size().h / 2;
        canvas.draw_layout(*laid, { x, y }, c.text);
    }
    Widget w;
    w.id = spec.id;
    w.role = spec.role;
    w.label = spec.accessible_label.empty() ? spec.label : spec.accessible_label;
    w.rect = spec.rect.translated(canvas.draw().offset().x, canvas.draw().offset().y);
    w.interactive = true;
    w.selected = spec.selected;
    if (spec.selected) {
        // A selected chip is filled with the accent; a selected quiet button is marked by its
        // soft fill only in the paper theme, so it gets an underline as well.
        w.state_mark = c.background;
        if (spec.look == Look::quiet) {
            const float mark_w = spec.rect.w * 0.5f;
            canvas.draw().fill_rect({ spec.rect.center().x - mark_w / 2, spec.rect.bottom() - theme.px(1.2f),
                                        mark_w, std::max(2.0f, theme.px(0.6f)) },
                theme.palette().accent);
            w.state_mark = theme.palette().accent;
        }
    }
    if (!spec.label.empty()) {
        w.text_color = c.text;
        w.background = behind;
        w.text_px = style.size_px;
    }
    canvas.add_widget(std::move(w));
}

void draw_icon(DrawList& draw, Icon icon, Rect box, Color color, float stroke)
{
    const Point c = box.center();
    const float s = std::min(box.w, box.h) / 2;
    switch (icon) {
    case Icon::none:
        return;
    case Icon::back:
    case Icon::forward: {
        const float dir = icon == Icon::back ? -1.0f : 1.0f;
        const Point tip { c.x + dir * s * 0.55f, c.y };
        draw.line({ c.x - dir * s * 0.7f, c.y }, tip, stroke, color);
        draw.line(tip, { tip.x - dir * s * 0.5f, c.y - s * 0.5f }, stroke, color);
        draw.line(tip, { tip.x - dir * s * 0.5f, c.y + s * 0.5f }, stroke, color);
        return;
    }
    case Icon::up:
        draw.line({ c.x, c.y + s * 0.7f }, { c.x, c.y - s * 0.55f }, stroke, color);
        draw.line({ c.x, c.y - s * 0.55f }, { c.x - s * 0.5f, c.y - s * 0.05f }, stroke, color);
        draw.line({ c.x, c.y - s * 0.55f }, { c.x + s * 0.5f, c.y - s * 0.05f }, stroke, color);
        return;
    case Icon::home:
        draw.line({ c.x - s * 0.75f, c.y - s * 0.05f }, { c.x, c.y - s * 0.75f }, stroke, color);
        draw.line({ c.x, c.y - s * 0.75f }, { c.x + s * 0.75f, c.y - s * 0.05f }, stroke, color);
        draw.line({ c.x - s * 0.55f, c.y - s * 0.2f }, { c.x - s * 0.55f, c.y + s * 0.7f }, stroke, color);
        draw.line({ c.x + s * 0.55f, c.y - s * 0.2f }, { c.x + s * 0.55f, c.y + s * 0.7f }, stroke, color);
        draw.line({ c.x - s * 0.55f - stroke / 2, c.y + s * 0.7f },
            { c.x + s * 0.55f + stroke / 2, c.y + s * 0.7f }, stroke, color);
        return;
    case Icon::search:
        draw.stroke_circle({ c.x - s * 0.15f, c.y - s * 0.15f }, s * 0.5f, stroke, color);
        draw.line(
            { c.x + s * 0.22f, c.y + s * 0.22f }, { c.x + s * 0.72f, c.y + s * 0.72f }, stroke * 1.3f, color);
        return;
    case Icon::language:
        draw.stroke_circle(c, s * 0.72f, stroke, color);
        draw.line({ c.x - s * 0.72f, c.y }, { c.x + s * 0.72f, c.y }, stroke * 0.8f, color);
        draw.stroke_rounded_rect(
            { c.x - s * 0.3f, c.y - s * 0.72f, s * 0.6f, s * 1.44f }, s * 0.3f, stroke * 0.8f, color);
        return;
    case Icon::text_size:
        // A small and a large "A", drawn as strokes.
        draw.line(
            { c.x - s * 0.9f, c.y + s * 0.5f }, { c.x - s * 0.55f, c.y - s * 0.2f }, stroke * 0.8f, color);
        draw.line(
            { c.x - s * 0.55f, c.y - s * 0.2f }, { c.x - s * 0.2f, c.y + s * 0.5f }, stroke * 0.8f, color);
        draw.line({ c.x - s * 0.05f, c.y + s * 0.7f }, { c.x + s * 0.45f, c.y - s * 0.7f }, stroke, color);
        draw.line({ c.x + s * 0.45f, c.y - s * 0.7f }, { c.x + s * 0.95f, c.y + s * 0.7f }, stroke, color);
        draw.line(
            { c.x + s * 0.17f, c.y + s * 0.15f }, { c.x + s * 0.73f, c.y + s * 0.15f }, stroke * 0.8f, color);
        return;
    case Icon::contrast:
        draw.stroke_circle(c, s * 0.72f, stroke, color);
        draw.fill_triangle(
            { c.x, c.y - s * 0.72f }, { c.x + s * 0.72f, c.y }, { c.x, c.y + s * 0.72f }, color);
        draw.fill_triangle(
            { c.x + s * 0.72f, c.y }, { c.x + s * 0.51f, c.y - s * 0.51f }, { c.x, c.y - s * 0.72f }, color);
        draw.fill_triangle(
            { c.x + s * 0.72f, c.y }, { c.x + s * 0.51f, c.y + s * 0.51f }, { c.x, c.y + s * 0.72f }, color);
        return;
    case Icon::close:
    case Icon::clear:
        draw.line({ c.x - s * 0.55f, c.y - s * 0.55f }, { c.x + s * 0.55f, c.y + s * 0.55f }, stroke, color);
        draw.line({ c.x + s * 0.55f, c.y - s * 0.55f }, { c.x - s * 0.55f, c.y + s * 0.55f }, stroke, color);
        return;
    }
}

void classification_banner(Canvas& canvas, Rect rect, std::string_view marking, std::string_view id)
{
    const Theme& theme = canvas.theme();
    const BannerColors colors = theme.banner(marking);
    canvas.draw().fill_rect(rect, colors.background);
    const std::string label = marking.empty() ? std::string("NOT MARKED") : std::string(marking);
    TextSpec spec;
    spec.style = { text::Family::sans, text::Weight::bold,
        std::min(rect.h * 0.5f, theme.text_px(theme.type().ui_mm)) };
    spec.color = colors.text;
    spec.background = colors.background;
    spec.align = text::Align::center;
    spec.role = Role::banner;
    spec.max_lines = 1;
    const auto laid
        = canvas.layout(label, spec.style, rect.w, text::WrapMode::words, text::Align::center, 1.2f, 1);
    canvas.text(id, label, { rect.x, rect.center().y - laid->size().h / 2 }, rect.w, spec);
}

} // namespace ck::ui
