// The search screen's layout: builds the frame from the controller's state (search_screen.cpp).
// Landscape puts the field, its completions and the keyboard in a left column and the results in
// a right one; portrait stacks field, completions, filters and results above a full-width
// keyboard, which a "Done" key hides to give the results the room. Only rows near the visible
// part of the list are laid out.
#include "screens/search_screen.hpp"
#include "screens/search_strings.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace ck::screens {

struct SearchScreen::Areas {
    Rect field;
    Rect completions; // top-left and width; height from its chips
    Rect status; // count, ordering, filters: top-left and width
    float results_top = 0;
    Rect column; // the results column (x, width)
    float results_bottom = 0;
    Point keyboard_origin;
    float heading_y = 0;
};

ui::KeyboardLabels SearchScreen::keyboard_labels(const Env& env) const
{
    ui::KeyboardLabels labels;
    labels.space = search_text(env.strings, "keyboard.space", {});
    labels.backspace = search_text(env.strings, "keyboard.backspace", {});
    labels.hide = search_text(env.strings, "keyboard.done", {});
    labels.key_format = search_text(env.strings, "keyboard.key", {});
    labels.mark = search_text(env.strings, "keyboard.mark", {});
    labels.mode_format = search_text(env.strings, "keyboard.mode", {});
    return labels;
}

SearchScreen::Areas SearchScreen::areas(ui::Canvas& canvas, const Env& env)
{
    const ui::Theme& t = canvas.theme();
    const float margin = t.px(t.spacing().margin_mm);
    const float gap = t.px(t.spacing().gap_mm);
    const float field_h = std::max(t.px(t.spacing().primary_target_mm + 3), t.text_px(t.type().ui_mm) * 2.3f);
    const float heading_h = t.text_px(t.type().heading_mm) * 1.2f;
    const Rect body = env.body;
    const float inner_w = body.w - 2 * margin;
    Areas a;
    a.heading_y = body.y + margin;
    if (m_portrait) {
        const float kb_h = m_keyboard_visible ? m_keyboard.size().h : 0;
        a.keyboard_origin = { body.x, body.bottom() - kb_h };
        a.field = { body.x + margin, a.heading_y + heading_h + gap * 1.5f, inner_w, field_h };
        a.completions = { a.field.x, a.field.bottom() + gap, a.field.w, 0 };
        a.status = a.completions;
        a.column = { a.field.x, 0, a.field.w, 0 };
        a.results_bottom = a.keyboard_origin.y;
        return a;
    }
    const float left_w = m_keyboard.size().w;
    const float column_gap = t.px(t.spacing().section_gap_mm) * 1.4f;
    a.field = { body.x + margin, a.heading_y + heading_h + gap * 1.5f, left_w, field_h };
    a.completions = { a.field.x, a.field.bottom() + gap, left_w, 0 };
    a.keyboard_origin = { body.x + margin, body.bottom() - margin - m_keyboard.size().h };
    const float right_x = a.field.right() + column_gap;
    a.column = { right_x, 0, body.right() - margin - right_x, 0 };
    a.status = { right_x, a.heading_y, a.column.w, 0 };
    a.results_bottom = body.bottom();
    return a;
}

