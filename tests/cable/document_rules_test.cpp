// Rules of the document as a whole, each driven by a table of real cases: paragraphs and portion
// marks, signatures, attribute blocks, ids, origin, encodings and line endings, the CSV dialect and
// format detection.
#include "cable/attributes.hpp"
#include "cable/cable_id.hpp"
#include "cable/csv_reader.hpp"
#include "cable/detect.hpp"
#include "cable/origin.hpp"
#include "cable/paragraphs.hpp"
#include "cable/signature.hpp"
#include "cable/text_normalize.hpp"
#include "core/utf8.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

namespace ck::cable::test {

TEST_CASE("a numbered paragraph is found with its portion mark, malformed marks included")
{
    struct Case {
        std::string_view line;
        std::string_view number; // empty: not a paragraph start
        std::string_view mark;
    };
    const Case cases[] = {
        { "1. (C) METI Export Controls Deputy Director", "1", "C" },
        { "\xC2\xB6"
          "2. (S/NF) We have information",
            "2", "S/NF" },
        { "1.(SBU) Summary:", "1", "SBU" },
        { "1. (C/NF) text", "1", "C/NF" },
        { "1. (S no close", "1", "S" },
        { "6, (SBU) Post will continue", "6", "SBU" },
        { "- 2. ACCORDING TO ARITA", "2", "" },
        { "[1](#)2. (S) SUMMARY", "", "" }, // raw link: the display text has turned it into a pilcrow
        { "\xC2\xB6"
          "4. (SECRET/REL FRANCE) BEGIN TALKING POINTS",
            "4", "SECRET/REL FRANCE" },
        { "3.  (SUMMARY) PYONGYANG'S ECONOMIC DISTRESS", "3", "" },
        { "1.  CONFIDENTIAL - ENTIRE TEXT.", "1", "" },
        { "1.4 (b) and (d)", "", "" },
        { "2, 3 AND 4 WERE DISCUSSED", "", "" },
        { "14 March 1961", "", "" },
        { "(U) Classifi", "", "" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.line);
        const auto p = paragraph_start(c.line);
        CHECK((p ? p->number : std::string {}) == c.number);
        CHECK((p ? p->portion_mark : std::string {}) == c.mark);
    }
}

TEST_CASE("numbered lists inside a marked paragraph are not paragraphs of the cable")
{
    const std::string text
        = "1. (C) METI GAVE A NONPAPER.\n\n1. Sharing evaluation;\n\n2. Dividing "
          "responsibilities;\n\n3. Exchanging information.\n\n2. (U) This is the second time.\n";
    const std::vector<Paragraph> p = find_paragraphs(text, 100);
    REQUIRE(p.size() == 2);
    CHECK(p[0].number == "1");
    CHECK(p[0].line == 1);
    CHECK(p[1].number == "2");
    CHECK(p[1].portion_mark == "U");
    CHECK(p[1].line == 9);
}

TEST_CASE("the signature is the last line of text or the name after the last sentence")
{
    struct Case {
        std::string_view tail;
        std::string_view signature;
    };
    const Case cases[] = {
        { "TO TOKYO. VANCE\n\nCONFIDENTIAL\n\nNNN\n", "VANCE" },
        { "END NOTE.)\nSCHIEFFER\n", "SCHIEFFER" },
        { "return their new clothes.\nTokola\n", "Tokola" },
        { "MINISTER FOREIGN AFFAIRS.    PORTER\n\n\nLIMITED OFFICIAL USE\nNMAFVVZCZ\n", "PORTER" },
        { "XXXXXXXXXXXX\nXXXXXXXXXXXX\nPICCUTA\n\nNNNN\n", "PICCUTA" },
        { "AS AN AGENDA ITEM.  END COMMENT \n \n \n  MONDLE \n", "MONDLE" },
        { "SHOESMITH\n\nCONFIDENTIAL\n\n\tMargaret F. Grafeiu L\tte EO Systematic Review\nNNN\n11111\n",
            "SHOESMITH" },
        { "UNQUOTE VANCE\n", "VANCE" },
        { "WE WILL REPORT FURTHER.\n", "" },
        { "END COMMENT.\n", "" },
        { "XXXXXXXXXXXX\n", "" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.tail);
        const Lines lines = split_lines(c.tail);
        CHECK(find_signature(lines, 0, lines.size()).signature == c.signature);
    }
}

TEST_CASE("the CORE attribute block is read one pair a line or run together on one OCR line")
{
    const std::string text = "Automatic Decaptioning: X Capture Date: 01 JAN 1994 Channel Indicators: n/a\n"
                             "**Current Classification: UNCLASSIFIED** \n"
                             "Document Number: 1976TOKYO12732\n"
                             "Review Markings:\nMargaret P. Grafeld\nDeclassified/Released\n"
                             "Subject: JAPAN-USSR RELATIONS: FOLLOW UP TAGS: PFOR, US, JA, (ARITA)\n"
                             "To: ! 'LUXEMBOURG\n\n  ROME'\n"
                             "Line Count: '47'\n";
    const Lines lines = split_lines(text);
    const std::vector<Attribute> a = parse_attribute_block(lines, 0, lines.size(), 100);
    std::vector<std::string> pairs;
    pairs.reserve(a.size());
    for (const Attribute& x : a) {
        pairs.push_back(x.key + "=" + x.value);
    }
    CHECK(join(pairs)
        == "Automatic Decaptioning=X | Capture Date=01 JAN 1994 | Channel Indicators=n/a | Current "
           "Classification=UNCLASSIFIED | Document Number=1976TOKYO12732 | Review Markings=Margaret P. "
           "Grafeld "
           "Declassified/Released | Subject=JAPAN-USSR RELATIONS: FOLLOW UP | TAGS=PFOR, US, JA, (ARITA) | "
           "To=LUXEMBOURG ROME | Line Count=47");
    CHECK(attribute_value(a, "channel indicators").empty()); // "n/a" is no value
    CHECK(attribute_value(a, "Document Number") == "1976TOKYO12732");
}

TEST_CASE("ids keep their source form and are built in the form of their era")
{
    struct Case {
        std::string_view id;
        bool well_formed;
        int year;
    };
    const Case cases[] = {
        { "1977STATE158046", true, 1977 },
        { "08TOKYO1723", true, 2008 },
        { "09UNVIEVIENNA281", true, 2009 },
        { "85TOKYO364", true, 1985 },
        { "08SCTION02OF02SAOPAULO335", false, 2008 },
        { "06ASTANA", false, 2006 },
        { "06MADRID002583ZFR2585", false, 2006 },
        { "092OF5", false, 0 },
        { "7575LIBREVILLE1895", false, 0 },
        { "CIA-RDP80B01676R003100290016-2", false, 0 },
    };
    for (const Case& c : cases) {
        CAPTURE(c.id);
        CHECK(is_well_formed_id(c.id) == c.well_formed);
        CHECK(year_of_id(c.id) == c.year);
    }
    CHECK(make_cable_id(1977, "STATE", "156889", IdEra::core) == "1977STATE156889");
    CHECK(make_cable_id(1974, "ATHENS", "2959", IdEra::core) == "1974ATHENS02959");
    CHECK(make_cable_id(1973, "STATE", "-097844", IdEra::core) == "1973STATE097844");
    CHECK(make_cable_id(2007, "TOKYO", "04930", IdEra::cablegate) == "07TOKYO4930");
    CHECK(make_cable_id(2000, "STATE", "70789", IdEra::cablegate) == "00STATE70789");
    CHECK(canonical_station("KUALA LUMPUR") == "KUALALUMPUR");
    CHECK(canonical_station("SECSTATE") == "STATE");
    CHECK(strip_page_suffix("1973STATE097844_b") == "1973STATE097844");
}

TEST_CASE("the origin is the post in words, from metadata where the source has it, else from FROM")
{
    struct Case {
        std::string_view metadata;
        std::string_view from;
        std::string_view origin;
    };
    const Case cases[] = {
        { "Embassy Tokyo", "AMEMBASSY TOKYO", "Embassy Tokyo" },
        { "", "AMEMBASSY TOKYO", "Embassy Tokyo" },
        { "", "AMCONSUL SHANGHAI", "Consulate Shanghai" },
        { "", "SECSTATE WASHDC", "Secretary of State" },
        { "", "USMISSION UNVIE VIENNA", "Mission UNVIE Vienna" },
        { "", "AMEMBASSY KUALA LUMPUR", "Embassy Kuala Lumpur" },
        { "", "AMCONGEN HONG KONG", "Consulate Hong Kong" },
        { "", "USMISSION USUN NEW YORK", "Mission USUN New York" },
        { "", "USNATO", "Mission USNATO" },
        { "", "CINCPAC HONOLULU HAWAII", "" },
        { "", "", "" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.from);
        CHECK(derive_origin(c.metadata, c.from) == c.origin);
    }
}

TEST_CASE("input bytes become UTF-8 with LF line ends whatever their encoding and line endings")
{
    struct Case {
        std::string_view bytes;
        std::string_view text;
        InputEncoding encoding;
    };
    const Case cases[] = {
        { "A\r\nB\r\n", "A\nB\n", InputEncoding::utf8 },
        { "A\rB\rC", "A\nB\nC", InputEncoding::utf8 },
        { "A\r\nB\nC\rD", "A\nB\nC\nD", InputEncoding::utf8 },
        { "\xEF\xBB\xBF"
          "TAGS",
            "TAGS", InputEncoding::utf8 },
        { "\xB6"
          "1. (SBU)",
            "\xC2\xB6"
            "1. (SBU)",
            InputEncoding::cp1252 },
        { "ITALY\x92S", "ITALY\xE2\x80\x99S", InputEncoding::cp1252 },
        { "A\fB\vC", "ABC", InputEncoding::utf8 },
        { std::string_view("A\0B", 3), "AB", InputEncoding::utf8 },
        { "\x1B[2JX", "[2JX", InputEncoding::utf8 },
        { "\xE2\x80\xAE"
          "EVIL",
            "EVIL", InputEncoding::utf8 },
        { "caf\xC3\xA9 \xC3\xA9t\xC3\xA9 \x80", "caf\xC3\xA9 \xC3\xA9t\xC3\xA9 \xEF\xBF\xBD",
            InputEncoding::utf8_repaired },
    };
    for (const Case& c : cases) {
        CAPTURE(c.bytes);
        const NormalizedText n = normalize_input(c.bytes);
        CHECK(n.text == c.text);
        CHECK(n.encoding == c.encoding);
        CHECK(utf8::is_valid(n.text));
    }
}

TEST_CASE("the cablegate CSV dialect unescapes quotes and keeps newlines and line numbers")
{
    const std::string text
        = "\"18\",\"1/8/1985 9:00\",\"85TOKYO364\",\"A \\\"QUOTED\\\" WORD\",\"IT\\'S\",\"x\"\"y\","
          "\"line one\nline two\",\"body\"\n\n\"19\",\"\",\"\",\"\",\"\",\"\",\"\",\"C:\\\\\"\n";
    CsvReader reader(text);
    std::optional<CsvProblem> problem;
    const auto first = reader.next(problem);
    REQUIRE(first.has_value());
    REQUIRE(first->fields.size() == 8);
    CHECK(first->fields[3] == "A \"QUOTED\" WORD");
    CHECK(first->fields[4] == "IT'S");
    CHECK(first->fields[5] == "x\"y");
    CHECK(first->fields[6] == "line one\nline two");
    CHECK(first->field_lines[7] == 2);
    CHECK(first->line == 1);
    const auto second = reader.next(problem);
    REQUIRE(second.has_value());
    CHECK(second->line == 4);
    CHECK(second->fields[7] == "C:\\");
    CHECK_FALSE(reader.next(problem).has_value());
    CHECK_FALSE(problem.has_value());
    CsvReader broken("\"1\",\"never closed\n");
    CHECK_FALSE(broken.next(problem).has_value());
    REQUIRE(problem.has_value());
    CHECK(problem->line == 1);
}

TEST_CASE("formats are detected from structure, not file names")
{
    struct Case {
        std::string_view file;
        DocumentKind kind;
    };
    const Case cases[] = {
        { "seeds/000_ee31729eca87852f.txt", DocumentKind::plusd_page },
        { "seeds/001_cafc2fa6b2b6242c.txt", DocumentKind::other },
        { "seeds/002_4053508a3772dec2.txt", DocumentKind::plusd_page },
        { "seeds/003_7033bef4857a1052.txt", DocumentKind::telegram },
        { "seeds/004_a3b791d980bf280d.txt", DocumentKind::plusd_page },
        { "exhibit/001_09state96222-french-firm-infrared-detectors.txt", DocumentKind::cablegate_page },
        { "exhibit/019_85tokyo364-goj-whaling.txt", DocumentKind::csv },
        { "exhibit/029_09unvievienna281-iaea-iraq-clean-slate.txt", DocumentKind::telegram },
        { "exhibit/030_1973state097844-info-to-senator-tydings.txt", DocumentKind::plusd_page },
        { "exhibit/032_crest-organization-of-cia-memo-1960.txt", DocumentKind::crest },
        { "exhibit/035_jfk-zrgrace-tokyo-aspect-1960.txt", DocumentKind::other },
    };
    for (const Case& c : cases) {
        CAPTURE(c.file);
        const NormalizedText n = normalize_input(read_file(corpus_path(c.file)));
        CHECK(detect_document(split_lines(n.text)) == c.kind);
    }
}

TEST_CASE("a CSV file gives one cable per row, each with the line its row starts on")
{
    const std::string one = read_file(corpus_path("exhibit/019_85tokyo364-goj-whaling.txt"));
    const std::string two = read_file(corpus_path("exhibit/021_92tokyo4774-iran-adb-ibrd.txt"));
    std::size_t lines_in_one = 0;
    for (const char ch : one) {
        lines_in_one += ch == '\n' ? 1 : 0;
    }
    const ParseOutput out = parse(one + two, "rows.csv");
    REQUIRE(out.cables.size() == 2);
    CHECK(out.cables[0].id == "85TOKYO364");
    CHECK(out.cables[0].source_line == 1);
    CHECK(out.cables[1].id == "92TOKYO4774");
    CHECK(out.cables[1].source_line == lines_in_one + 1);
    CHECK(out.diagnostics.empty());
}

TEST_CASE(
    "a bare telegram's id comes from its banner, else from its sender and routing serial, never from garble")
{
    const std::string envelope
        = "VZCZCXYZ0000\nOO RUEHWEB\n\nDE RUEHKO #5212 2540935\nZNY SSSSS ZZH\nO 110935Z SEP 06\n"
          "FM AMEMBASSY TOKYO\nTO SECSTATE WASHDC IMMEDIATE 6260\n\n";
    const std::string body = "\n\nSUBJECT: X\n\n1. (S) TEXT.\nSCHIEFFER\n";
    CHECK(parse_one(envelope + "S E C R E T TOKYO 005212" + body).id == "06TOKYO5212");
    CHECK(parse_one(envelope + "S E C R E T" + body).id == "06TOKYO5212");
    const ParseOutput garbled = parse("O 110935Z SEP 06\nFM AMEMBASSY TOKYO\nTO SECSTATE WASHDC\n\nC O N F I "
                                      "D E N T I A L SCTION 02OF02 SAOPAULO 335"
            + body,
        "garbled.txt");
    REQUIRE(garbled.cables.size() == 1);
    CHECK(garbled.cables[0].id.empty());
    CHECK(garbled.cables[0].classification == "CONFIDENTIAL");
    REQUIRE(garbled.diagnostics.size() == 1);
    CHECK(garbled.diagnostics[0].to_string()
        == "garbled.txt:1: no cable id found in the metadata or the classification line");
}

TEST_CASE("a repeated cable keeps the outer cable's fields; the quoted header does not overwrite them")
{
    const std::string text
        = "O 010101Z JAN 75\nFM SECSTATE WASHDC\nTO AMEMBASSY TOKYO IMMEDIATE\n\n"
          "C O N F I D E N T I A L STATE 000123\n\nE.O. 11652: GDS\nTAGS: PFOR, JA\n"
          "SUBJECT: OUTER SUBJECT\n\n1. FOLLOWING REPEAT SEOUL 456 ACTION SECSTATE DTD 31 DEC:\n"
          "QUOTE\nP 311200Z DEC 74\nFM AMEMBASSY SEOUL\nTO SECSTATE WASHDC PRIORITY 9\n"
          "C O N F I D E N T I A L SEOUL 456\nE.O. 11652: XGDS\nTAGS: PINT, KS\n"
          "SUBJECT: INNER SUBJECT\nREF: STATE 999\n1. TEXT.\nHABIB\nUNQUOTE KISSINGER\n";
    const Cable c = parse_one(text);
    CHECK(c.subject == "OUTER SUBJECT");
    CHECK(join(c.tags) == "PFOR | JA");
    CHECK(c.from == "SECSTATE WASHDC");
    CHECK(join(c.to) == "AMEMBASSY TOKYO");
    CHECK(c.eo_line == "E.O. 11652: GDS");
    CHECK(c.refs.empty());
    CHECK(c.date->iso() == "1975-01-01T01:01Z");
    CHECK(c.signature == "KISSINGER");
    CHECK(c.id == "75STATE123");
}

} // namespace ck::cable::test
