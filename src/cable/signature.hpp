// The signature that closes a telegram ("VANCE", "SCHIEFFER", "Keith"), either alone on the last
// line or after the last sentence ("... FROM TOKYO. VANCE"), and where the telegram's text ends:
// trailers (NNNN, BT), page furniture and classification footers after it are not text. Pure.
#pragma once

#include "cable/lines.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace ck::cable {

struct SignatureResult {
    std::string signature; // empty when the telegram ends without one
    std::size_t last_line = 0; // index of the last line of text (the signature's line when found)
    bool found_text = false; // false when lines[begin, end) hold no text at all
};

// Looks backwards from lines[end - 1] to lines[begin].
SignatureResult find_signature(const Lines& lines, std::size_t begin, std::size_t end);

// Lines that are never text: transmission trailers, routing, page headers, classification-only
// lines, web-page chrome, declassification stamps.
bool is_furniture_line(std::string_view line);

// "PAGE 02 STATE 158046", "PAGE 01  ATHENS 02959  171944Z".
bool is_page_header(std::string_view line);

// "PRETORIA 00000954 001.2 OF 004": the page marker cablegate-era texts carry at page breaks.
bool is_page_marker(std::string_view line);

// "VZCZCXYZ0002", "DE RUEHKO #1723/01 1760053", "ZNY CCCCC ZZH", "BT", "NNNN", "#1723".
bool is_transport_line(std::string_view line);

} // namespace ck::cable
