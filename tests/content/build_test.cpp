// Building packs: every field round-trips, references resolve both ways, curation is stored, and
// the build is deterministic and atomic.
#include "content/pack.hpp"
#include "content/pack_writer.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace ck;
using ck::test::TempDir;

TEST_CASE("every field of every cable reads back as it was written")
{
    TempDir dir;
    const auto cables = test::sample_cables();
    test::build_pack(dir / "p.ckpack", cables);
    auto pack = test::open_pack(dir / "p.ckpack");
    for (const auto& original : cables) {
        const std::string id = original.id.empty() ? "001_cafc2fa6b2b6242c" : original.id;
        CAPTURE(id);
        auto record = pack.cable(id);
        REQUIRE(record.ok());
        REQUIRE(record->has_value());
        const cable::Cable& c = (*record)->cable;
        CHECK(c.id == id);
        CHECK((*record)->id_from_file == original.id.empty());
        CHECK(c.date == original.date);
        CHECK(c.precedence == original.precedence);
        CHECK(c.from == original.from);
        CHECK(c.to == original.to);
        CHECK(c.info == original.info);
        CHECK(c.excluded == original.excluded);
        CHECK(c.origin == original.origin);
        CHECK(c.classification == original.classification);
        CHECK(c.caveats == original.caveats);
        CHECK(c.eo_line == original.eo_line);
        CHECK(c.declassification == original.declassification);
        CHECK(c.tags == original.tags);
        CHECK(c.subject == original.subject);
        CHECK(c.classified_by == original.classified_by);
        CHECK(c.paragraphs == original.paragraphs);
        CHECK(c.signature == original.signature);
        CHECK(c.attributes == original.attributes);
        CHECK(c.display_text == original.display_text);
        CHECK(c.format == original.format);
        CHECK(c.ocr == original.ocr);
        CHECK(c.partial_extract == original.partial_extract);
        CHECK(c.source_file == original.source_file);
        CHECK(c.source_line == original.source_line);
        REQUIRE((*record)->refs.size() == original.refs.size());
        for (std::size_t i = 0; i < original.refs.size(); ++i) {
            CHECK((*record)->refs[i].ref == original.refs[i]);
        }
    }
    CHECK_FALSE(pack.cable("NO-SUCH-CABLE")->has_value());
}

TEST_CASE("a reference resolves to a cable in the pack under any spelling of its id, and the target lists it "
          "as citing")
{
    TempDir dir;
    test::build_pack(dir / "p.ckpack", test::sample_cables());
    auto pack = test::open_pack(dir / "p.ckpack");
    struct Case {
        const char* cable;
        std::size_t ref;
        const char* target; // "" when the target is not in the pack
    };
    const Case cases[] = {
        { "08TOKYO1723", 0, "06TOKYO5212" }, // same spelling
        { "08TOKYO1723", 1, "" }, // no id at all
        { "09MOSCOW405", 0, "08TOKYO1723" }, { "1977STATE158046", 0, "" }, // STATE 156889 is not in the pack
        { "85TOKYO364", 0, "" }, // neither the id nor the alternative is here
    };
    for (const auto& c : cases) {
        CAPTURE(c.cable);
        auto record = pack.cable(c.cable);
        REQUIRE(record->has_value());
        REQUIRE((*record)->refs.size() > c.ref);
        CHECK((*record)->refs[c.ref].target_id == c.target);
        CHECK((*record)->refs[c.ref].in_pack() == (std::string(c.target) != ""));
    }
    auto cited = pack.cable("06TOKYO5212");
    REQUIRE(cited->has_value());
    REQUIRE((*cited)->cited_by.size() == 1);
    CHECK((*cited)->cited_by[0].id == "08TOKYO1723");
    auto counts = pack.ref_counts();
    REQUIRE(counts.ok());
    CHECK(counts->total == 5);
    CHECK(counts->resolved == 2);
}

