// The section's cables are read once, when the screen is made (a curated section is short); each
// frame only lays out what the layout cache already holds.
#include "screens/section_screen.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace ck::screens {
namespace {

int year_of(const std::string& iso_date)
{
    int year = 0;
    if (iso_date.size() >= 4) {
        std::from_chars(iso_date.data(), iso_date.data() + 4, year);
    }
    return year;
}

} // namespace

PageColumns page_columns(const ui::Theme& t, const Env& env, float side_share)
{
    const float margin = t.px(t.spacing().margin_mm);
    const Rect body = env.body;
    PageColumns c;
    const float inner_w = body.w - 2 * margin;
    c.split = !env.portrait && inner_w >= t.px(300);
    if (!c.split) {
        c.main_view = body;
        c.main = { margin, margin, inner_w, 0 };
        return c;
    }
    // The same proportions as the home screen's introduction beside its cards.
    const float side_w = inner_w * side_share;
    const float gap = t.px(t.spacing().section_gap_mm) * 1.5f;
    c.side_view = { body.x, body.y, margin + side_w + gap / 2, body.h };
    c.side = { margin, margin, side_w, 0 };
    c.main_view = { c.side_view.right(), body.y, body.right() - c.side_view.right(), body.h };
    c.main = { gap / 2, margin, c.main_view.w - gap / 2 - margin, 0 };
    return c;
}

ui::TextSpec page_heading_spec(const ui::Theme& t)
{
    ui::TextSpec s;
    s.style = { text::Family::sans, text::Weight::bold, t.text_px(t.type().heading_mm) };
    s.color = t.palette().ink;
    s.background = t.palette().paper;
    s.role = ui::Role::heading;
    s.line_height = 1.15f;
    s.balanced = true;
    return s;
}

ui::TextSpec page_eyebrow_spec(const ui::Theme& t)
{
    ui::TextSpec s;
    s.style = { text::Family::sans, text::Weight::semibold, t.text_px(t.type().caption_mm) };
    s.color = t.palette().secondary;
    s.background = t.palette().paper;
    s.line_height = 1.3f;
    return s;
}

ui::TextSpec page_prose_spec(const ui::Theme& t)
{
    ui::TextSpec s;
    s.style = { text::Family::sans, text::Weight::regular, t.text_px(t.type().ui_mm * 0.92f) };
    s.color = t.palette().ink;
    s.background = t.palette().paper;
    s.line_height = 1.5f;
    return s;
}

namespace {

bool has_cjk(std::string_view text)
{
    // Lead bytes of U+3000 and above (E3..EF): CJK punctuation, kana, ideographs, full-width forms.
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0xE3 && b <= 0xEF;
    });
}

// Phrases end after a space (which is dropped at a break) or after an ideographic comma or stop.
std::vector<std::string> phrases_of(std::string_view text)
{
    std::vector<std::string> out;
    std::string current;
    for (std::size_t i = 0; i < text.size(); ++i) {
        current.push_back(text[i]);
        const bool space = text[i] == ' ';
        const bool mark = text.substr(i, 3) == "、" || text.substr(i, 3) == "。";
        if (mark) {
            current.append(text.substr(i + 1, 2));
            i += 2;
        }
        if (space || mark) {
            out.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) {
        out.push_back(std::move(current));
    }
    return out;
}

// Greedy lines of phrases within `width`; trailing spaces do not count.
std::vector<std::string> pack_phrases(
    const std::vector<std::string>& phrases, const std::vector<float>& widths, float space_w, float width)
{
    std::vector<std::string> lines;
    std::string line;
    float used = 0;
    for (std::size_t i = 0; i < phrases.size(); ++i) {
        const bool ends_in_space = !phrases[i].empty() && phrases[i].back() == ' ';
        const float ink = widths[i] - (ends_in_space ? space_w : 0);
        if (!line.empty() && used + ink > width) {
            while (!line.empty() && line.back() == ' ') {
                line.pop_back();
            }
            lines.push_back(std::move(line));
            line.clear();
            used = 0;
        }
        line += phrases[i];
        used += widths[i];
    }
    while (!line.empty() && line.back() == ' ') {
        line.pop_back();
    }
    if (!line.empty()) {
        lines.push_back(std::move(line));
    }
    return lines;
}

} // namespace

