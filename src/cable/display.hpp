// Builds the text a reader sees from the lines of a telegram: original line and paragraph
// structure kept; transport envelopes, page headers with their classification lines, repeated
// section envelopes, trailers and Markdown artefacts removed; blank runs collapsed. Pure.
#pragma once

#include "cable/lines.hpp"

#include <cstddef>
#include <string>

namespace ck::cable {

struct DisplayOptions {
    std::size_t max_line_bytes = 1'000'000; // longer lines are cut (the caller reports it)
    bool keep_furniture = false; // OCR documents keep every line but Markdown wrappers
};

// Display text of lines[begin, end). `first_banner` is the index of the telegram's own banner
// (later "SECTION nn OF mm" banners and their envelopes are dropped), or end when there is none.
std::string build_display_text(const Lines& lines, std::size_t begin, std::size_t end,
    std::size_t first_banner, const DisplayOptions& options);

} // namespace ck::cable
