// Key/value blocks: the CORE "Message Attributes" block (one pair a line, or several run together
// on one OCR'd line: "Automatic Decaptioning: X Capture Date: 01 JAN 1994"), the PlusD "Metadata"
// block with its quoted multi-line values, and web-page header tables ("Canonical ID: ..."). Pure.
#pragma once

#include "cable/cable.hpp"
#include "cable/lines.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace ck::cable {

// Reads lines[begin, end) as an attribute block of the CORE/PlusD vocabulary. Lines that start with
// no known key continue the previous value.
std::vector<Attribute> parse_attribute_block(
    const Lines& lines, std::size_t begin, std::size_t end, std::size_t max);

// One "Key: value" line of a web page header table, for any key of one to four words.
bool parse_key_value_line(std::string_view line, Attribute& out);

// The first value for `key` (case-insensitive) that is not empty or "n/a"; empty when none.
std::string_view attribute_value(const std::vector<Attribute>& attributes, std::string_view key);

// "n/a", "N/A", "-- N/A or Blank --", "-", "": the archives' ways of saying nothing.
bool is_empty_value(std::string_view value);

} // namespace ck::cable
