// The variants list: its format (file:line errors), the glossary's `also` forms, and search
// finding every form of a group whichever is typed.
#include "content/manifest.hpp"
#include "content/pack.hpp"
#include "content/variants.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace ck;
using ck::test::TempDir;

TEST_CASE("a variants list is read one group a line, forms split by tabs or commas")
{
    const std::string text = "# comment\n\nfibre, fiber\nUSSR\tSoviet Union\tSoviet\n  grey ,gray  \n";
    auto groups = content::parse_variants(text, "variants.tsv");
    REQUIRE(groups.ok());
    REQUIRE(groups->size() == 3);
    CHECK((*groups)[0].forms == std::vector<std::string> { "fibre", "fiber" });
    CHECK((*groups)[0].line == 3);
    CHECK((*groups)[1].forms == std::vector<std::string> { "USSR", "Soviet Union", "Soviet" });
    CHECK((*groups)[2].forms == std::vector<std::string> { "grey", "gray" });
    CHECK_FALSE((*groups)[0].one_way);
}

TEST_CASE("a one-way group is a form, '>', and the forms it leads to")
{
    auto groups = content::parse_variants("日本 > Japan, Tokyo\tGOJ\n", "variants.tsv");
    REQUIRE(groups.ok());
    REQUIRE(groups->size() == 1);
    CHECK(groups->front().forms == std::vector<std::string> { "日本", "Japan", "Tokyo", "GOJ" });
    CHECK(groups->front().one_way);
    for (const char* bad : { "> Japan, Tokyo\n", "日本 > Japan > Tokyo\n", "日本 >\n" }) {
        CAPTURE(bad);
        auto r = content::parse_variants(bad, "variants.tsv");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().where == "variants.tsv:1");
    }
}

TEST_CASE("a bad line of the variants list is an error naming its line, and every one is reported")
{
    struct Case {
        std::string text;
        const char* where;
        const char* says;
    };
    const std::vector<Case> cases = {
        { "fibre\n", "variants.tsv:1", "two forms or more" },
        { "ok, fine\nfibre,, fiber\n", "variants.tsv:2", "empty form" },
        { "fibre, fiber,\n", "variants.tsv:1", "empty form" },
        { "a, one two three four five\n", "variants.tsv:1", "more than 4 words" },
        { "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q\n", "variants.tsv:1", "at most 16 forms" },
        { "fibre, fib\xff\n", "variants.tsv:0", "UTF-8" },
    };
    for (const Case& c : cases) {
        INFO(c.text);
        std::vector<Error> problems;
        auto groups = content::parse_variants(c.text, "variants.tsv", &problems);
        REQUIRE_FALSE(groups.ok());
        CHECK(groups.error().where == c.where);
        CHECK(groups.error().message.find(c.says) != std::string::npos);
        CHECK(problems.size() == 1);
    }
    std::vector<Error> problems;
    CHECK_FALSE(content::parse_variants("x\ny\nfine, ok\nz\n", "v.tsv", &problems).ok());
    CHECK(problems.size() == 3);
}

TEST_CASE("a glossary entry's also key lists other forms, and anything but a list is an error")
{
    const std::string head = "format_version = 1\n[collection]\ntitle.en = \"T\"\n[[glossary]]\nterm = "
                             "\"GOJ\"\nkind = \"term\"\n"
                             "definition.en = \"Government of Japan.\"\n";
    auto ok = content::parse_manifest(
        head + "also = [\"Government of Japan\", \"Japanese government\"]\n", "c.toml");
    REQUIRE_MESSAGE(ok.ok(), (ok.ok() ? "" : ok.error().to_string()));
    CHECK(ok->glossary.front().also
        == std::vector<std::string> { "Government of Japan", "Japanese government" });
    auto bad = content::parse_manifest(head + "also = \"Government of Japan\"\n", "c.toml");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().where == "c.toml:8");
    CHECK(bad.error().message.find("'also' is a list") != std::string::npos);
}

