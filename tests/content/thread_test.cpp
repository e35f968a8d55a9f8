// Threads: the conversations of the reference graph, built by the pure graph code and stored in a
// pack at build time. The exhibit's Libya chain (five cables and two missing steps), a cycle, a
// cable citing only a missing cable, a lone cable, and the one query the reader runs.
#include "cable/parse.hpp"
#include "content/manifest.hpp"
#include "content/pack.hpp"
#include "content/thread_graph.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>

using namespace ck;
using namespace ck::content;
namespace fs = std::filesystem;

namespace {

threads::CableNode node(std::int64_t num, const std::string& id, const std::string& date)
{
    return { num, reference_key(id), threads::iso_seconds(date) };
}

// The steps of a thread as ids: a cable's by its number, a missing one by its id.
std::vector<std::string> step_names(const threads::Thread& t)
{
    std::vector<std::string> out;
    for (const auto& s : t.steps) {
        out.push_back(s.num != 0 ? "#" + std::to_string(s.num) : s.missing_id);
    }
    return out;
}

Pack& exhibit_pack()
{
    static test::TempDir dir;
    static Pack pack = [] {
        std::vector<fs::path> files;
        for (const auto& e : fs::recursive_directory_iterator(CK_CORPUS_DIR)) {
            if (e.is_regular_file() && e.path().extension() == ".txt") {
                files.push_back(e.path());
            }
        }
        std::sort(files.begin(), files.end());
        std::vector<cable::Cable> cables;
        for (const auto& f : files) {
            auto parsed = cable::parse(test::read_bytes(f), f.filename().string());
            cables.insert(cables.end(), parsed.cables.begin(), parsed.cables.end());
        }
        auto manifest = read_manifest(fs::path(CK_SOURCE_DIR) / "content_pack" / "collection.toml");
        REQUIRE(manifest.ok());
        test::build_pack(dir / "exhibit.ckpack", cables, *manifest);
        return test::open_pack(dir / "exhibit.ckpack");
    }();
    return pack;
}

// A cable of the sample shape with an id, a date and references naming the given ids.
cable::Cable cable_citing(const std::string& id, cable::CableDate date, const std::vector<std::string>& cites)
{
    cable::Cable c = test::sample_cables().front();
    c.id = id;
    c.date = date;
    c.subject = "SUBJECT OF " + id;
    c.source_file = id + ".txt";
    c.display_text = "TEXT OF " + id;
    c.refs.clear();
    for (const auto& target : cites) {
        c.refs.push_back({ "", target, target, {}, cable::ReferenceKind::cable });
    }
    return c;
}

} // namespace

TEST_CASE("a missing cable is placed between the known serials of its post and year, and before its citers")
{
    // 870 is below every known Tripoli serial of 2009: just before 938, which cites it. 966 lies
    // between 950 (7 Dec) and 1025 (21 Dec): interpolated by serial, then kept before 1025.
    const std::vector<threads::CableNode> cables = {
        node(1, "09TRIPOLI938", "2009-11-25T13:59Z"),
        node(2, "09TRIPOLI950", "2009-12-07T16:14Z"),
        node(3, "09TRIPOLI1025", "2009-12-21T16:26Z"),
    };
    const std::vector<threads::RefLink> links = {
        { 1, 0, "09TRIPOLI870" },
        { 2, 1, "" },
        { 3, 0, "09TRIPOLI966" },
        { 3, 1, "" },
    };
    const auto found = threads::build_threads(cables, links);
    REQUIRE(found.size() == 1);
    CHECK(step_names(found[0])
        == std::vector<std::string> { "09TRIPOLI870", "#1", "#2", "09TRIPOLI966", "#3" });
    CHECK(found[0].cables == 3);
    const threads::Step& missing = found[0].steps[3];
    CHECK(missing.post == "TRIPOLI");
    CHECK(missing.serial == "966");
    CHECK(missing.year == 2009);
    CHECK(missing.nth == 2); // two cables of the pack come before it
    CHECK(found[0].steps[4].nth == 3);
}

TEST_CASE("a cycle of references is one thread in date order, each cable once")
{
    // A cites B, B cites C, C cites A (a follow-up corrected in place): three cables, one thread.
    const std::vector<threads::CableNode> cables = {
        node(1, "05STATE100", "2005-01-01"),
        node(2, "05TOKYO200", "2005-01-02T10:00Z"),
        node(3, "05STATE300", "2005-01-03"),
    };
    const auto found
        = threads::build_threads(cables, { { 1, 2, "" }, { 2, 3, "" }, { 3, 1, "" }, { 1, 1, "" } });
    REQUIRE(found.size() == 1);
    CHECK(step_names(found[0]) == std::vector<std::string> { "#1", "#2", "#3" });
}

