// The threads table is derived from `cables` and `refs` (like the search indexes), so it is left out
// of the content hash: the same cables always give the same threads.
#include "content/writer_threads.hpp"

#include "content/sql.hpp"
#include "content/thread_graph.hpp"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace ck::content {
namespace {

// Gives the builder every cable, in row order, one row at a time.
Status add_cables(sqlite3* db, threads::ThreadBuilder& builder)
{
    auto count = sql::query_int(db, "SELECT count(*) FROM cables");
    if (!count) {
        return count.error();
    }
    builder.reserve(static_cast<std::size_t>(*count));
    auto st = sql::Stmt::prepare(db, "SELECT num, ref_key, date FROM cables ORDER BY num");
    if (!st) {
        return st.error();
    }
    return sql::each_row(*st, [&](const sql::Stmt& s) {
        builder.add_cable(s.column_int(0), s.column_view(1), threads::iso_seconds(s.column_view(2)));
    });
}

// Gives the builder each reference that names a cable: resolved ones by row number, the others
// by the id they name, one row at a time.
Status add_links(sqlite3* db, threads::ThreadBuilder& builder)
{
    auto st = sql::Stmt::prepare(db,
        "SELECT cable, target_num, target FROM refs WHERE kind = 'cable'"
        " AND (target_num IS NOT NULL OR target != '') ORDER BY cable, pos");
    if (!st) {
        return st.error();
    }
    return sql::each_row(*st, [&](const sql::Stmt& s) {
        const bool resolved = !s.column_is_null(1);
        builder.add(
            { s.column_int(0), resolved ? s.column_int(1) : 0, resolved ? std::string() : s.column_text(2) });
    });
}

} // namespace

void release_free_memory()
{
#ifdef __GLIBC__
    ::malloc_trim(0);
#endif
}

Status write_threads(sqlite3* db)
{
    threads::ThreadBuilder builder;
    if (auto st = add_cables(db, builder); !st) {
        return st;
    }
    if (auto st = add_links(db, builder); !st) {
        return st;
    }
    auto insert = sql::Stmt::prepare(db,
        "INSERT INTO threads(thread, pos, cable, nth, missing_id, post, serial, year)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!insert) {
        return insert.error();
    }
    // Each step is stored as it is made.
    Status status;
    builder.finish_steps([&](std::int64_t thread, std::int64_t pos, const threads::Step& s) {
        insert->bind(1, thread).bind(2, pos);
        if (s.num != 0) {
            insert->bind(3, s.num);
        } else {
            insert->bind_null(3);
        }
        insert->bind(4, s.nth).bind(5, std::string_view(s.missing_id)).bind(6, std::string_view(s.post));
        status = insert->bind(7, std::string_view(s.serial)).bind(8, s.year).run();
        return status.ok();
    });
    return status;
}

} // namespace ck::content
