// The pack schema, version 7. Every field of the parsed Cable has a home: scalars in `cables`
// (small columns first, the display text last, so reading a row's small fields never walks the
// text's overflow pages), lists in `cable_lists`, references, paragraphs and attributes in their own tables.
// Two FTS5 tables index the cables as external content: `search_text` (subject, tags, body, facet tokens) and
// the small `search_head` (subject, tags, facet tokens) that lets a frequent word list its subject and tag
// matches first without walking the body index. `threads` holds the conversations of the reference
// graph, derived at build time (writer_threads.cpp) so that the reader reads one with one query.
#include "content/schema.hpp"

#include "content/sql.hpp"

#include <sodium.h>

#include <array>
#include <vector>

namespace ck::content::schema {
namespace {

constexpr std::string_view ddl = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT, WITHOUT ROWID;
CREATE TABLE cables(
  num INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  id_from_file INTEGER NOT NULL,
  ref_key TEXT NOT NULL,
  date TEXT,
  year INTEGER NOT NULL,
  class_id INTEGER NOT NULL,
  origin_id INTEGER NOT NULL,
  ocr INTEGER NOT NULL,
  partial_extract INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  format TEXT NOT NULL,
  precedence TEXT NOT NULL,
  sender TEXT NOT NULL,
  origin TEXT NOT NULL,
  classification TEXT NOT NULL,
  eo_line TEXT NOT NULL,
  declassification TEXT NOT NULL,
  classified_by TEXT NOT NULL,
  signature TEXT NOT NULL,
  source_file TEXT NOT NULL,
  subject TEXT NOT NULL,
  tags_text TEXT NOT NULL,
  facet_tokens TEXT NOT NULL,
  display_text TEXT NOT NULL
) STRICT;
CREATE TABLE cable_lists(cable INTEGER NOT NULL, field INTEGER NOT NULL, pos INTEGER NOT NULL,
  value TEXT NOT NULL, PRIMARY KEY(cable, field, pos)) STRICT, WITHOUT ROWID;
CREATE TABLE refs(cable INTEGER NOT NULL, pos INTEGER NOT NULL, label TEXT NOT NULL, text TEXT NOT NULL,
  target TEXT NOT NULL, target_num INTEGER, kind TEXT NOT NULL, PRIMARY KEY(cable, pos)) STRICT,
  WITHOUT ROWID;
CREATE TABLE cable_tags(cable INTEGER NOT NULL, tag INTEGER NOT NULL, PRIMARY KEY(cable, tag))
  STRICT, WITHOUT ROWID;
CREATE TABLE ref_alternatives(cable INTEGER NOT NULL, ref INTEGER NOT NULL, pos INTEGER NOT NULL,
  id TEXT NOT NULL, target_num INTEGER, PRIMARY KEY(cable, ref, pos)) STRICT, WITHOUT ROWID;
CREATE TABLE paragraphs(cable INTEGER NOT NULL, pos INTEGER NOT NULL, number TEXT NOT NULL,
  portion_mark TEXT NOT NULL, line INTEGER NOT NULL, PRIMARY KEY(cable, pos)) STRICT, WITHOUT ROWID;
CREATE TABLE attributes(cable INTEGER NOT NULL, pos INTEGER NOT NULL, key TEXT NOT NULL,
  value TEXT NOT NULL, PRIMARY KEY(cable, pos)) STRICT, WITHOUT ROWID;
CREATE TABLE facet_values(kind INTEGER NOT NULL, id INTEGER NOT NULL, value TEXT NOT NULL,
  cables INTEGER NOT NULL, PRIMARY KEY(kind, id)) STRICT, WITHOUT ROWID;
CREATE TABLE years(year INTEGER PRIMARY KEY, first_num INTEGER NOT NULL, last_num INTEGER NOT NULL,
  cables INTEGER NOT NULL) STRICT;
CREATE TABLE vocab(term TEXT PRIMARY KEY NOT NULL, docs INTEGER NOT NULL, offered INTEGER NOT NULL) STRICT,
  WITHOUT ROWID;
CREATE TABLE variants(form TEXT NOT NULL, grp INTEGER NOT NULL, leads INTEGER NOT NULL,
  PRIMARY KEY(form, grp)) STRICT, WITHOUT ROWID;
CREATE TABLE texts(owner TEXT NOT NULL, field TEXT NOT NULL, lang TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY(owner, field, lang)) STRICT, WITHOUT ROWID;
CREATE TABLE sections(pos INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE) STRICT;
CREATE TABLE section_cables(section INTEGER NOT NULL, pos INTEGER NOT NULL, cable INTEGER NOT NULL,
  PRIMARY KEY(section, pos)) STRICT, WITHOUT ROWID;
CREATE TABLE featured(pos INTEGER PRIMARY KEY, cable INTEGER NOT NULL) STRICT;
CREATE TABLE glossary(pos INTEGER PRIMARY KEY, term TEXT NOT NULL, kind TEXT NOT NULL) STRICT;
CREATE TABLE tours(pos INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE) STRICT;
CREATE TABLE tour_stops(tour INTEGER NOT NULL, pos INTEGER NOT NULL, cable INTEGER NOT NULL,
  paragraph TEXT NOT NULL, PRIMARY KEY(tour, pos)) STRICT, WITHOUT ROWID;
CREATE TABLE threads(thread INTEGER NOT NULL, pos INTEGER NOT NULL, cable INTEGER, nth INTEGER NOT NULL,
  missing_id TEXT NOT NULL, post TEXT NOT NULL, serial TEXT NOT NULL, year INTEGER NOT NULL,
  PRIMARY KEY(thread, pos)) STRICT, WITHOUT ROWID;
CREATE TABLE permalinks(cable INTEGER PRIMARY KEY, url TEXT NOT NULL) STRICT;
CREATE TABLE impacts(term TEXT PRIMARY KEY NOT NULL, postings BLOB NOT NULL, floor REAL NOT NULL,
  blocks BLOB NOT NULL) STRICT, WITHOUT ROWID;
)sql";

// The two FTS5 tables, last in the schema; the pack builder also creates them in a file of their own
// (index_builder.hpp).
constexpr std::string_view search_ddl = R"sql(
CREATE VIRTUAL TABLE search_text USING fts5(subject, tags_text, display_text, facet_tokens,
  content='cables', content_rowid='num', tokenize='unicode61 remove_diacritics 2', detail=full);
CREATE VIRTUAL TABLE search_head USING fts5(subject, tags_text, facet_tokens,
  content='cables', content_rowid='num', tokenize='unicode61 remove_diacritics 2', detail=full);
)sql";