TEST_CASE(
    "a cable citing only missing cables, and a lone cable, form no thread; a shared missing cable joins two")
{
    const std::vector<threads::CableNode> cables = {
        node(1, "06SEOUL2238", "2006-07-01"),
        node(2, "07MOSCOW104", "2007-01-12T15:23Z"),
        node(3, "08TOKYO1723", "2008-06-20"),
        node(4, "08SEOUL500", "2008-06-25"),
    };
    // 1 cites a missing cable only; 2 cites nothing; 3 and 4 both cite the same missing cable,
    // written in two forms.
    const std::vector<threads::RefLink> links = {
        { 1, 0, "06SEOUL2211" },
        { 3, 0, "07TOKYO4930" },
        { 4, 0, "2007TOKYO04930" },
    };
    const auto found = threads::build_threads(cables, links);
    REQUIRE(found.size() == 1);
    CHECK(step_names(found[0]) == std::vector<std::string> { "07TOKYO4930", "#3", "#4" });
    CHECK(found[0].steps[0].year == 2007);
    CHECK(threads::build_threads(cables, {}).empty());
}

TEST_CASE("the exhibit's Libya thread holds its five cables and two missing steps in date order")
{
    auto all = exhibit_pack().threads();
    REQUIRE(all.ok());
    REQUIRE(all->size() == 1);
    CHECK((*all)[0].cables
        == std::vector<std::string> {
            "09TRIPOLI938", "09TRIPOLI941", "09TRIPOLI943", "09TRIPOLI950", "09TRIPOLI1025" });
    CHECK((*all)[0].missing == std::vector<std::string> { "09TRIPOLI870", "09TRIPOLI966" });

    // The reader's one query, from the middle of the chain.
    auto t = exhibit_pack().thread("09TRIPOLI943");
    REQUIRE(t.ok());
    REQUIRE(t->steps.size() == 7);
    std::vector<std::string> names;
    for (const auto& s : t->steps) {
        names.push_back(s.in_pack() ? s.cable.id : s.post + " " + s.serial);
    }
    CHECK(names
        == std::vector<std::string> { "TRIPOLI 870", "09TRIPOLI938", "09TRIPOLI941", "09TRIPOLI943",
            "09TRIPOLI950", "TRIPOLI 966", "09TRIPOLI1025" });
    CHECK(t->current == 3);
    CHECK(t->current_nth == 3);
    CHECK(t->cables == 5);
    CHECK(t->total_steps == 7);
    CHECK(t->steps[1].cable.subject == "LIBYA HALTS HIGHLY ENRICHED URANIUM FUEL TRANSFER");
    CHECK(t->steps[5].year == 2009);
    CHECK(t->steps[5].missing_id == "09TRIPOLI966");

    // A window of one step either side, and the same totals.
    auto w = exhibit_pack().thread("09TRIPOLI1025", 1);
    REQUIRE(w.ok());
    REQUIRE(w->steps.size() == 2);
    CHECK(w->first_pos == 5);
    CHECK(w->current == 1);
    CHECK(w->current_nth == 5);
    CHECK(w->total_steps == 7);
}

TEST_CASE("a cable with no thread, or not in the pack, reads an empty thread")
{
    for (const char* id : { "1977STATE158046", "08TOKYO1723", "NO SUCH CABLE" }) {
        auto t = exhibit_pack().thread(id);
        REQUIRE(t.ok());
        CHECK(t->empty());
    }
}

TEST_CASE("a pack built from cables citing one another in a cycle stores one thread")
{
    test::TempDir dir;
    const std::vector<cable::Cable> cables = {
        cable_citing("05STATE100", { 2005, 1, 1, -1, -1 }, { "05TOKYO200" }),
        cable_citing("05TOKYO200", { 2005, 1, 2, 10, 0 }, { "05STATE300", "05STATE99" }),
        cable_citing("05STATE300", { 2005, 1, 3, -1, -1 }, { "05STATE100" }),
        cable_citing("05STATE400", { 2005, 1, 4, -1, -1 }, { "05STATE1" }),
    };
    test::build_pack(dir / "cycle.ckpack", cables);
    Pack pack = test::open_pack(dir / "cycle.ckpack");
    auto all = pack.threads();
    REQUIRE(all.ok());
    REQUIRE(all->size() == 1);
    CHECK((*all)[0].cables == std::vector<std::string> { "05STATE100", "05TOKYO200", "05STATE300" });
    // 05STATE99 is below the known STATE serials of 2005 (100, 300, 400): just before 100.
    CHECK((*all)[0].missing == std::vector<std::string> { "05STATE99" });
    auto lone = pack.thread("05STATE400");
    REQUIRE(lone.ok());
    CHECK(lone->empty());
}

