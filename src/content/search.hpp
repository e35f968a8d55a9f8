// Search over a pack: the query a screen builds, and what comes back. The kiosk runs searches on a
// worker thread with its own Pack and cancels a running one from the UI thread when a new
// keystroke supersedes it. No SQL and no FTS5 syntax appears here.
#pragma once

#include "content/pack_types.hpp"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ck::content {

struct SearchQuery {
    std::string text; // as typed; any input is safe
    std::optional<int> year_from; // inclusive
    std::optional<int> year_to; // inclusive
    std::string classification; // exact facet value, empty for any
    std::string origin;
    std::string tag;
    std::size_t limit = 20;
    std::size_t offset = 0;
    // Wall-clock budget for the whole call; past it the search is interrupted and fails with a
    // "time budget" error. Zero means no budget (the curator's tool).
    std::chrono::milliseconds budget { 2000 };
    // Rank every hit with ck_score(), however many: the slow reference the impact lists are
    // checked against (tests, search_bench). Never set by the kiosk.
    bool rank_every_hit = false;
    // A query of several words (a word being typed after others included), or with a filter, is
    // ranked past the ranked pass by the bounded search over the impact lists, which can take a
    // few times as long as the rest (at 2M cables, more than the worker's keystroke budget). Set,
    // that ranking is left out, and so is the ranked pass's scoring of its 1,001 hits, the larger
    // part of the rest: such hits keep subject and tag matches first, and
    // SearchResults::ranking_deferred says so. A lone word or prefix is ranked from its lists
    // alone, cheaply, and is never deferred. The search worker asks so first, shows those hits,
    // then asks again without it.
    bool defer_ranking = false;
};

// How the results were ordered, so a screen can say so.
enum class Ranking {
    relevance, // bm25, subject and tags weighted over the body; used when the hits are few enough
    subject_first, // matches in subject or tags first, then the rest, each by date
    date, // by date only (a browse by filters, no text)
};
std::string_view to_string(Ranking ranking);

// A byte range [begin, end) of a snippet to highlight.
struct Highlight {
    std::size_t begin = 0;
    std::size_t end = 0;
    friend bool operator==(const Highlight&, const Highlight&) = default;
};

struct SearchHit {
    CableSummary cable;
    std::string snippet; // one line of text around the matches, "…" where it was cut
    std::vector<Highlight> highlights; // byte ranges into snippet
};

// A word or phrase typed that the pack's variants list widened, and the forms searched for it as
// well ("日本": japan, tokyo, goj), so a screen can say what was searched.
struct Widened {
    std::string typed; // folded as the index folds it
    std::vector<std::string> forms;
    friend bool operator==(const Widened&, const Widened&) = default;
};

struct SearchResults {
    std::int64_t total = 0;
    bool total_is_estimate = false; // true: "about N", from index statistics
    Ranking ranking = Ranking::relevance;
    std::vector<SearchHit> hits;
    std::vector<std::string> words; // the index words searched for (prefixes expanded)
    std::vector<Widened> widened; // the typed words the variants list widened
    bool query_truncated = false;
    bool empty_query = false; // nothing searchable was typed and no filter was set
    // Only one letter or digit was typed ("a") and no filter was set: nothing was searched,
    // since one letter is in nearly every cable and no order of them all would help; the visitor
    // is asked for more letters instead.
    bool too_short = false;
    // SearchQuery::defer_ranking left out a ranking that asking without it would do.
    bool ranking_deferred = false;
};

struct FacetCount {
    std::string value;
    std::int64_t count = 0;
    friend bool operator==(const FacetCount&, const FacetCount&) = default;
};

// Counts per value of each facet over the hits of a query, largest first (years in order).
struct Facets {
    std::vector<FacetCount> year;
    std::vector<FacetCount> classification;
    std::vector<FacetCount> origin;
    std::vector<FacetCount> tag;
    std::int64_t total = 0;
    bool estimated = false; // counted on a sample spread over the whole date range, then scaled
};

struct FacetOptions {
    // Past this budget the counts are estimated from a sample. Zero: no budget (always exact);
    // negative: estimate straight away (a quick preview).
    std::chrono::milliseconds budget { 50 };
    std::size_t max_values = 50; // per facet (years are never cut)
};

// A facet a filter narrows by.
enum class FilterField { classification, origin, tag };

struct Completion {
    std::string word;
    std::int64_t cables = 0;
    friend bool operator==(const Completion&, const Completion&) = default;
};

// A search error's `where` when the caller's cancel flag stopped it.
inline constexpr std::string_view search_cancelled = "search cancelled";
inline bool is_cancelled(const Error& e)
{
    return e.where == search_cancelled;
}

} // namespace ck::content
