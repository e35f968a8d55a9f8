// OrderedAhead: items come out in order whoever made them, the thread never holds more than
// `depth` items waiting, an exception reaches the caller in its item's place, and the owner can go
// with items untaken.
#include "core/ordered_ahead.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using ck::OrderedAhead;

TEST_CASE("items made ahead come out in order, made by the thread alone or shared with the caller")
{
    for (const bool helps : { false, true }) {
        std::atomic<int> on_caller { 0 };
        const auto caller = std::this_thread::get_id();
        OrderedAhead<std::string> ahead(
            1000,
            [&](std::size_t i) {
                on_caller += std::this_thread::get_id() == caller ? 1 : 0;
                return std::to_string(i * 7);
            },
            4, helps);
        for (std::size_t i = 0; i < 1000; ++i) {
            CHECK(ahead.take() == std::to_string(i * 7));
        }
        CHECK(on_caller.load() == (helps ? 500 : 0));
    }
}

TEST_CASE("the thread keeps at most depth items made and not yet taken")
{
    std::atomic<int> made { 0 };
    OrderedAhead<int> ahead(
        100, [&](std::size_t i) { return ++made, static_cast<int>(i); }, 3, false);
    for (int i = 0; i < 100; ++i) {
        // Before each take, the thread may have made the waiting items plus one in its hands.
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        CHECK(made.load() - i <= 4);
        CHECK(ahead.take() == i);
    }
}

TEST_CASE("an exception thrown while making an item is thrown by take in its place")
{
    OrderedAhead<int> ahead(
        3,
        [](std::size_t i) {
            if (i == 1) {
                throw std::runtime_error("item 1");
            }
            return static_cast<int>(i);
        },
        2, false);
    CHECK(ahead.take() == 0);
    CHECK_THROWS_WITH(ahead.take(), "item 1");
    CHECK(ahead.take() == 2);
}

TEST_CASE("the owner may go with items made and untaken, and the thread stops")
{
    std::atomic<int> made { 0 };
    {
        OrderedAhead<int> ahead(
            1000000, [&](std::size_t i) { return ++made, static_cast<int>(i); }, 8, false);
        CHECK(ahead.take() == 0);
    }
    CHECK(made.load() < 1000);
}