TEST_CASE("an id the source page offers is stored as possibly that cable, never as the reference's target")
{
    TempDir dir;
    std::vector<cable::Cable> cables = test::sample_cables();
    // The Athens case: the 1974 reply cites "STATE -097844", by its own year 1974STATE097844 (not
    // here); PlusD also lists 1973STATE097844, a year-old cable on another subject, which is here.
    cable::Cable older = cables[0];
    older.id = "1973STATE097844";
    older.date = cable::CableDate { 1973, 5, 22, 18, 28 };
    older.refs.clear();
    cable::Cable reply = cables[0];
    reply.id = "1974ATHENS02959";
    reply.date = cable::CableDate { 1974, 5, 17, 16, 0 };
    reply.refs = { cable::Reference { "", "STATE -097844", "1974STATE097844", { "1973STATE097844" },
                       cable::ReferenceKind::cable },
        cable::Reference { "B", "FBIS SK2403053393", "", {}, cable::ReferenceKind::fbis } };
    test::build_pack(dir / "p.ckpack", { older, reply });
    auto pack = test::open_pack(dir / "p.ckpack");
    auto record = pack.cable("1974ATHENS02959");
    REQUIRE(record->has_value());
    REQUIRE((*record)->refs.size() == 2);
    const content::ResolvedReference& athens = (*record)->refs[0];
    CHECK_FALSE(athens.in_pack());
    REQUIRE(athens.possibly.size() == 1);
    CHECK(athens.possibly[0].id == "1973STATE097844");
    CHECK(athens.possibly[0].reason == cable::AlternativeReason::different_year);
    CHECK((*record)->refs[1].ref.kind == cable::ReferenceKind::fbis);
    CHECK((*record)->refs[1].possibly.empty());
    // The older cable is not "cited by" the reply: that would be the same wrong link.
    auto cited = pack.cable("1973STATE097844");
    REQUIRE(cited->has_value());
    CHECK((*cited)->cited_by.empty());
    auto counts = pack.ref_counts();
    REQUIRE(counts.ok());
    CHECK(counts->total == 2);
    CHECK(counts->resolved == 0);
    CHECK(counts->possible == 1);
    CHECK(counts->fbis == 1);
}

TEST_CASE("reference keys agree across two- and four-digit years, spaces and leading zeros")
{
    const std::pair<const char*, const char*> cases[] = {
        { "08TOKYO1723", "2008TOKYO1723" },
        { "2008TOKYO01723", "2008TOKYO1723" },
        { "08 TOKYO 1723", "2008TOKYO1723" },
        { "1973STATE097844", "1973STATE97844" },
        { "85TOKYO364", "1985TOKYO364" },
        { "75STATE1", "1975STATE1" },
        { "00ROME0", "2000ROME0" },
        { "CIA-RDP80B01676R003100290016-2", "CIARDP80B01676R0031002900162" },
        { "DIRECTOR 941533", "DIRECTOR941533" },
    };
    for (const auto& c : cases) {
        const std::string_view id = c.first; // CAPTURE needs a variable, not a structured binding (clang 14)
        CAPTURE(id);
        CHECK(content::reference_key(id) == c.second);
    }
}

TEST_CASE("cables are numbered by date, then id, and years count them")
{
    TempDir dir;
    test::build_pack(dir / "p.ckpack", test::sample_cables());
    auto pack = test::open_pack(dir / "p.ckpack");
    auto years = pack.years();
    REQUIRE(years.ok());
    const std::vector<content::YearCount> expected
        = { { 1976, 1 }, { 1977, 1 }, { 1983, 1 }, { 1985, 1 }, { 2006, 1 }, { 2008, 1 }, { 2009, 1 } };
    CHECK(*years == expected);
    auto in_2008 = pack.cables_in_year(2008, 10, 0);
    REQUIRE(in_2008.ok());
    REQUIRE(in_2008->size() == 1);
    CHECK(in_2008->front().id == "08TOKYO1723");
    CHECK(in_2008->front().first_to == "SECSTATE WASHDC");
    CHECK(in_2008->front().origin == "Embassy Tokyo");
    CHECK(in_2008->front().date == "2008-06-24T00:53Z");
    CHECK(pack.info().cables == 7);
}

