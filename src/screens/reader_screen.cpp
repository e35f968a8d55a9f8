// The cable text is laid out once per (cable, column width, size) through the canvas' layout cache
// and drawn with the canvas' line culling, so a frame costs what is on screen. Glossary terms are
// found once when the cable opens; each frame turns only the visible ones into underlines and
// tap targets, from the glyphs of the visible lines.
#include "screens/reader_screen.hpp"

#include "core/log.hpp"
#include "screens/widget_ids.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace ck::screens {
namespace {

constexpr float line_height = 1.45f;
constexpr float large_line_height = 1.5f;
constexpr float column_em = 42.0f; // a teletype line (69 characters of 0.6 em) and a little air
constexpr float sheet_pad_mm = 8.0f;
constexpr float min_card_mm = 90.0f; // narrower than this, landscape stacks like portrait
constexpr float max_card_mm = 175.0f; // wider than this, the card's lines run too long to scan
constexpr float term_target_mm = 9.0f;
constexpr std::size_t max_text_label_bytes = 16 * 1024;

std::string term_id(std::uint32_t match)
{
    return "term:" + std::to_string(match);
}

std::optional<std::size_t> term_index(std::string_view id)
{
    return index_after(id, "term:");
}

// A rectangle grown (about its centre) to at least `min` in both directions: a fingertip target.
Rect at_least(Rect r, float min)
{
    const float dw = std::max(0.0f, min - r.w);
    const float dh = std::max(0.0f, min - r.h);
    return { r.x - dw / 2, r.y - dh / 2, r.w + dw, r.h + dh };
}

} // namespace

ReaderScreen::ReaderScreen(content::Pack* pack, std::string cable_id)
    : m_pack(pack)
    , m_id(std::move(cable_id))
    , m_zoom(std::vector<float>(reader::size_factors.begin(), reader::size_factors.end()),
          reader::default_size_step)
{
    if (m_pack == nullptr) {
        return;
    }
    auto record = m_pack->cable(m_id);
    if (!record.ok()) {
        // For staff; the visitor sees the calm "not in this collection" message.
        log::warning("reader", "cable " + m_id + " cannot be read: " + record.error().to_string());
        return;
    }
    if (!record->has_value()) {
        return;
    }
    m_record = std::move(**record);
    m_banner = reader::banner_marking(m_record->cable);
    m_header = std::make_unique<ReaderHeader>(*m_record, *m_pack);
    m_thread = ReaderThread::load(*m_pack, m_id);
    m_qr = ReaderQr::make(*m_pack, m_record->cable.id);
    m_terms = reader::TermFinder(m_pack->collection().glossary).find(m_record->cable.display_text);
}

ReaderScreen::~ReaderScreen() = default;

std::optional<std::string> ReaderScreen::banner() const
{
    if (m_banner.empty()) {
        return std::nullopt;
    }
    return m_banner;
}

ReaderScreen::Geometry ReaderScreen::plan(const ui::Theme& t, const Env& env) const
{
    Geometry g;
    g.margin = t.px(t.spacing().margin_mm);
    g.gap = t.px(t.spacing().section_gap_mm);
    g.sheet_pad = t.px(sheet_pad_mm);
    // The column is sized for the default text size, not the large-text one: large print reflows.
    const float sheet_w = column_em * t.px(t.type().cable_mm) + 2 * g.sheet_pad;
    // The body's top may fall between pixels (the chrome is sized in millimetres): start on one.
    const float top = std::ceil(env.body.y);
    const Rect body { env.body.x, top, env.body.w, env.body.bottom() - top };
    const float inner_w = body.w - 2 * g.margin;
    g.two_columns = !env.portrait && inner_w >= sheet_w + g.gap + t.px(min_card_mm);
    if (g.two_columns) {
        // On a wide screen the card and the sheet stay together in the middle.
        g.card_w = std::min(inner_w - sheet_w - g.gap, t.px(max_card_mm));
        const float side = g.margin + (inner_w - g.card_w - g.gap - sheet_w) / 2;
        g.margin_left = side;
        const float split = side + g.card_w + g.gap / 2;
        g.card_view = { body.x, body.y, split, body.h };
        g.text_view = { body.x + split, body.y, body.w - split, body.h };
        g.column_x = g.gap / 2;
        g.column_w = sheet_w;
    } else {
        g.text_view = body;
        g.column_w = std::min(sheet_w, inner_w);
        g.column_x = g.margin + (inner_w - g.column_w) / 2;
    }
    // Whole pixels: glyph quads are snapped inside the view, and a fractional view would shift
    // them all off the pixel grid, where the renderer's nearest sampling drops a stem here and there.
    for (float* v : { &g.margin, &g.margin_left, &g.gap, &g.sheet_pad, &g.column_x, &g.column_w, &g.card_w,
             &g.card_view.x, &g.card_view.w, &g.text_view.x, &g.text_view.w }) {
        *v = std::round(*v);
    }
    g.text_w = g.column_w - 2 * g.sheet_pad;
    return g;
}

