// Documents of no telegram format: OCR'd intelligence assessments published as web pages
// ("Created: 12/1/1983" and an OCR note above the title) and NARA JFK-release OCR in Markdown code
// fences, with a record number ("104-10176-10020") and, for CIA cables, a citation line
// ("STAFF 131953Z DIRECTOR 941533") whose month and year come from the TOT line.
#include "cable/dates.hpp"
#include "cable/dtg.hpp"
#include "cable/formats.hpp"
#include "cable/memo.hpp"
#include "cable/page_tables.hpp"
#include "cable/text_util.hpp"

namespace ck::cable {
namespace {

constexpr std::size_t record_search_lines = 30;
constexpr std::size_t citation_search_lines = 80;
constexpr std::size_t max_title_bytes = 200;

// "104-10176-10020": a NARA JFK collection record number.
std::string nara_record_number(const Lines& lines)
{
    for (std::size_t i = 0; i < lines.size() && i < record_search_lines; ++i) {
        const std::string_view t = lines[i].text;
        for (std::size_t p = 0; p + 15 <= t.size(); ++p) {
            const std::string_view s = t.substr(p, 15);
            if ((p == 0 || !text::is_digit(t[p - 1])) && text::all_digits(s.substr(0, 3)) && s[3] == '-'
                && text::all_digits(s.substr(4, 5)) && s[9] == '-' && text::all_digits(s.substr(10, 5))
                && (p + 15 == t.size() || !text::is_digit(t[p + 15]))) {
                return std::string(s);
            }
        }
    }
    return {};
}

struct Citation {
    std::string id; // "DIRECTOR 941533"
    int day = 0;
    int hour = 0;
    int minute = 0;
};

// "STAFF 131953Z DIRECTOR 941533": channel, day-time group, originator, cable number.
std::optional<Citation> cia_citation(std::string_view line)
{
    const std::vector<std::string_view> w = text::split_words(line);
    if (w.size() != 4 || w[1].size() != 7 || w[1].back() != 'Z' || !text::all_digits(w[1].substr(0, 6))
        || !text::all_digits(w[3]) || w[3].size() < 4) {
        return std::nullopt;
    }
    for (const char c : w[2]) {
        if (!text::is_upper(c)) {
            return std::nullopt;
        }
    }
    Citation c;
    c.id = std::string(w[2]) + " " + std::string(w[3]);
    c.day = text::to_int(w[1].substr(0, 2));
    c.hour = text::to_int(w[1].substr(2, 2));
    c.minute = text::to_int(w[1].substr(4, 2));
    return c;
}

// "TOT: 131946Z SEP 96": a full day-time group anywhere on a line gives the month and year.
std::optional<Dtg> any_dtg(std::string_view line)
{
    const std::vector<std::string_view> w = text::split_words(line);
    for (std::size_t i = 0; i + 2 < w.size(); ++i) {
        if (w[i].size() == 7 && w[i].back() == 'Z' && text::all_digits(w[i].substr(0, 6))) {
            std::string probe = "R ";
            probe.append(w[i]);
            probe += ' ';
            probe.append(w[i + 1]);
            probe += ' ';
            probe.append(w[i + 2]);
            if (auto d = parse_dtg_line(probe)) {
                return d;
            }
        }
    }
    return std::nullopt;
}

std::optional<CableDate> citation_date(const Citation& c, const std::optional<Dtg>& full)
{
    if (!full) {
        return std::nullopt;
    }
    Dtg d = *full;
    d.day = c.day;
    d.hour = c.hour;
    d.minute = c.minute;
    return dtg_to_date(d, 0);
}

// A web page of an OCR'd document: "Created: M/D/YYYY", an OCR note, then the title; at the end
// the site's "Original document." and comment invitation. Returns the range of the document's own
// text (the whole file when the page has no such frame).
std::pair<std::size_t, std::size_t> read_web_page(const Lines& lines, Cable& c)
{
    std::size_t i = 0;
    while (i < lines.size() && text::is_blank(lines[i].text)) {
        ++i;
    }
    if (i >= lines.size() || !text::trim(lines[i].text).starts_with("Created:")) {
        return { 0, lines.size() };
    }
    if (!c.date) {
        c.date = parse_date_prefix(text::trim(lines[i].text).substr(8));
    }
    std::size_t title = i + 1;
    for (; title < lines.size(); ++title) {
        const std::string_view t = text::trim(lines[title].text);
        if (t.empty() || text::icontains(t, "OCR scan")) {
            continue;
        }
        if (c.subject.empty() && t.size() <= max_title_bytes) {
            c.subject = text::collapse_spaces(t);
        }
        break;
    }
    std::size_t end = lines.size();
    while (end > title) {
        const std::string_view t = text::trim(lines[end - 1].text);
        if (t.empty() || t == "Original document." || t.starts_with("Comment about this article")) {
            --end;
            continue;
        }
        break;
    }
    return { title, end };
}

} // namespace

void parse_other(const Lines& lines, Sink& sink, std::vector<Cable>& out)
{
    Cable c;
    c.format = SourceFormat::other;
    const MemoFields memo = read_memo_fields(lines, nullptr);
    c.subject = memo.subject;
    c.to = memo.to;
    c.classification = memo.classification;
    std::optional<Citation> citation;
    std::optional<Dtg> full_dtg;
    bool fenced = false;
    bool ocr_note = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view t = text::trim(lines[i].text);
        fenced = fenced || t.starts_with("```");
        ocr_note = ocr_note || text::icontains(t, "OCR");
        if (i < citation_search_lines) {
            if (!citation) {
                citation = cia_citation(t);
            }
            if (!full_dtg) {
                full_dtg = any_dtg(t);
            }
        }
    }
    const std::string record = nara_record_number(lines);
    if (citation) {
        c.id = citation->id;
        c.date = citation_date(*citation, full_dtg);
        if (!record.empty()) {
            c.id.append(" (NARA ").append(record).append(")");
        }
    } else if (!record.empty()) {
        c.id = "NARA " + record;
    }
    if (!c.date) {
        c.date = memo.date;
    }
    const auto [text_begin, text_end] = read_web_page(lines, c);
    c.ocr = fenced || ocr_note;
    c.display_text = ocr_display_text(slice(lines, text_begin, text_end));
    c.source_line = 1;
    if (c.id.empty() && !c.date && c.subject.empty() && c.classification.empty()) {
        sink.error(
            1, "no cable found: the text has no id, date, subject or classification of any known format");
        return;
    }
    out.push_back(std::move(c));
}

} // namespace ck::cable
