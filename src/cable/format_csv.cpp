// Rows of the cablegate CSV: row, created ("M/D/YYYY H:MM"), id, origin, classification,
// references ("A|B|C"), header (DTG and addressees, or a partial-extract note), body.
#include "cable/cable_builder.hpp"
#include "cable/csv_reader.hpp"
#include "cable/dates.hpp"
#include "cable/formats.hpp"
#include "cable/limits.hpp"
#include "cable/text_util.hpp"

#include <unordered_map>

namespace ck::cable {
namespace {

constexpr std::size_t field_count = 8;
enum Column : std::size_t { row_number, created, id, origin, classification, references, header, body };

void append_lines(Lines& lines, std::string_view text, std::size_t first_number)
{
    const Lines part = split_lines(text, first_number);
    lines.insert(lines.end(), part.begin(), part.end());
}

Metadata row_metadata(const CsvRow& row)
{
    Metadata m;
    m.id = std::string(text::trim(row.fields[id]));
    m.date = parse_date_prefix(row.fields[created]);
    m.origin = std::string(text::trim(row.fields[origin]));
    set_metadata_classification(m, row.fields[classification]);
    const std::string_view refs = row.fields[references];
    std::size_t start = 0;
    while (start < refs.size() && m.listed_reference_ids.size() < limits::max_refs) {
        std::size_t bar = refs.find('|', start);
        if (bar == std::string_view::npos) {
            bar = refs.size();
        }
        const std::string_view ref = text::trim(refs.substr(start, bar - start));
        if (!ref.empty()) {
            m.listed_reference_ids.emplace_back(ref);
            // Listed by the CSV's metadata, not written in the cable: no text of its own.
            m.refs.push_back(Reference { {}, {}, std::string(ref), {}, ReferenceKind::cable });
        }
        start = bar + 1;
    }
    m.partial_extract = text::icontains(row.fields[header], "partial extract of the original cable");
    m.attributes = {
        { "Row", std::string(text::trim(row.fields[row_number])) },
        { "Created", std::string(text::trim(row.fields[created])) },
        { "Reference ID", m.id },
        { "Origin", m.origin },
        { "Classification", std::string(text::trim(row.fields[classification])) },
        { "References", std::string(refs) },
    };
    return m;
}

} // namespace

void parse_cablegate_csv(std::string_view text, Sink& sink, std::vector<Cable>& out)
{
    CsvReader reader(text);
    std::unordered_map<std::string, std::size_t> seen_ids;
    bool first = true;
    while (true) {
        std::optional<CsvProblem> problem;
        std::optional<CsvRow> row = reader.next(problem);
        if (!row) {
            if (problem) {
                sink.error(problem->line, "CSV: " + problem->message + "; the rest of the file is not read");
            }
            return;
        }
        const bool header_row
            = first && !row->fields.empty() && !text::all_digits(text::trim(row->fields[0]));
        first = false;
        if (header_row) {
            continue;
        }
        if (row->fields.size() != field_count) {
            sink.error(row->line,
                "CSV: the row has " + std::to_string(row->fields.size())
                    + " fields; a cablegate row has 8 (row, created, id, origin, classification, references, "
                      "header, body); row skipped");
            continue;
        }
        Metadata m = row_metadata(*row);
        Lines lines;
        append_lines(lines, row->fields[header], row->field_lines[header]);
        append_lines(lines, row->fields[body], row->field_lines[body]);
        const int hint = year_hint(m);
        Telegram t = read_telegram(lines, { hint, IdEra::cablegate }, sink);
        Cable c = build_cable(std::move(m), std::move(t), SourceFormat::csv, IdEra::cablegate);
        c.source_line = row->line;
        if (!c.id.empty()) {
            const auto [it, inserted] = seen_ids.emplace(c.id, row->line);
            if (!inserted) {
                sink.warning(row->line,
                    "CSV: id " + c.id + " also on the row at line " + std::to_string(it->second)
                        + "; both rows are kept");
            }
        }
        out.push_back(std::move(c));
    }
}

} // namespace ck::cable
