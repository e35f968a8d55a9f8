// Fields of OCR'd memoranda and reports (CREST, NARA releases, assessments): the memo's own date
// line ("14 March 1961", "25 April i960"), SUBJECT with its numbered items ("(1) ... (2) ..."), even
// when OCR put the label and its value in separate columns, MEMORANDUM FOR, and a standalone
// classification line. OCR text is kept as it is; only the Markdown wrapper is removed. Pure.
#pragma once

#include "cable/cable.hpp"
#include "cable/diagnostics.hpp"
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
    std::string from; // "FROM:" in the memo's header, else the letterhead ("Central Intelligence Agency")
    std::string classification;
    Confidence date_confidence = Confidence::ocr;
    Confidence subject_confidence = Confidence::ocr;
    // The source line of a SUBJECT whose value was too damaged to keep (the subject is left empty).
    std::size_t unreadable_subject_line = 0;
};

// Reads lines[begin, end); lines for which `skip` is true (release stamps) are ignored.
MemoFields read_memo_fields(const Lines& lines, bool (*skip)(std::string_view));

// The subject that starts at lines[i] (a SUBJECT label line); empty when it has no value.
std::string memo_subject(const Lines& lines, std::size_t i);

// The memo's date line: "30 October 1975", "24 OCT 1975", "DIST 3 MARCH 1966", with OCR debris
// after it ("30 October 1975 —") and a year OCR split and misread ("2 June I 96 Z" is 1962).
std::optional<CableDate> memo_date_line(std::string_view line, bool& repaired);

// How many words of a subject are OCR noise: letters of two alphabets in one word ("éL"), stray
// one- or two-letter lower-case words that are not English words ("oe"), lone punctuation.
std::size_t noise_words(std::string_view subject);

// Warns about what read_memo_fields() left empty because OCR made it unreadable.
void report_unreadable(const MemoFields& memo, Sink& sink);

// Display text for OCR documents: every line kept, Markdown wrappers dropped, blank runs collapsed.
std::string ocr_display_text(const Lines& lines);

} // namespace ck::cable
