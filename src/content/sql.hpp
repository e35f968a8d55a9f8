// Internal to src/content: owned SQLite handles, prepared statements and small helpers. This is the
// only header that includes sqlite3.h; no public header of this folder may include it, so the
// screens use packs without knowing SQL.
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace ck::content::sql {

struct DbCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DbPtr = std::unique_ptr<sqlite3, DbCloser>;

struct StmtFinalizer {
    void operator()(sqlite3_stmt* st) const { sqlite3_finalize(st); }
};

// A prepared statement with typed binds and column reads. Columns and parameters are 0-based
// for reads (as sqlite3_column_*) and 1-based for binds (as sqlite3_bind_*).
class Stmt {
public:
    Stmt() = default;
    static Result<Stmt> prepare(sqlite3* db, std::string_view sql);

    Stmt& bind(int index, std::int64_t value);
    Stmt& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Stmt& bind(int index, std::string_view text);
    Stmt& bind_blob(int index, std::string_view bytes);
    Stmt& bind_null(int index);
    Stmt& bind_optional(int index, const std::optional<std::string>& text);

    // SQLITE_ROW -> true, SQLITE_DONE -> false, anything else -> an error naming the SQL.
    Result<bool> step();
    // Runs to completion (for INSERT/UPDATE), then resets for the next use.
    Status run();
    void reset();

    [[nodiscard]] std::int64_t column_int(int col) const;
    [[nodiscard]] std::string column_text(int col) const;
    [[nodiscard]] std::string_view column_view(int col) const;
    [[nodiscard]] bool column_is_null(int col) const;
    [[nodiscard]] int column_type(int col) const;
    [[nodiscard]] sqlite3_stmt* raw() const { return m_stmt.get(); }
    [[nodiscard]] bool valid() const { return m_stmt != nullptr; }

private:
    std::unique_ptr<sqlite3_stmt, StmtFinalizer> m_stmt;
    sqlite3* m_db = nullptr;
};

// An error from the connection's last failure, with `what` saying which step failed.
Error db_error(sqlite3* db, std::string_view what);

// Runs one or more statements that return no rows.
Status exec(sqlite3* db, std::string_view sql);

// Runs a query expected to give one integer (e.g. "SELECT count(*) ...").
Result<std::int64_t> query_int(sqlite3* db, std::string_view sql);

// What an each_row callback tells the loop: go on to the next row, or stop here.
enum class Next { row, stop };

// Steps `st` through its rows and calls on_row(const Stmt&) for each. on_row returns void, or a
// Next to stop early. A failed step comes back as the error, naming the SQL step; nothing throws.
// The statement is left where the loop ended: Pack::Impl::stmt() resets it before its next use.
template <class OnRow> Status each_row(Stmt& st, OnRow&& on_row)
{
    const Stmt& row = st;
    for (;;) {
        auto more = st.step();
        if (!more) {
            return more.error();
        }
        if (!*more) {
            return {};
        }
        if constexpr (std::is_void_v<std::invoke_result_t<OnRow&, const Stmt&>>) {
            on_row(row);
        } else if (on_row(row) == Next::stop) {
            return {};
        }
    }
}

// Steps `st` once: what read(const Stmt&) makes of the first row, or nullopt when there is none.
template <class Read>
auto query_one(Stmt& st, Read&& read) -> Result<std::optional<std::invoke_result_t<Read&, const Stmt&>>>
{
    using Value = std::invoke_result_t<Read&, const Stmt&>;
    auto row = st.step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return std::optional<Value> {};
    }
    const Stmt& first = st;
    return std::optional<Value>(read(first));
}

// The per-connection guard checked by SQLite's progress handler: a deadline on an injected clock
// and an optional cancellation flag owned by another thread. A query that passes either is
// interrupted (SQLITE_INTERRUPT), so no statement on a pack runs unbounded. The clock is read once
// when a GuardScope opens and once per check (every progress_interval_ops virtual-machine steps),
// so a test drives the budget with a clock of its own, deterministically.
struct Guard {
    const Clock* clock = nullptr; // nullptr: the steady clock
    Millis deadline = no_deadline;
    const std::atomic<bool>* cancel = nullptr;
    bool tripped_by_deadline = false;
    bool tripped_by_cancel = false;

    static constexpr Millis no_deadline = Millis::max();
};

// How many virtual-machine steps pass between two looks at the clock and the cancel flag: small
// enough to stop within a fraction of a millisecond, large enough to cost nothing.
inline constexpr int progress_interval_ops = 1000;

// Installs the progress handler reading `guard` (which must outlive the connection's use).
void install_guard(sqlite3* db, Guard* guard);

// Sets a guard for the lifetime of a scope and restores "no limit" afterwards.
class GuardScope {
public:
    GuardScope(Guard& guard, std::chrono::milliseconds budget, const std::atomic<bool>* cancel);
    ~GuardScope();
    GuardScope(const GuardScope&) = delete;
    GuardScope& operator=(const GuardScope&) = delete;
    GuardScope(GuardScope&&) = delete;
    GuardScope& operator=(GuardScope&&) = delete;

private:
    Guard& m_guard;
};

// Opens a connection with sqlite3_open_v2(); the error is SQLite's message (or "out of memory"),
// placed at `where`. Every connection of this folder is opened here, because SQLite is configured
// first, once per process: its memory statistics are turned off. With them on, every allocation
// SQLite makes takes a process-wide mutex, and FTS5 allocates for every doclist it reads, so two
// threads ranking or searching mostly waited on each other. Nothing here reads the statistics.
Result<DbPtr> open(const std::string& filename, int flags, std::string_view where);

// The FTS5 extension API of a connection, or nullptr when FTS5 is not compiled in.
fts5_api* fts5_api_of(sqlite3* db);

// Hex of bytes, lower case.
std::string to_hex(std::string_view bytes);

} // namespace ck::content::sql
