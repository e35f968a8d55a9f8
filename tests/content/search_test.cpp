// Search on a small real-shaped pack and on a synthetic one large enough for every strategy:
// results, snippets and highlights, filters, facets, completion, paging and cancellation.
#include "content/pack.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <thread>

using namespace ck;
using ck::test::TempDir;

namespace {

struct SamplePack {
    TempDir dir;
    content::Pack pack;
    SamplePack()
        : pack((test::build_pack(dir / "s.ckpack", test::sample_cables()), test::open_pack(dir / "s.ckpack")))
    {
    }
};

struct BigPack {
    TempDir dir;
    content::Pack pack;
    explicit BigPack(int count)
        : pack((test::build_pack(dir / "b.ckpack", test::synthetic_cables(count)),
            test::open_pack(dir / "b.ckpack")))
    {
    }
};

content::SearchResults search(
    content::Pack& pack, const std::string& text, std::size_t limit = 20, std::size_t offset = 0)
{
    content::SearchQuery q;
    q.text = text;
    q.limit = limit;
    q.offset = offset;
    q.budget = std::chrono::milliseconds { 0 };
    auto r = pack.search(q);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().to_string()));
    return std::move(*r);
}

std::string lower(std::string s)
{
    for (char& c : s) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return s;
}

} // namespace

TEST_CASE("searches find the cables that hold every word, in subject, tags or body")
{
    SamplePack p;
    struct Case {
        const char* query;
        std::vector<std::string> expected; // as a set
    };
    const Case cases[] = {
        { "brezhnev", { "1976TOKYO12732" } },
        { "BREZHNEV", { "1976TOKYO12732" } },
        { "japan korea", { "08TOKYO1723", "06TOKYO5212" } },
        { "whaling", { "85TOKYO364" } },
        { "knnp", { "08TOKYO1723", "06TOKYO5212" } }, // a tag
        { "\"export controls\"", { "08TOKYO1723" } }, // a phrase
        { "\"controls export\"", {} },
        { "geneve", { "08TOKYO1723" } }, // Genève with its accent folded
        { "Gene\xcc\x80ve", { "08TOKYO1723" } }, // NFD: e + combining grave
        { "usSR", { "1976TOKYO12732", "001_cafc2fa6b2b6242c" } },
        { "whal", { "85TOKYO364" } }, // a prefix being typed: whale, whaling
        { "whal ", {} }, // a finished word that is in no cable
        { "wh", {} }, // too short to be a prefix
        { "nowhere", {} },
    };
    for (const auto& c : cases) {
        CAPTURE(c.query);
        auto r = search(p.pack, c.query);
        auto got = test::result_ids(r);
        std::sort(got.begin(), got.end());
        auto want = c.expected;
        std::sort(want.begin(), want.end());
        CHECK(got == want);
        CHECK(r.total == static_cast<std::int64_t>(want.size()));
        CHECK_FALSE(r.total_is_estimate);
    }
}

TEST_CASE("a snippet is one line around the matches and its highlights cover exactly the matched words")
{
    SamplePack p;
    const std::pair<const char*, std::vector<std::string>> cases[] = {
        { "strategic goods", { "strategic", "goods" } },
        { "ryabkov", { "ryabkov" } },
        { "whal", { "whale" } },
        { "geneve", { "genève" } },
    };
    for (const auto& [query, words] : cases) {
        const auto shown = query; // clang 14 cannot capture a structured binding
        CAPTURE(shown);
        auto r = search(p.pack, query);
        REQUIRE_FALSE(r.hits.empty());
        const auto& hit = r.hits.front();
        CHECK(hit.snippet.find('\n') == std::string::npos);
        REQUIRE_FALSE(hit.highlights.empty());
        for (const auto& h : hit.highlights) {
            REQUIRE(h.end <= hit.snippet.size());
            const std::string marked = lower(hit.snippet.substr(h.begin, h.end - h.begin));
            CAPTURE(marked);
            CHECK(std::find(words.begin(), words.end(), marked) != words.end());
        }
    }
}

TEST_CASE("a word in the subject or tags ranks above the same word in the body")
{
    TempDir dir;
    auto cables = test::sample_cables();
    cables.resize(3);
    cables[0].subject = "NOTHING RELEVANT HERE";
    cables[0].display_text += " iran iran iran";
    cables[1].subject = "IRAN AND THE BANK";
    cables[2].tags.emplace_back("IRAN");
    test::build_pack(dir / "r.ckpack", cables);
    auto pack = test::open_pack(dir / "r.ckpack");
    auto r = search(pack, "iran");
    REQUIRE(r.hits.size() == 3);
    CHECK(r.ranking == content::Ranking::relevance);
    CHECK(r.hits.back().cable.id == cables[0].id);
}

