// The manifest reader: the README's format is accepted exactly, and every kind of mistake is an
// error citing its line.
#include "content/manifest.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace ck;

namespace {

constexpr const char* valid_manifest = R"toml(format_version = 1

[collection]
title.en = "Sent in Confidence"
title.ja = "機密電報は語る"
introduction.en = """
For half a century."""
about.en = "Public records."

[[sections]]
id = "export-controls"
title.en = "Keeping technology at home"
title.ja = "技術を守る"
caption.en = """Japan and its allies."""
cables = ["1977STATE158046", "08TOKYO1723"]

[[featured]]
cable = "1977STATE158046"
teaser.en = "A quiet request"
teaser.ja = "静かな依頼"

[[glossary]]
term = "PREL"
kind = "tag"
definition.en = "Political relations"

[ui.en]
"nav.back" = "Back"
[ui.ja]
"nav.back" = "戻る"
)toml";

} // namespace

TEST_CASE("a manifest in the README's format is read completely, with lines for its cables")
{
    auto m = content::parse_manifest(valid_manifest, "collection.toml");
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? "" : m.error().to_string()));
    CHECK(m->title.at("ja") == "機密電報は語る");
    CHECK(m->introduction.at("en") == "For half a century.");
    REQUIRE(m->sections.size() == 1);
    CHECK(m->sections[0].id == "export-controls");
    CHECK(m->sections[0].cables == std::vector<std::string> { "1977STATE158046", "08TOKYO1723" });
    CHECK(m->sections[0].cable_lines == std::vector<std::size_t> { 15, 15 });
    REQUIRE(m->featured.size() == 1);
    CHECK(m->featured[0].line == 18);
    CHECK(m->featured[0].teaser.at("ja") == "静かな依頼");
    REQUIRE(m->glossary.size() == 1);
    CHECK(m->glossary[0].kind == content::GlossaryKind::tag);
    CHECK(m->ui.at("ja").at("nav.back") == "戻る");
}

TEST_CASE("the bundled collection.toml is accepted")
{
    const auto path = std::filesystem::path(CK_SOURCE_DIR) / "content_pack" / "collection.toml";
    if (!std::filesystem::exists(path)) {
        MESSAGE("content_pack/collection.toml is not written yet");
        return;
    }
    std::vector<Error> problems;
    auto m = content::read_manifest(path, &problems);
    for (const auto& p : problems) {
        MESSAGE(p.to_string());
    }
    REQUIRE(m.ok());
    CHECK(m->title.count("en") == 1);
    CHECK_FALSE(m->sections.empty());
}

