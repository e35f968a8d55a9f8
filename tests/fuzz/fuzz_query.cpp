// libFuzzer target for the visitor query path: any bytes typed or pasted into the search box.
// Invariants: the parsed query stays within its limits, the FTS5 expression we write is always
// accepted by FTS5 (no syntax error, no column name), and a search on a small pack never fails.
// Seed corpus: the HOSTILE_INPUTS b3 strings in tests/content/fuzz_seeds/query.
#include "content/pack.hpp"
#include "content/pack_writer.hpp"
#include "content/query.hpp"

#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <unistd.h>

namespace {

void require(bool ok)
{
    if (!ok) {
        std::abort();
    }
}

struct State {
    ck::content::QueryParser parser;
    sqlite3* db = nullptr;
    sqlite3_stmt* match = nullptr;
    ck::content::Pack pack;
};

State* state = nullptr;

ck::content::Pack make_pack()
{
    const auto dir = std::filesystem::temp_directory_path() / ("fuzz_query_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto writer = ck::content::PackWriter::create(dir / "q.ckpack", {});
    require(writer.ok());
    const char* texts[]
        = { "Strategic goods to the USSR", "Genève talks", "the S-300 missile", "外交电报 north korea" };
    int n = 0;
    for (const char* t : texts) {
        ck::cable::Cable c;
        c.id = "99FUZZ" + std::to_string(++n);
        c.date = ck::cable::CableDate { 2000 + n, 1, 1, -1, -1 };
        c.subject = t;
        c.display_text = std::string(t) + " and more text about whaling.";
        c.source_file = "fuzz.txt";
        require(writer->add(c).ok());
    }
    require(writer->commit().ok());
    auto pack = ck::content::Pack::open(dir / "q.ckpack");
    require(pack.ok());
    std::filesystem::remove_all(dir); // the open pack keeps its file descriptor
    return std::move(*pack);
}

} // namespace

// The names and signatures are libFuzzer's.
// NOLINTNEXTLINE(readability-identifier-naming)
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/)
{
    auto parser = ck::content::QueryParser::create();
    require(parser.ok());
    sqlite3* db = nullptr;
    require(sqlite3_open(":memory:", &db) == SQLITE_OK);
    require(sqlite3_exec(db,
                "CREATE VIRTUAL TABLE f USING fts5(subject, tags_text, display_text, facet_tokens,"
                " tokenize='unicode61 remove_diacritics 2');"
                "INSERT INTO f VALUES ('north korea', 'PREL', 'the united states and japan', 'xc1');",
                nullptr, nullptr, nullptr)
        == SQLITE_OK);
    sqlite3_stmt* match = nullptr;
    require(
        sqlite3_prepare_v2(db, "SELECT count(*) FROM f WHERE f MATCH ?1", -1, &match, nullptr) == SQLITE_OK);
    state = new State { std::move(*parser), db, match, make_pack() }; // NOLINT: lives for the process
    return 0;
}

// NOLINTNEXTLINE(readability-identifier-naming)
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const ck::content::VisitorQuery q = state->parser.parse(input);
    require(q.phrases.size() <= ck::content::query_max_phrases);
    for (const auto& phrase : q.phrases) {
        require(!phrase.tokens.empty() && phrase.tokens.size() <= ck::content::phrase_max_tokens);
        require(!phrase.prefix || phrase.tokens.size() == 1);
    }
    if (!q.empty()) {
        const std::string expr = "{subject tags_text display_text} : ("
            + ck::content::fts5_expression(q, { "alpha", "beta" }) + ")";
        sqlite3_bind_text(state->match, 1, expr.data(), static_cast<int>(expr.size()), SQLITE_TRANSIENT);
        const int rc = sqlite3_step(state->match);
        sqlite3_reset(state->match);
        require(rc == SQLITE_ROW); // any FTS5 error here is a bug in the query writer
        const std::string native
            = "{subject tags_text display_text} : (" + ck::content::fts5_expression(q) + ")";
        sqlite3_bind_text(state->match, 1, native.data(), static_cast<int>(native.size()), SQLITE_TRANSIENT);
        require(sqlite3_step(state->match) == SQLITE_ROW);
        sqlite3_reset(state->match);
    }
    ck::content::SearchQuery sq;
    sq.text = std::string(input);
    sq.budget = std::chrono::milliseconds { 5000 };
    require(state->pack.search(sq).ok());
    require(state->pack.complete(input, 8).ok());
    return 0;
}
