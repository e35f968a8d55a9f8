// Staff mode's frames: the PIN pad, the header with the pages as tabs, the Checks and Log pages
// (the two that scroll); the other pages are in staff_pages.cpp. The same
// paper, ink, accent, type sizes and touch sizes as the visitor's screens; a status uses the
// classification banners' colours (green pass, orange warning, red failure, grey skip), which are
// already checked for 7:1 contrast.
#include "app/staff_draw.hpp"
#include "app/staff_mode.hpp"
#include "app/staff_strings.hpp"
#include "core/log_ring.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <optional>
#include <tuple>

namespace ck::app {

using namespace staff_draw;
using ui::Color;
void StaffMode::build(ui::Canvas& canvas, Size size, const StaffView& view)
{
    m_size = size;
    canvas.tree().begin_modal();
    const ui::Palette& p = canvas.theme().palette();
    canvas.draw().fill_rect({ 0, 0, size.w, size.h }, p.paper);
    if (m_phase == Phase::pin) {
        build_pin(canvas, size);
        return;
    }
    if (m_pattern) {
        build_pattern(canvas, size);
        return;
    }
    if (m_accuracy_step) {
        build_accuracy_run(canvas, size);
        return;
    }
    float y = 0;
    build_header(canvas, size, y);
    const ui::Theme& t = canvas.theme();
    const float margin = t.px(t.spacing().margin_mm);
    const Rect area { margin, y, size.w - 2 * margin, size.h - margin - y };
    canvas.push_clip(area);
    build_page(canvas, area, view);
    canvas.pop_clip();
}

void StaffMode::build_pin(ui::Canvas& canvas, Size size)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const bool locked = m_lockout.locked(m_now);
    const bool checking = m_pin_lane && m_pin_lane.pending();
    const float pad = t.px(8);
    const float key = t.px(17); // the keys' height
    const float key_w = t.px(26);
    const float gap = t.px(3);
    const float pad_w = 3 * key_w + 2 * gap;
    const float width
        = std::min(size.w - 2 * t.px(t.spacing().margin_mm), std::max(pad_w + 2 * pad, t.px(120)));
    const float inner = width - 2 * pad;
    // Measure the texts first, to centre the card.
    const std::string message = locked ? staff_format(m_lang, "pin.locked",
                                    { { "time", duration_text(m_lang, m_lockout.remaining(m_now)) } })
                                       : m_pin_message;
    const text::TextStyle heading { text::Family::sans, text::Weight::bold, t.text_px(t.type().heading_mm) };
    const text::TextStyle body { text::Family::sans, text::Weight::regular, t.text_px(t.type().ui_mm) };
    const float title_h = canvas.layout(staff_text(m_lang, "pin.title"), heading, inner)->size().h;
    const float prompt_h = canvas.layout(staff_text(m_lang, "pin.prompt"), body, inner)->size().h;
    const float message_h = 2 * body.size_px * 1.3f;
    const float field_h = t.px(14);
    const float cancel_h = t.px(t.spacing().primary_target_mm);
    const float height = pad + title_h + gap + prompt_h + 2 * gap + field_h + gap + message_h + gap + 4 * key
        + 3 * gap + 2 * gap + cancel_h + pad;
    const Rect card { size.w / 2 - width / 2, std::max(0.0f, size.h / 2 - height / 2), width, height };
    canvas.draw().fill_rounded_rect(card, t.px(t.spacing().corner_mm * 1.5f), p.card);
    canvas.draw().stroke_rounded_rect(
        card, t.px(t.spacing().corner_mm * 1.5f), std::max(1.0f, t.px(0.3f)), p.rule);
    ui::Widget dialog;
    dialog.id = "staff.pin";
    dialog.role = ui::Role::dialog;
    dialog.label = staff_text(m_lang, "pin.prompt");
    dialog.rect = card;
    canvas.add_widget(dialog);

