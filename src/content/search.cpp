// Pack::search. No class of query may be slow, so the strategy depends on how many rows can hit:
//   - few (at most relevance_max_hits): one pass in row order collects and scores every hit with
//     ck_score() (BM25, subject and tags weighted over the body, IDF from the vocabulary), then
//     ranks them; the total is exact;
//   - many (the pass stops at the limit, or a single word's count is known to exceed it): the best
//     20 or 100 by BM25 over every hit, from the impact lists (search_topk.cpp), then the
//     rest with subject and tag matches first, each part in row order (date order); when the lists
//     cannot settle the best within their budget, the whole list is subject and tag matches first;
//     the total is a single word's exact count, or estimated from where the pass stopped;
//   - no text, only filters: date order.
// Snippets are made only for the page shown (search_hits.cpp).
#include "content/query_intent.hpp"
#include "content/search_plan.hpp"
#include "core/ascii.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <limits>
#include <unordered_set>

namespace ck::content {

namespace {

// Scoring costs about a microsecond per hit on the reference machine (README), but collecting the
// hits costs more: at 2,000 a mid-frequency word's keystroke-to-results p95 passed 16 ms at 250k
// cables; at 1,000 it is 14.6 ms. Phrases and prefixes cost more per hit (positions, many
// doclists) and have their own limit.
constexpr std::int64_t relevance_max_hits = 1000;
constexpr std::int64_t relevance_max_hits_phrase = 1000;

std::int64_t pass_limit(const SearchPlan& plan)
{
    if (plan.rank_every_hit) {
        return std::numeric_limits<std::int64_t>::max() - 1;
    }
    return plan.has_phrase_or_prefix ? relevance_max_hits_phrase : relevance_max_hits;
}

// Past the ranked pass, the best by relevance lead the list: the first page's worth for the first
// page (the cheapest top-k), the best hundred for later pages, else the first page's worth again
// when the hundred cannot be settled. The first of the best hundred are the first page's (exact
// top-k, ties broken by row), so every page of a query agrees on which cables lead.
constexpr std::size_t relevance_top_first = 20;
constexpr std::size_t relevance_top_max = 100;

struct Rows {
    std::vector<std::int64_t> nums;
};

// Every row query binds the plan's range as ?2, ?3 and its skipped rows as ?8, ?9.
constexpr std::string_view not_skipped = " AND rowid NOT BETWEEN ?8 AND ?9";

void bind_rows(sql::Stmt& st, const SearchPlan& plan)
{
    st.bind(2, plan.lo).bind(3, plan.hi).bind(8, plan.skip_lo).bind(9, plan.skip_hi);
}

Result<std::vector<std::int64_t>> select_rows(Pack::Impl& p, const std::string& sql,
    const std::string& expression, const SearchPlan& plan, std::int64_t limit, std::int64_t offset)
{
    auto st = p.stmt(sql);
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, std::string_view(expression)).bind(4, limit).bind(5, offset);
    bind_rows(**st, plan);
    std::vector<std::int64_t> out;
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) { out.push_back(s.column_int(0)); });
    if (!status) {
        return status.error();
    }
    return out;
}

Result<std::int64_t> count_rows(
    Pack::Impl& p, std::string_view table, const std::string& expression, const SearchPlan& plan)
{
    auto st = p.stmt("SELECT count(*) FROM " + std::string(table) + " WHERE " + std::string(table)
        + " MATCH ?1 AND rowid BETWEEN ?2 AND ?3" + std::string(not_skipped));
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, std::string_view(expression));
    bind_rows(**st, plan);
    auto count = sql::query_one(**st, [](const sql::Stmt& s) { return s.column_int(0); });
    if (!count) {
        return count.error();
    }
    return count->value_or(0);
}

const std::string& in_row_order(std::string_view table)
{
    static const std::string text
        = "SELECT rowid FROM search_text WHERE search_text MATCH ?1 AND rowid BETWEEN ?2 AND"
          " ?3 AND rowid NOT BETWEEN ?8 AND ?9 ORDER BY rowid LIMIT ?4 OFFSET ?5";
    static const std::string head
        = "SELECT rowid FROM search_head WHERE search_head MATCH ?1 AND rowid BETWEEN ?2 AND"
          " ?3 AND rowid NOT BETWEEN ?8 AND ?9 ORDER BY rowid LIMIT ?4 OFFSET ?5";
    return table == "search_head" ? head : text;
}