void ReaderScreen::lay_out_text(ui::Canvas& canvas, const Geometry& g)
{
    const ui::Theme& t = canvas.theme();
    const text::TextStyle style { text::Family::mono, text::Weight::regular,
        t.text_px(t.type().cable_mm) * reader::size_factors[size_step()] };
    // Large print from the step at which a teletype line no longer fits the column.
    const std::string probe(static_cast<std::size_t>(reader::teletype_line_chars), 'M');
    const float line_w = canvas.layout(probe, style, text::unlimited_width_px)->size().w;
    const bool large = line_w > g.text_w + 0.5f;
    const std::string& display = m_record->cable.display_text;
    if (large && !m_large) {
        m_large = reader::LargePrint::make(display);
        m_large_terms.clear();
        m_large_terms.reserve(m_terms.size());
        for (const reader::TermMatch& m : m_terms) {
            m_large_terms.push_back({ static_cast<std::uint32_t>(m_large->from_display(m.begin)),
                static_cast<std::uint32_t>(m_large->from_display(m.end)), m.term });
        }
    }
    m_shown.large = large;
    m_shown.layout = large ? canvas.layout(m_large->text(), style, g.text_w, text::WrapMode::words,
                         text::Align::start, large_line_height)
                           : canvas.layout(display, style, g.text_w, text::WrapMode::preserve_lines,
                               text::Align::start, line_height);
}

const std::vector<reader::TermMatch>& ReaderScreen::shown_terms() const
{
    return m_shown.large ? m_large_terms : m_terms;
}

void ReaderScreen::build(ui::Canvas& canvas, const Env& env)
{
    if (!m_record) {
        build_missing(canvas, env);
        return;
    }
    if (!m_pinching) {
        m_step = reader::clamp_size_step(env.visit.reader_size_step);
        m_live_step = m_step;
    }
    Geometry g = plan(canvas.theme(), env);
    m_two_columns = g.two_columns;
    lay_out_text(canvas, g);
    m_tour_here = ReaderTourCard::here(env, m_id);
    float tour_h = 0;
    if (m_tour_here) {
        if (const auto offset = m_tour_card.take_paragraph_offset(*m_tour_here, m_record->cable)) {
            m_anchor = Anchor { *offset, g.margin, true };
        }
        if (!g.two_columns) {
            // Portrait pins the tour card under the text: the text's view ends above it.
            tour_h = m_tour_card.measure(canvas, env, *m_tour_here, g.column_w);
            g.text_view.h = std::max(0.0f, g.text_view.h - tour_h - g.margin);
        }
    }
    m_long = m_shown.layout->size().h > 2 * g.text_view.h;
    if (g.two_columns) {
        build_landscape(canvas, env, g);
    } else {
        build_portrait(canvas, env, g);
    }
    if (m_tour_here && !g.two_columns) {
        m_tour_card.build(canvas, env, *m_tour_here,
            { g.text_view.x + g.column_x, std::round(g.text_view.bottom() + g.margin * 0.5f), g.column_w,
                tour_h });
    }
    if (m_pinching) {
        build_size_indicator(canvas, env, g);
    }
}

