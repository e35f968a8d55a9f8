// Top-k by BM25 past the ranked pass's 1,000 hits, from the impact lists (impacts.hpp): the
// threshold algorithm. Every phrase of the query (in the order of plan.idf) is bounded by the list
// of one of its words (a phrase weighs at most what each of its words weighs in a cable). The lists
// are walked best first, a depth at a time; each new cable is scored exactly with ck_score() over
// the full expression (which also applies the filters and row ranges), and the walk stops when the
// k-th best score reaches what any cable not yet seen could score: the sum, over the phrases, of
// IDF times the next weight in their lists (or the bound past a list's end). A query whose lists
// cannot settle its page in a bounded number of candidates falls back (std::nullopt).
#include "content/impacts.hpp"
#include "content/search_plan.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_set>

namespace ck::content {

namespace {

// Candidates scored before giving up: each costs a seek in every phrase's doclist.
constexpr std::size_t candidates_max = 4000;
// ck_score() multiplies in another order than idf * weight: a hair of slack for the rounding.
constexpr double rounding_slack = 1e-9;
// Rows read for the complete lists of rare phrases (prefix completions, variants) in one query.
constexpr std::int64_t rare_rows_max = 3000;

Result<std::optional<ImpactList>> impact_list_of(Pack::Impl& p, const std::string& term)
{
    auto st = p.stmt("SELECT postings, floor FROM impacts WHERE term = ?1");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, std::string_view(term));
    return sql::query_one(**st, [](const sql::Stmt& s) {
        return ImpactList { decode_impacts(s.column_view(0)), sqlite3_column_double(s.raw(), 1) };
    });
}

// The words of each phrase in plan.idf's order (search_plan.cpp's plan_phrases).
std::vector<std::vector<std::string>> phrases_in_idf_order(const SearchPlan& plan)
{
    std::vector<std::vector<std::string>> out;
    for (const auto& phrase : plan.query.phrases) {
        if (phrase.prefix) {
            for (const auto& e : plan.expansions) {
                out.push_back({ e });
            }
        } else {
            out.push_back(phrase.tokens);
        }
        for (const auto& v : phrase.variants) {
            out.push_back(v);
        }
    }
    return out;
}

struct Bounded {
    ImpactList list;
    double idf = 0;
    [[nodiscard]] double bound_at(std::size_t depth) const
    {
        return idf * (depth < list.postings.size() ? list.postings[depth].weight : list.floor);
    }
};

// The complete list of a phrase none of whose words has a stored one (each such word is in at most
// impact_min_docs cables), weighed with ck_score() at an IDF of 1; none past `budget` rows.
Result<std::optional<ImpactList>> whole_list(
    Pack::Impl& p, const std::vector<std::string>& tokens, std::int64_t& budget)
{
    std::string phrase;
    for (const auto& t : tokens) {
        phrase += (phrase.empty() ? "" : " ") + t;
    }
    const std::string expression = "{subject tags_text display_text} : \"" + phrase + "\"";
    auto st = p.stmt(
        "SELECT rowid, ck_score(search_text, ?2) FROM search_text WHERE search_text MATCH ?1 LIMIT ?3");
    if (!st) {
        return st.error();
    }
    const double one = 1.0;
    (*st)
        ->bind(1, std::string_view(expression))
        .bind_blob(2, std::string_view(reinterpret_cast<const char*>(&one), sizeof one))
        .bind(3, budget + 1);
    ImpactList list;
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) {
        list.postings.push_back({ static_cast<std::uint32_t>(s.column_int(0)),
            static_cast<float>(sqlite3_column_double(s.raw(), 1)) });
    });
    if (!status) {
        return status.error();
    }
    budget -= static_cast<std::int64_t>(list.postings.size());
    if (budget < 0) {
        return std::optional<ImpactList> {};
    }
    std::sort(list.postings.begin(), list.postings.end(), [](const ImpactPosting& a, const ImpactPosting& b) {
        return a.weight != b.weight ? a.weight > b.weight : a.row < b.row;
    });
    return std::optional<ImpactList>(std::move(list));
}