TEST_CASE("a hostile threads table shows odd steps, never more than the window, and never fails the reader")
{
    test::TempDir dir;
    const auto path = dir / "hostile.ckpack";
    fs::copy_file(exhibit_pack().path(), path);
    // 20,000 made-up steps after the Libya thread's end, a step naming a cable the pack lacks,
    // and the open cable claimed by a second thread.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    const char* tamper = "WITH RECURSIVE n(i) AS (SELECT 7 UNION ALL SELECT i + 1 FROM n WHERE i < 20006)"
                         " INSERT INTO threads SELECT 0, i, NULL, 5, 'X' || i, '', '', 0 FROM n;"
                         "UPDATE threads SET cable = 99999 WHERE thread = 0 AND pos = 1;"
                         "INSERT INTO threads VALUES (1, 0, (SELECT num FROM cables WHERE id = "
                         "'09TRIPOLI943'), 1, '', '', '', 0);";
    const int rc = sqlite3_exec(db, tamper, nullptr, nullptr, nullptr);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);

    Pack pack = test::open_pack(path);
    auto t = pack.thread("09TRIPOLI943", 6);
    REQUIRE(t.ok());
    CHECK(t->steps.size() == 10); // the window (three before, six after), not the 20,000 rows
    CHECK(t->total_steps == 20007);
    REQUIRE(t->current < t->steps.size());
    CHECK(t->steps[t->current].cable.id == "09TRIPOLI943");
    CHECK_FALSE(t->steps[1].in_pack()); // a row naming no cable of the pack is a placeholder
    auto wide = pack.thread("09TRIPOLI943", 1000000);
    REQUIRE(wide.ok());
    CHECK(wide->steps.size() <= 1001);
    CHECK(pack.threads().ok());
}

TEST_CASE("cables given out of row order find the same threads, and the streaming builder stops when told")
{
    // Rows 1..4 in order are found by binary search, the same rows shuffled through a map: both
    // give two threads, {1, 2} and {missing, 3, 4}. A builder told to stop after the first thread
    // hands on only that one.
    const std::vector<threads::CableNode> ordered = {
        node(1, "05STATE100", "2005-01-01"),
        node(2, "05STATE101", "2005-01-02"),
        node(3, "05PARIS7", "2005-02-01"),
        node(4, "05PARIS9", "2005-02-03"),
    };
    const std::vector<threads::RefLink> links = {
        { 2, 1, "" },
        { 3, 0, "05PARIS8" },
        { 4, 0, "05PARIS8" },
    };
    const std::vector<threads::CableNode> shuffled = { ordered[2], ordered[0], ordered[3], ordered[1] };
    const auto a = threads::build_threads(ordered, links);
    const auto b = threads::build_threads(shuffled, links);
    REQUIRE(a.size() == 2);
    REQUIRE(b.size() == 2);
    CHECK(step_names(a[0]) == std::vector<std::string> { "#1", "#2" });
    // PARIS8 is cited by PARIS7, so it comes before it whatever its serial says.
    CHECK(step_names(a[1]) == std::vector<std::string> { "05PARIS8", "#3", "#4" });
    // In shuffled order the first thread is the one whose first cable comes first: Paris.
    CHECK(step_names(b[0]) == step_names(a[1]));
    CHECK(step_names(b[1]) == step_names(a[0]));
    threads::ThreadBuilder builder(ordered);
    for (const auto& l : links) {
        builder.add(l);
    }
    int emitted = 0;
    builder.finish([&](const threads::Thread&) { return ++emitted < 1; });
    CHECK(emitted == 1);
}

TEST_CASE("row numbers with gaps, and hundreds of missing ids, give the threads the rule says")
{
    // Rows 10, 20, 30 ... (the builder lists them once it sees a gap). Cable i cites the missing
    // ids M(i) and M(i + 1), so every cable is joined to the next through a missing id they share:
    // one thread of 300 cables and 301 missing steps, which grows the missing ids' table several
    // times. A second group cites only ids no other cable cites: no thread.
    std::vector<threads::CableNode> cables;
    std::vector<threads::RefLink> links;
    const auto missing_id = [](int i) { return "05ROME" + std::to_string(1000 + i); };
    for (int i = 0; i < 300; ++i) {
        const std::string day = std::to_string(10 + i % 18);
        cables.push_back(node(10 * (i + 1), "05PARIS" + std::to_string(i + 1),
            "2005-0" + std::to_string(1 + i / 50) + "-" + day));
        links.push_back({ 10 * (i + 1), 0, missing_id(i) });
        links.push_back({ 10 * (i + 1), 0, missing_id(i + 1) });
    }
    for (int i = 0; i < 50; ++i) {
        cables.push_back(node(5000 + i, "06OSLO" + std::to_string(i + 1), "2006-01-01"));
        links.push_back({ 5000 + i, 0, "06OSLO" + std::to_string(900 + i) });
    }
    const auto found = threads::build_threads(cables, links);
    REQUIRE(found.size() == 1);
    const threads::Thread& t = found.front();
    CHECK(t.cables == 300);
    CHECK(t.steps.size() == 601);
    std::vector<std::int64_t> nums;
    std::size_t missing = 0;
    for (const auto& s : t.steps) {
        if (s.num != 0) {
            nums.push_back(s.num);
        } else {
            ++missing;
            CHECK(s.post == "ROME");
            CHECK(s.year == 2005);
        }
    }
    CHECK(missing == 301);
    // Every cable once, by its own row number (not its index).
    std::vector<std::int64_t> sorted = nums;
    std::sort(sorted.begin(), sorted.end());
    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
    CHECK(sorted.front() == 10);
    CHECK(sorted.back() == 3000);
    // A missing step keeps the id as first cited, and each is placed before its earliest citer.
    CHECK(t.steps.front().missing_id == missing_id(0));
    CHECK(t.steps.back().nth == 300);
}
