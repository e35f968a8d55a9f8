// The staff mode's Imports page (issue 12): the release shown and the one kept for a rollback, an
// installed release waiting for the visit to end, a look at the import folder, a reload, the
// rollback behind a confirmation, and what arrived, newest first, with why it was refused.
#include "app/staff_draw.hpp"
#include "app/staff_mode.hpp"
#include "app/staff_strings.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace ck::app {

using namespace staff_draw;

namespace {

std::string release_text(std::string_view lang, const content::InstalledRelease& r)
{
    return staff_format(lang, "imports.release",
        { { "n", std::to_string(r.sequence) }, { "signer", r.signer }, { "file", r.source } });
}

selfcheck::Status status_of(content::ImportOutcome outcome)
{
    switch (outcome) {
    case content::ImportOutcome::installed:
        return selfcheck::Status::pass;
    case content::ImportOutcome::refused:
        return selfcheck::Status::fail;
    case content::ImportOutcome::ignored:
        return selfcheck::Status::skip;
    }
    return selfcheck::Status::fail;
}

// A filled button sized to its label.
float action_button(
    ui::Canvas& canvas, const std::string& id, const std::string& label, Point at, ui::Look look)
{
    const ui::Theme& t = canvas.theme();
    ui::ButtonSpec b;
    b.id = id;
    b.label = label;
    b.look = look;
    b.rect = { at.x, at.y, std::max(t.px(60), ui::button_width(canvas, b)),
        t.px(t.spacing().primary_target_mm) };
    ui::button(canvas, b);
    return b.rect.w;
}

} // namespace

float StaffMode::build_rollback_confirm(ui::Canvas& canvas, Rect area, const content::StoreRecord& record)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const float gap = t.px(t.spacing().gap_mm);
    const float bh = t.px(t.spacing().primary_target_mm);
    const bool forward = record.previous->sequence > record.current->sequence;
    const std::string question = staff_format(m_lang, forward ? "imports.confirm_return" : "imports.confirm",
        { { "n", std::to_string(record.previous->sequence) },
            { "m", std::to_string(record.current->sequence) } });
    const text::TextStyle qs { text::Family::sans, text::Weight::medium, t.text_px(t.type().ui_mm) };
    const float w = std::min(area.w, t.px(220));
    const auto ql = canvas.layout(question, qs, w - 2 * gap);
    const Rect panel { area.x, area.y, w, ql->size().h + bh + 3 * gap };
    canvas.draw().fill_rounded_rect(panel, t.px(t.spacing().corner_mm), p.card);
    canvas.draw().stroke_rounded_rect(
        panel, t.px(t.spacing().corner_mm), std::max(1.0f, t.px(0.3f)), p.accent);
    ui::TextSpec spec;
    spec.style = qs;
    spec.color = p.ink;
    spec.background = p.card;
    canvas.text("staff.imports.confirm", question, { panel.x + gap, panel.y + gap }, w - 2 * gap, spec);
    const float by = panel.y + 2 * gap + ql->size().h;
    const float yes_w = action_button(canvas, "staff.imports.rollback.yes",
        staff_text(m_lang, "imports.confirm_yes"), { panel.x + gap, by }, ui::Look::filled);
    action_button(canvas, "staff.imports.rollback.no", staff_text(m_lang, "imports.confirm_no"),
        { panel.x + 2 * gap + yes_w, by }, ui::Look::outline);
    return panel.h + gap;
}

float StaffMode::build_import_history(ui::Canvas& canvas, Rect area)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const Pen pen { canvas, t, p.paper };
    const float gap = t.px(t.spacing().gap_mm);
    float y = area.y;
    y += pen.put("staff.imports.history", staff_text(m_lang, "imports.history"), { area.x, y }, area.w,
                t.type().ui_mm, text::Weight::semibold)
             .h
        + gap;
    const auto history = m_updates->history();
    if (history.empty()) {
        return y - area.y
            + pen.put("staff.imports.history_none", staff_text(m_lang, "imports.history_none"), { area.x, y },
                     area.w, t.type().ui_mm, text::Weight::regular, p.secondary)
                  .h;
    }
    const float chip_w = t.px(30);
    int row = 0;
    for (const auto& entry : history) {
        if (y > area.bottom() - t.px(12)) {
            break; // the rest is in the log
        }
        const std::string id = "staff.imports.entry:" + std::to_string(row++);
        const ui::BannerColors colors = status_colors(t, status_of(entry.result.outcome));
        const std::string outcome
            = staff_text(m_lang, "imports." + std::string(content::name(entry.result.outcome)));
        const text::TextStyle cs { text::Family::sans, text::Weight::semibold,
            t.text_px(t.type().caption_mm) };
        const auto cl = canvas.layout(outcome, cs, chip_w);
        const Rect chip { area.x, y, chip_w, cl->size().h + gap / 2 };
        canvas.draw().fill_rounded_rect(chip, t.px(t.spacing().corner_mm), colors.background);
        ui::TextSpec chip_text;
        chip_text.style = cs;
        chip_text.color = colors.text;
        chip_text.background = colors.background;
        canvas.text(id + ".outcome", outcome, { chip.center().x - cl->size().w / 2, chip.y + gap / 4 },
            chip_w, chip_text);
        const float x = area.x + chip_w + gap;
        const float w = area.w - chip_w - gap;
        float h = pen.put(id + ".file", utc_text(entry.unix_seconds) + "  " + entry.result.file, { x, y }, w,
                         t.type().ui_mm, text::Weight::medium)
                      .h;
        h += pen.put(id + ".reason", entry.result.reason, { x, y + h }, w, t.type().caption_mm,
                    text::Weight::regular, p.secondary, ui::Role::text, text::Family::sans, 2)
                 .h;
        if (!entry.changes.empty()) {
            h += pen.put(id + ".changes", entry.changes, { x, y + h }, w, t.type().caption_mm,
                        text::Weight::regular, p.secondary)
                     .h;
        }
        y += std::max(h, chip.h) + gap;
    }
    return y - area.y;
}

