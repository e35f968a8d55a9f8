// WikiLeaks PlusD pages of CORE telegrams and of cablegate-era cables.
#include "cable/attributes.hpp"
#include "cable/cable_builder.hpp"
#include "cable/dates.hpp"
#include "cable/formats.hpp"
#include "cable/limits.hpp"
#include "cable/page_tables.hpp"
#include "cable/refs.hpp"
#include "cable/tags.hpp"
#include "cable/text_util.hpp"

#include <algorithm>

namespace ck::cable {
namespace {

constexpr std::size_t title_search_lines = 12;

struct PageParts {
    std::vector<Attribute> header; // tables above the telegram
    std::vector<Attribute> block; // the CORE attribute / PlusD metadata block
    std::string title;
    std::vector<std::string> listed_ids;
    std::size_t telegram_begin = 0;
    std::size_t telegram_end = 0;
    bool markdown = false;
};

// Above the telegram: a label-column table ("Identifier ...") with "Cable title:" and "Tags:", or
// a title line and "Key: value" header table ("Canonical ID: ...") before "Content".
void read_header(const Lines& lines, PageParts& p)
{
    const std::size_t n = lines.size();
    const std::size_t content = find_marker(lines, 0, n, { "Content", "Message Text", "## Message Text" });
    p.markdown = content < n && text::trim(lines[content].text).starts_with("## ");
    const std::size_t after_table = read_column_table(lines, 0, p.header);
    if (after_table > 0) {
        const std::size_t stop = std::min(n, after_table + title_search_lines);
        for (std::size_t i = after_table; i < stop; ++i) {
            const std::string_view t = text::trim(lines[i].text);
            if (t.starts_with("Cable title:")) {
                std::string_view v = text::trim(t.substr(12));
                for (std::size_t k = i + 1; v.empty() && k < stop; ++k) {
                    v = text::trim(lines[k].text);
                }
                p.title = std::string(v);
                p.header.push_back(Attribute { "Cable title", p.title });
            } else if (t.starts_with("Tags:")) {
                p.header.push_back(Attribute { "Tags", std::string(text::trim(t.substr(5))) });
            }
        }
        p.telegram_begin = content < n ? content + 1 : after_table;
        return;
    }
    for (std::size_t i = 0; i < content && i < n; ++i) {
        const std::string_view t = text::trim(lines[i].text);
        Attribute a;
        if (t.empty()) {
            continue;
        }
        if (parse_key_value_line(t, a)) {
            p.header.push_back(std::move(a));
        } else if (p.title.empty() && p.header.empty()) {
            p.title = text::collapse_spaces(t);
        }
    }
    p.telegram_begin = content < n ? content + 1 : 0;
}

void read_footer(const Lines& lines, PageParts& p)
{
    const std::size_t n = lines.size();
    const std::size_t begin = p.telegram_begin;
    p.telegram_end = std::min({ find_marker(lines, begin, n,
                                    { "Raw content", "Metadata", "Message Attributes",
                                        "## Message Attributes", "Share this cable" }),
        find_prefix(lines, begin, n, "References to this document"),
        find_prefix(lines, begin, n, "References in this document") });
    std::size_t block = find_marker(lines, begin, n, { "Message Attributes", "## Message Attributes" });
    if (block < n) {
        ++block;
    } else {
        block = find_marker(lines, begin, n, { "Metadata" });
        if (block + 1 < n && text::trim(lines[block + 1].text) == "---") {
            block += 2;
        } else {
            block = n;
        }
    }
    const std::size_t refs_to = find_prefix(lines, block, n, "References to this document");
    const std::size_t refs_in = find_prefix(lines, block, n, "References in this document");
    if (block < n) {
        p.block = parse_attribute_block(lines, block, std::min(refs_to, refs_in), limits::max_attributes);
    }
    if (refs_in < n) {
        const std::string_view t = lines[refs_in].text;
        const std::size_t colon = t.find(':');
        for (const std::string_view w :
            text::split_words(t.substr(colon == std::string_view::npos ? t.size() : colon + 1))) {
            if (w.size() > 4 && text::is_digit(w[0])) {
                p.listed_ids.emplace_back(w);
            }
        }
    }
}

std::optional<CableDate> first_date(
    const std::vector<Attribute>& attrs, std::initializer_list<std::string_view> keys)
{
    for (const std::string_view k : keys) {
        if (auto d = parse_date_prefix(attribute_value(attrs, k))) {
            return d;
        }
    }
    return std::nullopt;
}

Metadata page_metadata(PageParts& p)
{
    Metadata m;
    std::string_view id = attribute_value(p.block, "Document Number");
    if (id.empty()) {
        id = strip_page_suffix(attribute_value(p.header, "Canonical ID"));
    }
    if (id.empty()) {
        id = attribute_value(p.header, "Identifier");
    }
    m.id = std::string(id);
    m.date = first_date(p.header, { "Date", "Created" });
    if (!m.date) {
        m.date = first_date(p.block, { "Sent Date", "Draft Date" });
    }
    std::string_view classification = attribute_value(p.block, "Original Classification");
    if (classification.empty()) {
        classification = attribute_value(p.header, "Original Classification");
    }
    if (classification.empty()) {
        classification = attribute_value(p.header, "Classification");
    }
    set_metadata_classification(m, classification);
    m.origin = std::string(attribute_value(p.header, "Origin"));
    m.subject = std::string(attribute_value(p.block, "Subject"));
    if (m.subject.empty()) {
        m.subject = p.title;
    }
    if (const std::string_view tags = attribute_value(p.block, "TAGS"); !tags.empty()) {
        m.tags = parse_tag_value(tags, limits::max_tags).tags;
    } else if (const std::string_view page_tags = attribute_value(p.header, "TAGS"); !page_tags.empty()) {
        m.tags = parse_plusd_tag_list(page_tags, limits::max_tags);
    } else {
        m.tags = parse_tag_value(attribute_value(p.header, "Tags"), limits::max_tags).tags;
    }
    m.listed_reference_ids = std::move(p.listed_ids);
    m.ocr = p.markdown;
    m.attributes = std::move(p.header);
    m.attributes.insert(m.attributes.end(), p.block.begin(), p.block.end());
    return m;
}

} // namespace

void parse_plusd_page(const Lines& lines, Sink& sink, std::vector<Cable>& out)
{
    PageParts parts;
    read_header(lines, parts);
    read_footer(lines, parts);
    const std::string reference = std::string(attribute_value(parts.block, "Reference"));
    const bool core_source = text::iequals(attribute_value(parts.block, "Document Source"), "CORE");
    Metadata m = page_metadata(parts);
    m.partial_extract = has_partial_extract_note(lines, 0, parts.telegram_end);
    const IdEra era = !m.id.empty() ? era_of_id(m.id) : (core_source ? IdEra::core : IdEra::cablegate);
    const int hint = year_hint(m);
    if (!reference.empty()) {
        m.refs = parse_ref_value(reference, hint, era, limits::max_refs).refs;
    }
    Telegram t = read_telegram(slice(lines, parts.telegram_begin, parts.telegram_end), { hint, era }, sink);
    const SourceFormat format = era == IdEra::core ? SourceFormat::core : SourceFormat::plusd;
    Cable c = build_cable(std::move(m), std::move(t), format, era);
    c.source_line = 1;
    out.push_back(std::move(c));
}

} // namespace ck::cable
