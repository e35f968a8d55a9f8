// Text that changes with every keystroke (the query, snippets) is laid out under an empty id, so
// the layout cache keys it by a hash of the text itself: an id reused for a different text of the
// same length would return a stale layout. The caret never blinks (VISUAL.md: nothing blinks).
#include "screens/search_view.hpp"

#include "screens/search_strings.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace ck::screens {
namespace {

constexpr float field_text_scale = 1.15f; // the query is the largest UI text on the screen
constexpr float field_pad_mm = 4.0f;

text::TextStyle field_style(const ui::Theme& t)
{
    return { text::Family::sans, text::Weight::regular, t.text_px(t.type().ui_mm * field_text_scale) };
}

// The x of a caret before byte `offset` of a single-line layout.
float caret_x(const text::Layout& layout, std::size_t offset)
{
    if (offset == 0) {
        return 0;
    }
    const auto rects = layout.rects_for_range(0, offset);
    return rects.empty() ? 0.0f : rects.back().right();
}

struct FieldGeometry {
    Rect text_area;
    Rect clear_button;
    bool has_clear = false;
};

FieldGeometry field_geometry(const ui::Theme& t, Rect rect, const SearchField& field)
{
    FieldGeometry g;
    const float pad = t.px(field_pad_mm);
    g.has_clear = !field.empty();
    const float button = rect.h - t.px(2);
    g.clear_button = { rect.right() - t.px(1) - button, rect.y + t.px(1), button, button };
    const float right = g.has_clear ? g.clear_button.x - t.px(1) : rect.right() - pad;
    g.text_area = { rect.x + pad, rect.y, std::max(1.0f, right - rect.x - pad), rect.h };
    return g;
}

} // namespace

std::string count_text(const Strings& strings, std::int64_t total, bool estimate)
{
    const std::string n = group_digits(total);
    if (estimate) {
        return search_text(strings, "search.results_about", { { "n", n } });
    }
    if (total == 1) {
        return search_text(strings, "search.result_one", {});
    }
    return search_text(strings, "search.results", { { "n", n } });
}

std::string widened_text(const Strings& strings, const std::vector<content::Widened>& widened)
{
    std::string list;
    for (const content::Widened& w : widened) {
        std::string forms;
        for (const std::string& f : w.forms) {
            forms += (forms.empty() ? "" : ", ") + f;
        }
        list += (list.empty() ? "" : "; ") + w.typed + ": " + forms;
    }
    return search_text(strings, "search.widened", { { "list", list } });
}

std::string ranking_text(const Strings& strings, content::Ranking ranking)
{
    switch (ranking) {
    case content::Ranking::relevance:
        return search_text(strings, "search.by_relevance", {});
    case content::Ranking::subject_first:
        return search_text(strings, "search.by_subject", {});
    case content::Ranking::date:
        return search_text(strings, "search.by_date", {});
    }
    return {};
}

Size labelled_text(ui::Canvas& canvas, std::string_view widget_id, std::string_view text, Point origin,
    float max_width, const ui::TextSpec& spec)
{
    const auto laid = spec.balanced
        ? canvas.balanced_layout(text, spec.style, max_width, spec.align, spec.line_height, spec.max_lines)
        : canvas.layout(text, spec.style, max_width, spec.wrap, spec.align, spec.line_height, spec.max_lines);
    canvas.draw_layout(*laid, origin, spec.color);
    ui::Widget w;
    w.id = std::string(widget_id);
    w.role = spec.role;
    w.label = std::string(text);
    w.rect = { origin.x + canvas.draw().offset().x, origin.y + canvas.draw().offset().y,
        spec.align == text::Align::start ? laid->size().w : max_width, laid->size().h };
    w.text_color = spec.color;
    w.background = spec.background;
    w.text_px = spec.style.size_px;
    canvas.add_widget(std::move(w));
    return laid->size();
}

