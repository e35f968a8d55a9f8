// HOSTILE_INPUTS b3, all 24 items: whatever reaches the search box is searched as words or
// ignored. No FTS5 syntax error, no column name, no unbounded query, no SQL error text.
#include "content/pack.hpp"
#include "content/query.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <set>

using namespace ck;
using ck::test::TempDir;

namespace {

// One pack shared by every test here: the sample cables plus cables holding the words the
// hostile inputs reduce to, so that "searched as words" can be checked by what is found.
content::Pack& shared_pack()
{
    static TempDir dir;
    static content::Pack pack = [] {
        auto cables = test::sample_cables();
        auto add = [&](const char* id, const char* subject, const char* body) {
            cable::Cable c;
            c.id = id;
            c.date = cable::CableDate { 2001, 1, 1, -1, -1 };
            c.subject = subject;
            c.display_text = body;
            c.source_file = std::string(id) + ".txt";
            cables.push_back(c);
        };
        add("01A1", "DON'T PANIC",
            "who's on first? multi-agent talks; grammar::fa and the U.S. position on ver1.1");
        add("01A2", "UBUNTU 20.04", "c++ and NEAR operators; the park. AI AND ML; or not");
        add("01A3", "外交电报", "مرحبا שלום İstanbul istanbul; no such column: agent");
        add("01A4", "ONE TWO THREE", "func one two three; a b; col1 col2 x");
        test::build_pack(dir / "h.ckpack", cables);
        return test::open_pack(dir / "h.ckpack");
    }();
    return pack;
}

content::SearchResults run(const std::string& text)
{
    content::SearchQuery q;
    q.text = text;
    q.budget = std::chrono::milliseconds { 2000 };
    auto r = shared_pack().search(q);
    INFO("query: " << text);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().to_string()));
    return std::move(*r);
}

std::set<std::string> found(const std::string& text)
{
    std::set<std::string> out;
    for (const auto& h : run(text).hits) {
        out.insert(h.cable.id);
    }
    return out;
}

struct Case {
    const char* input;
    std::set<std::string> expected; // cables found; {} when nothing may match
};

void check_all(const std::vector<Case>& cases)
{
    auto joined = [](const std::set<std::string>& ids) {
        std::string out;
        for (const auto& id : ids) {
            out += id + " ";
        }
        return out;
    };
    for (const auto& c : cases) {
        const std::string input = c.input;
        const std::string got = joined(found(input));
        const std::string want = joined(c.expected);
        CAPTURE(input);
        CHECK(got == want);
    }
}

} // namespace

TEST_CASE("b3.1 double quotes, balanced or not, never break the query")
{
    check_all({ { "\"", {} }, { "\"\"", {} }, { "\"unbalanced", {} }, { "\"don't panic", { "01A1" } },
        { "a\"b\"c", {} }, { "\"one two\" three", { "01A4" } } });
    CHECK(run("\"").empty_query);
}

TEST_CASE("b3.2 apostrophes are separators, never quotes")
{
    check_all({ { "don't", { "01A1" } }, { "who's on first", { "01A1" } }, { "'", {} }, { "''''", {} } });
}

TEST_CASE("b3.3 hyphens neither negate nor name columns")
{
    check_all({ { "multi-agent", { "01A1" } }, { "-iran", { "09MOSCOW405", "06TOKYO5212" } },
        { "- subject : x", {} }, { "-subject:whaling", {} }, { "-whaling", { "85TOKYO364" } } });
}

TEST_CASE("b3.4 colons never become column filters")
{
    check_all({ { "grammar::fa", { "01A1" } }, { "subject:iran", {} }, { "body:", {} },
        { "display_text:whaling", {} }, { "facet_tokens:xc1", {} } });
}

TEST_CASE("b3.5 dots split words and make no prefix blow-up")
{
    check_all({ { "ubuntu 20.04", { "01A2" } }, { "park.", { "01A2" } }, { "U.S.", { "01A1" } },
        { "ver1.1", { "01A1" } } });
}

TEST_CASE("b3.6 operator words are plain words in any case")
{
    const std::set<std::string> with_and = { "01A1", "01A2", "06TOKYO5212", "1976TOKYO12732" };
    // A final word of three letters or more is a prefix while typed ("AND" also finds "andrew"),
    // so these are checked as finished words, with a space after them.
    check_all({ { "AND ", with_and }, { "and ", with_and }, { "OR ", { "01A2" } }, { "NOT ", { "01A2" } },
        { "NEAR ", { "01A2" } }, { "AI AND ML ", { "01A2" } }, { "NOT NOT ", { "01A2" } },
        { "or", { "01A2" } } });
}