TEST_CASE("the manifest's curation is stored and read back in order, with English fallback for UI strings")
{
    TempDir dir;
    test::build_pack(dir / "p.ckpack", test::sample_cables(), test::sample_manifest(), 7);
    auto pack = test::open_pack(dir / "p.ckpack");
    CHECK(pack.info().title == "Sent in Confidence");
    CHECK(pack.info().sequence == 7);
    CHECK_FALSE(pack.info().archive);
    const auto& c = pack.collection();
    REQUIRE(c.sections.size() == 1);
    CHECK(c.sections[0].id == "export-controls");
    CHECK(c.sections[0].cables == std::vector<std::string> { "1977STATE158046", "001_cafc2fa6b2b6242c" });
    CHECK(content::pick(c.sections[0].title, "ja") == "技術を守る");
    CHECK(content::pick(c.sections[0].caption, "ja") == "Japan and its allies.");
    REQUIRE(c.featured.size() == 1);
    CHECK(c.featured[0].cable == "08TOKYO1723");
    REQUIRE(c.glossary.size() == 1);
    CHECK(c.glossary[0].kind == content::GlossaryKind::tag);
    CHECK(pack.languages() == std::vector<std::string> { "en", "ja" });
    const std::tuple<const char*, const char*, const char*> ui[] = {
        { "ja", "nav.back", "戻る" },
        { "ja", "nav.home", "Home" }, // missing in Japanese: English
        { "en", "nav.search", "nav.search" }, // missing everywhere: the key
        { "fr", "nav.back", "Back" },
    };
    for (const auto& [lang, key, text] : ui) {
        CHECK(pack.ui_string(lang, key) == text);
    }
}

TEST_CASE("without a manifest a pack is the reading-room archive: every cable, with a generic curation")
{
    TempDir dir;
    test::build_pack(dir / "p.ckpack", test::sample_cables());
    auto pack = test::open_pack(dir / "p.ckpack");
    CHECK(pack.info().archive);
    CHECK(pack.info().cables == 7);
    const auto& c = pack.collection();
    // The title and introduction come from the years the cables span and their count.
    CHECK(c.title.at("en") == "Diplomatic cables, 1976–2009");
    CHECK(c.title.at("ja") == "外交電報 1976–2009");
    CHECK(c.introduction.at("en").find("7 documents from 1976 to 2009") != std::string::npos);
    CHECK(c.introduction.at("ja").find("1976年から2009年までの文書7点") != std::string::npos);
    CHECK(pack.languages() == std::vector<std::string> { "en", "ja" });
    // One card per decade, in order, with its count and years but no list of cables (an archive's
    // decade may hold a hundred thousand; the card opens the year screen at its first year).
    REQUIRE(c.sections.size() == 3);
    CHECK(c.sections[0].id == "decade-1970");
    CHECK(c.sections[0].title.at("en") == "The 1970s");
    CHECK(c.sections[0].title.at("ja") == "1970年代");
    CHECK(c.sections[0].caption.at("en") == "Read the cables year by year, from 1976.");
    CHECK(c.sections[0].caption.at("ja") == "1976年から、年ごとに電報を読めます。");
    CHECK(c.sections[0].cables.empty());
    CHECK(c.sections[0].decade_cables == 2);
    CHECK(c.sections[0].first_year == 1976);
    CHECK(c.sections[0].last_year == 1977);
    CHECK(c.sections[1].id == "decade-1980");
    CHECK(c.sections[1].decade_cables == 2);
    CHECK(c.sections[2].id == "decade-2000");
    CHECK(c.sections[2].decade_cables == 3);
    CHECK(c.sections[2].first_year == 2006);
    CHECK(c.sections[2].last_year == 2009);
    // Featured: the cited cables (06TOKYO5212 by 08TOKYO1723, which 09MOSCOW405 cites), then each
    // other decade's most-cited cable, the earliest on a tie; never an OCR'd one (1976TOKYO12732 and
    // the 1983 memo are OCR) while the pack has others; in date order, the subject as teaser.
    std::vector<std::string> featured;
    for (const auto& f : c.featured) {
        featured.push_back(f.cable);
    }
    CHECK(featured
        == std::vector<std::string> { "1977STATE158046", "85TOKYO364", "06TOKYO5212", "08TOKYO1723" });
    REQUIRE_FALSE(c.featured.empty());
    CHECK(c.featured[0].teaser.at("en") == "1977: DIVERSION OF STRATEGIC GOODS");
    CHECK(c.featured[0].teaser.at("ja") == "1977年：DIVERSION OF STRATEGIC GOODS");
    // The UI strings stay the kiosk's: the archive sets none.
    CHECK(c.ui.empty());
}

namespace {

// Every read of the time moves it on by 1 ms, so a statement budget is a count of progress checks.
class TickingClock final : public Clock {
public:
    [[nodiscard]] Millis now() const override
    {
        ++m_reads;
        return Millis { m_reads };
    }
    [[nodiscard]] int reads() const { return m_reads; }

private:
    mutable int m_reads = 0;
};

} // namespace

