// Longest match first over one table, as input methods read romaji: "sha" before "sa", "tsu"
// before "tu". The table holds what a visitor might type for the readings of place names and
// institutions; rare input-method spellings (small kana by "x"/"l", "wi", "ye") are included so
// nothing that an input method accepts is refused here.
#include "ui/romaji.hpp"

#include "core/utf8.hpp"

#include <cctype>

namespace ck::ui::kana {
namespace {

struct Syllable {
    std::string_view romaji;
    std::string_view kana;
};

// clang-format off
constexpr Syllable table[] = {
    { "a", "あ" }, { "i", "い" }, { "u", "う" }, { "e", "え" }, { "o", "お" },
    { "ka", "か" }, { "ki", "き" }, { "ku", "く" }, { "ke", "け" }, { "ko", "こ" },
    { "ga", "が" }, { "gi", "ぎ" }, { "gu", "ぐ" }, { "ge", "げ" }, { "go", "ご" },
    { "sa", "さ" }, { "shi", "し" }, { "si", "し" }, { "su", "す" }, { "se", "せ" }, { "so", "そ" },
    { "za", "ざ" }, { "ji", "じ" }, { "zi", "じ" }, { "zu", "ず" }, { "ze", "ぜ" }, { "zo", "ぞ" },
    { "ta", "た" }, { "chi", "ち" }, { "ti", "ち" }, { "tsu", "つ" }, { "tu", "つ" }, { "te", "て" }, { "to", "と" },
    { "da", "だ" }, { "di", "ぢ" }, { "du", "づ" }, { "de", "で" }, { "do", "ど" },
    { "na", "な" }, { "ni", "に" }, { "nu", "ぬ" }, { "ne", "ね" }, { "no", "の" },
    { "ha", "は" }, { "hi", "ひ" }, { "fu", "ふ" }, { "hu", "ふ" }, { "he", "へ" }, { "ho", "ほ" },
    { "ba", "ば" }, { "bi", "び" }, { "bu", "ぶ" }, { "be", "べ" }, { "bo", "ぼ" },
    { "pa", "ぱ" }, { "pi", "ぴ" }, { "pu", "ぷ" }, { "pe", "ぺ" }, { "po", "ぽ" },
    { "ma", "ま" }, { "mi", "み" }, { "mu", "む" }, { "me", "め" }, { "mo", "も" },
    { "ya", "や" }, { "yu", "ゆ" }, { "yo", "よ" },
    { "ra", "ら" }, { "ri", "り" }, { "ru", "る" }, { "re", "れ" }, { "ro", "ろ" },
    { "wa", "わ" }, { "wo", "を" }, { "wi", "うぃ" }, { "we", "うぇ" },
    { "kya", "きゃ" }, { "kyu", "きゅ" }, { "kyo", "きょ" },
    { "gya", "ぎゃ" }, { "gyu", "ぎゅ" }, { "gyo", "ぎょ" },
    { "sha", "しゃ" }, { "shu", "しゅ" }, { "sho", "しょ" }, { "she", "しぇ" },
    { "sya", "しゃ" }, { "syu", "しゅ" }, { "syo", "しょ" },
    { "ja", "じゃ" }, { "ju", "じゅ" }, { "jo", "じょ" }, { "je", "じぇ" },
    { "jya", "じゃ" }, { "jyu", "じゅ" }, { "jyo", "じょ" },
    { "zya", "じゃ" }, { "zyu", "じゅ" }, { "zyo", "じょ" },
    { "cha", "ちゃ" }, { "chu", "ちゅ" }, { "cho", "ちょ" }, { "che", "ちぇ" },
    { "tya", "ちゃ" }, { "tyu", "ちゅ" }, { "tyo", "ちょ" },
    { "cya", "ちゃ" }, { "cyu", "ちゅ" }, { "cyo", "ちょ" },
    { "dya", "ぢゃ" }, { "dyu", "ぢゅ" }, { "dyo", "ぢょ" },
    { "nya", "にゃ" }, { "nyu", "にゅ" }, { "nyo", "にょ" },
    { "hya", "ひゃ" }, { "hyu", "ひゅ" }, { "hyo", "ひょ" },
    { "bya", "びゃ" }, { "byu", "びゅ" }, { "byo", "びょ" },
    { "pya", "ぴゃ" }, { "pyu", "ぴゅ" }, { "pyo", "ぴょ" },
    { "mya", "みゃ" }, { "myu", "みゅ" }, { "myo", "みょ" },
    { "rya", "りゃ" }, { "ryu", "りゅ" }, { "ryo", "りょ" },
    { "fa", "ふぁ" }, { "fi", "ふぃ" }, { "fe", "ふぇ" }, { "fo", "ふぉ" },
    { "thi", "てぃ" }, { "dhi", "でぃ" }, { "tsa", "つぁ" }, { "va", "ゔぁ" }, { "vi", "ゔぃ" },
    { "vu", "ゔ" }, { "ve", "ゔぇ" }, { "vo", "ゔぉ" },
    { "xa", "ぁ" }, { "xi", "ぃ" }, { "xu", "ぅ" }, { "xe", "ぇ" }, { "xo", "ぉ" },
    { "la", "ぁ" }, { "li", "ぃ" }, { "lu", "ぅ" }, { "le", "ぇ" }, { "lo", "ぉ" },
    { "xya", "ゃ" }, { "xyu", "ゅ" }, { "xyo", "ょ" }, { "lya", "ゃ" }, { "lyu", "ゅ" }, { "lyo", "ょ" },
    { "xtu", "っ" }, { "ltu", "っ" }, { "xtsu", "っ" }, { "ltsu", "っ" }, { "xwa", "ゎ" }, { "lwa", "ゎ" },
    { "n'", "ん" }, { "-", "ー" },
    { "kwa", "くぁ" }, { "gwa", "ぐぁ" }, { "tsi", "つぃ" }, { "tse", "つぇ" }, { "tso", "つぉ" },
    { "dyi", "ぢぃ" }, { "tyi", "ちぃ" }, { "syi", "しぃ" }, { "zyi", "じぃ" }, { "jyi", "じぃ" },
    { "kyi", "きぃ" }, { "gyi", "ぎぃ" }, { "nyi", "にぃ" }, { "hyi", "ひぃ" }, { "byi", "びぃ" },
    { "pyi", "ぴぃ" }, { "myi", "みぃ" }, { "ryi", "りぃ" }, { "kye", "きぇ" }, { "nye", "にぇ" },
    { "hye", "ひぇ" }, { "mye", "みぇ" }, { "rye", "りぇ" },
};
// clang-format on

bool is_vowel(char c)
{
    return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o';
}

// The longest syllable of the table at `pos`, or nothing.
const Syllable* syllable_at(std::string_view s, std::size_t pos)
{
    const Syllable* best = nullptr;
    for (const Syllable& syl : table) {
        if (s.substr(pos).starts_with(syl.romaji)
            && (best == nullptr || syl.romaji.size() > best->romaji.size())) {
            best = &syl;
        }
    }
    return best;
}

// One step of romaji at `pos`: a syllable, っ for a doubled consonant ("kk", "tch"), or ん for an
// "n" that no vowel or "y" follows. False when nothing there is romaji.
bool romaji_step(std::string_view s, std::size_t& pos, std::string& out)
{
    const char c = s[pos];
    const char next = pos + 1 < s.size() ? s[pos + 1] : '\0';
    if (c != 'n' && !is_vowel(c) && std::isalpha(static_cast<unsigned char>(c)) != 0
        && (next == c || (c == 't' && next == 'c'))) {
        out += "っ";
        ++pos;
        return true;
    }
    if (c == 'n' && next != '\'' && !is_vowel(next) && next != 'y') {
        // "nn" is ん as input methods read it, except before a vowel or "y", where Hepburn's
        // "annai" (あんない) and "konnichi" (こんにち) give the second "n" to the next syllable.
        const char after = pos + 2 < s.size() ? s[pos + 2] : '\0';
        out += "ん";
        pos += next == 'n' && !is_vowel(after) && after != 'y' ? 2 : 1;
        return true;
    }
    if (const Syllable* syl = syllable_at(s, pos); syl != nullptr) {
        out += syl->kana;
        pos += syl->romaji.size();
        return true;
    }
    return false;
}

bool is_hiragana(char32_t cp)
{
    return (cp >= 0x3041 && cp <= 0x3096) || cp == 0x30FC;
}

bool is_katakana(char32_t cp)
{
    return cp >= 0x30A1 && cp <= 0x30F6;
}

} // namespace

std::optional<std::string> to_hiragana(std::string_view typed)
{
    std::string lower;
    for (const char c : typed) {
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    std::string out;
    std::size_t pos = 0;
    while (pos < lower.size()) {
        const auto byte = static_cast<unsigned char>(lower[pos]);
        if (byte < 0x80) {
            if (!romaji_step(lower, pos, out)) {
                return std::nullopt;
            }
            continue;
        }
        const char32_t cp = utf8::decode(lower, pos);
        if (is_katakana(cp)) {
            utf8::append(out, cp - 0x60); // the katakana block mirrors hiragana's, 0x60 above it
        } else if (is_hiragana(cp)) {
            utf8::append(out, cp);
        } else {
            return std::nullopt;
        }
    }
    if (out.empty() || out == "ー") {
        return std::nullopt;
    }
    return out;
}

} // namespace ck::ui::kana
