// The names and readings tables (issue 13): their format with file:line errors, storage in a pack
// (a name found by its English form as written and as worded, readings by term), and the bundled
// tables against the exhibit: every origin and addressee with a usual Japanese name is named, and
// every term with a reading is one search leads to the English cables.
#include "cable/parse.hpp"
#include "content/name_tables.hpp"
#include "content/pack.hpp"
#include "content/pack_writer.hpp"
#include "content/variants.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace ck;
namespace fs = std::filesystem;
using ck::test::TempDir;

TEST_CASE("a names table is read one English form, a tab and its Japanese form a line")
{
    const std::string text
        = "# comment\n\nAMEMBASSY TOKYO\t在東京米国大使館\r\n  SECSTATE WASHDC \t 国務長官\n";
    auto names = content::parse_names(text, "names_ja.tsv");
    REQUIRE(names.ok());
    REQUIRE(names->size() == 2);
    CHECK(names->at(0).english == "AMEMBASSY TOKYO");
    CHECK(names->at(0).local == "在東京米国大使館");
    CHECK(names->at(0).line == 3);
    CHECK(names->at(1).english == "SECSTATE WASHDC");
    CHECK(names->at(1).local == "国務長官");
}

TEST_CASE("a bad line of a names or readings table is an error naming its line, and every one is reported")
{
    struct Case {
        bool readings;
        std::string text;
        const char* where;
        const char* says;
    };
    const std::vector<Case> cases = {
        { false, "AMEMBASSY TOKYO 在東京米国大使館\n", "t.tsv:1", "one tab" },
        { false, "A\tB\tC\n", "t.tsv:1", "one tab" },
        { false, "ok\tよい\n\t国務長官\n", "t.tsv:2", "empty" },
        { false, "AMEMBASSY TOKYO\t在東京\namembassy  tokyo\t東京\n", "t.tsv:2", "already named on line 1" },
        { false, "東京\t在東京米国大使館\n", "t.tsv:1", "English form" },
        { false, "Tokyo\tTOKYO\n", "t.tsv:1", "repeats the English form" },
        { false, "A\t" + std::string(300, 'x') + "\n", "t.tsv:1", "longer than 200 bytes" },
        { false, "A\tB\xff\n", "t.tsv:0", "UTF-8" },
        { true, "日本\tニホン\n", "t.tsv:1", "hiragana" },
        { true, "日本\tnihon\n", "t.tsv:1", "hiragana" },
        { true, "日本\tにほん\n日本\tにほん\n", "t.tsv:2", "already listed" },
    };
    for (const Case& c : cases) {
        INFO(c.text);
        std::vector<Error> problems;
        const Error e = c.readings ? content::parse_readings(c.text, "t.tsv", &problems).error()
                                   : content::parse_names(c.text, "t.tsv", &problems).error();
        CHECK(e.where == c.where);
        CHECK(e.message.find(c.says) != std::string::npos);
        CHECK(problems.size() == 1);
    }
    std::vector<Error> problems;
    CHECK_FALSE(content::parse_readings("a\tあ\nb\tB\nc\n\nd\tで\ne\tE\n", "r.tsv", &problems).ok());
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].where == "r.tsv:2");
    CHECK(problems[1].where == "r.tsv:3");
    CHECK(problems[2].where == "r.tsv:6");
}

TEST_CASE("a term may have several readings, with the long-vowel mark")
{
    auto readings = content::parse_readings("日本\tにほん\n日本\tにっぽん\nルート\tるーと\n", "r.tsv");
    REQUIRE(readings.ok());
    REQUIRE(readings->size() == 3);
    CHECK(readings->at(1).term == "日本");
    CHECK(readings->at(1).reading == "にっぽん");
    CHECK(readings->at(2).reading == "るーと");
}

