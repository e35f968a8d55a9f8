// The header block of a telegram, between the classification banner and the first paragraph:
// E.O./DECL, TAGS, SUBJECT (or SUBJ), REF (or REFS) and Classified By, with their continuation
// lines. Labels are matched in any case, with or without a colon, and several may share one physical
// line ("E. O. 11652: GDS TAGS: PFOR, US, JA"). Only the header block is read, so a "SUBJECT:" deep in
// the body is never the subject. Pure.
#pragma once

#include "cable/lines.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ck::cable {

enum class HeaderLabel { none, eo, tags, subject, ref, classified_by };

struct HeaderField {
    HeaderLabel label = HeaderLabel::none;
    std::string value; // continuation lines joined with '\n'
    std::size_t line = 0; // source line of the label
};

// The label a line starts with and where its value begins; none when it starts with none.
HeaderLabel label_at_start(std::string_view line, std::size_t& value_start);

// The first field label inside a line after position `from` ("... GDS TAGS: PFOR"): only labels
// written with a colon count mid-line. Returns the position of the label, npos if none.
std::size_t find_inline_label(
    std::string_view line, std::size_t from, HeaderLabel& label, std::size_t& value_start);

// Reads every field in lines[begin, end).
std::vector<HeaderField> read_header_fields(const Lines& lines, std::size_t begin, std::size_t end);

// SUBJECT value: lines joined with single spaces, "- " filler at continuation starts removed.
std::string clean_subject(std::string_view value);

// "CROSS-": a word and a hyphen at the end of a line, so the next line continues the word.
bool ends_with_word_hyphen(std::string_view s);

// Classified By value: lines joined; a continuation starting with punctuation is glued on.
std::string clean_classified_by(std::string_view value);

// The DECL part of an E.O. line: after "DECL:" ("06/20/2018", "OADR", "UPON KOREAN REUNIFICATION"),
// else after the order number ("GDS", "N/A"). Dates are written MM/DD/YYYY.
std::string declassification_of(std::string_view eo_line);

} // namespace ck::cable
