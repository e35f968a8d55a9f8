// Rows are laid out from the theme in millimetres; the left column's width comes from the widest
// stamp and the widest date the language can produce, not from the rows at hand, so a list keeps
// its columns while it scrolls and pages in new rows.
#include "screens/cable_row.hpp"

#include "cable/origin.hpp"
#include "core/ascii.hpp"
#include "screens/place_names.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace ck::screens {
namespace {

using ascii::is_space;

// Words separated by any run of ASCII whitespace.
std::vector<std::string_view> words_of(std::string_view s)
{
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) {
            ++i;
        }
        const std::size_t begin = i;
        while (i < s.size() && !is_space(s[i])) {
            ++i;
        }
        if (i > begin) {
            out.push_back(s.substr(begin, i - begin));
        }
    }
    return out;
}

std::string joined(const std::vector<std::string_view>& words)
{
    std::string out;
    for (const std::string_view w : words) {
        out += out.empty() ? "" : " ";
        out += w;
    }
    return out;
}

// Institutions that cables name by their initials; they stay in capitals when a place is worded.
bool is_known_acronym(std::string_view w)
{
    static constexpr std::array<std::string_view, 34> acronyms = { "CIA", "DIA", "NSA", "NSC", "FBI", "JCS",
        "DOD", "DOE", "DHS", "USUN", "UN", "UNVIE", "US", "USA", "EU", "USEU", "NATO", "USNATO", "IAEA",
        "OECD", "ASEAN", "OSCE", "USOSCE", "CINCPAC", "USCINCPAC", "CINCEUR", "USCINCEUR", "SECDEF", "USTR",
        "USAID", "AID", "UNESCO", "FAO", "ICAO" };
    return std::find(acronyms.begin(), acronyms.end(), w) != acronyms.end();
}

bool is_minor_word(std::string_view w)
{
    static constexpr std::array<std::string_view, 9> minor
        = { "AND", "OF", "THE", "FOR", "TO", "IN", "ON", "AT", "BY" };
    return std::find(minor.begin(), minor.end(), w) != minor.end();
}

// "KOREA COLLECTIVE" -> "Korea Collective", "ALL EAST ASIAN AND PACIFIC POSTS" -> "All East Asian and
// Pacific Posts"; initials and words with digits or slashes stay as written.
std::string title_case(const std::vector<std::string_view>& words)
{
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string_view w = words[i];
        out += i == 0 ? "" : " ";
        if (w == "WASHDC") {
            out += "Washington";
            continue;
        }
        const bool keep = is_known_acronym(w)
            || std::any_of(w.begin(), w.end(), [](char c) { return (c >= '0' && c <= '9') || c == '/'; });
        if (keep) {
            out += w;
            continue;
        }
        if (i > 0 && is_minor_word(w)) {
            for (const char c : w) {
                out.push_back(ascii::to_lower(c));
            }
            continue;
        }
        bool word_start = true;
        for (const char c : w) {
            out.push_back(word_start ? c : ascii::to_lower(c));
            // "O'HARE", "SAINT-DENIS": a letter after an apostrophe or hyphen starts a word again.
            word_start = c == '-' || c == '\'';
        }
    }
    return out;
}

bool read_number(std::string_view s, int& out)
{
    if (s.empty()) {
        return false;
    }
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc {} && end == s.data() + s.size();
}

constexpr std::array<std::string_view, 12> month_abbr
    = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

} // namespace

std::string stamp_marking(std::string_view classification)
{
    std::string c = ascii::to_upper(joined(words_of(classification)));
    if (const std::size_t slashes = c.find("//"); slashes != std::string::npos) {
        c.resize(slashes);
        while (!c.empty() && c.back() == ' ') {
            c.pop_back();
        }
    }
    if (c.starts_with("TOP SECRET")) {
        return "TOP SECRET";
    }
    if (c.starts_with("SECRET")) {
        return "SECRET";
    }
    if (c.starts_with("CONFIDENTIAL")) {
        return "CONFIDENTIAL";
    }
    if (c.starts_with("LIMITED OFFICIAL USE")) {
        return "LOU";
    }
    if (c.starts_with("SENSITIVE BUT UNCLASSIFIED")) {
        return "SBU";
    }
    if (c.starts_with("UNCLAS")) {
        return "UNCLASSIFIED";
    }
    if (c.starts_with("FOR OFFICIAL USE ONLY")) {
        return "FOUO";
    }
    return c;
}