void StaffMode::build_imports(ui::Canvas& canvas, Rect area, const StaffView& view)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const Pen pen { canvas, t, p.paper };
    const float gap = t.px(t.spacing().gap_mm);
    const float bh = t.px(t.spacing().primary_target_mm);
    if (m_updates == nullptr) {
        pen.put("staff.imports.none", staff_text(m_lang, "imports.none"), { area.x, area.y },
            std::min(area.w, t.px(220)), t.type().ui_mm);
        return;
    }
    const content::StoreRecord record = m_updates->record();
    const bool wide = area.w > area.h * 1.3f;
    const float col_w = wide ? area.w * 0.46f : area.w;
    const float key_w = std::min(t.px(60), col_w * 0.4f);
    float y = area.y;
    const auto row = [&](const std::string& key, const std::string& value, const std::string& id) {
        const float kh = pen.put({}, staff_text(m_lang, key), { area.x, y }, key_w - gap, t.type().ui_mm,
                                text::Weight::regular, p.secondary)
                             .h;
        const float vh
            = pen.put(id, value, { area.x + key_w, y }, col_w - key_w, t.type().ui_mm, text::Weight::medium)
                  .h;
        y += std::max(kh, vh) + gap;
    };
    if (record.current) {
        row("imports.current", release_text(m_lang, *record.current), "staff.imports.current");
    }
    row("imports.previous",
        record.previous ? release_text(m_lang, *record.previous)
                        : staff_text(m_lang, "imports.previous_none"),
        "staff.imports.previous");
    if (view.waiting_sequence > 0) {
        const ui::BannerColors colors = status_colors(t, selfcheck::Status::warn);
        const std::string note
            = staff_format(m_lang, "imports.waiting", { { "n", std::to_string(view.waiting_sequence) } });
        const text::TextStyle ns { text::Family::sans, text::Weight::semibold, t.text_px(t.type().ui_mm) };
        const auto nl = canvas.layout(note, ns, col_w - 2 * gap);
        const Rect band { area.x, y, col_w, nl->size().h + gap };
        canvas.draw().fill_rounded_rect(band, t.px(t.spacing().corner_mm), colors.background);
        ui::TextSpec spec;
        spec.style = ns;
        spec.color = colors.text;
        spec.background = colors.background;
        canvas.text("staff.imports.waiting", note, { band.x + gap, band.y + gap / 2 }, col_w - 2 * gap, spec);
        y = band.bottom() + gap;
    } else if (m_updates->busy()) {
        y += pen.put("staff.imports.busy", staff_text(m_lang, "imports.busy"), { area.x, y }, col_w,
                    t.type().ui_mm, text::Weight::regular, p.secondary)
                 .h
            + gap;
    }
    y += gap;
    if (m_confirm_rollback && record.previous && record.current) {
        y += build_rollback_confirm(canvas, { area.x, y, col_w, area.bottom() - y }, record);
    } else {
        float x = area.x;
        x += action_button(canvas, "staff.imports.check", staff_text(m_lang, "imports.check"), { x, y },
                 ui::Look::filled)
            + gap;
        if (x + t.px(60) > area.x + col_w) {
            x = area.x;
            y += bh + gap;
        }
        action_button(canvas, "staff.imports.reload", staff_text(m_lang, "imports.reload"), { x, y },
            ui::Look::outline);
        y += bh + gap;
        if (record.previous) {
            action_button(canvas, "staff.imports.rollback",
                staff_format(
                    m_lang, "imports.rollback", { { "n", std::to_string(record.previous->sequence) } }),
                { area.x, y }, ui::Look::outline);
            y += bh + gap;
        }
    }
    const Rect history = wide ? Rect { area.x + col_w + 2 * gap, area.y, area.w - col_w - 2 * gap, area.h }
                              : Rect { area.x, y + gap, area.w, area.bottom() - y - gap };
    build_import_history(canvas, history);
}

} // namespace ck::app
