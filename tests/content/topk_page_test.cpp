// The page the top-k search fills (search_topk.hpp): a prefix after other words is searched once
// per completion, so the same cable can arrive twice, with a score from each completion; the page
// must hold it once, at its best.
#include "content/search_topk.hpp"

#include <doctest/doctest.h>

using namespace ck::content::topk;

TEST_CASE("a cable added to the page twice takes one place at its higher score")
{
    TopK top(3);
    top.add({ 5.0, 10 });
    top.add({ 4.0, 11 });
    top.add({ 3.0, 12 });
    top.add({ 6.0, 11 }); // row 11 again, from a better completion: it moves up, nothing is pushed out
    top.add({ 1.0, 10 }); // row 10 again, from a worse one: unchanged
    const auto page = top.sorted();
    REQUIRE(page.size() == 3);
    CHECK(page[0] == Scored { 6.0, 11 });
    CHECK(page[1] == Scored { 5.0, 10 });
    CHECK(page[2] == Scored { 3.0, 12 });
    // The threshold is the page's last distinct cable, not a duplicate's score.
    CHECK(top.could_enter(3.0));
    CHECK_FALSE(top.could_enter(2.0));
}

TEST_CASE("a cable pushed off the page can come back with a better score, once")
{
    TopK top(2);
    top.add({ 2.0, 1 });
    top.add({ 3.0, 2 });
    top.add({ 4.0, 3 }); // row 1 leaves the page
    top.add({ 5.0, 1 }); // and comes back from another completion, pushing row 2 off
    top.add({ 5.0, 1 }); // the same again changes nothing
    const auto page = top.sorted();
    REQUIRE(page.size() == 2);
    CHECK(page[0] == Scored { 5.0, 1 });
    CHECK(page[1] == Scored { 4.0, 3 });
}

TEST_CASE("equal scores on the page go to the earlier row")
{
    TopK top(2);
    top.add({ 1.0, 9 });
    top.add({ 1.0, 4 });
    top.add({ 1.0, 7 });
    const auto page = top.sorted();
    REQUIRE(page.size() == 2);
    CHECK(page[0].second == 4);
    CHECK(page[1].second == 7);
}
