// Top-k by BM25 past the ranked pass's 1,000 hits, from the impact lists (impacts.hpp), exact.
//
// Every phrase of the query (in plan.idf's order) is bounded by its words' lists: a phrase weighs at
// most what each of its words weighs in a cable. A cable's bound is, per phrase, IDF times the
// smallest of its words' bounds: the stored weight when the cable is in a word's list, else that
// word's block maximum at the cable's row, capped by the word's floor. Two steps:
// 1. Candidates: every cable of the lists, most promising bound first, each scored exactly with
//    ck_score() over the full expression (which also applies the filters and the row ranges),
//    until the bound falls below the k-th score found.
// 2. The rest: a cable in no list lies in some row range between the lists' block boundaries,
//    where each word's bound is one number. The ranges whose bound reaches the k-th score are read
//    through FTS5 (every match in the range, scored), best bound first.
// A cable cannot match when one of the query's AND groups (a phrase with its variants, or a
// prefix's completions) has a bound of 0 for it, so such cables and ranges are never read. A query
// that needs more reads than the budgets falls back (std::nullopt): the caller's order.
#include "content/search_topk.hpp"

#include "content/query.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <unordered_set>

namespace ck::content {

using topk::best_of_lists;
using topk::make_word_bound;
using topk::one_best_of_group;
using topk::PhraseBound;
using topk::QueryBound;
using topk::TopK;

namespace {

// Candidates scored exactly (each a seek in every doclist) and rows read by range scans before a
// query is given up on: together a few milliseconds here. A phrase's rows cost more (positions are
// compared in every doclist) and its words' bounds are looser, so it gets less.
struct Budget {
    std::size_t candidates;
    std::int64_t range_rows;
};
constexpr Budget words_budget { 3000, 20000 };
constexpr Budget phrase_budget { 120, 1200 };
// Rows read for the complete lists of rare phrases (prefix completions, variants) in one query.
constexpr std::int64_t rare_rows_max = 3000;

Budget budget_of(const SearchPlan& plan)
{
    return plan.has_phrase_or_prefix ? phrase_budget : words_budget;
}

Result<std::optional<ImpactList>> stored_list(Pack::Impl& p, const std::string& term)
{
    auto st = p.stmt("SELECT postings, floor, blocks FROM impacts WHERE term = ?1");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, std::string_view(term));
    return sql::query_one(**st, [](const sql::Stmt& s) {
        return ImpactList { decode_impacts(s.column_view(0)), sqlite3_column_double(s.raw(), 1),
            decode_blocks(s.column_view(2)) };
    });
}

// The complete list of a phrase with a word that has no stored list (so in at most
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
        list.postings.push_back(
            { static_cast<std::uint32_t>(s.column_int(0)), sqlite3_column_double(s.raw(), 1) });
    });
    if (!status) {
        return status.error();
    }
    budget -= static_cast<std::int64_t>(list.postings.size());
    if (budget < 0) {
        return std::optional<ImpactList> {};
    }
    return std::optional<ImpactList>(std::move(list));
}

// The words of each phrase in plan.idf's order (search_plan.cpp's plan_phrases), with its group.
std::vector<std::pair<std::vector<std::string>, std::size_t>> phrases_in_idf_order(const SearchPlan& plan)
{
    std::vector<std::pair<std::vector<std::string>, std::size_t>> out;
    for (std::size_t g = 0; g < plan.query.phrases.size(); ++g) {
        const auto& phrase = plan.query.phrases[g];
        if (phrase.prefix) {
            for (const auto& e : plan.expansions) {
                out.emplace_back(std::vector<std::string> { e }, g);
            }
        } else {
            out.emplace_back(phrase.tokens, g);
        }
        for (const auto& v : phrase.variants) {
            out.emplace_back(v, g);
        }
    }
    return out;
}

