// The impact lists' stored form (impacts.hpp): what is stored must bound what a query computes.
#include "content/impacts.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

using namespace ck::content;

TEST_CASE("a block maximum is never below the exact weight it bounds")
{
    for (const double w : { 0.1, 1.0 / 3.0, 2.718281828459045, 1e-7, 12345.678901234 }) {
        CAPTURE(w);
        const float stored = round_up(w);
        CHECK(static_cast<double>(stored) >= w);
        // and it is the nearest float that is: one step down would understate it
        CHECK(static_cast<double>(std::nextafter(stored, 0.0F)) < w);
    }
    CHECK(round_up(0.5) == 0.5F); // exact in a float: unchanged
}

TEST_CASE("impact postings and blocks read back as they were written, in little-endian form")
{
    const std::vector<ImpactPosting> postings { { 7, 2.5 }, { 1, 1.0 / 3.0 }, { 4000000000U, 0.125 } };
    const std::string blob = encode_impacts(postings);
    REQUIRE(blob.size() == 36); // a u32 row and an f64 weight each
    CHECK(static_cast<unsigned char>(blob[0]) == 7); // the row's low byte first
    const auto back = decode_impacts(blob);
    REQUIRE(back.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(back[i].row == postings[i].row);
        CHECK(back[i].weight == postings[i].weight);
    }
    const std::vector<ImpactBlock> blocks { { 10, 1.5F }, { 99, 3.0F } };
    const auto blocks_back = decode_blocks(encode_blocks(blocks));
    REQUIRE(blocks_back.size() == 2);
    CHECK(blocks_back[1].last == 99);
    CHECK(blocks_back[1].max == 3.0F);
    CHECK(decode_impacts(blob.substr(0, 13)).size() == 1); // a torn blob yields only whole entries
}

TEST_CASE("a row outside the list is bounded by its block's maximum, capped by the floor, and past the last "
          "block by nothing")
{
    ImpactList list;
    list.floor = 2.0;
    list.blocks = { { 10, 1.5F }, { 20, 3.0F }, { 30, 0.5F } };
    CHECK(list.bound_outside(1) == 1.5); // first block: its maximum
    CHECK(list.bound_outside(10) == 1.5); // a block's last row is in it
    CHECK(list.bound_outside(11) == 2.0); // second block: the floor is lower than its maximum
    CHECK(list.bound_outside(25) == 0.5);
    CHECK(list.bound_outside(31) == 0.0); // no cable of the word lies past the last block
    ImpactList complete;
    complete.postings = { { 3, 1.0F } };
    CHECK(complete.bound_outside(3) == 0.0); // a complete list leaves nothing outside it
}
