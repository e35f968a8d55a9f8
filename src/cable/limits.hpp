// Caps on pathological input. Real cables are far below each; past a cap the parser keeps what it
// has read and reports where it stopped, so a hostile file costs bounded time and memory.
#pragma once

#include <cstddef>

namespace ck::cable::limits {

inline constexpr std::size_t max_input_bytes = 50U * 1024U * 1024U; // a whole file
inline constexpr std::size_t max_line_bytes = 1'000'000; // one line of display text
inline constexpr std::size_t max_tags = 1'000;
inline constexpr std::size_t max_refs = 1'000;
inline constexpr std::size_t max_addressees = 2'000;
inline constexpr std::size_t max_paragraphs = 10'000;
inline constexpr std::size_t max_header_lines = 80; // banner to first paragraph
inline constexpr std::size_t max_attributes = 2'000;
inline constexpr std::size_t max_field_bytes = 4'096; // subject, classified by, E.O. line

} // namespace ck::cable::limits
