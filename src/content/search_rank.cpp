// ck_score(): BM25 with subject and tags weighted over the body, like FTS5's bm25(), except that
// each phrase's inverse document frequency comes in as an argument (from the pack's vocabulary)
// instead of being counted by FTS5. FTS5's bm25() counts it with a full pass over every phrase's
// hits on first use, which doubles or triples the cost of ranking; with ck_score() one pass in row
// order both ranks and counts the hits (search.cpp). Per row it reads only the row's own match
// positions and column sizes; the collection's average lengths are read once per query.
#include "content/search_plan.hpp"

#include <array>
#include <cstring>
#include <new>
#include <span>
#include <string_view>
#include <vector>

namespace ck::content {

namespace {

// Columns of search_text: subject, tags_text, display_text, facet_tokens.
constexpr std::array<double, 4> column_weights = { 8.0, 4.0, 1.0, 0.0 };
constexpr double bm25_k1 = 1.2;
constexpr double bm25_b = 0.75;

// Phrases a query may have: the parser's phrase limit times a prefix's expansions, with room.
constexpr std::size_t phrases_max = 256;

// What a query's every row shares: the average length, and each phrase's IDF from the blob argument
// of little-endian doubles (read once, not on every row).
struct QueryTotals {
    double average_length = 1.0;
    std::vector<double> idf;
    // Per phrase, in idf's order: 1 where it joins the previous phrase's best-of group (a prefix's
    // completions after the first), else 0; empty: every phrase on its own.
    std::vector<std::uint8_t> joins;
};

void delete_totals(void* p)
{
    delete static_cast<QueryTotals*>(p); // NOLINT(cppcoreguidelines-owning-memory): owned by FTS5's auxdata
}

std::vector<double> idf_argument(int argc, sqlite3_value** argv)
{
    std::vector<double> idf;
    if (argc > 0 && sqlite3_value_type(argv[0]) == SQLITE_BLOB) {
        const auto* bytes = static_cast<const unsigned char*>(sqlite3_value_blob(argv[0]));
        const auto size = static_cast<std::size_t>(sqlite3_value_bytes(argv[0]));
        idf.resize(std::min(size / sizeof(double), phrases_max));
        if (bytes != nullptr && !idf.empty()) {
            std::memcpy(idf.data(), bytes, idf.size() * sizeof(double));
        }
    }
    return idf;
}

// The optional second argument: one byte per phrase. Ignored unless it gives one for each.
std::vector<std::uint8_t> joins_argument(int argc, sqlite3_value** argv, std::size_t phrases)
{
    std::vector<std::uint8_t> joins;
    if (argc > 1 && sqlite3_value_type(argv[1]) == SQLITE_BLOB
        && static_cast<std::size_t>(sqlite3_value_bytes(argv[1])) == phrases && phrases > 0) {
        const auto* bytes = static_cast<const std::uint8_t*>(sqlite3_value_blob(argv[1]));
        if (bytes != nullptr) {
            joins.assign(bytes, bytes + phrases);
        }
    }
    return joins;
}

// The query's totals, computed on its first row and kept as FTS5 auxdata; nullptr when out of memory.
const QueryTotals* totals_of(const Fts5ExtensionApi* api, Fts5Context* fts, int argc, sqlite3_value** argv)
{
    if (auto* totals = static_cast<QueryTotals*>(api->xGetAuxdata(fts, 0)); totals != nullptr) {
        return totals;
    }
    auto fresh = std::make_unique<QueryTotals>();
    sqlite3_int64 rows = 0;
    sqlite3_int64 tokens = 0;
    api->xRowCount(fts, &rows);
    for (int c = 0; c < 3; ++c) {
        sqlite3_int64 n = 0;
        api->xColumnTotalSize(fts, c, &n);
        tokens += n;
    }
    fresh->average_length
        = rows > 0 ? std::max(1.0, static_cast<double>(tokens) / static_cast<double>(rows)) : 1.0;
    fresh->idf = idf_argument(argc, argv);
    fresh->joins = joins_argument(argc, argv, fresh->idf.size());
    const QueryTotals* totals = fresh.get();
    if (api->xSetAuxdata(fts, fresh.release(), &delete_totals) != SQLITE_OK) {
        return nullptr;
    }
    return totals;
}

// Each phrase's term frequency in the row, weighted by the column it occurs in (phrases past the
// IDFs given weigh nothing and are not counted).
void weighted_frequencies(const Fts5ExtensionApi* api, Fts5Context* fts, std::span<double> weighted_tf)
{
    const int phrases = static_cast<int>(weighted_tf.size());
    int count = 0;
    api->xInstCount(fts, &count);
    for (int i = 0; i < count; ++i) {
        int phrase = 0;
        int column = 0;
        int offset = 0;
        if (api->xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK && phrase >= 0 && phrase < phrases
            && column >= 0 && column < static_cast<int>(column_weights.size())) {
            weighted_tf[static_cast<std::size_t>(phrase)] += column_weights[static_cast<std::size_t>(column)];
        }
    }
}

// A row's length in tokens over the weighted columns, as FTS5 counts it (a docsize read).
double column_sizes(const Fts5ExtensionApi* api, Fts5Context* fts)
{
    double length = 0;
    for (int c = 0; c < 3; ++c) {
        int n = 0;
        api->xColumnSize(fts, c, &n);
        length += n;
    }
    return length;
}

// The builder's lengths when it gave them and they know the row, else FTS5's. The sum of three
// integers is exact in a double either way, so both give the same number.
double row_length(const Fts5ExtensionApi* api, Fts5Context* fts)
{
    const auto* lengths = static_cast<const RowLengths*>(api->xUserData(fts));
    if (lengths != nullptr) {
        const sqlite3_int64 row = api->xRowid(fts);
        if (row >= 0 && static_cast<std::uint64_t>(row) < lengths->by_row.size()
            && lengths->by_row[static_cast<std::size_t>(row)] != RowLengths::unknown) {
            return lengths->by_row[static_cast<std::size_t>(row)];
        }
    }
    return column_sizes(api, fts);
}

void score_function(
    const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc, sqlite3_value** argv)
{
    try {
        const QueryTotals* totals = totals_of(api, fts, argc, argv);
        if (totals == nullptr) {
            sqlite3_result_error_nomem(ctx);
            return;
        }
        // NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init): only the span is used, zeroed below
        std::array<double, phrases_max> tf_storage;
        const std::span<double> weighted_tf(tf_storage.data(),
            std::min(totals->idf.size(), static_cast<std::size_t>(std::max(api->xPhraseCount(fts), 0))));
        std::fill(weighted_tf.begin(), weighted_tf.end(), 0.0);
        weighted_frequencies(api, fts, weighted_tf);
        const double length = row_length(api, fts);
        const double norm = bm25_k1 * (1.0 - bm25_b + bm25_b * length / totals->average_length);
        // IDF times the term weight, phrase by phrase in expression order; the phrases of a best-of
        // group (a prefix's completions) count as their best one. The impact lists store the term
        // weight, and search_topk.cpp computes the same, bit for bit (QueryBound::exact, and
        // best_of_lists for a lone prefix). Adding the 0 a group starts from changes no bit.
        double score = 0;
        double best = 0;
        for (std::size_t p = 0; p < weighted_tf.size(); ++p) {
            const double w = weighted_tf[p];
            const double value = totals->idf[p] * ((w * (bm25_k1 + 1.0)) / (w + norm));
            if (p > 0 && !totals->joins.empty() && totals->joins[p] != 0) {
                best = std::max(best, value);
            } else {
                score += best;
                best = value;
            }
        }
        score += best;
        sqlite3_result_double(ctx, score);
    } catch (const std::bad_alloc&) {
        sqlite3_result_error_nomem(ctx);
    }
}

// SQLite's varint (FTS5 writes docsize records with it): 7 bits a byte, high bit set while more
// follow, the ninth byte whole. Returns the bytes read, 0 when the record ends first.
std::size_t get_varint(std::string_view in, std::size_t at, std::uint64_t& value)
{
    value = 0;
    for (std::size_t i = 0; i < 9 && at + i < in.size(); ++i) {
        const auto byte = static_cast<unsigned char>(in[at + i]);
        if (i == 8) {
            value = (value << 8U) | byte;
            return 9;
        }
        value = (value << 7U) | (byte & 0x7FU);
        if ((byte & 0x80U) == 0) {
            return i + 1;
        }
    }
    return 0;
}

} // namespace

Status register_score_function(sqlite3* db)
{
    return register_build_score_function(db, nullptr);
}

Status register_build_score_function(sqlite3* db, const RowLengths* lengths)
{
    fts5_api* api = sql::fts5_api_of(db);
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-const-cast): FTS5 hands user data back unchanged
    void* user = const_cast<RowLengths*>(lengths);
    if (api == nullptr
        || api->xCreateFunction(api, "ck_score", user, &score_function, nullptr) != SQLITE_OK) {
        return make_error("cannot register the ranking function", "search");
    }
    return {};
}