std::string natural_date(std::string_view iso, std::string_view lang)
{
    if (const std::size_t t = iso.find('T'); t != std::string_view::npos) {
        iso = iso.substr(0, t);
    }
    int year = 0;
    int month = 0;
    int day = 0;
    if (iso.size() < 4 || !read_number(iso.substr(0, 4), year) || year <= 0) {
        return {};
    }
    if (iso.size() > 4) {
        if (iso.size() < 7 || iso[4] != '-' || !read_number(iso.substr(5, 2), month) || month < 1
            || month > 12) {
            return {};
        }
    }
    if (iso.size() > 7) {
        if (iso.size() != 10 || iso[7] != '-' || !read_number(iso.substr(8, 2), day) || day < 1 || day > 31) {
            return {};
        }
    }
    const std::string y = std::to_string(year);
    if (lang == "ja") {
        std::string out = y + "年";
        if (month > 0) {
            out += std::to_string(month) + "月";
        }
        if (day > 0) {
            out += std::to_string(day) + "日";
        }
        return out;
    }
    std::string out;
    if (day > 0) {
        out += std::to_string(day) + " ";
    }
    if (month > 0) {
        out += std::string(month_abbr[static_cast<std::size_t>(month - 1)]) + " ";
    }
    return out + y;
}

std::string short_place(std::string_view addressee)
{
    const std::vector<std::string_view> words = words_of(addressee);
    if (words.empty()) {
        return {};
    }
    std::string tidy = joined(words);
    if (ascii::to_upper(tidy) == "SECRETARY OF STATE" || ascii::to_upper(words[0]) == "SECSTATE") {
        // Cables from and to the Department are addressed to its Secretary; visitors know it as
        // Washington, and so do the cables themselves ("WASHINGTON'S VIEW").
        return "Washington";
    }
    if (std::any_of(tidy.begin(), tidy.end(), ascii::is_lower)) {
        return tidy; // already worded by a person: "Embassy Tokyo", "Chief, FI/Division D"
    }
    if (std::string worded = cable::origin_from_addressee(tidy); !worded.empty()) {
        return worded;
    }
    return title_case(words);
}

namespace {

// A row's place: the names table's name in the visitor's language (by the address as written, as
// worded, or as the row words it), else the row's short English form.
std::string row_place(const Strings& strings, std::string_view written, std::string_view worded)
{
    const std::string english = short_place(worded.empty() ? written : worded);
    if (english.empty()) {
        return english;
    }
    if (std::string local = strings.name_of(worded); !local.empty()) {
        return place_name(strings, written, local);
    }
    return place_name(strings, written, english);
}

} // namespace

std::string route_line(const content::CableSummary& cable, const Strings& strings)
{
    const std::string from = row_place(strings, cable.from, cable.origin);
    const std::string to = row_place(strings, cable.first_to, {});
    if (!from.empty() && !to.empty()) {
        return from + " → " + to;
    }
    if (!from.empty()) {
        return strings.format("row.from", { { "from", from } });
    }
    if (!to.empty()) {
        return strings.format("row.to", { { "to", to } });
    }
    return {};
}

std::string group_digits(std::int64_t n)
{
    const bool negative = n < 0;
    std::string digits = std::to_string(n);
    if (negative) {
        digits.erase(0, 1);
    }
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out.push_back(',');
        }
        out.push_back(digits[i]);
    }
    return negative ? "-" + out : out;
}

std::string year_span(const Strings& strings, int from, int to)
{
    if (from == to) {
        return strings.format("year.title", { { "year", std::to_string(from) } });
    }
    return strings.format(
        "section.years", { { "from", std::to_string(from) }, { "to", std::to_string(to) } });
}

std::string cable_count(const Strings& strings, std::int64_t n)
{
    return strings.format(n == 1 ? "section.count_one" : "section.count", { { "n", group_digits(n) } });
}

CableRowMetrics cable_row_metrics(ui::Canvas& canvas, std::string_view lang)
{
    const ui::Theme& t = canvas.theme();
    CableRowMetrics m;
    m.pad_y = t.px(3.8f);
    m.gap = t.px(5.5f);
    m.chevron_w = t.px(8);
    m.route_gap = t.px(1.2f);
    m.date_style = { text::Family::sans, text::Weight::semibold, t.text_px(t.type().ui_mm * 0.78f) };
    m.stamp_style = { text::Family::sans, text::Weight::bold, t.text_px(3.7f) };
    m.route_style = { text::Family::sans, text::Weight::regular, t.text_px(t.type().caption_mm) };
    m.subject_style = { text::Family::mono, text::Weight::regular, t.text_px(t.type().cable_mm * 0.92f) };
    m.snippet_style = { text::Family::sans, text::Weight::regular, t.text_px(t.type().caption_mm) };
    m.stamp_h = m.stamp_style.size_px * 1.8f;
    m.stamp_pad_x = t.px(1.9f);
    text::FontSet& fonts = canvas.text().fonts;
    float widest = 0;
    for (const std::string_view marking : { "CONFIDENTIAL", "UNCLASSIFIED", "TOP SECRET" }) {
        widest = std::max(widest, fonts.measure(marking, m.stamp_style) + 2 * m.stamp_pad_x);
    }
    for (int month = 1; month <= 12; ++month) {
        const std::string iso = "2008-" + std::string(month < 10 ? "0" : "") + std::to_string(month) + "-28";
        widest = std::max(widest, fonts.measure(natural_date(iso, lang), m.date_style));
    }
    m.left_w = std::ceil(widest) + t.px(1);
    return m;
}

