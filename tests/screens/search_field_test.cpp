// The search box's text model: cleaning what is typed, editing by grapheme clusters, the caret,
// composition and the size cap. Pure: no fonts, no pack.
#include "core/utf8.hpp"
#include "screens/search_field.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using ck::screens::clean_typed_text;
using ck::screens::search_field_max_bytes;
using ck::screens::SearchField;

TEST_CASE("typed text is cleaned of controls, bidi overrides and invisible breaks")
{
    struct Case {
        std::string typed;
        std::string kept;
    };
    const std::vector<Case> cases = {
        { "tokyo", "tokyo" }, { std::string("to\0kyo", 6), "tokyo" }, // U+0000: the C-string boundary
        { "tok\x1Ayo", "tokyo" }, // U+001A: a legal FTS5 bareword character
        { "tokyo\tmoscow", "tokyo moscow" }, { "tokyo\nmoscow\r\n", "tokyo moscow  " },
        { "\xE2\x80\xAEtokyo", "tokyo" }, // U+202E right-to-left override
        { "to\xE2\x80\x8Bkyo", "tokyo" }, // U+200B zero width space
        { "\xEF\xBB\xBFtokyo", "tokyo" }, // U+FEFF
        { "co\xC2\xADop", "coop" }, // soft hyphen
        { "\xC2\x85x", " x" }, // NEL is a line break
        { "a\xC2\x9B"
          "b",
            "ab" }, // C1 CSI
        { "\x1B[2Jclear", "[2Jclear" }, // ESC dropped, the rest is text
        { "\xC0\xAF", "" }, // overlong '/'
        { "\xED\xA0\x80x", "x" }, // encoded surrogate
        { "\x80x", "x" }, // lone continuation byte
        { "Gen\xC3\xA8ve", "Gen\xC3\xA8ve" },
        { "\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88",
            "\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88" },
        { "\xD8\xAF\xD8\xA8\xD9\x84\xD9\x88", "\xD8\xAF\xD8\xA8\xD9\x84\xD9\x88" }, // Arabic stays
    };
    for (const Case& c : cases) {
        INFO("typed: " << c.typed);
        CHECK(clean_typed_text(c.typed) == c.kept);
        CHECK(ck::utf8::is_valid(clean_typed_text(c.typed)));
    }
}

TEST_CASE("backspace deletes one whole grapheme cluster")
{
    struct Case {
        std::string text;
        std::string after;
    };
    const std::vector<Case> cases = {
        { "tokyo", "toky" },
        { "Gene\xCC\x80", "Gen" }, // e + combining grave is one cluster
        { "Gen\xC3\xA8", "Gen" },
        { "ab\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88", "ab" }, // rainbow flag (ZWJ)
        { "x\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", "x" }, // thumbs up + skin tone
        { "\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5", "" }, // regional indicators J P: one flag
        { "\xE2\x98\xBA\xEF\xB8\x8F", "" }, // smiley + VS16
        { "\xE5\xA4\x96\xE4\xBA\xA4", "\xE5\xA4\x96" }, // 外交 -> 外
        { "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", "\xD7\xA9\xD7\x9C\xD7\x95" }, // Hebrew
        { "", "" },
    };
    for (const Case& c : cases) {
        SearchField field;
        field.insert(c.text);
        INFO("text: " << c.text);
        CHECK(field.backspace() == !c.text.empty());
        CHECK(field.text() == c.after);
        CHECK(field.caret() == c.after.size());
    }
}

TEST_CASE("the caret moves by clusters and edits happen at the caret, in logical order")
{
    SearchField field;
    // Arabic is kept in logical order; the box shows it left to right (no bidi in the text layer).
    field.insert("\xD8\xAF\xD8\xA8\xD9\x84"); // دبل
    CHECK(field.move_left());
    CHECK(field.caret() == 4);
    CHECK(field.backspace());
    CHECK(field.text() == "\xD8\xAF\xD9\x84");
    CHECK(field.move_home());
    CHECK_FALSE(field.move_left());
    CHECK_FALSE(field.backspace());
    CHECK(field.delete_forward());
    CHECK(field.text() == "\xD9\x84");
    CHECK(field.move_end());
    CHECK_FALSE(field.move_right());
    CHECK_FALSE(field.delete_forward());

    SearchField flag;
    flag.insert("a\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5"
                "b");
    CHECK(flag.move_left());
    CHECK(flag.move_left());
    CHECK(flag.caret() == 1); // past the whole flag in one step
    flag.set_caret(3); // inside the flag: snapped back to its start
    CHECK(flag.caret() == 1);
}

TEST_CASE("a paste or a stuck key stops at the size cap, on a code point boundary")
{
    SearchField field;
    field.insert(std::string(10000, 'x'));
    CHECK(field.text().size() == search_field_max_bytes);
    CHECK_FALSE(field.insert("y"));
    field.clear();
    std::string japanese;
    for (int i = 0; i < 200; ++i) {
        japanese += "\xE5\xA4\x96"; // 外, three bytes
    }
    field.insert(japanese);
    CHECK(field.text().size() <= search_field_max_bytes);
    CHECK(field.text().size() % 3 == 0);
    CHECK(ck::utf8::is_valid(field.text()));
    field.clear();
    for (int i = 0; i < 1000; ++i) {
        field.insert("a ");
    }
    CHECK(field.text().size() == search_field_max_bytes);
}

TEST_CASE("a composition shows at the caret and is replaced by the committed text")
{
    SearchField field;
    field.insert("tokyo ");
    field.set_composition("\xE3\x81\xAB\xE3\x81\xBB"); // にほ
    CHECK(field.text() == "tokyo ");
    CHECK(field.display_text() == "tokyo \xE3\x81\xAB\xE3\x81\xBB");
    field.insert("\xE6\x97\xA5\xE6\x9C\xAC"); // 日本 committed
    CHECK(field.composition().empty());
    CHECK(field.text() == "tokyo \xE6\x97\xA5\xE6\x9C\xAC");

    // A dead key that never becomes a character: the next backspace drops it, not the text.
    field.set_composition("\xC2\xB4");
    CHECK(field.backspace());
    CHECK(field.composition().empty());
    CHECK(field.text() == "tokyo \xE6\x97\xA5\xE6\x9C\xAC");
    field.set_composition("\xC2\xB4");
    field.set_composition("");
    CHECK(field.display_text() == field.text());
}

TEST_CASE("a completion replaces the word being typed and starts the next one")
{
    struct Case {
        std::string typed;
        std::string word;
        std::string result;
    };
    const std::vector<Case> cases = {
        { "whal", "whaling", "whaling " },
        { "goj whal", "whaling", "goj whaling " },
        { "\"strategic goo", "goods", "\"strategic goods " },
        { "Gen\xC3\xA8", "geneve", "geneve " },
        { "tokyo ", "moscow", "tokyo moscow " },
    };
    for (const Case& c : cases) {
        SearchField field;
        field.insert(c.typed);
        field.complete_word(c.word);
        CHECK(field.text() == c.result);
        CHECK(field.caret() == c.result.size());
    }
    SearchField field;
    field.insert("goj whal");
    CHECK(field.word_before_caret() == "whal");
    field.insert(" ");
    CHECK(field.word_before_caret().empty());
}