TEST_CASE("an archive's curation is made outside the statement budget, and a connection that only searches "
          "leaves it out")
{
    TempDir dir;
    // Each cable cites two earlier ones, so choosing the featured cables reads thousands of rows.
    auto cables = test::zipf_cables(2500);
    for (std::size_t i = 2; i < cables.size(); ++i) {
        for (const std::size_t cited : { i / 2, i - 1 }) {
            cables[i].refs.push_back(cable::Reference {
                "A", cables[cited].id, cables[cited].id, {}, cable::ReferenceKind::cable });
        }
    }
    test::build_pack(dir / "p.ckpack", cables);
    const auto search_ids = [](content::Pack& pack) {
        content::SearchQuery q;
        q.text = "bado babo ";
        auto r = pack.search(q);
        REQUIRE(r.ok());
        return test::result_ids(*r);
    };
    // Searching only: no featured cables, no decades, and the same hits.
    TickingClock searching_clock;
    content::OpenOptions searching;
    searching.curation = false;
    searching.clock = &searching_clock;
    auto bare = content::Pack::open(dir / "p.ckpack", searching);
    REQUIRE(bare.ok());
    const int checks_without = searching_clock.reads();
    CHECK(bare->collection().featured.empty());
    CHECK(bare->collection().sections.empty());
    // A budget the checks before the curation just fit in (2 ms: the scope's start and one
    // check): the curation's thousands of steps would pass it, had they counted against it.
    TickingClock clock;
    content::OpenOptions options;
    options.clock = &clock;
    options.statement_budget = Millis { checks_without + 1 };
    auto pack = content::Pack::open(dir / "p.ckpack", options);
    REQUIRE_MESSAGE(pack.ok(), (pack.ok() ? "" : pack.error().to_string()));
    CHECK_FALSE(pack->collection().featured.empty());
    CHECK(pack->collection().sections.size() == 3);
    CHECK(search_ids(*bare) == search_ids(*pack));
}

TEST_CASE("an archive features its most-cited cables read as written, and each other decade's, whether "
          "the most cited of all were read by OCR or not")
{
    // Zipf cables of 1970 to 1999. `cites` names, per target, how many later cables cite it.
    const auto build = [](TempDir& dir, int ocr_leaders) {
        auto cables = test::zipf_cables(2500);
        std::vector<std::pair<std::size_t, std::size_t>> cites
            = { { 300, 150 }, { 1200, 140 }, { 1300, 130 }, { 1400, 120 }, { 2100, 50 }, { 2200, 10 } };
        // The most cited of all, read by OCR: featured only if nothing else could be.
        for (int k = 0; k < ocr_leaders; ++k) {
            const auto target = static_cast<std::size_t>(100 + k);
            cables[target].ocr = true;
            cites.emplace_back(target, 200 + static_cast<std::size_t>(k));
        }
        for (const auto& [target, count] : cites) {
            for (std::size_t i = target + 1; i <= target + count; ++i) {
                cables[i].refs.push_back(cable::Reference {
                    "A", cables[target].id, cables[target].id, {}, cable::ReferenceKind::cable });
            }
        }
        test::build_pack(dir / "p.ckpack", cables);
        auto pack = test::open_pack(dir / "p.ckpack");
        std::vector<std::string> featured;
        for (const auto& f : pack.collection().featured) {
            featured.push_back(f.cable);
        }
        return featured;
    };
    // The four most cited that are not OCR (two decades), then the 1990s' most cited, in date order.
    const std::vector<std::string> expected
        = { "99ZIPF301", "99ZIPF1201", "99ZIPF1301", "99ZIPF1401", "99ZIPF2101" };
    for (const int ocr_leaders : { 0, 5, 40 }) {
        CAPTURE(ocr_leaders);
        TempDir dir;
        CHECK(build(dir, ocr_leaders) == expected);
    }
}

TEST_CASE("a pack with a manifest keeps its own curation: nothing generic is added")
{
    TempDir dir;
    test::build_pack(dir / "p.ckpack", test::sample_cables(), test::sample_manifest());
    auto pack = test::open_pack(dir / "p.ckpack");
    CHECK(pack.collection().title.at("en") == "Sent in Confidence");
    for (const auto& s : pack.collection().sections) {
        CHECK(s.id.rfind("decade-", 0) != 0);
    }
}

