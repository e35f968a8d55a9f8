// Permalinks through the pack: the manifest's [[cables]] (https only, line-numbered errors), the
// sources' permalinks given to the writer, the curator's winning, and Pack::permalink reading
// them back; then the bundled exhibit through cablepack, as `export` and `inspect` print them.
#include "content/manifest.hpp"
#include "content/pack.hpp"
#include "content/pack_writer.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <sstream>

using namespace ck;
namespace fs = std::filesystem;

namespace {

constexpr const char* head = "format_version = 1\n[collection]\ntitle.en = \"T\"\n";

} // namespace

TEST_CASE("the manifest's [[cables]] give a cable a permalink, and a bad one is an error naming its line")
{
    auto good = content::parse_manifest(std::string(head)
            + "[[cables]]\nid = \"1977STATE158046\"\npermalink = \"https://example.org/cable/1\"\n",
        "c.toml");
    REQUIRE_MESSAGE(good.ok(), (good.ok() ? "" : good.error().to_string()));
    REQUIRE(good->cables.size() == 1);
    CHECK(good->cables[0].id == "1977STATE158046");
    CHECK(good->cables[0].permalink == "https://example.org/cable/1");
    CHECK(good->cables[0].line == 4);

    const std::pair<std::string, std::string> bad[] = {
        { "[[cables]]\nid = \"X\"\npermalink = \"http://example.org/x\"\n",
            "c.toml:6: permalink must start with https://" },
        { "[[cables]]\nid = \"X\"\n", "c.toml:4: [[cables]] needs 'id' and 'permalink'" },
        { "[[cables]]\nid = \"X\"\npermalink = \"https://example.org/x\"\nurl = \"y\"\n",
            "c.toml:7: unknown key 'url'" },
    };
    for (const auto& [toml, error] : bad) {
        INFO(toml);
        auto m = content::parse_manifest(std::string(head) + toml, "c.toml");
        REQUIRE_FALSE(m.ok());
        CHECK(m.error().to_string().rfind(error, 0) == 0);
    }
}

TEST_CASE("a pack carries the sources' permalinks, the manifest's override them, and others have none")
{
    test::TempDir dir;
    auto cables = test::sample_cables();
    REQUIRE(cables.size() >= 3);
    const std::string a = cables[0].id;
    const std::string b = cables[1].id;
    content::Manifest manifest = test::sample_manifest();
    manifest.cables = { { b, "https://example.org/curated", 9 } };
    content::BuildOptions options;
    options.manifest = manifest;
    options.permalinks = { { a, "https://wikileaks.org/plusd/cables/" + a + "_a.html" },
        { b, "https://example.org/from-source" }, { "NOT-IN-PACK", "https://example.org/nowhere" } };
    auto writer = content::PackWriter::create(dir / "p.ckpack", options);
    REQUIRE(writer.ok());
    for (const auto& c : cables) {
        REQUIRE(writer->add(c).ok());
    }
    auto summary = writer->commit();
    REQUIRE_MESSAGE(summary.ok(), (summary.ok() ? "" : summary.error().to_string()));
    auto pack = test::open_pack(dir / "p.ckpack");
    CHECK(*pack.permalink(a).value() == "https://wikileaks.org/plusd/cables/" + a + "_a.html");
    CHECK(*pack.permalink(b).value() == "https://example.org/curated");
    CHECK_FALSE(pack.permalink(cables[2].id).value().has_value());
    CHECK_FALSE(pack.permalink("NOT-IN-PACK").value().has_value());
    CHECK(pack.permalink_count().value() == 2);
}

TEST_CASE("a manifest permalink for a cable not in the pack fails the build naming the manifest line")
{
    test::TempDir dir;
    content::Manifest manifest = test::sample_manifest();
    manifest.cables.push_back({ "99NOWHERE1", "https://example.org/x", 42 });
    content::BuildOptions options;
    options.manifest = manifest;
    auto writer = content::PackWriter::create(dir / "p.ckpack", options);
    REQUIRE(writer.ok());
    for (const auto& c : test::sample_cables()) {
        REQUIRE(writer->add(c).ok());
    }
    auto summary = writer->commit();
    REQUIRE_FALSE(summary.ok());
    CHECK(
        summary.error().to_string().find(":42: cable '99NOWHERE1' is not in the pack") != std::string::npos);
}

#ifdef CK_CABLEPACK
TEST_CASE("the bundled exhibit built by cablepack exports each cable's permalink by its source, and inspect "
          "counts them")
{
    test::TempDir dir;
    const fs::path corpus = fs::path(CK_SOURCE_DIR) / "content_pack";
    const std::string cablepack = std::string(CK_CABLEPACK) + " ";
    const auto pack = dir / "exhibit.ckpack";
    auto build = test::run_command(cablepack + "build '" + corpus.string() + "' --manifest '"
            + (corpus / "collection.toml").string() + "' --out '" + pack.string() + "'",
        dir);
    INFO(build.err);
    REQUIRE(build.code == 0);
    auto exported = test::run_command(cablepack + "export '" + pack.string() + "'", dir);
    REQUIRE(exported.code == 0);
    std::map<std::string, nlohmann::json> by_id;
    std::istringstream lines(exported.out);
    for (std::string line; std::getline(lines, line);) {
        const auto j = nlohmann::json::parse(line);
        REQUIRE(j.contains("permalink"));
        by_id[j["id"].get<std::string>()] = j["permalink"];
    }
    const std::pair<const char*, const char*> expected[] = {
        { "09TRIPOLI938", "https://cablegate.wikileaks.org/cable/2009/11/09TRIPOLI938.html" },
        { "85TOKYO364", "https://wikileaks.org/plusd/cables/85TOKYO364_a.html" },
        { "09UNVIEVIENNA281", "https://wikileaks.org/plusd/cables/09UNVIEVIENNA281_a.html" },
        { "1973STATE097844", "https://wikileaks.org/plusd/cables/1973STATE097844_b.html" },
        { "CIA-RDP80B01676R003100290016-2",
            "https://www.cia.gov/readingroom/document/cia-rdp80b01676r003100290016-2" },
    };
    for (const auto& [id, url] : expected) {
        INFO(id);
        REQUIRE(by_id.count(id) == 1);
        CHECK(by_id[id] == url);
    }
    // The seeds are the kiosk's test documents, with no public page of their own.
    for (const char* seed : { "1977STATE158046", "08TOKYO1723", "06TOKYO5212" }) {
        INFO(seed);
        REQUIRE(by_id.count(seed) == 1);
        CHECK(by_id[seed].is_null());
    }
    std::size_t nara = 0;
    for (const auto& [id, link] : by_id) {
        nara += link.is_string()
            && link.get<std::string>().rfind(
                   "https://www.archives.gov/files/research/jfk/releases/2025/0318/", 0)
                == 0;
    }
    CHECK(nara == 2);
    auto inspect = test::run_command(cablepack + "inspect '" + pack.string() + "' --json", dir);
    REQUIRE(inspect.code == 0);
    CHECK(nlohmann::json::parse(inspect.out)["permalinks"] == 40);
}
#endif
