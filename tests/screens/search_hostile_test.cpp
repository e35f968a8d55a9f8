// HOSTILE_INPUTS.md b3: every input, typed on a USB keyboard (on_text) and, where the on-screen
// keyboard has the characters, tapped key by key, ends in results or in the friendly "nothing
// found" (an empty box shows its invitation), never in an error text, in both orientations.
#include "core/utf8.hpp"
#include "search_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using ck::test::SearchRig;

namespace {

std::vector<std::string> b3_inputs()
{
    std::string paste;
    while (paste.size() < 10000) {
        paste += "diversion of strategic goods ";
    }
    std::string one_letters;
    for (int i = 0; i < 1000; ++i) {
        one_letters += "a ";
    }
    return {
        // 1. quotes
        "\"",
        "\"\"",
        "\"unbalanced",
        "a\"b\"c",
        // 2. apostrophes
        "don't",
        "who's on first",
        // 3. hyphens
        "multi-agent",
        "-iran",
        "- subject : x",
        // 4. colons
        "grammar::fa",
        "subject:iran",
        "body:",
        // 5. dots
        "ubuntu 20.04",
        "park.",
        "U.S.",
        "ver1.1",
        // 6. operator words
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "AI AND ML",
        "NOT NOT",
        "or",
        // 7. stars
        "*",
        "**",
        "*iran",
        "a*",
        "1*",
        // 8. carets
        "^",
        "^one",
        "one + ^two",
        "NEAR(^one, two)",
        // 9. brackets
        "(",
        ")",
        "(one OR two) three",
        "func(one two)",
        "{col1 col2}: x",
        "}",
        // 10. plus signs
        "+",
        "a + + b",
        "c++",
        // 11. NEAR
        "NEAR(a b, 999999999)",
        "NEAR(",
        // 12. empty, blank, punctuation only
        "",
        "   ",
        "!!!???",
        "\xE2\x80\x94\xE2\x80\x94\xE2\x80\x94",
        // 13. a 10,000-character paste and 1,000 one-letter tokens
        paste,
        one_letters,
        // 14. SQL-looking text and LIKE wildcards
        "'); DROP TABLE cables;--",
        "%",
        "_",
        "\\",
        // 15. NUL mid-string and U+001A
        std::string("tok\0yo", 6),
        "\x1A",
        "tok\x1Ayo",
        // 16. tabs, newlines, U+202E, U+200B inside a word
        "tokyo\tmoscow",
        "tokyo\nmoscow",
        "\xE2\x80\xAEtokyo",
        "to\xE2\x80\x8Bkyo",
        // 17. Arabic and Hebrew
        "\xD8\xAF\xD8\xA8\xD9\x84\xD9\x88\xD9\x85\xD8\xA7\xD8\xB3\xD9\x8A",
        "\xD7\xA9\xD7\x92\xD7\xA8\xD7\x99\xD7\xA8\xD7\x95\xD7\xAA",
        // 18. CJK without spaces
        "\xE5\xA4\x96\xE4\xBA\xA4\xE7\x94\xB5\xE6\x8A\xA5",
        "\xE6\x9D\xB1\xE4\xBA\xAC",
        // 19. diacritics, NFD, Turkish dotted I
        "Gen\xC3\xA8ve",
        "Geneve",
        "Gene\xCC\x80ve",
        "\xC4\xB0stanbul",
        "istanbul",
        // 20. emoji, ZWJ, variation selectors, skin tones
        "\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88",
        "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",
        "\xE2\x98\xBA\xEF\xB8\x8F",
        // 24. SQLite's own error texts typed as a query
        "no such column: agent",
        "fts5: syntax error near \"'\"",
    };
}

bool on_screen_keyboard_can_type(const std::string& s)
{
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
            || c == '\'' || c == '.' || c == '"' || c == ' ';
    });
}

std::string lower(std::string s)
{
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return s;
}

void check_outcome(SearchRig& rig, const std::string& input)
{
    REQUIRE(rig.settle());
    INFO("input: " << input.substr(0, 80));
    CHECK_FALSE(rig.screen().shown().failed);
    // What the box kept decides: a lone U+001A is dropped and leaves it as empty as a blank input.
    const std::string& kept = rig.screen().field().text();
    const bool blank = kept.find_first_not_of(' ') == std::string::npos;
    if (blank) {
        CHECK(rig.frame().find_by_id("search.hint") != nullptr);
    } else if (rig.screen().shown().results.too_short) {
        // One letter alone ("a*", "c++", a flood of "a"): a request for more letters.
        const ck::ui::Widget* hint = rig.frame().find_by_id("search.hint");
        REQUIRE(hint != nullptr);
        CHECK(hint->label.find("more letters") != std::string::npos);
    } else {
        CHECK(rig.shows_results_or_nothing_found());
    }
    const std::string words = rig.screen_text();
    for (const std::string& bad : ck::test::system_error_words()) {
        CHECK_FALSE(ck::ui::contains_ignoring_case(words, bad));
    }
    CHECK(ck::utf8::is_valid(rig.screen().field().text()));
}