    float y = card.y + pad;
    ui::TextSpec spec;
    spec.background = p.card;
    spec.align = text::Align::center;
    spec.style = heading;
    spec.color = p.ink;
    spec.role = ui::Role::heading;
    y += canvas.text("staff.pin.title", staff_text(m_lang, "pin.title"), { card.x + pad, y }, inner, spec).h
        + gap;
    spec.style = body;
    spec.role = ui::Role::text;
    y += canvas.text("staff.pin.prompt", staff_text(m_lang, "pin.prompt"), { card.x + pad, y }, inner, spec).h
        + 2 * gap;

    // The field: one dot a digit, never the digits.
    const Rect field { card.center().x - pad_w / 2, y, pad_w, field_h };
    canvas.draw().fill_rounded_rect(field, t.px(t.spacing().corner_mm), p.paper);
    canvas.draw().stroke_rounded_rect(
        field, t.px(t.spacing().corner_mm), std::max(1.0f, t.px(0.3f)), p.secondary);
    const float dot = t.px(2.2f);
    const float step = t.px(6.5f);
    const float dots_w = static_cast<float>(m_digits.size()) * step;
    for (std::size_t i = 0; i < m_digits.size(); ++i) {
        canvas.draw().fill_circle(
            { field.center().x - dots_w / 2 + step * (static_cast<float>(i) + 0.5f), field.center().y }, dot,
            p.ink);
    }
    ui::Widget f;
    f.id = "staff.pin.field";
    f.role = ui::Role::text_field;
    f.label = std::string(m_digits.size(), '*');
    f.rect = field;
    canvas.add_widget(f);
    y += field_h + gap;
    spec.color = locked ? t.banner("SECRET").background : p.ink;
    if (!message.empty()) {
        // Two even lines, never one word left alone on the second: the narrowest width that keeps
        // the line count (the canvas balances start-aligned text), centred in the card.
        const float bw = canvas.balanced_layout(message, spec.style, inner)->size().w + 1;
        canvas.text("staff.pin.message", message, { card.center().x - bw / 2, y }, bw, spec);
    }
    y += message_h + gap;

    static constexpr std::array<const char*, 12> keys
        = { "1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok" };
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const std::string k = keys[i];
        ui::ButtonSpec b;
        b.id = "staff.pin." + k;
        b.label = k == "clear" ? staff_text(m_lang, "pin.clear")
            : k == "ok"        ? staff_text(m_lang, "pin.ok")
                               : k;
        b.role = ui::Role::key;
        b.look = k == "ok" ? ui::Look::filled : ui::Look::outline;
        b.text_mm = k.size() == 1 ? t.type().subheading_mm : t.type().ui_mm;
        b.rect = { field.x + static_cast<float>(i % 3) * (key_w + gap),
            y + static_cast<float>(i / 3) * (key + gap), key_w, key };
        if (locked || checking) {
            canvas.draw().stroke_rounded_rect(
                b.rect, t.px(t.spacing().corner_mm), std::max(1.0f, t.px(0.3f)), p.disabled);
            const auto l = canvas.layout(
                b.label, { text::Family::sans, text::Weight::medium, t.text_px(b.text_mm) }, key_w);
            canvas.draw_layout(
                *l, { b.rect.center().x - l->size().w / 2, b.rect.center().y - l->size().h / 2 }, p.disabled);
            ui::Widget w;
            w.id = b.id;
            w.role = ui::Role::key;
            w.label = b.label;
            w.rect = b.rect;
            w.disabled = true;
            w.text_color = p.disabled;
            w.background = p.card;
            w.text_px = t.text_px(b.text_mm);
            canvas.add_widget(w);
        } else {
            ui::button(canvas, b);
        }
    }
    y += 4 * key + 3 * gap + 2 * gap;
    ui::ButtonSpec cancel;
    cancel.id = "staff.pin.cancel";
    cancel.label = staff_text(m_lang, "pin.cancel");
    cancel.look = ui::Look::outline;
    const float cw = std::max(pad_w, ui::button_width(canvas, cancel));
    cancel.rect = { card.center().x - cw / 2, y, cw, cancel_h };
    ui::button(canvas, cancel);
}

