// The reader's header card (subject, id, the rows of what the cable says about itself, tag chips)
// and its taps; the reference lists are reader_header_links.cpp's. Cards are measured before they
// are drawn (their background goes under their content), so each builder runs through a Pen that
// either only measures or also draws: one function per part, no second copy of the geometry.
// Layouts come from the canvas' cache, so measuring costs lookups.
#include "screens/reader_header.hpp"

#include "cable/origin.hpp"
#include "screens/place_names.hpp"
#include "screens/reader_header_pen.hpp"
#include "screens/reader_text.hpp"
#include "screens/widget_ids.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <map>

namespace ck::screens {
namespace {

std::string upper(std::string_view s)
{
    std::string out(s);
    for (char& c : out) {
        c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return out;
}

std::string join_lines(const std::vector<std::string>& lines, std::size_t count)
{
    std::string out;
    for (std::size_t i = 0; i < count && i < lines.size(); ++i) {
        out += (i > 0 ? "\n" : "") + lines[i];
    }
    return out;
}

} // namespace

ReaderHeader::ReaderHeader(const content::CableRecord& record, content::Pack& pack)
    : m_record(record)
{
    for (const content::GlossaryTerm& g : pack.collection().glossary) {
        m_defined.push_back(upper(g.term));
    }
    std::sort(m_defined.begin(), m_defined.end());

    const cable::Cable& c = record.cable;
    const auto worded = [](const std::string& address) {
        std::string words = cable::origin_from_addressee(address);
        return words.empty() ? address : words;
    };
    m_from = c.origin.empty() ? worded(c.from) : c.origin;
    std::transform(c.to.begin(), c.to.end(), std::back_inserter(m_to), worded);
    std::transform(c.info.begin(), c.info.end(), std::back_inserter(m_info), worded);
    if (!c.classification.empty()) {
        m_marks.push_back(chip(c.classification));
    }
    for (const std::string& caveat : c.caveats) {
        m_marks.push_back(chip(caveat));
    }
    for (const std::string& tag : c.tags) {
        m_tags.push_back(chip(tag));
    }

    // The subjects of referenced cables that are in the pack, read once.
    std::vector<std::string> targets;
    for (const content::ResolvedReference& r : record.refs) {
        if (r.in_pack()) {
            targets.push_back(r.target_id);
        }
    }
    std::map<std::string, content::CableSummary> found;
    if (auto summaries = pack.summaries(targets); summaries.ok()) {
        for (content::CableSummary& s : *summaries) {
            found.emplace(s.id, std::move(s));
        }
    }
    for (std::size_t i = 0; i < record.refs.size(); ++i) {
        const content::ResolvedReference& r = record.refs[i];
        Link link;
        link.id = "reader.ref:" + std::to_string(i);
        const std::string& written = r.ref.text.empty() ? r.ref.id : r.ref.text;
        link.label = r.ref.label.empty() ? written : r.ref.label + ". " + written;
        if (r.in_pack()) {
            link.target = r.target_id;
            const auto it = found.find(r.target_id);
            link.title = it == found.end() || it->second.subject.empty() ? r.target_id : it->second.subject;
            link.date = it == found.end() ? std::string() : it->second.date;
        } else {
            describe_unresolved(r, link);
        }
        m_refs.push_back(std::move(link));
    }
    for (std::size_t i = 0; i < record.cited_by.size(); ++i) {
        const content::CableSummary& s = record.cited_by[i];
        Link link;
        link.id = "reader.cited:" + std::to_string(i);
        link.label = s.id;
        link.title = s.subject.empty() ? s.id : s.subject;
        link.date = s.date;
        link.target = s.id;
        m_cited.push_back(std::move(link));
    }
}

void ReaderHeader::describe_unresolved(const content::ResolvedReference& r, Link& link)
{
    if (r.ref.kind == cable::ReferenceKind::fbis) {
        link.press = true;
        link.notice = "reader.fbis_notice";
        return;
    }
    if (r.possibly.empty()) {
        return;
    }
    // Never a plain link: the id the source page offers may be another cable (another year).
    const content::PossibleTarget& p = r.possibly.front();
    link.possibly = p.id;
    link.reason_key = "reader.reason." + std::string(cable::to_string(p.reason));
    link.notice = "reader.possibly_notice";
}

std::string ReaderHeader::link_detail(const Env& env, const Link& link)
{
    if (link.press) {
        return env.strings.get("reader.ref_fbis");
    }
    if (!link.possibly.empty()) {
        return env.strings.format("reader.ref_possibly",
            { { "id", link.possibly }, { "reason", env.strings.get(link.reason_key) } });
    }
    std::string detail = link.title;
    if (const auto date = cable::CableDate::from_iso(link.date); date && !detail.empty()) {
        detail = reader::format_date({ date->year, date->month, date->day, -1, -1 }, env.strings.lang())
            + "  ·  " + detail;
    }
    return detail;
}

ReaderHeader::Chip ReaderHeader::chip(std::string label) const
{
    const bool defined = std::binary_search(m_defined.begin(), m_defined.end(), upper(label));
    return Chip { std::move(label), defined };
}

float ReaderHeader::card_contents(Pen& pen, const Env& env, Rect column)
{
    const ui::Theme& t = pen.canvas().theme();
    const Metrics m(t);
    const float inner = column.w - 2 * m.pad;
    const cable::Cable& c = m_record.cable;
    const float x = column.x + m.pad;
    float y = column.y + m.pad;
    const std::string& subject = c.subject.empty() ? c.id : c.subject;
    y += pen.text("reader.subject", subject, { x, y }, inner, m.title).h;
    if (!c.subject.empty() && !c.id.empty()) {
        y += t.px(1.5f);
        y += pen.text("reader.id", c.id, { x, y }, inner, m.id).h;
    }
    y += m.gap * 1.5f;
    if (pen.drawing()) {
        pen.draw().fill_rect({ x, y, inner, m.rule }, m.palette.rule);
    }
    y += m.gap * 1.5f + m.rule;
    y += build_rows(pen, env, m, { x, y }, inner);
    return y + m.pad - column.y;
}

float ReaderHeader::measure_card(ui::Canvas& canvas, const Env& env, float width)
{
    Pen pen(canvas, false);
    return card_contents(pen, env, { 0, 0, width, 0 });
}

float ReaderHeader::build_card(ui::Canvas& canvas, const Env& env, Rect column)
{
    const Metrics m(canvas.theme());
    const float height = column.h > 0 ? column.h : measure_card(canvas, env, column.w);
    const Rect card { column.x, column.y, column.w, height };
    canvas.draw().fill_rounded_rect(card, m.corner, m.palette.card);
    canvas.draw().stroke_rounded_rect(card, m.corner, m.rule, m.palette.rule);
    Pen pen(canvas, true);
    card_contents(pen, env, card);
    return height;
}

float ReaderHeader::build_rows(Pen& pen, const Env& env, const Metrics& m, Point at, float width)
{
    const cable::Cable& c = m_record.cable;
    struct Row {
        std::string label;
        std::vector<std::string> lines;
        std::string_view more_id;
        bool show_all = true;
        const std::vector<Chip>* chips = nullptr;
        std::string_view chip_prefix;
    };
    std::vector<Row> rows;
    const auto text_row = [&](std::string_view key, std::vector<std::string> lines,
                              std::string_view more_id = {}, bool show_all = true) {
        Row r;
        r.label = env.strings.get(key);
        r.lines = std::move(lines);
        r.more_id = more_id;
        r.show_all = show_all;
        rows.push_back(std::move(r));
    };
    const auto chip_row = [&](std::string_view key, const std::vector<Chip>& chips, std::string_view prefix,
                              std::string_view more_id, bool show_all) {
        Row r;
        r.label = env.strings.get(key);
        r.chips = &chips;
        r.chip_prefix = prefix;
        r.more_id = more_id;
        r.show_all = show_all;
        rows.push_back(std::move(r));
    };
    if (c.date) {
        if (std::string d = reader::format_date(*c.date, env.strings.lang()); !d.empty()) {
            text_row("reader.date", { std::move(d) });
        }
    }
    if (!c.precedence.empty()) {
        std::string words = env.strings.get(reader::precedence_key(c.precedence));
        text_row("reader.precedence", { words.empty() ? c.precedence : words });
    }
    if (!m_from.empty()) {
        text_row("reader.from", { place_name(env.strings, c.from, m_from) });
    }
    if (!m_to.empty()) {
        text_row("reader.to", place_names(env.strings, c.to, m_to), "reader.more:to", m_all_to);
    }
    if (!m_info.empty()) {
        text_row("reader.info", place_names(env.strings, c.info, m_info), "reader.more:info", m_all_info);
    }
    if (!m_marks.empty()) {
        chip_row("reader.classification", m_marks, "reader.mark:", "reader.more:marks", m_all_marks);
    } else if (std::string none = env.strings.get("about.unmarked"); !none.empty()) {
        // Say so: an unmarked record (CIA and NARA pages) has no banners either.
        text_row("reader.classification", { std::move(none) });
    }
    if (!m_tags.empty()) {
        chip_row("reader.tags", m_tags, "reader.tag:", "reader.more:tags", m_all_tags);
    }
    // A quiet note for visitors of another language: the document itself is in English.
    if (std::string language = env.strings.get("reader.language_value"); !language.empty()) {
        text_row("reader.language", { std::move(language) });
    }

    // The value column starts after the widest label (at most two fifths of the card).
    float label_w = 0;
    for (const Row& r : rows) {
        label_w = std::max(
            label_w, pen.canvas().layout(r.label, m.label.style, text::unlimited_width_px)->size().w);
    }
    label_w = std::min(label_w, width * 0.4f);
    const float value_x = at.x + label_w + m.column_gap;
    const float value_w = width - label_w - m.column_gap;

    float y = at.y;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Row& r = rows[i];
        const float value_line = m.value.style.size_px * m.value.line_height;
        const float label_line = m.label.style.size_px * m.label.line_height;
        // The label first, so that it comes before its value in reading order.
        const float label_dy = ((r.chips != nullptr ? m.chip_h : value_line) - label_line) / 2;
        pen.text({}, r.label, { at.x, y + label_dy }, label_w, m.label);
        const float h = r.chips != nullptr
            ? build_chips(
                pen, env, m, { value_x, y }, value_w, *r.chips, r.chip_prefix, r.more_id, r.show_all)
            : build_row(pen, env, m, { value_x, y }, value_w, r.lines, r.more_id, r.show_all);
        y += h + (i + 1 < rows.size() ? m.gap : 0);
    }
    return y - at.y;
}

float ReaderHeader::build_row(Pen& pen, const Env& env, const Metrics& m, Point at, float width,
    const std::vector<std::string>& lines, std::string_view more_id, bool show_all)
{
    const bool collapsed = !show_all && lines.size() > collapse_after;
    const std::size_t shown = collapsed ? collapsed_shows : lines.size();
    float h = pen.text({}, join_lines(lines, shown), at, width, m.value).h;
    if (collapsed) {
        h += m.gap * 0.6f;
        h += build_more(pen, env, m, { at.x, at.y + h }, width, more_id, lines.size() - shown);
    }
    return h;
}

float ReaderHeader::build_more(Pen& pen, const Env& env, const Metrics& m, Point at, float width,
    std::string_view id, std::size_t hidden)
{
    ui::ButtonSpec more;
    more.id = std::string(id);
    more.label = env.strings.format("reader.more", { { "n", std::to_string(hidden) } });
    if (more.label.empty()) {
        more.label = "+" + std::to_string(hidden); // a key neither the pack nor the kiosk has
    }
    more.look = ui::Look::outline;
    more.text_mm = pen.canvas().theme().type().caption_mm;
    more.weight = text::Weight::semibold;
    // As tall as a chip, so that large text has room in it.
    more.rect = { at.x, at.y, std::min(width, ui::button_width(pen.canvas(), more)), m.chip_h };
    pen.button(more);
    return m.chip_h;
}

float ReaderHeader::build_chips(Pen& pen, const Env& env, const Metrics& m, Point at, float width,
    const std::vector<Chip>& chips, std::string_view id_prefix, std::string_view more_id, bool show_all)
{
    const ui::Theme& t = pen.canvas().theme();
    float x = at.x;
    float y = at.y;
    const bool collapsed = !show_all && chips.size() > chips_collapse_after;
    const std::size_t shown = collapsed ? chips_collapsed_shows : chips.size();
    for (std::size_t i = 0; i < shown; ++i) {
        const Chip& c = chips[i];
        ui::ButtonSpec spec;
        spec.id = std::string(id_prefix) + std::to_string(i);
        spec.label = c.label;
        spec.role = ui::Role::chip;
        spec.look = ui::Look::chip;
        spec.text_mm = t.type().caption_mm;
        spec.weight = text::Weight::semibold;
        const float w = std::min(width, ui::button_width(pen.canvas(), spec));
        if (x > at.x && x + w > at.x + width) {
            x = at.x;
            y += m.chip_h + m.chip_gap;
        }
        spec.rect = { x, y, w, m.chip_h };
        if (c.defined) {
            pen.button(spec);
            if (pen.drawing() && t.contrast() == ui::ContrastMode::high) {
                // High contrast has no soft fill: an outline keeps the chip a chip.
                pen.draw().stroke_rounded_rect(spec.rect, m.chip_h / 2, m.rule, m.palette.accent);
            }
        } else if (pen.drawing()) {
            // No definition to show: a quiet outline that does not invite a tap.
            pen.draw().stroke_rounded_rect(spec.rect, m.chip_h / 2, m.rule, m.palette.rule);
            ui::TextSpec s = m.label;
            s.color = m.palette.secondary;
            s.align = text::Align::center;
            s.max_lines = 1;
            s.line_height = 1.2f;
            const float th = s.style.size_px * s.line_height;
            pen.text({}, c.label, { spec.rect.x, spec.rect.center().y - th / 2 }, spec.rect.w, s);
        }
        x += w + m.chip_gap;
    }
    float h = y + m.chip_h - at.y;
    if (collapsed) {
        h += m.chip_gap;
        h += build_more(pen, env, m, { at.x, at.y + h }, width, more_id, chips.size() - shown);
    }
    return h;
}

std::optional<Intent> ReaderHeader::on_tap(const ui::Widget& widget)
{
    const std::string_view id = widget.id;
    if (const auto i = index_after(id, "reader.tag:"); i && *i < m_tags.size()) {
        return Intent::of(Intent::Kind::show_definition, m_tags[*i].label);
    }
    if (const auto i = index_after(id, "reader.mark:"); i && *i < m_marks.size()) {
        return Intent::of(Intent::Kind::show_definition, m_marks[*i].label);
    }
    const auto open = [](const Link& link) {
        return link.target.empty() ? Intent::of(Intent::Kind::show_notice, link.notice)
                                   : Intent::of(Intent::Kind::open_cable, link.target);
    };
    if (const auto i = index_after(id, "reader.ref:"); i && *i < m_refs.size()) {
        return open(m_refs[*i]);
    }
    if (const auto i = index_after(id, "reader.cited:"); i && *i < m_cited.size()) {
        return open(m_cited[*i]);
    }
    bool* expand = id == "reader.more:to" ? &m_all_to
        : id == "reader.more:info"        ? &m_all_info
        : id == "reader.more:refs"        ? &m_all_refs
        : id == "reader.more:cited"       ? &m_all_cited
        : id == "reader.more:marks"       ? &m_all_marks
        : id == "reader.more:tags"        ? &m_all_tags
                                          : nullptr;
    if (expand != nullptr) {
        *expand = true;
        return Intent::none();
    }
    return std::nullopt;
}

} // namespace ck::screens
