// Numbered paragraphs and their portion marks: "1. (C)", "¶2. (S/NF)", "1.(SBU)", "1. (S" (no
// close), "6, (SBU)" (a typed comma), "- 2." (OCR). Pure.
#pragma once

#include "cable/cable.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace ck::cable {

struct ParagraphStart {
    std::string number;
    std::string portion_mark;
};

// The paragraph a line opens, if it opens one.
std::optional<ParagraphStart> paragraph_start(std::string_view line);

// The numbered paragraphs of display text, in order. Where most paragraphs carry portion marks,
// an unmarked number is kept only when it fits the sequence between marked ones: numbered lists
// inside a paragraph ("1. Sharing evaluation ...") are not paragraphs of the cable.
std::vector<Paragraph> find_paragraphs(std::string_view display_text, std::size_t max_paragraphs);

} // namespace ck::cable
