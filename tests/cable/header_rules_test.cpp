// Field rules of the telegram header block, each driven by a table of real cases: E.O./DECL,
// TAGS, SUBJECT, REF and the cable ids references name, Classified By, and the header reader that
// finds them (labels in any case, several on one line, only the header block read).
#include "cable/header_fields.hpp"
#include "cable/origin.hpp"
#include "cable/refs.hpp"
#include "cable/tags.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

namespace ck::cable::test {
namespace {

// A minimal telegram around a header block, so the whole reader path is exercised.
Cable telegram_with_header(std::string_view header, std::string_view dtg = "P 240053Z JUN 08")
{
    std::string text(dtg);
    text += "\nFM AMEMBASSY TOKYO\nTO SECSTATE WASHDC\n\nC O N F I D E N T I A L TOKYO 001723\n\n";
    text.append(header);
    text += "\n\n1. (C) TEXT OF THE CABLE.\n\nSCHIEFFER\n";
    return parse_one(text);
}

} // namespace

TEST_CASE("the E.O. line is kept whole and its DECL part read")
{
    struct Case {
        std::string_view header;
        std::string_view eo;
        std::string_view decl;
    };
    const Case cases[] = {
        { "E.O. 12958: DECL: 06/20/2018", "E.O. 12958: DECL: 06/20/2018", "06/20/2018" },
        { "E.O. 11652: GDS", "E.O. 11652: GDS", "GDS" },
        { "E.O. 12356:  DECL:  OADR ", "E.O. 12356: DECL: OADR", "OADR" },
        { "E.O.12356:  DECL: 25 JUL 2025 ", "E.O.12356: DECL: 25 JUL 2025", "25 JUL 2025" },
        { "EO 12958 DECL: 02/22/2034 ", "EO 12958 DECL: 02/22/2034", "02/22/2034" },
        { "E.O. 12958: DECL: UPON KOREAN REUNIFICATION", "E.O. 12958: DECL: UPON KOREAN REUNIFICATION",
            "UPON KOREAN REUNIFICATION" },
        { "E.O. 12958: DECL: 3/7/2019 ", "E.O. 12958: DECL: 3/7/2019", "03/07/2019" },
        { "E.O. 12958: DECL: 1/20/2019", "E.O. 12958: DECL: 1/20/2019", "01/20/2019" },
        { "E.O. 12958: DECL: 01/20/2019", "E.O. 12958: DECL: 01/20/2019", "01/20/2019" },
        { "E.O. 12958: N/A ", "E.O. 12958: N/A", "N/A" },
        { "E. O. 11652:  N/ A", "E. O. 11652: N/ A", "N/ A" },
        { "E.o. 12958: decl: 01/07/2014", "E.o. 12958: decl: 01/07/2014", "01/07/2014" },
        { "E.O. 1295:", "E.O. 1295:", "" },
        { "E.O. 12958: DECL: AFTER KOREAN UNIFICATION", "E.O. 12958: DECL: AFTER KOREAN UNIFICATION",
            "AFTER KOREAN UNIFICATION" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.header);
        const Cable cable = telegram_with_header(c.header);
        CHECK(cable.eo_line == c.eo);
        CHECK(cable.declassification == c.decl);
    }
}

TEST_CASE("TAGS are read in any label form and separator, person tags whole, repeats dropped")
{
    struct Case {
        std::string_view header;
        std::string_view tags;
    };
    const Case cases[] = {
        { "TAGS: ESTC, COCOM, JA", "ESTC | COCOM | JA" },
        { "TAGS: KOMC ETTC JA", "KOMC | ETTC | JA" },
        { "TAGS: [PARM](#) [KNNP](#) [PREL](#) [PGOV](#) [KN](#) [CH](#) [JA](#)",
            "PARM | KNNP | PREL | PGOV | KN | CH | JA" },
        { "TAGS PREL, PGOV, KNNP, ECON, SOCI, KS, KN, JA, CH ",
            "PREL | PGOV | KNNP | ECON | SOCI | KS | KN | JA | CH" },
        { "TAGS: PREL PGOV ETTC MCAP MARR MOPS PARM PINR PTER\nIR, RS ",
            "PREL | PGOV | ETTC | MCAP | MARR | MOPS | PARM | PINR | PTER | IR | RS" },
        { "TAGS:  EFIS, JA, IWC-2 ", "EFIS | JA | IWC-2" },
        { "E. O. 11652: GDS TAGS: PFOR, US, JA", "PFOR | US | JA" },
        { "tAgs: something", "SOMETHING" },
        { "TAG PTER, PGOV, ASEC", "PTER | PGOV | ASEC" },
        { "DECL: 08/22/2017 AGS: PGOV, PREL, ECON, SOCI, AR", "PGOV | PREL | ECON | SOCI | AR" },
        { "E.o. 12958: decl: 01/07/2014 Tags: prel, pgov, pins, tu", "PREL | PGOV | PINS | TU" },
        { "TAGS: KFRDKIRFCVISCMGTKOCIASECPHUMSMIGEG",
            "KFRD | KIRF | CVIS | CMGT | KOCI | ASEC | PHUM | SMIG | EG" },
        { "TAGS: ETRDEINVECINPGOVCS", "ETRD | EINV | ECIN | PGOV | CS" },
        { "TAGS: PREL MARR MOPS IT MARR MOPS IT MARR MOPS IT MARR MOPS IT MARR MOPS IT MARR MOPS IT IZ",
            "PREL | MARR | MOPS | IT | IZ" },
        { "TAGS: OVIP (STEINBERG, JAMES B.), PREL, PARM", "OVIP (STEINBERG, JAMES B.) | PREL | PARM" },
        { "TAGS: OVIP CLINTON HILLARY PREL KPAL FR IR RS\nNATO, UK, CN",
            "OVIP CLINTON HILLARY | PREL | KPAL | FR | IR | RS | NATO | UK | CN" },
        { "TAGS: MASS MOPS OVIP PARM PINR PREL PTER YM",
            "MASS | MOPS | OVIP | PARM | PINR | PREL | PTER | YM" },
        { "TAGS PGOV, PREL, KWBG, IR, IS, COUNTERTERRORISM, GOI EXTERNAL ",
            "PGOV | PREL | KWBG | IR | IS | COUNTERTERRORISM | GOI EXTERNAL" },
        { "TAGS: ECON ETRD PGOV CA MX SIPDIS", "ECON | ETRD | PGOV | CA | MX" },
        { "TAGS: something\nhere", "SOMETHING" },
        { "Tags: ovip (steinberg, james b.), prel, parm, pgov, econ,\netra, mnuc",
            "OVIP (STEINBERG, JAMES B.) | PREL | PARM | PGOV | ECON | ETRA | MNUC" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.header);
        CHECK(join(telegram_with_header(c.header).tags) == c.tags);
    }
}

TEST_CASE("attribute-block TAGS keep parenthesized person tags whole")
{
    CHECK(join(parse_tag_value("PFOR, US, JA, (MIYAZAWA, KIICHI), (ARITA), (DOKO), (BREZHNEV, LEONID I)", 100)
                   .tags)
        == "PFOR | US | JA | (MIYAZAWA, KIICHI) | (ARITA) | (DOKO) | (BREZHNEV, LEONID I)");
    CHECK(join(parse_plusd_tag_list("AMBATIELOS, ANTHONY | GR - Greece; Crete | KALOUDIS, NICK | PINS - "
                                    "Political Affairs--Internal Security",
              100))
        == "(AMBATIELOS, ANTHONY) | GR | (KALOUDIS, NICK) | PINS");
}

TEST_CASE("SUBJECT continuation lines are joined with one space, and only the header block is read")
{
    struct Case {
        std::string_view header;
        std::string_view subject;
    };
    const Case cases[] = {
        { "SUBJECT: GOJ PROPOSAL FOR TRILATERAL COOPERATION IN\nOUTREACH ACTIVITIES",
            "GOJ PROPOSAL FOR TRILATERAL COOPERATION IN OUTREACH ACTIVITIES" },
        { "SUBJECT: (S) FRENCH FIRM SELLING INFRARED DETECTORS TO \nCHINA \n \nClassified By: X",
            "(S) FRENCH FIRM SELLING INFRARED DETECTORS TO CHINA" },
        { "SUBJ: JAPAN-USSR RELATIONS: FOLLOW UP ON DOKO MEETING WITH BREZHNEV",
            "JAPAN-USSR RELATIONS: FOLLOW UP ON DOKO MEETING WITH BREZHNEV" },
        { "SUBJECT:  FOREIGN MINISTER NAKAYAMA'S MARCH 2 FOREIGN \n-         POLICY SPEECH TO THE DIET ",
            "FOREIGN MINISTER NAKAYAMA'S MARCH 2 FOREIGN POLICY SPEECH TO THE DIET" },
        { "SUBJECT:  BRUNEI FOREIGN MINISTER MOHAMED BOLKIAH'S \n          MARCH 7 - 9 VISIT TO JAPAN ",
            "BRUNEI FOREIGN MINISTER MOHAMED BOLKIAH'S MARCH 7 - 9 VISIT TO JAPAN" },
        { "Subject: turkish p.m. Erdogan goes to washington", "turkish p.m. Erdogan goes to washington" },
        { "SUBJECT: ONE\nTWO\nTHREE\nREF: STATE 1234", "ONE TWO THREE" },
        { "SUB-\nJECT: A HYPHENATED LABEL", "A HYPHENATED LABEL" },
        { "SUBJECT: (C)", "(C)" },
        { "E.O. 12958: N/A\nTAGS: PREL", "" },
        { "SUBJECT : SPACE BEFORE THE COLON", "SPACE BEFORE THE COLON" },
        { "SUBJECT: ZIM NOTES 11-09-2009 \n----------- ", "ZIM NOTES 11-09-2009" },
        { "SUBJECT: SWEDISH DEPUTY PM URGES SENIOR USG VISITS TO SWEDEN DURING\nEU PRESIDENCY\nThis is an "
          "Action "
          "request. Please see para 2.",
            "SWEDISH DEPUTY PM URGES SENIOR USG VISITS TO SWEDEN DURING EU PRESIDENCY" },
        { "SUBJECT: PART 3 OF 3:  THE LIFE AND TIMES OF SOUTH AFRICA'S \nPRETORIA 00000954 001.2 OF 004\nNEW "
          "PRESIDENT",
            "PART 3 OF 3: THE LIFE AND TIMES OF SOUTH AFRICA'S NEW PRESIDENT" },
        { "SUBJECT: AMBASSADOR SOBEL MEETS WITH KEY ENERGY ENTITIES IN RIO Ref(s): A) 08 RIO DE JAN 138",
            "AMBASSADOR SOBEL MEETS WITH KEY ENERGY ENTITIES IN RIO" },
        { "SUBJECT: BRAZIL: BLACKOUT -CAUSES AND IMPLICATIONS Classified By: Charge d'Affaires",
            "BRAZIL: BLACKOUT -CAUSES AND IMPLICATIONS" },
        { "SUBJECT: (U) Secretary Clinton's July 14 conversation\nwith Dutch Foreign Minister Verhagen",
            "(U) Secretary Clinton's July 14 conversation with Dutch Foreign Minister Verhagen" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.header);
        CHECK(telegram_with_header(c.header).subject == c.subject);
    }
    // A SUBJECT line in the body is not the subject.
    const Cable body
        = parse_one("P 240053Z JUN 08\nFM AMEMBASSY TOKYO\nTO SECSTATE WASHDC\n\nCONFIDENTIAL TOKYO 1\n\n"
                    "E.O. 12958: N/A\n\n1. (C) TEXT.\n\nSUBJECT: NOT THIS ONE\n\nSCHIEFFER\n");
    CHECK(body.subject.empty());
}

TEST_CASE("REF entries keep their text and name the cable id in the citing cable's form")
{
    struct Case {
        std::string_view header;
        std::string_view dtg;
        std::string_view texts;
        std::string_view ids;
    };
    const Case cases[] = {
        { "REF: 07 TOKYO 04930", "P 240053Z JUN 08", "07 TOKYO 04930", "07TOKYO4930" },
        { "REF: A. TOKYO 5211\n[1](#)B. STATE 149071", "O 110935Z SEP 06", "TOKYO 5211 | STATE 149071",
            "06TOKYO5211 | 06STATE149071" },
        { "REFS:\n(A) 2005 STATE 165022\n(B) 2005 MOSCOW 11807\n(C) CIS DOC.", "O 141605Z FEB 09",
            "2005 STATE 165022 | 2005 MOSCOW 11807 | CIS DOC.", "05STATE165022 | 05MOSCOW11807 | " },
        { "REF: A. BEYRLE-BURNS FEBRUARY 18 E-MAIL \n     \xC2\xB6"
          "B. MOSCOW 357 ",
            "O 181518Z FEB 09", "BEYRLE-BURNS FEBRUARY 18 E-MAIL | MOSCOW 357", " | 09MOSCOW357" },
        { "REF: A. SECSTATE 90063\nB KUALA LUMPUR 739", "P 110945Z SEP 09",
            "SECSTATE 90063 | KUALA LUMPUR 739", "09STATE90063 | 09KUALALUMPUR739" },
        { "REF:  (A) STATE 69132  (B) TOKYO 3330 \n      (C) STATE 97814 ", "P 010419Z APR 92",
            "STATE 69132 | TOKYO 3330 | STATE 97814", "92STATE69132 | 92TOKYO3330 | 92STATE97814" },
        { "REF: (A) FBIS SK2403053393, (B) FBIS OW2403125093 ", "R 250915Z MAR 93",
            "FBIS SK2403053393 | FBIS OW2403125093", " | " },
        { "REF: A. (A) ZARZECKI-PHILLIPS E-MAIL 1/5/05 \n     B. (B) 04 STATE 272249 ", "P 071339Z JAN 05",
            "ZARZECKI-PHILLIPS E-MAIL 1/5/05 | 04 STATE 272249", " | 04STATE272249" },
        { "REF: A. 03 PANAMA 2201 \xC2\xB6"
          "B. 03 PANAMA 470",
            "P 010000Z MAR 04", "03 PANAMA 2201 | 03 PANAMA 470", "03PANAMA2201 | 03PANAMA470" },
        { "REF: STATE 156889", "P 072138Z JUL 77", "STATE 156889", "77STATE156889" },
        { "REF: A. BRASILIA 2799 AND 2764 \xC2\xB6"
          "B. PORT AU PRINCE 2325 ",
            "P 010000Z NOV 04", "BRASILIA 2799 AND 2764 | BRASILIA 2799 AND 2764 | PORT AU PRINCE 2325",
            "04BRASILIA2799 | 04BRASILIA2764 | 04PORTAUPRINCE2325" },
        { "REF: QUITO 4525-91", "P 010000Z MAR 06", "QUITO 4525-91", "91QUITO4525" },
        { "REF: STATE 123456 AND TOKYO 4567", "P 010000Z MAR 06", "STATE 123456 | TOKYO 4567",
            "06STATE123456 | 06TOKYO4567" },
        { "REF: TOKYO 12490 (NOTAL)", "R 240727Z AUG 76", "TOKYO 12490 (NOTAL)", "76TOKYO12490" },
        { "REF: A. OTTAWA 360 B. OTTAWA 808 C. OTTAWA 850 D. OTTAWA 878\nOTTAWA 00000918 001.2 OF 003",
            "P 090000Z JUL 08", "OTTAWA 360 | OTTAWA 808 | OTTAWA 850 | OTTAWA 878",
            "08OTTAWA360 | 08OTTAWA808 | 08OTTAWA850 | 08OTTAWA878" },
        { "REFS: A) 04 TASHKENT 3390 B) 04 TASHKENT 2574 and previous", "P 090000Z FEB 05",
            "04 TASHKENT 3390 | 04 TASHKENT 2574 and previous", "04TASHKENT3390 | 04TASHKENT2574" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.header);
        const Cable cable = telegram_with_header(c.header, c.dtg);
        std::vector<std::string> texts;
        for (const Reference& r : cable.refs) {
            texts.push_back(r.text);
        }
        CHECK(join(texts) == c.texts);
        CHECK(join(ref_ids(cable)) == c.ids);
    }
}

TEST_CASE("reference ids take the CORE form in CORE-era cables")
{
    struct Case {
        std::string_view entry;
        int year;
        std::string_view id;
    };
    const Case cases[] = {
        { "STATE 156889", 1977, "1977STATE156889" },
        { "STATE -097844", 1974, "1974STATE097844" },
        { "TOKYO 12490 (NOTAL)", 1976, "1976TOKYO12490" },
        { "ATHENS 2959", 1974, "1974ATHENS02959" },
        { "77 STATE 156889", 1977, "1977STATE156889" },
        { "STATE 5140", 1977, "1977STATE005140" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.entry);
        CHECK(join(reference_ids(c.entry, c.year, IdEra::core)) == c.id);
    }
}

TEST_CASE("a PlusD page's list of referenced cables becomes the matching reference's alternatives")
{
    std::vector<Reference> refs
        = { Reference { {}, "STATE -097844", "1974STATE097844", {}, ReferenceKind::cable } };
    attach_alternatives(refs, { "1974STATE097844", "1973STATE097844" });
    CHECK(join(refs[0].alternatives) == "1973STATE097844");
    std::vector<Reference> two = { Reference { "A", "STATE 1", "09STATE1", {}, ReferenceKind::cable },
        Reference { "B", "TOKYO 2", "09TOKYO2", {}, ReferenceKind::cable } };
    attach_alternatives(two, { "08TOKYO2" });
    CHECK(two[0].alternatives.empty());
    CHECK(join(two[1].alternatives) == "08TOKYO2");
}

TEST_CASE("Classified By joins its lines and reads every label form")
{
    struct Case {
        std::string_view header;
        std::string_view value;
    };
    const Case cases[] = {
        { "Classified By: Amb. J. Thomas Schieffer for reasons 1.4 b, d.",
            "Amb. J. Thomas Schieffer for reasons 1.4 b, d." },
        { "Classified By: EUR/PRA Acting Deputy Director Matthew Hardiman \nfor reasons 1.4 (b) and (d). ",
            "EUR/PRA Acting Deputy Director Matthew Hardiman for reasons 1.4 (b) and (d)." },
        { "CLASSIFIED BY EUR/FO ? IAN KELLY, REASONS: 1.4 (B) AND (D).",
            "EUR/FO ? IAN KELLY, REASONS: 1.4 (B) AND (D)." },
        { "Classified By: Charge d'Affaires, a.i., Dan Piccuta.   Reasons 1.4 (b/d\n).",
            "Charge d'Affaires, a.i., Dan Piccuta. Reasons 1.4 (b/d)." },
        { "CLASSIFIED BY: Christopher Beede, Political/Economic Chief, U.S.\nConsulate General, "
          "Shanghai.\nREASON: "
          "1.4 (b), (d)",
            "Christopher Beede, Political/Economic Chief, U.S. Consulate General, Shanghai. REASON: 1.4 (b), "
            "(d)" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.header);
        CHECK(telegram_with_header(c.header).classified_by == c.value);
    }
}

TEST_CASE("TAGS, SUBJECT and REF on one physical line are split at their labels")
{
    const Cable c = telegram_with_header(
        "E.O. 12958: N/A TAGS: KFRD CVIS EG\n\nSUBJECT: BLIND COPTIC GIRLS' CHOIR USED "
        "FOR ALIEN SMUGGLING REF: CAIRO 2178");
    CHECK(join(c.tags) == "KFRD | CVIS | EG");
    CHECK(c.subject == "BLIND COPTIC GIRLS' CHOIR USED FOR ALIEN SMUGGLING");
    CHECK(join(ref_ids(c)) == "08CAIRO2178");
    CHECK(c.eo_line == "E.O. 12958: N/A");
}

} // namespace ck::cable::test