// The bounds of every phrase; none when the lists cannot be had within the budget.
Result<std::optional<QueryBound>> bounds_of(Pack::Impl& p, const SearchPlan& plan, bool by_row)
{
    const auto phrases = phrases_in_idf_order(plan);
    if (phrases.empty() || plan.idf.size() != phrases.size() * sizeof(double)
        || plan.joins.size() != phrases.size()) {
        return std::optional<QueryBound> {};
    }
    QueryBound out;
    out.groups = plan.query.phrases.size();
    std::int64_t rare_budget = rare_rows_max;
    for (std::size_t i = 0; i < phrases.size(); ++i) {
        PhraseBound phrase;
        phrase.group = phrases[i].second;
        phrase.joins_previous = plan.joins[i] != 0;
        std::memcpy(&phrase.idf, plan.idf.data() + i * sizeof(double), sizeof(double));
        for (const auto& token : phrases[i].first) {
            auto list = stored_list(p, token);
            if (!list) {
                return list.error();
            }
            if (!list->has_value()) {
                phrase.words.clear(); // a rare word: the phrase's own complete list instead
                break;
            }
            if (!(*list)->well_formed()) {
                return std::optional<QueryBound> {}; // a damaged list: the caller's order
            }
            phrase.words.push_back(make_word_bound(std::move(**list), by_row));
        }
        phrase.exact_weights = phrase.words.size() == 1;
        if (phrase.words.empty()) {
            phrase.exact_weights = true;
            auto whole = whole_list(p, phrases[i].first, rare_budget);
            if (!whole) {
                return whole.error();
            }
            if (!whole->has_value()) {
                return std::optional<QueryBound> {};
            }
            phrase.words.push_back(make_word_bound(std::move(**whole), by_row));
        }
        out.phrases.push_back(std::move(phrase));
    }
    out.exact_scores = !plan.has_filters()
        && std::all_of(
            out.phrases.begin(), out.phrases.end(), [](const PhraseBound& b) { return b.exact_weights; });
    return std::optional<QueryBound>(std::move(out));
}

// The row ranges between every word's block boundaries, in row order: inside one, each word's bound
// on a cable not in its list is one number.
struct Range {
    std::int64_t lo = 0;
    std::int64_t hi = 0;
    double outside = -1; // the bound on its cables in no list (-1: none can match)
    std::size_t pending = 0; // list cables in it still to be sought
    bool read = false;
};

