// Internal to src/content: per-word impact lists for top-k ranking (src/content/README.md, "True
// relevance past 1,000 hits"). A word in more cables than the ranked pass reads keeps, in the
// `impacts` table:
// - its best cables by BM25 term weight (ck_score() with an IDF of 1: subject 8, tags 4, body 1,
//   length normalised), best first;
// - the floor: no cable left out of that list weighs more;
// - its block maxima: the word's cables in row order, cut into blocks of impact_block_size, each
//   with its last row and the largest weight in it, so a search can bound a row range without
//   reading it (block-max, as Lucene and Tantivy do it).
// A listed cable's weight is stored exactly (a double: a query with the same words adds them up to
// the score ck_score() gives, bit for bit); block maxima are floats rounded up, true upper bounds.
#pragma once

#include "core/result.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace ck::content {

inline constexpr std::int64_t impact_min_docs = 1000; // words with more cables get a list
inline constexpr std::size_t impact_list_max = 1024; // cables kept per word
inline constexpr std::size_t impact_block_size
    = 256; // cables per block of the block maxima (64 and 128 measured slower)

struct ImpactPosting {
    std::uint32_t row = 0;
    double weight = 0;
};

// A block of a word's cables in row order: the rows after the previous block's last, up to `last`.
struct ImpactBlock {
    std::uint32_t last = 0;
    float max = 0;
};

struct ImpactList {
    std::vector<ImpactPosting> postings; // weight descending, row ascending among equals
    double floor = 0; // no cable outside the list weighs more (0: the list is complete)
    std::vector<ImpactBlock> blocks; // row order; empty for a complete list

    // The most a cable at `row` can weigh for this word when it is not in `postings`.
    [[nodiscard]] double bound_outside(std::uint32_t row) const;
    // Whether the list is what the builder writes: weights finite and not negative, postings best
    // first, blocks in row order. A damaged one is not used (the search falls back).
    [[nodiscard]] bool well_formed() const;
};

// The smallest float at least `weight`: a stored weight never understates the exact one.
float round_up(double weight);

// Little-endian {u32 row, f64 weight} postings and {u32 last, f32 max} blocks.
std::string encode_impacts(const std::vector<ImpactPosting>& postings);
std::vector<ImpactPosting> decode_impacts(std::string_view blob);
std::string encode_blocks(const std::vector<ImpactBlock>& blocks);
std::vector<ImpactBlock> decode_blocks(std::string_view blob);

// Fills the `impacts` table of a finished search index in `build` (the file `db` has open, and holds
// exclusively; nothing else may be pending on it), on two threads.
Status write_impact_lists(sqlite3* db, const std::filesystem::path& build);

} // namespace ck::content
