// The tour card is drawn in the visual language of the reader's notices: the card's paper with a
// rule at its left in the accent, like a museum label beside the exhibit. Measuring and drawing
// share one function (lay_out), so the height measured is the height drawn.
#include "screens/reader_tour_card.hpp"

#include "ui/widgets.hpp"

#include <algorithm>

namespace ck::screens {
namespace {

constexpr float pad_mm = 5.0f;
constexpr float rule_mm = 1.2f;

// A button that cannot be used here (Previous at the first stop, Next at the last): drawn in the
// disabled colour where it always is, answering no touch, so a quick second tap lands on nothing.
void disabled_button(ui::Canvas& canvas, const ui::ButtonSpec& spec)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const float radius = t.px(t.spacing().corner_mm);
    canvas.draw().stroke_rounded_rect(spec.rect, radius, std::max(1.0f, t.px(0.3f)), p.disabled);
    // Laid out as ui::button lays out its icon and label, so the button does not jump when it
    // becomes usable at the next stop.
    const text::TextStyle style { text::Family::sans, spec.weight, t.text_px(t.type().ui_mm) };
    const float icon = style.size_px * 1.1f;
    const float gap = t.px(4) * 0.6f;
    const auto laid = canvas.layout(spec.label, style, std::max(1.0f, spec.rect.w - icon - gap - t.px(2)),
        text::WrapMode::words, text::Align::start, 1.2f, 1);
    const float x = spec.rect.x + (spec.rect.w - icon - gap - laid->size().w) / 2;
    ui::draw_icon(canvas.draw(), spec.icon, { x, spec.rect.center().y - icon / 2, icon, icon }, p.disabled,
        std::max(1.5f, style.size_px * 0.09f));
    canvas.draw_layout(*laid, { x + icon + gap, spec.rect.center().y - laid->size().h / 2 }, p.disabled);
    ui::Widget w;
    w.id = spec.id;
    w.role = ui::Role::button;
    w.label = spec.label;
    w.rect = spec.rect.translated(canvas.draw().offset().x, canvas.draw().offset().y);
    w.interactive = false;
    w.disabled = true;
    w.text_color = p.disabled;
    w.background = p.card;
    w.text_px = style.size_px;
    canvas.add_widget(std::move(w));
}

} // namespace

std::optional<ReaderTourCard::Here> ReaderTourCard::here(const Env& env, std::string_view cable)
{
    const TourWalk& walk = env.visit.tour;
    if (!walk.active() || env.pack == nullptr) {
        return std::nullopt;
    }
    for (const content::Tour& tour : env.pack->collection().tours) {
        if (tour.id == walk.tour() && walk.stop() < tour.stops.size()
            && tour.stops[walk.stop()].cable == cable) {
            return Here { &tour, &tour.stops[walk.stop()], walk.stop(), tour.stops.size() };
        }
    }
    return std::nullopt;
}

float ReaderTourCard::measure(ui::Canvas& canvas, const Env& env, const Here& here, float width)
{
    return lay_out(canvas, env, here, { 0, 0, width, 0 }, false);
}

void ReaderTourCard::build(ui::Canvas& canvas, const Env& env, const Here& here, Rect rect)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const float corner = t.px(t.spacing().corner_mm);
    canvas.draw().fill_rounded_rect(rect, corner, p.card);
    canvas.draw().stroke_rounded_rect(rect, corner, std::max(1.0f, t.px(0.25f)), p.rule);
    canvas.draw().fill_rect(
        { rect.x, rect.y + corner, std::round(t.px(rule_mm)), rect.h - 2 * corner }, p.accent);
    lay_out(canvas, env, here, rect, true);
}