void StaffMode::build_header(ui::Canvas& canvas, Size size, float& y)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const float margin = t.px(t.spacing().margin_mm);
    const float gap = t.px(t.spacing().gap_mm);
    const float bar_h = t.px(t.spacing().primary_target_mm);
    y = margin;
    ui::ButtonSpec leave;
    leave.id = "staff.leave";
    leave.label = staff_text(m_lang, "leave");
    leave.look = ui::Look::filled;
    const float lw = ui::button_width(canvas, leave);
    leave.rect = { size.w - margin - lw, y, lw, bar_h };
    ui::button(canvas, leave);
    ui::ButtonSpec lang;
    lang.id = "staff.language";
    lang.label = staff_text(m_lang, "language");
    lang.role = ui::Role::toggle;
    lang.look = ui::Look::outline;
    const float gw = ui::button_width(canvas, lang);
    lang.rect = { leave.rect.x - t.px(t.spacing().target_gap_mm) * 2 - gw, y, gw, bar_h };
    ui::button(canvas, lang);
    const Pen pen { canvas, t, p.paper };
    const float title_w = lang.rect.x - margin - gap;
    const auto title_l = canvas.layout(staff_text(m_lang, "title"),
        { text::Family::sans, text::Weight::bold, t.text_px(t.type().heading_mm) }, title_w);
    pen.put("staff.title", staff_text(m_lang, "title"), { margin, y + bar_h / 2 - title_l->size().h / 2 },
        title_w, t.type().heading_mm, text::Weight::bold, {}, ui::Role::heading);
    y += bar_h + gap / 2;
    y += pen.put("staff.timeout", staff_text(m_lang, "timeout_note"), { margin, y }, size.w - 2 * margin,
                t.type().caption_mm, text::Weight::regular, p.secondary)
             .h
        + gap;

    // The pages as tabs, wrapping onto more rows on a narrow screen.
    const float tab_h = t.px(t.spacing().target_mm + 2);
    const float tab_gap = t.px(t.spacing().target_gap_mm);
    float x = margin;
    for (int i = 0; i < staff_page_count; ++i) {
        const auto page = static_cast<StaffPage>(i);
        ui::ButtonSpec tab;
        tab.id = "staff.tab." + std::string(name(page));
        tab.label = staff_text(m_lang, "tab." + std::string(name(page)));
        tab.look = ui::Look::chip;
        tab.role = ui::Role::toggle;
        tab.selected = page == m_page;
        const float w = ui::button_width(canvas, tab) + t.px(2);
        if (x + w > size.w - margin) {
            x = margin;
            y += tab_h + tab_gap;
        }
        tab.rect = { x, y, w, tab_h };
        ui::button(canvas, tab);
        x += w + tab_gap;
    }
    y += tab_h + gap;
    canvas.draw().fill_rect({ margin, y, size.w - 2 * margin, std::max(1.0f, t.px(0.3f)) }, p.rule);
    y += gap * 1.5f;
}

void StaffMode::build_page(ui::Canvas& canvas, Rect area, const StaffView& view)
{
    switch (m_page) {
    case StaffPage::checks:
        build_checks(canvas, area);
        return;
    case StaffPage::display:
        build_display_intro(canvas, area);
        return;
    case StaffPage::trace:
        build_trace(canvas, area);
        return;
    case StaffPage::accuracy:
        build_accuracy(canvas, area);
        return;
    case StaffPage::pack:
        build_pack(canvas, area, view);
        return;
    case StaffPage::imports:
        build_imports(canvas, area, view);
        return;
    case StaffPage::performance:
        build_performance(canvas, area, view);
        return;
    case StaffPage::log:
        build_log(canvas, area);
        return;
    case StaffPage::visits:
        build_visits(canvas, area, view);
        return;
    case StaffPage::actions:
        build_actions(canvas, area);
        return;
    }
}