std::string phrase_lines(
    text::FontSet& fonts, std::string_view text, const text::TextStyle& style, float width)
{
    if (!has_cjk(text) || text.find('\n') != std::string_view::npos) {
        return std::string(text);
    }
    const std::vector<std::string> phrases = phrases_of(text);
    std::vector<float> widths;
    for (const std::string& p : phrases) {
        const float w = fonts.measure(p, style);
        if (w > width) {
            return std::string(text); // a phrase must be broken inside: leave it to the line breaker
        }
        widths.push_back(w);
    }
    const float space_w = fonts.measure(" ", style);
    const std::size_t count = pack_phrases(phrases, widths, space_w, width).size();
    // The narrowest width that needs no more lines: the lines come out of even length.
    float lo = 0;
    float hi = width;
    for (int i = 0; i < 12; ++i) {
        const float mid = (lo + hi) / 2;
        const bool fits = std::all_of(widths.begin(), widths.end(), [&](float w) { return w <= mid; })
            && pack_phrases(phrases, widths, space_w, mid).size() <= count;
        (fits ? hi : lo) = mid;
    }
    std::string out;
    for (const std::string& line : pack_phrases(phrases, widths, space_w, hi)) {
        out += out.empty() ? "" : "\n";
        out += line;
    }
    return out;
}

std::string keep_ranges_together(std::string_view text)
{
    // U+2060 WORD JOINER after an en dash between digits: "1985–2008" never breaks after its dash.
    constexpr std::string_view dash = "–";
    constexpr std::string_view joiner = "\u2060";
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        out.push_back(text[i]);
        if (text.substr(i, dash.size()) == dash) {
            out.append(text.substr(i + 1, dash.size() - 1));
            const bool digits = i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1])) != 0
                && i + dash.size() < text.size()
                && std::isdigit(static_cast<unsigned char>(text[i + dash.size()])) != 0;
            if (digits) {
                out.append(joiner);
            }
            i += dash.size() - 1;
        }
    }
    return out;
}

Size page_heading(ui::Canvas& canvas, std::string_view id, std::string_view text, Point origin, float width,
    ui::TextSpec spec)
{
    const std::string joined = keep_ranges_together(text);
    const std::string lines = phrase_lines(canvas.text().fonts, joined, spec.style, width);
    if (lines == text) {
        return canvas.text(id, text, origin, width, spec);
    }
    const bool phrased = lines != joined;
    const auto laid = phrased || !spec.balanced
        ? canvas.layout(lines, spec.style, width,
            phrased ? text::WrapMode::preserve_lines : text::WrapMode::words, spec.align, spec.line_height,
            spec.max_lines)
        : canvas.balanced_layout(lines, spec.style, width, spec.align, spec.line_height, spec.max_lines);
    canvas.draw_layout(*laid, origin, spec.color);
    ui::Widget w;
    w.id = std::string(id);
    w.role = spec.role;
    w.label = std::string(text); // what it says, not where it may break
    w.rect = { origin.x + canvas.draw().offset().x, origin.y + canvas.draw().offset().y, laid->size().w,
        laid->size().h };
    w.text_color = spec.color;
    w.background = spec.background;
    w.text_px = spec.style.size_px;
    canvas.add_widget(std::move(w));
    return laid->size();
}

float prose_measure(const ui::Theme& t)
{
    return page_prose_spec(t).style.size_px * 38;
}

SectionScreen::SectionScreen(content::Pack* pack, const std::string& section_id)
    : m_pack(pack)
{
    if (m_pack == nullptr) {
        return;
    }
    for (const content::Section& s : m_pack->collection().sections) {
        if (s.id == section_id) {
            m_section = &s;
        }
    }
    if (m_section == nullptr) {
        return;
    }
    auto summaries = m_pack->summaries(m_section->cables);
    if (!summaries.ok()) {
        return; // the list shows as empty; the pack's own checks report the fault
    }
    m_cables = std::move(*summaries);
    for (const content::CableSummary& c : m_cables) {
        if (const int y = year_of(c.date); y > 0) {
            m_first_year = m_first_year == 0 ? y : std::min(m_first_year, y);
            m_last_year = std::max(m_last_year, y);
        }
    }
}

