// Finding glossary terms in a cable's text: a table of real phrasings (codes, phrases, tags on and
// off the TAGS line, punctuation, line breaks, other scripts), then invariants over every cable of
// the bundled exhibit with its real glossary.
#include "content/pack.hpp"
#include "screens/reader_terms.hpp"
#include "support/exhibit_pack.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace ck;
using namespace ck::screens::reader;

namespace {

content::Pack& exhibit()
{
    static content::Pack pack = [] {
        auto opened = content::Pack::open(test::exhibit_pack_path());
        REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().to_string()));
        return std::move(*opened);
    }();
    return pack;
}

std::vector<content::GlossaryTerm> glossary()
{
    const auto term = [](const char* t) {
        return content::GlossaryTerm { t, content::GlossaryKind::term, {} };
    };
    const auto tag = [](const char* t) {
        return content::GlossaryTerm { t, content::GlossaryKind::tag, {} };
    };
    return { term("GOJ"), term("FONMIN"), term("DEPFONMIN"), term("REFTEL"), term("E.O."), term("(C)"),
        term("TALKING POINTS"), term("SIX-PARTY TALKS"), term("LIMITED OFFICIAL USE"), term("PlusD"),
        term("S-300"), tag("PREL"), tag("US"), tag("IT"), tag("MASS"), tag("IWC-2") };
}

// The matched texts, in order.
std::vector<std::string> found(std::string_view text)
{
    const TermFinder finder(glossary());
    std::vector<std::string> out;
    for (const TermMatch& m : finder.find(text)) {
        out.emplace_back(text.substr(m.begin, m.end - m.begin));
    }
    return out;
}

using Words = std::vector<std::string>;

} // namespace

TEST_CASE("glossary terms are found as whole words, codes as written and phrases in any case")
{
    struct Case {
        const char* text;
        Words expected;
    };
    const Case cases[] = {
        { "GOJ HAS NOT MADE DECISION", { "GOJ" } },
        { "THE GOJ'S POSITION (GOJ)", { "GOJ", "GOJ" } }, // punctuation is a boundary
        { "GOJO AND XGOJ ARE NOT GOJ", { "GOJ" } }, // inside a word is not the term
        { "Goj and goj are not the code", {} }, // codes are matched as written
        { "PER REFTEL, DEPFONMIN SAW FONMIN", { "REFTEL", "DEPFONMIN", "FONMIN" } }, // longest wins
        { "E.O. 12958: DECL: 06/26/2034", { "E.O." } },
        { "1.  (C) SUMMARY.  (C/NF) IS OTHER", { "(C)" } },
        { "DELIVERED TALKING POINTS", { "TALKING POINTS" } },
        { "delivered the talking points today", { "talking points" } }, // phrases in the cable's case
        { "the Six-Party Talks were \"not dead\"", { "Six-Party Talks" } },
        { "WHALE TALKING\nPOINTS IN REFTEL", { "TALKING\nPOINTS", "REFTEL" } }, // across one line break
        { "TALKING\n\nPOINTS", {} }, // not across a paragraph
        { "LIMITED   OFFICIAL USE", { "LIMITED   OFFICIAL USE" } },
        { "released on plusd in 2013", { "plusd" } }, // written with small letters: any case
        { "AN S-300 SYSTEM, NOT S-3000", { "S-300" } },
        { "\xC3\x89GOJ \xE6\x97\xA5GOJ GOJ\xC3\xA9", {} }, // letters of other scripts are letters
        { "", {} },
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(found(c.text) == c.expected);
    }
}

TEST_CASE("a portion marking is explained only where a marking stands, never as a REF list's letter")
{
    struct Case {
        const char* text;
        Words expected;
    };
    const Case cases[] = {
        { "1.  (C) SUMMARY: THE AMBASSADOR MET", { "(C)" } },
        { "(C) THE MINISTER SAID", { "(C)" } }, // a paragraph that opens with its marking
        { "   A. (C) THE FIRST POINT", { "(C)" } }, // a lettered subparagraph
        { "SUBJECT: (C) SNIPER RIFLES TO IRAN", { "(C)" } },
        // Vienna, 2005: the REF list repeats each letter in parentheses.
        { "REF: A. (A) E-MAIL 1/5/05\n     B. (B) 04 STATE 272249\n     C. (C) 04 VIENNA 4393\n\n1. (C) "
          "SUMMARY",
            { "(C)" } },
        { "REF: (C) 04 VIENNA 4393\nCLASSIFIED BY: X\n(C) TEXT", { "(C)" } }, // a label ends the list
        { "THE ANSWER TO QUESTION (C) WAS NO", {} }, // a letter in running text
        { "SEE PARA 2 (C) ABOVE", {} },
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        const Words got = found(c.text);
        CHECK(got == c.expected);
        if (!c.expected.empty() && got == c.expected) {
            // The one found is the last in the text: the marking of the paragraph, not a letter.
            const TermFinder finder(glossary());
            const auto matches = finder.find(c.text);
            CHECK(std::string_view(c.text).substr(matches.back().begin).find("(C)", 1)
                == std::string_view::npos);
        }
    }
}

