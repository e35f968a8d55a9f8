// The permalink rules (content/permalink.hpp), one table row per source kind of the exhibit's
// SOURCES.tsv, and the https check the manifest's [[cables]] permalinks go through.
#include "content/permalink.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace ck;
using content::PermalinkRule;

namespace {

struct Case {
    const char* kind;
    content::SourceRow row;
    const char* url; // "" for none
    PermalinkRule rule;
};

const Case cases[] = {
    { "a cablegate mirror names its cablegate page",
        { "001.txt",
            "github:chillicoder/cablegate@68ddbf742f98:public/cable/2009/09/09STATE96222.html (mirror of "
            "https://cablegate.wikileaks.org/cable/2009/09/09STATE96222.html)",
            "cablegate", "09STATE96222", "", 2 },
        "https://cablegate.wikileaks.org/cable/2009/09/09STATE96222.html", PermalinkRule::explicit_url },
    { "a saved PlusD page is that page",
        { "030.txt",
            "github:bhyassine/wikileaks-data-analytics@e0e68396cc92:groups/plusd/data-cleaning/HTMLexamples/"
            "1973STATE097844_b.html (saved https://wikileaks.org/plusd/cables/1973STATE097844_b.html)",
            "core", "1973STATE097844", "", 31 },
        "https://wikileaks.org/plusd/cables/1973STATE097844_b.html", PermalinkRule::explicit_url },
    { "a row of the cablegate CSV gets its PlusD page",
        { "019.txt",
            "github:None-later/Wikileaks_Processing@eeab5d7455a7:wikileaks/code/output/Embassy Tokyo (row 18 "
            "of "
            "the cablegate cables.csv)",
            "csv", "85TOKYO364", "", 20 },
        "https://wikileaks.org/plusd/cables/85TOKYO364_a.html", PermalinkRule::plusd },
    { "a bare cablegate-era cable gets its PlusD page",
        { "029.txt",
            "github:paul-mathieu/cablegate-cia-analysis@89ea4570319c:data-sample/cablegate-converted/"
            "09UNVIEVIENNA281.txt",
            "bare", "09UNVIEVIENNA281", "", 30 },
        "https://wikileaks.org/plusd/cables/09UNVIEVIENNA281_a.html", PermalinkRule::plusd },
    { "a CIA CREST document gets its reading-room page, in lower case",
        { "032.txt",
            "github:paul-mathieu/...RDP80B01676R003100290016-2_djvu.txt (archive.org djvu OCR of CIA CREST "
            "release)",
            "crest", "CIA-RDP80B01676R003100290016-2", "", 33 },
        "https://www.cia.gov/readingroom/document/cia-rdp80b01676r003100290016-2",
        PermalinkRule::cia_reading_room },
    { "a record of NARA's 2025 JFK release gets its release file",
        { "034.txt",
            "github:nrntechnology/JFK-NARA-Pull-and-OCR@0795eeabbf5c:jfk_markdown/jfk_doc_864.md (OCR of "
            "NARA "
            "2025 JFK Records release)",
            "other", "DIRECTOR 941533", "NARA 104-10326-10044", 35 },
        "https://www.archives.gov/files/research/jfk/releases/2025/0318/104-10326-10044.pdf",
        PermalinkRule::nara_jfk_2025 },
    { "a seed document has none, even with a cablegate id",
        { "003.txt", "seed document: bare cablegate-era cable with VZCZC routing and Markdown link artefacts",
            "bare", "06TOKYO5212", "", 5 },
        "", PermalinkRule::none },
    { "a mirror of a page that is not a public cable page falls through to the id rules",
        { "x.txt", "somewhere (mirror of https://example.org/09STATE1.html)", "cablegate", "09STATE1", "",
            2 },
        "https://wikileaks.org/plusd/cables/09STATE1_a.html", PermalinkRule::plusd },
    { "a plain-http mirror is not taken",
        { "x.txt", "somewhere (mirror of http://cablegate.wikileaks.org/cable/2009/09/09STATE96222.html)",
            "other", "09STATE96222", "", 2 },
        "", PermalinkRule::none },
    { "a NARA record outside the 2025 release has none",
        { "x.txt", "OCR of a 2017 release", "other", "NARA 104-10176-10020", "NARA 104-10176-10020", 2 }, "",
        PermalinkRule::none },
    { "an id that only looks like a cable's has none",
        { "x.txt", "github:someone/else:file.txt", "csv", "09STATE", "", 2 }, "", PermalinkRule::none },
    { "a document of another kind has none", { "x.txt", "github:someone/else:memo.txt", "other", "", "", 2 },
        "", PermalinkRule::none },
};

} // namespace

