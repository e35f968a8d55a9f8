// Guided tours in the manifest and the pack: the README's format is read with the line of every
// stop, each mistake a curator can make is an error citing its line (in the manifest alone, or when
// the pack is built: a cable or a paragraph the pack lacks), and the tours come back from the pack
// in order.
#include "content/manifest.hpp"
#include "content/pack.hpp"
#include "content/pack_diff.hpp"
#include "content/pack_writer.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace ck;

namespace {

std::string words(std::size_t n)
{
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += (i == 0 ? "word" : " word");
    }
    return out;
}

std::string kana(std::size_t n)
{
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += "あ";
    }
    return out;
}

// A manifest whose lines are known: line 1 format_version, the collection on lines 2-4, the tour's
// table on line 5 with its id on line 6 and its stops from line 11, five lines each (cable on the
// second line of each stop). `tour_extra` goes right after the introduction (line 11 on).
std::string stop(
    const std::string& cable, const std::string& en, const std::string& ja, const std::string& extra = "")
{
    return "[[tours.stops]]\ncable = \"" + cable + "\"\nnote.en = \"" + en + "\"\nnote.ja = \"" + ja + "\"\n"
        + extra;
}

std::string manifest_with(const std::string& tours)
{
    return "format_version = 1\n[collection]\ntitle.en = \"Sent\"\ntitle.ja = \"電報\"\n" + tours;
}

std::string tour_head(const std::string& id = "libya")
{
    return "[[tours]]\nid = \"" + id
        + "\"\ntitle.en = \"Libya\"\ntitle.ja = \"リビア\"\nintroduction.en = \"Five cables.\"\n"
          "introduction.ja = \"5通の電報。\"\n";
}

const std::string good_en = words(50);
const std::string good_ja = kana(120);

} // namespace

TEST_CASE("a tour in the README's format is read with its stops in order and the line of each")
{
    const std::string text = manifest_with(tour_head() + stop("09TRIPOLI938", good_en, good_ja)
        + stop("09TRIPOLI941", good_en, good_ja, "paragraph = \"4\"\n"));
    auto m = content::parse_manifest(text, "collection.toml");
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? "" : m.error().to_string()));
    REQUIRE(m->tours.size() == 1);
    const content::ManifestTour& tour = m->tours[0];
    CHECK(tour.id == "libya");
    CHECK(tour.line == 6);
    CHECK(tour.title.at("ja") == "リビア");
    CHECK(tour.introduction.at("en") == "Five cables.");
    REQUIRE(tour.stops.size() == 2);
    CHECK(tour.stops[0].cable == "09TRIPOLI938");
    CHECK(tour.stops[0].line == 12);
    CHECK(tour.stops[0].paragraph.empty());
    CHECK(tour.stops[1].cable == "09TRIPOLI941");
    CHECK(tour.stops[1].line == 16);
    CHECK(tour.stops[1].paragraph == "4");
    CHECK(tour.stops[1].paragraph_line == 19);
    CHECK(tour.stops[1].note.at("ja") == good_ja);
}

TEST_CASE("note lengths count English words and Japanese characters, not bytes or spaces")
{
    CHECK(content::count_words("The casks -- seven of them -- left.") == 6);
    CHECK(content::count_words("  two\nwords ") == 2);
    CHECK(content::count_words("") == 0);
    CHECK(content::count_characters("キャスク 7基\n") == 6);
    CHECK(content::count_characters("a\u3000b") == 2);
}

TEST_CASE("each mistake in a tour is an error that cites its line")
{
    struct Case {
        const char* name;
        std::string text;
        std::size_t line;
        const char* says;
    };
    const std::string two_stops = stop("A", good_en, good_ja) + stop("B", good_en, good_ja);
    const Case cases[] = {
        { "a tour with one stop", manifest_with(tour_head() + stop("A", good_en, good_ja)), 6,
            "tour 'libya' has 1 stop: a tour needs at least 2" },
        { "a tour with no stops", manifest_with(tour_head()), 6, "has 0 stops" },
        { "a tour id used twice", manifest_with(tour_head() + two_stops + tour_head() + two_stops), 20,
            "tour id 'libya' is used twice" },
        { "a tour id that is not a slug", manifest_with(tour_head("Libya Tour") + two_stops), 6, "slug" },
        { "a tour without an id",
            manifest_with("[[tours]]\ntitle.en = \"T\"\ntitle.ja = \"T\"\nintroduction.en = \"I\"\n"
                          "introduction.ja = \"I\"\n"
                + two_stops),
            5, "[[tours]] is missing required key 'id'" },
        { "a note too short",
            manifest_with(tour_head() + stop("A", words(39), good_ja) + stop("B", good_en, good_ja)), 13,
            "note.en of stop 1 of tour 'libya' has 39 words: a curator's note has 40 to 80 (too short)" },
        { "a note too long",
            manifest_with(tour_head() + stop("A", good_en, good_ja) + stop("B", words(81), good_ja)), 17,
            "note.en of stop 2 of tour 'libya' has 81 words" },
        { "a Japanese note too long",
            manifest_with(tour_head() + stop("A", good_en, kana(241)) + stop("B", good_en, good_ja)), 14,
            "has 241 characters: a Japanese note has 80 to 240 (too long)" },
        { "a Japanese note too short",
            manifest_with(tour_head() + stop("A", good_en, good_ja) + stop("B", good_en, kana(79))), 18,
            "(too short)" },
        { "a note without its Japanese translation",
            manifest_with(tour_head() + "[[tours.stops]]\ncable = \"A\"\nnote.en = \"" + good_en + "\"\n"
                + stop("B", good_en, good_ja)),
            13, "the note of stop 1 of tour 'libya' has no translation 'ja'" },
        { "a title without its Japanese translation",
            manifest_with(
                "[[tours]]\nid = \"t\"\ntitle.en = \"T\"\nintroduction.en = \"I\"\nintroduction.ja = \"I\"\n"
                + two_stops),
            7, "the title of tour 't' has no translation 'ja'" },
        { "a tour without an introduction",
            manifest_with("[[tours]]\nid = \"t\"\ntitle.en = \"T\"\ntitle.ja = \"T\"\n" + two_stops), 6,
            "missing required key 'introduction'" },
        { "a stop without a cable",
            manifest_with(tour_head() + "[[tours.stops]]\nnote.en = \"" + good_en + "\"\nnote.ja = \""
                + good_ja + "\"\n" + stop("B", good_en, good_ja)),
            11, "stop 1 of tour 'libya' is missing required key 'cable'" },
        { "a paragraph that is not a number as cables write them",
            manifest_with(tour_head() + stop("A", good_en, good_ja, "paragraph = \"4 and 5\"\n")
                + stop("B", good_en, good_ja)),
            15, "paragraph '4 and 5' must be a paragraph number" },
        { "an unknown key in a stop",
            manifest_with(
                tour_head() + stop("A", good_en, good_ja, "para = \"4\"\n") + stop("B", good_en, good_ja)),
            15, "unknown key 'para' in [[tours.stops]]" },
        { "stops not written as tables", manifest_with(tour_head() + "stops = [\"A\", \"B\"]\n"), 11,
            "[[tours.stops]]" },
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        std::vector<Error> problems;
        auto m = content::parse_manifest(c.text, "collection.toml", &problems);
        REQUIRE_FALSE(m.ok());
        bool found = false;
        for (const Error& e : problems) {
            found = found
                || (e.where == "collection.toml:" + std::to_string(c.line)
                    && e.message.find(c.says) != std::string::npos);
        }
        if (!found) {
            for (const Error& e : problems) {
                MESSAGE(e.to_string());
            }
        }
        CHECK(found);
    }
}