namespace {

bool has_route(const content::CableSummary& cable)
{
    return !short_place(cable.origin.empty() ? cable.from : cable.origin).empty()
        || !short_place(cable.first_to).empty();
}

struct RowParts {
    float text_x = 0;
    float text_w = 0;
    float route_h = 0;
};

RowParts parts_of(const CableRowMetrics& m, const CableRowSpec& spec)
{
    RowParts p;
    p.text_x = spec.origin.x + m.left_w + m.gap;
    p.text_w = std::max(1.0f, spec.width - m.left_w - m.gap - m.chevron_w);
    p.route_h = m.route_style.size_px * 1.35f;
    return p;
}

std::shared_ptr<const text::Layout> subject_layout(
    ui::Canvas& canvas, const CableRowMetrics& m, const CableRowSpec& spec, float width)
{
    return canvas.layout(spec.cable->subject, m.subject_style, width, text::WrapMode::words,
        text::Align::start, m.subject_line_height, 2);
}

std::shared_ptr<const text::Layout> snippet_layout(
    ui::Canvas& canvas, const CableRowMetrics& m, const CableRowSpec& spec, float width)
{
    return canvas.layout(
        spec.snippet, m.snippet_style, width, text::WrapMode::words, text::Align::start, 1.4f, 2);
}

// Draws a laid-out text with marker highlights behind it and records it as a text widget.
void marked_text(ui::Canvas& canvas, const text::Layout& laid, std::string_view str, Point at, ui::Color ink,
    ui::Color background, const std::vector<content::Highlight>& highlights)
{
    for (const content::Highlight& h : highlights) {
        if (h.begin < h.end && h.end <= str.size()) {
            canvas.highlight_range(laid, at, h.begin, h.end, canvas.theme().palette().highlight);
        }
    }
    canvas.draw_layout(laid, at, ink);
    ui::Widget w;
    w.role = ui::Role::text;
    w.label = std::string(str);
    w.rect
        = { at.x + canvas.draw().offset().x, at.y + canvas.draw().offset().y, laid.size().w, laid.size().h };
    w.text_color = ink;
    w.background = background;
    w.text_px = laid.options().style.size_px;
    canvas.add_widget(std::move(w));
}

} // namespace

float cable_row_height(ui::Canvas& canvas, const CableRowMetrics& m, const CableRowSpec& spec)
{
    const RowParts p = parts_of(m, spec);
    const float subject_line_h = m.subject_style.size_px * m.subject_line_height;
    const float left_h = p.route_h + m.route_gap + std::max(subject_line_h, m.stamp_h);
    float subject_h = m.subject_style.size_px * m.subject_line_height * 2;
    if (spec.fit == RowFit::content) {
        subject_h = subject_layout(canvas, m, spec, p.text_w)->size().h;
    }
    // Without a route (records with no addressees) the subject moves up to the date's line.
    // Rows of one height always have room for it.
    const bool route = spec.fit == RowFit::two_lines || has_route(*spec.cable);
    float right_h = (route ? p.route_h + m.route_gap : 0) + subject_h;
    if (!spec.snippet.empty()) {
        right_h += m.route_gap * 2 + snippet_layout(canvas, m, spec, p.text_w)->size().h;
    }
    const float min_h = canvas.theme().px(canvas.theme().spacing().row_mm);
    return std::max(min_h, std::ceil(2 * m.pad_y + std::max(left_h, right_h)));
}

float draw_stamp(ui::Canvas& canvas, const CableRowMetrics& m, Point origin, std::string_view classification)
{
    const std::string marking = stamp_marking(classification);
    if (marking.empty()) {
        return 0;
    }
    const ui::Theme& t = canvas.theme();
    const ui::BannerColors colors = t.banner(classification);
    // An unusual marking is shown as written, but never wider than the stamp column: it ends in an
    // ellipsis there.
    const float room = std::max(1.0f, m.left_w - 2 * m.stamp_pad_x);
    const auto laid
        = canvas.layout(marking, m.stamp_style, room, text::WrapMode::words, text::Align::start, 1.2f, 1);
    const float w = std::min(m.left_w, std::ceil(laid->size().w + 2 * m.stamp_pad_x));
    const Rect box { origin.x, origin.y, w, m.stamp_h };
    canvas.draw().fill_rounded_rect(box, t.px(1.1f), colors.background);
    ui::TextSpec spec;
    spec.style = m.stamp_style;
    spec.color = colors.text;
    spec.background = colors.background;
    spec.max_lines = 1;
    spec.line_height = 1.2f;
    canvas.text({}, marking, { box.x + m.stamp_pad_x, box.y + (box.h - laid->size().h) / 2 }, room, spec);
    return w;
}