Result<RowLengths> read_row_lengths(sqlite3* db)
{
    auto rows = sql::Stmt::prepare(db, "SELECT id, sz FROM search_text_docsize ORDER BY id");
    if (!rows) {
        return rows.error();
    }
    RowLengths lengths;
    auto st = sql::each_row(*rows, [&](const sql::Stmt& s) {
        const std::int64_t row = s.column_int(0);
        const auto* bytes = static_cast<const char*>(sqlite3_column_blob(s.raw(), 1));
        const std::string_view record(bytes != nullptr ? bytes : "",
            bytes != nullptr ? static_cast<std::size_t>(sqlite3_column_bytes(s.raw(), 1)) : 0);
        std::uint64_t total = 0;
        std::size_t at = 0;
        bool whole = true;
        for (int c = 0; c < 3 && whole; ++c) {
            std::uint64_t n = 0;
            const std::size_t used = get_varint(record, at, n);
            whole = used > 0;
            at += used;
            total += n;
        }
        // A row beyond a sane size or a record cut short is left unknown: FTS5 answers for it.
        if (row < 0 || row > (std::int64_t { 1 } << 31) || !whole || total >= RowLengths::unknown) {
            return;
        }
        if (static_cast<std::size_t>(row) >= lengths.by_row.size()) {
            lengths.by_row.resize(static_cast<std::size_t>(row) + 1, RowLengths::unknown);
        }
        lengths.by_row[static_cast<std::size_t>(row)] = static_cast<std::uint32_t>(total);
    });
    if (!st) {
        return st.error();
    }
    return lengths;
}

} // namespace ck::content
