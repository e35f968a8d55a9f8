// Kana for the Japanese on-screen keyboard: the gojūon grid as data, and the forms the ゛゜小 key
// cycles a kana through (か→が, は→ば→ぱ, つ→っ→づ, や→ゃ). Pure: no drawing, no search.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace ck::ui::kana {

// The grid's columns left to right (あ, か, さ, ... わ), each top to bottom by vowel (a, i, u, e, o)
// as the gojūon table is read; an empty string is an empty cell. The わ column also holds を, ん
// and the long-vowel mark ー, where a Japanese visitor looks for them.
inline constexpr std::size_t rows = 5;
inline constexpr std::size_t columns = 10;
extern const std::array<std::array<std::string_view, rows>, columns> grid;

// The next form of the kana `cp` on the ゛゜小 key, wrapping back to the plain one; `cp` itself
// when it has no other form (ん, ー, a letter).
char32_t next_form(char32_t cp);

// The last code point of `text` replaced by its next form; `text` unchanged when it has none.
std::string with_next_form(std::string_view text);

} // namespace ck::ui::kana