void draw_field(ui::Canvas& canvas, const Env& env, Rect rect, const SearchField& field, FieldScroll& scroll)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const float radius = t.px(t.spacing().corner_mm);
    canvas.draw().fill_rounded_rect(rect, radius, p.card);
    canvas.draw().stroke_rounded_rect(rect, radius, std::max(2.0f, t.px(0.6f)), p.accent);
    const FieldGeometry g = field_geometry(t, rect, field);
    const text::TextStyle style = field_style(t);
    const std::string shown = field.display_text();
    const bool placeholder = shown.empty();
    const std::string text = placeholder ? search_text(env.strings, "search.placeholder", {}) : shown;
    const auto laid = canvas.layout(
        text, style, text::unlimited_width_px, text::WrapMode::words, text::Align::start, 1.25f, 1);

    // Keep the caret in view: scroll only as far as needed, never past the text's end.
    const std::size_t caret = placeholder ? 0 : field.caret() + field.composition().size();
    const float caret_w = std::max(2.0f, t.px(0.6f));
    const float cx = placeholder ? 0.0f : caret_x(*laid, caret);
    const float room = g.text_area.w - caret_w;
    if (cx - scroll.x > room) {
        scroll.x = cx - room;
    } else if (cx < scroll.x) {
        scroll.x = cx;
    }
    scroll.x = std::clamp(scroll.x, 0.0f, std::max(0.0f, (placeholder ? 0 : laid->size().w) - room));

    const Point origin { std::round(g.text_area.x - scroll.x),
        std::round(rect.center().y - laid->size().h / 2) };
    canvas.push_clip(g.text_area.inset(0, t.px(0.5f)));
    canvas.draw_layout(*laid, origin, placeholder ? p.secondary : p.ink);
    if (!field.composition().empty()) {
        const float line = std::max(1.5f, t.px(0.4f));
        for (const Rect& r : laid->rects_for_range(field.caret(), caret)) {
            canvas.draw().fill_rect(
                { origin.x + r.x, origin.y + r.bottom() - line * 1.5f, r.w, line }, p.ink);
        }
    }
    const float line_h = style.size_px * 1.25f;
    canvas.draw().fill_rect({ origin.x + cx, rect.center().y - line_h / 2, caret_w, line_h }, p.accent);
    canvas.pop_clip();

    ui::Widget w;
    w.id = "search.field";
    w.role = ui::Role::text_field;
    w.label = text;
    w.rect = rect.translated(canvas.draw().offset().x, canvas.draw().offset().y);
    w.interactive = true;
    w.text_color = placeholder ? p.secondary : p.ink;
    w.background = p.card;
    w.text_px = style.size_px;
    canvas.add_widget(std::move(w));

    if (g.has_clear) {
        ui::ButtonSpec clear;
        clear.id = "search.clear_text";
        clear.accessible_label = search_text(env.strings, "search.clear_text", {});
        clear.icon = ui::Icon::clear;
        clear.look = ui::Look::quiet;
        clear.rect = g.clear_button;
        ui::button(canvas, clear);
    }
}

float chip_height(const ui::Theme& t)
{
    return std::max(t.px(t.spacing().target_mm), t.text_px(t.type().caption_mm * 1.05f) * 1.9f);
}

namespace {

float flow_chips(ui::Canvas& canvas, Rect area, const std::vector<ChipSpec>& chips, int max_rows, bool draw,
    std::vector<Rect>* rects)
{
    if (chips.empty()) {
        return 0;
    }
    const ui::Theme& t = canvas.theme();
    const float h = chip_height(t);
    const float gap = t.px(t.spacing().target_gap_mm);
    float x = area.x;
    float y = area.y;
    int row = 1;
    for (const ChipSpec& c : chips) {
        ui::ButtonSpec b;
        b.id = c.id;
        b.label = c.label;
        b.look = c.look;
        b.icon = c.icon;
        b.selected = c.selected;
        b.role = c.look == ui::Look::chip ? ui::Role::chip : ui::Role::button;
        b.text_mm = t.type().caption_mm * 1.05f;
        b.weight = text::Weight::medium;
        const float w = std::min(area.w, ui::button_width(canvas, b));
        if (x > area.x && x + w > area.right()) {
            if (max_rows > 0 && row >= max_rows) {
                break;
            }
            x = area.x;
            y += h + gap;
            ++row;
        }
        b.rect = { x, y, w, h };
        if (draw) {
            ui::button(canvas, b);
        }
        if (rects != nullptr) {
            rects->push_back(b.rect);
        }
        x += w + gap;
    }
    return y + h - area.y;
}

} // namespace

float draw_chips(
    ui::Canvas& canvas, Rect area, const std::vector<ChipSpec>& chips, int max_rows, std::vector<Rect>* rects)
{
    return flow_chips(canvas, area, chips, max_rows, true, rects);
}

float measure_chips(ui::Canvas& canvas, float width, const std::vector<ChipSpec>& chips, int max_rows)
{
    return flow_chips(canvas, { 0, 0, width, 0 }, chips, max_rows, false, nullptr);
}

float result_row_max_height(const CableRowMetrics& m)
{
    return std::ceil(2 * m.pad_y + m.route_style.size_px * 1.35f + m.route_gap
        + 2 * m.subject_style.size_px * m.subject_line_height + 2 * m.route_gap
        + 2 * m.snippet_style.size_px * 1.4f);
}

} // namespace ck::screens
