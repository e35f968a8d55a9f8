// UTF-8 decoding and the legacy single-byte encodings real cables arrive in (ISO-8859-1, CP1252).
// Written by hand because it is a few dozen lines and core may not depend on iconv or ICU.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ck::utf8 {

inline constexpr char32_t replacement_char = 0xFFFD;

// Decodes the code point at `pos` and advances `pos` past it. Invalid, overlong, surrogate and
// truncated sequences yield U+FFFD and advance by one byte, so decoding always terminates.
char32_t decode(std::string_view text, std::size_t& pos);

// Appends the UTF-8 encoding of `cp` (U+FFFD for values that are not scalar values).
void append(std::string& out, char32_t cp);

// True when every byte sequence is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid(std::string_view text);

// Copies `text`, replacing each ill-formed sequence with U+FFFD.
std::string sanitize(std::string_view text);

// Reinterprets bytes as ISO-8859-1 / Windows-1252 and converts them to UTF-8.
std::string from_latin1(std::string_view bytes);
std::string from_cp1252(std::string_view bytes);

// The number of code points (ill-formed bytes count one each).
std::size_t length(std::string_view text);

// The byte offset of the code point that starts before `pos` (0 at the start).
std::size_t previous_boundary(std::string_view text, std::size_t pos);

} // namespace ck::utf8
