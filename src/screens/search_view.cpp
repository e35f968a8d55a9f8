// Text that changes with every keystroke (the query, snippets) is laid out under an empty id, so
// the layout cache keys it by a hash of the text itself: an id reused for a different text of the
// same length would return a stale layout. The caret never blinks (VISUAL.md: nothing blinks).
#include "screens/search_view.hpp"

#include "cable/cable.hpp"
#include "screens/search_strings.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace ck::screens {
namespace {

constexpr float field_text_scale = 1.15f; // the query is the largest UI text on the screen
constexpr float field_pad_mm = 4.0f;
constexpr float row_pad_mm = 3.5f;

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

std::string format_date(std::string_view iso, std::string_view lang)
{
    const std::optional<cable::CableDate> d = cable::CableDate::from_iso(iso);
    if (!d) {
        return std::string(iso);
    }
    if (lang == "ja") {
        return std::to_string(d->year) + "年" + std::to_string(d->month) + "月" + std::to_string(d->day)
            + "日";
    }
    static constexpr std::array<std::string_view, 12> months
        = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    return std::to_string(d->day) + " " + std::string(months[static_cast<std::size_t>(d->month - 1)]) + " "
        + std::to_string(d->year);
}

std::string group_thousands(std::int64_t n)
{
    // Totals are never negative; a negative value shows as 0 rather than as a malformed number.
    const std::string digits = std::to_string(std::max<std::int64_t>(0, n));
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out += ',';
        }
        out += digits[i];
    }
    return out;
}

std::string count_text(const Strings& strings, std::int64_t total, bool estimate)
{
    const std::string n = group_thousands(total);
    if (estimate) {
        return search_text(strings, "search.results_about", { { "n", n } });
    }
    if (total == 1) {
        return search_text(strings, "search.result_one", {});
    }
    return search_text(strings, "search.results", { { "n", n } });
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
    const auto laid = spec.balanced ? canvas.balanced_layout(
                          {}, text, spec.style, max_width, spec.align, spec.line_height, spec.max_lines)
                                    : canvas.layout({}, text, spec.style, max_width, spec.wrap, spec.align,
                                        spec.line_height, spec.max_lines);
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
        {}, text, style, text::unlimited_width_px, text::WrapMode::words, text::Align::start, 1.25f, 1);

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

float draw_stamp(ui::Canvas& canvas, Point origin, float height, std::string_view classification)
{
    const ui::Theme& t = canvas.theme();
    const ui::BannerColors colors = t.banner(classification);
    ui::TextSpec spec;
    spec.style = { text::Family::sans, text::Weight::bold, std::round(height * 0.56f) };
    spec.color = colors.text;
    spec.background = colors.background;
    spec.max_lines = 1;
    spec.line_height = 1.2f;
    const auto laid = canvas.layout(
        {}, classification, spec.style, t.px(70), text::WrapMode::words, text::Align::start, 1.2f, 1);
    const float pad = t.px(1.8f);
    const Rect box { origin.x, origin.y, laid->size().w + 2 * pad, height };
    canvas.draw().fill_rounded_rect(box, t.px(0.8f), colors.background);
    canvas.text(
        {}, classification, { box.x + pad, std::round(box.center().y - laid->size().h / 2) }, t.px(70), spec);
    return box.w;
}

namespace {

struct RowStyles {
    text::TextStyle meta;
    text::TextStyle subject;
    text::TextStyle snippet;
    float pad = 0;
    float stamp_h = 0;
};

RowStyles row_styles(const ui::Theme& t)
{
    RowStyles s;
    s.meta = { text::Family::sans, text::Weight::medium, t.text_px(t.type().caption_mm) };
    s.subject = { text::Family::sans, text::Weight::semibold, t.text_px(t.type().ui_mm * 0.92f) };
    s.snippet = { text::Family::mono, text::Weight::regular, t.text_px(t.type().caption_mm * 1.05f) };
    s.pad = t.px(row_pad_mm);
    s.stamp_h = std::round(s.meta.size_px * 1.45f);
    return s;
}

} // namespace

float result_row_max_height(const ui::Theme& theme)
{
    const RowStyles s = row_styles(theme);
    return 2 * s.pad + s.stamp_h + theme.px(2) + 2 * s.subject.size_px * 1.25f + theme.px(1.5f)
        + 2 * s.snippet.size_px * 1.35f;
}

