// Metadata and telegram combined into one Cable.
#include "cable/cable_builder.hpp"

#include "cable/classification.hpp"
#include "cable/origin.hpp"
#include "cable/refs.hpp"

namespace ck::cable {

int year_hint(const Metadata& metadata)
{
    if (const int y = year_of_id(metadata.id); y > 0) {
        return y;
    }
    return metadata.date ? metadata.date->year : 0;
}

void set_metadata_classification(Metadata& metadata, std::string_view value)
{
    if (auto b = parse_classification_value(value)) {
        metadata.classification = b->classification;
        for (std::string& c : b->caveats) {
            add_caveat(metadata.caveats, std::move(c));
        }
    }
}

Cable build_cable(Metadata m, Telegram t, SourceFormat format, IdEra era)
{
    Cable c;
    c.format = format;
    if (m.id.empty()) {
        c.confidence.id = Confidence::derived; // from the banner or the FM line and routing serial
    }
    c.id = !m.id.empty() ? std::move(m.id) : derived_id(t, era);
    c.date = t.date ? t.date : m.date;
    if (c.date && !t.date) {
        c.date->hour = -1; // metadata times are not UTC transmission times
        c.date->minute = -1;
    }
    c.precedence = std::move(t.precedence);
    c.from = std::move(t.from);
    c.to = std::move(t.to);
    c.info = std::move(t.info);
    c.excluded = std::move(t.excluded);
    c.origin = derive_origin(m.origin, c.from);
    if (c.from.empty() && m.partial_extract) {
        // A partial extract has no routing lines: the page's origin is the only sender it names.
        c.from = addressee_from_origin(c.origin);
        c.confidence.from = Confidence::derived;
    }
    c.classification = t.banner ? t.banner->classification : std::move(m.classification);
    c.caveats = std::move(t.caveats);
    for (std::string& cv : m.caveats) {
        add_caveat(c.caveats, std::move(cv));
    }
    c.eo_line = std::move(t.eo_line);
    c.declassification = std::move(t.declassification);
    c.tags = !t.tags.empty() ? std::move(t.tags) : std::move(m.tags);
    c.subject = !t.subject.empty() ? std::move(t.subject) : std::move(m.subject);
    c.refs = !t.refs.empty() ? std::move(t.refs) : std::move(m.refs);
    attach_alternatives(c.refs, m.listed_reference_ids);
    c.classified_by = std::move(t.classified_by);
    c.signature = std::move(t.signature);
    c.attributes = std::move(m.attributes);
    c.display_text = std::move(t.display_text);
    c.ocr = m.ocr;
    c.partial_extract = m.partial_extract;
    return c;
}

} // namespace ck::cable
