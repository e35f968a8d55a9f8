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
#include "content/impacts.hpp"
#include "content/search_plan.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <unordered_set>

namespace ck::content {

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
// ck_score() adds and multiplies in another order than the bounds: a hair of slack for rounding.
constexpr double rounding_slack = 1e-9;

Budget budget_of(const SearchPlan& plan)
{
    return plan.has_phrase_or_prefix ? phrase_budget : words_budget;
}

// One word's stored list, with its postings also by row for lookups.
struct WordBound {
    ImpactList list;
    std::vector<ImpactPosting> by_row;

    // The stored weight of `row`, when the list holds it.
    [[nodiscard]] std::optional<double> listed(std::uint32_t row) const
    {
        const auto it = std::lower_bound(by_row.begin(), by_row.end(), row,
            [](const ImpactPosting& p, std::uint32_t r) { return p.row < r; });
        return it != by_row.end() && it->row == row ? std::optional<double>(it->weight) : std::nullopt;
    }
    [[nodiscard]] double at(std::uint32_t row) const { return listed(row).value_or(list.bound_outside(row)); }
    // The bound on the cables of the range ending at `last` that are not in the list; the range
    // lies inside one block (ranges are cut at every block boundary of every word).
    [[nodiscard]] double outside_range(std::uint32_t last) const { return list.bound_outside(last); }
    // The exact weight at `row` (0 when the list is complete and `row` is not in it), if known.
    [[nodiscard]] std::optional<double> exact(std::uint32_t row) const
    {
        if (const auto w = listed(row)) {
            return w;
        }
        return list.floor <= 0 ? std::optional<double>(0.0) : std::nullopt;
    }
};

// With `by_row`, the postings also in row order for lookups; a lone prefix's merge needs none.
WordBound make_word_bound(ImpactList list, bool by_row)
{
    WordBound w { std::move(list), {} };
    if (by_row) {
        w.by_row = w.list.postings;
        std::sort(w.by_row.begin(), w.by_row.end(),
            [](const ImpactPosting& a, const ImpactPosting& b) { return a.row < b.row; });
    }
    return w;
}

struct PhraseBound {
    std::vector<WordBound> words; // a phrase of rare words: one complete list of the phrase itself
    double idf = 0;
    std::size_t group = 0; // the query phrase it stands for (AND across groups, OR within)
    bool joins_previous = false; // in the previous phrase's best-of group (SearchPlan::joins)
    bool exact_weights = false; // a word's own list, or the phrase's complete one: weights are exact

    [[nodiscard]] double at(std::uint32_t row) const
    {
        double w = std::numeric_limits<double>::infinity();
        for (const auto& word : words) {
            w = std::min(w, word.at(row));
        }
        return idf * w;
    }
    [[nodiscard]] double outside_range(std::uint32_t last) const
    {
        double w = std::numeric_limits<double>::infinity();
        for (const auto& word : words) {
            w = std::min(w, word.outside_range(last));
        }
        return idf * w;
    }
};

struct QueryBound {
    std::vector<PhraseBound> phrases;
    std::size_t groups = 0;

