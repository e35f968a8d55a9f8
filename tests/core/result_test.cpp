#include "core/result.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

ck::Result<int> parse_positive(int v)
{
    if (v <= 0) {
        return ck::make_error("must be positive", "count");
    }
    return v;
}

} // namespace

TEST_CASE("a Result holds either the value or an error that names where it happened")
{
    const auto good = parse_positive(3);
    REQUIRE(good.ok());
    CHECK(*good == 3);

    const auto bad = parse_positive(-1);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().to_string() == "count: must be positive");
}

TEST_CASE("a Status without an error is success")
{
    const ck::Status fine;
    CHECK(fine.ok());
    const ck::Status failed = ck::make_error("disk full");
    CHECK_FALSE(failed.ok());
    CHECK(failed.error().to_string() == "disk full");
}
