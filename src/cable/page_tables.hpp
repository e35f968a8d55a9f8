// Web page furniture shared by the PlusD and cablegate page parsers: label-column tables
// ("Reference ID / Created / ... " then the values), header tables ("Canonical ID: ..."), section
// markers and the partial-extract note. Pure.
#pragma once

#include "cable/cable.hpp"
#include "cable/lines.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace ck::cable {

// A run of label lines from a known set followed by as many value lines. Returns the index after
// the table, or `begin` when no table starts there.
std::size_t read_column_table(const Lines& lines, std::size_t begin, std::vector<Attribute>& out);

// The index of the first line in [begin, end) whose trimmed text equals one of `markers`; `end`
// when none does.
std::size_t find_marker(
    const Lines& lines, std::size_t begin, std::size_t end, std::initializer_list<std::string_view> markers);

// The index of the first line in [begin, end) whose trimmed text starts with `prefix`; `end` if none.
std::size_t find_prefix(const Lines& lines, std::size_t begin, std::size_t end, std::string_view prefix);

// "This record is a partial extract of the original cable." anywhere in lines[begin, end).
bool has_partial_extract_note(const Lines& lines, std::size_t begin, std::size_t end);

// A sub-range of lines as its own Lines (line numbers kept).
Lines slice(const Lines& lines, std::size_t begin, std::size_t end);

} // namespace ck::cable