// The total from the row where the (relevance_max_hits + 1)-th hit in row order was found: hits
// are assumed as dense over the rest of the range as up to there.
std::int64_t estimate_total(const SearchPlan& plan, std::int64_t hits_seen, std::int64_t row_of_last)
{
    const double seen = static_cast<double>(std::max<std::int64_t>(1, row_of_last - plan.lo + 1));
    const double span = static_cast<double>(plan.hi - plan.lo + 1);
    const auto estimate = static_cast<std::int64_t>(static_cast<double>(hits_seen) * span / seen);
    return std::clamp<std::int64_t>(estimate, hits_seen, std::max(plan.upper_bound, hits_seen));
}

// One pass in row order over at most relevance_max_hits + 1 hits, scoring each with ck_score().
// Fewer hits than that: all are known, so they are ranked and counted exactly. More: the pass
// stopped early, and the row where it stopped gives the hit density for an estimate.
struct RankedPass {
    std::vector<std::pair<double, std::int64_t>> hits; // (score, row)
    bool complete = false;
};

// Unscored (every score 0), the pass only finds the hits: scoring them reads every phrase's
// positions in each, most of the pass's time (at 2M cables, 0.7 ms unscored against 20 to 120 ms
// for a word and a prefix's sixteen completions).
Result<RankedPass> ranked_pass(Pack::Impl& p, const SearchPlan& plan, bool scored = true)
{
    static const std::string from = " FROM search_text WHERE search_text MATCH ?1 AND rowid BETWEEN ?2 AND ?3"
                                    " AND rowid NOT BETWEEN ?8 AND ?9 ORDER BY rowid LIMIT ?5";
    static const std::string with_scores = "SELECT rowid, ck_score(search_text, ?4, ?10)" + from;
    static const std::string hits_only = "SELECT rowid, 0.0" + from;
    auto st = p.stmt(scored ? with_scores : hits_only);
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, plan.full_expression());
    if (scored) {
        (*st)->bind_blob(4, plan.idf).bind_blob(10, plan.joins);
    }
    bind_rows(**st, plan);
    (*st)->bind(5, pass_limit(plan) + 1);
    RankedPass pass;
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) {
        pass.hits.emplace_back(sqlite3_column_double(s.raw(), 1), s.column_int(0));
    });
    if (!status) {
        return status.error();
    }
    pass.complete = static_cast<std::int64_t>(pass.hits.size()) <= pass_limit(plan);
    return pass;
}

