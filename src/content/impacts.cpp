// Fills the impacts table by ranking each frequent word's hits once, at build time, with the same
// ck_score() the search uses, so a list's weights are exactly what a query computes.
#include "content/impacts.hpp"

#include "content/search_plan.hpp"
#include "content/sql.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <queue>
#include <thread>

namespace ck::content {

namespace fs = std::filesystem;

namespace {

void put_u32(std::string& out, std::uint32_t v)
{
    for (int shift = 0; shift < 32; shift += 8) {
        out.push_back(static_cast<char>((v >> shift) & 0xFFU));
    }
}

std::uint32_t get_u32(std::string_view in, std::size_t at)
{
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) {
        v = (v << 8U) | static_cast<unsigned char>(in[at + static_cast<std::size_t>(i)]);
    }
    return v;
}

void put_u64(std::string& out, std::uint64_t v)
{
    put_u32(out, static_cast<std::uint32_t>(v & 0xFFFFFFFFU));
    put_u32(out, static_cast<std::uint32_t>(v >> 32U));
}

std::uint64_t get_u64(std::string_view in, std::size_t at)
{
    return std::uint64_t { get_u32(in, at) } | (std::uint64_t { get_u32(in, at + 4) } << 32U);
}

constexpr std::size_t posting_bytes = 12;
constexpr std::size_t block_bytes = 8;

// Worse first: lower weight, then the later row (the search breaks ties by row, earlier first).
bool better(const ImpactPosting& a, const ImpactPosting& b)
{
    return a.weight != b.weight ? a.weight > b.weight : a.row < b.row;
}

struct Worse {
    bool operator()(const ImpactPosting& a, const ImpactPosting& b) const { return better(a, b); }
};

// Every cable of `term` in row order: its best impact_list_max, the bound on the rest, and the
// block maxima.
Result<ImpactList> rank_word(sql::Stmt& hits, const std::string& term)
{
    const std::string expression = "{subject tags_text display_text} : \"" + term + "\"";
    const double one = 1.0;
    hits.reset();
    hits.bind(1, std::string_view(expression))
        .bind_blob(2, std::string_view(reinterpret_cast<const char*>(&one), sizeof one));
    std::priority_queue<ImpactPosting, std::vector<ImpactPosting>, Worse> kept;
    ImpactList list;
    std::size_t in_block = 0;
    auto status = sql::each_row(hits, [&](const sql::Stmt& s) {
        const ImpactPosting p { static_cast<std::uint32_t>(s.column_int(0)),
            sqlite3_column_double(s.raw(), 1) };
        if (in_block == 0) {
            list.blocks.push_back({ p.row, 0.0F });
        }
        list.blocks.back() = { p.row, std::max(list.blocks.back().max, round_up(p.weight)) };
        in_block = (in_block + 1) % impact_block_size;
        if (kept.size() < impact_list_max) {
            kept.push(p);
            return;
        }
        const ImpactPosting out = better(p, kept.top()) ? kept.top() : p;
        if (better(p, kept.top())) {
            kept.pop();
            kept.push(p);
        }
        list.floor = std::max(list.floor, out.weight);
    });
    if (!status) {
        return status.error();
    }
    while (!kept.empty()) {
        list.postings.push_back(kept.top());
        kept.pop();
    }
    std::reverse(list.postings.begin(), list.postings.end());
    return list;
}

} // namespace

double ImpactList::bound_outside(std::uint32_t row) const
{
    if (floor <= 0) {
        return 0;
    }
    const auto block = std::lower_bound(
        blocks.begin(), blocks.end(), row, [](const ImpactBlock& b, std::uint32_t r) { return b.last < r; });
    return block == blocks.end() ? 0 : std::min<double>(floor, block->max);
}