void ReaderScreen::build_portrait(ui::Canvas& canvas, const Env& env, const Geometry& g)
{
    // Heights first: an anchored size change must know the scroll range before it scrolls.
    const float card_h = m_header->measure_card(canvas, env, g.column_w);
    const float thread_h = m_thread ? m_thread->measure(canvas, env, g.column_w) : 0;
    const float notes_h = build_notices(canvas, env, {}, g.column_w, false);
    const float text_h = m_shown.layout->size().h;
    const float sheet_h = text_h > 0 ? text_h + 2 * g.sheet_pad : 0;
    const float links_h = m_header->measure_links(canvas, env, g.column_w);
    const float between = g.gap * 0.7f;
    float y = g.margin;
    const float card_y = y;
    y += card_h + between;
    const float thread_y = y;
    y += thread_h > 0 ? thread_h + between : 0;
    const float notes_y = y;
    y += notes_h > 0 ? notes_h + between * 0.6f : 0;
    const float sheet_y = std::round(y);
    y = sheet_y + sheet_h;
    const float links_y = y + between;
    y = links_h > 0 ? links_y + links_h : y;
    // The QR code at the end of the document: taken home once read, never in the text's way.
    const float qr_h = m_qr ? m_qr->measure(canvas, env, g.column_w) : 0;
    const float qr_y = y + between;
    y = qr_h > 0 ? qr_y + qr_h : y;
    const float content_h = y + g.margin;
    m_shown.origin = { g.column_x + g.sheet_pad, sheet_y + g.sheet_pad };
    apply_anchor(canvas, g, content_h);

    m_text_scroll.begin(canvas, g.text_view);
    m_header->build_card(canvas, env, { g.column_x, card_y, g.column_w, card_h });
    if (m_thread) {
        m_thread->build(canvas, env, { g.column_x, thread_y, g.column_w, thread_h });
    }
    build_notices(canvas, env, { g.column_x, notes_y }, g.column_w, true);
    build_sheet(canvas, { g.column_x, sheet_y }, g);
    if (links_h > 0) {
        m_header->build_links(canvas, env, { g.column_x, links_y, g.column_w, links_h });
    }
    if (qr_h > 0) {
        m_qr->build(canvas, env, { g.column_x, qr_y, g.column_w, qr_h });
    }
    m_text_scroll.end(canvas, content_h);
}

void ReaderScreen::build_landscape(ui::Canvas& canvas, const Env& env, const Geometry& g)
{
    // Left: the card, then the links onward, scrolling on their own when taller than the screen.
    const float card_h = m_header->measure_card(canvas, env, g.card_w);
    const float links_h = m_header->measure_links(canvas, env, g.card_w);
    // A tour's card goes first, above the header card: the curator's note is read before the cable.
    const float tour_h = m_tour_here ? m_tour_card.measure(canvas, env, *m_tour_here, g.card_w) : 0;
    const float card_y = m_tour_here ? std::round(g.margin + tour_h + g.gap * 0.6f) : g.margin;
    m_card_scroll.begin(canvas, g.card_view);
    if (m_tour_here) {
        m_tour_card.build(canvas, env, *m_tour_here, { g.margin_left, g.margin, g.card_w, tour_h });
    }
    m_header->build_card(canvas, env, { g.margin_left, card_y, g.card_w, card_h });
    float left_h = card_y + card_h;
    if (m_thread) {
        left_h += g.gap * 0.6f;
        left_h += m_thread->build(canvas, env, { g.margin_left, left_h, g.card_w, 0 });
    }
    if (links_h > 0) {
        left_h += g.gap * 0.6f;
        m_header->build_links(canvas, env, { g.margin_left, left_h, g.card_w, links_h });
        left_h += links_h;
    }
    // The QR code ends the column, as it ends the document in portrait: beside the text, never
    // in front of the ways onward.
    if (m_qr) {
        left_h += g.gap * 0.6f;
        left_h += m_qr->build(canvas, env, { g.margin_left, left_h, g.card_w, 0 });
    }
    m_card_scroll.end(canvas, left_h + g.margin);

    // Right: the notices and the cable on its sheet.
    const float notes_h = build_notices(canvas, env, {}, g.column_w, false);
    const float text_h = m_shown.layout->size().h;
    const float sheet_h = text_h > 0 ? text_h + 2 * g.sheet_pad : 0;
    const float sheet_y = std::round(g.margin + (notes_h > 0 ? notes_h + g.gap * 0.4f : 0));
    const float content_h = sheet_y + sheet_h + g.margin;
    m_shown.origin = { g.column_x + g.sheet_pad, sheet_y + g.sheet_pad };
    apply_anchor(canvas, g, content_h);
    m_text_scroll.begin(canvas, g.text_view);
    build_notices(canvas, env, { g.column_x, g.margin }, g.column_w, true);
    build_sheet(canvas, { g.column_x, sheet_y }, g);
    m_text_scroll.end(canvas, content_h);
}

