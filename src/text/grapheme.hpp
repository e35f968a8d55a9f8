// Extended grapheme cluster boundaries (Unicode 15 UAX #29) in UTF-8 text: what a visitor sees as
// one character, for a search box's backspace and caret. Debian 12's libunibreak (1.1) has no
// grapheme breaking, so this uses tables generated from Debian's unicode-data by
// gen_grapheme_table.py. Ill-formed bytes are one cluster each.
#pragma once

#include <cstddef>
#include <string_view>

namespace ck::text {

// The first boundary after `pos` (text.size() at the end). `pos` inside a cluster is allowed.
std::size_t next_grapheme_boundary(std::string_view text, std::size_t pos);

// The last boundary before `pos` (0 at the start): backspace deletes [previous, pos).
std::size_t previous_grapheme_boundary(std::string_view text, std::size_t pos);

// True when `pos` is a grapheme cluster boundary (0 and text.size() always are).
bool is_grapheme_boundary(std::string_view text, std::size_t pos);

} // namespace ck::text
