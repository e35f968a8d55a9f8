// Ids and times in a query: how the text is read (pure rules, tables of written forms) and what a
// search on a pack then lists first, without hiding the full-text matches after it.
#include "content/pack.hpp"
#include "content/query_intent.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace ck;
using ck::test::TempDir;

namespace {

std::string describe(const std::vector<content::IdReading>& readings)
{
    std::string out;
    for (const auto& r : readings) {
        out += (out.empty() ? "" : " ") + (r.year ? std::to_string(*r.year) : std::string("*")) + "/"
            + r.station + "/" + r.serial;
    }
    return out;
}

std::string describe(const std::optional<content::TimeSpan>& span)
{
    if (!span) {
        return "none";
    }
    std::string out = std::to_string(span->year_from) + "-" + std::to_string(span->year_to);
    if (span->month != 0) {
        out += " m" + std::to_string(span->month);
    }
    return out;
}

cable::Cable dated(std::string id, cable::CableDate date, std::string subject, std::string body)
{
    cable::Cable c;
    c.id = std::move(id);
    c.date = date;
    c.subject = std::move(subject);
    c.display_text = std::move(body);
    c.classification = "UNCLASSIFIED";
    c.origin = "Embassy Tokyo";
    c.source_file = "cables/" + c.id + ".txt";
    return c;
}

// The sample cables and two more: a 2009 cable whose text names 1977 and July, and another
// 08TOKYO serial in 2009 so a year-less id has two readings.
std::vector<cable::Cable> cables_with_dates_in_text()
{
    auto cables = test::sample_cables();
    cables.push_back(dated("09TOKYO1723", { 2009, 3, 2, 1, 0 }, "FISHERIES TALKS",
        "1. Talks recalled the agreement of July 1977 on fisheries, and its 1977 annex."));
    cables.push_back(
        dated("1977TOKYO9001", { 1977, 12, 30, 1, 0 }, "YEAR END REVIEW", "1. A review of the year."));
    return cables;
}

struct DatedPack {
    TempDir dir;
    content::Pack pack;
    DatedPack()
        : pack((test::build_pack(dir / "d.ckpack", cables_with_dates_in_text()),
            test::open_pack(dir / "d.ckpack")))
    {
    }
};

content::SearchResults run(content::Pack& pack, const std::string& text, std::size_t limit = 20,
    std::size_t offset = 0, std::string classification = {})
{
    content::SearchQuery q;
    q.text = text;
    q.limit = limit;
    q.offset = offset;
    q.classification = std::move(classification);
    q.budget = std::chrono::milliseconds { 0 };
    auto r = pack.search(q);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().to_string()));
    return std::move(*r);
}

std::string joined(const std::vector<std::string>& ids)
{
    std::string out;
    for (const auto& id : ids) {
        out += (out.empty() ? "" : " ") + id;
    }
    return out;
}

} // namespace

TEST_CASE("an id is read in every written form, with the year it was written with")
{
    struct Case {
        const char* text;
        const char* expected;
    };
    const Case cases[] = {
        { "08TOKYO1723", "2008/TOKYO/1723" }, { "08 TOKYO 1723", "2008/TOKYO/1723" },
        { "08tokyo001723", "2008/TOKYO/1723" }, { "2008TOKYO01723", "2008/TOKYO/1723" },
        { "1977STATE158046", "1977/STATE/158046" }, { "77 STATE 158046", "1977/STATE/158046" },
        { "STATE 158046", "*/STATE/158046" }, { "tokyo 1723", "*/TOKYO/1723" },
        { "REF: A. 03 PANAMA 2201", "2003/PANAMA/2201" }, { "B) 85 STATE 5140", "1985/STATE/5140" },
        { "08 SAO PAULO 335", "2008/SAOPAULO/335 */PAULO/335" }, { "08-TOKYO-001723", "2008/TOKYO/1723" },
        { "korea", "" }, { "1977", "" },
        { "A 12345678", "" }, // a one-letter station and an eight-digit serial are not an id
    };
    for (const Case& c : cases) {
        INFO(c.text);
        CHECK(describe(content::id_readings(c.text)) == c.expected);
    }
}