float SectionScreen::build_intro(ui::Canvas& canvas, const Env& env, Rect column)
{
    const ui::Theme& t = canvas.theme();
    const std::string& lang = env.strings.lang();
    float y = column.y;
    y += canvas.text({}, env.strings.get("home.sections"), { column.x, y }, column.w, page_eyebrow_spec(t)).h
        + t.px(2);
    const std::string title = m_section != nullptr ? content::pick(m_section->title, lang) : std::string();
    y += page_heading(canvas, "section.title", title, { column.x, y }, column.w, page_heading_spec(t)).h
        + t.px(4);

    std::string meta = cable_count(env.strings, static_cast<std::int64_t>(m_cables.size()));
    if (m_first_year > 0) {
        meta += "  ·  " + year_span(env.strings, m_first_year, m_last_year);
    }
    y += canvas.text("section.meta", meta, { column.x, y }, column.w, page_eyebrow_spec(t)).h
        + t.px(t.spacing().gap_mm * 1.5f);
    if (m_section != nullptr) {
        y += canvas
                 .text("section.caption", content::pick(m_section->caption, lang), { column.x, y },
                     std::min(column.w, prose_measure(t)), page_prose_spec(t))
                 .h;
    }
    return y - column.y;
}

float SectionScreen::build_rows(ui::Canvas& canvas, const Env& env, Rect column)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    float y = column.y;
    if (m_cables.empty()) {
        return canvas
            .text("list.empty", env.strings.get("list.empty"), { column.x, y }, column.w, page_prose_spec(t))
            .h;
    }
    const float rule = std::max(1.0f, t.px(0.25f));
    canvas.draw().fill_rect({ column.x, y, column.w, rule }, p.rule);
    const CableRowMetrics metrics = cable_row_metrics(canvas, env.strings.lang());
    const Rect visible = canvas.clip();
    for (const content::CableSummary& cable : m_cables) {
        CableRowSpec row;
        row.cable = &cable;
        row.origin = { column.x, y };
        row.width = column.w;
        // Rows above or below the view are measured, not drawn.
        const float h = cable_row_height(canvas, metrics, row);
        if (y + h >= visible.y && y <= visible.bottom()) {
            cable_row(canvas, metrics, row, env.strings);
        }
        y += h;
    }
    return y - column.y;
}

void SectionScreen::build(ui::Canvas& canvas, const Env& env)
{
    if (m_pack == nullptr) {
        return;
    }
    const ui::Theme& t = canvas.theme();
    const float margin = t.px(t.spacing().margin_mm);
    const PageColumns cols = page_columns(t, env);
    if (cols.split) {
        m_side.begin(canvas, cols.side_view);
        const float intro_h = build_intro(canvas, env, cols.side);
        m_side.end(canvas, cols.side.y + intro_h + margin);
        m_list.begin(canvas, cols.main_view);
        const float rows_h = build_rows(canvas, env, cols.main);
        m_list.end(canvas, cols.main.y + rows_h + margin);
        return;
    }
    m_list.begin(canvas, cols.main_view);
    float y = cols.main.y + build_intro(canvas, env, cols.main) + t.px(t.spacing().section_gap_mm);
    y += build_rows(canvas, env, { cols.main.x, y, cols.main.w, 0 });
    m_list.end(canvas, y + margin);
}

Intent SectionScreen::on_tap(const ui::Widget& widget, const Env& /*env*/)
{
    if (const std::string_view cable = row_cable_id(widget); !cable.empty()) {
        return Intent::of(Intent::Kind::open_cable, std::string(cable));
    }
    return Intent::none();
}

Intent SectionScreen::on_gesture(const input::Gesture& gesture, const Env& /*env*/)
{
    if (!m_list.on_gesture(gesture)) {
        m_side.on_gesture(gesture);
    }
    return Intent::none();
}

void SectionScreen::advance(Millis now)
{
    m_side.advance(now);
    m_list.advance(now);
}

bool SectionScreen::animating() const
{
    return m_side.animating() || m_list.animating();
}

} // namespace ck::screens