void SearchScreen::build(ui::Canvas& canvas, const Env& env)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const float margin = t.px(t.spacing().margin_mm);
    const float gap = t.px(t.spacing().gap_mm);
    m_portrait = env.portrait;
    if (!m_portrait) {
        m_keyboard_visible = true;
    }
    const float keyboard_w = m_portrait ? env.body.w : std::min((env.body.w - 2 * margin) * 0.44f, t.px(240));
    follow_language(env);
    const ui::KeyboardOptions options { m_portrait ? ui::HideKey::present : ui::HideKey::absent,
        m_portrait ? ui::KeyboardPanel::full_width : ui::KeyboardPanel::card, m_layout,
        env.strings.lang() == "ja" ? ui::ModeKeys::japanese : ui::ModeKeys::absent };
    m_keyboard = ui::Keyboard::layout(t, keyboard_w, options);
    const Areas a = areas(canvas, env);

    ui::TextSpec heading;
    heading.style = { text::Family::sans, text::Weight::bold, t.text_px(t.type().heading_mm) };
    heading.color = p.ink;
    heading.background = p.paper;
    heading.role = ui::Role::heading;
    heading.max_lines = 1;
    heading.line_height = 1.2f;
    labelled_text(canvas, "search.heading", search_text(env.strings, "search.title", {}),
        { a.field.x, a.heading_y }, a.field.w, heading);
    Rect field = a.field;
    if (m_portrait && !m_keyboard_visible) {
        // The keyboard is away: a button beside the field brings it back.
        ui::ButtonSpec show;
        show.id = "search.show_keyboard";
        show.label = search_text(env.strings, "keyboard.show", {});
        show.look = ui::Look::outline;
        const float w = ui::button_width(canvas, show);
        field.w -= w + gap;
        show.rect = { field.right() + gap, field.y, w, field.h };
        ui::button(canvas, show);
    }
    draw_field(canvas, env, field, m_field, m_field_scroll);

    float y = a.completions.y;
    // While kana is typed, the terms it may become take the completions' place.
    const std::vector<ChipSpec> kana = kana_chips();
    const std::vector<ChipSpec> completions = kana.empty() ? completion_chips() : kana;
    const int completion_rows = m_portrait ? 1 : 2;
    if (!completions.empty()) {
        y += draw_chips(canvas, { a.completions.x, y, a.completions.w, 0 }, completions, completion_rows)
            + gap;
    } else if (m_portrait && !m_field.text().empty()) {
        y += chip_height(t) + gap; // the row stays while typing, so the list below does not jump
    }
    float status_y = m_portrait ? y : a.status.y;
    status_y += build_status(canvas, env, { a.status.x, status_y, a.status.w, 0 });
    status_y += build_filters(canvas, env, { a.status.x, status_y, a.status.w, 0 }) + gap;

    // The results list scrolls between the filters and the keyboard (or the screen's bottom). It
    // starts a little left of the column so outlines and pressed rows are not cut by its clip.
    const float inset = t.px(2.5f);
    const Rect viewport { a.column.x - inset, status_y, env.body.right() - a.column.x + inset,
        std::max(0.0f, a.results_bottom - status_y) };
    m_results.begin(canvas, viewport);
    const float content_h = build_results(canvas, env, { inset, 0, a.column.w, 0 });
    m_results.end(canvas, content_h + margin);

    if (m_keyboard_visible) {
        m_keyboard.draw(canvas, a.keyboard_origin, keyboard_labels(env));
    }
}

std::vector<ChipSpec> SearchScreen::completion_chips() const
{
    std::vector<ChipSpec> out;
    // Only while the word is still being typed: after a space the completions belong to no word.
    const std::string_view typed = m_field.word_before_caret();
    if (typed.empty() || m_field.caret() != m_field.text().size()) {
        return out;
    }
    for (const content::Completion& c : m_shown.completions) {
        if (ui::contains_ignoring_case(typed, c.word) && typed.size() == c.word.size()) {
            continue; // already typed in full
        }
        out.push_back(
            { std::string(complete_prefix) + c.word, c.word, false, ui::Look::outline, ui::Icon::none });
    }
    return out;
}

float SearchScreen::build_status(ui::Canvas& canvas, const Env& env, Rect area)
{
    if (!m_shown.have || m_shown.results.empty_query || m_shown.failed || m_shown.results.total == 0) {
        return 0;
    }
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    ui::TextSpec spec;
    spec.style = { text::Family::sans, text::Weight::bold, t.text_px(t.type().subheading_mm * 0.9f) };
    spec.color = p.ink;
    spec.background = p.paper;
    spec.role = ui::Role::heading;
    spec.max_lines = 1;
    spec.line_height = 1.2f;
    const std::string count
        = count_text(env.strings, m_shown.results.total, m_shown.results.total_is_estimate);
    float h = labelled_text(canvas, "search.count", count, { area.x, area.y }, area.w, spec).h;
    spec.style = { text::Family::sans, text::Weight::regular, t.text_px(t.type().caption_mm) };
    spec.color = p.secondary;
    spec.role = ui::Role::text;
    h += t.px(1);
    h += labelled_text(canvas, "search.ranking", ranking_text(env.strings, m_shown.results.ranking),
        { area.x, area.y + h }, area.w, spec)
             .h;
    if (!m_shown.results.widened.empty()) {
        // What the variants list added ("日本: japan, tokyo, goj"): the visitor sees why an English
        // cable answers a Japanese word.
        h += t.px(1);
        h += labelled_text(canvas, "search.widened", widened_text(env.strings, m_shown.results.widened),
            { area.x, area.y + h }, area.w, spec)
                 .h;
    }
    return h + t.px(t.spacing().gap_mm);
}

