// ASCII-oriented string helpers shared by the cable parsers: trimming, case-insensitive matching,
// word splitting and the Markdown link artefacts web mirrors leave in cable text. Pure; no I/O.
#pragma once

#include "core/ascii.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ck::cable::text {

// The character classes and case mapping are core/ascii.hpp's, under the names the parsers use.
// Whitespace is ASCII whitespace (space, tab, newline, vertical tab, form feed, carriage return):
// core/ascii.hpp says why there is one definition.
[[nodiscard]] constexpr bool is_space(char c)
{
    return ascii::is_space(c);
}
[[nodiscard]] constexpr bool is_digit(char c)
{
    return ascii::is_digit(c);
}
[[nodiscard]] constexpr bool is_upper(char c)
{
    return ascii::is_upper(c);
}
[[nodiscard]] constexpr bool is_lower(char c)
{
    return ascii::is_lower(c);
}
[[nodiscard]] constexpr bool is_alpha(char c)
{
    return ascii::is_alpha(c);
}
[[nodiscard]] constexpr bool is_alnum(char c)
{
    return ascii::is_alnum(c);
}
[[nodiscard]] constexpr char to_upper(char c)
{
    return ascii::to_upper(c);
}

[[nodiscard]] std::string_view trim(std::string_view s);
[[nodiscard]] std::string_view trim_left(std::string_view s);
[[nodiscard]] std::string_view trim_right(std::string_view s);
[[nodiscard]] bool is_blank(std::string_view s);

[[nodiscard]] inline std::string to_upper(std::string_view s)
{
    return ascii::to_upper(s);
}
[[nodiscard]] constexpr bool iequals(std::string_view a, std::string_view b)
{
    return ascii::iequals(a, b);
}
[[nodiscard]] constexpr bool istarts_with(std::string_view s, std::string_view prefix)
{
    return ascii::istarts_with(s, prefix);
}
// Finds `needle` (upper-case ASCII) in `s` ignoring case; npos when absent.
[[nodiscard]] std::size_t ifind(std::string_view s, std::string_view needle, std::size_t from = 0);
[[nodiscard]] bool icontains(std::string_view s, std::string_view needle);

[[nodiscard]] bool all_digits(std::string_view s);
// The value of a run of at most 9 digits; -1 when `s` is empty, too long or not all digits.
[[nodiscard]] int to_int(std::string_view s);

// Runs of ASCII whitespace become one space; the ends are trimmed.
[[nodiscard]] std::string collapse_spaces(std::string_view s);
// Words separated by ASCII whitespace.
[[nodiscard]] std::vector<std::string_view> split_words(std::string_view s);

// Web mirrors render links as Markdown: "[PARM](#)" becomes "PARM". A "[1](#)" directly before a
// paragraph number or a reference letter is the mirror's rendering of a pilcrow and becomes "¶".
// Markdown emphasis "**x**" loses its asterisks. Lines without '[' or '*' are returned as is.
[[nodiscard]] std::string strip_markdown(std::string_view line);

// Removes a leading pilcrow ("¶", U+00B6) and the spaces after it.
[[nodiscard]] std::string_view strip_pilcrow(std::string_view s);

// Appends `s` to `out`, cutting it at `max_bytes` on a UTF-8 boundary.
void append_utf8_prefix(std::string& out, std::string_view s, std::size_t max_bytes);

} // namespace ck::cable::text