    // The sum of the phrases' bounds, or -1 when a group's is 0 (the cable cannot match).
    template <typename Each> [[nodiscard]] double sum(Each each) const
    {
        std::vector<double> per_group(groups, 0.0);
        for (const auto& p : phrases) {
            per_group[p.group] += each(p);
        }
        double total = 0;
        for (const double g : per_group) {
            if (g <= 0) {
                return -1;
            }
            total += g;
        }
        return total;
    }
    [[nodiscard]] double at(std::uint32_t row) const
    {
        return sum([row](const PhraseBound& p) { return p.at(row); });
    }
    [[nodiscard]] double outside_range(std::uint32_t last) const
    {
        return sum([last](const PhraseBound& p) { return p.outside_range(last); });
    }
    // The score of `row` as ck_score() computes it, bit for bit (IDF times term weight, added phrase
    // by phrase in expression order), when every phrase's weight at `row` is known exactly; -1 when
    // `row` does not match (a group with no phrase in it). Not with facet filters, which only the
    // index can check.
    [[nodiscard]] std::optional<double> exact(std::uint32_t row) const
    {
        if (!exact_scores) {
            return std::nullopt;
        }
        std::vector<bool> present(groups, false);
        double score = 0;
        for (const auto& p : phrases) {
            const auto w = p.words.front().exact(row);
            if (!w) {
                return std::nullopt;
            }
            score += p.idf * *w;
            present[p.group] = present[p.group] || *w > 0;
        }
        return std::find(present.begin(), present.end(), false) == present.end() ? score : -1.0;
    }
    bool exact_scores = false; // every phrase has exact weights and the query has no facet filter
};

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

using Scored = std::pair<double, std::int64_t>; // (score, row)

bool ranks_before(const Scored& a, const Scored& b)
{
    return a.first != b.first ? a.first > b.first : a.second < b.second;
}

// The best `need` matches seen so far and the score a newcomer must reach.
class TopK {
public:
    explicit TopK(std::size_t need)
        : m_need(need)
    {
    }
    void add(Scored s)
    {
        m_hits.push_back(s);
        std::push_heap(m_hits.begin(), m_hits.end(), ranks_before);
        if (m_hits.size() > m_need) {
            std::pop_heap(m_hits.begin(), m_hits.end(), ranks_before);
            m_hits.pop_back();
        }
    }
    // Whether a cable bounded by `bound` could still enter the page (ties go to the earlier row, so
    // an equal score still could).
    [[nodiscard]] bool could_enter(double bound) const
    {
        return m_hits.size() < m_need || bound * (1.0 + rounding_slack) >= m_hits.front().first;
    }
    [[nodiscard]] bool full() const { return m_hits.size() >= m_need; }
    [[nodiscard]] std::vector<Scored> sorted() const
    {
        auto out = m_hits;
        std::sort(out.begin(), out.end(), ranks_before);
        return out;
    }

private:
    std::size_t m_need;
    std::vector<Scored> m_hits; // a heap with the worst of the page on top
};

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

// Does the work best bound first until no cable left could enter the page.
class BoundedSearch {
public:
    BoundedSearch(Pack::Impl& p, const SearchPlan& plan, std::vector<Range> ranges, TopK& top)
        : m_pack(p)
        , m_plan(plan)
        , m_expression(plan.full_expression())
        , m_ranges(std::move(ranges))
        , m_top(top)
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
        const Budget budget = budget_of(m_plan);
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
            if (m_seeks > budget.candidates || m_rows > budget.range_rows) {
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
        ++m_seeks;
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
        ++m_seeks;
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
        const std::int64_t rows_max = budget_of(m_plan).range_rows;
        return sql::each_row(**st, [&](const sql::Stmt& s) {
            if (++m_rows > rows_max) {
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
    std::size_t m_seeks = 0;
    std::int64_t m_rows = 0;
};

// Whether the query is one best-of group (a lone prefix's completions, SearchPlan::joins) whose
// scores the lists know exactly: no facet filter, each completion a word with its own list.
bool one_best_of_group(const QueryBound& bound)
{
    return bound.exact_scores && bound.groups == 1 && !bound.phrases.empty()
        && !bound.phrases.front().joins_previous
        && std::all_of(bound.phrases.begin() + 1, bound.phrases.end(),
            [](const PhraseBound& p) { return p.joins_previous; });
}

// The best of a lone prefix. Its score in a cable is its best completion's (ck_score()), so each
// listed cable's best listed value, IDF times stored weight, is its score unless a completion that
// does not list it weighs more there; none can past its floor. So the best cables of all the lists
// merged, each row once at its best value, are the best over every hit once the page's last score
// is above every list's floor times its IDF: then neither a listed cable's other completions nor a
// cable in no list can reach the page. False when that does not hold (the caller's order).
bool best_of_lists(const SearchPlan& plan, QueryBound& bound, TopK& top, std::int64_t seeded)
{
    // Each list best first (a stored list is; a complete one comes in row order), merged through a
    // heap of their heads: only the postings that could enter the page are looked at.
    struct Head {
        double value;
        std::size_t phrase;
        std::size_t at;
    };
    std::vector<Head> heads;
    double outside = 0;
    for (std::size_t i = 0; i < bound.phrases.size(); ++i) {
        auto& phrase = bound.phrases[i];
        auto& postings = phrase.words.front().list.postings;
        const auto heavier
            = [](const ImpactPosting& a, const ImpactPosting& b) { return a.weight > b.weight; };
        if (!std::is_sorted(postings.begin(), postings.end(), heavier)) {
            std::sort(postings.begin(), postings.end(), heavier);
        }
        outside = std::max(outside, phrase.idf * std::max(0.0, phrase.words.front().list.floor));
        if (!postings.empty()) {
            heads.push_back({ phrase.idf * postings.front().weight, i, 0 });
        }
    }
    const auto lighter = [](const Head& a, const Head& b) { return a.value < b.value; };
    std::make_heap(heads.begin(), heads.end(), lighter);
    std::unordered_set<std::uint32_t> seen;
    while (!heads.empty() && top.could_enter(heads.front().value)) {
        std::pop_heap(heads.begin(), heads.end(), lighter);
        Head& head = heads.back();
        const auto& phrase = bound.phrases[head.phrase];
        const auto& postings = phrase.words.front().list.postings;
        const ImpactPosting& posting = postings[head.at];
        // A row's first appearance is its best listed value: the merge goes from the heaviest down.
        if (posting.row > seeded && plan.covers(posting.row) && posting.weight > 0
            && seen.insert(posting.row).second) {
            top.add({ head.value, posting.row });
        }
        if (++head.at < postings.size()) {
            head.value = phrase.idf * postings[head.at].weight;
            std::push_heap(heads.begin(), heads.end(), lighter);
        } else {
            heads.pop_back();
        }
    }
    return top.full() && !top.could_enter(outside);
}

} // namespace

Result<std::optional<std::vector<std::int64_t>>> top_by_impacts(
    Pack::Impl& p, const SearchPlan& plan, std::size_t offset, std::size_t limit, const TopSeed& seed)
{
    using Page = std::optional<std::vector<std::int64_t>>;
    const bool prefix = !plan.expansions.empty();
    if (prefix && (plan.query.phrases.size() != 1 || plan.has_filters())) {
        // A prefix with other words or filters is not ranked here: the bound of a cable in no list
        // adds every other word's to the best completion's, and almost every range would be read.
        return Page {};
    }
    auto bound = bounds_of(p, plan, !prefix);
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
    if (prefix) {
        // A lone prefix: from its completions' lists alone.
        if (!one_best_of_group(**bound) || !best_of_lists(plan, **bound, top, seed.upto)) {
            return Page {};
        }
    } else {
        BoundedSearch search(p, plan, ranges_of(plan, seed.upto, **bound), top);
        auto settled = search.run(**bound, seed.upto);
        if (!settled) {
            return settled.error();
        }
        if (!*settled) {
            return Page {};
        }
    }
    const auto hits = top.sorted();
    std::vector<std::int64_t> page;
    for (std::size_t i = offset; i < hits.size(); ++i) {
        page.push_back(hits[i].second);
    }
    return Page(std::move(page));
}

} // namespace ck::content