TEST_CASE("a reading's key is the reference key of its year, station and serial")
{
    CHECK(content::id_key({ std::nullopt, "TOKYO", "1723" }, 2008) == "2008TOKYO1723");
    CHECK(content::id_key({ 1977, "STATE", "158046" }, 1977) == "1977STATE158046");
}

TEST_CASE("a year, a decade, a range and a month with its year are read as a time")
{
    struct Case {
        const char* text;
        const char* expected;
        const char* rest;
    };
    const Case cases[] = {
        { "1977", "1977-1977", " " }, { "korea 1977", "1977-1977", "korea  " }, { "1970s", "1970-1979", " " },
        { "1970's", "1970-1979", " " }, { "'70s", "1970-1979", " " }, { "the 00s", "2000-2009", "the  " },
        { "1977-1980", "1977-1980", " " }, { "1977 to 1980", "1977-1980", " " },
        { "July 1977", "1977-1977 m7", " " }, { "jul. 1977", "1977-1977 m7", " " },
        { "Sept 1977", "1977-1977 m9", " " }, { "1977 july", "1977-1977 m7", " " },
        { "1977-07", "1977-1977 m7", " " }, { "7/1977", "1977-1977 m7", " " },
        { "1977年7月", "1977-1977 m7", " " }, { "1970年代", "1970-1979", " " },
        { "1985年 捕鯨", "1985-1985", "  捕鯨" },
        { "1977STATE158046", "none", "" }, // a year inside an id is not a time
        { "1723", "none", "" }, // before 1900: a serial or a count, not a year
        { "1975s", "none", "" }, // not a decade
        { "may", "none", "" }, // a month without a year is a word
        { "13/1977", "1977-1977", "13/ " }, // not a month: the year alone
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const auto span = content::time_span(c.text);
        CHECK(describe(span) == c.expected);
        if (span) {
            CHECK(span->rest == c.rest);
        }
    }
}

TEST_CASE("a cable id in any written form finds that cable first")
{
    DatedPack p;
    struct Case {
        const char* text;
        const char* first;
    };
    const Case cases[] = {
        { "08TOKYO1723", "08TOKYO1723" },
        { "08 TOKYO 1723", "08TOKYO1723" },
        { "2008TOKYO01723", "08TOKYO1723" },
        { "08-TOKYO-001723", "08TOKYO1723" },
        { "1977STATE158046", "1977STATE158046" },
        { "STATE 158046", "1977STATE158046" },
        { "77 state 158046", "1977STATE158046" },
        { "REF: A. 08 TOKYO 1723", "08TOKYO1723" },
        { "TOKYO 364", "85TOKYO364" },
        { "1976 TOKYO 12732", "1976TOKYO12732" },
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const auto r = run(p.pack, c.text);
        REQUIRE_FALSE(r.hits.empty());
        CHECK(r.hits.front().cable.id == c.first);
        CHECK_FALSE(r.hits.front().snippet.empty());
    }
}

TEST_CASE("an id without its year finds the cable of every year with that station and serial, in date order")
{
    DatedPack p;
    const auto r = run(p.pack, "TOKYO 1723");
    REQUIRE(r.hits.size() >= 2);
    CHECK(r.hits[0].cable.id == "08TOKYO1723");
    CHECK(r.hits[1].cable.id == "09TOKYO1723");
    // With the year written, only that year's cable is an id match.
    const auto written = run(p.pack, "09 TOKYO 1723");
    REQUIRE_FALSE(written.hits.empty());
    CHECK(written.hits.front().cable.id == "09TOKYO1723");
    const auto listed = test::result_ids(written);
    CHECK(std::count(listed.begin(), listed.end(), "08TOKYO1723") == 0);
}

