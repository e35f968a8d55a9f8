// Every seed and exhibit document parses: id, date, format and classification as its folder's
// SOURCES.tsv states them, and subject, from, to, tags and REF ids as checked by hand against each
// file. Plus invariants every parsed cable must satisfy.
#include "cable/parse.hpp"
#include "cable/signature.hpp"
#include "core/utf8.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

namespace ck::cable::test {
namespace {

struct SourcesRow {
    std::string format;
    std::string id;
    std::string date;
    std::string classification;
};

std::vector<std::string> split_tabs(const std::string& line)
{
    std::vector<std::string> cols;
    std::size_t start = 0;
    while (start <= line.size()) {
        std::size_t tab = line.find('\t', start);
        if (tab == std::string::npos) {
            tab = line.size();
        }
        cols.push_back(line.substr(start, tab - start));
        start = tab + 1;
    }
    return cols;
}

// SOURCES.tsv, columns found by their header names (file, format, doc_id, date, classification).
std::map<std::string, SourcesRow> read_sources(const std::string& folder)
{
    std::map<std::string, SourcesRow> rows;
    std::istringstream in(read_file(corpus_path(folder + "/SOURCES.tsv")));
    std::string line;
    std::getline(in, line);
    const std::vector<std::string> header = split_tabs(line);
    const auto column = [&](std::string_view name) {
        const auto it = std::find(header.begin(), header.end(), name);
        REQUIRE(it != header.end());
        return static_cast<std::size_t>(it - header.begin());
    };
    const std::size_t file = column("file");
    const std::size_t format = column("format");
    const std::size_t id = column("doc_id");
    const std::size_t date = column("date");
    const std::size_t classification = column("classification");
    while (std::getline(in, line)) {
        const std::vector<std::string> cols = split_tabs(line);
        REQUIRE(cols.size() == header.size());
        rows[folder + "/" + cols[file]]
            = SourcesRow { cols[format], cols[id], cols[date], cols[classification] };
    }
    return rows;
}

struct Expected {
    std::string_view file;
    std::string_view subject;
    std::string_view from;
    std::vector<std::string> to;
    std::vector<std::string> tags;
    std::vector<std::string> refs; // ids; "" for an entry that names no cable
};

// Checked by hand against each file.
const std::vector<Expected>& expected_fields()
{
    static const std::vector<Expected> table = {
        { "seeds/000_ee31729eca87852f.txt", "DIVERSION OF STRATEGIC GOODS", "SECSTATE WASHDC",
            { "AMEMBASSY TOKYO" }, { "ESTC", "COCOM", "JA" }, { "1977STATE156889" } },
        { "seeds/001_cafc2fa6b2b6242c.txt", "Controlling Technology Leakage to the USSRH", "", {}, {}, {} },
        { "seeds/002_4053508a3772dec2.txt", "GOJ PROPOSAL FOR TRILATERAL COOPERATION IN OUTREACH ACTIVITIES",
            "AMEMBASSY TOKYO", { "SECSTATE WASHDC" }, { "KOMC", "ETTC", "JA" }, { "07TOKYO4930" } },
        { "seeds/003_7033bef4857a1052.txt", "RESPONSE TO JAPAN'S E.O. 13382 QUESTIONS", "AMEMBASSY TOKYO",
            { "SECSTATE WASHDC" }, { "PARM", "KNNP", "PREL", "PGOV", "KN", "CH", "JA" },
            { "06TOKYO5211", "06STATE149071" } },
        { "seeds/004_a3b791d980bf280d.txt", "JAPAN-USSR RELATIONS: FOLLOW UP ON DOKO MEETING WITH BREZHNEV",
            "AMEMBASSY TOKYO", { "SECSTATE WASHDC" }, { "PFOR", "US", "JA" }, { "1976TOKYO12490" } },
        { "exhibit/001_09state96222-french-firm-infrared-detectors.txt",
            "(S) FRENCH FIRM SELLING INFRARED DETECTORS TO CHINA", "SECSTATE WASHDC", { "AMEMBASSY PARIS" },
            { "ETTC", "MARR", "MCAP", "MOPS", "PARM", "PINR", "PREL", "PTER", "MASS", "FR", "CH", "IR" },
            {} },
        { "exhibit/002_09state14070-russia-igla-s-transfer.txt",
            "RUSSIA'S ANTICIPATED TRANSFER OF IGLA-S (SA-24) MANPADS TO VENEZUELA", "SECSTATE WASHDC",
            { "AMEMBASSY MOSCOW", "AMEMBASSY CARACAS" },
            { "ETTC", "MARR", "MCAP", "MOPS", "PARM", "PINR", "PREL", "PTER" },
            { "05STATE165022", "05MOSCOW11807", "05STATE117165", "05MOSCOW8915", "04STATE257697",
                "04MOSCOW15123", "04STATE188657", "04MOSCOW14726", "" } },
        { "exhibit/003_09moscow405-s300-delivery-to-iran.txt", "RUSSIA DELAYS DELIVERY OF S-300S TO IRAN?",
            "AMEMBASSY MOSCOW", { "SECSTATE WASHDC" },
            { "PREL", "PGOV", "ETTC", "MCAP", "MARR", "MOPS", "PARM", "PINR", "PTER", "IR", "RS" },
            { "", "09MOSCOW357" } },
        { "exhibit/004_09baku179-iranian-procurement-uk-company.txt",
            "IRANIAN SOURCE NAMES \"U.K.-REGISTERED\" COMPANY AS IRAN SANCTIONS-BUSTER POSSIBLY SUPPORTING "
            "BUSHEIR "
            "PROJECT",
            "AMEMBASSY BAKU", { "SECSTATE WASHDC" }, { "ETTC", "ETRD", "ENRG", "UE", "UK", "TU", "AJ", "IR" },
            {} },
        { "exhibit/005_09kualalumpur752-bank-mellat-demarche.txt",
            "BANK MELLAT/FEEB DEMARCH DELIVERED TO BANK NEGARA", "AMEMBASSY KUALA LUMPUR",
            { "SECSTATE WASHDC" }, { "EFIN", "ETTC", "KNNP", "IR", "PINR", "PTER", "MY" },
            { "09STATE90063", "09KUALALUMPUR739" } },
        { "exhibit/006_09beijing1761-prc-dprk-unscr1874.txt",
            "PRC/DPRK: CHINESE SCHOLARS ON UNSCR 1874 AND POSSIBLE NEXT STEPS FOR CHINA AND WASHINGTON",
            "AMEMBASSY BEIJING", { "SECSTATE WASHDC" },
            { "PREL", "PGOV", "PARM", "KNNP", "MOPS", "EFIN", "KN", "KS", "CH" }, {} },
        { "exhibit/007_09beijing1634-mfa-on-dprk.txt", "CDA AND MFA ASIAN AFFAIRS ON DPRK",
            "AMEMBASSY BEIJING", { "SECSTATE WASHDC" }, { "PREL", "MARR", "PGOV", "CH", "KN", "KS" }, {} },
        { "exhibit/008_08shanghai422-six-party-talks.txt",
            "SHANGHAI SCHOLARS EXPRESS CONCERN OVER DELAY IN SIX-PARTY TALKS", "AMCONSUL SHANGHAI",
            { "SECSTATE WASHDC" }, { "CH", "KN", "PGOV", "PHUM", "PREL" }, {} },
        { "exhibit/009_07moscow104-north-korean-asylum-seekers.txt",
            "NORTH KOREAN ASYLUM SEEKERS APPROACH UNHCR", "AMEMBASSY MOSCOW", { "SECSTATE WASHDC" },
            { "PREF", "PHUM", "PREL", "RS", "KN" }, { "", "07STATE203879" } },
        { "exhibit/010_09seoul1400-inter-korean-red-cross.txt",
            "INTER-KOREAN RED CROSS TALKS ON FAMILY REUNIFICATION", "AMEMBASSY SEOUL", { "SECSTATE WASHDC" },
            { "PGOV", "PREL", "PINR", "SOCI", "ECON", "KN", "KS" }, {} },
        { "exhibit/011_09seoul672-dprk-succession-rhetoric.txt",
            "MND: DPRK MILITARY RHETORIC AND NATIONAL DEFENSE COMMISSION CHANGES ARE ABOUT SUCCESSION",
            "AMEMBASSY SEOUL", { "SECSTATE WASHDC" }, { "PGOV", "KN", "KS" }, {} },
        { "exhibit/012_10seoul272-sino-north-korean-relations.txt",
            "VFM CHUN YOUNG-WOO ON SINO-NORTH KOREAN RELATIONS", "AMEMBASSY SEOUL", { "SECSTATE WASHDC" },
            { "PREL", "PGOV", "KNNP", "ECON", "SOCI", "KS", "KN", "JA", "CH" }, {} },
        { "exhibit/013_06seoul2238-rok-reactions-dprk-missiles.txt",
            "ROK REACTIONS TO DPRK MISSILE LAUNCHES-DAY TWO", "AMEMBASSY SEOUL", { "SECSTATE WASHDC" },
            { "PREL", "MNUC", "KNNP", "KN", "KS" }, { "06SEOUL2211" } },
        { "exhibit/014_09beijing1247-g5-on-dprk-sino-japan.txt",
            "BEIJING-BASED G-5 CHIEFS OF MISSION ON DPRK, GTMO UIGHURS, SINO-JAPAN RELATIONS, DALAI LAMA",
            "AMEMBASSY BEIJING", { "SECSTATE WASHDC" },
            { "PREL", "PGOV", "PHUM", "KIRF", "ECON", "CH", "FR", "JA", "GM", "UK" }, {} },
        { "exhibit/015_05vienna3833-austria-questionable-transactions.txt",
            "DEMARCHE TO AUSTRIA ON QUESTIONABLE TRANSACTIONS BY TWO AUSTRIAN BANKS", "AMEMBASSY VIENNA", {},
            { "PARM", "PREL", "MNUC", "KCRM", "KTFN", "KNNP", "EU", "AU" }, { "05STATE220738" } },
        { "exhibit/016_10state16932-iran-sbig-carbon-fiber.txt",
            "(S) EFFORTS BY IRAN,S SBIG TO PROCURE CARBON FIBER FROM A COMPANY IN CHINA", "SECSTATE WASHDC",
            { "AMEMBASSY BEIJING" }, { "MTCRE", "PARM", "PREL", "MNUC", "ETTC", "KSCA", "IR", "CH", "KS" },
            {} },
        { "exhibit/017_10state9939-china-missile-related-transfers.txt",
            "(S) ALERTING CHINA TO POSSIBLE MISSILE-RELATED EXPORT TO IRAN", "SECSTATE WASHDC",
            { "AMEMBASSY BEIJING" }, { "MTCRE", "PARM", "PREL", "MNUC", "ETTC", "KSCA", "IR", "CH" }, {} },
        { "exhibit/018_10state8675-exbs-commodity-id-training.txt",
            "EXBS: DOE/INECP REPORTING CABLE FOR COMMODITY IDENTIFICATION TRAINING, DUBAI, 10-13 JAN 2010",
            "SECSTATE WASHDC", { "AMEMBASSY ABU DHABI", "AMEMBASSY MUSCAT", "AMCONSUL DUBAI" },
            { "ENRG", "ETTC", "KNNP", "PARM", "OTR", "TC" }, {} },
        { "exhibit/019_85tokyo364-goj-whaling.txt", "GOJ WHALING", "AMEMBASSY TOKYO",
            { "SECSTATE WASHDC", "USDOC WASHDC" }, { "EFIS", "JA", "IWC-2" }, { "85STATE5140" } },
        { "exhibit/020_90tokyo3841-nakayama-foreign-policy-speech.txt",
            "FOREIGN MINISTER NAKAYAMA'S MARCH 2 FOREIGN POLICY SPEECH TO THE DIET", "AMEMBASSY TOKYO",
            { "SECSTATE WASHDC" }, { "PREL", "JA" }, {} },
        { "exhibit/021_92tokyo4774-iran-adb-ibrd.txt", "IRAN, THE ADB, AND THE IBRD", "AMEMBASSY TOKYO",
            { "SECSTATE WASHDC", "TREASURY DEPT WASHDC" }, { "EFIN", "JA" },
            { "92STATE69132", "92TOKYO3330", "92STATE97814" } },
        { "exhibit/022_95tokyo3257-brunei-fm-bolkiah-visit.txt",
            "BRUNEI FOREIGN MINISTER MOHAMED BOLKIAH'S MARCH 7 - 9 VISIT TO JAPAN", "AMEMBASSY TOKYO",
            { "SECSTATE WASHDC" }, { "PREL", "ASEAN", "APEC", "NPT", "UNSC", "BX", "JA" }, {} },
        { "exhibit/023_93seoul2885-dprk-ends-semi-war-state.txt", "DPRK ANNOUNCES END OF \"SEMI-WAR\" STATE",
            "AMEMBASSY SEOUL", { "SECSTATE WASHDC" }, { "PREL", "KNNP", "PARM", "KS", "KN" }, { "", "" } },
        { "exhibit/024_94seoul8139-dprk-leadership-chosen-soren.txt",
            "DPRK LEADERSHIP - CHOSEN SOREN REPORTS", "AMEMBASSY SEOUL", { "SECSTATE WASHDC" },
            { "PREL", "PGOV", "KS", "KN", "JA" }, {} },
        { "exhibit/025_95state260249-inr-north-korea.txt",
            "// INR ASSESSMENT // - NORTH KOREA - DANGER IN THE WIND", "SECSTATE WASHDC",
            { "ALL EAST ASIAN AND PACIFIC DIPLOMATIC POSTS", "AIT TAIPEI", "AMEMBASSY LONDON",
                "AMEMBASSY ROME", "AMCONSUL SHANGHAI", "AMCONSUL GUANGZHOU", "AMEMBASSY MOSCOW",
                "USCINCPAC HONOLULU" },
            { "PINR", "PGOV", "PREL" }, {} },
        { "exhibit/026_02state53501-cw-demarche-iranian-order.txt",
            "CW PROLIFERATION DEMARCHE: IRANIAN ORDER FOR LARGE QUANTITY OF CHEMICAL EQUIPMENT FROM CHINA "
            "(S)",
            "SECSTATE WASHDC", { "AMEMBASSY BEIJING" }, { "PARM", "PREL", "CH", "IR" }, {} },
        { "exhibit/027_03state115323-iranian-glass-lined-equipment.txt",
            "S37-03: IRANIAN PROCUREMENT OF GLASS-LINED CHEMICAL PROCESSING EQUIPMENT FROM CHINESE FIRMS (S)",
            "SECSTATE WASHDC", { "AMEMBASSY BEIJING" }, { "PARM", "PREL", "ETTC", "CBW", "CH", "IR" }, {} },
        { "exhibit/028_05vienna37-sniper-rifles-to-iran.txt",
            "AUSTRIAN EXPORT OF SNIPER RIFLES TO IRAN -- AMBASSADOR HIGHLIGHTS RETRANSFER CONCERNS",
            "AMEMBASSY VIENNA", {}, { "ETTC", "PARM", "PREL", "PINR", "IR", "AU" },
            { "", "04STATE272249", "04VIENNA4393", "04STATE263141", "04VIENNA4354" } },
        { "exhibit/029_09unvievienna281-iaea-iraq-clean-slate.txt",
            "IAEA/JUNE BOARD: IRAQ SEEKS A CLEAN SLATE FROM THE IAEA AT THE SEPTEMBER 2009 BOARD",
            "USMISSION UNVIE VIENNA", { "SECSTATE WASHDC" }, { "AORC", "IAEA", "IZ", "KNNP" },
            { "09STATE61807" } },
        { "exhibit/030_1973state097844-info-to-senator-tydings.txt", "INFORMATION TO FORMER SENATOR TYDINGS",
            "SECSTATE WASHDC", { "AMEMBASSY LUXEMBOURG" }, { "SPOP", "IT" }, {} },
        { "exhibit/031_1974athens02959-arrests-kaloudis-ambatielos.txt", "ARRESTS OF KALOUDIS AND AMBATIELOS",
            "AMEMBASSY ATHENS", { "SECSTATE WASHDC" }, { "PINS", "GR" }, { "1974STATE097844" } },
        { "exhibit/032_crest-organization-of-cia-memo-1960.txt",
            "(l) Organisation of CIA (2) Request from the President's Board of Conaultants", "", {}, {}, {} },
        { "exhibit/033_crest-congressional-mail-auchincloss-1961.txt",
            "(1) Handling of Letter dated February 17 from Congressman Auchincloss (2) Handling of "
            "Congressional Mail",
            "", { "Director of Central Intelligence" }, {}, {} },
        { "exhibit/034_jfk-director-941533-oswald-japan-story.txt",
            "NEW STORY ON LEE HARVEY OSWALDSAND CIA IN JAPAN", "DIRECTOR", { "TOKYO" }, {},
            { "TOKYO 30260" } },
        { "exhibit/035_jfk-zrgrace-tokyo-aspect-1960.txt",
            "ZRGRACE - Tokyo Aspect; George PERIS aka George PERISTEROPOULOS aka George PARIS, Identifiad "
            "Contact of "
            "Valentin HAHN aka Valentine Vasiliyevich KHAN aka Won-shin HAN, Self Confeesed Soviet Agent",
            "", { "Chief, FI/Division D" }, {}, {} },
        { "exhibit/036_09tripoli938-libya-halts-heu-fuel-transfer.txt",
            "LIBYA HALTS HIGHLY ENRICHED URANIUM FUEL TRANSFER", "AMEMBASSY TRIPOLI", { "SECSTATE WASHDC" },
            { "PREL", "PINS", "MNUC", "PARM", "PINR", "RS", "KGIC", "KNNP", "KRAD", "ENRG", "LY" },
            { "09TRIPOLI870" } },
        // TAGS without a colon, comma-separated, with the last tag on the next line.
        { "exhibit/037_09tripoli941-libya-seeks-renewed-commitment.txt",
            "LIBYANS SEEK RENEWED COMMITMENT FROM U.S. IN RETURN FOR PROGRESS ON HEU SHIPMENT",
            "AMEMBASSY TRIPOLI", { "SECSTATE WASHDC" },
            { "PREL", "PGOV", "MNUC", "PARM", "PINR", "RS", "KGIC", "KNNP", "KRAD", "ENRG", "LY" },
            { "09TRIPOLI938" } },
        { "exhibit/038_09tripoli943-libyan-mfa-briefed-heu-security.txt",
            "LIBYAN MFA BRIEFED ON HEU SECURITY CONCERNS", "AMEMBASSY TRIPOLI", { "SECSTATE WASHDC" },
            { "PREL", "PGOV", "MNUC", "PARM", "PINR", "RS", "KGIC", "KNNP", "KRAD", "ENRG", "LY" },
            { "09TRIPOLI938", "09TRIPOLI941" } },
        { "exhibit/039_09tripoli950-libyan-heu-shipment-secure.txt",
            "LIBYAN HEU SHIPMENT SECURE; NO DECISION YET REGARDING NEXT STEPS", "AMEMBASSY TRIPOLI",
            { "SECSTATE WASHDC" },
            { "PREL", "MNUC", "PARM", "PINR", "RS", "KGIC", "KNNP", "KRAD", "ENRG", "LY" },
            { "09TRIPOLI938", "09TRIPOLI941" } },
        // A) B) C) with the first two separated by spaces only; B) is not in the collection.
        { "exhibit/040_09tripoli1025-final-heu-shipment-departs-libya.txt",
            "FINAL HEU SHIPMENT DEPARTS LIBYA", "AMEMBASSY TRIPOLI", { "SECSTATE WASHDC" },
            { "PREL", "PINS", "MNUC", "PARM", "PINR", "RS", "KGIC", "KNNP", "KRAD", "ENRG", "LY" },
            { "09TRIPOLI938", "09TRIPOLI966", "09TRIPOLI941" } },
    };
    return table;
}

void check_against_sources(const Cable& c, const SourcesRow& row)
{
    CHECK(c.id == row.id);
    CHECK(to_string(c.format) == row.format);
    CHECK((c.date ? c.date->iso() : std::string {}) == row.date);
    // "SECRET//NOFORN", "UNCLASSIFIED (SENSITIVE)": the marking, then a caveat.
    std::string marking = row.classification;
    std::string caveat;
    if (const std::size_t slashes = marking.find("//"); slashes != std::string::npos) {
        caveat = marking.substr(slashes + 2);
        marking.resize(slashes);
    } else if (const std::size_t paren = marking.find(" ("); paren != std::string::npos) {
        caveat = marking.substr(paren + 2, marking.size() - paren - 3);
        marking.resize(paren);
    }
    CHECK(c.classification == marking);
    if (!caveat.empty()) {
        INFO("caveats: ", join(c.caveats));
        CHECK(std::find(c.caveats.begin(), c.caveats.end(), caveat) != c.caveats.end());
    }
}

} // namespace

TEST_CASE(
    "every seed and exhibit document parses with the id, date and classification of SOURCES.tsv and the "
    "hand-checked fields")
{
    std::map<std::string, SourcesRow> sources = read_sources("seeds");
    sources.merge(read_sources("exhibit"));
    REQUIRE(sources.size() == expected_fields().size());
    for (const Expected& e : expected_fields()) {
        const std::string file(e.file);
        CAPTURE(file);
        REQUIRE(sources.count(file) == 1);
        const ParseOutput out = parse(read_file(corpus_path(file)), file);
        REQUIRE(out.cables.size() == 1);
        CHECK_FALSE(out.has_errors());
        CHECK(out.diagnostics.empty());
        const Cable& c = out.cables.front();
        check_against_sources(c, sources[file]);
        CHECK(c.subject == e.subject);
        CHECK(c.from == e.from);
        CHECK(join(c.to) == join(e.to));
        CHECK(join(c.tags) == join(e.tags));
        CHECK(join(ref_ids(c)) == join(e.refs));
        CHECK(c.source_file == file);
        CHECK(c.source_line == 1);
    }
}

TEST_CASE("every parsed cable keeps the display-text invariants")
{
    for (const Expected& e : expected_fields()) {
        const std::string file(e.file);
        CAPTURE(file);
        const Cable c = parse_one(read_file(corpus_path(file)), file);
        CHECK(utf8::is_valid(c.display_text));
        CHECK(c.display_text.find('\r') == std::string::npos);
        CHECK(c.display_text.find("\n\n\n") == std::string::npos);
        CHECK_FALSE(c.display_text.empty());
        std::size_t lines = 1;
        for (const char ch : c.display_text) {
            lines += ch == '\n' ? 1 : 0;
        }
        std::size_t last = 0;
        for (const Paragraph& p : c.paragraphs) {
            CHECK(p.line > last); // paragraphs in order, inside the text
            CHECK(p.line <= lines);
            last = p.line;
        }
        // Telegram transport and page furniture never reach the reader.
        CHECK(c.display_text.find("VZCZC") == std::string::npos);
        CHECK(c.display_text.find("\nNNNN") == std::string::npos);
        CHECK(c.display_text.find("PAGE 02") == std::string::npos);
        CHECK(c.display_text.find("](#)") == std::string::npos);
        CHECK(c.display_text.find("```") == std::string::npos);
        for (const Line& l : split_lines(c.display_text)) {
            CHECK_FALSE(is_page_marker(l.text)); // "BEIJING 00001634  002 OF 002"
            CHECK_FALSE(is_page_header(l.text));
        }
    }
}

TEST_CASE("a telegram's display text runs from the DTG to the signature and shows a repeated header once")
{
    struct Case {
        std::string_view file;
        std::string_view first_line;
        std::string_view last_line;
        std::string_view once; // a line that must occur exactly once
    };
    const Case cases[] = {
        { "seeds/000_ee31729eca87852f.txt", "P 072138Z JUL 77", "ARRANGEMENTS, THEY SHOULD",
            "E.O. 11652: GDS" },
        { "seeds/002_4053508a3772dec2.txt", "P 240053Z JUN 08", "SCHIEFFER", "E.O. 12958: DECL: 06/20/2018" },
        { "seeds/003_7033bef4857a1052.txt", "O 110935Z SEP 06", "SCHIEFFER",
            "\xC2\xB6"
            "2. (S) SUMMARY" },
        { "seeds/004_a3b791d980bf280d.txt", "R 240727Z AUG 76", "SHOESMITH", "SUBJ: JAPAN-USSR RELATIONS" },
        { "exhibit/015_05vienna3833-austria-questionable-transactions.txt", "S E C R E T VIENNA 003833",
            "Kilner", "SIPDIS" },
        { "exhibit/029_09unvievienna281-iaea-iraq-clean-slate.txt", "O 171735Z JUN 09", "SCHULTE",
            "\xC2\xB6"
            "1. (SBU) Summary." },
        { "exhibit/030_1973state097844-info-to-senator-tydings.txt", "P R 221828 Z MAY 73", "PORTER",
            "SUBJECT:   INFORMATION TO FORMER SENATOR TYDINGS" },
        { "exhibit/031_1974athens02959-arrests-kaloudis-ambatielos.txt", "R 171600Z MAY 74", "TASCA",
            "ACKNOWLEDGED COMMUNIST PARTY AFFILIATIONS, FACT CONFIRMED" },
    };
    for (const Case& k : cases) {
        CAPTURE(k.file);
        const Cable c = parse_one(read_file(corpus_path(k.file)), k.file);
        const std::string& t = c.display_text;
        CHECK(t.substr(0, k.first_line.size()) == k.first_line);
        const std::size_t last_nl = t.rfind('\n');
        const std::string last = t.substr(last_nl == std::string::npos ? 0 : last_nl + 1);
        CHECK(last.find(k.last_line) != std::string::npos);
        const std::size_t first = t.find(k.once);
        REQUIRE(first != std::string::npos);
        CHECK(t.find(k.once, first + 1) == std::string::npos);
    }
}

} // namespace ck::cable::test