TEST_CASE("a word being typed ranks a cable with one of its words in the subject above one that merely "
          "mentions several words beginning so")
{
    TempDir dir;
    auto cables = test::sample_cables();
    cables.resize(4);
    cables[0].subject = "THE KORATEN TALKS";
    cables[1].display_text += " korafun korabin koramil korazon";
    // The typed prefix stands for one word that begins so: the second cable holds four such words,
    // each once in its body; added up they would outweigh the first cable's subject.
    test::build_pack(dir / "k.ckpack", cables);
    auto pack = test::open_pack(dir / "k.ckpack");
    const auto typed = search(pack, "kora");
    REQUIRE(typed.hits.size() == 2);
    CHECK(typed.ranking == content::Ranking::relevance);
    CHECK(typed.hits.front().cable.id == cables[0].id);
}

TEST_CASE("filters narrow by years, classification, origin and tag, and an unknown value finds nothing")
{
    SamplePack p;
    struct Case {
        const char* text = "";
        std::optional<int> from;
        std::optional<int> to;
        const char* classification = "";
        const char* origin = "";
        const char* tag = "";
        std::size_t hits = 0;
    };
    const Case cases[] = {
        { "japan", 2000, 2010, "", "", "", 2 },
        { "japan", 1900, 1999, "", "", "", 2 }, // japan, japanese (a prefix) in 1976 and 1977
        { "japan ", 1900, 1999, "", "", "", 1 },
        { "", 1976, 1977, "", "", "", 2 }, // filters alone browse by date
        { "", std::nullopt, std::nullopt, "SECRET", "", "", 2 },
        { "", std::nullopt, std::nullopt, "", "Embassy Tokyo", "", 4 },
        { "", std::nullopt, std::nullopt, "", "", "JA", 5 },
        { "japan", std::nullopt, std::nullopt, "SECRET", "", "", 1 },
        { "", 2000, 2010, "CONFIDENTIAL", "Embassy Tokyo", "PREL", 1 },
        { "", std::nullopt, std::nullopt, "TOP SECRET", "", "", 0 },
        { "", std::nullopt, std::nullopt, "", "", "NO-SUCH-TAG", 0 },
        { "", 3000, 3001, "", "", "", 0 },
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CAPTURE(c.classification);
        CAPTURE(c.tag);
        content::SearchQuery q;
        q.text = c.text;
        q.year_from = c.from;
        q.year_to = c.to;
        q.classification = c.classification;
        q.origin = c.origin;
        q.tag = c.tag;
        auto r = p.pack.search(q);
        REQUIRE(r.ok());
        CHECK(r->hits.size() == c.hits);
        CHECK(r->total == static_cast<std::int64_t>(c.hits));
        CHECK_FALSE(r->empty_query);
    }
}

TEST_CASE("facets count the hits of a query by year, classification, origin and tag")
{
    SamplePack p;
    content::SearchQuery q;
    q.text = "japan "; // a finished word: no prefix
    auto f = p.pack.facets(q, content::FacetOptions { std::chrono::milliseconds { 0 }, 50 });
    REQUIRE(f.ok());
    CHECK(f->total == 3);
    CHECK_FALSE(f->estimated);
    CHECK(f->year == std::vector<content::FacetCount> { { "1976", 1 }, { "2006", 1 }, { "2008", 1 } });
    CHECK(f->origin == std::vector<content::FacetCount> { { "Embassy Tokyo", 3 } });
    CHECK(f->classification == std::vector<content::FacetCount> { { "CONFIDENTIAL", 2 }, { "SECRET", 1 } });
    REQUIRE_FALSE(f->tag.empty());
    CHECK(f->tag.front() == content::FacetCount { "JA", 3 }); // on all three
    q.text = "japan"; // still being typed: japan, japanese
    auto typed = p.pack.facets(q, content::FacetOptions { std::chrono::milliseconds { 0 }, 50 });
    REQUIRE(typed.ok());
    CHECK(typed->total == 4);
    content::SearchQuery all;
    auto everything = p.pack.facets(all);
    REQUIRE(everything.ok());
    CHECK(everything->total == 7);
    CHECK(everything->year.size() == 7);
}

TEST_CASE("completion offers index words for the word being typed, most frequent first")
{
    SamplePack p;
    struct Case {
        const char* typed;
        std::vector<std::string> first;
    };
    const Case cases[] = {
        { "coc", { "cocom" } },
        { "trade with the uss", { "ussr" } },
        { "JAPAN", { "japanese" } }, // never the word as typed
        { "jap", { "japan", "japanese" } },
        { "ja", {} }, // from three characters, as prefix search
        { "j", {} },
        { "japan ", {} }, // the word is finished
        { "zzzz", {} },
    };
    for (const auto& c : cases) {
        CAPTURE(c.typed);
        auto got = p.pack.complete(c.typed, 3);
        REQUIRE(got.ok());
        std::vector<std::string> words;
        for (const auto& w : *got) {
            words.push_back(w.word);
        }
        CAPTURE(*got);
        CHECK(words == c.first);
    }
}

