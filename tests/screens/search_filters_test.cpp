// Filter chips as data: decades from year counts, narrowing step by step, letting a value go, and
// what reaches the query. Pure: the counts are written here as the pack reports them.
#include "screens/search_filters.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using ck::content::Facets;
using ck::content::SearchQuery;
using ck::screens::FilterChip;
using ck::screens::FilterGroup;
using ck::screens::SearchFilters;

namespace {

Facets sample_facets()
{
    Facets f;
    f.year = { { "1976", 1 }, { "1977", 2 }, { "1985", 1 }, { "2006", 1 }, { "2008", 3 }, { "2009", 1 } };
    f.classification = { { "CONFIDENTIAL", 5 }, { "SECRET", 3 }, { "", 1 } };
    f.origin = { { "Embassy Tokyo", 6 }, { "Secretary of State", 2 } };
    f.tag = { { "PREL", 4 }, { "JA", 3 }, { "KNNP", 0 } };
    f.total = 9;
    return f;
}

std::vector<std::string> ids(const std::vector<FilterChip>& chips)
{
    std::vector<std::string> out;
    out.reserve(chips.size());
    for (const FilterChip& c : chips) {
        out.push_back(c.id + "=" + std::to_string(c.count) + (c.selected ? "*" : ""));
    }
    return out;
}

} // namespace

TEST_CASE("year counts become decade chips with their sums, in order")
{
    SearchFilters filters;
    CHECK(ids(filters.chips(FilterGroup::years, sample_facets()))
        == std::vector<std::string> { "chip:decade:1970=3", "chip:decade:1980=1", "chip:decade:2000=5" });
}

TEST_CASE("a decade narrows to its years, a year to itself, and each tap back lets one step go")
{
    SearchFilters filters;
    REQUIRE(filters.tap_chip("chip:decade:2000"));
    SearchQuery q;
    filters.apply_to(q);
    CHECK(q.year_from == 2000);
    CHECK(q.year_to == 2009);

    Facets in_decade;
    in_decade.year = { { "2006", 1 }, { "2008", 3 }, { "2009", 1 } };
    filters.remember_years(in_decade);
    CHECK(ids(filters.chips(FilterGroup::years, in_decade))
        == std::vector<std::string> {
            "chip:decade:2000=5*", "chip:year:2006=1", "chip:year:2008=3", "chip:year:2009=1" });

    REQUIRE(filters.tap_chip("chip:year:2008"));
    q = {};
    filters.apply_to(q);
    CHECK(q.year_from == 2008);
    CHECK(q.year_to == 2008);
    // Under a one-year filter the pack counts only that year; the decade's years stay listed.
    Facets one_year;
    one_year.year = { { "2008", 3 } };
    filters.remember_years(one_year);
    CHECK(ids(filters.chips(FilterGroup::years, one_year))
        == std::vector<std::string> {
            "chip:decade:2000=0*", "chip:year:2006=1", "chip:year:2008=3*", "chip:year:2009=1" });

    REQUIRE(filters.tap_chip("chip:year:2008")); // back to the decade
    q = {};
    filters.apply_to(q);
    CHECK(q.year_from == 2000);
    CHECK(q.year_to == 2009);
    REQUIRE(filters.tap_chip("chip:decade:2000")); // and to no year range at all
    q = {};
    filters.apply_to(q);
    CHECK_FALSE(q.year_from.has_value());
    CHECK_FALSE(filters.any());
}

TEST_CASE("value chips list counted values, then only the chosen one until it is let go")
{
    struct Case {
        FilterGroup group;
        std::vector<std::string> before;
        std::string tap;
        std::vector<std::string> after;
    };
    const std::vector<Case> cases = {
        { FilterGroup::classification,
            { "chip:classification:CONFIDENTIAL=5", "chip:classification:SECRET=3" },
            "chip:classification:SECRET", { "chip:classification:SECRET=3*" } },
        { FilterGroup::origin, { "chip:origin:Embassy Tokyo=6", "chip:origin:Secretary of State=2" },
            "chip:origin:Embassy Tokyo", { "chip:origin:Embassy Tokyo=6*" } },
        { FilterGroup::tag, { "chip:tag:PREL=4", "chip:tag:JA=3" }, "chip:tag:JA", { "chip:tag:JA=3*" } },
    };
    for (const Case& c : cases) {
        SearchFilters filters;
        const Facets f = sample_facets();
        CHECK(ids(filters.chips(c.group, f)) == c.before);
        REQUIRE(filters.tap_chip(c.tap));
        CHECK(ids(filters.chips(c.group, f)) == c.after);
        CHECK(filters.any());
        REQUIRE(filters.tap_chip(c.tap));
        CHECK(ids(filters.chips(c.group, f)) == c.before);
        CHECK_FALSE(filters.any());
    }
}

TEST_CASE("the chosen values reach the query exactly, and clear lets every one go")
{
    SearchFilters filters;
    filters.tap_chip("chip:classification:LIMITED OFFICIAL USE");
    filters.tap_chip("chip:origin:Embassy Tokyo");
    filters.tap_chip("chip:tag:PREL");
    filters.tap_chip("chip:decade:1970");
    SearchQuery q;
    filters.apply_to(q);
    CHECK(q.classification == "LIMITED OFFICIAL USE");
    CHECK(q.origin == "Embassy Tokyo");
    CHECK(q.tag == "PREL");
    CHECK(q.year_from == 1970);
    filters.toggle_group(FilterGroup::tag);
    CHECK(filters.open_group() == FilterGroup::tag);
    filters.clear();
    CHECK_FALSE(filters.any());
    CHECK_FALSE(filters.open_group().has_value());
    q = {};
    filters.apply_to(q);
    CHECK(q.tag.empty());
    CHECK_FALSE(q.year_to.has_value());
}

TEST_CASE("chip ids that name nothing change nothing")
{
    SearchFilters filters;
    for (const char* id : { "chip:decade:", "chip:decade:19x0", "chip:year:", "chip:year:99999999999",
             "chip:unknown:x", "key:q", "" }) {
        CHECK_FALSE(filters.tap_chip(id));
    }
    CHECK_FALSE(filters.any());
}

TEST_CASE("a group opens and closes by its button, one group at a time")
{
    SearchFilters filters;
    filters.toggle_group(FilterGroup::years);
    CHECK(filters.open_group() == FilterGroup::years);
    filters.toggle_group(FilterGroup::origin);
    CHECK(filters.open_group() == FilterGroup::origin);
    filters.toggle_group(FilterGroup::origin);
    CHECK_FALSE(filters.open_group().has_value());
    for (const FilterGroup g : ck::screens::filter_groups) {
        CHECK(ck::screens::group_from_id(ck::screens::group_id(g)) == g);
    }
}
