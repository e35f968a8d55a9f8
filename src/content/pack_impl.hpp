// Internal to src/content: the state behind a Pack, shared by the reader (pack.cpp), the opener
// (pack_open.cpp) and search (search.cpp, facets.cpp).
#pragma once

#include "content/pack.hpp"
#include "content/query.hpp"
#include "content/sql.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ck::content {

// Per-cable facet ids held in memory for counting facets over many hits: loaded on first use.
struct FacetArrays {
    std::vector<std::uint32_t> classification; // by num; 0 = none
    std::vector<std::uint32_t> origin;
    std::vector<std::uint32_t> tag_offsets; // CSR: tags of num n are tag_ids[tag_offsets[n]..[n+1])
    std::vector<std::uint32_t> tag_ids;
    std::vector<std::pair<std::int64_t, int>> year_starts; // (first num, year), ascending
    std::int64_t last_dated = 0; // rows after this have no date
    std::map<std::uint32_t, std::string> class_names;
    std::map<std::uint32_t, std::string> origin_names;
    std::map<std::uint32_t, std::string> tag_names;
};

struct Pack::Impl {
    std::filesystem::path path;
    OpenOptions options;
    sql::DbPtr db;
    sql::Guard guard;
    PackInfo info;
    Collection collection;
    std::map<std::string, sql::Stmt, std::less<>> statements;
    std::unique_ptr<QueryParser> parser;
    std::unique_ptr<FacetArrays> facets;
    bool snippet_function_ready = false;

    // A cached prepared statement, reset and ready for binds.
    Result<sql::Stmt*> stmt(std::string_view text);
    sql::GuardScope scope(const std::atomic<bool>* cancel = nullptr)
    {
        return sql::GuardScope(guard, options.statement_budget, cancel);
    }

    Result<std::vector<CableSummary>> summaries_by_num(const std::vector<std::int64_t>& nums);
    Result<CableRecord> record_by_num(std::int64_t num);
};

// Opens and checks the file, fills info and collection (pack_open.cpp).
Result<std::unique_ptr<Pack::Impl>> open_pack(const std::filesystem::path& path, const OpenOptions& options);

// Reads the curation tables into Pack::Impl::collection (pack.cpp).
Status read_collection(Pack::Impl& p);

// SQLite's PRAGMA integrity_check on `db`: its first complaint as the integrity check's error
// (pack_open.cpp). Used by Pack::check_integrity and by the builder on the new pack.
Status check_integrity_pragma(sqlite3* db);

// The FTS5 integrity checks, which need a writable connection (pack_open.cpp).
Status check_fts_integrity(
    const std::filesystem::path& path, bool against_content, const std::atomic<bool>* cancel);

// The summary columns, selectable as "SELECT <summary_columns> FROM cables c".
inline constexpr std::string_view summary_columns
    = "c.num, c.id, c.date, c.subject, c.classification, c.sender, c.origin,"
      " (SELECT value FROM cable_lists WHERE cable = c.num AND field = 1 AND pos = 0)";
CableSummary read_summary(const sql::Stmt& st, int first_col = 1);

} // namespace ck::content
