// Opening a pack of uncertain provenance. Order matters: the file and its 100-byte header are
// checked before SQLite reads it; the connection is hardened before the first statement; the
// schema is compared with the expected one before any query touches a table. Each failure names
// its check in Error::where.
#include "content/pack_generic.hpp"
#include "content/pack_impl.hpp"
#include "content/schema.hpp"

#include <array>
#include <charconv>
#include <fstream>

namespace ck::content {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t header_bytes = 100;
// Limits for every pack connection: large enough for a 50 MB cable and our own statements,
// small enough that a hostile schema or value is refused (HOSTILE_INPUTS b2.8).
constexpr int limit_length_bytes = 128 << 20;
constexpr int limit_sql_bytes = 64 << 10;
constexpr int limit_columns = 64;
constexpr int limit_expr_depth = 64;
constexpr int limit_compound_select = 4;
constexpr int limit_vdbe_ops = 50000;
constexpr int limit_function_args = 16;
constexpr int limit_like_pattern = 64;
constexpr int limit_variables = 32;

std::uint32_t be32(const std::array<unsigned char, header_bytes>& h, std::size_t at)
{
    return (std::uint32_t { h[at] } << 24U) | (std::uint32_t { h[at + 1] } << 16U)
        | (std::uint32_t { h[at + 2] } << 8U) | std::uint32_t { h[at + 3] };
}

Error fail(std::string_view check, std::string message)
{
    return make_error(std::move(message), std::string(check));
}

// HOSTILE_INPUTS b2.2, b2.7, b2.14: the header must describe exactly this file, in rollback mode.
Status check_header(const fs::path& path)
{
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        return fail(check::file, "no pack file at " + path.string());
    }
    if (!fs::is_regular_file(status)) {
        return fail(check::file, "the pack is not a regular file");
    }
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec || size < 512) {
        return fail(check::file, "the pack file is empty or too short to be a database");
    }
    std::array<unsigned char, header_bytes> h {};
    std::ifstream in(path, std::ios::binary);
    if (!in.read(reinterpret_cast<char*>(h.data()), h.size())) {
        return fail(check::file, "cannot read the pack file");
    }
    constexpr std::string_view magic { "SQLite format 3\0", 16 };
    if (std::string_view(reinterpret_cast<const char*>(h.data()), 16) != magic) {
        return fail(check::header, "not an SQLite database");
    }
    std::uint32_t page_size = (std::uint32_t { h[16] } << 8U) | h[17];
    page_size = page_size == 1 ? 65536U : page_size;
    if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0) {
        return fail(check::header, "invalid page size " + std::to_string(page_size));
    }
    if (h[18] != 1 || h[19] != 1) {
        return fail(check::header, "the pack is not in rollback-journal mode (WAL or unknown format)");
    }
    if (h[20] != 0 || h[21] != 64 || h[22] != 32 || h[23] != 32) {
        return fail(check::header, "reserved or payload header fields have unexpected values");
    }
    const std::uint32_t page_count = be32(h, 28);
    if (be32(h, 24) != be32(h, 92) || page_count == 0) {
        return fail(check::header, "the header's page count is not valid");
    }
    if (static_cast<std::uintmax_t>(page_count) * page_size != size) {
        return fail(check::header,
            "the file is " + std::to_string(size) + " bytes but the header says "
                + std::to_string(static_cast<std::uintmax_t>(page_count) * page_size)
                + " (truncated, or data appended)");
    }
    if (be32(h, 56) != 1) {
        return fail(check::header, "the text encoding is not UTF-8");
    }
    if (be32(h, 68) != static_cast<std::uint32_t>(schema::application_id)) {
        return fail(check::header, "not a Cable Kiosk pack (application id)");
    }
    if (be32(h, 60) != static_cast<std::uint32_t>(schema::version)) {
        const std::uint32_t found = be32(h, 60);
        return fail(check::header,
            "pack schema version " + std::to_string(found) + "; this build reads version "
                + std::to_string(schema::version)
                + (found < static_cast<std::uint32_t>(schema::version)
                        ? ": the pack is older than this kiosk; rebuild it with this build's cablepack"
                        : ": the pack is newer than this kiosk; update the kiosk or build with its "
                          "cablepack"));
    }
    return {};
}

std::string file_uri(const fs::path& path, std::string_view params)
{
    std::string uri = "file:";
    for (const char c : fs::absolute(path).string()) {
        const auto b = static_cast<unsigned char>(c);
        if (c == '?' || c == '#' || c == '%' || b < 0x21 || b >= 0x7f) {
            static constexpr std::string_view hex = "0123456789ABCDEF";
            uri += '%';
            uri += hex[b >> 4U];
            uri += hex[b & 0x0fU];
        } else {
            uri += c;
        }
    }
    uri += '?';
    uri += params;
    return uri;
}

