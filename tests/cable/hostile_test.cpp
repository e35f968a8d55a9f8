// HOSTILE_INPUTS.md section b1, items 1-25: every case ends in a clear diagnostic or a harmless
// result, never a crash, a hang or a mis-derived id.
#include "cable/limits.hpp"
#include "core/utf8.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace ck::cable::test {
namespace {

// One row of the cablegate CSV with the given id around a small telegram.
std::string csv_row(std::string_view row, std::string_view id, std::string_view body)
{
    std::string s = "\"";
    s.append(row);
    s += "\",\"1/8/2008 9:00\",\"";
    s.append(id);
    s += "\",\"Embassy Tokyo\",\"CONFIDENTIAL\",\"\",\"P 080900Z JAN 08\nFM AMEMBASSY TOKYO\nTO SECSTATE "
         "WASHDC\n\",\"";
    s.append(body);
    s += "\"\n";
    return s;
}

std::string small_body()
{
    return "C O N F I D E N T I A L TOKYO 000001\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: TEST\n\n1. (C) "
           "TEXT.\n"
           "SCHIEFFER\n";
}

bool has_warning_containing(const ParseOutput& out, std::string_view text)
{
    for (const Diagnostic& d : out.diagnostics) {
        if (d.severity == Diagnostic::Severity::warning && d.message.find(text) != std::string::npos) {
            return true;
        }
    }
    return false;
}

std::string bare(std::string_view header_and_body, std::string_view dtg = "P 240053Z JUN 08")
{
    std::string s(dtg);
    s += "\nFM AMEMBASSY TOKYO\nTO SECSTATE WASHDC PRIORITY 5329\n\n";
    s.append(header_and_body);
    return s;
}

} // namespace

TEST_CASE("b1.1-6: garbled, truncated, noisy, duplicate-marked and degenerate ids are kept as written")
{
    struct Case {
        std::string_view id;
        bool warned; // not of a known form
    };
    const Case cases[] = {
        { "08SCTION02OF02SAOPAULO335", true },
        { "09SECTIOQ1OF06HARARE876", true },
        { "08SECTION01GF02BISHIEK21", true },
        { "07SOIA828", false },
        { "09BAU339", false },
        { "10AQNA272", false },
        { "06ASTANA", true },
        { "06EFTOBAKU1165", false },
        { "09AMEMBASSYHANOI1284", false },
        { "85NOFORNMOGADISHU1643", false },
        { "06MADRID002583ZFR2585", true },
        { "07OSLO000160ZDK164", true },
        { "90STATE255577TOSEC140323", true },
        { "08ACCRA001382SUSPECTEDDUPLICATE1392", true },
        { "092OF5", true },
        { "7575LIBREVILLE1895", true },
        { "0901OF02RPODUBAI288", true },
    };
    for (const Case& c : cases) {
        CAPTURE(c.id);
        const ParseOutput out = parse(csv_row("1", c.id, small_body()), "ids.csv");
        REQUIRE(out.cables.size() == 1);
        CHECK(out.cables[0].id == c.id);
        CHECK_FALSE(out.has_errors());
        CHECK(has_warning_containing(out, "not of a known form") == c.warned);
    }
}

TEST_CASE("b1.5: two rows with one id are both kept, with a warning naming the other row")
{
    const std::string text
        = csv_row("1", "08ACCRA1382", small_body()) + csv_row("2", "08ACCRA1382", small_body());
    const ParseOutput out = parse(text, "dupes.csv");
    REQUIRE(out.cables.size() == 2);
    CHECK(out.cables[0].source_line == 1);
    CHECK(out.cables[1].source_line > 1);
    CHECK(has_warning_containing(out, "also on the row at line 1"));
}

TEST_CASE("b1.7: two-digit years crossing centuries")
{
    struct Case {
        std::string_view dtg;
        std::string_view iso;
    };
    const Case cases[] = {
        { "P 010000Z JAN 75", "1975-01-01T00:00Z" },
        { "P 010000Z JAN 85", "1985-01-01T00:00Z" },
        { "P 010000Z JAN 90", "1990-01-01T00:00Z" },
        { "P 010000Z JAN 09", "2009-01-01T00:00Z" },
        { "P 010000Z JAN 00", "2000-01-01T00:00Z" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.dtg);
        const Cable cable = parse_one(bare("CONFIDENTIAL TOKYO 1\n\nSUBJECT: X\n\n1. TEXT.\n", c.dtg));
        REQUIRE(cable.date.has_value());
        CHECK(cable.date->iso() == c.iso);
    }
}