TEST_CASE("each source kind of SOURCES.tsv gives its public page by its rule")
{
    for (const Case& c : cases) {
        INFO(c.kind);
        const content::Permalink link = content::permalink_for(c.row);
        CHECK(link.url == c.url);
        CHECK(link.rule == c.rule);
        if (!link.url.empty()) {
            CHECK(content::check_permalink(link.url).ok());
        }
    }
}

TEST_CASE("a permalink must be an https URL with a host, in printable ASCII")
{
    CHECK(content::check_permalink("https://www.cia.gov/readingroom/document/x").ok());
    const std::pair<const char*, const char*> bad[] = {
        { "http://wikileaks.org/plusd/cables/09STATE1_a.html", "https://" },
        { "https:///path", "no host" },
        { "https://localhost/x", "no host" },
        { "https://example.org/a b", "printable ASCII" },
        { "https://example.org/\"x\"", "printable ASCII" },
        { "javascript:alert(1)", "https://" },
    };
    for (const auto& [url, why] : bad) {
        INFO(url);
        const auto st = content::check_permalink(url);
        REQUIRE_FALSE(st.ok());
        CHECK(st.error().message.find(why) != std::string::npos);
    }
    CHECK_FALSE(content::check_permalink("https://example.org/" + std::string(300, 'a')).ok());
}

TEST_CASE("SOURCES.tsv is read by its header's columns, and a short line is an error naming its line")
{
    test::TempDir dir;
    const auto path = dir / "SOURCES.tsv";
    {
        std::ofstream out(path);
        out << "file\tsource\tformat\tdoc_id\tdate\tclassification\tsubject\tnara_record\n"
            << "a.txt\tsrc a\tcsv\t85TOKYO364\t1985\t\tS\t\n"
            << "\n"
            << "b.txt\tsrc b\tother\tX\t\t\tS\tNARA 104-10326-10044\n";
    }
    auto rows = content::read_sources_tsv(path);
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 2);
    CHECK((*rows)[0].file == "a.txt");
    CHECK((*rows)[0].doc_id == "85TOKYO364");
    CHECK((*rows)[0].format == "csv");
    CHECK((*rows)[1].nara_record == "NARA 104-10326-10044");
    CHECK((*rows)[1].line == 4);
    {
        std::ofstream out(path, std::ios::app);
        out << "c.txt\tonly two\n";
    }
    auto short_line = content::read_sources_tsv(path);
    REQUIRE_FALSE(short_line.ok());
    CHECK(short_line.error().where == path.string() + ":5");
}

TEST_CASE(
    "the bundled exhibit's SOURCES.tsv gives every cablegate, PlusD, CREST and NARA document a page and "
    "the seeds none")
{
    int with = 0;
    int without = 0;
    for (const char* folder : { "exhibit", "seeds" }) {
        auto rows = content::read_sources_tsv(std::filesystem::path(CK_CORPUS_DIR) / folder / "SOURCES.tsv");
        REQUIRE(rows.ok());
        for (const auto& row : *rows) {
            INFO(row.file);
            const auto link = content::permalink_for(row);
            (link.url.empty() ? without : with) += 1;
            if (std::string(folder) == "seeds") {
                CHECK(link.url.empty());
            }
        }
    }
    // All 40 exhibit documents have a page (cablegate and PlusD pages, the CIA reading room, NARA's
    // 2025 release files); the five seeds have none.
    CHECK(with == 40);
    CHECK(without == 5);
}
