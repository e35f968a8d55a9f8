// core/tour_walk.hpp: a guided tour's position moves one stop at a time, never past either end,
// and leaving forgets it.
#include "core/tour_walk.hpp"

#include <doctest/doctest.h>

using ck::TourWalk;

TEST_CASE("a tour starts at its first stop and next walks it one stop at a time to the last")
{
    TourWalk walk;
    CHECK_FALSE(walk.active());
    REQUIRE(walk.start("libya", 5));
    CHECK(walk.active());
    CHECK(walk.tour() == "libya");
    CHECK(walk.stop() == 0);
    CHECK(walk.at_first());
    for (std::size_t expected = 1; expected < 5; ++expected) {
        CHECK(walk.next());
        CHECK(walk.stop() == expected);
    }
    CHECK(walk.at_last());
}

TEST_CASE("next at the last stop and previous at the first stop leave the position where it is")
{
    TourWalk walk;
    REQUIRE(walk.start("parts", 6));
    CHECK_FALSE(walk.previous());
    CHECK(walk.stop() == 0);
    for (int i = 0; i < 9; ++i) {
        walk.next();
    }
    CHECK(walk.stop() == 5);
    CHECK_FALSE(walk.next());
    CHECK(walk.stop() == 5);
    CHECK(walk.previous());
    CHECK(walk.stop() == 4);
}

TEST_CASE("leaving a tour forgets it, and a new start begins again at stop one")
{
    TourWalk walk;
    REQUIRE(walk.start("libya", 5));
    walk.next();
    walk.next();
    walk.leave();
    CHECK_FALSE(walk.active());
    CHECK(walk.tour().empty());
    CHECK_FALSE(walk.next());
    REQUIRE(walk.start("parts", 6));
    CHECK(walk.stop() == 0);
}

TEST_CASE("a tour of fewer than two stops or without a name does not start")
{
    TourWalk walk;
    CHECK_FALSE(walk.start("one", 1));
    CHECK_FALSE(walk.start("", 3));
    CHECK_FALSE(walk.active());
}