TEST_CASE("b3.7 stars are not prefix operators; only the typed last word is a prefix")
{
    check_all({ { "*", {} }, { "**", {} }, { "*iran", { "09MOSCOW405", "06TOKYO5212" } }, { "a*", {} },
        { "1*", {} } });
    // One letter or digit alone, a star after it or not, is too short to search (README).
    CHECK(run("a*").too_short);
    CHECK(run("1*").too_short);
}

TEST_CASE("b3.8 carets are not initial-token operators")
{
    check_all({ { "^", {} }, { "^one", { "01A4" } }, { "one + ^two", { "01A4" } }, { "NEAR(^one, two)", {} },
        { "one two ^three", { "01A4" } } });
}

TEST_CASE("b3.9 brackets and braces group nothing")
{
    check_all({ { "(", {} }, { ")", {} }, { "(one OR two) three", {} }, { "(one two) three", { "01A4" } },
        { "func(one two)", { "01A4" } }, { "{col1 col2}: x", { "01A4" } }, { "}", {} } });
}

TEST_CASE("b3.10 plus signs join nothing")
{
    check_all({ { "+", {} }, { "a + + b", { "01A4" } }, { "c++", {} } });
    CHECK(run("c++").too_short); // "c" alone
}

TEST_CASE("b3.11 NEAR with a huge distance or unbalanced is plain words")
{
    check_all({ { "NEAR(a b, 999999999)", {} }, { "NEAR(", { "01A2" } }, { "NEAR(one two, 1)", {} },
        { "(one two, 1", {} } });
}

TEST_CASE("b3.12 empty, blank and punctuation-only input runs no MATCH at all")
{
    for (const char* input :
        { "", " ", "\t\n  ", "!!!???", "\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94", "...", "@#$%^&*()" }) {
        CAPTURE(input);
        auto r = run(input);
        CHECK(r.empty_query);
        CHECK(r.hits.empty());
        CHECK(r.total == 0);
    }
}

TEST_CASE("b3.13 a 10,000-character paste and 1,000 one-letter words stay bounded")
{
    std::string paste;
    while (paste.size() < 10000) {
        paste += "whaling strategic goods ";
    }
    auto r = run(paste);
    CHECK(r.query_truncated);
    std::string flood;
    for (int i = 0; i < 1000; ++i) {
        flood += "a ";
    }
    auto parser = content::QueryParser::create();
    REQUIRE(parser.ok());
    CHECK(parser->parse(flood).phrases.size() == 1);
    // The flood is one word, "a", typed a thousand times: one letter alone is too short to search.
    CHECK(found(flood).empty());
    CHECK(run(flood).too_short);
    std::string many;
    for (int i = 0; i < 200; ++i) {
        many += "w" + std::to_string(i) + " ";
    }
    const auto q = parser->parse(many);
    CHECK(q.phrases.size() == content::query_max_phrases);
    CHECK(q.truncated);
    // A 100,000-byte word is cut to query_max_bytes before anything is searched: the work is bounded
    // by the input cap, counted here, not by how fast this machine is.
    const auto huge = parser->parse(std::string(100000, 'x'));
    CHECK(huge.truncated);
    REQUIRE(huge.phrases.size() == 1);
    REQUIRE(huge.phrases.front().tokens.size() == 1);
    CHECK(huge.phrases.front().tokens.front().size() <= content::query_max_bytes);
    CHECK(run(std::string(100000, 'x')).hits.empty());
}

TEST_CASE("b3.14 SQL-looking text is searched as words and harms nothing")
{
    check_all(
        { { "'); DROP TABLE cables;--", {} }, { "%", {} }, { "_", {} }, { "\\", {} }, { "%whal%", {} } });
    CHECK(shared_pack().info().cables == 11);
    CHECK(found("whaling") == std::set<std::string> { "85TOKYO364" });
}

TEST_CASE("b3.15 a NUL mid-string and U+001A are separators")
{
    check_all({ { "whaling\x1a", { "85TOKYO364" } }, { "\x1awhaling\x1a ", { "85TOKYO364" } } });
    // A NUL is a separator: "whal" and "ing" are two words, and no cable holds "whal".
    CHECK(run(std::string("whal\0ing ", 10)).hits.empty());
    CHECK(run(std::string("one\0two", 7)).hits.size() == 1);
    CHECK(run(std::string("\0\0\0", 3)).empty_query);
}

