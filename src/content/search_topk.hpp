// Internal to src/content: what the top-k search past the ranked pass (search_topk.cpp) and the
// lone prefix's merge (search_topk_prefix.cpp) share: a query's bounds from the impact lists, and
// the page being filled.
#pragma once

#include "content/impacts.hpp"
#include "content/search_plan.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ck::content::topk {

// ck_score() adds and multiplies in another order than the bounds: a hair of slack for rounding.
inline constexpr double rounding_slack = 1e-9;

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
inline WordBound make_word_bound(ImpactList list, bool by_row)
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

using Scored = std::pair<double, std::int64_t>; // (score, row)

inline bool ranks_before(const Scored& a, const Scored& b)
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
    // A row already on the page keeps the higher of its two scores: a prefix after other words is
    // searched once per completion (search_topk.cpp), and a row's score is its best completion's.
    void add(Scored s)
    {
        if (const auto it = m_rows.find(s.second); it != m_rows.end()) {
            if (s.first > it->second) {
                it->second = s.first;
                std::find_if(
                    m_hits.begin(), m_hits.end(), [&](const Scored& h) { return h.second == s.second; })
                    ->first
                    = s.first;
                std::make_heap(m_hits.begin(), m_hits.end(), ranks_before);
            }
            return;
        }
        m_rows.emplace(s.second, s.first);
        m_hits.push_back(s);
        std::push_heap(m_hits.begin(), m_hits.end(), ranks_before);
        if (m_hits.size() > m_need) {
            std::pop_heap(m_hits.begin(), m_hits.end(), ranks_before);
            m_rows.erase(m_hits.back().second);
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
    std::unordered_map<std::int64_t, double> m_rows; // the rows of m_hits, with their scores
};

// A lone prefix's best cables, merged from its completions' lists (search_topk_prefix.cpp).
// Whether the query is such a prefix whose scores the lists know exactly:
bool one_best_of_group(const QueryBound& bound);
// Fills `top`; false when the lists alone cannot settle the page (the caller's order).
bool best_of_lists(const SearchPlan& plan, QueryBound& bound, TopK& top, std::int64_t seeded);

} // namespace ck::content::topk
