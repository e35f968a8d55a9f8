// The bundled exhibit against its rules (issue 5): the real manifest, the real corpus read by the
// real parser, and the README's UI-key table. Each rule is also run on a broken copy of the
// manifest, so a check that could never fail would show up here.
#include "cable/parse.hpp"
#include "exhibit_checks.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ck::exhibit_test;
namespace fs = std::filesystem;

namespace {

const fs::path source_dir { CK_SOURCE_DIR };
const fs::path cables_dir = source_dir / "content_pack" / "cables";

std::string read_file(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// Every document of content_pack/cables, named as the manifest must name it.
std::vector<CorpusCable> load_corpus()
{
    std::vector<fs::path> files;
    for (const auto& folder : fs::directory_iterator(cables_dir)) {
        for (const auto& entry : fs::directory_iterator(folder.path())) {
            if (entry.path().extension() == ".txt") {
                files.push_back(entry.path());
            }
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<CorpusCable> corpus;
    for (const auto& path : files) {
        const std::string relative = fs::relative(path, cables_dir).generic_string();
        const auto output = ck::cable::parse(read_file(path), relative);
        for (const auto& cable : output.cables) {
            corpus.push_back(
                { cable.id.empty() ? path.stem().string() : cable.id, relative, cable.tags, cable.date });
        }
    }
    return corpus;
}

const std::vector<CorpusCable>& corpus()
{
    static const std::vector<CorpusCable> loaded = load_corpus();
    return loaded;
}

toml::table load_manifest()
{
    try {
        return toml::parse_file((source_dir / "content_pack" / "collection.toml").string());
    } catch (const toml::parse_error& error) {
        FAIL("collection.toml does not parse: " << error.description() << " at line "
                                                << error.source().begin.line);
    }
    return {};
}

const toml::table& manifest()
{
    static const toml::table loaded = load_manifest();
    return loaded;
}

std::vector<std::string> readme_keys()
{
    return ui_keys_in_readme(read_file(source_dir / "content_pack" / "README.md"));
}

void check_no_problems(const Problems& problems)
{
    for (const auto& problem : problems) {
        FAIL_CHECK(problem);
    }
    CHECK(problems.empty());
}

bool mentions(const Problems& problems, const std::string& text)
{
    return std::any_of(problems.begin(), problems.end(),
        [&](const std::string& problem) { return problem.find(text) != std::string::npos; });
}

toml::table& section(toml::table& copy, std::string_view id)
{
    for (auto& node : *copy["sections"].as_array()) {
        if (node.as_table()->get("id")->value_or(std::string {}) == id) {
            return *node.as_table();
        }
    }
    FAIL("no section " << id);
    throw std::logic_error("unreachable"); // FAIL throws; this keeps the compiler informed
}

toml::array& section_cables(toml::table& copy, std::string_view id)
{
    return *section(copy, id).get("cables")->as_array();
}

void erase_glossary_term(toml::table& copy, std::string_view term)
{
    auto& glossary = *copy["glossary"].as_array();
    glossary.erase(std::find_if(glossary.begin(), glossary.end(), [&](const toml::node& node) {
        return node.as_table()->get("term")->value_or(std::string {}) == term;
    }));
}

} // namespace

TEST_CASE("the corpus parses into forty-five documents, each named as SOURCES.tsv records it")
{
    std::vector<std::pair<std::string, std::string>> recorded; // file, name
    for (const char* folder : { "seeds", "exhibit" }) {
        std::istringstream rows(read_file(cables_dir / folder / "SOURCES.tsv"));
        std::string row;
        std::getline(rows, row); // header: file, source, format, doc_id, date, ...
        while (std::getline(rows, row)) {
            std::vector<std::string> fields;
            std::istringstream cells(row);
            for (std::string cell; std::getline(cells, cell, '\t');) {
                fields.push_back(cell);
            }
            REQUIRE(fields.size() >= 4);
            const std::string stem = fs::path(fields[0]).stem().string();
            recorded.emplace_back(
                std::string(folder) + "/" + fields[0], fields[3].empty() ? stem : fields[3]);
        }
    }
    REQUIRE(corpus().size() == 45);
    REQUIRE(recorded.size() == corpus().size());
    for (const auto& row : recorded) {
        const std::string& file = row.first;
        const auto found = std::find_if(
            corpus().begin(), corpus().end(), [&](const CorpusCable& cable) { return cable.file == file; });
        REQUIRE_MESSAGE(found != corpus().end(), file << " was not parsed");
        CHECK_MESSAGE(found->name == row.second, file);
    }
}

TEST_CASE("the manifest parses and declares format_version 1")
{
    CHECK(manifest()["format_version"].value<int64_t>() == 1);
    CHECK(manifest()["collection"]["title"]["en"].is_string());
}

TEST_CASE("every cable in content_pack/cables belongs to at least one section")
{
    check_no_problems(check_every_cable_in_a_section(manifest(), corpus()));
}

TEST_CASE("every cable a section or the attract loop names is in content_pack/cables")
{
    check_no_problems(check_named_cables_exist(manifest(), corpus()));
}

TEST_CASE("every TAGS code of every cable has a glossary entry")
{
    check_no_problems(check_tags_explained(manifest(), corpus()));
}

TEST_CASE("every UI key of the README's table has English and Japanese strings")
{
    const auto keys = readme_keys();
    REQUIRE(keys.size() >= 50);
    check_no_problems(check_ui_strings(manifest(), keys));
}

TEST_CASE("every text of the manifest is given in English and in Japanese")
{
    check_no_problems(check_languages(manifest()));
}

TEST_CASE("captions, the introduction, teasers and glossary definitions keep to their lengths")
{
    check_no_problems(check_lengths(manifest()));
}

TEST_CASE("the exhibit has at least four sections, five featured cables and sixty glossary entries")
{
    check_no_problems(check_counts(manifest()));
}

TEST_CASE("within each section the cables are in date order")
{
    check_no_problems(check_section_date_order(manifest(), corpus()));
}

TEST_CASE("section ids, glossary terms and featured cables are unique")
{
    check_no_problems(check_uniqueness(manifest()));
}

TEST_CASE("each check reports the fault in a broken copy of the manifest")
{
    struct Case {
        const char* fault;
        std::function<void(toml::table&)> damage;
        std::function<Problems(const toml::table&)> check;
        const char* reported;
    };
    const auto keys = readme_keys();
    const std::vector<Case> cases = {
        { "a cable dropped from its only section",
            [](toml::table& m) {
                auto& cables = section_cables(m, "north-korea");
                cables.erase(std::find_if(cables.begin(), cables.end(),
                    [](const toml::node& n) { return n.value_or(std::string {}) == "09SEOUL1400"; }));
            },
            [](const toml::table& m) { return check_every_cable_in_a_section(m, corpus()); }, "09SEOUL1400" },
        { "a section naming a cable that is not in the corpus",
            [](toml::table& m) { section_cables(m, "japan-diplomacy").push_back("99TOKYO1"); },
            [](const toml::table& m) { return check_named_cables_exist(m, corpus()); }, "99TOKYO1" },
        { "a featured entry naming a cable that is not in the corpus",
            [](toml::table& m) {
                m["featured"].as_array()->push_back(toml::table { { "cable", "1977STATE999999" } });
            },
            [](const toml::table& m) { return check_named_cables_exist(m, corpus()); }, "1977STATE999999" },
        { "a TAGS code without its glossary entry", [](toml::table& m) { erase_glossary_term(m, "KSCA"); },
            [](const toml::table& m) { return check_tags_explained(m, corpus()); }, "KSCA" },
        { "a UI key without its Japanese string",
            [](toml::table& m) { m["ui"]["ja"].as_table()->erase("nav.back"); },
            [&](const toml::table& m) { return check_ui_strings(m, keys); }, "nav.back" },
        { "a Japanese UI string that lost its placeholder",
            [](toml::table& m) {
                m["ui"]["ja"].as_table()->insert_or_assign("search.results", "見つかりました");
            },
            [&](const toml::table& m) { return check_ui_strings(m, keys); }, "search.results" },
        { "a caption of ten words",
            [](toml::table& m) {
                section(m, "older-records")["caption"].as_table()->insert_or_assign(
                    "en", "Two memos, one cable and a thread of telegrams, 1960-1996.");
            },
            check_lengths, "older-records caption has 10 English words" },
        { "a definition of forty-one words",
            [](toml::table& m) {
                auto& entry = *m["glossary"].as_array()->front().as_table();
                std::string long_text;
                for (int i = 0; i < 41; ++i) {
                    long_text += "word ";
                }
                entry["definition"].as_table()->insert_or_assign("en", long_text);
            },
            check_lengths, "41 English words" },
        { "a definition without its Japanese",
            [](toml::table& m) {
                m["glossary"].as_array()->back().as_table()->get("definition")->as_table()->erase("ja");
            },
            check_languages, "has no ja text" },
        { "two cables of a section out of date order",
            [](toml::table& m) {
                auto& cables = section_cables(m, "cold-war-technology");
                auto first = cables[0].value_or(std::string {});
                cables.erase(cables.begin());
                cables.push_back(first);
            },
            [](const toml::table& m) { return check_section_date_order(m, corpus()); },
            "section cold-war-technology lists" },
        { "a glossary of fifty-nine entries",
            [](toml::table& m) {
                auto& glossary = *m["glossary"].as_array();
                glossary.erase(glossary.begin() + 59, glossary.end());
            },
            check_counts, "only 59 glossary entries" },
        { "a glossary term given twice",
            [](toml::table& m) {
                auto& glossary = *m["glossary"].as_array();
                toml::table duplicate = *glossary.front().as_table();
                glossary.push_back(std::move(duplicate));
            },
            check_uniqueness, "appears twice" },
    };
    for (const auto& c : cases) {
        CAPTURE(c.fault);
        toml::table copy = manifest();
        REQUIRE(c.check(copy).empty());
        c.damage(copy);
        const Problems problems = c.check(copy);
        CHECK_MESSAGE(mentions(problems, c.reported), c.fault);
    }
}

TEST_CASE("a tag's code is read from subject, organisation and person tags")
{
    const std::pair<const char*, std::optional<std::string>> cases[] = {
        { "PREL", "PREL" },
        { "IWC-2", "IWC-2" },
        { "MTCRE", "MTCRE" },
        { "OVIP (STEINBERG, JAMES B.)", "OVIP" },
        { "OVIP CLINTON HILLARY", "OVIP" },
        { "(KALOUDIS, NICK)", std::nullopt },
        { "KALOUDIS, NICK", std::nullopt },
        { "(MIYAZAWA, KIICHI)", std::nullopt },
        { "", std::nullopt },
    };
    for (const auto& [tag, code] : cases) {
        const std::string shown(tag);
        CAPTURE(shown);
        CHECK(tag_code(tag) == code);
    }
}

TEST_CASE("words are counted across joined lines and runs of spaces")
{
    const std::pair<const char*, std::size_t> cases[] = {
        { "", 0 },
        { "DIVERSION OF STRATEGIC GOODS", 4 },
        { "  GOJ PROPOSAL FOR TRILATERAL COOPERATION IN\nOUTREACH ACTIVITIES  ", 8 },
        { "1,941 whales, not 1,924 (1985).", 5 },
        { "機密電報は語る", 1 },
    };
    for (const auto& [text, words] : cases) {
        const std::string shown(text);
        CAPTURE(shown);
        CHECK(word_count(text) == words);
    }
}

TEST_CASE("the README's UI table yields each key once, in table order")
{
    const auto keys = readme_keys();
    REQUIRE(!keys.empty());
    CHECK(keys.front() == "attract.touch");
    CHECK(std::find(keys.begin(), keys.end(), "precedence.routine") != keys.end());
    auto sorted = keys;
    std::sort(sorted.begin(), sorted.end());
    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
}