TEST_CASE("b3.16 tabs, newlines, U+202E and U+200B are separators or ignored")
{
    check_all({ { "one\ttwo\nthree", { "01A4" } },
        { "\xe2\x80\xae"
          "whaling",
            { "85TOKYO364" } },
        { "whal\xe2\x80\x8bing", {} } });
}

TEST_CASE("b3.17 right-to-left scripts are searched as words")
{
    check_all({ { "مرحبا", { "01A3" } }, { "שלום", { "01A3" } }, { "\xe2\x80\x8fשלום", { "01A3" } } });
}

TEST_CASE("b3.18 CJK without spaces is one word, found whole or by its prefix")
{
    // unicode61 keeps a run of CJK characters as one token (README: documented behaviour).
    check_all({ { "外交电报", { "01A3" } }, { "外交电", { "01A3" } }, { "电报", {} } });
}

TEST_CASE("b3.19 diacritics and Turkish dotted I fold the way the index folds them")
{
    check_all({ { "Genève", { "08TOKYO1723" } }, { "Geneve", { "08TOKYO1723" } },
        { "Gene\xcc\x80ve", { "08TOKYO1723" } }, { "İstanbul", { "01A3" } }, { "istanbul", { "01A3" } } });
}

TEST_CASE("b3.20 emoji, ZWJ sequences, variation selectors and skin tones are not words")
{
    for (const char* input : { "\xf0\x9f\x8f\xb3\xef\xb8\x8f\xe2\x80\x8d\xf0\x9f\x8c\x88",
             "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", "\xe2\x9d\xa4\xef\xb8\x8f" }) {
        CAPTURE(input);
        CHECK(run(input).empty_query);
    }
}

TEST_CASE("b3.21 half-composed IME text is just text")
{
    check_all({ { "にほ", {} }, { "ｗｈａｌｉｎｇ", {} }, { "wha\xcc\x81", { "85TOKYO364" } } });
}

TEST_CASE("b3.22 searching as the visitor types: 2,000 superseded keystrokes each end cleanly and bounded")
{
    const std::string typed = "strategic goods whaling korea trilateral ";
    std::string box;
    std::atomic<bool> cancel { false };
    int ok = 0;
    for (int i = 0; i < 2000; ++i) {
        box += typed[static_cast<std::size_t>(i) % typed.size()];
        if (box.size() > 40) {
            box.erase(0, 1);
        }
        content::SearchQuery q;
        q.text = box;
        q.budget = std::chrono::milliseconds { 200 };
        cancel = (i % 7 == 0); // every seventh is superseded before it runs
        auto r = shared_pack().search(q, &cancel);
        if (r.ok()) {
            ++ok;
        } else {
            CHECK(content::is_cancelled(r.error()));
        }
    }
    CHECK(ok >= 1700);
}

TEST_CASE("b3.23 the pack keeps no trace of past queries")
{
    const auto path = shared_pack().path();
    const std::string before = test::read_bytes(path);
    (void)run("secret visitor query");
    CHECK(test::read_bytes(path) == before);
    // The same query gives the same results however many others ran before it.
    const auto first = found("whaling");
    for (int i = 0; i < 50; ++i) {
        (void)run("query " + std::to_string(i));
    }
    CHECK(found("whaling") == first);
}

TEST_CASE("b3.24 SQLite's own error strings typed as a query are just words")
{
    check_all({ { "no such column: agent", { "01A3" } }, { "fts5: syntax error near \"'\"", {} },
        { "unterminated string", {} } });
}

TEST_CASE("every token the parser writes is quoted, so the expression has no bare visitor text")
{
    auto parser = content::QueryParser::create();
    REQUIRE(parser.ok());
    const char* inputs[]
        = { "AND OR NOT", "NEAR(a b, 5)", "{a b}: c", "x* ^y", "\"q\"uote\"", "col:val", "a+b-c" };
    for (const char* input : inputs) {
        CAPTURE(input);
        const std::string expr = content::fts5_expression(parser->parse(input));
        // Outside quotes only our operators appear: AND, +, *, spaces.
        bool quoted = false;
        std::string outside;
        for (const char c : expr) {
            if (c == '"') {
                quoted = !quoted;
                continue;
            }
            if (!quoted) {
                outside += c;
            }
        }
        for (const char c : outside) {
            CHECK((c == ' ' || c == 'A' || c == 'N' || c == 'D' || c == '+' || c == '*'));
        }
    }
}
