// Internal to src/content: a visitor query turned into FTS5 expressions and a row range, with the
// statistics the search uses to choose a strategy. Built once per search or facet call.
#pragma once

#include "content/pack_impl.hpp"
#include "content/schema.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ck::content {

// Prefix words are expanded to at most this many index words, the most frequent first. Each one
// is a separate doclist merged in rowid order, so the cost of a prefix query stays bounded.
inline constexpr std::size_t prefix_expansions_max = 16;
// A page of results or completions holds at most this many.
inline constexpr std::size_t search_page_max = 100;

struct SearchPlan {
    VisitorQuery query;
    std::vector<std::string> expansions; // index words standing for the prefix phrase
    std::string text; // the visitor's words as FTS5, no column filter; empty: none
    std::string facets; // AND of facet tokens, column-filtered; empty: none
    std::int64_t lo = 1; // row range from the year filter
    std::int64_t hi = 0;
    // Rows left out: those of a time the query named, listed before this plan's hits. The empty
    // range (0, -1) leaves nothing out; every statement binds it (?8, ?9), so none is ever NULL.
    std::int64_t skip_lo = 0;
    std::int64_t skip_hi = -1;
    std::int64_t upper_bound = 0; // at most this many hits, from index statistics
    std::int64_t lower_bound = 0; // at least this many (a lone word or prefix, no filters)
    std::int64_t union_estimate = 0; // a lone prefix: its words' hits if they were independent
    bool has_phrase_or_prefix = false; // a quoted phrase or a prefix expansion
    // Inverse document frequency of every phrase of `text`, in expression order (a prefix stands
    // for one phrase per expansion), for ck_score(); as little-endian doubles.
    std::string idf;
    // One byte per phrase of `idf`: 1 where the phrase joins the previous one's best-of group (a
    // prefix's completions after the first), else 0. ck_score() counts such a group as its best
    // phrase: a prefix stands for one word that begins so, and a cable holding two of its words is
    // no more about it. Variants stay summed, like every other ORed phrase.
    std::string joins;
    bool exact_single_word = false; // upper_bound is exact (one plain word, no other filter)
    bool matches_nothing = false; // a filter value or prefix that is not in the pack
    bool rank_every_hit = false; // SearchQuery::rank_every_hit
    bool defer_ranking = false; // SearchQuery::defer_ranking

    [[nodiscard]] bool has_text() const { return !text.empty(); }
    [[nodiscard]] bool has_filters() const { return !facets.empty(); }
    [[nodiscard]] bool has_skip() const { return skip_hi >= skip_lo; }
    // A word being typed after other words, or with a filter (not a lone prefix): ranked past the
    // ranked pass once per completion (search_topk.cpp).
    [[nodiscard]] bool prefix_with_others() const { return !expansions.empty() && not_alone(); }
    // Several phrases (words), or a filter: ranked past the ranked pass by the bounded search, not
    // from one word's or prefix's lists alone; the ranking SearchQuery::defer_ranking leaves out.
    [[nodiscard]] bool not_alone() const { return query.phrases.size() != 1 || has_filters(); }
    // Whether row `num` lies in this plan's rows (range, minus the skipped ones).
    [[nodiscard]] bool covers(std::int64_t num) const
    {
        return num >= lo && num <= hi && !(num >= skip_lo && num <= skip_hi);
    }
    // The full expression over search_text: text in subject, tags and body, and the facets.
    [[nodiscard]] std::string full_expression() const;
    // Matches in subject or tags only (search_head), and the facets.
    [[nodiscard]] std::string head_expression() const;
    // Matches of the full expression that are not head matches.
    [[nodiscard]] std::string body_only_expression() const;
    // The text alone, for snippets.
    [[nodiscard]] std::string snippet_expression() const;
};

// Row limits beyond the query's own filters: a narrower range inside the year range (one month's
// rows), and a range to leave out (the rows already listed for a named time).
struct RowLimits {
    std::optional<std::pair<std::int64_t, std::int64_t>> within;
    std::optional<std::pair<std::int64_t, std::int64_t>> skip;
};

Result<SearchPlan> plan_search(Pack::Impl& pack, const SearchQuery& query, const RowLimits& limits = {});
// What the query names besides its words (search_intent.cpp): cables by id, listed first, and
// the plan for the cables of a time it names, listed next. Both respect the query's filters.
struct QueryIntent {
    std::vector<std::int64_t> ids;
    std::optional<SearchPlan> time;
    [[nodiscard]] bool any() const { return !ids.empty() || time.has_value(); }
};
Result<QueryIntent> plan_intent(Pack::Impl& pack, const SearchQuery& query);
// Whether row `num` is one of the plan's hits (its rows, and its expression if it has one).
Result<bool> row_matches(Pack::Impl& pack, const SearchPlan& plan, std::int64_t num);

// A facet value and its id and cable count.
struct FacetValue {
    std::int64_t id = 0;
    std::string value;
    std::int64_t cables = 0;
};
// The values of a facet that a typed filter stands for (query_intent.hpp's filter_matches: the
// value in any case, else for an origin every origin with all its words), most cables first; every
// value of the facet when `typed` is empty.
Result<std::vector<FacetValue>> matching_facet_values(
    Pack::Impl& pack, schema::FacetKind kind, std::string_view typed);

// The pack's query parser, made on first use.
Result<QueryParser*> parser_of(Pack::Impl& pack);

// Register the FTS5 auxiliary functions ck_snippet() (search_snippet.cpp) and ck_score()
// (search_rank.cpp) on the pack's connection.
Status register_snippet_function(sqlite3* db);
Status register_score_function(sqlite3* db);
// Each row's length in tokens (subject, tags and body, as ck_score() counts it), indexed by rowid,
// read once from FTS5's docsize table; RowLengths::unknown where a row has none.
struct RowLengths {
    static constexpr std::uint32_t unknown = 0xFFFFFFFFU;
    std::vector<std::uint32_t> by_row;
};
Result<RowLengths> read_row_lengths(sqlite3* db);
// ck_score() for the builder's ranking phase: the same function, bit for bit, but a row's length
// comes from `lengths` (which must outlive the connection's statements) instead of a docsize seek
// per row, which was 60 % of that phase's CPU.
Status register_build_score_function(sqlite3* db, const RowLengths* lengths);
// Decodes what ck_snippet() returns.
bool decode_snippet(std::string_view blob, std::string& snippet, std::vector<Highlight>& highlights);

// One row of a page, with the plan that found it (null: an id match, shown by its opening).
struct Listed {
    std::int64_t num = 0;
    const SearchPlan* plan = nullptr;
};
// Appends the page's hits to `out.hits`: summaries, and snippets or openings (search_hits.cpp).
Status add_snippets(Pack::Impl& p, const std::vector<Listed>& page, SearchResults& out);

// Hits already scored: every hit of the plan in rows up to `upto`, as (score, row).
struct TopSeed {
    const std::vector<std::pair<double, std::int64_t>>* hits = nullptr;
    std::int64_t upto = 0;
};

// The page [offset, offset + limit) of the plan's hits by BM25 from the impact lists
// (search_topk.cpp), exact; std::nullopt when the lists cannot settle it (the caller falls back).
Result<std::optional<std::vector<std::int64_t>>> top_by_impacts(Pack::Impl& pack, const SearchPlan& plan,
    std::size_t offset, std::size_t limit, const TopSeed& seed = {});

} // namespace ck::content
