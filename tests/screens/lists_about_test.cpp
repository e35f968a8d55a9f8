// The about text's paragraphs and run-in heads, in English and Japanese, and the collection facts
// merged from facet counts.
#include "screens/about_screen.hpp"

#include <doctest/doctest.h>

using ck::content::FacetCount;
using namespace ck::screens;

TEST_CASE("paragraphs split at blank lines, and a short first sentence becomes the head")
{
    struct Case {
        const char* text;
        std::vector<AboutParagraph> paragraphs;
    };
    const Case cases[] = {
        { "Leaked cables. Thirty-one cables belong to the release.\n\nPublic domain. Works of the United "
          "States\ngovernment are free.",
            { { "Leaked cables", "Thirty-one cables belong to the release." },
                { "Public domain", "Works of the United States government are free." } } },
        // A long first sentence, or one with a comma, stays in the paragraph.
        { "The forty documents in this exhibit are records of the United States government. They "
          "reached the public by different roads.",
            { { "",
                "The forty documents in this exhibit are records of the United States government. They "
                "reached the public by different roads." } } },
        { "Read these, carefully. Then more.", { { "", "Read these, carefully. Then more." } } },
        // A paragraph that is one short sentence has no body to head.
        { "Thank you.", { { "", "Thank you." } } },
        { "A one-word head needs text.\n\n\n\n  \nLast.",
            { { "", "A one-word head needs text." }, { "", "Last." } } },
        // Japanese: the full stop is 。 and lines join without a space.
        { "流出した電報。1985年から2010年の電報31通は、\nケーブルゲートの一部です。",
            { { "流出した電報", "1985年から2010年の電報31通は、ケーブルゲートの一部です。" } } },
        { "この展示の文書40点は、いずれも米国政府の記録です。ただし経緯はさまざまです。",
            { { "", "この展示の文書40点は、いずれも米国政府の記録です。ただし経緯はさまざまです。" } } },
        { "", {} },
        { "\n\n\n", {} },
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(about_paragraphs(c.text) == c.paragraphs);
    }
}

TEST_CASE("collection facts merge markings by stamp, most restrictive first, and count the unmarked")
{
    ck::content::Facets facets;
    facets.classification = { { "CONFIDENTIAL", 14 }, { "SECRET", 17 }, { "UNCLASSIFIED", 2 },
        { "LIMITED OFFICIAL USE", 2 }, { "SECRET//NOFORN", 3 }, { "TOP SECRET", 1 } };
    facets.origin = { { "Secretary of State", 10 }, { "Embassy Tokyo", 7 }, { "SECSTATE WASHDC", 2 },
        { "Embassy Seoul", 6 }, { "Embassy Beijing", 3 }, { "Embassy Vienna", 2 }, { "Embassy Baku", 1 } };
    const CollectionFacts f = facts_from(facets, { { 0, 1 }, { 1960, 2 }, { 2010, 4 } }, 45);
    CHECK(f.total == 45);
    CHECK(f.first_year == 1960);
    CHECK(f.last_year == 2010);
    const std::vector<Tally> markings = { { "TOP SECRET", 1 }, { "SECRET", 20 }, { "CONFIDENTIAL", 14 },
        { "LOU", 2 }, { "UNCLASSIFIED", 2 }, { "", 6 } };
    CHECK(f.markings == markings);
    // "Secretary of State" and "SECSTATE WASHDC" are both Washington; five places are shown.
    const std::vector<Tally> origins = { { "Washington", 12 }, { "Embassy Tokyo", 7 }, { "Embassy Seoul", 6 },
        { "Embassy Beijing", 3 }, { "Embassy Vienna", 2 } };
    CHECK(f.origins == origins);
}

TEST_CASE("a collection where everything is marked has no unmarked line")
{
    ck::content::Facets facets;
    facets.classification = { { "SECRET", 3 } };
    const CollectionFacts f = facts_from(facets, {}, 3);
    CHECK(f.markings == std::vector<Tally> { { "SECRET", 3 } });
    CHECK(f.first_year == 0);
    CHECK(f.origins.empty());
}