TEST_CASE("an id that is in no cable, or that the filters exclude, lists nothing for it")
{
    DatedPack p;
    CHECK(run(p.pack, "08TOKYO1724").total == 0);
    CHECK(run(p.pack, "TOKYO 99999").total == 0);
    CHECK(run(p.pack, "08TOKYO1723", 20, 0, "SECRET").total == 0);
    CHECK(test::result_ids(run(p.pack, "08TOKYO1723", 20, 0, "CONFIDENTIAL"))
        == std::vector<std::string> { "08TOKYO1723" });
}

TEST_CASE("a time finds the cables of that time first, then the full-text matches for the number")
{
    DatedPack p;
    struct Case {
        const char* text;
        const char* expected; // the whole list, in order
    };
    const Case cases[] = {
        // Both 1977 cables by date, then the 2009 cable whose text names 1977.
        { "1977", "1977STATE158046 1977TOKYO9001 09TOKYO1723" },
        { "1970s", "1976TOKYO12732 1977STATE158046 1977TOKYO9001" },
        { "July 1977", "1977STATE158046 09TOKYO1723" },
        { "1977年7月", "1977STATE158046" },
        { "December 1977", "1977TOKYO9001" },
        { "August 1977", "" },
        { "1985", "85TOKYO364" },
        { "whaling 1985", "85TOKYO364" },
        { "fisheries 1977", "09TOKYO1723" }, // no 1977 cable on fisheries: the text match stays
        { "2006-2008", "06TOKYO5212 08TOKYO1723" },
        { "1950", "" },
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const auto r = run(p.pack, c.text);
        CHECK(joined(test::result_ids(r)) == c.expected);
        CHECK(r.total == static_cast<std::int64_t>(r.hits.size()));
        CHECK_FALSE(r.total_is_estimate);
    }
}

TEST_CASE("paging through a time's cables and the text matches after them lists every cable once")
{
    DatedPack p;
    const auto whole = test::result_ids(run(p.pack, "1977", 20));
    std::vector<std::string> paged;
    for (std::size_t offset = 0; offset < 6; ++offset) {
        const auto page = run(p.pack, "1977", 1, offset);
        CHECK(page.total == 3);
        for (const auto& id : test::result_ids(page)) {
            paged.push_back(id);
        }
    }
    CHECK(paged == whole);
    const auto ids_then_text = test::result_ids(run(p.pack, "TOKYO 1723", 20));
    std::vector<std::string> sorted = ids_then_text;
    std::sort(sorted.begin(), sorted.end());
    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
}

TEST_CASE("a typed filter value matches in any case, and an origin by its words")
{
    struct Case {
        const char* typed;
        content::FilterMatch how;
        const char* value;
        bool matches;
    };
    const Case cases[] = {
        { "secret", content::FilterMatch::whole, "SECRET", true },
        { "Secret", content::FilterMatch::whole, "TOP SECRET", false },
        { "prel", content::FilterMatch::whole, "PREL", true },
        { "embassy tokyo", content::FilterMatch::whole, "Embassy Tokyo", true },
        { "Tokyo", content::FilterMatch::whole, "Embassy Tokyo", false },
        { "Tokyo", content::FilterMatch::words, "Embassy Tokyo", true },
        { "tokyo embassy", content::FilterMatch::words, "Embassy Tokyo", true },
        { "Tok", content::FilterMatch::words, "Embassy Tokyo", false }, // words, not letters
        { "Seoul", content::FilterMatch::words, "Embassy Tokyo", false },
        { "", content::FilterMatch::words, "Embassy Tokyo", false },
    };
    for (const Case& c : cases) {
        INFO(c.typed);
        INFO(c.value);
        CHECK(content::filter_matches(c.typed, c.value, c.how) == c.matches);
    }
}