void rank_by_relevance(RankedPass& pass, const SearchQuery& q, SearchResults& out, Rows& rows)
{
    std::sort(pass.hits.begin(), pass.hits.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (std::size_t i = q.offset; i < pass.hits.size() && i < q.offset + q.limit; ++i) {
        rows.nums.push_back(pass.hits[i].second);
    }
    out.ranking = Ranking::relevance;
    out.total = static_cast<std::int64_t>(pass.hits.size());
    out.total_is_estimate = false;
}

// The many-hits path: head matches in row order, then body-only matches in row order.
Status subject_first(
    Pack::Impl& p, const SearchPlan& plan, const SearchQuery& q, SearchResults& out, Rows& rows)
{
    const auto limit = static_cast<std::int64_t>(q.limit);
    const auto offset = static_cast<std::int64_t>(q.offset);
    auto head = select_rows(p, in_row_order("search_head"), plan.head_expression(), plan, limit, offset);
    if (!head) {
        return head.error();
    }
    rows.nums = std::move(*head);
    out.ranking = Ranking::subject_first;
    const auto got = static_cast<std::int64_t>(rows.nums.size());
    if (got == limit) {
        return {};
    }
    // The page runs past the head matches: how many there are decides where the rest begins.
    std::int64_t head_total = offset + got;
    if (got == 0 && offset > 0) {
        auto counted = count_rows(p, "search_head", plan.head_expression(), plan);
        if (!counted) {
            return counted.error();
        }
        head_total = *counted;
    }
    auto body = select_rows(p, in_row_order("search_text"), plan.body_only_expression(), plan, limit - got,
        std::max<std::int64_t>(0, offset - head_total));
    if (!body) {
        return body.error();
    }
    rows.nums.insert(rows.nums.end(), body->begin(), body->end());
    return {};
}

// The query is one ASCII letter or digit ("a", "7", also "a*" or "a a a"). One CJK character is a
// word of its own (日 is "day" or "Japan") and is searched; so are several letters ("U.S.").
bool only_one_character(const VisitorQuery& query)
{
    if (query.phrases.size() != 1 || query.phrases.front().tokens.size() != 1) {
        return false;
    }
    const std::string& token = query.phrases.front().tokens.front();
    return token.size() == 1 && ascii::is_alnum(token[0]);
}

std::string joined_tokens(const std::vector<std::string>& tokens)
{
    std::string out;
    for (const auto& t : tokens) {
        out += (out.empty() ? "" : " ") + t;
    }
    return out;
}

// Filters without words: date order. The total is exact for a plain year range, and for filters
// when a counting pass over at most relevance_max_hits rows ends; otherwise it is estimated.
Status run_filters_only(
    Pack::Impl& p, const SearchPlan& plan, const SearchQuery& q, SearchResults& out, Rows& rows)
{
    out.ranking = Ranking::date;
    if (!plan.has_filters()) {
        auto st = p.stmt("SELECT num FROM cables WHERE num BETWEEN ?1 AND ?2 AND num NOT BETWEEN ?8 AND ?9"
                         " ORDER BY num LIMIT ?3 OFFSET ?4");
        if (!st) {
            return st.error();
        }
        (*st)->bind(1, plan.lo).bind(2, plan.hi).bind(3, static_cast<std::int64_t>(q.limit));
        (*st)->bind(8, plan.skip_lo).bind(9, plan.skip_hi);
        (*st)->bind(4, static_cast<std::int64_t>(q.offset));
        auto status = sql::each_row(**st, [&](const sql::Stmt& s) { rows.nums.push_back(s.column_int(0)); });
        if (!status) {
            return status;
        }
        out.total = plan.upper_bound;
        return {};
    }
    auto nums = select_rows(p, in_row_order("search_text"), plan.full_expression(), plan,
        static_cast<std::int64_t>(q.limit), static_cast<std::int64_t>(q.offset));
    if (!nums) {
        return nums.error();
    }
    rows.nums = std::move(*nums);
    auto probe
        = select_rows(p, in_row_order("search_text"), plan.full_expression(), plan, 1, relevance_max_hits);
    if (!probe) {
        return probe.error();
    }
    if (probe->empty()) {
        auto counted = count_rows(p, "search_text", plan.full_expression(), plan);
        if (!counted) {
            return counted.error();
        }
        out.total = *counted;
    } else {
        out.total = estimate_total(plan, relevance_max_hits + 1, probe->front());
        out.total_is_estimate = true;
    }
    return {};
}

// Whether the ranking past the pass is left for a later ask (SearchQuery::defer_ranking).
bool deferred(const SearchPlan& plan)
{
    return plan.defer_ranking && plan.not_alone();
}

// Past the ranked pass: the best relevance_top_max by BM25 from the impact lists, then the rest
// with head matches first; all of them head matches first when the lists cannot settle the best.
// The pass's hits (every hit up to its last row, scored) seed the top-k search.
Status ranked_or_subject_first(Pack::Impl& p, const SearchPlan& plan, const SearchQuery& q,
    SearchResults& out, Rows& rows, const RankedPass* pass = nullptr)
{
    if (deferred(plan)) {
        out.ranking_deferred = true; // asked for later (SearchQuery::defer_ranking)
        return subject_first(p, plan, q, out, rows);
    }
    const TopSeed seed { pass != nullptr ? &pass->hits : nullptr,
        pass != nullptr && !pass->hits.empty() ? pass->hits.back().second : 0 };
    std::size_t asked = q.offset + q.limit <= relevance_top_first ? relevance_top_first : relevance_top_max;
    auto top = top_by_impacts(p, plan, 0, asked, seed);
    if (top && !top->has_value() && asked != relevance_top_first) {
        asked = relevance_top_first;
        top = top_by_impacts(p, plan, 0, asked, seed);
    }
    if (!top) {
        return top.error();
    }
    if (!top->has_value()) {
        return subject_first(p, plan, q, out, rows);
    }
    const std::vector<std::int64_t>& best = **top;
    for (std::size_t i = q.offset; i < best.size() && rows.nums.size() < q.limit; ++i) {
        rows.nums.push_back(best[i]);
    }
    out.ranking = Ranking::relevance;
    if (rows.nums.size() == q.limit || best.size() < asked) {
        return {}; // fewer than asked for: every hit is among them
    }
    // The rest: head matches first from the start, without the best, up to the end of the page.
    SearchQuery upto = q;
    upto.offset = 0;
    upto.limit = q.offset + q.limit + best.size();
    Rows rest;
    SearchResults ignored;
    if (auto st = subject_first(p, plan, upto, ignored, rest); !st) {
        return st;
    }
    const std::unordered_set<std::int64_t> listed(best.begin(), best.end());
    std::size_t skip = q.offset > best.size() ? q.offset - best.size() : 0;
    for (const std::int64_t num : rest.nums) {
        if (rows.nums.size() == q.limit) {
            break;
        }
        if (listed.contains(num)) {
            continue;
        }
        if (skip > 0) {
            --skip;
            continue;
        }
        rows.nums.push_back(num);
    }
    return {};
}

// Returns the rows of the page and fills the total, choosing the strategy.
Status run_plan(Pack::Impl& p, const SearchPlan& plan, const SearchQuery& q, SearchResults& out, Rows& rows)
{
    if (!plan.has_text()) {
        return run_filters_only(p, plan, q, out, rows);
    }
    // A lone word or prefix known from the vocabulary to exceed the limit needs no pass: a word's
    // count is exact, a prefix's is estimated from its words' counts.
    if (plan.lower_bound > pass_limit(plan)) {
        out.total = plan.exact_single_word ? plan.upper_bound : plan.union_estimate;
        out.total_is_estimate = !plan.exact_single_word;
        return ranked_or_subject_first(p, plan, q, out, rows);
    }
    // Deferred, the pass is scored only when it holds every hit, so that they are ranked now.
    auto pass = ranked_pass(p, plan, !deferred(plan));
    if (pass && pass->complete && deferred(plan)) {
        pass = ranked_pass(p, plan);
    }
    if (!pass) {
        return pass.error();
    }
    if (pass->complete) {
        rank_by_relevance(*pass, q, out, rows);
        return {};
    }
    out.total = estimate_total(plan, static_cast<std::int64_t>(pass->hits.size()), pass->hits.back().second);
    out.total_is_estimate = true;
    return ranked_or_subject_first(p, plan, q, out, rows, &*pass);
}

// A query that names cables by id or a time: the id matches first, then the cables of the time
// (the other words searched within it), then the full-text matches outside it, each cable once.
// Every part is fetched from its start up to the end of the page, so a cable listed earlier can be
// dropped from a later part without shifting pages. A part whose total is an estimate ends the
// list: where a later part would begin is not known.
Status run_composite(Pack::Impl& p, const QueryIntent& intent, const SearchPlan& text, const SearchQuery& q,
    SearchResults& out, std::vector<Listed>& page)
{
    std::vector<Listed> listed;
    for (const std::int64_t num : intent.ids) {
        listed.push_back({ num, nullptr });
    }
    const std::size_t need = q.offset + q.limit;
    std::int64_t total = static_cast<std::int64_t>(intent.ids.size());
    bool ranked = false;
    std::vector<const SearchPlan*> parts;
    if (intent.time) {
        parts.push_back(&*intent.time);
    }
    if (text.has_text() && !text.matches_nothing) {
        parts.push_back(&text);
    }
    for (const SearchPlan* part : parts) {
        SearchQuery from_start = q;
        from_start.offset = 0;
        from_start.limit = (need > listed.size() ? need - listed.size() : 0) + intent.ids.size();
        SearchResults counted;
        Rows rows;
        if (auto st = run_plan(p, *part, from_start, counted, rows); !st) {
            return st;
        }
        for (const std::int64_t num : rows.nums) {
            const bool pinned = std::find(intent.ids.begin(), intent.ids.end(), num) != intent.ids.end();
            if (!pinned && listed.size() < need) {
                listed.push_back({ num, part });
            }
        }
        std::int64_t overlap = 0;
        for (const std::int64_t num : intent.ids) {
            auto matches = row_matches(p, *part, num);
            if (!matches) {
                return matches.error();
            }
            overlap += *matches ? 1 : 0;
        }
        total += std::max<std::int64_t>(0, counted.total - overlap);
        out.ranking_deferred = out.ranking_deferred || counted.ranking_deferred;
        if (!ranked) {
            out.ranking = counted.ranking;
            ranked = true;
        }
        if (counted.total_is_estimate) {
            out.total_is_estimate = true;
            break;
        }
    }
    out.total = total;
    for (std::size_t i = q.offset; i < listed.size() && i < need; ++i) {
        page.push_back(listed[i]);
    }
    return {};
}

} // namespace