void clear(SearchRig& rig)
{
    if (!rig.screen().field().text().empty()) {
        REQUIRE(rig.tap("search.clear_text"));
    }
    REQUIRE(rig.screen().field().text().empty());
}

} // namespace

TEST_CASE(
    "every b3 input typed on a USB keyboard ends in results, nothing found or a request for more letters")
{
    for (const ck::Size size : { ck::Size { 1920, 1080 }, ck::Size { 1080, 1920 } }) {
        SearchRig rig(size);
        REQUIRE(rig.settle());
        for (const std::string& input : b3_inputs()) {
            clear(rig);
            rig.type(input);
            check_outcome(rig, input);
        }
    }
}

TEST_CASE("every b3 input the on-screen keyboard can type ends in results, nothing found or a request for "
          "more letters")
{
    for (const ck::Size size : { ck::Size { 1920, 1080 }, ck::Size { 1080, 1920 } }) {
        SearchRig rig(size);
        REQUIRE(rig.settle());
        int typed = 0;
        for (const std::string& input : b3_inputs()) {
            if (!on_screen_keyboard_can_type(input) || input.size() > 300) {
                continue;
            }
            clear(rig);
            REQUIRE(rig.tap_keys(input));
            CHECK(rig.screen().field().text() == lower(input));
            check_outcome(rig, input);
            ++typed;
        }
        CHECK(typed >= 20);
    }
}

TEST_CASE("a stuck key and a flood of mixed keystrokes end on the last text, with its results")
{
    SearchRig rig;
    REQUIRE(rig.settle());
    // Ten minutes at twenty keystrokes a second, compressed: type, delete, retype, as fast as possible.
    const std::string word = "strategic ";
    for (int i = 0; i < 12000; ++i) {
        if (i % 7 == 6) {
            rig.key(ck::input::Key::backspace);
        } else {
            rig.type(std::string(1, word[static_cast<std::size_t>(i) % word.size()]));
        }
        if (i % 500 == 0) {
            rig.frame(); // the UI keeps drawing while the worker is busy
        }
    }
    REQUIRE(rig.settle(60000));
    const std::string text = rig.screen().field().text();
    CHECK(text.size() <= ck::screens::search_field_max_bytes);
    CHECK(rig.screen().shown().text == text);
    CHECK(rig.shows_results_or_nothing_found());
}

TEST_CASE("backspace on the on-screen keyboard removes whole clusters typed on a USB keyboard")
{
    SearchRig rig;
    REQUIRE(rig.settle());
    rig.type("x\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88"); // x + rainbow flag
    REQUIRE(rig.tap("key:backspace"));
    CHECK(rig.screen().field().text() == "x");
    rig.type("Gene\xCC\x80");
    rig.key(ck::input::Key::backspace);
    CHECK(rig.screen().field().text() == "xGen");
    REQUIRE(rig.settle());
    CHECK(rig.shows_results_or_nothing_found());
}

TEST_CASE("a dead key that never commits shows underlined and searches nothing until text comes")
{
    SearchRig rig;
    REQUIRE(rig.settle());
    rig.type("gen");
    REQUIRE(rig.settle());
    const std::string before = rig.screen().shown().text;
    rig.screen().on_composition("\xC2\xB4"); // ´ from a dead key, no SDL_TEXTINPUT follows
    CHECK_FALSE(rig.screen().waiting());
    const ck::ui::Widget* field = rig.frame().find_by_id("search.field");
    REQUIRE(field != nullptr);
    CHECK(field->label == "gen\xC2\xB4");
    rig.type("\xC3\xA8ve"); // the input method commits è and the rest
    CHECK(rig.screen().field().composition().empty());
    REQUIRE(rig.settle());
    CHECK(rig.screen().shown().text == "gen\xC3\xA8ve");
    CHECK(rig.screen().shown().text != before);
    CHECK(rig.shows_results_or_nothing_found());
}
