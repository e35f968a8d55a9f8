// White-box tests of the SQLite adapter (src/content/sql.hpp, internal to src/content): the
// statement budget on an injected clock, and the row helpers. Built as its own target,
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
TEST_CASE("each_row visits every row, stops when asked, and returns a failed step as an error")
{
    auto db = memory_db();
    REQUIRE(sql::exec(db.get(), "CREATE TABLE t(x); INSERT INTO t VALUES (1), (2), (3), (4);").ok());
    auto st = sql::Stmt::prepare(db.get(), "SELECT x FROM t ORDER BY x");
    REQUIRE(st.ok());
    std::vector<std::int64_t> all;
    REQUIRE(sql::each_row(*st, [&](const sql::Stmt& row) { all.push_back(row.column_int(0)); }).ok());
    CHECK(all == std::vector<std::int64_t> { 1, 2, 3, 4 });

    st->reset();
    std::vector<std::int64_t> first_two;
    REQUIRE(sql::each_row(*st, [&](const sql::Stmt& row) {
        first_two.push_back(row.column_int(0));
        return first_two.size() == 2 ? sql::Next::stop : sql::Next::row;
    }).ok());
    CHECK(first_two == std::vector<std::int64_t> { 1, 2 });

    // A runtime error of the statement (not of its preparation) comes back as a value.
    auto bad = sql::Stmt::prepare(db.get(), "SELECT abs(-9223372036854775807 - 1)");
    REQUIRE(bad.ok());
    const auto status = sql::each_row(*bad, [](const sql::Stmt&) {});
    REQUIRE_FALSE(status.ok());
    CHECK(status.error().message.find("integer overflow") != std::string::npos);
    CHECK(status.error().where == "step");
}

TEST_CASE("query_one reads the first row, or says there is none")
{
    auto db = memory_db();
    REQUIRE(sql::exec(db.get(), "CREATE TABLE t(x, name); INSERT INTO t VALUES (7, 'seven');").ok());
    auto st = sql::Stmt::prepare(db.get(), "SELECT name FROM t WHERE x = ?1");
    REQUIRE(st.ok());
    st->bind(1, 7);
    auto found = sql::query_one(*st, [](const sql::Stmt& row) { return row.column_text(0); });
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    CHECK(**found == "seven");
    st->reset();
    st->bind(1, 8);
    auto missing = sql::query_one(*st, [](const sql::Stmt& row) { return row.column_text(0); });
    REQUIRE(missing.ok());
    CHECK_FALSE(missing->has_value());
}
