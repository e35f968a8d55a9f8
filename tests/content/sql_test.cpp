// White-box tests of the SQLite adapter (src/content/sql.hpp, internal to src/content): the
// statement budget on an injected clock. Built as its own target,
// test_content_internals, the one test that links ck_content_internals; every other test sees only
// the content layer's public headers.
#include "content/sql.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace ck;
namespace sql = ck::content::sql;

namespace {

constexpr std::string_view unbounded
    = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";

// A clock that moves 10 ms each time it is read. The guard reads it once when its scope opens and
// once per progress check, so the number of reads says exactly when the budget ran out.
class TickingClock final : public Clock {
public:
    [[nodiscard]] Millis now() const override
    {
        ++m_reads;
        m_now += Millis { 10 };
        return m_now;
    }
    [[nodiscard]] int reads() const { return m_reads; }

private:
    mutable Millis m_now { 0 };
    mutable int m_reads = 0;
};

sql::DbPtr memory_db()
{
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(":memory:", &raw) == SQLITE_OK);
    return sql::DbPtr(raw);
}

} // namespace

TEST_CASE("the statement budget interrupts an unbounded query when its clock passes the deadline (b2.4)")
{
    auto db = memory_db();
    TickingClock clock;
    sql::Guard guard;
    guard.clock = &clock;
    sql::install_guard(db.get(), &guard);
    {
        // Opened at 10 ms, so the deadline is 60 ms: the fifth check reads 60 ms and interrupts.
        sql::GuardScope scope(guard, Millis { 50 }, nullptr);
        auto count = sql::query_int(db.get(), unbounded);
        REQUIRE_FALSE(count.ok());
        CHECK(count.error().message.find("interrupted") != std::string::npos);
        CHECK(guard.tripped_by_deadline);
        CHECK_FALSE(guard.tripped_by_cancel);
        CHECK(clock.reads() == 1 + 5);
    }
    // Outside the scope the same connection runs normally, and the clock is not read at all.
    CHECK(sql::query_int(db.get(), "SELECT 41 + 1").value() == 42);
    CHECK(clock.reads() == 1 + 5);
}

TEST_CASE("time that does not pass on the injected clock never interrupts a bounded query")
{
    auto db = memory_db();
    ManualClock clock;
    sql::Guard guard;
    guard.clock = &clock;
    sql::install_guard(db.get(), &guard);
    sql::GuardScope scope(guard, Millis { 1 }, nullptr);
    // Hundreds of progress checks, however slow the machine: the manual clock stands still.
    auto count = sql::query_int(db.get(),
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000) "
        "SELECT count(*) FROM c");
    REQUIRE(count.ok());
    CHECK(*count == 200000);
    CHECK_FALSE(guard.tripped_by_deadline);
    // Once the clock passes the deadline, the next check stops the next query.
    clock.advance(Millis { 1 });
    auto late = sql::query_int(db.get(), unbounded);
    REQUIRE_FALSE(late.ok());
    CHECK(guard.tripped_by_deadline);
}

TEST_CASE("a cancellation flag interrupts a query whatever the clock says")
{
    auto db = memory_db();
    ManualClock clock;
    sql::Guard guard;
    guard.clock = &clock;
    sql::install_guard(db.get(), &guard);
    const std::atomic<bool> cancel { true };
    sql::GuardScope scope(guard, Millis { 0 }, &cancel);
    auto count = sql::query_int(db.get(), unbounded);
    REQUIRE_FALSE(count.ok());
    CHECK(guard.tripped_by_cancel);
    CHECK_FALSE(guard.tripped_by_deadline);
}
