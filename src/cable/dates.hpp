// Dates written out in metadata and memos, as opposed to date-time groups: "2009-09-16 15:03",
// "1/8/1985 9:00", "07-Jul-1977 12:00:00 am", "24 AUG 1976", "1973 May 22, 18:28 (Tuesday)",
// "9 September. 1960", "25 April i960" (OCR). Times here are web or local times, so only the
// date is kept: the DTG is the only source of a UTC time. Pure.
#pragma once

#include "cable/cable.hpp"

#include <optional>
#include <string_view>

namespace ck::cable {

// Reads a date at the start of `text` in any of the forms above; trailing text is ignored.
std::optional<CableDate> parse_date_prefix(std::string_view text);

// True when the whole line is a date and nothing else ("14 March 1961", "9 September. 1960"):
// how a memo states its own date.
std::optional<CableDate> parse_date_line(std::string_view line);

// A four-character year as OCR renders it ("i960", "l961", "19O5") read as digits; -1 if it has
// fewer than two real digits or is not a plausible year (1900-2099).
int ocr_year(std::string_view token);

} // namespace ck::cable