std::vector<Range> ranges_of(const SearchPlan& plan, std::int64_t seeded, const QueryBound& bound)
{
    std::vector<std::uint32_t> cuts;
    for (const auto& phrase : bound.phrases) {
        for (const auto& word : phrase.words) {
            for (const auto& block : word.list.blocks) {
                cuts.push_back(block.last);
            }
        }
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::vector<Range> ranges;
    std::int64_t lo = std::max<std::int64_t>(plan.lo, seeded + 1);
    for (const std::uint32_t last : cuts) {
        if (last >= lo && lo <= plan.hi) {
            ranges.push_back({ lo, std::min<std::int64_t>(last, plan.hi) });
        }
        lo = std::max<std::int64_t>(lo, std::int64_t { last } + 1);
    }
    if (lo <= plan.hi) {
        ranges.push_back({ lo, plan.hi }); // past every block: only complete lists' cables
    }
    return ranges;
}

// The index of the range holding `row` (ranges are sorted and disjoint; the row lies in one).
std::size_t range_of(const std::vector<Range>& ranges, std::int64_t row)
{
    const auto it = std::lower_bound(
        ranges.begin(), ranges.end(), row, [](const Range& r, std::int64_t x) { return r.hi < x; });
    return static_cast<std::size_t>(it - ranges.begin());
}

// A unit of work: score one list cable (a seek), or read one range whole (every match in it).
struct Work {
    double bound = 0;
    std::size_t range = 0;
    std::int64_t row = 0; // a list cable; 0: the range's cables outside every list
};

// What the searches of one query have spent of its budget.
struct Spent {
    std::size_t seeks = 0;
    std::int64_t rows = 0;
};

// Does the work best bound first until no cable left could enter the page.
class BoundedSearch {
public:
    BoundedSearch(Pack::Impl& p, const SearchPlan& plan, std::vector<Range> ranges, TopK& top, Spent& spent,
        Budget budget)
        : m_pack(p)
        , m_plan(plan)
        , m_expression(plan.full_expression())
        , m_ranges(std::move(ranges))
        , m_top(top)
        , m_spent(spent)
        , m_budget(budget)
    {
    }

    // False when the budget ran out before the page was settled.
    Result<bool> run(const QueryBound& bound, std::int64_t seeded)
    {
        std::vector<Work> work;
        std::unordered_set<std::uint32_t> listed;
        for (const auto& phrase : bound.phrases) {
            for (const auto& word : phrase.words) {
                for (const auto& posting : word.list.postings) {
                    if (posting.row > seeded && m_plan.covers(posting.row)
                        && listed.insert(posting.row).second) {
                        if (const auto score = bound.exact(posting.row); score.has_value()) {
                            add_scored(posting.row, *score); // no seek: the lists know its score
                        } else if (const double b = bound.at(posting.row); b >= 0) {
                            const std::size_t r = range_of(m_ranges, posting.row);
                            ++m_ranges[r].pending;
                            work.push_back({ b, r, posting.row });
                        }
                    }
                }
            }
        }
        for (std::size_t r = 0; r < m_ranges.size(); ++r) {
            m_ranges[r].outside = bound.outside_range(static_cast<std::uint32_t>(m_ranges[r].hi));
            if (m_ranges[r].outside >= 0) {
                work.push_back({ m_ranges[r].outside, r, 0 });
            }
        }
        std::sort(work.begin(), work.end(), [](const Work& a, const Work& b) {
            return a.bound != b.bound ? a.bound > b.bound : a.row < b.row;
        });
        for (const Work& w : work) {
            if (!m_top.could_enter(w.bound)) {
                return true;
            }
            Range& range = m_ranges[w.range];
            if (range.read) {
                continue;
            }
            // A range that would be read anyway at the page's present threshold, or that holds
            // several cables to seek, is read now, all at once.
            const bool whole = w.row == 0 || range.pending >= read_whole_min
                || (m_top.full() && range.outside >= 0 && m_top.could_enter(range.outside));
            auto st = whole ? read_range(w.range) : seek(w.row);
            if (!st) {
                return st.error();
            }
            range.pending -= w.row != 0 ? 1 : 0;
            if (m_spent.seeks > m_budget.candidates || m_spent.rows > m_budget.range_rows) {
                return false;
            }
        }
        return true;
    }

private:
    // A seek costs about what reading a few matches of a range does (positions are decoded in
    // every doclist either way): a range with this many cables to seek is read whole instead.
    static constexpr std::size_t read_whole_min = 4;

    // A scored list cable (a negative score: it does not match), never read again.
    void add_scored(std::int64_t row, double score)
    {
        if (score >= 0) {
            m_top.add({ score, row });
        }
        m_scored.insert(static_cast<std::uint32_t>(row));
    }

    Status seek(std::int64_t row)
    {
        ++m_spent.seeks;
        auto st
            = m_pack.stmt("SELECT ck_score(search_text, ?4, ?10) FROM search_text WHERE search_text MATCH ?1"
                          " AND rowid = ?6 AND rowid BETWEEN ?2 AND ?3 AND rowid NOT BETWEEN ?8 AND ?9");
        if (!st) {
            return st.error();
        }
        (*st)->bind(1, m_expression).bind_blob(4, m_plan.idf).bind_blob(10, m_plan.joins).bind(6, row);
        (*st)->bind(2, m_plan.lo).bind(3, m_plan.hi).bind(8, m_plan.skip_lo).bind(9, m_plan.skip_hi);
        auto score
            = sql::query_one(**st, [](const sql::Stmt& s) { return sqlite3_column_double(s.raw(), 0); });
        if (!score) {
            return score.error();
        }
        add_scored(row, score->value_or(-1.0)); // no row: it does not match
        return {};
    }

    // Whether a range next to one being read is worth reading in the same statement: it holds
    // cables to seek, or would be read anyway at the present threshold.
    [[nodiscard]] bool worth_joining(const Range& r) const
    {
        return !r.read && (r.pending > 0 || (r.outside >= 0 && m_top.could_enter(r.outside)));
    }

    // Reads range `index` whole, with its neighbours worth joining, in one statement: every match
    // but those already scored. Reading a match costs about a microsecond and a statement (or a
    // seek) about twenty, so on the 250k pack joined reads made ANDs a third faster.
    Status read_range(std::size_t index)
    {
        std::size_t first = index;
        std::size_t last = index;
        while (first > 0 && worth_joining(m_ranges[first - 1])) {
            --first;
        }
        while (last + 1 < m_ranges.size() && worth_joining(m_ranges[last + 1])) {
            ++last;
        }
        for (std::size_t i = first; i <= last; ++i) {
            m_ranges[i].read = true;
        }
        ++m_spent.seeks;
        auto st = m_pack.stmt(
            "SELECT rowid, ck_score(search_text, ?4, ?10) FROM search_text WHERE search_text MATCH ?1"
            " AND rowid BETWEEN ?2 AND ?3 AND rowid NOT BETWEEN ?8 AND ?9");
        if (!st) {
            return st.error();
        }
        (*st)->bind(1, m_expression).bind_blob(4, m_plan.idf).bind_blob(10, m_plan.joins);
        (*st)->bind(2, m_ranges[first].lo).bind(3, m_ranges[last].hi);
        (*st)->bind(8, m_plan.skip_lo).bind(9, m_plan.skip_hi);
        // A joined read may span much of the index: it stops at the budget (the caller then
        // gives up), and never reads on past it.
        const std::int64_t rows_max = m_budget.range_rows;
        return sql::each_row(**st, [&](const sql::Stmt& s) {
            if (++m_spent.rows > rows_max) {
                return sql::Next::stop;
            }
            const auto row = s.column_int(0);
            if (!m_scored.contains(static_cast<std::uint32_t>(row))) {
                m_top.add({ sqlite3_column_double(s.raw(), 1), row });
            }
            return sql::Next::row;
        });
    }

    Pack::Impl& m_pack;
    const SearchPlan& m_plan;
    std::string m_expression;
    std::vector<Range> m_ranges;
    TopK& m_top;
    std::unordered_set<std::uint32_t> m_scored; // list cables scored by a seek
    Spent& m_spent;
    Budget m_budget;
};

// Whether the query's prefix is its last phrase, with no variants: its completions are then the
// last phrases of the plan, after every other word's.
bool prefix_comes_last(const SearchPlan& plan)
{
    const auto& phrases = plan.query.phrases;
    return !plan.expansions.empty() && !phrases.empty() && phrases.back().prefix
        && phrases.back().variants.empty()
        && std::none_of(phrases.begin(), phrases.end() - 1, [](const QueryPhrase& q) { return q.prefix; });
}

// The plan with its prefix replaced by completion `j`, the other phrases (the first `first` of
// idf's order) unchanged: a query of words, which the bounded search settles.
SearchPlan with_completion(const SearchPlan& plan, std::size_t first, std::size_t j)
{
    SearchPlan one = plan;
    QueryPhrase& last = one.query.phrases.back();
    last.prefix = false;
    last.tokens = { plan.expansions[j] };
    one.expansions.clear();
    one.text = fts5_expression(one.query);
    one.idf = plan.idf.substr(0, first * sizeof(double))
        + plan.idf.substr((first + j) * sizeof(double), sizeof(double));
    one.joins.assign(first + 1, '\0');
    one.has_phrase_or_prefix = std::any_of(one.query.phrases.begin(), one.query.phrases.end(),
        [](const QueryPhrase& q) { return q.tokens.size() > 1 || !q.variants.empty(); });
    return one;
}

// The most `phrase` can add to any cable: IDF times the least of its words' heaviest weights (a
// stored list is best first, a complete one is searched; no cable outside weighs over the floor).
double best_value(const PhraseBound& phrase)
{
    double least = std::numeric_limits<double>::infinity();
    for (const topk::WordBound& word : phrase.words) {
        double heaviest = std::max(0.0, word.list.floor);
        for (const ImpactPosting& posting : word.list.postings) {
            heaviest = std::max(heaviest, posting.weight);
        }
        least = std::min(least, heaviest);
    }
    return phrase.words.empty() ? 0.0 : phrase.idf * least;
}

// A prefix after other words, or with a filter. Its score in a cable is the other words' plus its
// best completion's (ck_score()'s best-of run), which is the most that the query with the prefix
// replaced by one completion scores there, bit for bit: the same additions in the same order,
// the completion's value last. So the page is the best rows of those queries together, each row at
// its best (TopK keeps a row's higher score). Each is settled in turn by the bounded search, the
// completion with the best possible value first, all filling one page, whose threshold cuts the
// later ones short (often to nothing), and spending one budget. False when it runs out.
Result<bool> by_completion(
    Pack::Impl& p, const SearchPlan& plan, const QueryBound& bound, TopK& top, std::int64_t seeded)
{
    const std::size_t completions = plan.expansions.size();
    const std::size_t first = bound.phrases.size() - completions;
    std::vector<std::size_t> order(completions);
    std::vector<double> best(completions);
    for (std::size_t j = 0; j < completions; ++j) {
        order[j] = j;
        best[j] = best_value(bound.phrases[first + j]);
    }
    std::stable_sort(
        order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return best[a] > best[b]; });
    // The most the other words can add: once that and a completion's best cannot reach the page,
    // neither can any later completion's.
    double others = 0;
    for (std::size_t i = 0; i < first; ++i) {
        others += best_value(bound.phrases[i]);
    }
    Spent spent;
    // One budget for all the completions: a query of words' (each is one), since the kiosk asks for
    // this ranking after its first page is on screen (SearchQuery::defer_ranking).
    const Budget budget = words_budget;
    // The other words' bounds are copied once; each completion's takes the last place in turn.
    QueryBound one_bound;
    one_bound.groups = bound.groups;
    one_bound.phrases.assign(
        bound.phrases.begin(), bound.phrases.begin() + static_cast<std::ptrdiff_t>(first));
    one_bound.phrases.emplace_back();
    for (const std::size_t j : order) {
        if (!top.could_enter(others + best[j])) {
            break;
        }
        const SearchPlan one = with_completion(plan, first, j);
        one_bound.phrases.back() = bound.phrases[first + j];
        one_bound.phrases.back().joins_previous = false;
        one_bound.exact_scores = !one.has_filters()
            && std::all_of(one_bound.phrases.begin(), one_bound.phrases.end(),
                [](const PhraseBound& b) { return b.exact_weights; });
        BoundedSearch search(p, one, ranges_of(one, seeded, one_bound), top, spent, budget);
        auto settled = search.run(one_bound, seeded);
        if (!settled || !*settled) {
            return settled;
        }
    }
    return true;
}

} // namespace