float ReaderTourCard::lay_out(ui::Canvas& canvas, const Env& env, const Here& here, Rect rect, bool draw)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const std::string& lang = env.strings.lang();
    const float pad = t.px(pad_mm);
    const float x = rect.x + pad + t.px(rule_mm);
    const float w = rect.w - 2 * pad - t.px(rule_mm);
    float y = rect.y + pad;
    // Each text is measured through the canvas' layout cache and drawn only when asked.
    const auto put = [&](const std::string& id, const std::string& text, const ui::TextSpec& spec,
                         float after) {
        if (text.empty()) {
            return;
        }
        const float h = draw
            ? canvas.text(id, text, { x, y }, w, spec).h
            : canvas.layout(text, spec.style, w, spec.wrap, spec.align, spec.line_height, spec.max_lines)
                  ->size()
                  .h;
        y += h + after;
    };
    ui::TextSpec label;
    label.style = { text::Family::sans, text::Weight::semibold, t.text_px(t.type().caption_mm) };
    label.color = p.accent;
    label.background = p.card;
    label.line_height = 1.3f;
    label.max_lines = 2;
    label.balanced = true; // a long title in large print breaks evenly, never leaving one word
    put("tour.title", env.strings.get("tour.label") + "  ·  " + content::pick(here.tour->title, lang), label,
        t.px(1.5f));
    ui::TextSpec heading;
    heading.style = { text::Family::sans, text::Weight::bold, t.text_px(t.type().ui_mm) };
    heading.color = p.ink;
    heading.background = p.card;
    heading.role = ui::Role::heading;
    heading.line_height = 1.25f;
    put("tour.stop",
        env.strings.format("tour.stop",
            { { "n", std::to_string(here.index + 1) }, { "total", std::to_string(here.count) } }),
        heading, t.px(2.5f));
    ui::TextSpec body;
    body.style = { text::Family::sans, text::Weight::regular, t.text_px(t.type().ui_mm * 0.82f) };
    body.background = p.card;
    body.line_height = 1.45f;
    if (here.index == 0) {
        body.color = p.secondary;
        put("tour.introduction", content::pick(here.tour->introduction, lang), body, t.px(2.5f));
    }
    body.color = p.ink;
    put("tour.note", content::pick(here.stop->note, lang), body, t.px(4));
    y += build_buttons(canvas, env, here, { x, y }, w, draw);
    return y + pad - rect.y;
}

float ReaderTourCard::build_buttons(
    ui::Canvas& canvas, const Env& env, const Here& here, Point at, float width, bool draw)
{
    const ui::Theme& t = canvas.theme();
    const float h = t.px(t.spacing().primary_target_mm);
    const float gap = t.px(t.spacing().target_gap_mm * 1.6f);
    ui::ButtonSpec previous { "tour.previous", env.strings.get("tour.previous"), {}, {}, ui::Role::button,
        ui::Look::outline, ui::Icon::back };
    ui::ButtonSpec next { "tour.next", env.strings.get("tour.next"), {}, {}, ui::Role::button,
        ui::Look::filled, ui::Icon::forward };
    ui::ButtonSpec leave { "tour.leave", env.strings.get("tour.leave"), {}, {}, ui::Role::button,
        ui::Look::outline, ui::Icon::close };
    const float min_w = t.px(28);
    const float prev_w = std::max(min_w, ui::button_width(canvas, previous));
    const float next_w = std::max(min_w, ui::button_width(canvas, next));
    const float leave_w = ui::button_width(canvas, leave);
    // Previous and Next together at the left; Leave at the right, or on a row of its own when the
    // card is too narrow for all three.
    const bool one_row = prev_w + next_w + leave_w + 3 * gap <= width;
    const float height = one_row ? h : 2 * h + gap;
    if (!draw) {
        return height;
    }
    previous.rect = { at.x, at.y, prev_w, h };
    next.rect = { at.x + prev_w + gap, at.y, next_w, h };
    leave.rect = one_row ? Rect { at.x + width - leave_w, at.y, leave_w, h }
                         : Rect { at.x, at.y + h + gap, leave_w, h };
    if (here.index == 0) {
        disabled_button(canvas, previous);
    } else {
        ui::button(canvas, previous);
    }
    if (here.index + 1 >= here.count) {
        disabled_button(canvas, next);
    } else {
        ui::button(canvas, next);
    }
    ui::button(canvas, leave);
    return height;
}

std::optional<Intent> ReaderTourCard::on_tap(const ui::Widget& widget)
{
    if (widget.id == "tour.next") {
        return Intent::of(Intent::Kind::tour_next);
    }
    if (widget.id == "tour.previous") {
        return Intent::of(Intent::Kind::tour_previous);
    }
    if (widget.id == "tour.leave") {
        return Intent::of(Intent::Kind::tour_leave);
    }
    return std::nullopt;
}

std::optional<std::size_t> ReaderTourCard::take_paragraph_offset(const Here& here, const cable::Cable& cable)
{
    if (m_paragraph_taken || here.stop->paragraph.empty()) {
        return std::nullopt;
    }
    m_paragraph_taken = true;
    const auto it = std::find_if(cable.paragraphs.begin(), cable.paragraphs.end(),
        [&](const cable::Paragraph& p) { return p.number == here.stop->paragraph; });
    if (it == cable.paragraphs.end() || it->line == 0) {
        return std::nullopt;
    }
    // Paragraph lines are 1-based lines of the display text.
    const std::string& text = cable.display_text;
    std::size_t offset = 0;
    for (std::size_t line = 1; line < it->line; ++line) {
        const std::size_t nl = text.find('\n', offset);
        if (nl == std::string::npos) {
            return std::nullopt;
        }
        offset = nl + 1;
    }
    return offset;
}

} // namespace ck::screens