// Defensive settings from SQLite's "Defense against the dark arts" (security.html).
void harden(sqlite3* db)
{
    int ignored = 0;
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &ignored);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &ignored);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &ignored);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, &ignored);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, &ignored);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, &ignored);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &ignored);
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, limit_length_bytes);
    sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, limit_sql_bytes);
    sqlite3_limit(db, SQLITE_LIMIT_COLUMN, limit_columns);
    sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, limit_expr_depth);
    sqlite3_limit(db, SQLITE_LIMIT_COMPOUND_SELECT, limit_compound_select);
    sqlite3_limit(db, SQLITE_LIMIT_VDBE_OP, limit_vdbe_ops);
    sqlite3_limit(db, SQLITE_LIMIT_FUNCTION_ARG, limit_function_args);
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, limit_like_pattern);
    sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, limit_variables);
    sqlite3_limit(db, SQLITE_LIMIT_TRIGGER_DEPTH, 1);
    sqlite3_limit(db, SQLITE_LIMIT_WORKER_THREADS, 0);
}

Result<sql::DbPtr> open_connection(const fs::path& path, std::string_view params, int flags)
{
    // NOMUTEX: a Pack's connection is used by one thread at a time (README.md, "Threads"), so
    // SQLite's per-call mutex is pure cost: about a tenth of the CPU of ranking a word's hits.
    auto db = sql::open(file_uri(path, params), flags | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, check::open);
    if (!db) {
        return fail(check::open, db.error().message);
    }
    harden(db->get());
    sqlite3_extended_result_codes(db->get(), 1);
    return db;
}

// A private, writable copy of `source` through SQLite's backup API, in a temporary database that
// SQLite keeps in memory while it is small, spills to its temporary folder when it grows (an
// archive can be large) and deletes when it is closed.
Result<sql::DbPtr> private_copy(sqlite3* source)
{
    auto opened = sql::open("", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, check::fts_integrity);
    if (!opened) {
        return fail(check::fts_integrity,
            "cannot make a private copy of the read-only pack: " + opened.error().message);
    }
    sql::DbPtr copy = std::move(*opened);
    harden(copy.get());
    sqlite3_extended_result_codes(copy.get(), 1);
    sqlite3_backup* backup = sqlite3_backup_init(copy.get(), "main", source, "main");
    if (backup == nullptr) {
        return fail(check::fts_integrity,
            std::string("cannot copy the read-only pack: ") + sqlite3_errmsg(copy.get()));
    }
    const int stepped = sqlite3_backup_step(backup, -1);
    const int finished = sqlite3_backup_finish(backup);
    if (stepped != SQLITE_DONE || finished != SQLITE_OK) {
        return fail(check::fts_integrity,
            std::string("cannot copy the read-only pack: ") + sqlite3_errmsg(copy.get()));
    }
    return copy;
}

// HOSTILE_INPUTS b2.3-b2.5, b2.8: anything but our exact schema is refused before it is used.
Status check_schema(sqlite3* db)
{
    const auto& expected = schema::expected_description();
    if (!expected) {
        return fail(check::schema, "cannot build the expected schema: " + expected.error().to_string());
    }
    auto actual = schema::describe(db);
    if (!actual) {
        return fail(check::schema, "the schema cannot be read: " + actual.error().message);
    }
    if (*actual == *expected) {
        return {};
    }
    // Name the first object that differs, for the curator.
    std::size_t at = 0;
    while (at < actual->size() && at < expected->size() && (*actual)[at] == (*expected)[at]) {
        ++at;
    }
    const std::size_t line_start = actual->rfind('\n', at == 0 ? 0 : at - 1);
    const std::size_t begin = line_start == std::string::npos ? 0 : line_start + 1;
    std::string differing = actual->substr(begin, actual->find('\n', begin) - begin);
    if (differing.size() > 120) {
        differing = differing.substr(0, 120) + "...";
    }
    return fail(check::schema,
        "the pack's schema is not the expected one"
            + (differing.empty() ? std::string() : " at: " + differing));
}

bool parse_int(const std::string& text, std::int64_t& out)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc {} && end == text.data() + text.size();
}