Result<std::optional<std::vector<std::int64_t>>> top_by_impacts(
    Pack::Impl& p, const SearchPlan& plan, std::size_t offset, std::size_t limit, const TopSeed& seed)
{
    using Page = std::optional<std::vector<std::int64_t>>;
    const bool prefix = !plan.expansions.empty();
    const bool lone_prefix = prefix && !plan.prefix_with_others();
    if (prefix && !lone_prefix && !prefix_comes_last(plan)) {
        return Page {}; // a prefix before a quoted phrase, or with variants: the caller's order
    }
    auto bound = bounds_of(p, plan, !lone_prefix);
    if (!bound) {
        return bound.error();
    }
    if (!bound->has_value()) {
        return Page {};
    }
    TopK top(offset + limit);
    if (seed.hits != nullptr) {
        for (const auto& hit : *seed.hits) {
            top.add(hit);
        }
    }
    Result<bool> settled = true;
    if (lone_prefix) {
        // From its completions' lists alone.
        settled = one_best_of_group(**bound) && best_of_lists(plan, **bound, top, seed.upto);
    } else if (prefix) {
        settled = by_completion(p, plan, **bound, top, seed.upto);
    } else {
        Spent spent;
        BoundedSearch search(p, plan, ranges_of(plan, seed.upto, **bound), top, spent, budget_of(plan));
        settled = search.run(**bound, seed.upto);
    }
    if (!settled) {
        return settled.error();
    }
    if (!*settled) {
        return Page {};
    }
    const auto hits = top.sorted();
    std::vector<std::int64_t> page;
    for (std::size_t i = offset; i < hits.size(); ++i) {
        page.push_back(hits[i].second);
    }
    return Page(std::move(page));
}

} // namespace ck::content