TEST_CASE("a manifest naming a cable that is not in the pack fails the build, citing each line")
{
    TempDir dir;
    auto manifest = test::sample_manifest();
    manifest.sections[0].cables = { "1977STATE158046", "99NOWHERE1", "99NOWHERE2" };
    manifest.sections[0].cable_lines = { 20, 21, 22 };
    manifest.featured[0].cable = "77NOWHERE3";
    content::BuildOptions options;
    options.manifest = manifest;
    auto writer = content::PackWriter::create(dir / "p.ckpack", options);
    REQUIRE(writer.ok());
    for (const auto& c : test::sample_cables()) {
        REQUIRE(writer->add(c).ok());
    }
    auto result = writer->commit();
    REQUIRE_FALSE(result.ok());
    const std::string text = result.error().to_string();
    CHECK(text.find("collection.toml:21: cable '99NOWHERE1' is not in the pack") != std::string::npos);
    CHECK(text.find("collection.toml:22: cable '99NOWHERE2'") != std::string::npos);
    CHECK(text.find("collection.toml:30: cable '77NOWHERE3'") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "p.ckpack"));
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 0); // no temporaries left
}

TEST_CASE("a duplicate cable id for another document is refused naming both places, and an id-less second "
          "row is named by its line")
{
    TempDir dir;
    auto writer = content::PackWriter::create(dir / "p.ckpack", {});
    REQUIRE(writer.ok());
    auto cables = test::sample_cables();
    REQUIRE(writer->add(cables[0]).ok());
    auto other = cables[0];
    other.source_file = "other/file.txt";
    other.source_line = 5;
    other.display_text += " A different ending.";
    auto st = writer->add(other);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().where == "other/file.txt:5");
    CHECK(st.error().message.find("another document") != std::string::npos);
    CHECK(st.error().message.find("first seen at cables/1977STATE158046.txt:1") != std::string::npos);
    auto idless = cables[3];
    REQUIRE(writer->add(idless).ok());
    idless.source_line = 9;
    idless.display_text = "Another row of the same file.";
    REQUIRE(writer->add(idless).ok());
    REQUIRE(writer->commit().ok());
    auto pack = test::open_pack(dir / "p.ckpack");
    CHECK(pack.cable("001_cafc2fa6b2b6242c")->has_value());
    CHECK(pack.cable("001_cafc2fa6b2b6242c-9")->has_value());
}