float SearchScreen::build_filters(ui::Canvas& canvas, const Env& env, Rect area)
{
    if (!m_shown.facets) {
        return 0;
    }
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    std::vector<ChipSpec> groups;
    for (const FilterGroup g : filter_groups) {
        const char* key = g == FilterGroup::years ? "search.year"
            : g == FilterGroup::classification    ? "search.classification"
            : g == FilterGroup::origin            ? "search.origin"
                                                  : "search.tag";
        std::string label = search_text(env.strings, key, {});
        std::string chosen = m_filters.chosen(g);
        if (g == FilterGroup::years && m_filters.decade() && !m_filters.year()) {
            chosen = search_text(env.strings, "search.decade", { { "decade", chosen } });
        }
        if (!chosen.empty()) {
            label = search_text(env.strings, "search.chosen", { { "group", label }, { "value", chosen } });
        }
        // Outline: a choice to make; filled: a choice made.
        groups.push_back({ group_id(g), label, !chosen.empty(),
            chosen.empty() ? ui::Look::outline : ui::Look::chip, ui::Icon::none });
    }
    if (m_filters.any()) {
        groups.push_back({ "filter.clear", search_text(env.strings, "search.clear", {}), false,
            ui::Look::quiet, ui::Icon::clear });
    }
    std::vector<Rect> rects;
    float h = draw_chips(canvas, area, groups, 0, &rects);
    const auto open = m_filters.open_group();
    if (!open) {
        return h + t.px(t.spacing().gap_mm);
    }
    std::vector<ChipSpec> values;
    for (const FilterChip& c : m_filters.chips(*open, *m_shown.facets)) {
        std::string label = c.kind == FilterChip::Kind::decade
            ? search_text(env.strings, "search.decade", { { "decade", c.value } })
            : c.value;
        if (c.count > 0) {
            label += "  " + group_digits(c.count);
        }
        values.push_back(
            { c.id, label, c.selected, c.selected ? ui::Look::chip : ui::Look::outline, ui::Icon::none });
    }
    if (values.empty()) {
        return h + t.px(t.spacing().gap_mm);
    }
    // The open group's values sit on a card whose notch points at the group's button.
    const float pad = t.px(3);
    const float notch = t.px(2.5f);
    const Rect card_area { area.x, area.y + h + notch, area.w, 0 };
    const float chips_h = measure_chips(canvas, card_area.w - 2 * pad, values, 3);
    const Rect card { card_area.x, card_area.y, card_area.w, chips_h + 2 * pad };
    const float radius = t.px(t.spacing().corner_mm);
    const float line = std::max(1.0f, t.px(0.25f));
    canvas.draw().fill_rounded_rect(card, radius, p.rule);
    canvas.draw().fill_rounded_rect(card.inset(line, line), radius, p.card);
    const auto index = static_cast<std::size_t>(
        std::find(std::begin(filter_groups), std::end(filter_groups), *open) - std::begin(filter_groups));
    if (index < rects.size()) {
        const float cx = rects[index].center().x;
        canvas.draw().fill_triangle(
            { cx - notch, card.y + line }, { cx + notch, card.y + line }, { cx, card.y - notch }, p.rule);
        canvas.draw().fill_triangle({ cx - notch + line * 1.5f, card.y + line * 1.5f },
            { cx + notch - line * 1.5f, card.y + line * 1.5f }, { cx, card.y - notch + line * 1.5f }, p.card);
    }
    draw_chips(canvas, card.inset(pad, pad), values, 3);
    return h + notch + card.h + t.px(t.spacing().gap_mm);
}

