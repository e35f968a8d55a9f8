// Bare telegrams: the text of a cable with no page around it, as mirrors and dumps hold them
// (VZCZC routing, Markdown link artefacts). Everything comes from the telegram itself.
#include "cable/cable_builder.hpp"
#include "cable/formats.hpp"
#include "cable/page_tables.hpp"

namespace ck::cable {

void parse_bare_telegram(const Lines& lines, Sink& sink, std::vector<Cable>& out)
{
    Metadata m;
    m.partial_extract = has_partial_extract_note(lines, 0, lines.size());
    Telegram t = read_telegram(lines, { 0, IdEra::cablegate }, sink);
    Cable c = build_cable(std::move(m), std::move(t), SourceFormat::bare, IdEra::cablegate);
    c.source_line = 1;
    out.push_back(std::move(c));
}

} // namespace ck::cable
