// The wording of cable rows: stamps, natural dates, places and routes, counts. Tables of the forms
// the corpus formats really produce (cablegate, CORE, CREST metadata), plus malformed inputs.
#include "content/pack.hpp"
#include "screens/cable_row.hpp"
#include "support/exhibit_pack.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace ck::screens;

namespace {

// The real bundled exhibit, for its UI strings.
ck::content::Pack& exhibit()
{
    static ck::content::Pack pack = [] {
        auto opened = ck::content::Pack::open(ck::test::exhibit_pack_path());
        REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().to_string()));
        return std::move(*opened);
    }();
    return pack;
}

} // namespace

TEST_CASE("a stamp shows the short marking of every normalized classification")
{
    struct Case {
        const char* classification;
        const char* stamp;
    };
    const Case cases[] = {
        { "SECRET", "SECRET" },
        { "CONFIDENTIAL", "CONFIDENTIAL" },
        { "UNCLASSIFIED", "UNCLASSIFIED" },
        { "UNCLAS", "UNCLASSIFIED" },
        { "LIMITED OFFICIAL USE", "LOU" },
        { "TOP SECRET", "TOP SECRET" },
        { "SECRET//NOFORN", "SECRET" },
        { "UNCLASSIFIED//FOR OFFICIAL USE ONLY", "UNCLASSIFIED" },
        { "  confidential ", "CONFIDENTIAL" },
        { "SENSITIVE BUT UNCLASSIFIED", "SBU" },
        { "", "" },
        { "   ", "" },
        { "RESTRICTED", "RESTRICTED" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.classification);
        CHECK(stamp_marking(c.classification) == c.stamp);
    }
}

TEST_CASE("a date reads naturally in English and in Japanese, and nonsense gives nothing")
{
    struct Case {
        const char* iso;
        const char* en;
        const char* ja;
    };
    const Case cases[] = {
        { "2008-06-24T00:53Z", "24 Jun 2008", "2008年6月24日" },
        { "1977-07-07T21:38Z", "7 Jul 1977", "1977年7月7日" },
        { "1960-04-25", "25 Apr 1960", "1960年4月25日" },
        { "2009-12-01", "1 Dec 2009", "2009年12月1日" },
        { "1983-12", "Dec 1983", "1983年12月" },
        { "1996", "1996", "1996年" },
        { "", "", "" },
        { "0000-01-01", "", "" },
        { "1977-13-01", "", "" },
        { "1977-00-10", "", "" },
        { "1977-02-32", "", "" },
        { "1977-2-3", "", "" },
        { "19x7-02-03", "", "" },
        { "1977-02-03 extra", "", "" },
        { "abcd", "", "" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.iso);
        CHECK(natural_date(c.iso, "en") == c.en);
        CHECK(natural_date(c.iso, "ja") == c.ja);
    }
}

TEST_CASE("an addressee is shortened to the place a visitor knows")
{
    struct Case {
        const char* addressee;
        const char* place;
    };
    const Case cases[] = {
        { "SECSTATE WASHDC", "Washington" },
        { "Secretary of State", "Washington" },
        { "SECRETARY OF STATE", "Washington" },
        { "AMEMBASSY TOKYO", "Embassy Tokyo" },
        { "AMEMBASSY KUALA LUMPUR", "Embassy Kuala Lumpur" },
        { "AMCONSUL SHANGHAI", "Consulate Shanghai" },
        { "USMISSION UNVIE VIENNA", "Mission UNVIE Vienna" },
        { "Embassy Tokyo", "Embassy Tokyo" },
        { "  Embassy   Baku ", "Embassy Baku" },
        { "KOREA COLLECTIVE", "Korea Collective" },
        { "MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE", "Missile Technology Control Regime Collective" },
        { "ALL EAST ASIAN AND PACIFIC DIPLOMATIC POSTS", "All East Asian and Pacific Diplomatic Posts" },
        { "CIA WASHDC", "CIA Washington" },
        { "CINCPAC HONOLULU HI", "CINCPAC Honolulu Hi" },
        { "Chief, FI/Division D", "Chief, FI/Division D" },
        { "Director of Central Intelligence", "Director of Central Intelligence" },
        { "DIRECTOR", "Director" },
        { "", "" },
        { "   ", "" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.addressee);
        CHECK(short_place(c.addressee) == c.place);
    }
}

TEST_CASE("a route names origin and destination, or the one end that is known, in both languages")
{
    struct Case {
        const char* origin;
        const char* from;
        const char* first_to;
        const char* en;
        const char* ja;
    };
    const Case cases[] = {
        // In Japanese the posts take their names from the pack's names table; a post it does not
        // name (Chief, FI/Division D) keeps its English form.
        { "Embassy Tokyo", "AMEMBASSY TOKYO", "SECSTATE WASHDC", "Embassy Tokyo → Washington",
            "在東京米国大使館 → 国務長官" },
        { "Secretary of State", "SECSTATE WASHDC", "AMEMBASSY BEIJING", "Washington → Embassy Beijing",
            "国務長官 → 在北京米国大使館" },
        { "", "AMEMBASSY ATHENS", "SECSTATE WASHDC", "Embassy Athens → Washington",
            "在アテネ米国大使館 → 国務長官" },
        { "Embassy Vienna", "", "", "From Embassy Vienna", "発信：在ウィーン米国大使館" },
        { "", "", "Chief, FI/Division D", "To Chief, FI/Division D", "宛先：Chief, FI/Division D" },
        { "", "", "", "", "" },
    };
    const Strings en(&exhibit(), "en");
    const Strings ja(&exhibit(), "ja");
    for (const Case& c : cases) {
        ck::content::CableSummary s;
        s.origin = c.origin;
        s.from = c.from;
        s.first_to = c.first_to;
        CAPTURE(c.en);
        CHECK(route_line(s, en) == c.en);
        CHECK(route_line(s, ja) == c.ja);
    }
}

TEST_CASE("one cable is counted in the singular")
{
    const Strings en(&exhibit(), "en");
    const Strings ja(&exhibit(), "ja");
    CHECK(cable_count(en, 1) == "1 cable");
    CHECK(cable_count(en, 2) == "2 cables");
    CHECK(cable_count(en, 251287) == "251,287 cables");
    CHECK(cable_count(ja, 1) == "1通");
    CHECK(cable_count(ja, 40) == "40通");
}

TEST_CASE("a span of years is a range, or one year when it starts and ends in the same year")
{
    const Strings en(&exhibit(), "en");
    const Strings ja(&exhibit(), "ja");
    CHECK(year_span(en, 1960, 2010) == "1960–2010");
    CHECK(year_span(en, 1999, 1999) == "1999");
    CHECK(year_span(ja, 1960, 2010) == "1960–2010年");
    CHECK(year_span(ja, 1999, 1999) == "1999年");
}

TEST_CASE("counts group their digits in threes")
{
    struct Case {
        long long n;
        const char* text;
    };
    const Case cases[] = { { 0, "0" }, { 7, "7" }, { 999, "999" }, { 1000, "1,000" }, { 40000, "40,000" },
        { 251287, "251,287" }, { 1234567, "1,234,567" }, { -1200, "-1,200" } };
    for (const Case& c : cases) {
        CHECK(group_digits(c.n) == c.text);
    }
}
