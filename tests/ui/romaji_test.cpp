#include "ui/romaji.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

std::string hiragana(const char* typed)
{
    return ck::ui::kana::to_hiragana(typed).value_or("(none)");
}

} // namespace

TEST_CASE("Romaji typed on a USB keyboard becomes the hiragana of the exhibit's readings")
{
    struct Row {
        const char* typed;
        const char* kana;
    };
    const Row rows[] = {
        { "nihon", "にほん" },
        { "Nippon", "にっぽん" },
        { "kitachousen", "きたちょうせん" },
        { "kitatyousen", "きたちょうせん" },
        { "soren", "それん" },
        { "gaimushou", "がいむしょう" },
        { "toukyou", "とうきょう" },
        { "tokyo", "ときょ" },
        { "shin'you", "しんよう" },
        { "annai", "あんない" },
        { "konnichiha", "こんにちは" },
        { "kannkoku", "かんこく" },
        { "kankoku", "かんこく" },
        { "matcha", "まっちゃ" },
        { "kokkou", "こっこう" },
        { "ri-bia", "りーびあ" },
        { "tsushima", "つしま" },
        { "fujisan", "ふじさん" },
    };
    for (const Row& row : rows) {
        CAPTURE(row.typed);
        CHECK(hiragana(row.typed) == row.kana);
    }
}

TEST_CASE("Katakana folds to hiragana and hiragana is kept")
{
    CHECK(hiragana("ソレン") == "それん");
    CHECK(hiragana("リビア") == "りびあ");
    CHECK(hiragana("トリポリ") == "とりぽり");
    CHECK(hiragana("にほん") == "にほん");
    CHECK(hiragana("コーヒー") == "こーひー");
}

TEST_CASE("Text that is not romaji or kana gives nothing, so no term is offered for it")
{
    CHECK_FALSE(ck::ui::kana::to_hiragana("").has_value());
    CHECK_FALSE(ck::ui::kana::to_hiragana("1977").has_value());
    CHECK_FALSE(ck::ui::kana::to_hiragana("qatar").has_value());
    CHECK_FALSE(ck::ui::kana::to_hiragana("north korea").has_value());
    CHECK_FALSE(ck::ui::kana::to_hiragana("日本").has_value());
    CHECK_FALSE(ck::ui::kana::to_hiragana("-").has_value());
    CHECK_FALSE(ck::ui::kana::to_hiragana("DPRK").has_value());
}
