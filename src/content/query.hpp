// What a visitor types becomes a safe FTS5 query: the text is cut to a bounded size, split into
// words by the same tokenizer the index uses (FTS5 unicode61, diacritics removed), and every word
// is written back quoted. Only this code writes FTS5 operators, so no input can raise an FTS5
// syntax error, name a column, or run an unbounded NEAR or prefix query.
#pragma once

#include "core/result.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ck::content {

// Limits that keep every query bounded whatever is typed or pasted (HOSTILE_INPUTS b3.13).
inline constexpr std::size_t query_max_bytes = 256;
inline constexpr std::size_t query_max_phrases = 8;
inline constexpr std::size_t phrase_max_tokens = 8;
// Prefix search applies to the last word from this many characters on.
inline constexpr std::size_t prefix_min_chars = 3;

// One phrase: a single word, or the words of a "quoted run" that must appear in order.
struct QueryPhrase {
    std::vector<std::string> tokens; // folded as the index folds them; never empty
    bool prefix = false; // the last (only) token is a prefix still being typed
    // Other forms that count as this phrase (the pack's variants list: "fiber" for "fibre", "north
    // korea" for "dprk"), each a phrase of its own tokens; ORed with it.
    std::vector<std::vector<std::string>> variants;
    friend bool operator==(const QueryPhrase&, const QueryPhrase&) = default;
};

struct VisitorQuery {
    std::vector<QueryPhrase> phrases; // all must match (AND); duplicates removed
    bool truncated = false; // input or phrase count was cut to the limits
    [[nodiscard]] bool empty() const { return phrases.empty(); }
};

// Owns an in-memory SQLite connection for FTS5's unicode61 tokenizer. Not thread-safe: one per
// thread (each Pack has its own).
class QueryParser {
public:
    static Result<QueryParser> create();
    ~QueryParser();
    QueryParser(QueryParser&&) noexcept;
    QueryParser& operator=(QueryParser&&) noexcept;
    QueryParser(const QueryParser&) = delete;
    QueryParser& operator=(const QueryParser&) = delete;

    // Words and quoted phrases of a visitor's input. A final word gets `prefix` when it has at
    // least prefix_min_chars characters and the input does not end after it with a separator.
    [[nodiscard]] VisitorQuery parse(std::string_view input) const;

    // The tokens of `text` as the index sees them, with the byte range of each in `text`.
    struct Token {
        std::string text;
        std::size_t begin = 0;
        std::size_t end = 0;
    };
    [[nodiscard]] std::vector<Token> tokenize(std::string_view text) const;

private:
    QueryParser();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Quotes one token for FTS5: "word", with any '"' doubled.
std::string fts5_quote(std::string_view token);

// The FTS5 expression for a query, each phrase quoted token by token and joined with AND. A prefix
// phrase is written as the OR of `expansions` (the index words it stands for); with none given it
// is written as FTS5's own prefix query "tok"*. A phrase with variants is ORed with each of them,
// after its own form. Returns an empty string for an empty query.
std::string fts5_expression(const VisitorQuery& query, const std::vector<std::string>& expansions = {});

} // namespace ck::content
