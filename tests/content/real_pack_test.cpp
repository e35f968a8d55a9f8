// The bundled corpus through the real parser into a pack with the real manifest: table tests of
// the build, search, facets and completion on a small real pack.
#include "cable/parse.hpp"
#include "content/manifest.hpp"
#include "content/pack.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace ck;
namespace fs = std::filesystem;

namespace {

content::Pack& real_pack()
{
    static test::TempDir dir;
    static content::Pack pack = [] {
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
            INFO(f);
            CHECK_FALSE(parsed.has_errors());
            cables.insert(cables.end(), parsed.cables.begin(), parsed.cables.end());
        }
        std::optional<content::Manifest> manifest;
        const fs::path toml = fs::path(CK_SOURCE_DIR) / "content_pack" / "collection.toml";
        if (fs::exists(toml)) {
            auto m = content::read_manifest(toml);
            REQUIRE_MESSAGE(m.ok(), (m.ok() ? "" : m.error().to_string()));
            manifest = std::move(*m);
        }
        test::build_pack(dir / "real.ckpack", cables, manifest);
        return test::open_pack(dir / "real.ckpack");
    }();
    return pack;
}

std::set<std::string> ids_of(const content::SearchResults& r)
{
    std::set<std::string> out;
    for (const auto& h : r.hits) {
        out.insert(h.cable.id);
    }
    return out;
}

} // namespace

TEST_CASE("the real corpus builds into a pack holding all forty-five documents, every curated one included")
{
    auto& pack = real_pack();
    CHECK(pack.info().cables == 45);
    CHECK(pack.check_integrity().ok());
    auto years = pack.years();
    REQUIRE(years.ok());
    std::int64_t dated = 0;
    for (const auto& y : *years) {
        dated += y.cables;
    }
    CHECK(dated == 45);
    for (const auto& section : pack.collection().sections) {
        CAPTURE(section.id);
        CHECK_FALSE(section.cables.empty());
        auto summaries = pack.summaries(section.cables);
        REQUIRE(summaries.ok());
        CHECK(summaries->size() == section.cables.size());
    }
    for (const auto& f : pack.collection().featured) {
        CHECK(pack.cable(f.cable)->has_value());
    }
    // The seed document without an id is stored under its file stem.
    auto stem = pack.cable("001_cafc2fa6b2b6242c");
    REQUIRE(stem.ok());
    REQUIRE(stem->has_value());
    CHECK((*stem)->id_from_file);
}

TEST_CASE("searching the real pack finds the documents a visitor would expect")
{
    auto& pack = real_pack();
    struct Case {
        const char* query;
        const char* must_find;
    };
    const Case cases[] = {
        { "whaling ", "85TOKYO364" },
        { "S-300", "09MOSCOW405" },
        { "\"strategic goods\"", "1977STATE158046" },
        { "Brezhnev", "1976TOKYO12732" },
        { "cocom", "1977STATE158046" },
        { "igla", "09STATE14070" },
        { "bank mellat", "09KUALALUMPUR752" },
        { "oswald", "DIRECTOR 941533" },
        { "sniper rifles", "05VIENNA37" },
    };
    for (const auto& c : cases) {
        CAPTURE(c.query);
        content::SearchQuery q;
        q.text = c.query;
        auto r = pack.search(q);
        REQUIRE(r.ok());
        const auto found = ids_of(*r);
        if (found.count(c.must_find) == 0) {
            for (const auto& id : found) {
                MESSAGE(id);
            }
        }
        CHECK(found.count(c.must_find) == 1);
        for (const auto& hit : r->hits) {
            CHECK_FALSE(hit.snippet.empty());
            CHECK_FALSE(hit.highlights.empty());
        }
    }
}

TEST_CASE("facets on the real pack add up, and completion offers real words")
{
    auto& pack = real_pack();
    content::SearchQuery q;
    q.text = "korea";
    auto r = pack.search(q);
    auto f = pack.facets(q, content::FacetOptions { std::chrono::milliseconds { 0 }, 100 });
    REQUIRE(r.ok());
    REQUIRE(f.ok());
    CHECK(f->total == r->total);
    std::int64_t by_year = 0;
    for (const auto& y : f->year) {
        by_year += y.count;
    }
    CHECK(by_year == f->total);
    const std::pair<const char*, const char*> completions[]
        = { { "nort", "north" }, { "prolif", "proliferation" }, { "kore", "korea" } };
    for (const auto& [typed, word] : completions) {
        const auto shown = typed; // clang 14 cannot capture a structured binding
        CAPTURE(shown);
        auto c = pack.complete(typed, 8);
        REQUIRE(c.ok());
        bool has = false;
        for (const auto& w : *c) {
            has = has || w.word == word;
        }
        CHECK(has);
    }
}

TEST_CASE(
    "the exhibit's two guided tours are in the pack: the Tripoli thread in order and the parts of a cable")
{
    const auto& tours = real_pack().collection().tours;
    REQUIRE(tours.size() == 2);
    CHECK(tours[0].id == "libya-last-uranium");
    CHECK(content::pick(tours[0].title, "en") == "Libya's last uranium, in five cables");
    std::vector<std::string> libya;
    for (const auto& stop : tours[0].stops) {
        libya.push_back(stop.cable);
    }
    CHECK(libya
        == std::vector<std::string> {
            "09TRIPOLI938", "09TRIPOLI941", "09TRIPOLI943", "09TRIPOLI950", "09TRIPOLI1025" });
    CHECK(tours[1].id == "how-to-read-a-cable");
    CHECK(tours[1].stops.size() == 6);
    for (const auto& tour : tours) {
        CAPTURE(tour.id);
        CHECK(tour.title.contains("ja"));
        CHECK(tour.introduction.contains("ja"));
        for (const auto& stop : tour.stops) {
            CAPTURE(stop.cable);
            const std::size_t words = content::count_words(content::pick(stop.note, "en"));
            const std::size_t chars = content::count_characters(content::pick(stop.note, "ja"));
            CHECK(words >= content::tour_note_min_words);
            CHECK(words <= content::tour_note_max_words);
            CHECK(chars >= content::tour_note_min_ja_chars);
            CHECK(chars <= content::tour_note_max_ja_chars);
            auto record = real_pack().cable(stop.cable);
            REQUIRE(record.ok());
            REQUIRE(record->has_value());
            if (!stop.paragraph.empty()) {
                const auto& paragraphs = (*record)->cable.paragraphs;
                CHECK(std::any_of(paragraphs.begin(), paragraphs.end(),
                    [&](const cable::Paragraph& p) { return p.number == stop.paragraph; }));
            }
        }
    }
    // The signature stop opens where the signature is, and the portion-mark stop at a (U) paragraph.
    CHECK(tours[1].stops[5].paragraph == "15");
    CHECK(tours[1].stops[4].cable == "09STATE14070");
}
