// The end of a build for PackWriter: the search indexes, the vocabulary and the impact lists, the
// metadata with the content hash, and the copy into the pack file.
#include "content/impacts.hpp"
#include "content/schema.hpp"
#include "content/writer_tables.hpp"
#include "content/writer_threads.hpp"

namespace ck::content {

namespace fs = std::filesystem;

namespace {

// Page cache of the build connection while VACUUM INTO copies it into the pack (KiB).
constexpr int compact_cache_kib = 4096;

} // namespace

Status TableWriter::build_indexes(const BuildProgress& progress)
{
    if (progress) {
        progress(BuildPhase::indexing, 0, m_num);
    }
    // The indexes were built on the builder's thread while the rows were written; what is left is
    // to wait for its optimise and copy them in (about 1 s for 0.5 GB at 250k).
    auto st = m_index->finish();
    st = st ? copy_indexes(m_db, m_index->file()) : st;
    std::error_code ec;
    fs::remove(m_index->file(), ec);
    if (!st) {
        return st;
    }
    if (progress) {
        progress(BuildPhase::indexing, m_num, m_num);
        progress(BuildPhase::vocabulary, 0, 1);
    }
    // The vocabulary of the visitor-searchable words with their document counts: completion, prefix
    // expansion and hit-count estimates read it. Facet tokens are left out. `offered` marks the words
    // completion may offer a visitor: a word of several documents, of a document that is not OCR'd,
    // or of the glossary. A word found once, in OCR text, is most often debris ("oswaldsand"): the
    // words of the OCR'd documents and of the glossary are counted in contentless indexes of their
    // own (dropped before compaction) to tell.
    st = sql::exec(m_db,
        "CREATE VIRTUAL TABLE temp.text_vocab USING fts5vocab(main, search_text, row);"
        "CREATE VIRTUAL TABLE temp.ocr_text USING fts5(t, content='', detail=none,"
        " tokenize='unicode61 remove_diacritics 2');"
        "INSERT INTO temp.ocr_text(rowid, t) SELECT num, subject || ' ' || tags_text || ' ' || display_text"
        " FROM cables WHERE ocr = 1;"
        "CREATE VIRTUAL TABLE temp.ocr_vocab USING fts5vocab(temp, ocr_text, row);"
        "CREATE VIRTUAL TABLE temp.glossary_text USING fts5(t, content='', detail=none,"
        " tokenize='unicode61 remove_diacritics 2');"
        "INSERT INTO temp.glossary_text(rowid, t) SELECT pos + 1, term FROM glossary;"
        "CREATE VIRTUAL TABLE temp.glossary_vocab USING fts5vocab(temp, glossary_text, row);"
        // The OCR and glossary counts are read once into temporary tables: looked up in the
        // fts5vocab tables themselves, each of the vocabulary's terms opened a cursor on them, which
        // cost 25 us a term (three quarters of the phase); the result is the same.
        "INSERT INTO vocab(term, docs, offered)"
        " WITH o AS MATERIALIZED (SELECT term, doc FROM temp.ocr_vocab),"
        " g AS MATERIALIZED (SELECT term FROM temp.glossary_vocab)"
        " SELECT v.term, v.doc, v.doc >= 2"
        " OR v.doc > coalesce((SELECT o.doc FROM o WHERE o.term = v.term), 0)"
        " OR EXISTS (SELECT 1 FROM g WHERE g.term = v.term)"
        " FROM temp.text_vocab v"
        " WHERE NOT (v.term GLOB 'x[cot][0-9]*' AND v.term NOT GLOB 'x[cot]*[^0-9]*') ORDER BY v.term;"
        "DROP TABLE temp.text_vocab; DROP TABLE temp.ocr_vocab; DROP TABLE temp.ocr_text;"
        "DROP TABLE temp.glossary_vocab; DROP TABLE temp.glossary_text;");
    if (!st) {
        return st;
    }
    if (progress) {
        progress(BuildPhase::ranking, 0, 1);
    }
    // The impact lists rank every frequent word's cables once with the search's own ck_score().
    const char* file = sqlite3_db_filename(m_db, "main");
    return write_impact_lists(m_db, file != nullptr ? fs::path(file) : fs::path());
}

Status TableWriter::write_meta(const std::string& content_hash)
{
    const bool archive = !m_options.manifest.has_value();
    std::string title = archive ? "Reading room archive" : pick(m_options.manifest->title, "en");
    const std::pair<const char*, std::string> values[] = {
        { "title", title },
        { "sequence", std::to_string(m_options.sequence) },
        { "schema_version", std::to_string(schema::version) },
        { "build_time", std::to_string(m_options.build_time) },
        { "builder_version", m_options.builder_version },
        { "cables", std::to_string(m_num) },
        { "archive", archive ? "1" : "0" },
        { "content_hash", content_hash },
    };
    for (const auto& [key, value] : values) {
        if (auto st = stmt("meta").bind(1, std::string_view(key)).bind(2, std::string_view(value)).run();
            !st) {
            return st;
        }
    }
    return {};
}

Result<BuildSummary> TableWriter::finish(const BuildProgress& progress, const fs::path& compact_to)
{
    Status st = write_facets_and_years();
    st = st ? resolve_references() : st;
    st = st ? write_threads(m_db) : st;
    release_free_memory();
    st = st ? write_permalinks() : st;
    st = st ? write_manifest() : st;
    st = st ? write_variants() : st;
    st = st ? write_name_tables() : st;
    // Content rows first, so the content hash (which covers the title and counts in meta, but not
    // the build's own fields) can be computed before the build fields are stored.
    st = st ? write_meta("") : st;
    st = st ? sql::exec(m_db, "COMMIT;") : st;
    st = st ? build_indexes(progress) : st;
    if (!st) {
        return st.error();
    }
    auto hash = schema::content_hash(m_db);
    if (!hash) {
        return hash.error();
    }
    st = sql::exec(m_db, "BEGIN;");
    st = st ? write_meta(*hash) : st;
    st = st ? sql::exec(m_db, "COMMIT;") : st;
    m_stmts.clear();
    if (progress) {
        progress(BuildPhase::compacting, 0, 1);
    }
    std::error_code ec;
    fs::remove(compact_to, ec);
    // VACUUM INTO gives the new file the page cache size of the build connection, and holds about
    // five times that at its peak (a 64 MiB cache peaked at 330 MB for a 50k pack): a small cache
    // keeps the copy's memory flat at any size, and it is no slower (it reads and writes in order).
    st = st ? sql::exec(m_db, "PRAGMA cache_size = -" + std::to_string(compact_cache_kib) + ";") : st;
    sqlite3_db_release_memory(m_db);
    auto vacuum = sql::Stmt::prepare(m_db, "VACUUM INTO ?1");
    st = st && vacuum ? vacuum->bind(1, std::string_view(compact_to.native())).run() : st;
    if (!st) {
        return st.error();
    }
    if (!vacuum) {
        return vacuum.error();
    }
    BuildSummary summary;
    summary.cables = m_num;
    summary.text_bytes = m_text_bytes;
    summary.content_hash = *hash;
    auto total = sql::query_int(m_db, "SELECT count(*) FROM refs");
    auto resolved = sql::query_int(m_db, "SELECT count(*) FROM refs WHERE target_num IS NOT NULL");
    summary.refs_total = total ? *total : 0;
    summary.refs_resolved = resolved ? *resolved : 0;
    auto possible = sql::query_int(m_db, std::string(schema::possible_refs_count_sql));
    auto fbis = sql::query_int(m_db, "SELECT count(*) FROM refs WHERE kind = 'fbis'");
    summary.refs_possible = possible ? *possible : 0;
    summary.refs_fbis = fbis ? *fbis : 0;
    return summary;
}

} // namespace ck::content
