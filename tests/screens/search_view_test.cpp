// The words the search screen composes: dates, counts (honest about estimates) and the strings'
// fallbacks for a pack that has none of them (an archive pack has no curation at all).
#include "screens/search_strings.hpp"
#include "screens/search_view.hpp"
#include "support/exhibit_pack.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using ck::screens::Strings;

TEST_CASE("dates read as a visitor reads them, in each language")
{
    struct Case {
        std::string iso;
        std::string lang;
        std::string shown;
    };
    const std::vector<Case> cases = {
        { "1977-07-07T21:38Z", "en", "7 Jul 1977" },
        { "1977-07-07", "en", "7 Jul 1977" },
        { "2008-12-31", "en", "31 Dec 2008" },
        { "1977-07-07", "ja",
            "1977\xE5\xB9\xB4"
            "7\xE6\x9C\x88"
            "7\xE6\x97\xA5" },
        { "", "en", "" },
        { "1977", "en", "1977" },
        { "1977-13-01", "en", "1977-13-01" },
    };
    for (const Case& c : cases) {
        CHECK(ck::screens::format_date(c.iso, c.lang) == c.shown);
    }
}

TEST_CASE("large totals are grouped by thousands")
{
    const std::vector<std::pair<std::int64_t, std::string>> cases = { { 0, "0" }, { 7, "7" }, { 999, "999" },
        { 1000, "1,000" }, { 250000, "250,000" }, { 1234567, "1,234,567" }, { -5, "0" } };
    for (const auto& [n, text] : cases) {
        CHECK(ck::screens::group_thousands(n) == text);
    }
}

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