float SearchScreen::build_results(ui::Canvas& canvas, const Env& env, Rect column)
{
    if (!m_shown.have) {
        return 0;
    }
    if (m_shown.failed || m_shown.results.empty_query || m_shown.results.total == 0
        || m_shown.results.hits.empty()) {
        return build_empty_or_nothing(canvas, env, column);
    }
    const ui::Theme& t = canvas.theme();
    const float width = column.w;
    const float x = column.x;
    float y = column.y;
    // Only rows near the visible part are laid out and drawn; the others keep the height they had
    // when last drawn, or the tallest a row can be until they are first seen.
    const CableRowMetrics metrics = cable_row_metrics(canvas, env.strings.lang());
    const Rect visible = m_results.visible_content();
    const float slack = visible.h * 0.5f;
    const float unmeasured = result_row_max_height(metrics);
    const std::string rows_key
        = std::to_string(width) + "|" + std::to_string(t.text_factor()) + "|" + env.strings.lang();
    if (rows_key != m_rows_key) {
        m_rows_key = rows_key; // heights measured at another width, size or language are no guide
        m_row_heights.clear();
    }
    m_row_heights.resize(m_shown.results.hits.size(), 0.0f);
    for (std::size_t i = 0; i < m_shown.results.hits.size(); ++i) {
        float& h = m_row_heights[i];
        const float guess = h > 0 ? h : unmeasured;
        if (y + guess < visible.y - slack || y > visible.bottom() + slack) {
            y += guess;
            continue;
        }
        const content::SearchHit& hit = m_shown.results.hits[i];
        CableRowSpec row;
        row.cable = &hit.cable;
        row.origin = { x, y };
        row.width = width;
        if (i < m_shown.marks.size()) {
            row.subject_highlights = m_shown.marks[i].ranges;
        }
        row.snippet = hit.snippet;
        row.snippet_highlights = hit.highlights;
        h = cable_row(canvas, metrics, row, env.strings);
        y += h;
    }
    const auto shown = static_cast<std::int64_t>(m_shown.results.hits.size());
    if (shown < m_shown.results.total && m_shown.results.hits.size() < max_results) {
        ui::ButtonSpec more;
        more.id = "search.more";
        more.label = search_text(env.strings, "search.more", {});
        more.look = ui::Look::outline;
        more.icon = ui::Icon::forward;
        const float h = t.px(t.spacing().primary_target_mm);
        y += t.px(t.spacing().gap_mm) * 1.5f;
        more.rect = { x, y, std::min(width, ui::button_width(canvas, more)), h };
        ui::button(canvas, more);
        y += h;
    }
    return y;
}

float SearchScreen::build_empty_or_nothing(ui::Canvas& canvas, const Env& env, Rect column)
{
    const float width = column.w;
    const float x = column.x;
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const float gap = t.px(t.spacing().gap_mm);
    // Text with nothing searchable in it ("!!!???") found nothing too: only an empty box invites.
    const bool typed = m_shown.text.find_first_not_of(' ') != std::string::npos;
    // A single letter searched nothing: the visitor is asked for more, not told nothing was found.
    const bool too_short = m_shown.results.too_short;
    const bool nothing = (!m_shown.results.empty_query || typed) && !too_short;
    float y = 0;
    ui::TextSpec spec;
    spec.background = p.paper;
    spec.line_height = 1.3f;
    if (nothing) {
        spec.style = { text::Family::sans, text::Weight::bold, t.text_px(t.type().subheading_mm) };
        spec.color = p.ink;
        spec.role = ui::Role::heading;
        spec.balanced = true;
        y += labelled_text(canvas, "search.nothing", search_text(env.strings, "search.nothing", {}), { x, y },
                 width, spec)
                 .h
            + gap;
    }
    spec.style = { text::Family::sans, text::Weight::regular, t.text_px(t.type().ui_mm * 0.92f) };
    spec.color = p.secondary;
    spec.role = ui::Role::text;
    spec.balanced = false;
    const char* hint = too_short ? "search.more_letters" : nothing ? "search.try" : "search.empty_hint";
    y += labelled_text(canvas, "search.hint", search_text(env.strings, hint, {}), { x, y }, width, spec).h
        + gap * 1.5f;

    std::vector<ChipSpec> chips;
    for (const Suggestion& c : m_shown.suggestions) {
        chips.push_back(
            { std::string(suggest_prefix) + c.query, c.query, false, ui::Look::outline, ui::Icon::search });
    }
    for (const content::FacetCount& tag : m_shown.top_tags) {
        chips.push_back({ std::string(tag_prefix) + tag.value, tag.value + "  " + group_digits(tag.count),
            false, ui::Look::outline, ui::Icon::none });
    }
    if (nothing && m_filters.any()) {
        chips.push_back({ "filter.clear", search_text(env.strings, "search.clear", {}), false,
            ui::Look::quiet, ui::Icon::clear });
    }
    y += draw_chips(canvas, { x, y, width, 0 }, chips);
    return y;
}

} // namespace ck::screens
