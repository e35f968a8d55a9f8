// FM, TO, INFO and XMT addressee blocks after a date-time group. Routing indicators ("RUEHC/"),
// precedence words (also misspelt: "PIORITY", "IMMEDAITE"), serial numbers ("5329") and office
// suffixes ("//CJ-CC/BJ//") are stripped: "RUEHC/SECSTATE WASHDC PRIORITY 5329" -> "SECSTATE WASHDC".
// Pure.
#pragma once

#include "cable/lines.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ck::cable {

struct Addressees {
    std::string from;
    std::vector<std::string> to;
    std::vector<std::string> info;
    std::vector<std::string> excluded; // XMT: posts a collective address leaves out
    std::size_t end = 0; // index of the first line after the block
};

// One addressee as written, cleaned; empty when nothing of it is left.
std::string clean_addressee(std::string_view raw);

// True for a word that is a precedence (IMMEDIATE, PRIORITY, ROUTINE, FLASH, NIACT) or a misspelling
// of one within two edits.
bool is_precedence_word(std::string_view word);

// Reads the block that starts at lines[begin] (the line after the DTG). The block ends at a
// classification banner, a BT line, two blank lines in a row, or a line that cannot be an addressee.
Addressees read_addressees(const Lines& lines, std::size_t begin, std::size_t max_addressees);

} // namespace ck::cable