TEST_CASE("b1.8-11: TAGS label variants, concatenated and repeated runs, person tags, shared lines")
{
    struct Case {
        std::string_view header;
        std::string_view tags;
    };
    const Case cases[] = {
        { "TAGS: PREL", "PREL" },
        { "TAGS PREL", "PREL" },
        { "tAgs PREL", "PREL" },
        { "TAG PREL", "PREL" },
        { "DECL: 1/1/2019 AGS: PREL", "PREL" },
        { "Tags: prel, pgov", "PREL | PGOV" },
        { "TAGS: KFRDKIRFCVISCMGTKOCIASECPHUMSMIGEG",
            "KFRD | KIRF | CVIS | CMGT | KOCI | ASEC | PHUM | SMIG | EG" },
        { "TAGS: ETRDEINVECINPGOVCS", "ETRD | EINV | ECIN | PGOV | CS" },
        { "TAGS: MARR MOPS IT MARR MOPS IT MARR MOPS IT MARR MOPS IT MARR MOPS IT MARR MOPS IT IZPREL IZPREL "
          "IZPREL "
          "IZPREL IZPREL",
            "MARR | MOPS | IT | IZPREL" },
        { "TAGS: OVIP (STEINBERG, JAMES B.) PREL", "OVIP (STEINBERG, JAMES B.) | PREL" },
        { "TAGS: OVIP CLINTON HILLARY PREL", "OVIP CLINTON HILLARY | PREL" },
        { "TAGS: PREL PGOV SUBJECT: ON ONE LINE REF: STATE 1", "PREL | PGOV" },
        { "TAGS: PREL PGOV\nKN KS\nSUBJECT: X", "PREL | PGOV | KN | KS" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.header);
        const Cable cable
            = parse_one(bare("CONFIDENTIAL TOKYO 1\n\n" + std::string(c.header) + "\n\n1. TEXT.\n"));
        CHECK(join(cable.tags) == c.tags);
    }
}

TEST_CASE("b1.12: SUBJECT missing, over three lines, starting (C) and cut off, or deep in the body")
{
    struct Case {
        std::string_view header;
        std::string_view subject;
    };
    const Case cases[] = {
        { "E.O. 12958: N/A\nTAGS: PREL", "" },
        { "SUBJECT: ONE\nTWO\nTHREE", "ONE TWO THREE" },
        { "SUBJECT: (C) TURKISH P.M. ERDOGAN GOES TO WASHIN", "(C) TURKISH P.M. ERDOGAN GOES TO WASHIN" },
        { "TAGS: PREL\n\n1. (C) BODY.\n\nSUBJECT: DEEP IN THE BODY", "" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.header);
        const ParseOutput out
            = parse(bare("CONFIDENTIAL TOKYO 1\n\n" + std::string(c.header) + "\n\n2. TEXT.\n"), "s.txt");
        REQUIRE(out.cables.size() == 1);
        CHECK(out.cables[0].subject == c.subject);
        CHECK_FALSE(out.has_errors());
    }
}

TEST_CASE("b1.13-14: lettered REFs with pilcrows, pilcrow paragraphs, malformed portion marks")
{
    const Cable c = parse_one(bare("CONFIDENTIAL PANAMA 1\n\nREF: A. 03 PANAMA 2201 \xC2\xB6"
                                   "B. 03 PANAMA 470\n\n"
                                   "\xC2\xB6"
                                   "1.(SBU) ONE.\n\n2. (C/NF) TWO.\n\n3. (S THREE.\n\n4. (U) Classifi",
        "P 010000Z MAR 04"));
    CHECK(join(ref_ids(c)) == "03PANAMA2201 | 03PANAMA470");
    std::vector<std::string> marks;
    for (const Paragraph& p : c.paragraphs) {
        marks.push_back(p.number + ":" + p.portion_mark);
    }
    CHECK(join(marks) == "1:SBU | 2:C/NF | 3:S | 4:U");
}

