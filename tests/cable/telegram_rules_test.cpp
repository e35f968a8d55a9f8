// Field rules of the telegram envelope, each driven by a table of cases from the real files:
// date-time groups and precedence, two-digit years, metadata and memo dates, addressees,
// classification banners and caveats.
#include "cable/addressees.hpp"
#include "cable/classification.hpp"
#include "cable/dates.hpp"
#include "cable/dtg.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

namespace ck::cable::test {

TEST_CASE("a date-time group is decoded to UTC with the century and the precedence named")
{
    struct Case {
        std::string_view line;
        int year_hint;
        std::string_view iso; // empty: not a DTG
        std::string_view precedence;
    };
    const Case cases[] = {
        { "P 072138Z JUL 77", 1977, "1977-07-07T21:38Z", "PRIORITY" },
        { "O P 161515Z SEP 09", 2009, "2009-09-16T15:15Z", "IMMEDIATE" },
        { "P R 221828 Z MAY 73", 1973, "1973-05-22T18:28Z", "PRIORITY" },
        { "R 240727Z AUG 76", 0, "1976-08-24T07:27Z", "ROUTINE" },
        { "O 080900Z JAN 85", 1985, "1985-01-08T09:00Z", "IMMEDIATE" },
        { "R 032227Z NOV 95", 0, "1995-11-03T22:27Z", "ROUTINE" },
        { "Z 121455Z FEB 08", 0, "2008-02-12T14:55Z", "FLASH" },
        { "O 301508Z JUN 09 ZFF6", 0, "2009-06-30T15:08Z", "IMMEDIATE" },
        { "  R 201616Z MAR 02  ", 2002, "2002-03-20T16:16Z", "ROUTINE" },
        { "-----093897 072315Z /75", 0, "", "" },
        { "TOT: 131946Z SEP 96 DIRECTOR 941533", 0, "", "" },
        { "P 322138Z JUL 77", 0, "", "" }, // day 32
        { "P 072460Z JUL 77", 0, "", "" }, // hour 24
        { "P 072138Z JLY 77", 0, "", "" },
        { "PRIORITY 072138Z JUL 77", 0, "", "" },
        { "P 072138 JUL 77", 0, "", "" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.line);
        const auto dtg = parse_dtg_line(c.line);
        if (c.iso.empty()) {
            CHECK_FALSE(dtg.has_value());
            continue;
        }
        REQUIRE(dtg.has_value());
        const auto date = dtg_to_date(*dtg, c.year_hint);
        REQUIRE(date.has_value());
        CHECK(date->iso() == c.iso);
        CHECK(precedence_name(dtg->action_precedence) == c.precedence);
    }
}

TEST_CASE("a DTG for a day the calendar lacks gives no date")
{
    const auto dtg = parse_dtg_line("P 310900Z FEB 09");
    REQUIRE(dtg.has_value());
    CHECK_FALSE(dtg_to_date(*dtg, 2009).has_value());
    const auto leap = parse_dtg_line("P 290900Z FEB 08");
    REQUIRE(leap.has_value());
    CHECK(dtg_to_date(*leap, 2008).has_value());
}

TEST_CASE("two-digit years take the century nearest the hint, else 50-99 are 19xx")
{
    struct Case {
        int yy;
        int hint;
        int year;
    };
    const Case cases[] = {
        { 75, 0, 1975 },
        { 85, 0, 1985 },
        { 90, 0, 1990 },
        { 9, 0, 2009 },
        { 0, 0, 2000 },
        { 49, 0, 2049 },
        { 50, 0, 1950 },
        { 73, 1973, 1973 },
        { 99, 2001, 1999 },
        { 1, 1999, 2001 },
        { 9, 2009, 2009 },
        { 96, 1996, 1996 },
        { 60, 2010, 2060 },
        { 60, 1961, 1960 },
    };
    for (const Case& c : cases) {
        CAPTURE(c.yy);
        CAPTURE(c.hint);
        CHECK(resolve_two_digit_year(c.yy, c.hint) == c.year);
    }
}

TEST_CASE("metadata and memo dates are read as dates only, OCR years included")
{
    struct Case {
        std::string_view text;
        std::string_view iso;
    };
    const Case cases[] = {
        { "2009-09-16 15:03", "2009-09-16" },
        { "2008-06-24 00:53:00", "2008-06-24" },
        { "1/8/1985 9:00", "1985-01-08" },
        { "12/1/1983", "1983-12-01" },
        { "07-Jul-1977 12:00:00 am", "1977-07-07" },
        { "24 AUG 1976", "1976-08-24" },
        { "1973 May 22, 18:28 (Tuesday)", "1973-05-22" },
        { "9 September. 1960", "1960-09-09" },
        { "25 April i960", "1960-04-25" },
        { "14 March 1961", "1961-03-14" },
        { "April 25, 1960", "1960-04-25" },
        { "31/12/1999", "" },
        { "2009-02-30 10:00", "" },
        { "Approved For Release 2002/08/21", "" },
        { "n/a", "" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        const auto d = parse_date_prefix(c.text);
        CHECK((d ? d->iso() : std::string {}) == c.iso);
    }
    CHECK(parse_date_line("25 April i960").has_value());
    CHECK_FALSE(parse_date_line("dated 8 March 1961 from the Director").has_value());
    CHECK_FALSE(parse_date_line("14-00000").has_value());
}

TEST_CASE("addressees lose routing indicators, precedence words, serials and office suffixes")
{
    struct Case {
        std::string_view raw;
        std::string_view clean;
    };
    const Case cases[] = {
        { "RUEHC/SECSTATE WASHDC PRIORITY 5329", "SECSTATE WASHDC" },
        { "AMEMBASSY TOKYO PRIORITY", "AMEMBASSY TOKYO" },
        { "SECSTATE WASHDC IMMEDAITE 7087", "SECSTATE WASHDC" },
        { "AMEMBASSY NEW DELHI PIORITY ", "AMEMBASSY NEW DELHI" },
        { "AMCONSUL ISTANBUL PRIORITY 012", "AMCONSUL ISTANBUL" },
        { "RUEHXD/MOSCOW POLITICAL COLLECTIVE IMMEDIATE", "MOSCOW POLITICAL COLLECTIVE" },
        { "COMUSKOREA SEOUL KS//CJ-CC/BJ-CM-H/SJS/EJ-J/PAJ//", "COMUSKOREA SEOUL KS" },
        { "USCINCPAC HONOLULU HI//FPA//", "USCINCPAC HONOLULU HI" },
        { "RHMFISS/COMUSKOREA J5 SEOUL KOR PRIORITY", "COMUSKOREA J5 SEOUL KOR" },
        { "AIT TAIPEI 0000", "AIT TAIPEI" },
        { "SECSTATE WASHDC NIACT IMMEDIATE 1234", "SECSTATE WASHDC" },
        { "AMEMBASSY PRETORIA", "AMEMBASSY PRETORIA" },
        { "AMEMBASSY ROME ", "AMEMBASSY ROME" },
        { "ZEN/AMEMBASSY KOROR", "AMEMBASSY KOROR" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.raw);
        CHECK(clean_addressee(c.raw) == c.clean);
    }
}

TEST_CASE("TO continues until INFO or the banner, and XMT lines are exclusions")
{
    const std::string text = "R 032227Z NOV 95\n"
                             "FM SECSTATE WASHDC\n"
                             "TO ALL EAST ASIAN AND PACIFIC DIPLOMATIC POSTS\n"
                             "AIT TAIPEI 0000\n"
                             "AMEMBASSY LONDON \n"
                             "XMT AMEMBASSY KOROR\n"
                             "AMEMBASSY ULAANBAATAR\n"
                             "INFO AMEMBASSY ROME\n"
                             "CINCPAC HONOLULU HI\n"
                             "BT\n"
                             "S E C R E T STATE 260249\n";
    const Lines lines = split_lines(text);
    const Addressees a = read_addressees(lines, 1, 100);
    CHECK(a.from == "SECSTATE WASHDC");
    CHECK(join(a.to) == "ALL EAST ASIAN AND PACIFIC DIPLOMATIC POSTS | AIT TAIPEI | AMEMBASSY LONDON");
    CHECK(join(a.excluded) == "AMEMBASSY KOROR | AMEMBASSY ULAANBAATAR");
    CHECK(join(a.info) == "AMEMBASSY ROME | CINCPAC HONOLULU HI");
    CHECK(lines[a.end].text == "BT");
}

TEST_CASE("a page header inside an addressee list is skipped")
{
    const std::string text
        = "P 182318Z FEB 09\nFM SECSTATE WASHDC\nTO PAGE 02        STATE   015113  182333Z \n"
          "ALL DIPLOMATIC POSTS COLLECTIVE PRIORITY\nAMEMBASSY TRIPOLI PRIORITY\n\nUNCLAS STATE 015113\n";
    const Lines lines = split_lines(text);
    const Addressees a = read_addressees(lines, 1, 100);
    CHECK(join(a.to) == "ALL DIPLOMATIC POSTS COLLECTIVE | AMEMBASSY TRIPOLI");
}

TEST_CASE("addressee blocks with a blank line between every line (OCR) still read to the banner")
{
    const std::string text
        = "R 240727Z AUG 76\n\nFM AMEMBASSY TOKYO\n\nTO SECSTATE WASHDC 1798\n\nINFO AMEMBASSY "
          "MOSCOW\n\nAMEMBASSY SEOUL\n\nUSLO PEKING\n\nCONFIDENTIAL TOKYO 12732\n";
    const Lines lines = split_lines(text);
    const Addressees a = read_addressees(lines, 1, 100);
    CHECK(a.from == "AMEMBASSY TOKYO");
    CHECK(join(a.to) == "SECSTATE WASHDC");
    CHECK(join(a.info) == "AMEMBASSY MOSCOW | AMEMBASSY SEOUL | USLO PEKING");
}

TEST_CASE("classification banners are read letter-spaced or not, without section, post and serial")
{
    struct Case {
        std::string_view line;
        std::string_view classification; // empty: not a banner
        std::string_view station;
        std::string_view serial;
        int section;
    };
    const Case cases[] = {
        { "C O N F I D E N T I A L TOKYO 001723 ", "CONFIDENTIAL", "TOKYO", "001723", 0 },
        { "S E C R E T SECTION 01 OF 02 KUALA LUMPUR 000752", "SECRET", "KUALALUMPUR", "000752", 1 },
        { "UNCLAS UNVIE VIENNA 000281 ", "UNCLASSIFIED", "UNVIEVIENNA", "000281", 0 },
        { "UNCLAS SECTION 01 OF 03 TOKYO 03841 ", "UNCLASSIFIED", "TOKYO", "03841", 1 },
        { "LIMITED OFFICIAL USE STATE 097844", "LIMITED OFFICIAL USE", "STATE", "097844", 0 },
        { "L I M I T E D  O F F I C I A L  U S E STATE 123", "LIMITED OFFICIAL USE", "STATE", "123", 0 },
        { "CONFIDENTIAL TOKYO 12732", "CONFIDENTIAL", "TOKYO", "12732", 0 },
        { "T O P S E C R E T STATE 000001", "TOP SECRET", "STATE", "000001", 0 },
        { "CONFIDENTIAL", "CONFIDENTIAL", "", "", 0 },
        { "SECRETARY CLINTON MET", "", "", "", 0 },
        { "Secret talks were held", "", "", "", 0 },
        { "CONFIDENTIALLY, HE SAID", "", "", "", 0 },
        { "SECDEF WASHDC", "", "", "", 0 },
    };
    for (const Case& c : cases) {
        CAPTURE(c.line);
        const auto b = parse_banner(c.line);
        if (c.classification.empty()) {
            CHECK_FALSE(b.has_value());
            continue;
        }
        REQUIRE(b.has_value());
        CHECK(b->classification == c.classification);
        CHECK(b->station == c.station);
        CHECK(b->serial == c.serial);
        CHECK(b->section == c.section);
    }
}

TEST_CASE("caveats come from caveat lines, the banner line and metadata markings")
{
    struct Case {
        std::string_view line;
        std::string_view caveats; // "-" when the line is not a caveat line
    };
    const Case cases[] = {
        { "NOFORN", "NOFORN" },
        { "SIPDIS ", "SIPDIS" },
        { "SENSITIVE", "SENSITIVE" },
        { "SENSITIVE BUT UNCLASSIFIED", "SENSITIVE" },
        { "EXDIS", "EXDIS" },
        { "NODIS", "NODIS" },
        { "LIMDIS", "LIMDIS" },
        { "FOR OFFICIAL USE ONLY", "FOR OFFICIAL USE ONLY" },
        { "NOFORN SIPDIS", "NOFORN | SIPDIS" },
        { "DEPARTMENT FOR PM/DTC AND EAP/J", "-" },
        { "NSC FOR CHA", "-" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.line);
        const auto caveats = parse_caveat_line(c.line);
        CHECK((caveats ? join(*caveats) : std::string("-")) == c.caveats);
    }
    const auto meta = parse_classification_value("SECRET//NOFORN");
    REQUIRE(meta.has_value());
    CHECK(meta->classification == "SECRET");
    CHECK(join(meta->caveats) == "NOFORN");
    const auto sbu = parse_classification_value("UNCLASSIFIED (SENSITIVE)");
    REQUIRE(sbu.has_value());
    CHECK(join(sbu->caveats) == "SENSITIVE");
    const auto banner = parse_banner("UNCLAS E F T O STATE 123456");
    REQUIRE(banner.has_value());
    CHECK(join(banner->caveats) == "EFTO");
    CHECK(banner->station == "STATE");
}

TEST_CASE("a marking glued to the end of a text line at a page break is removed")
{
    CHECK(strip_trailing_marking("MADE ON DEPFONMIN). CONFIDENTIAL") == "MADE ON DEPFONMIN).");
    CHECK(strip_trailing_marking("AS ANTI-CHINESE. CONFIDENTIAL") == "AS ANTI-CHINESE.");
    CHECK(strip_trailing_marking("THE TEXT IS NOT SECRET", "CONFIDENTIAL") == "THE TEXT IS NOT SECRET");
    CHECK(strip_trailing_marking("NOTHING HERE") == "NOTHING HERE");
    CHECK(is_bare_marking("C O N F I D E N T I A L"));
    CHECK(is_bare_marking("LIMITED OFFICIAL USE"));
    CHECK_FALSE(is_bare_marking("CONFIDENTIAL TOKYO 12732"));
}

} // namespace ck::cable::test