TEST_CASE("search filters take values in any case and partial origins; an unknown value finds nothing")
{
    DatedPack p;
    struct Case {
        const char* classification;
        const char* origin;
        const char* tag;
        std::int64_t total;
    };
    // Nine cables: six from Embassy Tokyo, one from Embassy Moscow, the rest from elsewhere.
    const Case cases[] = {
        { "", "", "", 0 },
        { "secret", "", "", 2 },
        { "SECRET", "", "", 2 },
        { "", "embassy tokyo", "", 6 },
        { "", "Tokyo", "", 6 },
        { "", "Embassy", "", 7 },
        { "", "tokio", "", 0 },
        { "", "", "prel", 2 },
        { "", "", "PREL", 2 },
        { "confidential", "tokyo", "ja", 3 },
        { "secret", "moscow", "", 1 },
        { "", "", "prelx", 0 },
    };
    for (const Case& c : cases) {
        INFO(c.classification);
        INFO(c.origin);
        INFO(c.tag);
        content::SearchQuery q;
        q.classification = c.classification;
        q.origin = c.origin;
        q.tag = c.tag;
        q.budget = std::chrono::milliseconds { 0 };
        auto r = p.pack.search(q);
        REQUIRE(r.ok());
        CHECK(r->total == c.total);
        CHECK(r->hits.size() == static_cast<std::size_t>(c.total));
    }
}

TEST_CASE("the values a filter stands for are listed, and every value when nothing is typed")
{
    DatedPack p;
    const auto values = [&](content::FilterField field, std::string_view typed) {
        auto found = p.pack.filter_values(field, typed);
        REQUIRE(found.ok());
        std::vector<std::string> out;
        for (const auto& v : *found) {
            out.push_back(v.value);
        }
        return joined(out);
    };
    CHECK(values(content::FilterField::origin, "tokyo") == "Embassy Tokyo");
    CHECK(values(content::FilterField::origin, "embassy") == "Embassy Tokyo Embassy Moscow");
    CHECK(values(content::FilterField::origin, "nowhere").empty());
    CHECK(values(content::FilterField::classification, "secret") == "SECRET");
    CHECK(values(content::FilterField::tag, "ja") == "JA");
    CHECK(values(content::FilterField::classification, "") == "CONFIDENTIAL SECRET UNCLASSIFIED");
}

TEST_CASE("single letters and digits alone search nothing and ask for more; with a filter or another word "
          "they search")
{
    DatedPack p;
    struct Case {
        const char* text;
        const char* classification;
        bool too_short;
    };
    const Case cases[] = {
        { "a", "", true },
        { "A", "", true },
        { "7", "", true },
        { "a a a", "", true }, // one word, typed three times
        { "a b", "", false }, // two words narrow each other
        { "U.S.", "", false },
        { "ab", "", false },
        { "a japan", "", false },
        { "日", "", false }, // one CJK character is a word
        { "a", "SECRET", false },
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const auto r = run(p.pack, c.text, 20, 0, c.classification);
        CHECK(r.too_short == c.too_short);
        if (c.too_short) {
            CHECK(r.total == 0);
            CHECK(r.hits.empty());
        }
    }
}

TEST_CASE("facets count the cables an id or time query lists, each once, so they add up to the results")
{
    DatedPack p;
    struct Case {
        const char* text;
        const char* years; // year=count, in order
    };
    const Case cases[] = {
        { "1977", "1977=2 2009=1" }, { "July 1977", "1977=1 2009=1" }, { "TOKYO 1723", "2008=1 2009=1" },
        { "08TOKYO1723", "2008=1" }, { "1970s", "1976=1 1977=2" }, { "whaling 1985", "1985=1" },
        { "japan", "1976=1 1977=1 2006=1 2008=1" }, // a prefix while typed: japanese too
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const auto r = run(p.pack, c.text);
        content::SearchQuery q;
        q.text = c.text;
        for (const auto budget : { std::chrono::milliseconds { 0 }, std::chrono::milliseconds { -1 } }) {
            auto f = p.pack.facets(q, content::FacetOptions { budget, 50 });
            REQUIRE(f.ok());
            CHECK(f->total == r.total);
            std::string years;
            for (const auto& y : f->year) {
                years += (years.empty() ? "" : " ") + y.value + "=" + std::to_string(y.count);
            }
            CHECK(years == c.years);
        }
    }
}