TEST_CASE("the same document given twice is stored once, and the copy names where the first came from")
{
    struct Case {
        const char* what;
        std::size_t index; // into sample_cables
        const char* id; // as stored
    };
    const Case cases[] = {
        { "a cable with an id", 1, "08TOKYO1723" },
        { "a document without an id (stored under its file's stem)", 3, "001_cafc2fa6b2b6242c" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        TempDir dir;
        auto writer = content::PackWriter::create(dir / "p.ckpack", {});
        REQUIRE(writer.ok());
        const auto cables = test::sample_cables();
        auto first = writer->add(cables[c.index]);
        REQUIRE(first.ok());
        CHECK_FALSE(first->duplicate);
        auto copy = cables[c.index];
        const std::string first_where = copy.source_file + ":" + std::to_string(copy.source_line);
        copy.source_file = "elsewhere/" + std::filesystem::path(copy.source_file).filename().string();
        copy.source_line = 3;
        auto again = writer->add(copy);
        REQUIRE(again.ok());
        CHECK(again->duplicate);
        CHECK(again->first == first_where);
        CHECK(writer->staged() == 1);
        REQUIRE(writer->commit().ok());
        auto pack = test::open_pack(dir / "p.ckpack");
        CHECK(pack.info().cables == 1);
        auto stored = pack.cable(c.id);
        REQUIRE(stored.ok());
        REQUIRE(stored->has_value());
    }
}

TEST_CASE("the same inputs give a byte-identical pack whatever order the cables are added in")
{
    TempDir dir;
    auto cables = test::sample_cables();
    test::build_pack(dir / "a.ckpack", cables, test::sample_manifest());
    std::reverse(cables.begin(), cables.end());
    test::build_pack(dir / "b.ckpack", cables, test::sample_manifest());
    const std::string a = test::read_bytes(dir / "a.ckpack");
    const std::string b = test::read_bytes(dir / "b.ckpack");
    CHECK(a.size() > 0);
    CHECK(a == b);
    CHECK(test::open_pack(dir / "a.ckpack").info().content_hash
        == test::open_pack(dir / "b.ckpack").info().content_hash);
}

TEST_CASE("the content hash changes with the content and not with the sequence")
{
    TempDir dir;
    auto cables = test::sample_cables();
    test::build_pack(dir / "a.ckpack", cables, std::nullopt, 1);
    test::build_pack(dir / "b.ckpack", cables, std::nullopt, 2);
    cables[1].subject += ".";
    test::build_pack(dir / "c.ckpack", cables, std::nullopt, 1);
    const auto a = test::open_pack(dir / "a.ckpack").info();
    const auto b = test::open_pack(dir / "b.ckpack").info();
    const auto c = test::open_pack(dir / "c.ckpack").info();
    CHECK(a.content_hash == b.content_hash);
    CHECK(a.sequence != b.sequence);
    CHECK(a.content_hash != c.content_hash);
}

TEST_CASE("a build killed midway leaves the previous pack intact and no partial pack in its place")
{
    TempDir dir;
    const auto out = dir / "p.ckpack";
    test::build_pack(out, test::sample_cables(), std::nullopt, 1);
    const std::string before = test::read_bytes(out);
    const auto many = test::synthetic_cables(20000);
    pid_t last_child = 0; // reaped below: no process has its id
    for (const auto phase : { content::BuildPhase::writing, content::BuildPhase::indexing,
             content::BuildPhase::ranking, content::BuildPhase::compacting }) {
        CAPTURE(to_string(phase));
        int pipe_fd[2];
        REQUIRE(::pipe(pipe_fd) == 0);
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            ::close(pipe_fd[0]);
            content::BuildOptions options;
            options.sequence = 2;
            auto writer = content::PackWriter::create(out, options);
            for (const auto& c : many) {
                (void)writer->add(c);
            }
            // Tell the parent when the chosen phase starts, then keep building until killed.
            (void)writer->commit([&](content::BuildPhase p, std::int64_t, std::int64_t) {
                if (p == phase) {
                    const char byte = 1;
                    (void)::write(pipe_fd[1], &byte, 1);
                    ::pause();
                }
            });
            ::_exit(0);
        }
        ::close(pipe_fd[1]);
        char byte = 0;
        REQUIRE(::read(pipe_fd[0], &byte, 1) == 1);
        ::close(pipe_fd[0]);
        ::kill(child, SIGKILL);
        last_child = child;
        int status = 0;
        ::waitpid(child, &status, 0);
        CHECK(WIFSIGNALED(status));
        CHECK(test::read_bytes(out) == before);
        CHECK(test::open_pack(out).info().sequence == 1);
    }
    // The killed builds left their scratch files; the next build removes those whose process is
    // gone, and leaves a running build's (here: the parent process's id stands for one).
    const auto count = [&] { return std::distance(std::filesystem::directory_iterator(dir.path()), {}); };
    CHECK(count() > 1);
    // A build killed while it ranked leaves the part files of its impact lists, and journals; one
    // killed while it wrote, the file its search indexes were being built in.
    for (const char* leftover : { ".build-impacts-0", ".build-impacts-1", ".build-impacts-1-journal",
             ".tmp-journal", ".build-index" }) {
        test::write_bytes(
            dir / (".p.ckpack." + std::to_string(last_child) + leftover), "left by a killed build");
    }
    const auto live = dir / (".p.ckpack." + std::to_string(::getppid()) + ".stage");
    test::write_bytes(live, "a build still running");
    const auto other = dir / ".other.ckpack.2147483.stage";
    test::write_bytes(other, "another pack's scratch file");
    test::build_pack(out, test::sample_cables(), std::nullopt, 3);
    CHECK(std::filesystem::exists(live));
    CHECK(std::filesystem::exists(other));
    CHECK(count() == 3);
}

TEST_CASE("a failed build removes its temporary files and leaves the previous pack")
{
    TempDir dir;
    const auto out = dir / "p.ckpack";
    test::build_pack(out, test::sample_cables(), std::nullopt, 1);
    const std::string before = test::read_bytes(out);
    {
        auto writer = content::PackWriter::create(out, {});
        REQUIRE(writer.ok());
        REQUIRE(writer->add(test::sample_cables()[0]).ok());
        // Destroyed without commit().
    }
    CHECK(test::read_bytes(out) == before);
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);
}

TEST_CASE("a pack with no cables is valid and empty")
{
    TempDir dir;
    test::build_pack(dir / "empty.ckpack", {});
    auto pack = test::open_pack(dir / "empty.ckpack");
    CHECK(pack.info().cables == 0);
    CHECK(pack.years()->empty());
    content::SearchQuery q;
    q.text = "anything";
    auto results = pack.search(q);
    REQUIRE(results.ok());
    CHECK(results->total == 0);
    CHECK(pack.check_integrity().ok());
}
