#include "content/index_builder.hpp"

#include "content/schema.hpp"
#include "content/sql.hpp"

#include <array>
#include <string_view>

namespace ck::content {

namespace fs = std::filesystem;

namespace {

// Rows waiting for the thread: enough to ride out a long cable, small enough to keep memory flat.
constexpr std::size_t queue_rows = 256;
// Page cache of the index file (KiB): FTS5 appends its segments in order.
constexpr int index_cache_kib = 8192;

// The shadow tables of both indexes; FTS5's content table is the pack's `cables`, not copied.
constexpr std::array<std::string_view, 8> shadow_tables = {
    "search_text_data",
    "search_text_idx",
    "search_text_docsize",
    "search_text_config",
    "search_head_data",
    "search_head_idx",
    "search_head_docsize",
    "search_head_config",
};

} // namespace

Result<std::unique_ptr<IndexBuilder>> IndexBuilder::start(const fs::path& file, std::int64_t hash_bytes)
{
    std::error_code ec;
    fs::remove(file, ec);
    // NOMUTEX: once started, only the builder's thread uses this connection.
    auto opened = sql::open(
        file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, "create " + file.string());
    if (!opened) {
        return opened.error();
    }
    // The same page size as the build file is not needed (rows are copied, not pages); a scratch
    // file needs no journal and no syncs.
    const std::string hash = std::to_string(hash_bytes);
    auto st = sql::exec(opened->get(),
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;"
        "PRAGMA cache_size = -"
            + std::to_string(index_cache_kib) + ";");
    st = st ? schema::create_search_indexes(opened->get()) : st;
    st = st ? sql::exec(opened->get(),
             "INSERT INTO search_text(search_text, rank) VALUES ('hashsize', " + hash
                 + ");"
                   "INSERT INTO search_head(search_head, rank) VALUES ('hashsize', "
                 + hash + "); BEGIN;")
            : st;
    if (!st) {
        return Error { st.error().message, file.string() };
    }
    std::unique_ptr<IndexBuilder> builder(new IndexBuilder(file, opened->release()));
    builder->m_thread = std::thread([b = builder.get()] { b->run(); });
    return builder;
}

IndexBuilder::IndexBuilder(fs::path file, sqlite3* db)
    : m_file(std::move(file))
    , m_db(db)
{
}

IndexBuilder::~IndexBuilder()
{
    {
        const std::lock_guard lock(m_mutex);
        m_closed = true;
        m_stop = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
    sqlite3_close_v2(m_db);
}

void IndexBuilder::add(IndexRow row)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_stop || m_queue.size() < queue_rows; });
    if (m_stop) {
        return;
    }
    m_queue.push_back(std::move(row));
    lock.unlock();
    m_changed.notify_all();
}

void IndexBuilder::run()
{
    Status st = index_rows();
    const std::lock_guard lock(m_mutex);
    if (!st) {
        m_status = std::move(st);
        m_stop = true; // add() drops rows from now on
        m_queue.clear();
    }
    m_changed.notify_all();
}

Status IndexBuilder::index_rows()
{
    auto text = sql::Stmt::prepare(m_db,
        "INSERT INTO search_text(rowid, subject, tags_text, display_text, facet_tokens) VALUES (?1, ?2, ?3, "
        "?4, ?5)");
    if (!text) {
        return text.error();
    }
    auto head = sql::Stmt::prepare(
        m_db, "INSERT INTO search_head(rowid, subject, tags_text, facet_tokens) VALUES (?1, ?2, ?3, ?4)");
    if (!head) {
        return head.error();
    }
    for (;;) {
        IndexRow row;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] { return m_closed || !m_queue.empty(); });
            if (m_stop) {
                return {};
            }
            if (m_queue.empty()) {
                break; // closed, and every row indexed
            }
            row = std::move(m_queue.front());
            m_queue.pop_front();
        }
        m_changed.notify_all();
        // Each index's pending terms are its own, so interleaving the two tables' inserts flushes
        // each at the same rows as inserting all of one table's rows and then the other's did.
        text->bind(1, row.num)
            .bind(2, std::string_view(row.subject))
            .bind(3, std::string_view(row.tags_text))
            .bind(4, std::string_view(row.display_text))
            .bind(5, std::string_view(row.facet_tokens));
        head->bind(1, row.num)
            .bind(2, std::string_view(row.subject))
            .bind(3, std::string_view(row.tags_text))
            .bind(4, std::string_view(row.facet_tokens));
        if (auto st = text->run(); !st) {
            return st;
        }
        if (auto st = head->run(); !st) {
            return st;
        }
    }
    return sql::exec(m_db,
        "COMMIT; INSERT INTO search_text(search_text) VALUES ('optimize');"
        "INSERT INTO search_head(search_head) VALUES ('optimize');");
}

void IndexBuilder::close()
{
    {
        const std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_changed.notify_all();
}

Status IndexBuilder::finish()
{
    close();
    if (m_thread.joinable()) {
        m_thread.join();
    }
    // Closed before the copy: the connection holds the file's exclusive lock.
    sqlite3_close_v2(m_db);
    m_db = nullptr;
    const std::lock_guard lock(m_mutex);
    if (!m_status) {
        return Error { "cannot build the search index: " + m_status.error().to_string(), m_file.string() };
    }
    return {};
}

Status copy_indexes(sqlite3* db, const fs::path& index_file)
{
    auto attach = sql::Stmt::prepare(db, "ATTACH ?1 AS ix");
    if (!attach) {
        return attach.error();
    }
    if (auto st = attach->bind(1, std::string_view(index_file.native())).run(); !st) {
        return st;
    }
    std::string copy = "BEGIN;";
    for (const std::string_view table : shadow_tables) {
        copy.append("DELETE FROM main.")
            .append(table)
            .append("; INSERT INTO main.")
            .append(table)
            .append(" SELECT * FROM ix.")
            .append(table)
            .append(";");
    }
    copy.append("COMMIT;");
    auto st = sql::exec(db, copy);
    if (!st) {
        (void)sql::exec(db, "ROLLBACK;");
    }
    const auto detached = sql::exec(db, "DETACH ix;");
    return !st ? st : detached;
}

} // namespace ck::content
