// The reader's pure text logic: dates in words, precedence keys, banner markings, and the
// large-print text (which breaks it keeps, which it joins, and its offset map), checked on tables
// of real lines and on every cable of the bundled exhibit.
#include "content/pack.hpp"
#include "screens/reader_text.hpp"
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

std::string without_space(std::string_view s)
{
    std::string out;
    for (const char c : s) {
        if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
            out += c;
        }
    }
    return out;
}

} // namespace

TEST_CASE("a date reads in words, with its time in UTC only when the cable gave one")
{
    struct Case {
        cable::CableDate date;
        const char* lang = "en";
        const char* expected = "";
    };
    const Case cases[] = {
        { { 1977, 7, 7, 21, 38 }, "en", "7 July 1977, 21:38\xC2\xA0UTC" },
        { { 1977, 7, 7, 21, 38 }, "ja", "1977年7月7日 21:38\xC2\xA0UTC" },
        { { 2009, 6, 26, 7, 4 }, "en", "26 June 2009, 07:04\xC2\xA0UTC" },
        { { 1960, 4, 25, -1, -1 }, "en", "25 April 1960" },
        { { 1960, 4, 25, -1, -1 }, "ja", "1960年4月25日" },
        { { 1985, 1, 8, 0, 0 }, "en", "8 January 1985, 00:00\xC2\xA0UTC" },
        { { 1996, 12, 31, 23, 59 }, "fr", "31 December 1996, 23:59\xC2\xA0UTC" }, // other languages: English
        { { 1973, 0, 0, -1, -1 }, "en", "1973" }, // only the year is known
        { { 1973, 13, 40, 25, 0 }, "en", "1973" }, // nonsense beyond the year is left out
        { { 0, 7, 7, 21, 38 }, "en", "" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.date.iso());
        CHECK(format_date(c.date, c.lang) == c.expected);
    }
}

TEST_CASE("a precedence names its UI string key")
{
    const std::pair<const char*, const char*> cases[] = {
        { "IMMEDIATE", "precedence.immediate" },
        { "PRIORITY", "precedence.priority" },
        { "FLASH", "precedence.flash" },
        { "ROUTINE", "precedence.routine" },
        { "NIACT IMMEDIATE", "precedence.niact_immediate" },
        { "  Operational-Immediate ", "precedence.operational_immediate" },
    };
    for (const auto& [precedence, key] : cases) {
        CHECK(precedence_key(precedence) == key);
    }
}

TEST_CASE("the banner carries the classification and its controls, not the SIPDIS routing flag")
{
    struct Case {
        const char* classification;
        std::vector<std::string> caveats;
        const char* expected;
    };
    const Case cases[] = {
        { "SECRET", { "NOFORN", "SIPDIS" }, "SECRET//NOFORN" },
        { "CONFIDENTIAL", { "SIPDIS" }, "CONFIDENTIAL" },
        { "CONFIDENTIAL", { "SIPDIS", "SENSITIVE", "NOFORN" }, "CONFIDENTIAL//SENSITIVE//NOFORN" },
        { "UNCLASSIFIED", { "FOR OFFICIAL USE ONLY" }, "UNCLASSIFIED//FOR OFFICIAL USE ONLY" },
        { "LIMITED OFFICIAL USE", {}, "LIMITED OFFICIAL USE" },
        { "", { "NOFORN" }, "" }, // an unmarked document has no banner, whatever else it says
        { "SECRET", { "A", "B", "C", "D", "E", "F" }, "SECRET//A//B//C//D" }, // bounded
    };
    for (const Case& c : cases) {
        cable::Cable cable;
        cable.classification = c.classification;
        cable.caveats = c.caveats;
        CHECK(banner_marking(cable) == c.expected);
    }
}

TEST_CASE("a stored text-size step is clamped into the table")
{
    CHECK(clamp_size_step(-3) == 0);
    CHECK(clamp_size_step(2) == 2);
    CHECK(clamp_size_step(99) == size_factors.size() - 1);
    CHECK(size_factors[default_size_step] == doctest::Approx(1.0));
}