TEST_CASE("in the Vienna cable of 2005 no REF letter is taken for a portion marking")
{
    const auto record = exhibit().cable("05VIENNA37");
    REQUIRE(record.ok());
    REQUIRE(record->has_value());
    const std::string& text = (*record)->cable.display_text;
    const TermFinder finder(exhibit().collection().glossary);
    const auto refs = ref_blocks(text);
    REQUIRE_FALSE(refs.empty());
    REQUIRE(text.substr(refs.front().first, refs.front().second - refs.front().first)
                .find("C. (C) 04 VIENNA 4393")
        != std::string::npos);
    for (const TermMatch& m : finder.find(text)) {
        CAPTURE(text.substr(m.begin, m.end - m.begin));
        CHECK_FALSE((
            m.begin >= refs.front().first && m.end <= refs.front().second && text.substr(m.begin, 1) == "("));
    }
}

TEST_CASE("a TAGS code is a tag only on the TAGS line, where the line runs on until the next label")
{
    struct Case {
        const char* text;
        Words expected;
    };
    const Case cases[] = {
        { "TAGS: PREL, US, IT\nSUBJECT: US AND IT TALK OF MASS", { "PREL", "US", "IT" } },
        { "TAGS PREL US\nIWC-2\n\nUS SIDE NOTED", { "PREL", "US", "IWC-2" } }, // continued without a label
        { "Tags: PREL, US\nsubject: us", { "PREL", "US" } },
        { "E. O. 11652: GDS TAGS: PREL, US, IT\nSUBJ: US TRADE", { "PREL", "US", "IT" } }, // OCR: mid-line
        { "TAGS: PREL, US SUBJECT: US TRADE", { "PREL", "US" } }, // the subject on the same line
        { "THE TAGS ON US GOODS", {} }, // "TAGS" in running text is no label
        { "WE SAID IT TO US ON PREL", {} },
        { "WEAPONS OF MASS DESTRUCTION", {} },
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(found(c.text) == c.expected);
    }
}

TEST_CASE("the TAGS lines of a display text are found with their continuations")
{
    const std::string text = "E.O. 12958: DECL: 06/26/2034\n"
                             "TAGS: PREL PGOV PARM KNNP\n"
                             "MOPS EFIN KN KS CH\n"
                             "\n"
                             "SUBJECT: PRC/DPRK\n";
    const auto lines = tags_lines(text);
    REQUIRE(lines.size() == 1);
    CHECK(text.substr(lines[0].first, lines[0].second - lines[0].first)
        == "TAGS: PREL PGOV PARM KNNP\nMOPS EFIN KN KS CH");
}

TEST_CASE("matching stops at the limit")
{
    std::string text;
    for (int i = 0; i < 1000; ++i) {
        text += "GOJ ";
    }
    const TermFinder finder(glossary());
    CHECK(finder.find(text).size() == 1000);
    CHECK(finder.find(text, 10).size() == 10);
}

TEST_CASE("in every exhibit cable, matches are in order, apart, on word boundaries and spell their term")
{
    const auto& terms = exhibit().collection().glossary;
    REQUIRE(terms.size() > 100);
    const TermFinder finder(terms);
    const auto is_word = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || static_cast<unsigned char>(c) >= 0x80;
    };
    const auto fold = [](const std::string& s) {
        std::string out;
        for (const char c : s) {
            if (c == '\n' || c == ' ') {
                if (out.empty() || out.back() != ' ') {
                    out += ' ';
                }
            } else {
                out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
            }
        }
        return out;
    };
    std::size_t total = 0;
    std::size_t with_terms = 0;
    auto st = exhibit().for_each_cable([&](const content::CableRecord& record) -> Status {
        const std::string& text = record.cable.display_text;
        const auto matches = finder.find(text);
        CAPTURE(record.cable.id);
        std::uint32_t previous_end = 0;
        for (const TermMatch& m : matches) {
            REQUIRE(m.term < terms.size());
            CHECK(m.begin >= previous_end);
            CHECK(m.end > m.begin);
            previous_end = m.end;
            const std::string written = text.substr(m.begin, m.end - m.begin);
            CHECK(fold(written) == fold(terms[m.term].term));
            if (is_word(text[m.begin]) && m.begin > 0) {
                CHECK_FALSE(is_word(text[m.begin - 1]));
            }
            if (is_word(text[m.end - 1]) && m.end < text.size()) {
                CHECK_FALSE(is_word(text[m.end]));
            }
        }
        total += matches.size();
        with_terms += matches.empty() ? 0 : 1;
        return {};
    });
    REQUIRE(st.ok());
    // The glossary was written for this collection: most cables have terms to tap.
    CHECK(with_terms >= 30);
    CHECK(total > 300);
}