void StaffMode::build_checks(ui::Canvas& canvas, Rect area)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const Pen pen { canvas, t, p.paper };
    const float gap = t.px(t.spacing().gap_mm);
    ui::ButtonSpec run;
    run.id = "staff.checks.run";
    run.label = staff_text(m_lang, "checks.run");
    run.look = ui::Look::outline;
    const float rw = ui::button_width(canvas, run);
    const float bh = t.px(t.spacing().target_mm + 2);
    run.rect = { area.right() - rw, area.y, rw, bh };
    ui::button(canvas, run);

    std::vector<std::optional<selfcheck::Result>> results;
    const selfcheck::Checks* checks = nullptr;
    if (m_run) {
        results = m_run->results();
        checks = &m_run->checks();
    }
    std::string summary;
    if (checks == nullptr || checks->empty()) {
        summary = staff_text(m_lang, "checks.none");
    } else if (!m_run->done()) {
        const auto done
            = std::count_if(results.begin(), results.end(), [](const auto& r) { return r.has_value(); });
        summary = staff_format(m_lang, "checks.running",
            { { "done", std::to_string(done) }, { "total", std::to_string(results.size()) } });
    } else {
        int counts[4] = { 0, 0, 0, 0 };
        for (const auto& r : results) {
            ++counts[static_cast<int>(r->status)];
        }
        summary = staff_format(m_lang, "checks.summary",
            { { "total", std::to_string(results.size()) }, { "pass", std::to_string(counts[0]) },
                { "warn", std::to_string(counts[1]) }, { "fail", std::to_string(counts[2]) },
                { "skip", std::to_string(counts[3]) } });
    }
    const float sw = run.rect.x - area.x - gap;
    const auto sl = canvas.layout(
        summary, { text::Family::sans, text::Weight::semibold, t.text_px(t.type().ui_mm) }, sw);
    pen.put("staff.checks.summary", summary, { area.x, area.y + bh / 2 - sl->size().h / 2 }, sw,
        t.type().ui_mm, text::Weight::semibold);
    if (checks == nullptr) {
        return;
    }
    // Rows in one column, or two on a wide screen.
    const int columns = area.w > t.px(300) ? 2 : 1;
    const float col_gap = t.px(8);
    const float col_w = (area.w - col_gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float top = area.y + bh + gap * 1.5f;
    const Rect rows_view { area.x, top, area.w, area.bottom() - top };
    canvas.push_clip(rows_view);
    float content_bottom = top;
    const float pill_w = t.px(24);
    const float pill_h = t.px(8);
    const std::size_t per_column
        = (checks->size() + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns);
    for (int c = 0; c < columns; ++c) {
        float y = top - m_scroll;
        const float x = area.x + static_cast<float>(c) * (col_w + col_gap);
        for (std::size_t i = static_cast<std::size_t>(c) * per_column;
             i < std::min(checks->size(), static_cast<std::size_t>(c + 1) * per_column); ++i) {
            const selfcheck::Check& check = (*checks)[i];
            const Rect pill { x, y + t.px(0.5f), pill_w, pill_h };
            std::string status_label = staff_text(m_lang, "checks.waiting");
            Color pill_text = p.secondary;
            if (results[i]) {
                const ui::BannerColors colors = status_colors(t, results[i]->status);
                canvas.draw().fill_rounded_rect(pill, t.px(t.spacing().corner_mm), colors.background);
                status_label
                    = staff_text(m_lang, "status." + std::string(selfcheck::name(results[i]->status)));
                pill_text = colors.text;
            } else {
                canvas.draw().stroke_rounded_rect(
                    pill, t.px(t.spacing().corner_mm), std::max(1.0f, t.px(0.3f)), p.rule);
            }
            const text::TextStyle ps { text::Family::sans, text::Weight::bold,
                t.text_px(t.type().caption_mm) };
            const auto pl = canvas.layout(status_label, ps, pill_w);
            ui::TextSpec pspec;
            pspec.style = ps;
            pspec.color = pill_text;
            pspec.background = results[i] ? status_colors(t, results[i]->status).background : p.paper;
            canvas.text("staff.check.status:" + check.id, status_label,
                { pill.center().x - pl->size().w / 2, pill.center().y - pl->size().h / 2 }, pill_w, pspec);
            const float tx = x + pill_w + gap;
            const float tw = col_w - pill_w - gap;
            std::string title = check.title;
            if (results[i]) {
                const std::string v = value_text(*results[i]);
                if (!v.empty() && v != results[i]->message) {
                    title += "  ·  " + v;
                }
            }
            float h = pen.put("staff.check:" + check.id, title, { tx, y }, tw, t.type().ui_mm,
                             text::Weight::semibold)
                          .h;
            h += pen.put({}, check.id, { tx, y + h }, tw, t.type().caption_mm, text::Weight::regular,
                        p.secondary, ui::Role::text, text::Family::mono)
                     .h;
            if (results[i] && !results[i]->message.empty()) {
                h += pen.put("staff.check.message:" + check.id, results[i]->message, { tx, y + h }, tw,
                            t.type().caption_mm, text::Weight::regular, {}, ui::Role::text,
                            text::Family::sans, 3)
                         .h;
            }
            y += std::max(h, pill_h) + gap * 1.2f;
        }
        content_bottom = std::max(content_bottom, y + m_scroll);
    }
    canvas.pop_clip();
    scroll_bar(canvas, rows_view, content_bottom - top);
}