float ReaderScreen::build_notices(ui::Canvas& canvas, const Env& env, Point at, float width, bool draw)
{
    std::vector<std::string> notes;
    if (m_record->cable.ocr) {
        notes.push_back(env.strings.get("reader.ocr_notice"));
    }
    if (m_record->cable.partial_extract) {
        notes.push_back(env.strings.get("reader.partial_notice"));
    }
    notes.erase(std::remove(notes.begin(), notes.end(), std::string()), notes.end());
    if (notes.empty()) {
        return 0;
    }
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    ui::TextSpec spec;
    spec.style = { text::Family::sans, text::Weight::medium, t.text_px(t.type().ui_mm * 0.82f) };
    spec.color = p.ink;
    spec.background = p.bar;
    spec.line_height = 1.4f;
    const float hpad = t.px(5.5f);
    const float vpad = t.px(3.2f);
    const float rule = std::max(2.0f, t.px(0.9f));
    const float inner = width - 2 * hpad - rule;
    const float between = t.px(1.5f);
    float height = 2 * vpad;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        height += canvas
                      .layout(notes[i], spec.style, inner, text::WrapMode::words, text::Align::start,
                          spec.line_height)
                      ->size()
                      .h
            + (i > 0 ? between : 0);
    }
    if (!draw) {
        return height;
    }
    // A quiet editorial note: the bar's warm tone with a rule at its left, like a museum label.
    const Rect box { at.x, at.y, width, height };
    canvas.draw().fill_rounded_rect(box, t.px(t.spacing().corner_mm), p.bar);
    canvas.draw().fill_rect({ box.x, box.y, rule, box.h }, p.secondary);
    float y = at.y + vpad;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        y += canvas
                 .text("reader.notice:" + std::to_string(i), notes[i], { at.x + rule + hpad, y }, inner, spec)
                 .h
            + between;
    }
    return height;
}

float ReaderScreen::build_sheet(ui::Canvas& canvas, Point at, const Geometry& g)
{
    const text::Layout& layout = *m_shown.layout;
    if (layout.lines().empty() || layout.size().h <= 0) {
        return 0;
    }
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const Rect sheet { at.x, at.y, g.column_w, layout.size().h + 2 * g.sheet_pad };
    const float corner = t.px(t.spacing().corner_mm);
    canvas.draw().fill_rounded_rect(sheet, corner, p.card);
    canvas.draw().stroke_rounded_rect(sheet, corner, std::max(1.0f, t.px(0.25f)), p.rule);

    const Point origin = m_shown.origin;
    const Rect visible = canvas.clip();
    const std::vector<VisibleTerm> terms = visible_terms(visible);
    for (const VisibleTerm& term : terms) {
        if (canvas.is_pressed(term_id(term.match))) {
            canvas.draw().fill_rounded_rect(
                term.rect.inset(-t.px(0.6f), t.px(0.4f)), t.px(0.8f), p.accent_soft);
        }
    }
    canvas.draw_layout(layout, origin, p.ink);
    const float underline = std::max(1.0f, std::round(t.px(0.28f)));
    for (const VisibleTerm& term : terms) {
        canvas.draw().fill_rect(
            { term.rect.x, std::round(term.underline_y), term.rect.w, underline }, p.accent.with_alpha(200));
    }

    // The visible lines are one text widget (what `expect text` and a screen reader see); the
    // whole cable is never copied into the tree.
    const std::string& str = m_shown.large ? m_large->text() : m_record->cable.display_text;
    const auto& lines = layout.lines();
    const std::size_t first = layout.line_at(visible.y - origin.y);
    const std::size_t last = layout.line_at(visible.bottom() - origin.y);
    const Point shift = canvas.draw().offset();
    ui::Widget text;
    text.id = "reader.text";
    text.role = ui::Role::text;
    const std::size_t begin = lines[first].byte_begin;
    const std::size_t end = std::min<std::size_t>(lines[last].byte_end, begin + max_text_label_bytes);
    text.label = str.substr(begin, end - begin);
    text.rect = Rect { sheet.x, origin.y + lines[first].top, sheet.w,
        lines[last].top + lines[last].height - lines[first].top }
                    .translated(shift.x, shift.y);
    text.text_color = p.ink;
    text.background = p.card;
    text.text_px = layout.options().style.size_px;
    canvas.add_widget(std::move(text));

    const std::vector<reader::TermMatch>& matches = shown_terms();
    for (const VisibleTerm& term : terms) {
        const reader::TermMatch& m = matches[term.match];
        ui::Widget w;
        w.id = term_id(term.match);
        w.role = ui::Role::link;
        w.label = str.substr(m.begin, m.end - m.begin);
        std::replace(w.label.begin(), w.label.end(), '\n', ' ');
        w.rect = at_least(term.rect, t.px(term_target_mm)).translated(shift.x, shift.y);
        w.interactive = true;
        w.text_color = p.ink;
        w.background = p.card;
        w.text_px = layout.options().style.size_px;
        canvas.add_widget(std::move(w));
    }
    return sheet.h;
}

