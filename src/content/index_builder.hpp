// Internal to src/content: the pack's two FTS5 indexes (search_text and search_head), built on a
// thread of their own in a scratch file beside the build file while the writer writes the cables'
// rows on the first core; the writer then copies the indexes' shadow tables in.
//
// Why a file of its own: SQLite has one writer per file, and FTS5's insert (its pending-terms hash)
// was the longest phase of a build, after a writing phase that left the second core mostly idle.
// Each index gets the same rows, in the same order, in one transaction, with the same hash size as
// it did on the build connection, and is then optimised into one segment: its shadow tables hold
// the same rows, so the pack stays byte-identical (VACUUM INTO writes them in key order).
#pragma once

#include "core/result.hpp"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace ck::content {

// The indexed columns of one cable, by row number.
struct IndexRow {
    std::int64_t num = 0;
    std::string subject;
    std::string tags_text;
    std::string display_text;
    std::string facet_tokens;
};

class IndexBuilder {
public:
    // Creates `file` (replacing any), with both FTS5 tables as the schema declares them and
    // `hash_bytes` as their pending-terms hash size, and starts the thread.
    static Result<std::unique_ptr<IndexBuilder>> start(
        const std::filesystem::path& file, std::int64_t hash_bytes);
    // Stops the thread (rows still queued are dropped) and closes the file; its owner removes it.
    ~IndexBuilder();
    IndexBuilder(const IndexBuilder&) = delete;
    IndexBuilder& operator=(const IndexBuilder&) = delete;
    IndexBuilder(IndexBuilder&&) = delete;
    IndexBuilder& operator=(IndexBuilder&&) = delete;

    // Queues a row, waiting while the queue is full (a few hundred rows: memory stays flat). Rows
    // come in increasing row number. After a failure on the thread, rows are dropped; finish() says
    // why.
    void add(IndexRow row);
    // No more rows: the thread commits and optimises both indexes while the caller goes on.
    void close();
    // close(), then waits for the thread and gives its first error, if any.
    Status finish();

    [[nodiscard]] const std::filesystem::path& file() const { return m_file; }

private:
    IndexBuilder(std::filesystem::path file, sqlite3* db);
    void run();
    Status index_rows();

    std::filesystem::path m_file;
    sqlite3* m_db; // owned; used by the thread only, once started
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<IndexRow> m_queue;
    bool m_closed = false; // no more rows (finish) or stop (destructor)
    bool m_stop = false;
    Status m_status;
    std::thread m_thread;
};

// Replaces the empty indexes of the build connection `db` with those `builder` made (after its
// finish()): the shadow tables' rows are copied through an attached file.
Status copy_indexes(sqlite3* db, const std::filesystem::path& index_file);

} // namespace ck::content