TEST_CASE("each mistake in a manifest is an error that cites its line")
{
    struct Case {
        const char* name;
        const char* text;
        std::size_t line;
        const char* says;
    };
    const Case cases[] = {
        { "TOML syntax", "format_version = 1\n[collection]\ntitle.en = \"x\n", 3, "TOML error" },
        { "duplicate key", "format_version = 1\n[collection]\ntitle.en = \"a\"\ntitle.en = \"b\"\n", 4,
            "TOML error" },
        { "unknown top-level key", "format_version = 1\ncolour = 3\n[collection]\ntitle.en = \"a\"\n", 2,
            "unknown key 'colour'" },
        { "unknown key in a section",
            "format_version = 1\n[collection]\ntitle.en = \"a\"\n[[sections]]\nid = \"s\"\ntitle.en = \"t\"\n"
            "cables = []\nsubtitle.en = \"x\"\n",
            8, "unknown key 'subtitle'" },
        { "missing format_version", "[collection]\ntitle.en = \"a\"\n", 1, "format_version" },
        { "unknown format_version", "format_version = 2\n[collection]\ntitle.en = \"a\"\n", 1,
            "format_version" },
        { "huge format_version", "format_version = 9223372036854775807\n[collection]\ntitle.en = \"a\"\n", 1,
            "format_version" },
        { "missing collection", "format_version = 1\n", 1, "[collection]" },
        { "title without English", "format_version = 1\n[collection]\ntitle.ja = \"a\"\n", 3, "no English" },
        { "title not a language table", "format_version = 1\n[collection]\ntitle = \"a\"\n", 3,
            "table of languages" },
        { "bad language code", "format_version = 1\n[collection]\ntitle.en = \"a\"\ntitle.EN = \"b\"\n", 4,
            "not a language code" },
        { "section without id",
            "format_version = 1\n[collection]\ntitle.en = \"a\"\n[[sections]]\ntitle.en = \"t\"\ncables = "
            "[]\n",
            4, "missing required key 'id'" },
        { "section id not a slug",
            "format_version = 1\n[collection]\ntitle.en = \"a\"\n[[sections]]\nid = \"Bad Slug\"\ntitle.en = "
            "\"t\"\ncables = []\n",
            5, "slug" },
        { "section id twice",
            "format_version = 1\n[collection]\ntitle.en = \"a\"\n[[sections]]\nid = \"s\"\ntitle.en = "
            "\"t\"\ncables = "
            "[]\n[[sections]]\nid = \"s\"\ntitle.en = \"t\"\ncables = []\n",
            9, "used twice" },
        { "cables not a list",
            "format_version = 1\n[collection]\ntitle.en = \"a\"\n[[sections]]\nid = \"s\"\ntitle.en = "
            "\"t\"\ncables = "
            "\"x\"\n",
            7, "list of cable ids" },
        { "a cable id not a string",
            "format_version = 1\n[collection]\ntitle.en = \"a\"\n[[sections]]\nid = \"s\"\ntitle.en = "
            "\"t\"\ncables = "
            "[1]\n",
            7, "must be a string" },
        { "sections not an array of tables",
            "format_version = 1\nsections = 3\n[collection]\ntitle.en = \"a\"\n", 2, "[[sections]]" },
        { "glossary kind unknown",
            "format_version = 1\n[collection]\ntitle.en = \"a\"\n[[glossary]]\nterm = \"X\"\nkind = "
            "\"word\"\n"
            "definition.en = \"d\"\n",
            6, "\"tag\" or \"term\"" },
        { "featured without teaser",
            "format_version = 1\n[collection]\ntitle.en = \"a\"\n[[featured]]\ncable = \"X\"\n", 5,
            "teaser" },
        { "ui without English",
            "format_version = 1\n[collection]\ntitle.en = \"a\"\n[ui.ja]\n\"k\" = \"v\"\n", 4, "[ui.en]" },
        { "ui value not a string", "format_version = 1\n[collection]\ntitle.en = \"a\"\n[ui.en]\n\"k\" = 3\n",
            5, "must be a string" },
        { "deep nesting",
            "format_version = 1\n[collection]\ntitle.en = \"a\"\nx = [[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]\n", 4,
            "unknown key 'x'" },
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        auto m = content::parse_manifest(c.text, "m.toml");
        REQUIRE_FALSE(m.ok());
        std::vector<Error> all;
        (void)content::parse_manifest(c.text, "m.toml", &all);
        bool found = false;
        for (const auto& e : all) {
            found = found
                || (e.where == "m.toml:" + std::to_string(c.line)
                    && e.message.find(c.says) != std::string::npos);
        }
        if (!found) {
            for (const auto& e : all) {
                MESSAGE(e.to_string());
            }
        }
        CHECK(found);
    }
}

TEST_CASE("an over-long text and an over-large manifest are refused")
{
    const std::string long_text = "format_version = 1\n[collection]\ntitle.en = \""
        + std::string(content::manifest_max_text_bytes + 1, 'a') + "\"\n";
    auto m = content::parse_manifest(long_text, "m.toml");
    REQUIRE_FALSE(m.ok());
    CHECK(m.error().message.find("longer than") != std::string::npos);
    const std::string huge(content::manifest_max_bytes + 1, '#');
    auto h = content::parse_manifest(huge, "m.toml");
    REQUIRE_FALSE(h.ok());
    CHECK(h.error().message.find("larger than") != std::string::npos);
}

TEST_CASE("every text that one language of the manifest has and another lacks is a gap at its line")
{
    const std::string text = R"toml(format_version = 1
[collection]
title.en = "T"
title.ja = "T"
introduction.en = "Only English."

[[sections]]
id = "s"
title.en = "S"
title.ja = "S"
cables = ["A"]

[[featured]]
cable = "A"
teaser.en = "Teaser"

[[glossary]]
term = "GOJ"
kind = "term"
definition.en = "Government of Japan."
definition.ja = "日本政府。"

[ui.en]
"nav.back" = "Back"
"nav.home" = "Home"
[ui.ja]
"nav.back" = "戻る"
)toml";
    auto m = content::parse_manifest(text, "collection.toml");
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? "" : m.error().to_string()));
    const auto gaps = content::translation_gaps(*m);
    std::vector<std::string> got;
    for (const auto& g : gaps) {
        got.push_back(g.where + " " + g.message.substr(0, g.message.find(':')));
    }
    const std::vector<std::string> expected = {
        "collection.toml:2 [collection] has no introduction.ja",
        "collection.toml:14 featured cable A has no teaser.ja",
        "collection.toml:26 [ui.ja] lacks \"nav.home\", which another language has",
    };
    std::string listed;
    for (const auto& g : got) {
        listed += "\n  " + g;
    }
    INFO(listed);
    CHECK(got == expected);
}

TEST_CASE("the bundled collection.toml has no translation gap")
{
    auto m
        = content::read_manifest(std::filesystem::path(CK_SOURCE_DIR) / "content_pack" / "collection.toml");
    REQUIRE(m.ok());
    std::string listed;
    for (const auto& g : content::translation_gaps(*m)) {
        listed += "\n  " + g.to_string();
    }
    INFO(listed);
    CHECK(listed.empty());
}