// Secondary indexes, created after the bulk load (sorting once beats inserting in random order).
constexpr std::string_view index_ddl = R"sql(
CREATE INDEX cables_facets ON cables(class_id, origin_id);
CREATE INDEX cables_ref_key ON cables(ref_key);
CREATE INDEX refs_target ON refs(target_num, cable);
CREATE UNIQUE INDEX facet_values_value ON facet_values(kind, value);
CREATE INDEX variants_group ON variants(grp, form);
CREATE INDEX threads_cable ON threads(cable) WHERE cable IS NOT NULL;
)sql";

// The content tables hashed, each with the ORDER BY of its key.
struct HashedTable {
    std::string_view name;
    std::string_view order;
    std::string_view columns;
};
constexpr std::array<HashedTable, 16> hashed_tables = { {
    { "cables", "num",
        "num, id, id_from_file, ref_key, date, year, precedence, sender, origin, classification, eo_line, "
        "declassification, subject, classified_by, signature, display_text, format, ocr, partial_extract, "
        "source_file, source_line" },
    { "cable_lists", "cable, field, pos", "cable, field, pos, value" },
    { "refs", "cable, pos", "cable, pos, label, text, target, target_num, kind" },
    { "ref_alternatives", "cable, ref, pos", "cable, ref, pos, id, target_num" },
    { "paragraphs", "cable, pos", "cable, pos, number, portion_mark, line" },
    { "attributes", "cable, pos", "cable, pos, key, value" },
    { "texts", "owner, field, lang", "owner, field, lang, value" },
    { "sections", "pos", "pos, slug" },
    { "section_cables", "section, pos", "section, pos, cable" },
    { "featured", "pos", "pos, cable" },
    { "glossary", "pos", "pos, term, kind" },
    { "tours", "pos", "pos, slug" },
    { "tour_stops", "tour, pos", "tour, pos, cable, paragraph" },
    { "variants", "form, grp", "form, grp, leads" },
    { "permalinks", "cable", "cable, url" },
    { "meta", "key", "key, value" },
} };

// Meta keys that describe a build rather than the content.
constexpr std::string_view meta_content_filter
    = "WHERE key NOT IN ('sequence', 'build_time', 'builder_version', 'content_hash')";