TEST_CASE("a pack stores the names and readings: a name is found as written and as the kiosk words it")
{
    TempDir dir;
    content::BuildOptions options;
    options.names_ja = { { "AMEMBASSY TOKYO", "在東京米国大使館", 1 }, { "SECSTATE WASHDC", "国務長官", 2 },
        { "Consulate Shanghai", "在上海米国総領事館", 3 } };
    options.readings_ja = { { "日本", "にほん", 1 }, { "日本", "にっぽん", 2 }, { "ソ連", "それん", 3 } };
    {
        auto writer = content::PackWriter::create(dir / "p.ckpack", options);
        REQUIRE(writer.ok());
        for (const auto& c : test::sample_cables()) {
            REQUIRE(writer->add(c).ok());
        }
        REQUIRE(writer->commit().ok());
    }
    content::Pack pack = test::open_pack(dir / "p.ckpack");
    const auto& names = pack.collection().names;
    const auto ja = [&](std::string_view english) {
        const auto it = names.find(content::name_key(english));
        return it == names.end() ? std::string("(none)") : it->second.at("ja");
    };
    CHECK(ja("AMEMBASSY TOKYO") == "在東京米国大使館");
    CHECK(ja("Embassy Tokyo") == "在東京米国大使館");
    CHECK(ja("embassy  TOKYO") == "在東京米国大使館");
    CHECK(ja("Secretary of State") == "国務長官");
    CHECK(ja("Consulate Shanghai") == "在上海米国総領事館");
    CHECK(ja("AMEMBASSY SEOUL") == "(none)");
    std::multiset<std::pair<std::string, std::string>> readings;
    for (const auto& r : pack.collection().readings_ja) {
        readings.emplace(r.term, r.reading);
    }
    CHECK(readings
        == std::multiset<std::pair<std::string, std::string>> {
            { "日本", "にほん" }, { "日本", "にっぽん" }, { "ソ連", "それん" } });
}

TEST_CASE(
    "the bundled names table names every origin and addressee of the exhibit that has a usual Japanese name")
{
    const fs::path dir = fs::path(CK_SOURCE_DIR) / "content_pack";
    auto names = content::read_names(dir / "names_ja.tsv");
    REQUIRE_MESSAGE(names.ok(), (names.ok() ? "" : names.error().to_string()));
    std::set<std::string> named;
    for (const auto& n : names.value()) {
        named.insert(content::name_key(n.english));
    }
    // Addressees with no usual Japanese name: collectives (every post of a group) and staff offices.
    const std::set<std::string> unnamed = { "CHINA POSTS COLLECTIVE", "KOREA COLLECTIVE",
        "MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE", "OECD COLLECTIVE", "MOSCOW POLITICAL COLLECTIVE",
        "IRAN COLLECTIVE", "ASEAN REGIONAL FORUM COLLECTIVE", "ASEAN MEMBER COLLECTIVE",
        "ARAB ISRAELI COLLECTIVE", "EUROPEAN POLITICAL COLLECTIVE", "AFRICAN UNION COLLECTIVE",
        "CHIEF, FI/DIVISION D", "CHJUSMAG SEOUL KS", "CHJUSMAG SEOUL KOR", "SA CINCUNC KS" };
    std::set<std::string> missing;
    for (const auto& e : fs::recursive_directory_iterator(dir / "cables")) {
        if (!e.is_regular_file() || e.path().extension() != ".txt") {
            continue;
        }
        const auto parsed = cable::parse(test::read_bytes(e.path()), e.path().filename().string());
        for (const cable::Cable& c : parsed.cables) {
            std::vector<std::string> posts = c.to;
            posts.insert(posts.end(), c.info.begin(), c.info.end());
            posts.push_back(c.from);
            for (const std::string& post : posts) {
                const std::string key = content::name_key(post);
                if (!key.empty() && !named.contains(key) && !unnamed.contains(key)) {
                    missing.insert(post);
                }
            }
        }
    }
    CHECK(missing.empty());
    for (const std::string& m : missing) {
        MESSAGE("no Japanese name for: " << m);
    }
}

TEST_CASE("every term of the bundled readings table leads search to English words")
{
    const fs::path dir = fs::path(CK_SOURCE_DIR) / "content_pack";
    auto readings = content::read_readings(dir / "readings_ja.tsv");
    REQUIRE_MESSAGE(readings.ok(), (readings.ok() ? "" : readings.error().to_string()));
    auto variants = content::read_variants(dir / "variants.tsv");
    REQUIRE(variants.ok());
    std::set<std::string> leading;
    for (const auto& g : variants.value()) {
        if (g.one_way) {
            leading.insert(g.forms.front());
        }
    }
    CHECK(readings->size() >= 25);
    for (const auto& r : readings.value()) {
        CAPTURE(r.term);
        CHECK(leading.contains(r.term));
    }
}
