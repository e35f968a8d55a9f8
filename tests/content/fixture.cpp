// Test fixtures for the content layer.
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace ck::test {

namespace fs = std::filesystem;
using cable::Cable;
using cable::CableDate;

TempDir::TempDir()
{
    static int counter = 0;
    m_path = fs::temp_directory_path()
        / ("ck_content_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(m_path);
    fs::create_directories(m_path);
}

TempDir::~TempDir()
{
    std::error_code ec;
    fs::remove_all(m_path, ec);
}

namespace {

Cable make(std::string id, CableDate date, std::string from, std::vector<std::string> to, std::string origin,
    std::string classification, std::vector<std::string> tags, std::string subject, std::string body)
{
    Cable c;
    c.id = std::move(id);
    c.date = date;
    c.from = std::move(from);
    c.to = std::move(to);
    c.origin = std::move(origin);
    c.classification = std::move(classification);
    c.tags = std::move(tags);
    c.subject = std::move(subject);
    c.display_text = std::move(body);
    c.source_file = "cables/" + (c.id.empty() ? std::string("001_cafc2fa6b2b6242c") : c.id) + ".txt";
    return c;
}

} // namespace

std::vector<Cable> sample_cables()
{
    std::vector<Cable> out;
    Cable a = make("1977STATE158046", { 1977, 7, 7, 21, 38 }, "SECSTATE WASHDC", { "AMEMBASSY TOKYO" },
        "Secretary of State", "CONFIDENTIAL", { "ESTC", "COCOM", "JA" }, "DIVERSION OF STRATEGIC GOODS",
        "1. DEPARTMENT OFFICERS MET AT THEIR REQUEST WITH ECONOMIC COUNSELOR KOICHIRO MATSUURA TO DISCUSS\n"
        "POSSIBLE DIVERSIONS OF STRATEGIC GOODS BY JAPANESE FIRMS TO COMMUNIST COUNTRIES.\n\n"
        "2. JAPANESE EMBASSY REPS ASKED ABOUT COCOM PROCEDURES. VANCE");
    a.precedence = "PRIORITY";
    a.eo_line = "E.O. 11652: GDS";
    a.declassification = "GDS";
    a.refs = { cable::Reference { "", "STATE 156889", "1977STATE156889", {}, cable::ReferenceKind::cable } };
    a.paragraphs = { { "1", "", 1 }, { "2", "", 4 } };
    a.signature = "VANCE";
    a.attributes = { { "Concepts", "STRATEGIC TRADE CONTROLS, EXPORT CONTROLS" }, { "Copy", "SINGLE" } };
    a.format = cable::SourceFormat::core;
    out.push_back(a);

    Cable b = make("08TOKYO1723", { 2008, 6, 24, 0, 53 }, "AMEMBASSY TOKYO",
        { "SECSTATE WASHDC", "AMEMBASSY SEOUL" }, "Embassy Tokyo", "CONFIDENTIAL",
        { "PREL", "KNNP", "JA", "KN" }, "GOJ PROPOSAL FOR TRILATERAL COOPERATION IN OUTREACH ACTIVITIES",
        "1. (C) The Government of Japan proposes trilateral outreach on export controls with Korea.\n"
        "2. (C) Genève talks on nonproliferation were mentioned. SCHIEFFER");
    b.caveats = { "NOFORN" };
    b.info = { "AMEMBASSY BEIJING" };
    b.excluded = { "AMEMBASSY PYONGYANG" };
    b.refs = { cable::Reference { "A", "06 TOKYO 5212", "06TOKYO5212", {}, cable::ReferenceKind::cable },
        cable::Reference { "B", "STATE 1234", "", {}, cable::ReferenceKind::cable } };
    b.format = cable::SourceFormat::plusd;
    out.push_back(b);

    Cable c = make("06TOKYO5212", { 2006, 9, 11, 9, 35 }, "AMEMBASSY TOKYO", { "SECSTATE WASHDC" },
        "Embassy Tokyo", "SECRET", { "ETTC", "KNNP", "JA" }, "RESPONSE TO JAPAN'S E.O. 13382 QUESTIONS",
        "1. (S) Japan asked how E.O. 13382 applies to Iranian banks and to North Korea's procurement.\n"
        "2. (S) Embassy officers explained the designation process.");
    c.format = cable::SourceFormat::bare;
    c.ocr = false;
    out.push_back(c);

    Cable d
        = make("", { 1983, 12, 1, -1, -1 }, "", {}, "", "", {}, "Controlling Technology Leakage to the USSR",
            "Approved For Release. Controlling technology leakage to the USSR requires cooperation of the "
            "allies.");
    d.format = cable::SourceFormat::other;
    d.ocr = true;
    d.partial_extract = true;
    out.push_back(d);

    Cable e = make("1976TOKYO12732", { 1976, 8, 24, 7, 27 }, "AMEMBASSY TOKYO", { "SECSTATE WASHDC" },
        "Embassy Tokyo", "CONFIDENTIAL", { "PFOR", "JA", "UR" },
        "JAPAN-USSR RELATIONS: FOLLOW UP ON DOKO MEETING WITH BREZHNEV",
        "1. Doko met Brezhnev in Moscow; trade with the USSR and Siberian development were discussed.");
    e.format = cable::SourceFormat::core;
    e.ocr = true;
    out.push_back(e);

    Cable f = make("09MOSCOW405", { 2009, 2, 18, 15, 18 }, "AMEMBASSY MOSCOW", { "SECSTATE WASHDC" },
        "Embassy Moscow", "SECRET", { "PREL", "PGOV", "ETTC", "MCAP", "IR", "RS" },
        "RUSSIA DELAYS DELIVERY OF S-300S TO IRAN?",
        "1. (S) In response to media reports about the S-300 air defense missile system, Ambassador "
        "expressed\n"
        "strong concern to DFM Ryabkov. Moscow had \"gotten the message.\" Iran's request is pending.");
    f.format = cable::SourceFormat::cablegate;
    f.refs = { cable::Reference { "A", "08 TOKYO 1723", "08TOKYO1723", {}, cable::ReferenceKind::cable } };
    out.push_back(f);

    Cable g
        = make("85TOKYO364", { 1985, 1, 8, 9, 0 }, "AMEMBASSY TOKYO", { "SECSTATE WASHDC", "USDOC WASHDC" },
            "Embassy Tokyo", "CONFIDENTIAL", { "EFIS", "JA", "IWC-2" }, "GOJ WHALING",
            "1. (C) SUMMARY. POST DELIVERS WHALE TALKING POINTS IN REFTEL TO GOJ OFFICIALS IN MOFA. END "
            "SUMMARY.");
    g.format = cable::SourceFormat::csv;
    g.source_line = 18;
    g.refs = { cable::Reference {
        "", "STATE 5140", "85STATE5140", { "1985STATE005140" }, cable::ReferenceKind::cable } };
    out.push_back(g);
    return out;
}

content::Manifest sample_manifest()
{
    content::Manifest m;
    m.file = "collection.toml";
    m.title = { { "en", "Sent in Confidence" }, { "ja", "機密電報は語る" } };
    m.introduction = { { "en", "For half a century..." } };
    m.about = { { "en", "The documents are public records." } };
    content::ManifestSection s;
    s.id = "export-controls";
    s.title = { { "en", "Keeping technology at home" }, { "ja", "技術を守る" } };
    s.caption = { { "en", "Japan and its allies." } };
    s.cables = { "1977STATE158046", "001_cafc2fa6b2b6242c" };
    s.cable_lines = { 20, 21 };
    s.line = 17;
    m.sections.push_back(s);
    m.featured.push_back(
        content::ManifestFeatured { "08TOKYO1723", { { "en", "A trilateral proposal" } }, 30 });
    m.glossary.push_back(content::ManifestGlossaryEntry { "PREL", content::GlossaryKind::tag,
        { { "en", "Political relations" } }, { "Political relations" }, 40 });
    // A tour, so that no table of a curated pack is empty (the damage tests overwrite every page).
    content::ManifestTour tour;
    tour.id = "strategic-goods";
    tour.title = { { "en", "Strategic goods" } };
    tour.introduction = { { "en", "Two cables." } };
    tour.stops.push_back({ "1977STATE158046", { { "en", "The request." } }, "2", 50, 52 });
    tour.stops.push_back({ "08TOKYO1723", { { "en", "The proposal." } }, "", 54, 0 });
    tour.line = 49;
    m.tours.push_back(tour);
    m.cables.push_back(content::ManifestCable {
        "08TOKYO1723", "https://wikileaks.org/plusd/cables/08TOKYO1723_a.html", 45 });
    m.ui["en"] = { { "nav.back", "Back" }, { "nav.home", "Home" } };
    m.ui["ja"] = { { "nav.back", "戻る" } };
    return m;
}

content::BuildSummary build_pack(const fs::path& out, const std::vector<Cable>& cables,
    std::optional<content::Manifest> manifest, std::int64_t sequence)
{
    content::BuildOptions options;
    options.manifest = std::move(manifest);
    options.sequence = sequence;
    options.builder_version = "cablepack test";
    auto writer = content::PackWriter::create(out, std::move(options));
    REQUIRE_MESSAGE(writer.ok(), (writer.ok() ? "" : writer.error().to_string()));
    for (const auto& c : cables) {
        auto st = writer->add(c);
        REQUIRE_MESSAGE(st.ok(), (st.ok() ? "" : st.error().to_string()));
    }
    auto summary = writer->commit();
    REQUIRE_MESSAGE(summary.ok(), (summary.ok() ? "" : summary.error().to_string()));
    return *summary;
}

content::Pack open_pack(const fs::path& path)
{
    auto pack = content::Pack::open(path);
    REQUIRE_MESSAGE(pack.ok(), (pack.ok() ? "" : pack.error().to_string()));
    return std::move(*pack);
}

std::string read_bytes(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_bytes(const fs::path& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

std::vector<std::string> result_ids(const content::SearchResults& results)
{
    std::vector<std::string> out;
    for (const auto& h : results.hits) {
        out.push_back(h.cable.id);
    }
    return out;
}

std::vector<Cable> synthetic_cables(int count)
{
    static const char* const classes[] = { "UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "LIMITED OFFICIAL USE" };
    static const char* const posts[]
        = { "Embassy Tokyo", "Embassy Seoul", "Secretary of State", "Embassy Moscow" };
    static const char* const words[]
        = { "trade", "missile", "whaling", "export", "nuclear", "talks", "embassy" };
    std::vector<Cable> out;
    std::mt19937 rng(42);
    for (int i = 0; i < count; ++i) {
        Cable c;
        c.id = "99SYNTH" + std::to_string(i + 1);
        c.date = CableDate { 1970 + (i * 40) / count, 1 + i % 12, 1 + i % 28, -1, -1 };
        c.classification = classes[i % 4];
        c.origin = posts[(i / 3) % 4];
        c.from = "AMEMBASSY X";
        c.tags = { i % 2 == 0 ? "PREL" : "ETRD", "T" + std::to_string(i % 7) };
        c.subject = std::string(words[i % 7]) + (i % 10 == 0 ? " rare common subject" : " subject");
        c.display_text
            = "common text about " + std::string(words[rng() % 7]) + " and " + words[rng() % 7] + ".";
        c.source_file = "synthetic/" + c.id + ".txt";
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace ck::test

namespace ck::test {

CommandRun run_command(const std::string& command, const TempDir& dir)
{
    const std::string err_file = (dir / "stderr.txt").string();
    CommandRun r;
    FILE* pipe = ::popen((command + " 2>'" + err_file + "'").c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buf {};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) {
        r.out.append(buf.data(), n);
    }
    const int status = ::pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = read_bytes(err_file);
    return r;
}

std::vector<cable::Cable> zipf_cables(int count)
{
    static const char* const onsets[] = { "b", "d", "k", "m", "n", "r", "s", "t", "v", "z" };
    static const char* const vowels[] = { "a", "e", "i", "o", "u" };
    std::vector<std::string> vocabulary;
    for (const char* a : onsets) {
        for (const char* b : vowels) {
            for (const char* c : onsets) {
                vocabulary.push_back(std::string(a) + b + c + "o");
            }
        }
    }
    std::vector<double> weights;
    for (std::size_t i = 0; i < vocabulary.size(); ++i) {
        weights.push_back(1.0 / std::pow(static_cast<double>(i + 1), 0.9));
    }
    std::mt19937 rng(7);
    std::discrete_distribution<std::size_t> pick(weights.begin(), weights.end());
    auto words = [&](int n) {
        std::string out;
        for (int i = 0; i < n; ++i) {
            out += (out.empty() ? "" : " ") + vocabulary[pick(rng)];
        }
        return out;
    };
    static const char* const classes[] = { "UNCLASSIFIED", "CONFIDENTIAL", "SECRET" };
    std::vector<cable::Cable> out;
    for (int i = 0; i < count; ++i) {
        cable::Cable c;
        c.id = "99ZIPF" + std::to_string(i + 1);
        c.date = cable::CableDate { 1970 + (i * 30) / count, 1 + i % 12, 1 + i % 28, -1, -1 };
        c.classification = classes[i % 3];
        c.origin = i % 2 == 0 ? "Embassy Tokyo" : "Embassy Seoul";
        c.from = "AMEMBASSY X";
        c.tags = { i % 2 == 0 ? "PREL" : "ETRD" };
        c.subject = words(2 + static_cast<int>(rng() % 6));
        c.display_text = words(20 + static_cast<int>(rng() % 180)) + ".";
        c.source_file = "zipf/" + c.id + ".txt";
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<cable::Cable> zipf_cables_with_longer_forms(int count)
{
    auto cables = zipf_cables(count);
    std::size_t n = 0;
    const auto lengthen = [&n](std::string& text) {
        std::string out;
        std::size_t start = 0;
        while (start <= text.size()) {
            const std::size_t end = std::min(text.find(' ', start), text.size());
            std::string word = text.substr(start, end - start);
            const bool stop = !word.empty() && word.back() == '.';
            if (stop) {
                word.pop_back();
            }
            ++n;
            word += n % 3 == 1 ? "r" : n % 5 == 2 ? "sa" : "";
            out += (out.empty() ? "" : " ") + word + (stop ? "." : "");
            start = end + 1;
        }
        text = out;
    };
    for (auto& c : cables) {
        lengthen(c.subject);
        lengthen(c.display_text);
    }
    return cables;
}

} // namespace ck::test
