// Internal to src/screens: the Pen and Metrics the reader header's two files share. A Pen either
// only measures or also draws, so a card is measured and then drawn by one function per part.
#pragma once

#include "screens/reader_header.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace ck::screens {

class ReaderHeader::Pen {
public:
    Pen(ui::Canvas& canvas, bool draw)
        : m_canvas(canvas)
        , m_draw(draw)
    {
    }
    [[nodiscard]] bool drawing() const { return m_draw; }
    [[nodiscard]] ui::Canvas& canvas() { return m_canvas; }
    [[nodiscard]] ui::DrawList& draw() { return m_canvas.draw(); }

    Size text(std::string_view id, std::string_view str, Point at, float width, const ui::TextSpec& spec)
    {
        if (m_draw) {
            return m_canvas.text(id, str, at, width, spec);
        }
        const auto laid = spec.balanced
            ? m_canvas.balanced_layout(str, spec.style, width, spec.align, spec.line_height, spec.max_lines)
            : m_canvas.layout(
                str, spec.style, width, spec.wrap, spec.align, spec.line_height, spec.max_lines);
        return laid->size();
    }
    void button(const ui::ButtonSpec& spec)
    {
        if (m_draw) {
            ui::button(m_canvas, spec);
        }
    }
    void add_widget(ui::Widget widget)
    {
        if (m_draw) {
            widget.rect = widget.rect.translated(m_canvas.draw().offset().x, m_canvas.draw().offset().y);
            m_canvas.add_widget(std::move(widget));
        }
    }

private:
    ui::Canvas& m_canvas;
    bool m_draw;
};

struct ReaderHeader::Metrics {
    float pad = 0; // inside a card
    float gap = 0; // between rows
    float column_gap = 0; // between a row's label and its value
    float chip_h = 0;
    float chip_gap = 0;
    float target = 0; // the smallest touch target
    float rule = 1; // hairline width
    float corner = 0;
    ui::TextSpec title; // the subject, in the cable's own face
    ui::TextSpec id;
    ui::TextSpec label;
    ui::TextSpec value;
    ui::TextSpec heading; // "References", "Cited by"
    ui::TextSpec link;
    ui::TextSpec link_title;
    ui::Palette palette;

    explicit Metrics(const ui::Theme& t)
        : pad(t.px(7))
        , gap(t.px(3.2f))
        , column_gap(t.px(5))
        , chip_gap(t.px(t.spacing().target_gap_mm))
        , target(t.px(t.spacing().target_mm))
        , rule(std::max(1.0f, t.px(0.25f)))
        , corner(t.px(t.spacing().corner_mm))
        , palette(t.palette())
    {
        const ui::Palette& p = palette;
        const auto spec = [&](text::Family family, text::Weight weight, float mm, ui::Color color, float lh) {
            ui::TextSpec s;
            s.style = { family, weight, t.text_px(mm) };
            s.color = color;
            s.background = p.card;
            s.line_height = lh;
            return s;
        };
        title = spec(text::Family::mono, text::Weight::bold, t.type().subheading_mm * 0.92f, p.ink, 1.25f);
        title.role = ui::Role::heading;
        title.balanced = true;
        title.max_lines = 6; // the whole subject is in the cable text too
        id = spec(text::Family::mono, text::Weight::regular, t.type().caption_mm, p.secondary, 1.3f);
        label = spec(text::Family::sans, text::Weight::semibold, t.type().caption_mm, p.secondary, 1.45f);
        value = spec(text::Family::sans, text::Weight::regular, t.type().ui_mm * 0.9f, p.ink, 1.45f);
        heading = spec(text::Family::sans, text::Weight::bold, t.type().ui_mm, p.ink, 1.3f);
        heading.role = ui::Role::heading;
        link = spec(text::Family::mono, text::Weight::bold, t.type().caption_mm * 1.05f, p.accent, 1.3f);
        link.max_lines = 1;
        link_title = spec(text::Family::sans, text::Weight::regular, t.type().caption_mm, p.secondary, 1.35f);
        link_title.max_lines = 2;
        chip_h = std::max(target, t.text_px(t.type().caption_mm) * 1.9f);
    }
};

} // namespace ck::screens
