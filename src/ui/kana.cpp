// The cycles are the ones phone keyboards give their ゛゜小 key: plain, voiced (dakuten), then
// semi-voiced (handakuten) for the は row, and small for the kana that have a small form. Only
// hiragana: the keyboard types hiragana, and the readings table is written in it.
#include "ui/kana.hpp"

#include "core/utf8.hpp"

namespace ck::ui::kana {

const std::array<std::array<std::string_view, rows>, columns> grid = { {
    { "あ", "い", "う", "え", "お" },
    { "か", "き", "く", "け", "こ" },
    { "さ", "し", "す", "せ", "そ" },
    { "た", "ち", "つ", "て", "と" },
    { "な", "に", "ぬ", "ね", "の" },
    { "は", "ひ", "ふ", "へ", "ほ" },
    { "ま", "み", "む", "め", "も" },
    { "や", "", "ゆ", "", "よ" },
    { "ら", "り", "る", "れ", "ろ" },
    { "わ", "を", "ん", "ー", "" },
} };

namespace {

// Each string is one cycle, in order.
constexpr std::array<std::u32string_view, 29> cycles = { {
    U"かが",
    U"きぎ",
    U"くぐ",
    U"けげ",
    U"こご",
    U"さざ",
    U"しじ",
    U"すず",
    U"せぜ",
    U"そぞ",
    U"ただ",
    U"ちぢ",
    U"つっづ",
    U"てで",
    U"とど",
    U"はばぱ",
    U"ひびぴ",
    U"ふぶぷ",
    U"へべぺ",
    U"ほぼぽ",
    U"あぁ",
    U"いぃ",
    U"うぅゔ",
    U"えぇ",
    U"おぉ",
    U"やゃ",
    U"ゆゅ",
    U"よょ",
    U"わゎ",
} };

} // namespace

char32_t next_form(char32_t cp)
{
    for (const std::u32string_view cycle : cycles) {
        if (const std::size_t at = cycle.find(cp); at != std::u32string_view::npos) {
            return cycle[(at + 1) % cycle.size()];
        }
    }
    return cp;
}

std::string with_next_form(std::string_view text)
{
    if (text.empty()) {
        return std::string(text);
    }
    const std::size_t last = utf8::previous_boundary(text, text.size());
    std::size_t pos = last;
    const char32_t cp = utf8::decode(text, pos);
    std::string out(text.substr(0, last));
    utf8::append(out, next_form(cp));
    return out;
}

} // namespace ck::ui::kana
