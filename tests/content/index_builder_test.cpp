// The search indexes built on their own thread and file (index_builder.hpp): they must hold exactly
// what indexing the written cables in place gives, and a failure must surface, not hang the writer.
#include "content/index_builder.hpp"
#include "content/sql.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace ck::content;

namespace {

// The indexed columns of every cable of `pack`, in row order.
std::vector<IndexRow> rows_of(sqlite3* pack)
{
    auto st = sql::Stmt::prepare(
        pack, "SELECT num, subject, tags_text, display_text, facet_tokens FROM cables ORDER BY num");
    REQUIRE(st.ok());
    std::vector<IndexRow> rows;
    REQUIRE(sql::each_row(*st, [&](const sql::Stmt& s) {
        rows.push_back(
            { s.column_int(0), s.column_text(1), s.column_text(2), s.column_text(3), s.column_text(4) });
    }).ok());
    return rows;
}

sql::DbPtr open(const std::filesystem::path& path, int flags)
{
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &raw, flags, nullptr) == SQLITE_OK);
    return sql::DbPtr(raw);
}

// The rows of `table` in one file and not in the other, both ways.
std::int64_t rows_apart(sqlite3* db, const std::string& table)
{
    auto apart = sql::query_int(db,
        "SELECT (SELECT count(*) FROM (SELECT * FROM main." + table + " EXCEPT SELECT * FROM other." + table
            + ")) + (SELECT count(*) FROM (SELECT * FROM other." + table + " EXCEPT SELECT * FROM main."
            + table + "))");
    REQUIRE(apart.ok());
    return *apart;
}

} // namespace

TEST_CASE("the search indexes built beside the rows hold exactly what indexing the written cables in place "
          "gives, with a hash small enough to flush many times")
{
    const ck::test::TempDir dir;
    ck::test::build_pack(dir / "z.ckpack", ck::test::zipf_cables(2500));
    const auto pack = open(dir / "z.ckpack", SQLITE_OPEN_READONLY);
    const auto rows = rows_of(pack.get());
    REQUIRE(rows.size() == 2500);
    constexpr std::int64_t small_hash = 64 * 1024; // a few dozen flushes for 2,500 cables

    auto builder = IndexBuilder::start(dir / "beside", small_hash);
    REQUIRE(builder.ok());
    for (const auto& row : rows) {
        (*builder)->add(row);
    }
    REQUIRE((*builder)->finish().ok());

    // In place, as the writer indexed before: all of search_text's rows in one statement, then
    // search_head's, each optimised.
    const auto in_place = open(dir / "in-place", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    REQUIRE(sql::exec(in_place.get(),
        "CREATE TABLE cables(num INTEGER PRIMARY KEY, subject TEXT, tags_text TEXT, display_text TEXT,"
        " facet_tokens TEXT);"
        "CREATE VIRTUAL TABLE search_text USING fts5(subject, tags_text, display_text, facet_tokens,"
        " content='cables', content_rowid='num', tokenize='unicode61 remove_diacritics 2', detail=full);"
        "CREATE VIRTUAL TABLE search_head USING fts5(subject, tags_text, facet_tokens,"
        " content='cables', content_rowid='num', tokenize='unicode61 remove_diacritics 2', detail=full);"
        "INSERT INTO search_text(search_text, rank) VALUES ('hashsize', "
            + std::to_string(small_hash)
            + ");"
              "INSERT INTO search_head(search_head, rank) VALUES ('hashsize', "
            + std::to_string(small_hash) + ");")
                .ok());
    auto attach = sql::Stmt::prepare(in_place.get(), "ATTACH ?1 AS other");
    REQUIRE(attach.ok());
    REQUIRE(attach->bind(1, std::string_view((dir / "z.ckpack").native())).run().ok());
    REQUIRE(sql::exec(in_place.get(),
        "INSERT INTO cables SELECT num, subject, tags_text, display_text, facet_tokens FROM other.cables;"
        "DETACH other;"
        "INSERT INTO search_text(rowid, subject, tags_text, display_text, facet_tokens)"
        " SELECT num, subject, tags_text, display_text, facet_tokens FROM cables ORDER BY num;"
        "INSERT INTO search_head(rowid, subject, tags_text, facet_tokens)"
        " SELECT num, subject, tags_text, facet_tokens FROM cables ORDER BY num;"
        "INSERT INTO search_text(search_text) VALUES ('optimize');"
        "INSERT INTO search_head(search_head) VALUES ('optimize');")
                .ok());
    REQUIRE(attach->bind(1, std::string_view((dir / "beside").native())).run().ok());
    for (const std::string table :
        { "search_text_data", "search_text_idx", "search_text_docsize", "search_text_config",
            "search_head_data", "search_head_idx", "search_head_docsize", "search_head_config" }) {
        CAPTURE(table);
        CHECK(*sql::query_int(in_place.get(), "SELECT count(*) FROM main." + table) > 0);
        CHECK(rows_apart(in_place.get(), table) == 0);
    }
    // and the pack's own indexes are the ones the builder copied in: the same words, the same hits
    const auto hits
        = sql::query_int(pack.get(), "SELECT count(*) FROM search_text WHERE search_text MATCH 'babo'");
    const auto in_place_hits
        = sql::query_int(in_place.get(), "SELECT count(*) FROM search_text WHERE search_text MATCH 'babo'");
    REQUIRE(hits.ok());
    CHECK(*hits > 0);
    CHECK(in_place_hits.ok());
    CHECK(*hits == *in_place_hits);
}

TEST_CASE("when the index file cannot grow, the indexing fails naming the file, and rows given after the "
          "failure are dropped without waiting")
{
    const ck::test::TempDir dir;
    const auto file = dir / "beside";
    // In a child process: the file size limit is process-wide.
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        (void)std::signal(SIGXFSZ, SIG_IGN); // a write past the limit fails with EFBIG instead
        const rlimit limit { 256 * 1024, 256 * 1024 };
        ::setrlimit(RLIMIT_FSIZE, &limit);
        auto builder = IndexBuilder::start(file, 64 * 1024);
        if (!builder) {
            ::_exit(2);
        }
        for (int i = 1; i <= 4000; ++i) {
            std::string body;
            for (int w = 0; w < 60; ++w) {
                body += "word" + std::to_string((i * 61 + w * 7919) % 50021) + " ";
            }
            // Far more rows than the queue holds: a writer would wait forever on a stopped thread.
            (*builder)->add(IndexRow { i, "subject " + std::to_string(i), "", body, "" });
        }
        const auto st = (*builder)->finish();
        if (st) {
            ::_exit(3);
        }
        const std::string message = st.error().to_string();
        const bool named = message.find(file.string()) != std::string::npos
            && message.find("cannot build the search index") != std::string::npos;
        ::_exit(named ? 0 : 4);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0); // 3: no failure seen; 4: the message names neither file nor step
}