float draw_result_row(ui::Canvas& canvas, const Env& env, Point origin, float width,
    const content::SearchHit& hit, const SubjectMarks& marks)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const RowStyles styles = row_styles(t);
    const float pad = styles.pad;
    const std::string id = "row:" + hit.cable.id;
    const bool pressed = canvas.is_pressed(id);
    const ui::Color bg = pressed ? p.accent_soft : p.paper;
    const text::TextStyle& meta_style = styles.meta;
    const text::TextStyle& subject_style = styles.subject;
    const text::TextStyle& snippet_style = styles.snippet;

    // Lay everything out first: the row's height decides its pressed background.
    const float stamp_h = styles.stamp_h;
    const std::string subject = hit.cable.subject.empty() ? hit.cable.id : hit.cable.subject;
    const auto subject_l = canvas.layout(
        {}, subject, subject_style, width, text::WrapMode::words, text::Align::start, 1.25f, 2);
    const auto snippet_l = hit.snippet.empty() ? nullptr
                                               : canvas.layout({}, hit.snippet, snippet_style, width,
                                                   text::WrapMode::words, text::Align::start, 1.35f, 2);
    const float subject_y = origin.y + pad + stamp_h + t.px(2);
    const float snippet_y = subject_y + subject_l->size().h + t.px(1.5f);
    const float height = (snippet_y - origin.y) + (snippet_l ? snippet_l->size().h : 0) + pad;
    const Rect row { origin.x, origin.y, width, height };
    if (pressed) {
        canvas.draw().fill_rounded_rect(row.inset(-t.px(2), 0), t.px(t.spacing().corner_mm), bg);
    }

    // The first line: stamp, date, and who wrote to whom.
    float x = origin.x;
    if (!hit.cable.classification.empty()) {
        x += draw_stamp(canvas, { x, origin.y + pad }, stamp_h, hit.cable.classification) + t.px(3);
    }
    std::string meta = format_date(hit.cable.date, env.strings.lang());
    const std::string& sender = hit.cable.origin.empty() ? hit.cable.from : hit.cable.origin;
    if (!sender.empty()) {
        meta += (meta.empty() ? "" : "  ·  ") + sender;
        if (!hit.cable.first_to.empty()) {
            meta += " → " + hit.cable.first_to;
        }
    }
    ui::TextSpec spec;
    spec.style = meta_style;
    spec.color = p.secondary;
    spec.background = bg;
    spec.max_lines = 1;
    spec.line_height = 1.2f;
    const auto meta_l = canvas.layout({}, meta, meta_style, std::max(1.0f, origin.x + width - x),
        text::WrapMode::words, text::Align::start, 1.2f, 1);
    canvas.text({}, meta, { x, std::round(origin.y + pad + (stamp_h - meta_l->size().h) / 2) },
        std::max(1.0f, origin.x + width - x), spec);

    for (const content::Highlight& h : marks.ranges) {
        canvas.highlight_range(*subject_l, { origin.x, subject_y }, h.begin, h.end, p.highlight);
    }
    spec.style = subject_style;
    spec.color = p.ink;
    spec.max_lines = 2;
    spec.line_height = 1.25f;
    spec.role = ui::Role::text;
    canvas.text({}, subject, { origin.x, subject_y }, width, spec);
    if (snippet_l) {
        for (const content::Highlight& h : hit.highlights) {
            canvas.highlight_range(*snippet_l, { origin.x, snippet_y }, h.begin, h.end, p.highlight);
        }
        spec.style = snippet_style;
        spec.color = p.ink;
        spec.line_height = 1.35f;
        canvas.text({}, hit.snippet, { origin.x, snippet_y }, width, spec);
    }
    canvas.draw().fill_rect({ origin.x, row.bottom() - 1, width, std::max(1.0f, t.px(0.25f)) }, p.rule);

    ui::Widget w;
    w.id = id;
    w.role = ui::Role::link;
    w.label = subject;
    w.rect = row.translated(canvas.draw().offset().x, canvas.draw().offset().y);
    w.interactive = true;
    canvas.add_widget(std::move(w));
    return height;
}

} // namespace ck::screens
