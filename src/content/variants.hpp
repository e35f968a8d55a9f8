// The variants list a pack is built with: groups of forms that mean the same to a visitor
// (British and American spellings, the cables' abbreviations and what they stand for). Search
// looks for every form of a group when one is typed. A plain text file, one group per line, so a
// curator can extend it without touching code; the glossary's `also` keys add groups too.
#pragma once

#include "core/result.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ck::content {

struct VariantGroup {
    std::vector<std::string> forms; // as written; at least two
    // Only the first form leads to the others ("日本 > Japan, Tokyo, GOJ": a Japanese term searches
    // the English words, but "Tokyo" does not search "Japan"); otherwise each form leads to all.
    bool one_way = false;
    std::string file; // as named in errors
    std::size_t line = 0;
};

// Bounds on a list that a pack carries and every search reads.
inline constexpr std::size_t variants_max_bytes = 1U << 20U;
inline constexpr std::size_t variant_form_max_words = 4;
inline constexpr std::size_t variant_group_max_forms = 16;

// Format: UTF-8; `#` starts a comment line; blank lines are skipped; every other line is one group
// of two or more forms separated by tabs or commas ("fibre, fiber", "DPRK, North Korea"), or a
// one-way group: a form, `>`, and the forms it leads to ("日本 > Japan, Tokyo, GOJ"). Every
// problem is an Error whose `where` is "file:line", all appended to `problems` when given.
Result<std::vector<VariantGroup>> parse_variants(
    std::string_view text, const std::string& file_name, std::vector<Error>* problems = nullptr);
Result<std::vector<VariantGroup>> read_variants(
    const std::filesystem::path& path, std::vector<Error>* problems = nullptr);

} // namespace ck::content
