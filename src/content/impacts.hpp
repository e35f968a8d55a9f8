// Internal to src/content: per-word impact lists for top-k ranking (src/content/README.md, "True
// relevance past 1,000 hits"). A word in more cables than the ranked pass reads keeps its best
// cables by BM25 term weight (ck_score() with an IDF of 1: subject 8, tags 4, body 1, length
// normalised), best first, and a bound on the weight of every cable left out.
#pragma once

#include "core/result.hpp"

#include <cstdint>
#include <string>
#include <vector>

struct sqlite3;

namespace ck::content {

inline constexpr std::int64_t impact_min_docs = 1000; // words with more cables get a list
inline constexpr std::size_t impact_list_max = 1024; // cables kept per word

struct ImpactPosting {
    std::uint32_t row = 0;
    float weight = 0;
};

struct ImpactList {
    std::vector<ImpactPosting> postings; // weight descending, row ascending among equals
    double floor = 0; // no cable outside the list weighs more (0: the list is complete)
};

std::string encode_impacts(const std::vector<ImpactPosting>& postings);
std::vector<ImpactPosting> decode_impacts(std::string_view blob);

// Adds the `impacts` table to a finished search index (ck_score() must be registered on `db`).
Status write_impact_lists(sqlite3* db);

} // namespace ck::content
