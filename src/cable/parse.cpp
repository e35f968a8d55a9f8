// parse(): size and encoding checks, format detection, dispatch, and the finishing touches every
// cable gets (source, paragraphs, sanity warnings).
#include "cable/parse.hpp"

#include "cable/cable_id.hpp"
#include "cable/detect.hpp"
#include "cable/diagnostics.hpp"
#include "cable/formats.hpp"
#include "cable/limits.hpp"
#include "cable/lines.hpp"
#include "cable/paragraphs.hpp"
#include "cable/text_normalize.hpp"
#include "cable/text_util.hpp"

namespace ck::cable {
namespace {

bool is_telegram_format(SourceFormat f)
{
    switch (f) {
    case SourceFormat::core:
    case SourceFormat::plusd:
    case SourceFormat::cablegate:
    case SourceFormat::bare:
    case SourceFormat::csv:
        return true;
    case SourceFormat::crest:
    case SourceFormat::other:
        return false;
    }
    return false;
}

// OCR text is never "as written" with certainty: what no rule marked otherwise is "ocr".
void mark_ocr_fields(FieldConfidence& f)
{
    for (Confidence* level :
        { &f.id, &f.date, &f.from, &f.to, &f.classification, &f.subject, &f.tags, &f.refs }) {
        if (*level == Confidence::source) {
            *level = Confidence::ocr;
        }
    }
}

void finish(Cable& c, std::string_view source_name, Sink& sink)
{
    c.source_file = std::string(source_name);
    if (c.ocr) {
        mark_ocr_fields(c.confidence);
    }
    c.paragraphs = find_paragraphs(c.display_text, limits::max_paragraphs);
    if (!is_telegram_format(c.format)) {
        return;
    }
    if (c.id.empty()) {
        sink.warning(c.source_line, "no cable id found in the metadata or the classification line");
    } else if (!is_well_formed_id(c.id)) {
        sink.warning(c.source_line, "id " + c.id + " is not of a known form; kept as written");
    }
    if (!c.date) {
        sink.warning(c.source_line, "no date-time group and no metadata date");
    }
}

bool input_is_acceptable(std::string_view bytes, Sink& sink)
{
    if (bytes.size() > limits::max_input_bytes) {
        sink.error(0,
            "the file is " + std::to_string(bytes.size()) + " bytes; files over "
                + std::to_string(limits::max_input_bytes) + " bytes are not parsed");
        return false;
    }
    if (looks_binary(bytes)) {
        sink.error(0, "this is not a text file (too many control bytes)");
        return false;
    }
    return true;
}

} // namespace

ParseOutput parse(std::string_view bytes, std::string_view source_name)
{
    ParseOutput out;
    Sink sink(source_name, out.diagnostics);
    if (!input_is_acceptable(bytes, sink)) {
        return out;
    }
    const NormalizedText normalized = normalize_input(bytes);
    if (normalized.text.find_first_not_of(" \t\n") == std::string::npos) {
        sink.error(0, "the file is empty");
        return out;
    }
    if (normalized.encoding == InputEncoding::utf8_repaired) {
        sink.warning(
            0, std::to_string(normalized.replaced) + " ill-formed UTF-8 sequence(s) replaced by U+FFFD");
    }
    const Lines lines = split_lines(normalized.text);
    switch (detect_document(lines)) {
    case DocumentKind::csv:
        parse_cablegate_csv(normalized.text, sink, out.cables);
        break;
    case DocumentKind::cablegate_page:
        parse_cablegate_page(lines, sink, out.cables);
        break;
    case DocumentKind::plusd_page:
        parse_plusd_page(lines, sink, out.cables);
        break;
    case DocumentKind::crest:
        parse_crest(lines, sink, out.cables);
        break;
    case DocumentKind::telegram:
        parse_bare_telegram(lines, sink, out.cables);
        break;
    case DocumentKind::other:
        parse_other(lines, sink, out.cables);
        break;
    }
    for (Cable& c : out.cables) {
        finish(c, source_name, sink);
    }
    if (out.cables.empty() && !out.has_errors()) {
        sink.error(1, "no cable found");
    }
    return out;
}

} // namespace ck::cable
