// The reader header's reference lists ("References", "Cited by"): each reference a row with its
// id, the cable's subject or why it is not here, and a tap target; measured, then drawn, through
// the same Pen as the header card (reader_header_pen.hpp).
#include "screens/reader_header.hpp"
#include "screens/reader_header_pen.hpp"
#include "screens/reader_text.hpp"
#include "screens/widget_ids.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace ck::screens {

float ReaderHeader::links_contents(Pen& pen, const Env& env, Rect column)
{
    const Metrics m(pen.canvas().theme());
    const float inner = column.w - 2 * m.pad;
    const float x = column.x + m.pad;
    float y = column.y + m.pad;
    if (!m_refs.empty()) {
        y += build_link_list(pen, env, m, { x, y }, inner, env.strings.get("reader.references"), m_refs,
            m_all_refs, "reader.more:refs");
    }
    if (!m_refs.empty() && !m_cited.empty()) {
        y += m.gap * 3;
    }
    if (!m_cited.empty()) {
        y += build_link_list(pen, env, m, { x, y }, inner, env.strings.get("reader.cited_by"), m_cited,
            m_all_cited, "reader.more:cited");
    }
    return y + m.pad - column.y;
}

float ReaderHeader::measure_links(ui::Canvas& canvas, const Env& env, float width)
{
    if (!has_links()) {
        return 0;
    }
    Pen pen(canvas, false);
    return links_contents(pen, env, { 0, 0, width, 0 });
}

float ReaderHeader::build_links(ui::Canvas& canvas, const Env& env, Rect column)
{
    if (!has_links()) {
        return 0;
    }
    const Metrics m(canvas.theme());
    const float height = column.h > 0 ? column.h : measure_links(canvas, env, column.w);
    const Rect card { column.x, column.y, column.w, height };
    canvas.draw().fill_rounded_rect(card, m.corner, m.palette.card);
    canvas.draw().stroke_rounded_rect(card, m.corner, m.rule, m.palette.rule);
    Pen pen(canvas, true);
    links_contents(pen, env, card);
    return height;
}

float ReaderHeader::build_link_list(Pen& pen, const Env& env, const Metrics& m, Point at, float width,
    const std::string& heading, const std::vector<Link>& links, bool show_all, std::string_view more_id)
{
    float y = at.y;
    y += pen.text({}, heading, { at.x, y }, width, m.heading).h + m.gap * 0.5f;
    const bool collapsed = !show_all && links.size() > links_collapse_after;
    const std::size_t shown = collapsed ? links_collapsed_shows : links.size();
    for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0 && pen.drawing()) {
            pen.draw().fill_rect({ at.x, y, width, m.rule }, m.palette.rule);
        }
        y += build_link(pen, env, m, { at.x, y }, width, links[i]);
    }
    if (collapsed) {
        y += m.gap;
        y += build_more(pen, env, m, { at.x, y }, width, more_id, links.size() - shown);
    }
    return y - at.y;
}

float ReaderHeader::build_link(
    Pen& pen, const Env& env, const Metrics& m, Point at, float width, const Link& link)
{
    const ui::Theme& t = pen.canvas().theme();
    const bool in_pack = !link.target.empty();
    const float icon = t.text_px(t.type().caption_mm) * 1.1f;
    const float text_w = width - (in_pack ? icon + m.column_gap : 0);
    const float vpad = t.px(2.2f);
    const bool pressed = pen.canvas().is_pressed(link.id);
    const ui::Color bg = pressed ? m.palette.accent_soft : m.palette.card;

    ui::TextSpec first = m.link;
    first.color = in_pack ? m.palette.accent : m.palette.secondary;
    first.background = bg;
    ui::TextSpec second = m.link_title;
    second.background = bg;
    const std::string detail = link_detail(env, link);
    const auto measure = [&] {
        float h = pen.canvas()
                      .layout(link.label, first.style, text_w, text::WrapMode::words, text::Align::start,
                          first.line_height, 1)
                      ->size()
                      .h;
        if (!detail.empty()) {
            h += t.px(0.8f)
                + pen.canvas()
                      .layout(detail, second.style, text_w, text::WrapMode::words, text::Align::start,
                          second.line_height, 2)
                      ->size()
                      .h;
        }
        return h;
    };
    const float content_h = measure();
    const float h = std::max(m.target, content_h + 2 * vpad);
    const Rect row { at.x - t.px(1.5f), at.y, width + t.px(3), h };
    if (pen.drawing()) {
        if (pressed) {
            pen.draw().fill_rounded_rect(row, m.corner, m.palette.accent_soft);
        }
        float y = at.y + (h - content_h) / 2;
        // Drawn as parts of the link's one widget, not as separate texts.
        const auto first_l = pen.canvas().layout(
            link.label, first.style, text_w, text::WrapMode::words, text::Align::start, first.line_height, 1);
        pen.canvas().draw_layout(*first_l, { at.x, y }, first.color);
        y += first_l->size().h + t.px(0.8f);
        if (!detail.empty()) {
            const auto second_l = pen.canvas().layout(detail, second.style, text_w, text::WrapMode::words,
                text::Align::start, second.line_height, 2);
            pen.canvas().draw_layout(*second_l, { at.x, y }, second.color);
        }
        if (in_pack) {
            ui::draw_icon(pen.draw(), ui::Icon::forward,
                { at.x + width - icon, at.y + (h - icon) / 2, icon, icon }, m.palette.accent,
                std::max(1.5f, icon * 0.09f));
        }
    }
    ui::Widget w;
    w.id = link.id;
    w.role = ui::Role::link;
    w.label = detail.empty() ? link.label : link.label + ": " + detail;
    w.rect = row;
    w.interactive = true;
    w.text_color = first.color;
    w.background = bg;
    w.text_px = second.style.size_px;
    pen.add_widget(std::move(w));
    return h;
}

} // namespace ck::screens
