// Internal to src/content: a visitor query turned into FTS5 expressions and a row range, with the
// statistics the search uses to choose a strategy. Built once per search or facet call.
#pragma once

#include "content/pack_impl.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace ck::content {

// Prefix words are expanded to at most this many index words, the most frequent first. Each one
// is a separate doclist merged in rowid order, so the cost of a prefix query stays bounded.
inline constexpr std::size_t prefix_expansions_max = 16;

struct SearchPlan {
    VisitorQuery query;
    std::vector<std::string> expansions; // index words standing for the prefix phrase
    std::string text; // the visitor's words as FTS5, no column filter; empty: none
    std::string facets; // AND of facet tokens, column-filtered; empty: none
    std::int64_t lo = 1; // row range from the year filter
    std::int64_t hi = 0;
    std::int64_t upper_bound = 0; // at most this many hits, from index statistics
    std::int64_t lower_bound = 0; // at least this many (a lone word or prefix, no filters)
    std::int64_t union_estimate = 0; // a lone prefix: its words' hits if they were independent
    bool has_phrase_or_prefix = false; // a quoted phrase or a prefix expansion
    // Inverse document frequency of every phrase of `text`, in expression order (a prefix stands
    // for one phrase per expansion), for ck_score(); as little-endian doubles.
    std::string idf;
    bool exact_single_word = false; // upper_bound is exact (one plain word, no other filter)
    bool matches_nothing = false; // a filter value or prefix that is not in the pack

    [[nodiscard]] bool has_text() const { return !text.empty(); }
    [[nodiscard]] bool has_filters() const { return !facets.empty(); }
    // The full expression over search_text: text in subject, tags and body, and the facets.
    [[nodiscard]] std::string full_expression() const;
    // Matches in subject or tags only (search_head), and the facets.
    [[nodiscard]] std::string head_expression() const;
    // Matches of the full expression that are not head matches.
    [[nodiscard]] std::string body_only_expression() const;
    // The text alone, for snippets.
    [[nodiscard]] std::string snippet_expression() const;
};

Result<SearchPlan> plan_search(Pack::Impl& pack, const SearchQuery& query);
// The pack's query parser, made on first use.
Result<QueryParser*> parser_of(Pack::Impl& pack);

// Register the FTS5 auxiliary functions ck_snippet() (search_snippet.cpp) and ck_score()
// (search_rank.cpp) on the pack's connection.
Status register_snippet_function(sqlite3* db);
Status register_score_function(sqlite3* db);
// Decodes what ck_snippet() returns.
bool decode_snippet(std::string_view blob, std::string& snippet, std::vector<Highlight>& highlights);

} // namespace ck::content
