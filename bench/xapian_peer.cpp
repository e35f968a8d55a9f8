#include "xapian_peer.hpp"

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <xapian.h>

namespace ck::bench {

// The same weights as src/content/search_rank.cpp: subject 8, tags 4, body 1; BM25's k1 1.2, b 0.75.
namespace {
constexpr unsigned subject_weight = 8;
constexpr unsigned tags_weight = 4;
constexpr double bm25_k1 = 1.2;
constexpr double bm25_b = 0.75;
constexpr const char* hash_key = "ck.pack_hash";

std::string column_text(sqlite3_stmt* st, int col)
{
    const unsigned char* text = sqlite3_column_text(st, col);
    return text == nullptr ? std::string() : reinterpret_cast<const char*>(text);
}

std::string pack_hash(sqlite3* db)
{
    sqlite3_stmt* st = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'content_hash'", -1, &st, nullptr)
            == SQLITE_OK
        && sqlite3_step(st) == SQLITE_ROW) {
        out = column_text(st, 0);
    }
    sqlite3_finalize(st);
    return out;
}

// Every cable as one document: the fields weighted through the wdf, the body kept as the
// document's data for snippets (as a Xapian deployment stores what it shows).
void index_cables(sqlite3* db, Xapian::WritableDatabase& out)
{
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(
        db, "SELECT subject, tags_text, display_text FROM cables ORDER BY num", -1, &st, nullptr);
    Xapian::TermGenerator terms;
    std::size_t done = 0;
    while (st != nullptr && sqlite3_step(st) == SQLITE_ROW) {
        Xapian::Document doc;
        terms.set_document(doc);
        terms.index_text(column_text(st, 0), subject_weight);
        terms.increase_termpos();
        terms.index_text(column_text(st, 1), tags_weight);
        terms.increase_termpos();
        const std::string body = column_text(st, 2);
        terms.index_text(body);
        doc.set_data(body);
        out.add_document(doc);
        if (++done % 25000 == 0) {
            std::fprintf(stderr, "xapian: indexed %zu cables\n", done);
        }
    }
    sqlite3_finalize(st);
}

} // namespace

struct XapianPeer::Impl {
    Xapian::Database db;
    Xapian::QueryParser parser;
    Xapian::Enquire enquire;
    explicit Impl(const std::string& dir)
        : db(dir)
        , enquire(db)
    {
        parser.set_database(db);
        parser.set_default_op(Xapian::Query::OP_AND);
        enquire.set_weighting_scheme(Xapian::BM25Weight(bm25_k1, 0, 1, bm25_b, 0.5));
    }
};

XapianPeer::XapianPeer(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{
}

XapianPeer::~XapianPeer() = default;

std::unique_ptr<XapianPeer> XapianPeer::open_or_build(const std::string& pack_path, const std::string& dir)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(("file:" + pack_path + "?mode=ro&immutable=1").c_str(), &db,
            SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr)
        != SQLITE_OK) {
        std::fprintf(stderr, "xapian: cannot open %s\n", pack_path.c_str());
        sqlite3_close(db);
        return nullptr;
    }
    const std::string hash = pack_hash(db);
    double seconds = 0;
    try {
        bool fresh = false;
        if (std::filesystem::exists(dir)) {
            fresh = Xapian::Database(dir).get_metadata(hash_key) == hash;
        }
        if (!fresh) {
            std::filesystem::remove_all(dir);
            const auto t0 = std::chrono::steady_clock::now();
            Xapian::WritableDatabase out(dir, Xapian::DB_CREATE_OR_OVERWRITE);
            index_cables(db, out);
            out.set_metadata(hash_key, hash);
            out.commit();
            seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            std::fprintf(stderr, "xapian: %s built in %.1f s\n", dir.c_str(), seconds);
        }
        sqlite3_close(db);
        std::unique_ptr<XapianPeer> peer(new XapianPeer(std::make_unique<Impl>(dir)));
        peer->m_build_seconds = seconds;
        return peer;
    } catch (const Xapian::Error& e) {
        std::fprintf(stderr, "xapian: %s: %s\n", dir.c_str(), e.get_description().c_str());
        sqlite3_close(db);
        return nullptr;
    }
}

std::size_t XapianPeer::search(const std::string& text)
{
    // FLAG_PARTIAL: a last word with no space after it is still being typed, so it matches as a
    // prefix too, as ours does; FLAG_PHRASE for "...".
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PARTIAL;
    m_impl->enquire.set_query(m_impl->parser.parse_query(text, flags));
    const Xapian::MSet hits = m_impl->enquire.get_mset(0, 20);
    for (Xapian::MSetIterator it = hits.begin(); it != hits.end(); ++it) {
        (void)hits.snippet(it.get_document().get_data(), 160); // a library call: never elided
    }
    return hits.get_matches_estimated();
}

} // namespace ck::bench
