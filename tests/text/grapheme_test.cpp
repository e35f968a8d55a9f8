// Grapheme cluster boundaries: a table of the cases a search box's backspace meets, and the whole
// of Unicode's own conformance file (GraphemeBreakTest.txt from Debian's unicode-data).
#include "text/grapheme.hpp"
#include "text_fixture.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <vector>

using ck::text::is_grapheme_boundary;
using ck::text::next_grapheme_boundary;
using ck::text::previous_grapheme_boundary;
using ck::text::test::repeat;
using ck::text::test::u8;

namespace {

// The text's clusters, walking forwards with next_grapheme_boundary.
std::vector<std::string> clusters_forward(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t next = next_grapheme_boundary(text, pos);
        REQUIRE(next > pos);
        out.push_back(text.substr(pos, next - pos));
        pos = next;
    }
    return out;
}

// The same, walking backwards as backspace does.
std::vector<std::string> clusters_backward(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t pos = text.size();
    while (pos > 0) {
        const std::size_t previous = previous_grapheme_boundary(text, pos);
        REQUIRE(previous < pos);
        out.insert(out.begin(), text.substr(previous, pos - previous));
        pos = previous;
    }
    return out;
}

} // namespace

TEST_CASE("backspace and caret moves step over whole grapheme clusters")
{
    struct Case {
        const char* what;
        std::string text;
        std::vector<std::string> clusters;
    };
    const std::string marks500 = "a" + repeat("\xCC\x81", 500); // a + 500 x U+0301
    const std::vector<Case> cases = {
        { "ASCII", "abc", { "a", "b", "c" } },
        { "é precomposed (NFC)", "Gen\xC3\xA8ve", { "G", "e", "n", "\xC3\xA8", "v", "e" } },
        { "é decomposed (NFD)", "Gene\xCC\x80ve", { "G", "e", "n", "e\xCC\x80", "v", "e" } },
        { "rainbow flag: white flag, VS16, ZWJ, rainbow", u8(U"x\U0001F3F3\uFE0F\u200D\U0001F308y"),
            { "x", u8(U"\U0001F3F3\uFE0F\u200D\U0001F308"), "y" } },
        { "thumbs up with a skin tone", u8(U"\U0001F44D\U0001F3FD!"), { u8(U"\U0001F44D\U0001F3FD"), "!" } },
        { "flag of Japan, then of the US", u8(U"\U0001F1EF\U0001F1F5\U0001F1FA\U0001F1F8"),
            { u8(U"\U0001F1EF\U0001F1F5"), u8(U"\U0001F1FA\U0001F1F8") } },
        { "three regional indicators pair from the left", u8(U"\U0001F1EF\U0001F1F5\U0001F1FA"),
            { u8(U"\U0001F1EF\U0001F1F5"), u8(U"\U0001F1FA") } },
        { "family: four people joined by ZWJ",
            u8(U"\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"),
            { u8(U"\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466") } },
        { "Hangul syllables", u8(U"\uD55C\uAD6D"), { u8(U"\uD55C"), u8(U"\uAD6D") } },
        { "Hangul conjoining jamo L V T", u8(U"\u1112\u1161\u11AB\u1100"),
            { u8(U"\u1112\u1161\u11AB"), u8(U"\u1100") } },
        { "Japanese", u8(U"東京です"), { u8(U"東"), u8(U"京"), u8(U"で"), u8(U"す") } },
        { "Devanagari with a spacing mark", u8(U"\u0915\u093F"), { u8(U"\u0915\u093F") } },
        { "500 combining marks on one base", marks500 + "b", { marks500, "b" } },
        { "CR LF is one cluster, CR alone another", "a\r\nb\rc", { "a", "\r\n", "b", "\r", "c" } },
        { "a ZWJ after a letter stays with it", u8(U"a\u200Db"), { u8(U"a\u200D"), "b" } },
        { "ill-formed bytes are one cluster each", "a\xC0\xAF\x80z", { "a", "\xC0", "\xAF", "\x80", "z" } },
        { "a combining mark after an ill-formed byte starts its own cluster", "\x80\xCC\x81",
            { "\x80", "\xCC\x81" } },
        { "empty text", "", {} },
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(clusters_forward(c.text) == c.clusters);
        CHECK(clusters_backward(c.text) == c.clusters);
    }
}

TEST_CASE("a position inside a cluster moves to the cluster's edges")
{
    const std::string flag = u8(U"\U0001F1EF\U0001F1F5"); // 8 bytes
    const std::string text = "a" + flag + "b";
    CHECK(next_grapheme_boundary(text, 3) == 9);
    CHECK(previous_grapheme_boundary(text, 3) == 1);
    CHECK_FALSE(is_grapheme_boundary(text, 5));
    CHECK(is_grapheme_boundary(text, 1));
    CHECK(is_grapheme_boundary(text, 9));
    CHECK(is_grapheme_boundary(text, text.size()));
    CHECK(next_grapheme_boundary(text, text.size()) == text.size());
    CHECK(previous_grapheme_boundary(text, 0) == 0);
    CHECK(previous_grapheme_boundary(text, 1000) == 9); // past the end: clamped
}

TEST_CASE("every case of Unicode's GraphemeBreakTest.txt is segmented as Unicode says")
{
    std::ifstream in("/usr/share/unicode/auxiliary/GraphemeBreakTest.txt");
    REQUIRE_MESSAGE(in.good(), "install Debian's unicode-data (listed in .ci/deps)");
    std::string line;
    int cases = 0;
    int line_number = 0;
    while (std::getline(in, line)) {
        ++line_number;
        line = line.substr(0, line.find('#'));
        if (line.find_first_not_of(" \t") == std::string::npos) {
            continue;
        }
        // "÷ 0020 × 0308 ÷ 0020 ÷": build the text and the expected byte boundaries.
        std::istringstream fields(line);
        std::string token;
        std::string text;
        std::vector<std::size_t> expected;
        while (fields >> token) {
            if (token == "\xC3\xB7") { // ÷
                expected.push_back(text.size());
            } else if (token != "\xC3\x97") { // ×
                ck::utf8::append(text, static_cast<char32_t>(std::stoul(token, nullptr, 16)));
            }
        }
        std::vector<std::size_t> actual { 0 };
        for (std::size_t pos = 0; pos < text.size();) {
            pos = next_grapheme_boundary(text, pos);
            actual.push_back(pos);
        }
        CAPTURE(line_number);
        CAPTURE(line);
        CHECK(actual == expected);
        ++cases;
    }
    CHECK(cases > 500);
}