float cable_row(
    ui::Canvas& canvas, const CableRowMetrics& m, const CableRowSpec& spec, const Strings& strings)
{
    CK_ASSERT(spec.cable != nullptr);
    const content::CableSummary& cable = *spec.cable;
    const ui::Theme& t = canvas.theme();
    const ui::Palette& pal = t.palette();
    const RowParts p = parts_of(m, spec);
    const float h = cable_row_height(canvas, m, spec);
    const Rect row { spec.origin.x, spec.origin.y, spec.width, h };
    const std::string id = spec.id.empty() ? "row:" + cable.id : spec.id;
    const bool pressed = canvas.is_pressed(id);
    const ui::Color bg = pressed ? pal.accent_soft : pal.paper;
    if (pressed) {
        canvas.draw().fill_rect(row, bg);
    }
    canvas.draw().fill_rect(
        { row.x, row.bottom() - std::max(1.0f, t.px(0.25f)), row.w, std::max(1.0f, t.px(0.25f)) }, pal.rule);

    const float top = row.y + m.pad_y;
    std::string date = natural_date(cable.date, strings.lang());
    if (date.empty()) {
        date = strings.get("row.undated");
    }
    ui::TextSpec spec_date;
    spec_date.style = m.date_style;
    spec_date.color = pal.ink;
    spec_date.background = bg;
    spec_date.max_lines = 1;
    spec_date.line_height = 1.3f;
    // The date shares the route's line: both are centred on a line box of the route's height.
    canvas.text(
        {}, date, { row.x, top + (p.route_h - m.date_style.size_px * 1.3f) / 2 }, m.left_w, spec_date);

    const std::string route = has_route(cable) ? route_line(cable, strings) : std::string();
    if (!route.empty()) {
        ui::TextSpec spec_route;
        spec_route.style = m.route_style;
        spec_route.color = pal.secondary;
        spec_route.background = bg;
        spec_route.max_lines = 1;
        spec_route.line_height = 1.35f;
        canvas.text({}, route, { p.text_x, top }, p.text_w, spec_route);
    }

    // The stamp stays under the date whether or not the subject moved up beside it.
    const float second_line = top + p.route_h + m.route_gap;
    const float subject_top = route.empty()
        ? top + (p.route_h - m.subject_style.size_px * m.subject_line_height) / 2
        : second_line;
    const float subject_line_h = m.subject_style.size_px * m.subject_line_height;
    draw_stamp(canvas, m, { row.x, second_line + (subject_line_h - m.stamp_h) / 2 }, cable.classification);
    const auto subject = subject_layout(canvas, m, spec, p.text_w);
    marked_text(
        canvas, *subject, cable.subject, { p.text_x, subject_top }, pal.ink, bg, spec.subject_highlights);
    if (!spec.snippet.empty()) {
        const auto snippet = snippet_layout(canvas, m, spec, p.text_w);
        marked_text(canvas, *snippet, spec.snippet,
            { p.text_x, subject_top + subject->size().h + m.route_gap * 2 }, pal.secondary, bg,
            spec.snippet_highlights);
    }

    // A chevron: the row opens something, in the one colour of interaction.
    const float half = t.px(1.9f);
    const float stroke = std::max(1.5f, t.px(0.55f));
    const Point tip { row.right() - m.chevron_w / 2 + half / 2, row.center().y };
    canvas.draw().line({ tip.x - half, tip.y - half }, tip, stroke, pal.accent);
    canvas.draw().line({ tip.x - half, tip.y + half }, tip, stroke, pal.accent);

    ui::Widget w;
    w.id = id;
    w.role = ui::Role::link;
    const std::string marking = stamp_marking(cable.classification);
    w.label = date + ", " + (route.empty() ? "" : route + ", ") + (marking.empty() ? "" : marking + ": ")
        + cable.subject;
    w.rect = row.translated(canvas.draw().offset().x, canvas.draw().offset().y);
    w.interactive = true;
    canvas.add_widget(std::move(w));
    return h;
}

std::string_view row_cable_id(const ui::Widget& widget)
{
    constexpr std::string_view prefix = "row:";
    const std::string_view id = widget.id;
    return id.starts_with(prefix) ? id.substr(prefix.size()) : std::string_view {};
}

} // namespace ck::screens
