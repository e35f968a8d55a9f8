// What a Japanese visitor types on a USB keyboard without an input method: romaji ("nihon",
// "kitachousen", "soren") or katakana, turned into the hiragana the readings table is written in,
// so the Japanese UI can offer the exhibit's terms for it as the on-screen kana keyboard does.
// Pure: no drawing, no search.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ck::ui::kana {

// `typed` as hiragana: romaji by the rules of Japanese input methods (Hepburn and kunrei
// spellings, a doubled consonant for っ, "nn", "n'" or n before a consonant for ん, "-" for ー),
// katakana folded to hiragana, hiragana kept. Nothing when any part of it is not kana or romaji
// (digits, spaces, "q"), or when it holds no letter at all. A trailing lone "n" becomes ん, as an
// input method commits it.
std::optional<std::string> to_hiragana(std::string_view typed);

} // namespace ck::ui::kana
