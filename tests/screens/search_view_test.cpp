// The words the search screen composes: counts (honest about estimates) and the strings' fallbacks
// for a pack that has none of them (an archive pack has no curation at all).
#include "screens/search_strings.hpp"
#include "screens/search_view.hpp"
#include "support/exhibit_pack.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using ck::screens::Strings;

TEST_CASE("the count says one, many, or about so many")
{
    const Strings none(nullptr, "en");
    CHECK(ck::screens::count_text(none, 1, false) == "1 cable found");
    CHECK(ck::screens::count_text(none, 12, false) == "12 cables found");
    CHECK(ck::screens::count_text(none, 3400, true) == "About 3,400 cables found");

    auto pack = ck::content::Pack::open(ck::test::exhibit_pack_path());
    REQUIRE(pack.ok());
    const Strings ja(&*pack, "ja");
    CHECK(ck::screens::count_text(ja, 12, false)
        == "12\xE9\x80\x9A\xE8\xA6\x8B\xE3\x81\xA4\xE3\x81\x8B\xE3\x82\x8A\xE3\x81\xBE\xE3\x81\x97\xE3\x81"
           "\x9F");
    CHECK(ck::screens::count_text(ja, 3400, true).find("3,400") != std::string::npos);
    CHECK(ck::screens::count_text(ja, 3400, true) != ck::screens::count_text(ja, 3400, false));
}

TEST_CASE("every search string the screen asks for has text in both languages of the exhibit")
{
    auto pack = ck::content::Pack::open(ck::test::exhibit_pack_path());
    REQUIRE(pack.ok());
    const char* const keys[] = { "search.title", "search.placeholder", "search.results",
        "search.results_about", "search.result_one", "search.nothing", "search.try", "search.year",
        "search.classification", "search.origin", "search.tag", "search.clear", "search.clear_text",
        "search.more", "search.decade", "search.by_relevance", "search.by_subject", "search.by_date",
        "search.empty_hint", "search.chosen", "keyboard.space", "keyboard.backspace", "keyboard.done",
        "keyboard.key", "keyboard.show" };
    for (const char* lang : { "en", "ja" }) {
        const Strings strings(&*pack, lang);
        for (const char* key : keys) {
            INFO(lang << " " << key);
            CHECK(pack->ui_string(lang, key) != key); // in the manifest, not only the fallback
            CHECK_FALSE(ck::screens::search_text(strings, key, {}).empty());
        }
    }
    // A pack without the strings still shows words, never a raw key or a blank.
    const Strings none(nullptr, "ja");
    for (const char* key : keys) {
        CHECK_FALSE(ck::screens::search_text(none, key, {}).empty());
    }
}