TEST_CASE("b1.15-16: spaced banners, repeated and disordered sections, BT and NNNN inside the text")
{
    const std::string text
        = "VZCZCXYZ0001\nDE RUEHKO #1723/01 1760053\nZNY CCCCC ZZH\nP 240053Z JUN 08\n"
          "FM AMEMBASSY TOKYO\nTO RUEHC/SECSTATE WASHDC PRIORITY 5329\nBT\n"
          "C O N F I D E N T I A L SECTION 01 OF 02 TOKYO 001723\n\nSUBJECT: SECTIONS\n\n"
          "1. (C) FIRST PART.\nBT\n#1723\nNNNN\nVZCZCXYZ0002\nDE RUEHKO #1723/03 1760053\n"
          "ZNY CCCCC ZZH\nP 240053Z JUN 08\nFM AMEMBASSY TOKYO\nTO RUEHC/SECSTATE WASHDC PRIORITY "
          "5330\nBT\nC O N F I D E N T I A L SECTION 03 OF 02 TOKYO 001723\n\n2. (C) SECOND "
          "PART.\nSCHIEFFER\nBT\n#1723\nNNNN\n";
    const ParseOutput out = parse(text, "sections.txt");
    REQUIRE(out.cables.size() == 1);
    const Cable& c = out.cables[0];
    CHECK(c.classification == "CONFIDENTIAL");
    CHECK(c.id == "08TOKYO1723");
    CHECK(c.signature == "SCHIEFFER");
    CHECK(c.display_text.find("\nBT\n") == std::string::npos);
    CHECK(c.display_text.find("NNNN") == std::string::npos);
    CHECK(c.display_text.find("SECTION 03") == std::string::npos);
    CHECK(c.display_text.find("2. (C) SECOND PART.") != std::string::npos);
    CHECK(c.display_text.find("ZNY") == std::string::npos);
    CHECK(has_warning_containing(out, "section 3 of 2"));
    CHECK_FALSE(out.has_errors());
}

TEST_CASE("b1.17: redactions are kept; a withdrawal card with a header and no body parses")
{
    const Cable c
        = parse_one(bare("S E C R E T TOKYO 1\n\nSUBJECT: [REDACTED]\n\n1. (S) XXXXXXXXXXXX MET (b)(1) "
                         "(b)(6).\n\nSCHIEFFER\n"));
    CHECK(c.subject == "[REDACTED]");
    CHECK(c.display_text.find("XXXXXXXXXXXX MET (b)(1) (b)(6).") != std::string::npos);
    const ParseOutput card = parse("P 240053Z JUN 08\nFM AMEMBASSY TOKYO\nTO SECSTATE WASHDC\n", "card.txt");
    REQUIRE(card.cables.size() == 1);
    CHECK(card.cables[0].from == "AMEMBASSY TOKYO");
    CHECK_FALSE(card.has_errors());
}

TEST_CASE("b1.18: CP1252, BOM, overlong, lone continuation, encoded surrogate and NUL bytes")
{
    const std::string_view cases[] = {
        "SUBJECT: ITALY\x92S VIEW",
        "\xEF\xBB\xBFSUBJECT: ITALY'S VIEW",
        "SUBJECT: ITALY\xC0\xAFS VIEW \xC3\xA9",
        "SUBJECT: ITALY\x80S VIEW \xC3\xA9",
        "SUBJECT: ITALY\xED\xA0\x80S VIEW \xC3\xA9",
        std::string_view("SUBJECT: ITALY'S VIEW\0\0", 23),
    };
    for (const std::string_view header : cases) {
        CAPTURE(header);
        const ParseOutput out
            = parse(bare("CONFIDENTIAL ROME 1\n\n" + std::string(header) + "\n\n1. TEXT.\n"), "e.txt");
        REQUIRE(out.cables.size() == 1);
        CHECK(out.cables[0].subject.substr(0, 5) == "ITALY");
        CHECK(utf8::is_valid(out.cables[0].subject));
        CHECK(utf8::is_valid(out.cables[0].display_text));
        CHECK_FALSE(out.has_errors());
    }
    CHECK(parse_one(bare("CONFIDENTIAL ROME 1\n\nSUBJECT: ITALY\x92S VIEW\n")).subject
        == "ITALY\xE2\x80\x99S VIEW");
}

