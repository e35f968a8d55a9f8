// Timeline bucketing (decades, gaps, undated cables, the busiest year) and the year screen's
// neighbours, from tables of year counts shaped like real packs: the exhibit's scattered years, an
// archive's dense run, and hostile values a damaged date could produce.
#include "screens/timeline_screen.hpp"
#include "screens/year_screen.hpp"

#include <doctest/doctest.h>

#include <numeric>
#include <vector>

using ck::content::YearCount;
using namespace ck::screens;

namespace {

std::int64_t sum(const DecadeRow& row)
{
    return std::accumulate(row.counts.begin(), row.counts.end(), std::int64_t { 0 });
}

std::vector<int> decades_of(const TimelineBuckets& b)
{
    std::vector<int> out;
    for (const DecadeRow& d : b.decades) {
        out.push_back(d.decade);
    }
    return out;
}

} // namespace

TEST_CASE("years fall into decade rows, each year in its column")
{
    // The bundled exhibit's years.
    const std::vector<YearCount> years = { { 1960, 2 }, { 1961, 1 }, { 1973, 1 }, { 1974, 1 }, { 1976, 1 },
        { 1977, 1 }, { 1983, 1 }, { 1985, 1 }, { 1990, 1 }, { 1992, 1 }, { 1993, 1 }, { 1994, 1 },
        { 1995, 2 }, { 1996, 1 }, { 2002, 1 }, { 2003, 1 }, { 2005, 2 }, { 2006, 2 }, { 2007, 1 },
        { 2008, 2 }, { 2009, 11 }, { 2010, 4 } };
    const TimelineBuckets b = bucket_years(years);
    CHECK(decades_of(b) == std::vector<int> { 1960, 1970, 1980, 1990, 2000, 2010 });
    CHECK(b.total == 40);
    CHECK(b.undated == 0);
    CHECK(b.max_count == 11);
    CHECK(b.first_year == 1960);
    CHECK(b.last_year == 2010);
    CHECK(b.decades[0].counts[0] == 2);
    CHECK(b.decades[0].counts[1] == 1);
    CHECK(b.decades[4].counts[9] == 11);
    CHECK(b.decades[5].counts[0] == 4);
    std::int64_t total = 0;
    for (const DecadeRow& d : b.decades) {
        CHECK_FALSE(d.gap_before);
        total += sum(d);
    }
    CHECK(total == b.total); // nothing lost, nothing counted twice
}

TEST_CASE("short gaps between decades are kept as empty rows, long ones are left out and marked")
{
    struct Case {
        std::vector<YearCount> years;
        std::vector<int> decades;
        std::vector<bool> gaps;
    };
    const Case cases[] = {
        // One empty decade (the 1980s) is shown: a quiet decade is part of the story.
        { { { 1975, 3 }, { 1991, 1 } }, { 1970, 1980, 1990 }, { false, false, false } },
        // Two empty decades are still shown.
        { { { 1965, 1 }, { 1990, 1 } }, { 1960, 1970, 1980, 1990 }, { false, false, false, false } },
        // Three or more are left out, and the row after the gap says so.
        { { { 1945, 1 }, { 1990, 5 } }, { 1940, 1990 }, { false, true } },
        // A damaged date far away cannot stretch the chart over centuries.
        { { { 1, 1 }, { 1977, 2 }, { 9999, 1 } }, { 0, 1970, 9990 }, { false, true, true } },
    };
    for (const Case& c : cases) {
        const TimelineBuckets b = bucket_years(c.years);
        CHECK(decades_of(b) == c.decades);
        REQUIRE(b.decades.size() == c.gaps.size());
        for (std::size_t i = 0; i < c.gaps.size(); ++i) {
            CHECK(b.decades[i].gap_before == c.gaps[i]);
        }
    }
}

TEST_CASE("undated and empty years are kept apart from the chart")
{
    const TimelineBuckets b = bucket_years({ { 0, 3 }, { -5, 2 }, { 1999, 0 }, { 2001, 4 }, { 2001, 1 } });
    CHECK(b.undated == 5);
    CHECK(b.total == 5);
    CHECK(b.max_count == 5); // two entries for one year are added up
    CHECK(decades_of(b) == std::vector<int> { 2000 });
    CHECK(bucket_years({}).decades.empty());
    CHECK(bucket_years({ { 0, 7 } }).decades.empty());
}

TEST_CASE("a dense archive fills every column and the busiest year sets the scale")
{
    std::vector<YearCount> years;
    std::int64_t expected = 0;
    for (int y = 1966; y <= 2010; ++y) {
        const std::int64_t n = (y - 1960) * 113;
        years.push_back({ y, n });
        expected += n;
    }
    const TimelineBuckets b = bucket_years(years);
    CHECK(decades_of(b) == std::vector<int> { 1960, 1970, 1980, 1990, 2000, 2010 });
    CHECK(b.total == expected);
    CHECK(b.max_count == 50 * 113);
    CHECK(b.decades[0].counts[5] == 0);
    CHECK(b.decades[0].counts[6] == 6 * 113);
}

TEST_CASE("the year screen's neighbours skip years without cables")
{
    const std::vector<YearCount> years
        = { { 0, 4 }, { 1960, 2 }, { 1961, 1 }, { 1973, 1 }, { 1980, 0 }, { 2009, 11 }, { 2010, 4 } };
    struct Case {
        int year;
        int step;
        std::optional<int> expected;
    };
    const Case cases[] = {
        { 1961, -1, 1960 },
        { 1961, 1, 1973 },
        { 1973, 1, 2009 }, // 1980 has no cables
        { 1960, -1, std::nullopt }, // the undated "year 0" is no neighbour
        { 2010, 1, std::nullopt },
        { 1975, -1, 1973 }, // from a year that is not in the list
        { 1975, 1, 2009 },
    };
    for (const Case& c : cases) {
        CAPTURE(c.year);
        CAPTURE(c.step);
        CHECK(neighbour_year(years, c.year, c.step) == c.expected);
    }
}
