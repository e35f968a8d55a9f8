// Internal to src/content: the pack's SQL schema (one version), how to create it, and the exact
// schema a reader expects before it runs any other query on a file of uncertain provenance.
#pragma once

#include "core/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>

// The connection type only, so that sql.hpp stays the one header that includes sqlite3.h.
struct sqlite3;

namespace ck::content::schema {

// 2: refs.kind (cable, fbis, other) and ref_alternatives.target_num (an offered id that is in the
// pack, shown as "possibly", never as the reference's target).
// 3: vocab.offered (the words completion may offer: of several documents, of a document that is not
// OCR'd, or of the glossary) and variants (groups of forms search treats as one).
// 4: permalinks (a cable's public page on the web, shown as a QR code in the reader).
// 5: threads (each conversation of the reference graph as steps in date order: a cable, or a
// missing one with its post, serial and year), derived at build time and read by one query.
// 6: tours and tour_stops (the manifest's guided tours; their texts in `texts` as "tour/N" and
// "tour/N/stop/M").
// 7: impacts (per frequent word, its best cables by BM25 term weight, a floor for the rest and
// block maxima: top-k ranking past the ranked pass, impacts.hpp).
inline constexpr int version = 7;
// PRAGMA application_id of every pack: "CKPA".
inline constexpr std::int32_t application_id = 0x434B5041;

// References not resolved whose source page offers an id that is in the pack.
inline constexpr std::string_view possible_refs_count_sql
    = "SELECT count(*) FROM refs r WHERE r.target_num IS NULL AND EXISTS (SELECT 1 FROM ref_alternatives a"
      " WHERE a.cable = r.cable AND a.ref = r.pos AND a.target_num IS NOT NULL)";

// Facet kinds as stored in facet_values.kind and as prefixes of the facet tokens in the index.
enum class FacetKind : int { classification = 1, origin = 2, tag = 3 };

// List fields of a cable stored in cable_lists.field.
enum class ListField : int { to = 1, info = 2, caveats = 3, tags = 4, excluded = 5 };

// Creates every table, index and FTS5 table in an empty database and stamps application_id
// and user_version.
Status create(sqlite3* db);
// The same in two steps, for a bulk load between them: tables (with their primary keys and FTS5
// tables), then the secondary indexes.
Status create_tables(sqlite3* db);
Status create_indexes(sqlite3* db);
// The two FTS5 tables alone (create_tables makes them too), as the pack builder's index file holds
// them.
Status create_search_indexes(sqlite3* db);

// The schema as sqlite_schema lists it, one "type|name|tbl_name|sql" line per object sorted by
// name: for the expected schema (built once in memory) and for an opened file.
Result<std::string> describe(sqlite3* db);
const Result<std::string>& expected_description();
// What expected_description() is made from, hashed (BLAKE2b-256, hex): this build's DDL and the
// SQLite library's source id, which writes the FTS5 tables' shadow-table DDL. Cheap, unlike
// building the expected schema: the verified stamp records it, so a file whose schema a full
// verification checked need not be checked again by the same kiosk with the same SQLite.
std::string fingerprint();

// The canonical content hash: BLAKE2b-256, in hex, over every content table in a fixed order and
// every row in key order. Derived data (the search indexes, facet counts, vocabulary) and the
// build metadata (sequence, build time, builder) are not part of it, so the same cables and
// manifest always hash the same.
Result<std::string> content_hash(sqlite3* db);

} // namespace ck::content::schema