std::vector<ReaderScreen::VisibleTerm> ReaderScreen::visible_terms(const Rect& visible) const
{
    std::vector<VisibleTerm> out;
    const text::Layout& layout = *m_shown.layout;
    const auto& lines = layout.lines();
    const auto& glyphs = layout.glyphs();
    const std::vector<reader::TermMatch>& matches = shown_terms();
    if (lines.empty() || matches.empty()) {
        return out;
    }
    const Point origin = m_shown.origin;
    const float underline_gap = layout.options().style.size_px * 0.16f;
    const std::size_t first = layout.line_at(visible.y - origin.y);
    const std::size_t last = layout.line_at(visible.bottom() - origin.y);
    for (std::size_t l = first; l <= last && l < lines.size(); ++l) {
        const text::LayoutLine& line = lines[l];
        // Matches are in text order and never overlap: the first that ends inside this line on.
        auto it = std::lower_bound(matches.begin(), matches.end(), line.byte_begin,
            [](const reader::TermMatch& m, std::uint32_t value) { return m.end <= value; });
        for (; it != matches.end() && it->begin < line.byte_end; ++it) {
            float left = INFINITY;
            float right = -INFINITY;
            for (std::uint32_t i = line.glyph_begin; i < line.glyph_end; ++i) {
                const text::PositionedGlyph& glyph = glyphs[i];
                if (glyph.cluster >= it->begin && glyph.cluster < it->end && glyph.advance > 0) {
                    left = std::min(left, glyph.x);
                    right = std::max(right, glyph.x + glyph.advance);
                }
            }
            if (right > left) {
                out.push_back({ { origin.x + left, origin.y + line.top, right - left, line.height },
                    origin.y + line.baseline + underline_gap,
                    static_cast<std::uint32_t>(it - matches.begin()) });
            }
        }
    }
    return out;
}

void ReaderScreen::build_missing(ui::Canvas& canvas, const Env& env)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const float margin = t.px(t.spacing().margin_mm);
    const float width = std::min(env.body.w - 2 * margin, t.px(220));
    const float x = env.body.x + (env.body.w - width) / 2;
    ui::TextSpec heading;
    heading.style = { text::Family::sans, text::Weight::bold, t.text_px(t.type().subheading_mm) };
    heading.color = p.ink;
    heading.background = p.paper;
    heading.role = ui::Role::heading;
    heading.align = text::Align::center;
    heading.line_height = 1.25f;
    ui::TextSpec id;
    id.style = { text::Family::mono, text::Weight::regular, t.text_px(t.type().caption_mm) };
    id.color = p.secondary;
    id.background = p.paper;
    id.align = text::Align::center;
    id.max_lines = 2;
    const std::string message = env.strings.get("reader.not_in_collection");
    const float heading_h = canvas
                                .layout(message, heading.style, width, text::WrapMode::words,
                                    text::Align::center, heading.line_height)
                                ->size()
                                .h;
    const float gap = t.px(t.spacing().gap_mm);
    const float id_h = m_id.empty() ? 0 : id.style.size_px * 1.35f + gap;
    float y = env.body.y + (env.body.h - heading_h - id_h) / 2;
    y += canvas.text("reader.missing", message, { x, y }, width, heading).h + gap;
    if (!m_id.empty()) {
        canvas.text("reader.missing_id", m_id, { x, y }, width, id);
    }
}

Intent ReaderScreen::on_tap(const ui::Widget& widget, const Env& /*env*/)
{
    if (const std::optional<Intent> tour = ReaderTourCard::on_tap(widget)) {
        return *tour;
    }
    if (m_header) {
        if (std::optional<Intent> intent = m_header->on_tap(widget)) {
            return *intent;
        }
    }
    if (m_thread) {
        if (std::optional<Intent> intent = m_thread->on_tap(widget)) {
            return *intent;
        }
    }
    if (const auto i = term_index(widget.id); i && *i < m_terms.size() && m_pack != nullptr) {
        const auto& glossary = m_pack->collection().glossary;
        const std::uint32_t term = m_terms[*i].term;
        if (term < glossary.size()) {
            return Intent::of(Intent::Kind::show_definition, glossary[term].term);
        }
    }
    return Intent::none();
}

} // namespace ck::screens
