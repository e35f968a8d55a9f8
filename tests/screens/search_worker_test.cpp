// The search worker on the real exhibit pack: answers in two stages, latest query wins, a flood of
// requests stays one slot deep, a swapped or missing pack fails softly, and the thread is joined
// when the worker goes, even with a search in flight.
#include "content/fixture.hpp"
#include "content/pack.hpp"
#include "content/query.hpp"
#include "content/query_intent.hpp"
#include "core/background_work.hpp"
#include "core/log.hpp"
#include "screens/search_worker.hpp"
#include "support/exhibit_pack.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <thread>

using ck::BackgroundWork;
using ck::screens::SearchRequest;
using ck::screens::SearchResponse;
using ck::screens::SearchWorker;

namespace {

// Waits for the complete answer to `generation`; nullopt on timeout.
std::optional<SearchResponse> wait_for(SearchWorker& worker, std::uint64_t generation)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    std::optional<SearchResponse> last;
    while (std::chrono::steady_clock::now() < deadline) {
        if (auto r = worker.take()) {
            REQUIRE(r->generation == generation);
            const bool complete = r->stage == SearchResponse::Stage::complete;
            last = std::move(r);
            if (complete) {
                return last;
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return std::nullopt;
}

SearchRequest request(std::string text)
{
    SearchRequest r;
    r.query.text = std::move(text);
    return r;
}

std::string hash_of_exhibit()
{
    auto pack = ck::content::Pack::open(ck::test::exhibit_pack_path());
    REQUIRE(pack.ok());
    return pack->info().content_hash;
}

} // namespace

TEST_CASE("a request is answered with hits, marks, completions and then facet counts")
{
    BackgroundWork work;
    SearchWorker worker(work, ck::test::exhibit_pack_path(), hash_of_exhibit());
    const auto g = worker.submit(request("whal"));
    const auto r = wait_for(worker, g);
    REQUIRE(r.has_value());
    CHECK_FALSE(r->failed);
    REQUIRE(r->results.total >= 1);
    REQUIRE(r->subject_marks.size() == r->results.hits.size());
    CHECK(r->results.hits.front().cable.subject.find("WHALING") != std::string::npos);
    CHECK_FALSE(r->subject_marks.front().ranges.empty());
    CHECK_FALSE(r->completions.empty());
    REQUIRE(r->facets.has_value());
    CHECK(r->facets->total == r->results.total);
    // The counts are handed over just before their job marks the request finished: once the worker
    // is idle, nothing is left (under qemu the test could read between the two).
    REQUIRE(work.wait_idle(std::chrono::seconds { 20 }));
    CHECK_FALSE(worker.busy());
}

TEST_CASE("facet counts wait for the frame that shows the hits, and start on frame_done or after the hold")
{
    BackgroundWork work;
    SearchWorker worker(work, ck::test::exhibit_pack_path(), {});
    const auto take_results = [&worker](std::uint64_t generation) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::chrono::steady_clock::now() < deadline) {
            if (auto r = worker.take()) {
                REQUIRE(r->generation == generation);
                REQUIRE(r->stage == SearchResponse::Stage::results);
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        FAIL("no results");
    };
    // With a frame done at once, the counts follow it.
    const auto first = worker.submit(request("tokyo"));
    take_results(first);
    worker.frame_done();
    auto counted = wait_for(worker, first);
    REQUIRE(counted.has_value());
    REQUIRE(counted->facets.has_value());
    // Without a frame, the counts still come, but only after the hold: nothing is lost, and
    // counting never starts while the results are (as far as the worker knows) being drawn.
    const auto t1 = std::chrono::steady_clock::now();
    const auto second = worker.submit(request("moscow"));
    take_results(second);
    counted = wait_for(worker, second);
    const auto held = std::chrono::steady_clock::now() - t1;
    REQUIRE(counted.has_value());
    REQUIRE(counted->facets.has_value());
    CHECK(held >= ck::screens::facets_hold);
}

TEST_CASE("the latest query wins: an answer to a superseded query is never handed over")
{
    BackgroundWork work;
    SearchWorker worker(work, ck::test::exhibit_pack_path(), {});
    const std::string queries[] = { "tokyo", "moscow", "nuclear", "whaling" };
    std::uint64_t last = 0;
    for (const std::string& q : queries) {
        last = worker.submit(request(q));
    }
    const auto r = wait_for(worker, last);
    REQUIRE(r.has_value());
    CHECK(r->query.text == "whaling");
    CHECK_FALSE(worker.take().has_value());
}

TEST_CASE("a flood of keystrokes keeps the queue one deep and ends on the last text")
{
    BackgroundWork work;
    SearchWorker worker(work, ck::test::exhibit_pack_path(), {});
    const std::string word = "strategic goods";
    std::uint64_t last = 0;
    std::uint64_t submitted = 0;
    // A stuck key and a fast typist: a thousand edits as fast as the loop can go.
    for (int round = 0; round < 50; ++round) {
        for (std::size_t n = 1; n <= word.size(); ++n) {
            last = worker.submit(request(word.substr(0, n)));
            ++submitted;
        }
    }
    const auto r = wait_for(worker, last);
    REQUIRE(r.has_value());
    CHECK(r->query.text == word);
    // The answer is handed over before its job counts it: the counters are final once the worker
    // is idle (under qemu the gap was wide enough to read "completed 0").
    REQUIRE(work.wait_idle(std::chrono::seconds { 20 }));
    const SearchWorker::Stats stats = worker.stats();
    CHECK(stats.started < submitted); // most were replaced while waiting, never queued
    CHECK(stats.completed >= 1);
    CHECK(stats.failed == 0);
}

TEST_CASE("a worker destroyed with searches in flight drops or cancels them, and its owner joins")
{
    {
        BackgroundWork work;
        for (int i = 0; i < 20; ++i) {
            SearchWorker worker(work, ck::test::exhibit_pack_path(), {});
            worker.submit(request("embassy"));
            worker.submit(request("the"));
        } // the screen is gone: its lanes close, and nothing waits for the running search
        REQUIRE(work.wait_idle(std::chrono::seconds(60))); // a bound for a hang, not a measurement
        const BackgroundWork::Stats stats = work.stats(ck::WorkKind::search);
        CHECK(stats.posted == 40);
        CHECK(stats.started + stats.dropped == stats.posted); // none left behind
        CHECK(stats.finished == stats.started);
    }
    // An owner that goes first (the app's teardown) cancels the running search and joins; the
    // worker left behind asks for nothing more.
    auto work = std::make_unique<BackgroundWork>();
    SearchWorker worker(*work, ck::test::exhibit_pack_path(), {});
    worker.submit(request("the"));
    work.reset();
    worker.submit(request("embassy"));
    CHECK_FALSE(worker.take().has_value());
}

TEST_CASE("a pack that cannot be opened or was swapped fails softly, and the log never holds the query")
{
    std::mutex mutex;
    std::string logged;
    auto previous = ck::log::set_sink([&](ck::log::Level, std::string_view c, std::string_view m) {
        const std::lock_guard lock(mutex);
        logged += std::string(c) + ": " + std::string(m) + "\n";
    });
    const std::string secret = "visitor-secret-words";
    BackgroundWork work;
    {
        SearchWorker missing(work, "/nonexistent/exhibit.ckpack", {});
        const auto r = wait_for(missing, missing.submit(request(secret)));
        REQUIRE(r.has_value());
        CHECK(r->failed);
        CHECK(r->results.hits.empty());
    }
    {
        SearchWorker swapped(work, ck::test::exhibit_pack_path(), "0000");
        const auto r = wait_for(swapped, swapped.submit(request(secret)));
        REQUIRE(r.has_value());
        CHECK(r->failed);
    }
    ck::log::set_sink(previous);
    const std::lock_guard lock(mutex);
    CHECK(logged.find("cannot open the pack") != std::string::npos);
    CHECK(logged.find("changed on disk") != std::string::npos);
    CHECK(logged.find(secret) == std::string::npos);
}

TEST_CASE("nothing found suggests the word meant, and each word alone")
{
    auto pack = ck::content::Pack::open(ck::test::exhibit_pack_path());
    REQUIRE(pack.ok());
    auto parser = ck::content::QueryParser::create();
    REQUIRE(parser.ok());
    struct Case {
        std::string text;
        std::string expected; // one of the suggested queries
    };
    const std::vector<Case> cases = {
        { "whalimg", "whaling" }, // a typo at the end
        { "goj whalxx", "goj whale" }, { "whaling xyzzy", "whaling" }, // two words that never meet
    };
    for (const Case& c : cases) {
        const auto suggestions = ck::screens::suggest_queries(*pack, *parser, c.text, 5);
        INFO(c.text);
        bool found = false;
        for (const auto& s : suggestions) {
            found = found || s.query == c.expected;
            CHECK(s.cables > 0);
            CHECK(s.query != c.text);
        }
        CHECK(found);
    }
    CHECK(ck::screens::suggest_queries(*pack, *parser, "!!!???", 5).empty());
    CHECK(ck::screens::suggest_queries(*pack, *parser, "", 5).empty());
}

TEST_CASE("nothing found suggests only years that have cables")
{
    auto pack = ck::content::Pack::open(ck::test::exhibit_pack_path());
    REQUIRE(pack.ok());
    auto parser = ck::content::QueryParser::create();
    REQUIRE(parser.ok());
    struct Case {
        std::string text;
        std::vector<std::string> expected; // every suggestion that names a year, in order
    };
    // The exhibit's text names 2012-2019 and 1952-1957, but its cables are of 2010 and 1960-1961.
    const std::vector<Case> cases = {
        { "2017", { "2010" } }, { "1958", {} },
        { "1966", {} }, // 1960 and 1961 have cables, but are words only of OCR'd scans
    };
    for (const Case& c : cases) {
        INFO(c.text);
        std::vector<std::string> got;
        for (const auto& s : ck::screens::suggest_queries(*pack, *parser, c.text, 5)) {
            if (ck::content::time_span(s.query)) {
                got.push_back(s.query);
            }
        }
        CHECK(got == c.expected);
    }
}

TEST_CASE("a word typed after another, past a thousand hits, is answered at once and then ranked by "
          "relevance before its counts")
{
    ck::test::TempDir dir;
    ck::test::build_pack(dir / "z.ckpack", ck::test::zipf_cables_with_longer_forms(2500));
    BackgroundWork work;
    SearchWorker worker(work, dir / "z.ckpack", {});
    const auto g = worker.submit(request("bado bab"));
    std::vector<SearchResponse> seen;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline
        && (seen.empty() || seen.back().stage != SearchResponse::Stage::complete)) {
        if (auto r = worker.take()) {
            REQUIRE(r->generation == g);
            seen.push_back(std::move(*r));
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    REQUIRE_FALSE(seen.empty());
    // The hits first shown may be the quick ones (subject order) or, if the ranking was done before
    // they were taken, the ranked ones; the counts come with the ranked ones, which a direct search
    // gives.
    const SearchResponse& last = seen.back();
    REQUIRE(last.stage == SearchResponse::Stage::complete);
    CHECK(last.results.total > 1000);
    CHECK(last.results.ranking == ck::content::Ranking::relevance);
    CHECK_FALSE(last.results.ranking_deferred);
    REQUIRE(last.facets.has_value());
    CHECK(last.subject_marks.size() == last.results.hits.size());
    auto pack = ck::test::open_pack(dir / "z.ckpack");
    ck::content::SearchQuery direct;
    direct.text = "bado bab";
    auto ranked = pack.search(direct);
    REQUIRE(ranked.ok());
    CHECK(ck::test::result_ids(last.results) == ck::test::result_ids(*ranked));
    for (const SearchResponse& r : seen) {
        CHECK((r.results.ranking == ck::content::Ranking::relevance || r.results.ranking_deferred));
    }
}