TEST_CASE("a frequent word lists its best by relevance, then subject and tag matches first, and paging walks "
          "every hit once")
{
    BigPack p(6000);
    // "subject" is in every subject, "common" in every body: both beyond the relevance limit.
    for (const char* word : { "subject", "common" }) {
        CAPTURE(word);
        auto first = search(p.pack, word, 25);
        CHECK(first.ranking == content::Ranking::relevance); // from the impact lists
        CHECK(first.total == 6000);
        CHECK_FALSE(first.total_is_estimate); // one word: its document count is exact
        std::set<std::string> seen;
        for (std::size_t offset = 0; offset < 6000; offset += 250) {
            auto page = search(p.pack, word, 250, offset);
            CHECK(page.hits.size() == 100); // pages are capped at 100
            for (const auto& h : page.hits) {
                seen.insert(h.cable.id);
            }
        }
        CHECK(seen.size() == 2400);
    }
    // Paging through all of "common": the 600 cables with it in the subject come first (the best
    // hundred by relevance are among them, and every score ties, so they too are in date order),
    // each part in date order, and no cable appears twice.
    std::vector<content::SearchHit> listing;
    for (std::size_t offset = 0; offset < 6100; offset += 100) {
        auto page = search(p.pack, "common", 100, offset);
        listing.insert(listing.end(), page.hits.begin(), page.hits.end());
    }
    std::set<std::string> unique;
    for (std::size_t i = 0; i < listing.size(); ++i) {
        unique.insert(listing[i].cable.id);
        const bool in_subject = listing[i].cable.subject.find("common") != std::string::npos;
        CHECK(in_subject == (i < 600));
        if (i > 0 && i != 600) {
            CHECK(listing[i - 1].cable.date <= listing[i].cable.date);
        }
    }
    CHECK(listing.size() == 6000);
    CHECK(unique.size() == 6000);
    auto mixed = search(p.pack, "subject common", 20);
    CHECK(mixed.ranking == content::Ranking::relevance);
    CHECK(mixed.total_is_estimate);
    CHECK(mixed.total > 4000);
    CHECK(mixed.total <= 6000);
    auto rare = search(p.pack, "rare", 20);
    CHECK(rare.ranking == content::Ranking::relevance);
    CHECK(rare.total == 600);
}

TEST_CASE("facets over many hits are exact within the budget and a close estimate past it")
{
    BigPack p(6000);
    content::SearchQuery q;
    q.text = "common";
    auto exact = p.pack.facets(q, content::FacetOptions { std::chrono::milliseconds { 0 }, 50 });
    auto estimate = p.pack.facets(q, content::FacetOptions { std::chrono::milliseconds { -1 }, 50 });
    REQUIRE(exact.ok());
    REQUIRE(estimate.ok());
    CHECK_FALSE(exact->estimated);
    CHECK(estimate->estimated);
    CHECK(exact->total == 6000);
    CHECK(estimate->total == doctest::Approx(6000).epsilon(0.1));
    REQUIRE(exact->year.size() == estimate->year.size());
    for (std::size_t i = 0; i < exact->year.size(); ++i) {
        CHECK(exact->year[i].value == estimate->year[i].value);
        CHECK(static_cast<double>(estimate->year[i].count)
            == doctest::Approx(exact->year[i].count).epsilon(0.35));
    }
}

TEST_CASE("a search cancelled from another thread stops with a cancelled error, and the next search works")
{
    BigPack p(3000);
    std::atomic<bool> cancel { true };
    content::SearchQuery q;
    q.text = "common";
    auto r = p.pack.search(q, &cancel);
    REQUIRE_FALSE(r.ok());
    CHECK(content::is_cancelled(r.error()));
    auto f = p.pack.facets(q, {}, &cancel);
    REQUIRE_FALSE(f.ok());
    CHECK(content::is_cancelled(f.error()));
    cancel = false;
    auto again = p.pack.search(q, &cancel);
    REQUIRE(again.ok());
    CHECK(again->total == 3000);
    // From another thread, while searches keep running: each ends ok or cancelled, never worse.
    std::atomic<bool> stop { false };
    std::thread canceller([&] {
        while (!stop) {
            cancel = true;
            std::this_thread::sleep_for(std::chrono::microseconds(300));
            cancel = false;
        }
    });
    int cancelled = 0;
    for (int i = 0; i < 200; ++i) {
        q.text = (i % 2 == 0) ? "common" : "subject tr";
        auto s = p.pack.search(q, &cancel);
        if (!s.ok()) {
            CHECK(content::is_cancelled(s.error()));
            ++cancelled;
        }
    }
    stop = true;
    canceller.join();
    MESSAGE(cancelled << " of 200 searches were cancelled");
}
