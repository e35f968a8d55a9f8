// Completion offers words a visitor could mean: from three characters, never the word as typed or
// a stop word, and never OCR debris (a word found once, in OCR'd text) unless the glossary has it.
#include "content/pack.hpp"
#include "content/query_intent.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>

using namespace ck;
using ck::test::TempDir;

namespace {

cable::Cable text_cable(std::string id, bool ocr, std::string body)
{
    cable::Cable c;
    c.id = std::move(id);
    c.date = cable::CableDate { 1963, 11, 25, -1, -1 };
    c.subject = "MEMORANDUM";
    c.display_text = std::move(body);
    c.ocr = ocr;
    c.source_file = "cables/" + c.id + ".txt";
    return c;
}

// Two OCR'd scans with glued words, a typed cable, and a glossary term found once in a scan.
struct DebrisPack {
    TempDir dir;
    content::Pack pack;
    static std::vector<cable::Cable> cables()
    {
        return {
            text_cable("63MEXICO1", true,
                "Oswaldsand the embassy. Illegalk travel. Controlwith officials. Oswald visited. The "
                "zengakuren"
                " marched."),
            text_cable("63MEXICO2", true, "Oswald again. Controlwith care. Illegally held."),
            text_cable(
                "63STATE3", false, "Oswaldo Ruiz, a typed name; illegality alleged. Which whistle whistled?"),
        };
    }
    static content::Manifest manifest()
    {
        content::Manifest m;
        m.file = "collection.toml";
        m.title = { { "en", "Debris" } };
        m.glossary.push_back(content::ManifestGlossaryEntry {
            "Zengakuren", content::GlossaryKind::term, { { "en", "A students' federation" } }, {}, 3 });
        return m;
    }
    DebrisPack()
        : pack((test::build_pack(dir / "o.ckpack", cables(), manifest()), test::open_pack(dir / "o.ckpack")))
    {
    }
};

std::vector<std::string> words_of(content::Pack& pack, const std::string& typed)
{
    auto got = pack.complete(typed, 8);
    REQUIRE(got.ok());
    std::vector<std::string> out;
    for (const auto& c : *got) {
        out.push_back(c.word);
    }
    return out;
}

} // namespace

TEST_CASE("completion offers only words a visitor could mean")
{
    DebrisPack p;
    struct Case {
        const char* typed;
        std::vector<std::string> expected;
    };
    const Case cases[] = {
        // oswald: two documents; oswaldo: a typed document; oswaldsand: once, in a scan.
        { "osw", { "oswald", "oswaldo" } }, { "oswald", { "oswaldo" } }, // never the word as typed
        { "controlw", { "controlwith" } }, // glued, but in two documents
        // illegally is found once, in a scan, like debris: search finds it, completion does not offer it
        { "illeg", { "illegality" } }, { "zeng", { "zengakuren" } }, // once, in a scan, but a glossary term
        { "whi", { "whistle", "whistled" } }, // "which" is a stop word
        { "os", {} }, // from three characters
        { "oswald ", {} }, // the word is finished
    };
    for (const Case& c : cases) {
        INFO(c.typed);
        CHECK(words_of(p.pack, c.typed) == c.expected);
    }
}

TEST_CASE("a word's cable count is known whether or not completion offers it")
{
    DebrisPack p;
    struct Case {
        const char* word;
        std::int64_t cables;
    };
    const Case cases[] = { { "oswald", 2 }, { "oswaldsand", 1 }, { "the", 1 }, { "nowhere", 0 } };
    for (const Case& c : cases) {
        INFO(c.word);
        auto got = p.pack.word_cables(c.word);
        REQUIRE(got.ok());
        CHECK(*got == c.cables);
    }
}

TEST_CASE("stop words are the English function words and nothing a visitor searches for")
{
    for (const char* word : { "the", "which", "with", "a", "of", "your" }) {
        CAPTURE(word);
        CHECK(content::is_stop_word(word));
    }
    for (const char* word : { "japan", "state", "whale", "them_", "" }) {
        CAPTURE(word);
        CHECK_FALSE(content::is_stop_word(word));
    }
}
