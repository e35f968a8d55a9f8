// Fills the impacts table by ranking each frequent word's hits once, at build time, with the same
// ck_score() the search uses, so a list's weights are exactly what a query computes.
#include "content/impacts.hpp"

#include "content/pack_writer.hpp"
#include "content/search_plan.hpp"
#include "content/sql.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <memory>
#include <queue>

namespace ck::content {

std::string encode_impacts(const std::vector<ImpactPosting>& postings)
{
    std::string out(postings.size() * 8, '\0');
    for (std::size_t i = 0; i < postings.size(); ++i) {
        std::memcpy(out.data() + i * 8, &postings[i].row, 4);
        std::memcpy(out.data() + i * 8 + 4, &postings[i].weight, 4);
    }
    return out;
}

std::vector<ImpactPosting> decode_impacts(std::string_view blob)
{
    std::vector<ImpactPosting> out(blob.size() / 8);
    for (std::size_t i = 0; i < out.size(); ++i) {
        std::memcpy(&out[i].row, blob.data() + i * 8, 4);
        std::memcpy(&out[i].weight, blob.data() + i * 8 + 4, 4);
    }
    return out;
}

namespace {

// Worse first: lower weight, then the later row (the search breaks ties by row, earlier first).
bool better(const ImpactPosting& a, const ImpactPosting& b)
{
    return a.weight != b.weight ? a.weight > b.weight : a.row < b.row;
}

struct Worse {
    bool operator()(const ImpactPosting& a, const ImpactPosting& b) const { return better(a, b); }
};

Result<ImpactList> rank_word(sql::Stmt& hits, const std::string& term)
{
    const std::string expression = "{subject tags_text display_text} : \"" + term + "\"";
    const double one = 1.0;
    hits.reset();
    hits.bind(1, std::string_view(expression))
        .bind_blob(2, std::string_view(reinterpret_cast<const char*>(&one), 8));
    std::priority_queue<ImpactPosting, std::vector<ImpactPosting>, Worse> kept;
    std::int64_t seen = 0;
    ImpactList list;
    auto status = sql::each_row(hits, [&](const sql::Stmt& s) {
        const ImpactPosting p { static_cast<std::uint32_t>(s.column_int(0)),
            static_cast<float>(sqlite3_column_double(s.raw(), 1)) };
        ++seen;
        if (kept.size() < impact_list_max) {
            kept.push(p);
        } else if (better(p, kept.top())) {
            list.floor = std::max<double>(list.floor, kept.top().weight);
            kept.pop();
            kept.push(p);
        } else {
            list.floor = std::max<double>(list.floor, p.weight);
        }
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

Status write_impact_lists(sqlite3* db)
{
    if (auto st = sql::exec(db,
            "DROP TABLE IF EXISTS impacts; CREATE TABLE impacts(term TEXT PRIMARY KEY, postings BLOB NOT "
            "NULL,"
            " floor REAL NOT NULL) WITHOUT ROWID");
        !st) {
        return st;
    }
    auto terms = sql::Stmt::prepare(db, "SELECT term FROM vocab WHERE docs > ?1 ORDER BY term");
    auto hits = sql::Stmt::prepare(
        db, "SELECT rowid, ck_score(search_text, ?2) FROM search_text WHERE search_text MATCH ?1");
    auto insert = sql::Stmt::prepare(db, "INSERT INTO impacts(term, postings, floor) VALUES (?1, ?2, ?3)");
    if (!terms || !hits || !insert) {
        return !terms ? terms.error() : !hits ? hits.error() : insert.error();
    }
    terms->bind(1, impact_min_docs);
    std::vector<std::string> words;
    if (auto st = sql::each_row(*terms, [&](const sql::Stmt& s) { words.push_back(s.column_text(0)); });
        !st) {
        return st;
    }
    for (const std::string& term : words) {
        auto list = rank_word(*hits, term);
        if (!list) {
            return list.error();
        }
        const std::string blob = encode_impacts(list->postings);
        insert->bind(1, std::string_view(term)).bind_blob(2, blob);
        sqlite3_bind_double(insert->raw(), 3, list->floor);
        if (auto st = insert->run(); !st) {
            return st;
        }
    }
    return {};
}

} // namespace ck::content

namespace ck::content {

Status add_impact_lists(const std::filesystem::path& pack)
{
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(pack.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    std::unique_ptr<sqlite3, sql::DbCloser> db(raw);
    if (rc != SQLITE_OK) {
        return make_error("cannot open the pack to add impact lists", pack.string());
    }
    if (auto st = register_score_function(db.get()); !st) {
        return st;
    }
    if (auto st = sql::exec(db.get(), "BEGIN"); !st) {
        return st;
    }
    if (auto st = write_impact_lists(db.get()); !st) {
        return st;
    }
    return sql::exec(db.get(), "COMMIT");
}

} // namespace ck::content
