// ASCII character classes and case mapping, the one definition for every layer. Locale-free and
// constexpr: <cctype> depends on the C locale and is undefined for negative chars, and cable text,
// identifiers and widget ids are ASCII by nature. Bytes >= 0x80 (UTF-8) are never letters, digits
// or spaces here and are never changed by the case mapping.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ck::ascii {

// ASCII whitespace is the six characters of isspace() in the "C" locale: space, tab, newline,
// vertical tab, form feed and carriage return. One set for every caller, because a text can carry
// any of them: CRLF files leave '\r' at line ends, OCR'd scans carry form feeds at page breaks, and
// a trim or a word split that missed one would leave an invisible character in a heading or a
// search snippet. Callers that treat a line break differently from a space test '\n' first.
[[nodiscard]] constexpr bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
[[nodiscard]] constexpr bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}
[[nodiscard]] constexpr bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}
[[nodiscard]] constexpr bool is_lower(char c)
{
    return c >= 'a' && c <= 'z';
}
[[nodiscard]] constexpr bool is_alpha(char c)
{
    return is_upper(c) || is_lower(c);
}
[[nodiscard]] constexpr bool is_alnum(char c)
{
    return is_alpha(c) || is_digit(c);
}
[[nodiscard]] constexpr char to_upper(char c)
{
    return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}
[[nodiscard]] constexpr char to_lower(char c)
{
    return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

[[nodiscard]] constexpr std::string to_upper(std::string_view s)
{
    std::string out(s);
    for (char& c : out) {
        c = to_upper(c);
    }
    return out;
}
[[nodiscard]] constexpr std::string to_lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out) {
        c = to_lower(c);
    }
    return out;
}

// Equal ignoring ASCII case; other bytes must match exactly.
[[nodiscard]] constexpr bool iequals(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (to_lower(a[i]) != to_lower(b[i])) {
            return false;
        }
    }
    return true;
}
[[nodiscard]] constexpr bool istarts_with(std::string_view s, std::string_view prefix)
{
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

// `s` without leading and trailing ASCII whitespace.
[[nodiscard]] constexpr std::string_view trim(std::string_view s)
{
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

} // namespace ck::ascii
