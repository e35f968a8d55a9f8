// The log ring behind the staff's Log screen: a tee that keeps the last lines and passes each on
// unchanged, and counts errors by component.
#include "core/log_ring.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using ck::Millis;
using ck::log::Level;

TEST_CASE("the log ring keeps the last lines in order and hands every line on unchanged")
{
    Millis now { 0 };
    ck::log::Ring ring(3, [&now] { return now; });
    std::vector<std::string> passed;
    const ck::log::Sink sink
        = ring.tee([&](Level level, std::string_view component, std::string_view message) {
              passed.push_back(std::string(ck::log::level_name(level)) + " " + std::string(component) + ": "
                  + std::string(message));
          });
    for (int i = 1; i <= 5; ++i) {
        now = Millis { i * 100 };
        sink(i == 4 ? Level::error : Level::info, "kiosk", "line " + std::to_string(i));
    }
    REQUIRE(passed.size() == 5);
    CHECK(passed[3] == "error kiosk: line 4");
    const auto lines = ring.lines();
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].message == "line 3");
    CHECK(lines[2].message == "line 5");
    CHECK(lines[2].number == 5);
    CHECK(lines[2].time == Millis { 500 });
    CHECK(ring.total() == 5);
    CHECK(ring.errors_by_component().at("kiosk") == 1);
}

TEST_CASE("the log ring installed as the sink sees what the log writes")
{
    ck::log::Ring ring(10, {});
    const ck::log::Sink previous = ck::log::set_sink({});
    ck::log::set_sink(ring.tee({}));
    ck::log::error("metrics", "cannot write");
    ck::log::debug("metrics", "below the level: not kept");
    ck::log::set_sink(previous);
    REQUIRE(ring.lines().size() == 1);
    CHECK(ring.lines()[0].component == "metrics");
    CHECK(ring.errors_by_component().at("metrics") == 1);
}
