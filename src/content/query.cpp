// The visitor query parser. Tokenizing with FTS5's own unicode61 tokenizer (through the fts5_api
// of an in-memory connection) means the words we quote are exactly the words the index holds:
// case and diacritics fold the same way, and punctuation, operators and control characters are
// separators, never syntax.
#include "content/query.hpp"

#include "content/sql.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <new>

namespace ck::content {

struct QueryParser::Impl {
    sql::DbPtr db;
    fts5_tokenizer api {};
    Fts5Tokenizer* tokenizer = nullptr;

    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    Impl(Impl&&) = delete;
    Impl& operator=(Impl&&) = delete;
    ~Impl()
    {
        if (tokenizer != nullptr) {
            api.xDelete(tokenizer);
        }
    }
};

namespace {

// The arguments every index and query of a pack uses (schema.cpp: tokenize=...).
constexpr const char* tokenizer_args[] = { "remove_diacritics", "2" };

struct TokenSink {
    std::vector<QueryParser::Token>* out;
    std::string_view text;
};

// True for a token made only of combining marks, variation selectors, joiners and emoji: what is
// left of an emoji sequence or of a stray accent. unicode61 keeps these as token characters (its
// tables treat most code points beyond the BMP as letters), but no visitor means them as words.
bool marks_only(std::string_view token)
{
    std::size_t pos = 0;
    while (pos < token.size()) {
        const char32_t cp = utf8::decode(token, pos);
        const bool mark = (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF)
            || (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF)
            || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x200C
            || cp == 0x200D || (cp >= 0xE0000 && cp <= 0xE01EF) || (cp >= 0x1F000 && cp <= 0x1FAFF)
            || (cp >= 0x2600 && cp <= 0x27BF);
        if (!mark) {
            return false;
        }
    }
    return true;
}

int on_token(void* context, int flags, const char* token, int size, int begin, int end)
{
    // A C callback: nothing may throw through it.
    auto* sink = static_cast<TokenSink*>(context);
    if ((flags & FTS5_TOKEN_COLOCATED) != 0 || size <= 0 || begin < 0 || end < begin
        || marks_only(std::string_view(token, static_cast<std::size_t>(size)))) {
        return SQLITE_OK;
    }
    try {
        sink->out->push_back(QueryParser::Token { std::string(token, static_cast<std::size_t>(size)),
            static_cast<std::size_t>(begin), static_cast<std::size_t>(end) });
    } catch (const std::bad_alloc&) {
        return SQLITE_NOMEM;
    }
    return SQLITE_OK;
}

// Valid UTF-8 with NUL as a space, cut at a code point boundary to `limit` bytes.
std::string clean(std::string_view input, std::size_t limit, bool& truncated)
{
    std::string text = utf8::sanitize(input.substr(0, std::min(input.size(), limit + 4)));
    std::replace(text.begin(), text.end(), '\0', ' ');
    truncated = input.size() > limit;
    if (text.size() > limit) {
        // The start of the code point holding byte `limit` is the longest cut that splits none.
        text.resize(utf8::previous_boundary(text, limit + 1));
        truncated = true;
    }
    return text;
}

} // namespace

QueryParser::QueryParser()
    : m_impl(std::make_unique<Impl>())
{
}
QueryParser::~QueryParser() = default;
QueryParser::QueryParser(QueryParser&&) noexcept = default;
QueryParser& QueryParser::operator=(QueryParser&&) noexcept = default;

Result<QueryParser> QueryParser::create()
{
    QueryParser p;
    auto db
        = sql::open(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "open the tokenizer connection");
    if (!db) {
        return db.error();
    }
    p.m_impl->db = std::move(*db);
    sqlite3* raw = p.m_impl->db.get();
    fts5_api* api = sql::fts5_api_of(raw);
    if (api == nullptr) {
        return make_error("this SQLite has no FTS5", "query parser");
    }
    void* user = nullptr;
    if (api->xFindTokenizer(api, "unicode61", &user, &p.m_impl->api) != SQLITE_OK
        || p.m_impl->api.xCreate(user, const_cast<const char**>(tokenizer_args), 2, &p.m_impl->tokenizer)
            != SQLITE_OK) {
        return make_error("FTS5's unicode61 tokenizer is not available", "query parser");
    }
    return p;
}

std::vector<QueryParser::Token> QueryParser::tokenize(std::string_view text) const
{
    std::vector<Token> out;
    TokenSink sink { &out, text };
    m_impl->api.xTokenize(
        m_impl->tokenizer, &sink, FTS5_TOKENIZE_QUERY, text.data(), static_cast<int>(text.size()), &on_token);
    return out;
}

VisitorQuery QueryParser::parse(std::string_view input) const
{
    VisitorQuery q;
    const std::string text = clean(input, query_max_bytes, q.truncated);
    auto add = [&](QueryPhrase phrase) {
        if (phrase.tokens.empty()) {
            return;
        }
        if (phrase.tokens.size() > phrase_max_tokens) {
            phrase.tokens.resize(phrase_max_tokens);
            q.truncated = true;
        }
        if (std::find(q.phrases.begin(), q.phrases.end(), phrase) != q.phrases.end()) {
            return; // "a a a a" is one word, not a thousand
        }
        if (q.phrases.size() == query_max_phrases) {
            q.truncated = true;
            return;
        }
        q.phrases.push_back(std::move(phrase));
    };
    std::size_t pos = 0;
    bool quoted = false;
    while (pos <= text.size()) {
        const std::size_t quote = std::min(text.find('"', pos), text.size());
        const std::string_view segment = std::string_view(text).substr(pos, quote - pos);
        auto tokens = tokenize(segment);
        if (quoted) {
            QueryPhrase phrase;
            for (auto& t : tokens) {
                phrase.tokens.push_back(std::move(t.text));
            }
            add(std::move(phrase));
        } else {
            for (std::size_t i = 0; i < tokens.size(); ++i) {
                QueryPhrase phrase { { tokens[i].text }, false, {} };
                // Still being typed: the last word of the input, with no separator after it.
                phrase.prefix = quote == text.size() && i + 1 == tokens.size()
                    && pos + tokens[i].end == text.size() && !q.truncated
                    && utf8::length(tokens[i].text) >= prefix_min_chars;
                add(std::move(phrase));
            }
        }
        quoted = !quoted;
        pos = quote + 1;
    }
    return q;
}

std::string fts5_quote(std::string_view token)
{
    std::string out = "\"";
    for (const char c : token) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    out += '"';
    return out;
}

namespace {

std::string quoted_phrase(const std::vector<std::string>& tokens)
{
    std::string out;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        out += (i == 0 ? "" : " + ") + fts5_quote(tokens[i]);
    }
    return out;
}

} // namespace

std::string fts5_expression(const VisitorQuery& query, const std::vector<std::string>& expansions)
{
    std::string out;
    for (const auto& phrase : query.phrases) {
        if (!out.empty()) {
            out += " AND ";
        }
        std::string own;
        if (phrase.prefix && !expansions.empty()) {
            for (std::size_t i = 0; i < expansions.size(); ++i) {
                own += (i == 0 ? "" : " OR ") + fts5_quote(expansions[i]);
            }
        } else if (phrase.prefix) {
            own = fts5_quote(phrase.tokens.front()) + "*";
        } else {
            own = quoted_phrase(phrase.tokens);
        }
        if (phrase.variants.empty() && !(phrase.prefix && !expansions.empty())) {
            out += own;
            continue;
        }
        out += '(' + own;
        for (const auto& variant : phrase.variants) {
            out += " OR " + quoted_phrase(variant);
        }
        out += ')';
    }
    return out;
}

} // namespace ck::content
