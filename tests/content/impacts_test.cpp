// The impact lists' stored form (impacts.hpp): what is stored must bound what a query computes.
#include "content/impacts.hpp"
#include "content/search_plan.hpp"
#include "content/sql.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

using namespace ck::content;

TEST_CASE("a block maximum is never below the exact weight it bounds")
{
    for (const double w : { 0.1, 1.0 / 3.0, 2.718281828459045, 1e-7, 12345.678901234 }) {
        CAPTURE(w);
        const float stored = round_up(w);
        CHECK(static_cast<double>(stored) >= w);
        // and it is the nearest float that is: one step down would understate it
        CHECK(static_cast<double>(std::nextafter(stored, 0.0F)) < w);
    }
    CHECK(round_up(0.5) == 0.5F); // exact in a float: unchanged
}

TEST_CASE("impact postings and blocks read back as they were written, in little-endian form")
{
    const std::vector<ImpactPosting> postings { { 7, 2.5 }, { 1, 1.0 / 3.0 }, { 4000000000U, 0.125 } };
    const std::string blob = encode_impacts(postings);
    REQUIRE(blob.size() == 36); // a u32 row and an f64 weight each
    CHECK(static_cast<unsigned char>(blob[0]) == 7); // the row's low byte first
    const auto back = decode_impacts(blob);
    REQUIRE(back.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(back[i].row == postings[i].row);
        CHECK(back[i].weight == postings[i].weight);
    }
    const std::vector<ImpactBlock> blocks { { 10, 1.5F }, { 99, 3.0F } };
    const auto blocks_back = decode_blocks(encode_blocks(blocks));
    REQUIRE(blocks_back.size() == 2);
    CHECK(blocks_back[1].last == 99);
    CHECK(blocks_back[1].max == 3.0F);
    CHECK(decode_impacts(blob.substr(0, 13)).size() == 1); // a torn blob yields only whole entries
}

TEST_CASE("a row outside the list is bounded by its block's maximum, capped by the floor, and past the last "
          "block by nothing")
{
    ImpactList list;
    list.floor = 2.0;
    list.blocks = { { 10, 1.5F }, { 20, 3.0F }, { 30, 0.5F } };
    CHECK(list.bound_outside(1) == 1.5); // first block: its maximum
    CHECK(list.bound_outside(10) == 1.5); // a block's last row is in it
    CHECK(list.bound_outside(11) == 2.0); // second block: the floor is lower than its maximum
    CHECK(list.bound_outside(25) == 0.5);
    CHECK(list.bound_outside(31) == 0.0); // no cable of the word lies past the last block
    ImpactList complete;
    complete.postings = { { 3, 1.0F } };
    CHECK(complete.bound_outside(3) == 0.0); // a complete list leaves nothing outside it
}

TEST_CASE("a damaged impact list is recognised and not used")
{
    ImpactList good;
    good.postings = { { 4, 3.0 }, { 2, 1.0 } };
    good.floor = 0.5;
    good.blocks = { { 2, 1.0F }, { 9, 3.0F } };
    CHECK(good.well_formed());
    auto nan = good;
    nan.postings[1].weight = std::numeric_limits<double>::quiet_NaN();
    CHECK_FALSE(nan.well_formed());
    auto unordered = good;
    std::swap(unordered.postings[0], unordered.postings[1]);
    CHECK_FALSE(unordered.well_formed());
    auto negative_floor = good;
    negative_floor.floor = -1;
    CHECK_FALSE(negative_floor.well_formed());
    auto blocks_backwards = good;
    std::swap(blocks_backwards.blocks[0], blocks_backwards.blocks[1]);
    CHECK_FALSE(blocks_backwards.well_formed());
    auto infinite_block = good;
    infinite_block.blocks[0].max = std::numeric_limits<float>::infinity();
    CHECK_FALSE(infinite_block.well_formed());
}

TEST_CASE("every weight in the impact lists is the score a query computes for its cable, bit for bit")
{
    // The builder scores with row lengths it read once (read_row_lengths); a query scores with
    // FTS5's own per row. The top-k search adds stored weights as if a query had computed them.
    const ck::test::TempDir dir;
    ck::test::build_pack(dir / "z.ckpack", ck::test::zipf_cables(2500));
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open_v2((dir / "z.ckpack").c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    const sql::DbPtr db(raw);
    REQUIRE(register_score_function(db.get()).ok());
    auto lists = sql::Stmt::prepare(db.get(), "SELECT term, postings FROM impacts ORDER BY term");
    auto score = sql::Stmt::prepare(db.get(),
        "SELECT ck_score(search_text, ?2) FROM search_text WHERE search_text MATCH ?1 AND rowid = ?3");
    REQUIRE(lists.ok());
    REQUIRE(score.ok());
    const double one = 1.0;
    int terms = 0;
    int compared = 0;
    int differing = 0;
    REQUIRE(sql::each_row(*lists, [&](const sql::Stmt& row) {
        ++terms;
        const std::string term = row.column_text(0);
        const auto* bytes = static_cast<const char*>(sqlite3_column_blob(row.raw(), 1));
        const auto postings = decode_impacts(
            std::string_view(bytes, static_cast<std::size_t>(sqlite3_column_bytes(row.raw(), 1))));
        const std::string expression = "{subject tags_text display_text} : \"" + term + "\"";
        for (const ImpactPosting& posting : postings) {
            score->reset();
            score->bind(1, std::string_view(expression))
                .bind_blob(2, std::string_view(reinterpret_cast<const char*>(&one), sizeof one))
                .bind(3, static_cast<std::int64_t>(posting.row));
            REQUIRE(sqlite3_step(score->raw()) == SQLITE_ROW);
            ++compared;
            differing += sqlite3_column_double(score->raw(), 0) == posting.weight ? 0 : 1;
        }
    }).ok());
    CHECK(terms >= 3);
    CHECK(compared >= 3000);
    CHECK(differing == 0);
}