// One list per phrase: the shortest bound among its words that have one; none when a word has no
// list (a phrase of a rare word is left to the ranked pass).
Result<std::optional<std::vector<Bounded>>> lists_of(Pack::Impl& p, const SearchPlan& plan)
{
    auto has_table = p.stmt("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'impacts'");
    if (!has_table) {
        return has_table.error();
    }
    auto count = sql::query_one(**has_table, [](const sql::Stmt& s) { return s.column_int(0); });
    if (!count) {
        return count.error();
    }
    if (count->value_or(0) == 0) {
        return std::optional<std::vector<Bounded>> {}; // a pack built without impact lists
    }
    const auto phrases = phrases_in_idf_order(plan);
    if (phrases.empty() || plan.idf.size() != phrases.size() * sizeof(double)) {
        return std::optional<std::vector<Bounded>> {};
    }
    std::vector<Bounded> out;
    std::int64_t rare_budget = rare_rows_max;
    for (std::size_t i = 0; i < phrases.size(); ++i) {
        std::optional<ImpactList> chosen;
        for (const auto& token : phrases[i]) {
            auto list = impact_list_of(p, token);
            if (!list) {
                return list.error();
            }
            if (list->has_value()
                && (!chosen || (*list)->postings.front().weight < chosen->postings.front().weight)) {
                chosen = std::move(**list);
            }
        }
        if (!chosen) {
            // A phrase of a rare word (no stored list): all its cables, weighed now.
            auto whole = whole_list(p, phrases[i], rare_budget);
            if (!whole) {
                return whole.error();
            }
            chosen = std::move(*whole);
        }
        if (!chosen || chosen->postings.empty()) {
            return std::optional<std::vector<Bounded>> {};
        }
        double idf = 0;
        std::memcpy(&idf, plan.idf.data() + i * sizeof(double), sizeof(double));
        out.push_back({ std::move(*chosen), idf });
    }
    return std::optional<std::vector<Bounded>>(std::move(out));
}

Result<std::optional<double>> exact_score(Pack::Impl& p, const SearchPlan& plan, std::int64_t row)
{
    auto st = p.stmt("SELECT ck_score(search_text, ?4) FROM search_text WHERE search_text MATCH ?1"
                     " AND rowid = ?6 AND rowid BETWEEN ?2 AND ?3 AND rowid NOT BETWEEN ?8 AND ?9");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, plan.full_expression()).bind_blob(4, plan.idf).bind(6, row);
    (*st)->bind(2, plan.lo).bind(3, plan.hi).bind(8, plan.skip_lo).bind(9, plan.skip_hi);
    return sql::query_one(**st, [](const sql::Stmt& s) { return sqlite3_column_double(s.raw(), 0); });
}

bool ranks_before(const std::pair<double, std::int64_t>& a, const std::pair<double, std::int64_t>& b)
{
    return a.first != b.first ? a.first > b.first : a.second < b.second;
}

} // namespace

Result<std::optional<std::vector<std::int64_t>>> top_by_impacts(
    Pack::Impl& p, const SearchPlan& plan, std::size_t offset, std::size_t limit)
{
    using Page = std::optional<std::vector<std::int64_t>>;
    auto lists = lists_of(p, plan);
    if (!lists) {
        return lists.error();
    }
    if (!lists->has_value()) {
        return Page {};
    }
    const std::vector<Bounded>& bounded = **lists;
    const std::size_t need = offset + limit;
    std::vector<std::pair<double, std::int64_t>> hits; // (score, row), every match seen
    std::unordered_set<std::uint32_t> seen;
    std::size_t longest = 0;
    for (const auto& b : bounded) {
        longest = std::max(longest, b.list.postings.size());
    }
    bool settled = false;
    for (std::size_t depth = 0; depth < longest && !settled; ++depth) {
        for (const auto& b : bounded) {
            if (depth >= b.list.postings.size() || !seen.insert(b.list.postings[depth].row).second) {
                continue;
            }
            if (seen.size() > candidates_max) {
                return Page {};
            }
            auto score = exact_score(p, plan, b.list.postings[depth].row);
            if (!score) {
                return score.error();
            }
            if (score->has_value()) {
                hits.emplace_back(**score, b.list.postings[depth].row);
            }
        }
        double unseen = 0;
        for (const auto& b : bounded) {
            unseen += b.bound_at(depth + 1);
        }
        if (hits.size() >= need) {
            std::nth_element(
                hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(need - 1), hits.end(), ranks_before);
            settled = hits[need - 1].first >= unseen * (1.0 + rounding_slack);
        }
        settled = settled || unseen <= 0; // complete lists: every match has been seen
    }
    if (!settled) {
        return Page {}; // the lists ran out before the page was settled
    }
    std::sort(hits.begin(), hits.end(), ranks_before);
    std::vector<std::int64_t> page;
    for (std::size_t i = offset; i < hits.size() && i < need; ++i) {
        page.push_back(hits[i].second);
    }
    return Page(std::move(page));
}

} // namespace ck::content
