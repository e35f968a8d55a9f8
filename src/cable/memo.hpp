// Fields of OCR'd memoranda and reports (CREST, NARA releases, assessments): the memo's own date
// line ("14 March 1961", "25 April i960"), SUBJECT with its numbered items ("(1) ... (2) ..."), even
// when OCR put the label and its value in separate columns, MEMORANDUM FOR, and a standalone
// classification line. OCR text is kept as it is; only the Markdown wrapper is removed. Pure.
#pragma once

#include "cable/cable.hpp"
#include "cable/lines.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ck::cable {

struct MemoFields {
    std::optional<CableDate> date;
    std::string subject;
    std::vector<std::string> to;
    std::string classification;
};

// Reads lines[begin, end); lines for which `skip` is true (release stamps) are ignored.
MemoFields read_memo_fields(const Lines& lines, bool (*skip)(std::string_view));

// The subject that starts at lines[i] (a SUBJECT label line); empty when it has no value.
std::string memo_subject(const Lines& lines, std::size_t i);

// Display text for OCR documents: every line kept, Markdown wrappers dropped, blank runs collapsed.
std::string ocr_display_text(const Lines& lines);

} // namespace ck::cable