TEST_CASE("b1.19: CR-only, mixed endings, form feeds, vertical tabs and trailing spaces read like LF")
{
    const std::string lf
        = bare("C O N F I D E N T I A L TOKYO 001723\n\nTAGS: PREL\nSUBJECT: LINE ENDINGS\n\n1. (C) "
               "TEXT.\n\nSCHIEFFER\n");
    const Cable reference = parse_one(lf);
    std::string cr = lf;
    std::replace(cr.begin(), cr.end(), '\n', '\r');
    std::string mixed;
    std::string noisy;
    bool odd = false;
    for (const char ch : lf) {
        if (ch == '\n') {
            mixed += odd ? "\r\n" : "\n";
            noisy += "   \f\v\n";
            odd = !odd;
        } else {
            mixed.push_back(ch);
            noisy.push_back(ch);
        }
    }
    for (const std::string& text : { cr, mixed, noisy }) {
        const Cable c = parse_one(text);
        CHECK(c.id == reference.id);
        CHECK(c.subject == reference.subject);
        CHECK(join(c.tags) == join(reference.tags));
        CHECK(c.signature == "SCHIEFFER");
        CHECK(c.display_text == reference.display_text);
    }
}

TEST_CASE("b1.20: declassification lines in their variants")
{
    struct Case {
        std::string_view eo;
        std::string_view decl;
    };
    const Case cases[] = {
        { "E.O. 12958: DECL: 1/20/2019", "01/20/2019" },
        { "E.O. 12958: DECL: 01/20/2019", "01/20/2019" },
        { "E.O. 12958: DECL: AFTER KOREAN UNIFICATION", "AFTER KOREAN UNIFICATION" },
        { "E.O. 1295:", "" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.eo);
        CHECK(parse_one(bare("CONFIDENTIAL TOKYO 1\n\n" + std::string(c.eo) + "\n\n1. TEXT.\n"))
                  .declassification
            == c.decl);
    }
}

TEST_CASE("b1.21: empty, header-only, oversized, one huge line, 100,000 TAGS and 10,000 REFs")
{
    const ParseOutput empty = parse("", "empty.txt");
    CHECK(empty.cables.empty());
    REQUIRE(empty.has_errors());
    CHECK(empty.diagnostics[0].to_string() == "empty.txt:0: the file is empty");
    CHECK(parse("  \n\n \r\n", "blank.txt").has_errors());

    const ParseOutput header_only = parse(bare("CONFIDENTIAL TOKYO 1\n"), "header.txt");
    CHECK(header_only.cables.size() == 1);
    CHECK_FALSE(header_only.has_errors());

    const std::string huge(limits::max_input_bytes + 1, 'A');
    const ParseOutput too_big = parse(huge, "huge.txt");
    CHECK(too_big.cables.empty());
    REQUIRE(too_big.has_errors());
    CHECK(too_big.diagnostics[0].message.find("are not parsed") != std::string::npos);

    const std::string long_line
        = bare("CONFIDENTIAL TOKYO 1\n\n1. " + std::string(limits::max_line_bytes + 100, 'W'));
    const ParseOutput one_line = parse(long_line, "line.txt");
    REQUIRE(one_line.cables.size() == 1);
    CHECK(one_line.cables[0].display_text.size() < limits::max_line_bytes + 1000);
    CHECK(has_warning_containing(one_line, "display text keeps the first"));

    std::string tags = "TAGS:";
    for (int i = 0; i < 100'000; ++i) {
        tags += " T" + std::to_string(i);
    }
    const ParseOutput many_tags
        = parse(bare("CONFIDENTIAL TOKYO 1\n\n" + tags + "\n\n1. TEXT.\n"), "tags.txt");
    REQUIRE(many_tags.cables.size() == 1);
    CHECK(many_tags.cables[0].tags.size() == limits::max_tags);
    CHECK(has_warning_containing(many_tags, "TAGS; the rest are ignored"));

    std::string refs = "REF: STATE 1";
    for (int i = 2; i <= 10'000; ++i) {
        refs += "; STATE " + std::to_string(i);
    }
    const ParseOutput many_refs
        = parse(bare("CONFIDENTIAL TOKYO 1\n\n" + refs + "\n\n1. TEXT.\n"), "refs.txt");
    REQUIRE(many_refs.cables.size() == 1);
    CHECK(many_refs.cables[0].refs.size() == limits::max_refs);
    CHECK(has_warning_containing(many_refs, "REF entries; the rest are ignored"));
}