TEST_CASE("a tour stop naming a cable or a paragraph the pack lacks fails the build, citing its line")
{
    test::TempDir dir;
    auto manifest = test::sample_manifest();
    manifest.tours.clear();
    content::ManifestTour tour;
    tour.id = "parts";
    tour.title = { { "en", "Parts" } };
    tour.introduction = { { "en", "Parts of a cable." } };
    tour.line = 40;
    tour.stops.push_back({ "1977STATE158046", { { "en", good_en } }, "2", 41, 43 });
    tour.stops.push_back({ "1977STATE158046", { { "en", good_en } }, "3", 45, 47 });
    tour.stops.push_back({ "99NOWHERE1", { { "en", good_en } }, "", 49, 0 });
    manifest.tours.push_back(tour);
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
    CHECK(text.find(
              "collection.toml:47: cable '1977STATE158046' has no paragraph '3' (its paragraphs are 1, 2)")
        != std::string::npos);
    CHECK(text.find("collection.toml:43:") == std::string::npos); // paragraph 2 is there
    CHECK(text.find("collection.toml:49: cable '99NOWHERE1' is not in the pack") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "p.ckpack"));
}

TEST_CASE("tours are stored in the pack and read back in order, with their texts and paragraphs")
{
    test::TempDir dir;
    auto manifest = test::sample_manifest();
    manifest.tours.clear();
    for (const char* id : { "first", "second" }) {
        content::ManifestTour tour;
        tour.id = id;
        tour.title = { { "en", std::string("Tour ") + id }, { "ja", "ツアー" } };
        tour.introduction = { { "en", "Intro" }, { "ja", "紹介" } };
        tour.stops.push_back({ "1977STATE158046", { { "en", "Note one" }, { "ja", "注一" } }, "2", 1, 1 });
        tour.stops.push_back({ "08TOKYO1723", { { "en", "Note two" }, { "ja", "注二" } }, "", 2, 0 });
        manifest.tours.push_back(tour);
    }
    test::build_pack(dir / "p.ckpack", test::sample_cables(), manifest);
    auto pack = test::open_pack(dir / "p.ckpack");
    const auto& tours = pack.collection().tours;
    REQUIRE(tours.size() == 2);
    CHECK(tours[0].id == "first");
    CHECK(tours[1].id == "second");
    CHECK(content::pick(tours[1].title, "en") == "Tour second");
    CHECK(content::pick(tours[0].introduction, "ja") == "紹介");
    REQUIRE(tours[0].stops.size() == 2);
    CHECK(tours[0].stops[0].cable == "1977STATE158046");
    CHECK(tours[0].stops[0].paragraph == "2");
    CHECK(content::pick(tours[0].stops[0].note, "ja") == "注一");
    CHECK(tours[0].stops[1].cable == "08TOKYO1723");
    CHECK(tours[0].stops[1].paragraph.empty());
    CHECK(content::pick(tours[0].stops[1].note, "en") == "Note two");
}

TEST_CASE("a pack whose only change is a tour's note differs in its curation")
{
    test::TempDir dir;
    auto manifest = test::sample_manifest();
    test::build_pack(dir / "old.ckpack", test::sample_cables(), manifest);
    manifest.tours[0].stops[1].note["en"] = "The proposal, retold.";
    test::build_pack(dir / "new.ckpack", test::sample_cables(), manifest);
    auto old_pack = test::open_pack(dir / "old.ckpack");
    auto new_pack = test::open_pack(dir / "new.ckpack");
    auto diff = content::diff_packs(old_pack, new_pack);
    REQUIRE(diff.ok());
    CHECK(diff->curation_changed);
    CHECK(diff->changed.empty());
    auto same = content::diff_packs(old_pack, old_pack);
    REQUIRE(same.ok());
    CHECK_FALSE(same->curation_changed);
}
