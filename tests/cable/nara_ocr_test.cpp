// CIA cables and memoranda in OCR'd NARA and CREST releases: the OCR repair rules, each from a
// table of forms found in the real pages, and the eight training pages of the NARA 2025 JFK release
// (tests/cable/corpus/training, with their SOURCES.tsv) with every field checked by hand. Also the
// Tripoli cables of the developer corpus that the bundled exhibit does not carry.
#include "cable/cia_cable.hpp"
#include "cable/memo.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

namespace ck::cable::test {
namespace {

std::string extra_path(std::string_view relative)
{
    return std::string(CK_EXTRA_CORPUS_DIR) + "/" + std::string(relative);
}

Lines lines_of(std::string_view text)
{
    return split_lines(text);
}

} // namespace

TEST_CASE("OCR'd date-time groups are read with their zone letter misread")
{
    struct Case {
        std::string_view word;
        int day, hour, minute;
        bool repaired;
    };
    const Case cases[] = {
        { "131946Z", 13, 19, 46, false }, { "0922042", 9, 22, 4, true }, // Z read as 2
        { "221413%", 22, 14, 13, true }, { "092204Z%", 9, 22, 4, true }, // a speck after the zone
        { "O81248Z", 8, 12, 48, true }, // O for 0
    };
    for (const Case& c : cases) {
        CAPTURE(c.word);
        const auto t = ocr_day_time(c.word);
        REQUIRE(t.has_value());
        CHECK(t->day == c.day);
        CHECK(t->hour == c.hour);
        CHECK(t->minute == c.minute);
        CHECK(t->repaired == c.repaired);
    }
    for (const std::string_view word : { "1234567", "ABCDEFZ", "321413Z", "12139Z", "0812482X", "98-1333" }) {
        CAPTURE(word);
        CHECK_FALSE(ocr_day_time(word).has_value());
    }
}

TEST_CASE("NARA record numbers are read through OCR damage to the agency number")
{
    struct Case {
        std::string_view top;
        std::string_view number;
        bool repaired;
    };
    const Case cases[] = {
        { "104-10326-10055|", "104-10326-10055", false },
        { "\xE2\x80\x98ioa-10322-i0086 | 2025 RELEASE", "104-10322-10086", true },
        { "Ifroa-10337-10074 | 2025 RELEASE", "104-10337-10074", true },
        { "Ifro4-10326-10068 [2025 RELEASE", "104-10326-10068", true },
        { "104- T P T F. YY T OF\n04-10326-10074|", "104-10326-10074", true },
        { "\xE2\x80\x98Woa-10326 10044", "104-10326-10044", true },
        { "Tiod-t030-10718 | 2025 RELEASE", "", false }, // too damaged: no number rather than a guess
        { "13-00000", "", false }, // the release's page separator
        { "PUBLIC LAW 102-526 IN OCTOBER 1992", "", false },
    };
    for (const Case& c : cases) {
        CAPTURE(c.top);
        const NaraRecord r = nara_record_number(lines_of(c.top));
        CHECK(r.number == c.number);
        if (!c.number.empty()) {
            CHECK(r.repaired == c.repaired);
        }
    }
}

TEST_CASE("memo dates are read through debris, distribution labels and OCR-split years")
{
    struct Case {
        std::string_view line;
        std::string_view iso;
        bool repaired;
    };
    const Case cases[] = {
        { "30 October 1975 \xE2\x80\x94", "1975-10-30", false },
        { "24 OCT 1975", "1975-10-24", false },
        { "DIST 3 MARCH 1966", "1966-03-03", false },
        { "2 June I 96 Z", "1962-06-02", true },
        { "25 April i960", "1960-04-25", true },
        { "24 November, 1998", "1998-11-24", false },
        { "The meeting of 30 October 1975", "", false },
    };
    for (const Case& c : cases) {
        CAPTURE(c.line);
        bool repaired = false;
        const auto d = memo_date_line(c.line, repaired);
        CHECK((d ? d->iso() : std::string()) == c.iso);
        if (d) {
            CHECK(repaired == c.repaired);
        }
    }
}

TEST_CASE("a subject counts as OCR noise by its stray letters and specks, not by its words")
{
    struct Case {
        std::string_view subject;
        std::size_t noise;
    };
    const Case cases[] = {
        { "Chief, \xC3\xA9L Meeting. with Mr. Paul. Wallach, Chief oe ; Counsel of Senate Select Committee: "
          "on "
          "Intelligence: .",
            4 },
        { "Supplementary Information on James Harl. Ray", 0 },
        { "JFK Records Review - Lessons Learned", 0 },
        { "(l) Organisation of CIA (2) Request from the President's Board of Conaultants", 0 },
        { "Gen\xC3\xA8ve talks on a treaty", 0 },
    };
    for (const Case& c : cases) {
        CAPTURE(c.subject);
        CHECK(noise_words(c.subject) == c.noise);
    }
}

TEST_CASE("CIA index brackets leave the subject, and a bracket OCR misread marks it damaged")
{
    struct Case {
        std::string_view subject;
        std::string_view clean;
        bool damaged;
    };
    const Case cases[] = {
        { "<ASSASSINATIONS>RECORDS REVIEW BOARD", "ASSASSINATIONS RECORDS REVIEW BOARD", false },
        { "NEW STORY ON<LEE HARVEY OSWALDSAND CIA IN JAPAN}",
            "NEW STORY ON LEE HARVEY OSWALDSAND CIA IN JAPAN", true },
        { "FILES ON<LEE HARVEY OSWALD.>", "FILES ON LEE HARVEY OSWALD.", false },
    };
    for (const Case& c : cases) {
        CAPTURE(c.subject);
        bool damaged = false;
        CHECK(without_index_brackets(c.subject, damaged) == c.clean);
        CHECK(damaged == c.damaged);
    }
}

namespace {

struct Page {
    std::string_view file;
    std::string_view id;
    std::string_view date;
    std::string_view precedence;
    std::string_view from;
    std::vector<std::string> to;
    std::vector<std::string> info;
    std::string_view classification;
    std::string_view subject;
    std::vector<std::string> refs; // ids
    std::size_t warnings;
};

// Checked by hand against each page. Where OCR left a field unreadable the parser must give
// nothing (and a warning), so the expected value is empty: 01's record number ("Tiod-t030-10718")
// and subject, 06's subject (OCR put its value above the label, among the slugs).
const std::vector<Page>& training_pages()
{
    static const std::vector<Page> pages = {
        { "training/01_jfk_doc_860.md", "", "1975-10-30", "", "", {}, {}, "", "", {}, 2 },
        { "training/02_jfk_doc_861.md", "NARA 104-10322-10086", "1975-10-24", "", "",
            { "Director of Central Intelligence" }, {}, "", "Supplementary Information on James Harl. Ray",
            {}, 0 },
        { "training/03_jfk_doc_862.md", "DIRECTOR 795035", "1998-05-01T21:39Z", "PRIORITY", "DIRECTOR",
            { "MOSCOW" }, { "MINSK" }, "SECRET",
            "ASSASSINATIONS RECORDS REVIEW BOARD AND DEPT OF STATE REQUEST FOR ASSISTANCE IN APPROACHING "
            "{FSB/SVE) FOR OSWALD FILE",
            {}, 0 },
        { "training/04_jfk_doc_866.md", "COPENHAGEN 94608", "1996-02-08T12:48Z", "IMMEDIATE", "COPENHAGEN",
            { "DIRECTOR" }, {}, "", "RELEASE OF CLASSIFIED DOCUMENT", {}, 0 },
        { "training/05_jfk_doc_867.md", "DIRECTOR 456844", "1995-09-22T14:13Z", "IMMEDIATE", "DIRECTOR",
            { "MEXICO CITY" }, {}, "SECRET", "WASHINGTON POST ARTICLE ON MEXICO CITY TELTAPS", {}, 0 },
        { "training/06_jfk_doc_868.md", "MINSK 14144", "1995-08-16T10:59Z", "PRIORITY", "MINSK",
            { "DIRECTOR" }, {}, "SECRET", "", {}, 1 },
        { "training/07_jfk_doc_870.md", "DIRECTOR 398108", "1995-08-09T22:04Z", "PRIORITY", "DIRECTOR",
            { "MINSK" }, {}, "SECRET", "REQUEST FOR GUIDANCE", { "MINSK 14072" }, 0 },
        { "training/08_jfk_doc_880.md", "NARA 104-10337-10074", "1998-11-24", "", "", {}, {}, "SECRET",
            "JFK Records Review - Lessons Learned", {}, 0 },
    };
    return pages;
}

} // namespace

TEST_CASE("every training page of the NARA 2025 release parses as checked by hand")
{
    for (const Page& p : training_pages()) {
        const std::string file(p.file);
        CAPTURE(file);
        const ParseOutput out = parse(read_file(extra_path(file)), file);
        REQUIRE(out.cables.size() == 1);
        CHECK_FALSE(out.has_errors());
        CHECK(out.diagnostics.size() == p.warnings);
        const Cable& c = out.cables.front();
        CHECK(c.format == SourceFormat::other);
        CHECK(c.ocr);
        CHECK(c.id == p.id);
        CHECK((c.date ? c.date->iso() : std::string()) == p.date);
        CHECK(c.precedence == p.precedence);
        CHECK(c.from == p.from);
        CHECK(join(c.to) == join(p.to));
        CHECK(join(c.info) == join(p.info));
        CHECK(c.classification == p.classification);
        CHECK(c.subject == p.subject);
        CHECK(join(ref_ids(c)) == join(p.refs));
    }
}

TEST_CASE("a CIA cable's confidence says which fields OCR repair or the time of receipt gave")
{
    struct Case {
        std::string_view file;
        Confidence date;
        Confidence subject;
    };
    const Case cases[] = {
        { "training/07_jfk_doc_870.md", Confidence::ocr_repaired, Confidence::ocr }, // "092204Z%"
        { "training/04_jfk_doc_866.md", Confidence::derived, Confidence::ocr }, // only the TOR line dates it
        { "training/03_jfk_doc_862.md", Confidence::ocr, Confidence::ocr_repaired }, // index brackets
    };
    for (const Case& k : cases) {
        CAPTURE(k.file);
        const Cable c = parse_one(read_file(extra_path(k.file)), k.file);
        CHECK(c.confidence.date == k.date);
        CHECK(c.confidence.subject == k.subject);
    }
}

TEST_CASE("the Tripoli cables of the developer corpus parse as SOURCES.tsv and a hand check say")
{
    struct Case {
        std::string_view file;
        std::string_view id;
        std::string_view date;
        std::string_view subject;
        std::string_view refs;
    };
    const Case cases[] = {
        { "exhibit/036_09tripoli938-libya-halts-heu-fuel-transfer.txt", "09TRIPOLI938", "2009-11-25T13:59Z",
            "LIBYA HALTS HIGHLY ENRICHED URANIUM FUEL TRANSFER", "09TRIPOLI870" },
        { "exhibit/037_09tripoli941-libya-seeks-renewed-commitment.txt", "09TRIPOLI941", "2009-11-30T17:19Z",
            "LIBYANS SEEK RENEWED COMMITMENT FROM U.S. IN RETURN FOR PROGRESS ON HEU SHIPMENT",
            "09TRIPOLI938" },
        { "exhibit/038_09tripoli943-libyan-mfa-briefed-heu-security.txt", "09TRIPOLI943", "2009-12-01T17:28Z",
            "LIBYAN MFA BRIEFED ON HEU SECURITY CONCERNS", "09TRIPOLI938 | 09TRIPOLI941" },
        { "exhibit/039_09tripoli950-libyan-heu-shipment-secure.txt", "09TRIPOLI950", "2009-12-07T16:14Z",
            "LIBYAN HEU SHIPMENT SECURE; NO DECISION YET REGARDING NEXT STEPS",
            "09TRIPOLI938 | 09TRIPOLI941" },
        { "exhibit/040_09tripoli1025-final-heu-shipment-departs-libya.txt", "09TRIPOLI1025",
            "2009-12-21T16:26Z", "FINAL HEU SHIPMENT DEPARTS LIBYA",
            "09TRIPOLI938 | 09TRIPOLI966 | 09TRIPOLI941" },
    };
    for (const Case& k : cases) {
        CAPTURE(k.file);
        const ParseOutput out = parse(read_file(extra_path(k.file)), k.file);
        REQUIRE(out.cables.size() == 1);
        CHECK(out.diagnostics.empty());
        const Cable& c = out.cables.front();
        CHECK(c.id == k.id);
        CHECK(c.date->iso() == k.date);
        CHECK(c.from == "AMEMBASSY TRIPOLI");
        CHECK(join(c.to) == "SECSTATE WASHDC");
        CHECK(c.classification == "SECRET");
        CHECK(c.subject == k.subject);
        CHECK(join(ref_ids(c)) == k.refs);
    }
}

} // namespace ck::cable::test
