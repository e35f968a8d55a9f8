// cablegate.wikileaks.org pages: "Viewing cable 09STATE96222, TITLE" and the Reference ID table.
#include "cable/attributes.hpp"
#include "cable/cable_builder.hpp"
#include "cable/dates.hpp"
#include "cable/formats.hpp"
#include "cable/page_tables.hpp"
#include "cable/text_util.hpp"

namespace ck::cable {

void parse_cablegate_page(const Lines& lines, Sink& sink, std::vector<Cable>& out)
{
    Metadata m;
    std::size_t table_start = 0;
    std::string title_id;
    const std::size_t viewing = find_prefix(lines, 0, lines.size(), "Viewing cable ");
    if (viewing < lines.size()) {
        // "Viewing cable 09STATE96222, S) FRENCH FIRM SELLING ..." (the title is cut by the page).
        const std::string_view t = text::trim(lines[viewing].text).substr(14);
        const std::size_t comma = t.find(", ");
        title_id = std::string(text::trim(t.substr(0, comma)));
        if (comma != std::string_view::npos) {
            m.subject = text::collapse_spaces(t.substr(comma + 2));
        }
        table_start = viewing + 1;
    }
    const std::size_t table_end = read_column_table(lines, table_start, m.attributes);
    m.id = std::string(attribute_value(m.attributes, "Reference ID"));
    if (m.id.empty()) {
        m.id = title_id;
    }
    m.date = parse_date_prefix(attribute_value(m.attributes, "Created"));
    set_metadata_classification(m, attribute_value(m.attributes, "Classification"));
    m.origin = std::string(attribute_value(m.attributes, "Origin"));
    m.partial_extract = has_partial_extract_note(lines, table_start, lines.size());
    const std::size_t end = find_marker(lines, table_end, lines.size(), { "Share this cable" });
    Telegram t = read_telegram(slice(lines, table_end, end), { year_hint(m), IdEra::cablegate }, sink);
    Cable c = build_cable(std::move(m), std::move(t), SourceFormat::cablegate, IdEra::cablegate);
    c.source_line = 1;
    out.push_back(std::move(c));
}

} // namespace ck::cable