bool ImpactList::well_formed() const
{
    const auto weight_ok = [](double w) { return std::isfinite(w) && w >= 0; };
    for (std::size_t i = 0; i < postings.size(); ++i) {
        if (!weight_ok(postings[i].weight) || (i > 0 && postings[i].weight > postings[i - 1].weight)) {
            return false;
        }
    }
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (!weight_ok(blocks[i].max) || (i > 0 && blocks[i].last <= blocks[i - 1].last)) {
            return false;
        }
    }
    return weight_ok(floor) && !postings.empty();
}

float round_up(double weight)
{
    auto f = static_cast<float>(weight);
    if (static_cast<double>(f) < weight) {
        f = std::nextafter(f, std::numeric_limits<float>::infinity());
    }
    return f;
}

std::string encode_impacts(const std::vector<ImpactPosting>& postings)
{
    std::string out;
    out.reserve(postings.size() * posting_bytes);
    for (const auto& p : postings) {
        put_u32(out, p.row);
        put_u64(out, std::bit_cast<std::uint64_t>(p.weight));
    }
    return out;
}

std::vector<ImpactPosting> decode_impacts(std::string_view blob)
{
    std::vector<ImpactPosting> out(blob.size() / posting_bytes);
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i] = { get_u32(blob, i * posting_bytes),
            std::bit_cast<double>(get_u64(blob, i * posting_bytes + 4)) };
    }
    return out;
}

std::string encode_blocks(const std::vector<ImpactBlock>& blocks)
{
    std::string out;
    out.reserve(blocks.size() * block_bytes);
    for (const auto& b : blocks) {
        put_u32(out, b.last);
        put_u32(out, std::bit_cast<std::uint32_t>(b.max));
    }
    return out;
}

std::vector<ImpactBlock> decode_blocks(std::string_view blob)
{
    std::vector<ImpactBlock> out(blob.size() / block_bytes);
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i] = { get_u32(blob, i * block_bytes), std::bit_cast<float>(get_u32(blob, i * block_bytes + 4)) };
    }
    return out;
}

namespace {

// The frequent words, most cables first; each share takes the next word whenever it is free, so
// both finish together whatever a word costs (about its cables, but not exactly). Which share ranks
// a word never shows: the lists are merged in term order.
class WordQueue {
public:
    explicit WordQueue(std::vector<std::string> words)
        : m_words(std::move(words))
    {
    }
    // The next word to rank, or nullptr when none is left.
    const std::string* take()
    {
        const std::size_t i = m_next.fetch_add(1);
        return i < m_words.size() ? &m_words[i] : nullptr;
    }

private:
    std::vector<std::string> m_words;
    std::atomic<std::size_t> m_next { 0 };
};

Result<std::vector<std::string>> frequent_words(sqlite3* db)
{
    auto terms = sql::Stmt::prepare(db, "SELECT term FROM vocab WHERE docs > ?1 ORDER BY docs DESC, term");
    if (!terms) {
        return terms.error();
    }
    terms->bind(1, impact_min_docs);
    std::vector<std::string> words;
    if (auto st = sql::each_row(*terms, [&](const sql::Stmt& s) { words.push_back(s.column_text(0)); });
        !st) {
        return st.error();
    }
    return words;
}

// One share: a connection of its own to the build file, writing its lists to `part`, a scratch
// file of its own (the build file only has readers while both shares run).
Status fill_share(const fs::path& build, const fs::path& part, WordQueue& words, const RowLengths& lengths)
{
    // CREATE: an attached file takes the main one's flags, and the part file is new.
    auto opened = sql::open(
        build, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, "open " + build.string());
    if (!opened) {
        return opened.error();
    }
    const sql::DbPtr db = std::move(*opened);
    auto st = sql::exec(db.get(), "PRAGMA cache_size = -8192; PRAGMA temp_store = FILE;");
    st = st ? register_build_score_function(db.get(), &lengths) : st;
    auto attach = sql::Stmt::prepare(db.get(), "ATTACH ?1 AS part");
    st = st && attach ? attach->bind(1, std::string_view(part.native())).run() : st;
    if (!attach) {
        return attach.error();
    }
    st = st ? sql::exec(db.get(),
             "PRAGMA part.journal_mode = OFF; PRAGMA part.synchronous = OFF;"
             "CREATE TABLE part.impacts(term TEXT PRIMARY KEY NOT NULL, postings BLOB NOT NULL,"
             " floor REAL NOT NULL, blocks BLOB NOT NULL) STRICT, WITHOUT ROWID; BEGIN;")
            : st;
    if (!st) {
        return st;
    }
    auto hits = sql::Stmt::prepare(
        db.get(), "SELECT rowid, ck_score(search_text, ?2) FROM main.search_text WHERE search_text MATCH ?1");
    auto insert = sql::Stmt::prepare(
        db.get(), "INSERT INTO part.impacts(term, postings, floor, blocks) VALUES (?1, ?2, ?3, ?4)");
    if (!hits || !insert) {
        return !hits ? hits.error() : insert.error();
    }
    while (const std::string* next = words.take()) {
        const std::string& term = *next;
        auto list = rank_word(*hits, term);
        if (!list) {
            return list.error();
        }
        const std::string postings = encode_impacts(list->postings);
        const std::string blocks = encode_blocks(list->blocks);
        insert->bind(1, std::string_view(term)).bind_blob(2, postings).bind_blob(4, blocks);
        sqlite3_bind_double(insert->raw(), 3, list->floor);
        if (auto done = insert->run(); !done) {
            return done;
        }
    }
    return sql::exec(db.get(), "COMMIT;");
}

} // namespace