namespace {

cable::Cable plain(std::string id, cable::CableDate date, std::string subject, std::string body)
{
    cable::Cable c;
    c.id = std::move(id);
    c.date = date;
    c.subject = std::move(subject);
    c.display_text = std::move(body);
    c.source_file = "cables/" + c.id + ".txt";
    return c;
}

struct VariantsPack {
    TempDir dir;
    content::Pack pack;
    static content::BuildOptions options()
    {
        content::BuildOptions o;
        auto groups = content::parse_variants(
            "fibre, fiber\nUSSR, Soviet Union\n日本 > Japan, GOJ\n", "variants.tsv");
        REQUIRE(groups.ok());
        o.variants = std::move(*groups);
        content::Manifest m = test::sample_manifest();
        m.glossary.push_back(content::ManifestGlossaryEntry { "GOJ", content::GlossaryKind::term,
            { { "en", "Government of Japan." } }, { "Government of Japan" }, 41 });
        o.manifest = std::move(m);
        return o;
    }
    static content::BuildSummary build(const std::filesystem::path& out)
    {
        auto writer = content::PackWriter::create(out, options());
        REQUIRE(writer.ok());
        auto cables = test::sample_cables();
        cables.push_back(
            plain("10STATE1", { 2010, 2, 1, 1, 0 }, "CARBON FIBER FOR IRAN", "1. Carbon fiber."));
        cables.push_back(
            plain("10STATE2", { 2010, 3, 1, 1, 0 }, "THE SOVIET UNION REMEMBERED", "1. History."));
        for (const auto& c : cables) {
            REQUIRE(writer->add(c).ok());
        }
        auto summary = writer->commit();
        REQUIRE_MESSAGE(summary.ok(), (summary.ok() ? "" : summary.error().to_string()));
        return *summary;
    }
    VariantsPack()
        : pack((build(dir / "v.ckpack"), test::open_pack(dir / "v.ckpack")))
    {
    }
};

std::vector<std::string> found(content::Pack& pack, const std::string& text)
{
    content::SearchQuery q;
    q.text = text;
    q.budget = std::chrono::milliseconds { 0 };
    auto r = pack.search(q);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().to_string()));
    CHECK(r->total == static_cast<std::int64_t>(r->hits.size()));
    std::vector<std::string> ids;
    for (const auto& h : r->hits) {
        ids.push_back(h.cable.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

TEST_CASE("every form of a variants group finds the cables of the others, whichever is typed")
{
    VariantsPack p;
    struct Case {
        const char* text;
        std::vector<std::string> expected; // sorted
    };
    const Case cases[] = {
        { "fibre ", { "10STATE1" } },
        { "fibre", { "10STATE1" } }, // still being typed: a prefix with no word of its own
        { "fiber", { "10STATE1" } },
        { "carbon fibre", { "10STATE1" } },
        { "\"carbon fibre\"", {} }, // a quoted phrase is only itself
        { "ussr ", { "001_cafc2fa6b2b6242c", "10STATE2", "1976TOKYO12732" } },
        { "soviet union ", { "001_cafc2fa6b2b6242c", "10STATE2", "1976TOKYO12732" } },
        { "soviet ", { "10STATE2" } }, // one word of a form is only itself
        { "goj ", { "08TOKYO1723", "85TOKYO364" } },
        { "government of japan ", { "08TOKYO1723", "85TOKYO364" } }, // from the glossary's also
        { "\"government of japan\"", { "08TOKYO1723", "85TOKYO364" } },
        // One way: the Japanese term finds the English words, an English word never the group.
        { "日本", { "06TOKYO5212", "08TOKYO1723", "1976TOKYO12732", "85TOKYO364" } },
        { "japan ", { "06TOKYO5212", "08TOKYO1723", "1976TOKYO12732" } },
    };
    for (const Case& c : cases) {
        INFO(c.text);
        CHECK(found(p.pack, c.text) == c.expected);
    }
}

TEST_CASE("the results say which typed words the variants list widened, and with what")
{
    VariantsPack p;
    struct Case {
        const char* text;
        std::vector<content::Widened> widened;
    };
    const std::vector<Case> cases = {
        { "日本", { { "日本", { "goj", "japan" } } } },
        { "japan ", {} },
        { "fibre carbon", { { "fibre", { "fiber" } } } },
        { "soviet union", { { "soviet union", { "ussr" } } } },
        { "whaling", {} },
    };
    for (const Case& c : cases) {
        INFO(c.text);
        content::SearchQuery q;
        q.text = c.text;
        q.budget = std::chrono::milliseconds { 0 };
        auto r = p.pack.search(q);
        REQUIRE(r.ok());
        CHECK(r->widened == c.widened);
    }
}

TEST_CASE("the words searched include the variants, so they are marked in subjects")
{
    VariantsPack p;
    content::SearchQuery q;
    q.text = "fibre ";
    q.budget = std::chrono::milliseconds { 0 };
    auto r = p.pack.search(q);
    REQUIRE(r.ok());
    CHECK(std::find(r->words.begin(), r->words.end(), "fiber") != r->words.end());
    REQUIRE_FALSE(r->hits.empty());
    CHECK_FALSE(r->hits.front().highlights.empty());
}

TEST_CASE("a variants form with no word search could match fails the build naming its line")
{
    TempDir dir;
    content::BuildOptions o;
    auto groups = content::parse_variants("fibre, fiber\n!!!, ???\n", "variants.tsv");
    REQUIRE(groups.ok());
    o.variants = std::move(*groups);
    auto writer = content::PackWriter::create(dir / "x.ckpack", std::move(o));
    REQUIRE(writer.ok());
    for (const auto& c : test::sample_cables()) {
        REQUIRE(writer->add(c).ok());
    }
    auto summary = writer->commit();
    REQUIRE_FALSE(summary.ok());
    CHECK(summary.error().where == "variants.tsv:2");
    CHECK(summary.error().message.find("no word") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "x.ckpack"));
}