Status read_info(Pack::Impl& p)
{
    auto st = p.stmt("SELECT key, value FROM meta");
    if (!st) {
        return fail(check::metadata, st.error().message);
    }
    std::map<std::string, std::string> meta;
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) { meta[s.column_text(0)] = s.column_text(1); });
    if (!status) {
        return fail(check::metadata, status.error().message);
    }
    PackInfo& info = p.info;
    std::int64_t schema_version = 0;
    std::int64_t archive = 0;
    if (!parse_int(meta["sequence"], info.sequence) || info.sequence < 0
        || !parse_int(meta["schema_version"], schema_version) || schema_version != schema::version
        || !parse_int(meta["build_time"], info.build_time) || !parse_int(meta["cables"], info.cables)
        || !parse_int(meta["archive"], archive)) {
        return fail(check::metadata, "the metadata is missing or malformed");
    }
    // A row takes more than 16 bytes of the file: a larger count is a lie that would size arrays.
    std::error_code ec;
    const auto file_bytes = static_cast<std::int64_t>(fs::file_size(p.path, ec));
    if (ec || info.cables < 0 || info.cables > file_bytes / 16) {
        return fail(check::metadata, "the cable count does not fit the file");
    }
    info.schema_version = static_cast<int>(schema_version);
    info.archive = archive != 0;
    info.title = meta["title"];
    info.builder_version = meta["builder_version"];
    info.content_hash = meta["content_hash"];
    if (info.content_hash.size() != 64
        || info.content_hash.find_first_not_of("0123456789abcdef") != std::string::npos) {
        return fail(check::metadata, "the content hash is malformed");
    }
    return {};
}

} // namespace

Result<std::unique_ptr<Pack::Impl>> open_pack(const fs::path& path, const OpenOptions& options)
{
    if (auto st = check_header(path); !st) {
        return st.error();
    }
    // immutable=1: no locks, and side files (-journal, -wal) are never read (HOSTILE_INPUTS b2.2).
    auto db = open_connection(path, "mode=ro&immutable=1", SQLITE_OPEN_READONLY);
    if (!db) {
        return db.error();
    }
    auto impl = std::make_unique<Pack::Impl>();
    impl->path = path;
    impl->options = options;
    impl->db = std::move(*db);
    impl->guard.clock = options.clock;
    sql::install_guard(impl->db.get(), &impl->guard);
    {
        auto scope = impl->scope();
        if (!options.schema_proven_by_stamp) {
            if (auto st = check_schema(impl->db.get()); !st) {
                return st.error();
            }
        }
        if (auto st = read_info(*impl); !st) {
            return st.error();
        }
        if (auto st = read_collection(*impl); !st) {
            return Error { st.error().message, std::string(check::metadata) };
        }
    }
    if (impl->info.archive && options.curation) {
        // Without the statement budget: this is one pass over the pack's cited cables, bounded by
        // the file, and under the budget a cold page cache at 2M cables failed the open.
        const sql::GuardScope unbounded(impl->guard, std::chrono::milliseconds { 0 }, nullptr);
        if (auto st = add_generic_curation(*impl); !st) {
            return Error { st.error().message, std::string(check::metadata) };
        }
    }
    return impl;
}

Status check_integrity_pragma(sqlite3* db)
{
    auto st = sql::Stmt::prepare(db, "PRAGMA integrity_check");
    if (!st) {
        return Error { st.error().message, std::string(check::integrity) };
    }
    auto verdict = sql::query_one(*st, [](const sql::Stmt& s) { return s.column_text(0); });
    if (!verdict) {
        return Error { verdict.error().message, std::string(check::integrity) };
    }
    if (!*verdict || **verdict != "ok") {
        return make_error(*verdict ? **verdict : "no result", std::string(check::integrity));
    }
    return {};
}

Status check_fts_integrity(const fs::path& path, bool against_content, const std::atomic<bool>* cancel)
{
    // FTS5 runs its integrity-check as an INSERT, which SQLite allows only on a writable
    // connection. Nothing is written; the pack's signature was checked before this runs, and a
    // hot journal beside it (which a writable connection would roll back) is refused.
    for (const char* side : { "-journal", "-wal", "-shm" }) {
        std::error_code ec;
        if (fs::exists(fs::path(path.string() + side), ec)) {
            return fail(check::fts_integrity, std::string("a side file ") + side + " lies beside the pack");
        }
    }
    auto db = open_connection(path, "mode=rw&nolock=1", SQLITE_OPEN_READWRITE);
    if (!db) {
        return db.error();
    }
    if (sqlite3_db_readonly(db->get(), "main") == 1) {
        // An installed pack (root's file under /usr/share, a read-only root filesystem) cannot be
        // opened for writing by the kiosk's user: the check runs on a private copy instead.
        auto copy = private_copy(db->get());
        if (!copy) {
            return copy.error();
        }
        db = std::move(copy);
    }
    sql::Guard guard;
    sql::install_guard(db->get(), &guard);
    sql::GuardScope scope(guard, std::chrono::milliseconds { 0 }, cancel);
    if (auto st = check_schema(db->get()); !st) {
        return st;
    }
    for (const char* table : { "search_text", "search_head" }) {
        const std::string sql_text = std::string("INSERT INTO ") + table + "(" + table
            + ", rank) VALUES ('integrity-check', " + (against_content ? "1" : "0") + ");";
        if (auto st = sql::exec(db->get(), sql_text); !st) {
            return fail(check::fts_integrity, std::string(table) + ": " + st.error().message);
        }
    }
    return {};
}

} // namespace ck::content
