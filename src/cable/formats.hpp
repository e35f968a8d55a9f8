// The format parsers behind parse(): each turns the numbered lines of one kind of document into
// cables and reports problems to the sink. Internal to the cable layer.
#pragma once

#include "cable/cable.hpp"
#include "cable/diagnostics.hpp"
#include "cable/lines.hpp"

#include <string_view>
#include <vector>

namespace ck::cable {

// WikiLeaks PlusD pages: CORE telegrams (format "core": "Message Text"/"Message Attributes" pages,
// Markdown OCR of them, "Canonical ID"/"Content"/"Raw content"/"Metadata" pages) and cablegate-era
// cables (format "plusd": "Identifier"/"Created"/... table, the telegram twice).
void parse_plusd_page(const Lines& lines, Sink& sink, std::vector<Cable>& out);

// cablegate.wikileaks.org pages: "Viewing cable ..." and the Reference ID table.
void parse_cablegate_page(const Lines& lines, Sink& sink, std::vector<Cable>& out);

// A telegram with no page around it (VZCZC routing, Markdown link artefacts).
void parse_bare_telegram(const Lines& lines, Sink& sink, std::vector<Cable>& out);

// Rows of the cablegate CSV; `text` is the whole normalized file.
void parse_cablegate_csv(std::string_view text, Sink& sink, std::vector<Cable>& out);

// CIA CREST OCR with "Approved For Release ... CIA-RDP..." stamps.
void parse_crest(const Lines& lines, Sink& sink, std::vector<Cable>& out);

// Everything else: OCR'd assessments, NARA JFK-release OCR in Markdown code fences.
void parse_other(const Lines& lines, Sink& sink, std::vector<Cable>& out);

} // namespace ck::cable