void hash_value(crypto_generichash_state& state, sqlite3_stmt* st, int col)
{
    // Each value is framed as type byte + 8-byte length + bytes, so no two different rows can
    // serialize to the same stream.
    const int type = sqlite3_column_type(st, col);
    std::array<unsigned char, 9> frame {};
    frame[0] = static_cast<unsigned char>(type);
    std::string_view bytes;
    std::string number;
    switch (type) {
    case SQLITE_INTEGER:
        number = std::to_string(sqlite3_column_int64(st, col));
        bytes = number;
        break;
    case SQLITE_FLOAT:
        number = std::to_string(sqlite3_column_double(st, col));
        bytes = number;
        break;
    case SQLITE_TEXT:
    case SQLITE_BLOB: {
        const void* data = type == SQLITE_TEXT ? static_cast<const void*>(sqlite3_column_text(st, col))
                                               : sqlite3_column_blob(st, col);
        const int size = sqlite3_column_bytes(st, col);
        if (data != nullptr && size > 0) {
            bytes = { static_cast<const char*>(data), static_cast<std::size_t>(size) };
        }
        break;
    }
    default:
        break; // SQLITE_NULL: the type byte alone
    }
    std::uint64_t length = bytes.size();
    for (std::size_t i = 1; i < frame.size(); ++i) {
        frame[i] = static_cast<unsigned char>(length & 0xffU);
        length >>= 8U;
    }
    crypto_generichash_update(&state, frame.data(), frame.size());
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

} // namespace

Status create_indexes(sqlite3* db)
{
    return sql::exec(db, index_ddl);
}

Status create(sqlite3* db)
{
    if (auto st = create_tables(db); !st) {
        return st;
    }
    return create_indexes(db);
}

Status create_tables(sqlite3* db)
{
    if (auto st = sql::exec(db, ddl); !st) {
        return st;
    }
    if (auto st = create_search_indexes(db); !st) {
        return st;
    }
    return sql::exec(db,
        "PRAGMA application_id = " + std::to_string(application_id)
            + "; PRAGMA user_version = " + std::to_string(version) + ";");
}

Status create_search_indexes(sqlite3* db)
{
    return sql::exec(db, search_ddl);
}

Result<std::string> describe(sqlite3* db)
{
    auto st = sql::Stmt::prepare(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name");
    if (!st) {
        return st.error();
    }
    std::string out;
    auto status = sql::each_row(*st, [&](const sql::Stmt& s) {
        for (int col = 0; col < 4; ++col) {
            out += s.column_view(col);
            out += col == 3 ? '\n' : '|';
        }
    });
    if (!status) {
        return status.error();
    }
    return out;
}

const Result<std::string>& expected_description()
{
    static const Result<std::string> expected = []() -> Result<std::string> {
        auto db = sql::open(
            ":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "open the in-memory schema database");
        if (!db) {
            return db.error();
        }
        if (auto st = create(db->get()); !st) {
            return st.error();
        }
        return describe(db->get());
    }();
    return expected;
}

std::string fingerprint()
{
    crypto_generichash_state state;
    std::array<unsigned char, crypto_generichash_BYTES> digest {};
    crypto_generichash_init(&state, nullptr, 0, digest.size());
    for (const std::string_view part : { ddl, search_ddl, index_ddl, std::string_view(sqlite3_sourceid()) }) {
        // Each part framed by its length, so no two different sets of parts hash alike.
        const std::string length = std::to_string(part.size()) + ":";
        crypto_generichash_update(
            &state, reinterpret_cast<const unsigned char*>(length.data()), length.size());
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(part.data()), part.size());
    }
    crypto_generichash_final(&state, digest.data(), digest.size());
    return sql::to_hex({ reinterpret_cast<const char*>(digest.data()), digest.size() });
}

Result<std::string> content_hash(sqlite3* db)
{
    crypto_generichash_state state;
    std::array<unsigned char, crypto_generichash_BYTES> digest {};
    crypto_generichash_init(&state, nullptr, 0, digest.size());
    for (const HashedTable& table : hashed_tables) {
        std::string query = "SELECT ";
        query += table.columns;
        query += " FROM ";
        query += table.name;
        if (table.name == "meta") {
            query += ' ';
            query += meta_content_filter;
        }
        query += " ORDER BY ";
        query += table.order;
        auto st = sql::Stmt::prepare(db, query);
        if (!st) {
            return st.error();
        }
        crypto_generichash_update(
            &state, reinterpret_cast<const unsigned char*>(table.name.data()), table.name.size());
        const int columns = sqlite3_column_count(st->raw());
        auto status = sql::each_row(*st, [&](const sql::Stmt& s) {
            for (int col = 0; col < columns; ++col) {
                hash_value(state, s.raw(), col);
            }
        });
        if (!status) {
            return status.error();
        }
    }
    crypto_generichash_final(&state, digest.data(), digest.size());
    return sql::to_hex({ reinterpret_cast<const char*>(digest.data()), digest.size() });
}

} // namespace ck::content::schema
