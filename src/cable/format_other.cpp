// Documents of no telegram format: OCR'd intelligence assessments published as web pages
// ("Created: 12/1/1983" and an OCR note above the title) and NARA JFK-release OCR in Markdown code
// fences, with a record number ("104-10176-10020") and, for CIA cables, a citation line
// ("STAFF 131953Z DIRECTOR 941533") whose month and year come from the TOT line.
#include "cable/cia_cable.hpp"
#include "cable/dates.hpp"
#include "cable/formats.hpp"
#include "cable/memo.hpp"
#include "cable/page_tables.hpp"
#include "cable/text_util.hpp"

namespace ck::cable {
namespace {

constexpr std::size_t max_title_bytes = 200;

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

// A CIA cable's routing (see cia_cable.hpp) fills id, date, sender and addressees; a memorandum
// without a cable number is known by its NARA record number.
void apply_cia_cable(const Lines& lines, const MemoFields& memo, Cable& c)
{
    const std::optional<CiaCable> cia = read_cia_cable(lines);
    const NaraRecord record = nara_record_number(lines);
    if (!record.number.empty()) {
        c.attributes.push_back({ "NARA Record Number", record.number });
    }
    if (cia) {
        c.id = cia->id;
        c.confidence.id = cia->id_confidence;
        c.date = cia->date;
        c.confidence.date = cia->date_confidence;
        c.from = cia->from;
        c.to = cia->to;
        c.info = cia->info;
        c.precedence = cia->precedence;
        c.refs = cia->refs;
        if (!cia->classification.empty()) {
            c.classification = cia->classification;
            c.confidence.classification = cia->classification_confidence;
        }
    }
    if (c.id.empty() && !record.number.empty()) {
        c.id = "NARA " + record.number;
        c.confidence.id = record.repaired ? Confidence::ocr_repaired : Confidence::ocr;
    }
    if (!c.date) {
        c.date = memo.date;
        c.confidence.date = memo.date_confidence;
    }
    if (c.from.empty()) {
        c.from = memo.from;
    }
}

// A NARA release page names its record at the top; when OCR left it unreadable and the page is
// no cable with a number of its own, the document has no id: say so.
void warn_unreadable_record(const Lines& lines, const Cable& c, Sink& sink)
{
    constexpr std::size_t release_banner_lines = 10;
    if (!c.id.empty()) {
        return;
    }
    for (std::size_t i = 0; i < lines.size() && i < release_banner_lines; ++i) {
        if (text::icontains(lines[i].text, "ASSASSINATION RECORDS ACT")) {
            sink.warning(lines[i].number,
                "the NARA record number on this release page is unreadable OCR; the document has no id "
                "(check by hand)");
            return;
        }
    }
}

} // namespace

void parse_other(const Lines& lines, Sink& sink, std::vector<Cable>& out)
{
    Cable c;
    c.format = SourceFormat::other;
    const MemoFields memo = read_memo_fields(lines, nullptr);
    c.subject = memo.subject;
    c.confidence.subject = memo.subject_confidence;
    c.to = memo.to;
    c.classification = memo.classification;
    bool fenced = false;
    bool ocr_note = false;
    for (const Line& line : lines) {
        const std::string_view t = text::trim(line.text);
        fenced = fenced || t.starts_with("```");
        ocr_note = ocr_note || text::icontains(t, "OCR");
    }
    apply_cia_cable(lines, memo, c);
    report_unreadable(memo, sink);
    warn_unreadable_record(lines, c, sink);
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