namespace ck::cable::test {
namespace {

// The same telegram with every line followed by a blank one, as double-spaced typed pages are
// transcribed; `header` lines are separated by '\n'.
Cable double_spaced_telegram(std::string_view header)
{
    std::string text
        = "R 171600Z MAY 74\n\nFM AMEMBASSY BONN\n\nTO SECSTATE WASHDC 3410\n\nCONFIDENTIAL BONN 2959\n\n";
    std::size_t start = 0;
    while (start <= header.size()) {
        std::size_t end = header.find('\n', start);
        end = end == std::string_view::npos ? header.size() : end;
        text.append(header.substr(start, end - start)).append("\n\n");
        start = end + 1;
    }
    text += "1. TEXT OF THE CABLE.\n\nHILLENBRAND\n";
    return parse_one(text);
}

} // namespace

TEST_CASE("a subject wraps over blank lines, indents and hyphen splits and ends at the next header")
{
    struct Case {
        std::string_view header;
        bool double_spaced;
        std::string_view subject;
    };
    const Case cases[] = {
        { "E.O. 11652: GDS\nTAGS: EFIS, GW\nSUBJECT: TALKS ON THE FISHERIES\nAGREEMENT\nREF: STATE 1234",
            true, "TALKS ON THE FISHERIES AGREEMENT" },
        { "TAGS: EFIS, GW\nSUBJECT: TALKS ON THE FISHERIES\nAGREEMENT\n(C) ENFORCEMENT", true,
            "TALKS ON THE FISHERIES AGREEMENT (C) ENFORCEMENT" },
        { "TAGS: PREL\nSUBJECT: CROSS-\nBORDER TRADE\nREF: BONN 12345", false, "CROSS-BORDER TRADE" },
        { "TAGS: PREL\nSUBJECT: MINISTER'S VISIT --\nAGENDA", false, "MINISTER'S VISIT -- AGENDA" },
        { "TAGS: PREL\nSUBJECT: FISHERIES\n       AGREEMENT SIGNED\nREF: BONN 12345", false,
            "FISHERIES AGREEMENT SIGNED" },
        { "TAGS: PREL\nSUBJECT: FISHERIES TALKSREF: A. STATE 1234", false, "FISHERIES TALKS" },
        { "TAGS: PREL\nSUBJECT: FISHERIES TALKS\nClassified By: Ambassador for reasons 1.4 (b)", false,
            "FISHERIES TALKS" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.header);
        const Cable cable
            = c.double_spaced ? double_spaced_telegram(c.header) : telegram_with_header(c.header);
        CHECK(cable.subject == c.subject);
    }
    // A single-spaced page: the blank line after the subject ends it, and the body never joins it.
    const Cable single
        = telegram_with_header("TAGS: PREL\nSUBJECT: TALKS ON THE FISHERIES\n\nAGREEMENT TEXT");
    CHECK(single.subject == "TALKS ON THE FISHERIES");
}

TEST_CASE("a subject that lost its line break before REF yields the reference too")
{
    const Cable c = telegram_with_header("TAGS: PREL\nSUBJECT: FISHERIES TALKSREF: A. STATE 1234");
    REQUIRE(c.refs.size() == 1);
    CHECK(c.refs[0].text == "STATE 1234");
    CHECK(c.refs[0].id == "08STATE1234");
}

TEST_CASE("TAGS lose the dashes, dots and spaces of the page after the last tag")
{
    struct Case {
        std::string_view header;
        std::string_view tags;
    };
    const Case cases[] = {
        { "TAGS: PREL, PGOV, KS      -", "PREL | PGOV | KS" },
        { "TAGS: PREL, PGOV, KS ..", "PREL | PGOV | KS" },
        { "TAGS: PREL PGOV KS -", "PREL | PGOV | KS" },
        { "TAGS: PREL, PGOV, KS, --", "PREL | PGOV | KS" },
        { "TAGS: EFIS, JA, IWC-2", "EFIS | JA | IWC-2" },
        { "TAGS: PREL, - , KS", "PREL | KS" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.header);
        CHECK(join(telegram_with_header(c.header).tags) == c.tags);
    }
}

TEST_CASE("a reference's text is what the cable says and its id what it resolves to")
{
    struct Case {
        std::string_view value;
        int year;
        std::string_view text; // entries joined with " | "
        std::string_view ids;
        std::string_view kinds;
    };
    const Case cases[] = {
        { "BONN 12345", 1989, "BONN 12345", "89BONN12345", "cable" },
        { "STATE 4567 (NOTAL) (FISHERIES TALKS)", 1974, "STATE 4567 (NOTAL) (FISHERIES TALKS)", "74STATE4567",
            "cable" },
        { "A. STATE 4567 (FISHERIES) B. BONN 12", 1974, "STATE 4567 (FISHERIES) | BONN 12",
            "74STATE4567 | 74BONN12", "cable | cable" },
        { "NONE", 1995, "", "", "" },
        { "NONE.", 1995, "", "", "" },
        { "A. FBIS SK2403053393 B. FBIS OW2403125093", 1993, "FBIS SK2403053393 | FBIS OW2403125093", " | ",
            "fbis | fbis" },
        { "A. PARKER/PETTIT E-MAIL 1/4/07 B. STATE 203879", 2007,
            "PARKER/PETTIT E-MAIL 1/4/07 | STATE 203879", " | 07STATE203879", "other | cable" },
        { "STATE -097844", 1974, "STATE -097844", "74STATE97844", "cable" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.value);
        const RefList list = parse_ref_value(c.value, c.year, IdEra::cablegate, 100);
        std::vector<std::string> texts;
        std::vector<std::string> ids;
        std::vector<std::string> kinds;
        for (const Reference& r : list.refs) {
            texts.push_back(r.text);
            ids.push_back(r.id);
            kinds.emplace_back(to_string(r.kind));
        }
        CHECK(join(texts) == c.text);
        CHECK(join(ids) == c.ids);
        CHECK(join(kinds) == c.kinds);
    }
}

TEST_CASE("an id a source page offers is only possibly the reference, for a stated reason")
{
    struct Case {
        Reference ref;
        std::string_view offered;
        AlternativeReason reason;
    };
    const Case cases[] = {
        { Reference { {}, "STATE -097844", "1974STATE097844", {}, ReferenceKind::cable }, "1973STATE097844",
            AlternativeReason::different_year },
        { Reference { {}, "TOKYO 2", "09TOKYO2", {}, ReferenceKind::cable }, "09TOKYO20",
            AlternativeReason::different_serial },
        { Reference { {}, "CIS DOC.", "", {}, ReferenceKind::other }, "05MOSCOW1",
            AlternativeReason::entry_names_no_cable },
    };
    for (const Case& c : cases) {
        CAPTURE(c.offered);
        CHECK(alternative_reason(c.ref, c.offered) == c.reason);
    }
}

TEST_CASE("a partial extract without routing lines takes its sender from the page's origin")
{
    struct Case {
        std::string_view file;
        std::string_view from;
        std::string_view origin;
    };
    const Case cases[] = {
        { "exhibit/015_05vienna3833-austria-questionable-transactions.txt", "AMEMBASSY VIENNA",
            "Embassy Vienna" },
        { "exhibit/028_05vienna37-sniper-rifles-to-iran.txt", "AMEMBASSY VIENNA", "Embassy Vienna" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.file);
        const Cable cable = parse_one(read_file(corpus_path(c.file)), c.file);
        CHECK(cable.partial_extract);
        CHECK(cable.from == c.from);
        CHECK(cable.origin == c.origin);
        CHECK(cable.confidence.from == Confidence::derived);
    }
}

TEST_CASE("page origins map back to the form of a FM line")
{
    const std::pair<std::string_view, std::string_view> cases[] = {
        { "Embassy Paris", "AMEMBASSY PARIS" },
        { "Embassy Kuala Lumpur", "AMEMBASSY KUALA LUMPUR" },
        { "Consulate Shanghai", "AMCONSUL SHANGHAI" },
        { "Secretary of State", "SECSTATE WASHDC" },
        { "Mission USNATO", "USNATO" },
        { "Mission UNVIE Vienna", "USMISSION UNVIE VIENNA" },
        { "Tokyo", "" },
    };
    for (const auto& c : cases) {
        CAPTURE(c.first);
        CHECK(addressee_from_origin(c.first) == c.second);
    }
}

} // namespace ck::cable::test
