// The best of a lone prefix past the ranked pass (src/content/README.md, "A word being typed"):
// from its completions' impact lists alone, no index read.
#include "content/search_topk.hpp"

#include <unordered_set>

namespace ck::content::topk {

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

} // namespace ck::content::topk