TEST_CASE("large print keeps the writer's breaks and joins the teletype's")
{
    // Lines from the exhibit; 69 characters is a full teletype line.
    struct Case {
        const char* line;
        const char* next;
        bool hard;
    };
    const Case cases[] = {
        { "1.  (C) SUMMARY.  POST DELIVERS WHALE TALKING POINTS",
            "IN REFTEL TO GOJ OFFICIALS IN MOFA.  MOFA OFFICIALS", false },
        { "QUESTION USG CALCULATION OF GOJ QUOTA UNDER \"PAST",
            "PRACTICES\" FORMULA.  GOJ HAS NOT MADE DECISION", false },
        { "SPERM WHALE CATCH AS OF JANUARY 7 IS 106 WHALES.", "END SUMMARY.", false },
        { "END SUMMARY.", "-", true }, // a short line, then a rule
        { "-", "2.  (C) ON JANUARY 8, REGFISHATT MET WITH SUSUMU", true },
        { "HARVEST AS FOLLOWS:", "-", true }, // a colon introduces what follows
        { "FM AMEMBASSY TOKYO", "TO SECSTATE WASHDC IMMEDIATE 5749", true }, // header lines are short
        { "¶1. (C) Chinese scholars in recent conversations with PolOff",
            "said that Pyongyang's response to UNSCR 1874 had been \"tepid\"", false },
        { "nuclear issue.  Although Seoul and Tokyo would likely urge",
            "¶2. (C) Pyongyang's response to UN Security Council Resolution", true },
        { "THE FISHERY DIVISION OF THE ECONOMIC AFFAIRS BUREAU OF THE",
            "(A) THE MOST RECENT HARVEST LEVELS SET BY THE INTERNATIONAL", true },
        { "BY JAPANESE FIRMS TO COMMUNIST COUNTRIES IN THE PERIOD FROM",
            "A. TOSHIBA MACHINE CO. SOLD FOUR MILLING MACHINES TO THE", true },
        { "THEY REPORTED THE FOLLOWING FIGURES FOR THE FIRST QUARTER OF",
            "    ITEM          QUANTITY      VALUE", true }, // columns
        { "E.O. 12958: DECL: 06/26/2034 AND MORE WORDS THAT RUN ON AND ON",
            "TAGS: PREL PGOV PARM KNNP MOPS EFIN KN KS CH", true },
        { "WOULD ALSO REQUIRE SUBSTANTIAL ADDITIONAL ANALYSIS OF THE", "SUBJECT: SOMETHING ELSE",
            true }, // a label
        { "Classified By: Deputy Political Section Chief Ben Moeling.", "Reasons 1.4 (b/d).", false },
        { "SUMMARY", "-------", true },
        { "THE MOST IMPORTANT OF THE CONSULTATIONS WOULD BE THOSE", "", true },
    };
    for (const Case& c : cases) {
        CAPTURE(c.line);
        CAPTURE(c.next);
        CHECK(is_hard_break(c.line, c.next, 60) == c.hard);
    }
}

TEST_CASE("large print joins wrapped lines with one space, and a hyphen at a line's end with none")
{
    const std::string display = "O 080900Z JAN 85\n"
                                "FM AMEMBASSY TOKYO\n"
                                "\n"
                                "1.  (C) SUMMARY.  POST DELIVERS WHALE TALKING POINTS   \n"
                                "   IN REFTEL TO GOJ OFFICIALS IN MOFA.  MOFA OFFICIALS WELL-\n"
                                "KNOWN FOR THEIR PATIENCE QUESTION USG CALCULATION OF GOJ QUOTA.\n"
                                "-\n"
                                "2.  (C) ON JANUARY 8.";
    const LargePrint large = LargePrint::make(display);
    CHECK(large.text()
        == "O 080900Z JAN 85\n"
           "FM AMEMBASSY TOKYO\n"
           "\n"
           "1.  (C) SUMMARY.  POST DELIVERS WHALE TALKING POINTS IN REFTEL TO GOJ OFFICIALS IN MOFA.  "
           "MOFA OFFICIALS WELL-KNOWN FOR THEIR PATIENCE QUESTION USG CALCULATION OF GOJ QUOTA.\n"
           "-\n"
           "2.  (C) ON JANUARY 8.");
    // Offsets map both ways; inside a joined gap a display offset lands on the joining space.
    const std::size_t reftel = display.find("REFTEL");
    CHECK(large.text().substr(large.from_display(reftel), 6) == "REFTEL");
    CHECK(large.to_display(large.from_display(reftel)) == reftel);
    const std::size_t gap = display.find("POINTS") + 7; // in the trailing spaces
    CHECK(large.text()[large.from_display(gap)] == ' ');
    CHECK(large.from_display(display.size()) == large.text().size());
    CHECK(large.to_display(large.text().size()) == display.size());
}

TEST_CASE("large print of every exhibit cable keeps every visible character, in order, and maps offsets")
{
    std::size_t cables = 0;
    auto st = exhibit().for_each_cable([&](const content::CableRecord& record) -> Status {
        const std::string& display = record.cable.display_text;
        const LargePrint large = LargePrint::make(display);
        CAPTURE(record.cable.id);
        CHECK(without_space(large.text()) == without_space(display));
        CHECK(large.text().size() <= display.size());
        // Every visible byte maps to the same byte and back.
        for (std::size_t i = 0; i < display.size(); i += 7) {
            const char c = display[i];
            if (c == ' ' || c == '\n') {
                continue;
            }
            const std::size_t t = large.from_display(i);
            REQUIRE(t < large.text().size());
            CHECK(large.text()[t] == c);
            CHECK(large.to_display(t) == i);
        }
        ++cables;
        return {};
    });
    REQUIRE(st.ok());
    CHECK(cables == 45);
}

TEST_CASE("large print of hostile texts ends without a crash and keeps the visible text")
{
    const std::vector<std::string> texts = {
        "",
        "\n",
        "\n\n\n",
        "-\n-\n-",
        std::string(1'000'000, 'X'), // a single 1 MB line
        std::string(10'000, '\n'),
        "A\r\nB\r\n",
        std::string("\xC2\xB6") + "1. \xE2\x80\xA2 \xF0\x9F\x98\x80\n\xCC\x81\xCC\x81 word-\n-",
    };
    for (const std::string& t : texts) {
        const LargePrint large = LargePrint::make(t);
        CHECK(without_space(large.text()) == without_space(t));
        CHECK(large.from_display(t.size()) == large.text().size());
    }
}