std::string_view to_string(Ranking ranking)
{
    switch (ranking) {
    case Ranking::relevance:
        return "relevance";
    case Ranking::subject_first:
        return "subject_first";
    case Ranking::date:
        return "date";
    }
    return "relevance";
}

Result<SearchResults> Pack::search(const SearchQuery& query, const std::atomic<bool>* cancel)
{
    Impl& p = *m_impl;
    // Superseded before it started: a cheap plan might never reach the progress handler's check.
    if (cancel != nullptr && cancel->load()) {
        return make_error("a newer search replaced this one", std::string(search_cancelled));
    }
    sql::GuardScope scope(p.guard, query.budget, cancel);
    auto interrupted = [&](const Error& e) -> Error {
        if (p.guard.tripped_by_cancel) {
            return make_error("a newer search replaced this one", std::string(search_cancelled));
        }
        if (p.guard.tripped_by_deadline) {
            return make_error("the search took longer than its time budget", "search");
        }
        return Error { e.message, "search" };
    };
    if (!p.snippet_function_ready) {
        if (auto st = register_snippet_function(p.db.get()); !st) {
            return st.error();
        }
        if (auto st = register_score_function(p.db.get()); !st) {
            return st.error();
        }
        p.snippet_function_ready = true;
    }
    SearchQuery q = query;
    q.limit = std::min(q.limit, search_page_max);
    auto intent = plan_intent(p, q);
    if (!intent) {
        return interrupted(intent.error());
    }
    RowLimits limits;
    if (intent->time) {
        limits.skip = std::pair { intent->time->lo, intent->time->hi };
    }
    auto plan = plan_search(p, q, limits);
    if (!plan) {
        return interrupted(plan.error());
    }
    SearchResults out;
    out.query_truncated = plan->query.truncated;
    out.empty_query = plan->query.empty() && q.classification.empty() && q.origin.empty() && q.tag.empty()
        && !q.year_from && !q.year_to;
    if (plan->query.phrases.empty()) {
        out.ranking = Ranking::date;
    }
    for (const auto& phrase : plan->query.phrases) {
        if (!phrase.prefix) {
            out.words.insert(out.words.end(), phrase.tokens.begin(), phrase.tokens.end());
        }
        Widened widened { joined_tokens(phrase.tokens), {} };
        for (const auto& variant : phrase.variants) {
            out.words.insert(out.words.end(), variant.begin(), variant.end());
            widened.forms.push_back(joined_tokens(variant));
        }
        if (!widened.forms.empty()) {
            out.widened.push_back(std::move(widened));
        }
    }
    out.words.insert(out.words.end(), plan->expansions.begin(), plan->expansions.end());
    if (out.empty_query) {
        return out;
    }
    if (only_one_character(plan->query) && !plan->has_filters() && !q.year_from && !q.year_to) {
        out.too_short = true;
        return out;
    }
    if (intent->any()) {
        std::vector<Listed> page;
        if (auto st = run_composite(p, *intent, *plan, q, out, page); !st) {
            return interrupted(st.error());
        }
        if (auto st = add_snippets(p, page, out); !st) {
            return interrupted(st.error());
        }
        return out;
    }
    if (plan->matches_nothing) {
        return out;
    }
    Rows rows;
    if (auto st = run_plan(p, *plan, q, out, rows); !st) {
        return interrupted(st.error());
    }
    std::vector<Listed> page;
    for (const std::int64_t num : rows.nums) {
        page.push_back({ num, &*plan });
    }
    if (auto st = add_snippets(p, page, out); !st) {
        return interrupted(st.error());
    }
    return out;
}

} // namespace ck::content