void StaffMode::scroll_bar(ui::Canvas& canvas, Rect view, float content_h)
{
    m_scroll_max = std::max(0.0f, content_h - view.h);
    m_scroll = std::min(m_scroll, m_scroll_max);
    if (m_scroll_max <= 0) {
        return;
    }
    // A quiet bar at the right edge says there is more, and where this view is.
    const ui::Theme& t = canvas.theme();
    const float w = std::max(3.0f, t.px(1.2f));
    const float h = std::max(t.px(8), view.h * view.h / content_h);
    const float y = view.y + (view.h - h) * (m_scroll / m_scroll_max);
    canvas.draw().fill_rounded_rect({ view.right() - w, view.y, w, view.h }, w / 2, t.palette().rule);
    canvas.draw().fill_rounded_rect({ view.right() - w, y, w, h }, w / 2, t.palette().secondary);
}

void StaffMode::build_log(ui::Canvas& canvas, Rect area)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const Pen pen { canvas, t, p.paper };
    const float gap = t.px(t.spacing().gap_mm);
    if (m_services.log == nullptr || m_services.log->total() == 0) {
        pen.put(
            "staff.log.empty", staff_text(m_lang, "log.empty"), { area.x, area.y }, area.w, t.type().ui_mm);
        return;
    }
    const std::vector<log::Line> lines = m_services.log->lines();
    float y = area.y;
    y += pen.put("staff.log.kept",
                staff_format(m_lang, "log.kept",
                    { { "n", std::to_string(lines.size()) },
                        { "total", std::to_string(m_services.log->total()) } }),
                { area.x, y }, area.w, t.type().caption_mm, text::Weight::regular, p.secondary)
             .h
        + gap;
    const float time_w = t.px(28);
    const Rect view { area.x, y, area.w, area.bottom() - y };
    canvas.push_clip(view);
    const float top = y;
    y -= m_scroll;
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
        if (y > area.bottom()) {
            // Below the view: only its height counts (one line each is close enough for the bar).
            y += t.text_px(t.type().caption_mm) * 1.3f + gap / 3;
            continue;
        }
        const std::string time = fixed(static_cast<double>(it->time.count()) / 1000.0, 1) + " s";
        pen.put({}, time, { area.x, y }, time_w, t.type().caption_mm, text::Weight::regular, p.secondary,
            ui::Role::text, text::Family::mono);
        const std::string text
            = "[" + std::string(log::level_name(it->level)) + "] " + it->component + ": " + it->message;
        const Color color = it->level == log::Level::error ? t.banner("SECRET").background : p.ink;
        y += pen.put("staff.log.line:" + std::to_string(it->number), text, { area.x + time_w, y },
                    area.w - time_w, t.type().caption_mm,
                    it->level == log::Level::error ? text::Weight::semibold : text::Weight::regular, color,
                    ui::Role::text, text::Family::mono, 2)
                 .h
            + gap / 3;
    }
    canvas.pop_clip();
    scroll_bar(canvas, view, y + m_scroll - top);
}

} // namespace ck::app