// Two shares on two cores. This was tried once before and took twice the CPU for no gain in wall
// time: every allocation SQLite made took its process-wide memory-statistics mutex, and FTS5
// allocates for every doclist it reads, so the two threads mostly waited on each other. With the
// statistics off (sql::open) the two shares cost what one thread did (48.2 s of CPU at
// 250k) in about half the wall time.
Status write_impact_lists(sqlite3* db, const fs::path& build)
{
    auto words = frequent_words(db);
    if (!words) {
        return words.error();
    }
    WordQueue queue(std::move(*words));
    // Every row's length, read once for both shares: ck_score() would otherwise seek FTS5's docsize
    // table for every hit of every frequent word.
    const auto lengths = read_row_lengths(db);
    if (!lengths) {
        return lengths.error();
    }
    const std::array<fs::path, 2> parts { fs::path(build.native() + "-impacts-0"),
        fs::path(build.native() + "-impacts-1") };
    std::error_code ec;
    for (const auto& part : parts) {
        fs::remove(part, ec);
    }
    // The build connection holds the file exclusively; it lets go (a read after NORMAL releases the
    // lock) so that the two shares can read it, each on its own core, and takes it back after.
    auto st = sql::exec(db, "PRAGMA locking_mode = NORMAL; SELECT count(*) FROM meta;");
    if (!st) {
        return st;
    }
    Status second;
    {
        std::jthread helper([&] { second = fill_share(build, parts[1], queue, *lengths); });
        st = fill_share(build, parts[0], queue, *lengths);
    }
    st = st ? second : st;
    // The lists in term order, whatever share made them: the same pack every time.
    auto attach = sql::Stmt::prepare(db, "ATTACH ?1 AS part0");
    auto attach1 = sql::Stmt::prepare(db, "ATTACH ?1 AS part1");
    st = st && attach ? attach->bind(1, std::string_view(parts[0].native())).run() : st;
    st = st && attach1 ? attach1->bind(1, std::string_view(parts[1].native())).run() : st;
    st = st ? sql::exec(db,
             "INSERT INTO impacts(term, postings, floor, blocks) SELECT term, postings, floor, blocks FROM"
             " (SELECT * FROM part0.impacts UNION ALL SELECT * FROM part1.impacts) ORDER BY term;"
             "DETACH part0; DETACH part1; PRAGMA locking_mode = EXCLUSIVE;")
            : st;
    for (const auto& part : parts) {
        fs::remove(part, ec);
    }
    if (!attach || !attach1) {
        return !attach ? attach.error() : attach1.error();
    }
    return st;
}

} // namespace ck::content
