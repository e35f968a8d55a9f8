// White-box tests of the SQLite adapter (src/content/sql.hpp, internal to src/content): the
// statement budget and the row helpers. Built as its own target, test_content_internals, the one
// test that links ck_content_internals; every other test sees the content layer's public headers.
#include "content/sql.hpp"

#include <doctest/doctest.h>

#include <chrono>

using namespace ck;

TEST_CASE("the statement budget interrupts an unbounded query (the recursive view of b2.4)")
{
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(":memory:", &raw) == SQLITE_OK);
    content::sql::DbPtr db(raw);
    content::sql::Guard guard;
    content::sql::install_guard(db.get(), &guard);
    const auto start = std::chrono::steady_clock::now();
    {
        content::sql::GuardScope scope(guard, std::chrono::milliseconds { 50 }, nullptr);
        auto count = content::sql::query_int(db.get(),
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c");
        REQUIRE_FALSE(count.ok());
        CHECK(count.error().message.find("interrupted") != std::string::npos);
        CHECK(guard.tripped_by_deadline);
    }
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
    // Outside the scope the same connection runs normally.
    CHECK(content::sql::query_int(db.get(), "SELECT 41 + 1").value() == 42);
}