TEST_CASE("b1.21: a cable of many megabytes parses in one linear pass")
{
    std::string body;
    const std::string paragraph = "THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG AND RETURNS TO ITS DEN.\n";
    while (body.size() < 8U * 1024U * 1024U) {
        body += paragraph;
    }
    const ParseOutput out
        = parse(bare("CONFIDENTIAL TOKYO 1\n\nSUBJECT: BIG\n\n1. (C) " + body + "SCHIEFFER\n"), "big.txt");
    REQUIRE(out.cables.size() == 1);
    CHECK(out.cables[0].signature == "SCHIEFFER");
    CHECK(out.cables[0].display_text.size() > body.size());
}

TEST_CASE("b1.22: a 10,000-character word is kept whole")
{
    const std::string word(10'000, 'Q');
    const Cable c = parse_one(bare("CONFIDENTIAL TOKYO 1\n\n1. " + word + "\n"));
    CHECK(c.display_text.find(word) != std::string::npos);
}

TEST_CASE("b1.23: bidi overrides, escape sequences and C1 controls are removed; zero-width characters stay")
{
    const Cable c = parse_one(bare("CONFIDENTIAL TOKYO 1\n\nSUBJECT: A\xE2\x80\xAE"
                                   "B\xE2\x80\x8B"
                                   "C\xE2\x80\x8D"
                                   "D\xEF\xBB\xBF"
                                   "E\x1B[2J\xC2\x85"
                                   "F\n\n1. TEXT.\n"));
    CHECK(c.subject
        == "AB\xE2\x80\x8B"
           "C\xE2\x80\x8D"
           "DE[2JF");
    CHECK(c.display_text.find('\x1B') == std::string::npos);
}

TEST_CASE("b1.24: combining-mark stacks and NFC/NFD forms pass through as valid UTF-8")
{
    std::string stack = "GENE";
    for (int i = 0; i < 500; ++i) {
        stack += "\xCC\x80"; // U+0300
    }
    const Cable c = parse_one(bare("CONFIDENTIAL GENEVA 1\n\nSUBJECT: " + stack + "VE\n\n1. TEXT.\n"));
    CHECK(c.subject == stack + "VE");
    // Genève in NFC and NFD: both read, neither rewritten (normalization belongs to search).
    CHECK(parse_one(bare("CONFIDENTIAL GENEVA 1\n\nSUBJECT: GEN\xC3\xA8VE\n")).subject == "GEN\xC3\xA8VE");
    CHECK(parse_one(bare("CONFIDENTIAL GENEVA 1\n\nSUBJECT: GENE\xCC\x80VE\n")).subject == "GENE\xCC\x80VE");
}

TEST_CASE("b1.25: lower-case OCR headers and a label split by hyphenation")
{
    const Cable c
        = parse_one(bare("CONFIDENTIAL ANKARA 348\n\nE.o. 12958: decl: 01/07/2014 Tags: prel, pgov\nSUB-\n"
                         "JECT: TURKISH P.M. GOES TO WASHINGTON\n\n1. (C) TEXT.\n",
            "P 070000Z JAN 04"));
    CHECK(c.declassification == "01/07/2014");
    CHECK(join(c.tags) == "PREL | PGOV");
    CHECK(c.subject == "TURKISH P.M. GOES TO WASHINGTON");
}

TEST_CASE("binary files and files with no cable structure are clear errors")
{
    std::string binary(4096, '\0');
    binary[100] = 'E';
    const ParseOutput out = parse(binary, "image.png");
    CHECK(out.cables.empty());
    REQUIRE(out.has_errors());
    CHECK(out.diagnostics[0].to_string() == "image.png:0: this is not a text file (too many control bytes)");
    const ParseOutput prose = parse("just some words\nwith nothing of a cable\n", "prose.txt");
    CHECK(prose.cables.empty());
    CHECK(prose.has_errors());
    const ParseOutput csv = parse("\"1\",\"1/8/2008 9:00\",\"08X1\",\"never closed\n", "bad.csv");
    CHECK(csv.has_errors());
    CHECK(csv.diagnostics[0].to_string().rfind("bad.csv:1: CSV:", 0) == 0);
}

} // namespace ck::cable::test
