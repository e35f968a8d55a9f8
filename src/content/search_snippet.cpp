// ck_snippet(): an FTS5 auxiliary function that returns a snippet with the byte ranges of its
// matches, instead of FTS5's snippet() with marker strings that the text itself could contain.
// It picks the column (body, else subject, else tags) and the window of tokens holding the most
// distinct matched phrases, collapses whitespace to single spaces, and returns a blob:
// u32 count, count x (u32 begin, u32 end), then the snippet's UTF-8 bytes (little endian).
#include "content/search_plan.hpp"
#include "core/ascii.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <new>

namespace ck::content {

namespace {

constexpr int column_subject = 0;
constexpr int column_tags = 1;
constexpr int column_body = 2;
// Only this many matches of one column are considered for the window.
constexpr int instances_max = 256;
constexpr std::string_view ellipsis = "\xe2\x80\xa6";

struct Instance {
    int phrase = 0;
    int token = 0;
};

struct TokenRange {
    int begin = 0;
    int end = 0;
};

struct TokenWalk {
    std::vector<TokenRange> tokens;
    int stop_after = 0; // token index past which tokenizing stops
};

int on_column_token(void* context, int flags, const char* /*token*/, int /*size*/, int begin, int end)
{
    auto* walk = static_cast<TokenWalk*>(context);
    if ((flags & FTS5_TOKEN_COLOCATED) != 0) {
        return SQLITE_OK;
    }
    try {
        walk->tokens.push_back(TokenRange { begin, end });
    } catch (const std::bad_alloc&) {
        return SQLITE_NOMEM;
    }
    // SQLITE_DONE ends the walk early: a 50 MB cable is not tokenized past the window.
    return static_cast<int>(walk->tokens.size()) > walk->stop_after ? SQLITE_DONE : SQLITE_OK;
}

// The first window of `width` tokens holding the most distinct phrases, then the most matches.
int best_window_start(const std::vector<Instance>& inst, int width)
{
    int best_start = 0;
    int best_distinct = -1;
    int best_count = -1;
    for (std::size_t i = 0; i < inst.size(); ++i) {
        const int start = std::max(0, inst[i].token - width / 4);
        std::array<bool, 64> seen {};
        int distinct = 0;
        int count = 0;
        for (const auto& other : inst) {
            if (other.token >= start && other.token < start + width) {
                ++count;
                const auto slot = static_cast<std::size_t>(other.phrase) % seen.size();
                distinct += seen[slot] ? 0 : 1;
                seen[slot] = true;
            }
        }
        if (distinct > best_distinct || (distinct == best_distinct && count > best_count)) {
            best_start = start;
            best_distinct = distinct;
            best_count = count;
        }
    }
    return best_start;
}

void put_u32(std::string& out, std::size_t value)
{
    for (int i = 0; i < 4; ++i) {
        out.push_back(static_cast<char>((value >> (8U * static_cast<unsigned>(i))) & 0xffU));
    }
}

std::uint32_t get_u32(std::string_view in, std::size_t at)
{
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[at + i])) << (8U * i);
    }
    return v;
}

// Copies text[begin, end) collapsing whitespace runs, and maps the match ranges into the copy.
std::string build_blob(std::string_view text, int begin, int end, bool cut_before, bool cut_after,
    const std::vector<TokenRange>& matches)
{
    std::string snippet;
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    if (cut_before) {
        snippet += ellipsis;
    }
    std::size_t next_match = 0;
    bool pending_space = false;
    for (int i = begin; i < end; ++i) {
        while (next_match < matches.size() && matches[next_match].end <= i) {
            ++next_match;
        }
        const char c = text[static_cast<std::size_t>(i)];
        if (ascii::is_space(c)) {
            pending_space = snippet.size() > (cut_before ? ellipsis.size() : 0);
            continue;
        }
        if (pending_space) {
            snippet += ' ';
            pending_space = false;
        }
        if (next_match < matches.size() && i == matches[next_match].begin) {
            ranges.emplace_back(snippet.size(), 0);
        }
        snippet += c;
        if (next_match < matches.size() && i + 1 == matches[next_match].end && !ranges.empty()) {
            ranges.back().second = snippet.size();
        }
    }
    if (cut_after) {
        snippet += ellipsis;
    }
    std::string blob;
    std::size_t complete = 0;
    for (const auto& r : ranges) {
        complete += r.second > r.first ? 1 : 0;
    }
    put_u32(blob, complete);
    for (const auto& r : ranges) {
        if (r.second > r.first) {
            put_u32(blob, r.first);
            put_u32(blob, r.second);
        }
    }
    blob += snippet;
    return blob;
}

// The column the snippet comes from (the body when it matches, else the subject, else the tags)
// and its match instances in token order; nullopt when FTS5 gives no match information.
std::optional<int> snippet_column(const Fts5ExtensionApi* api, Fts5Context* fts, std::vector<Instance>& inst)
{
    int count = 0;
    if (api->xInstCount(fts, &count) != SQLITE_OK) {
        return std::nullopt;
    }
    std::array<std::vector<Instance>, 3> by_column;
    for (int i = 0; i < count; ++i) {
        int phrase = 0;
        int column = 0;
        int token = 0;
        if (api->xInst(fts, i, &phrase, &column, &token) == SQLITE_OK && column >= 0 && column < 3
            && static_cast<int>(by_column[static_cast<std::size_t>(column)].size()) < instances_max) {
            by_column[static_cast<std::size_t>(column)].push_back(Instance { phrase, token });
        }
    }
    int column = column_body;
    for (const int c : { column_body, column_subject, column_tags }) {
        if (!by_column[static_cast<std::size_t>(c)].empty()) {
            column = c;
            break;
        }
    }
    inst = std::move(by_column[static_cast<std::size_t>(column)]);
    std::sort(
        inst.begin(), inst.end(), [](const Instance& a, const Instance& b) { return a.token < b.token; });
    return column;
}

// The byte ranges of the matched tokens within [start, last], in text order, each once.
std::vector<TokenRange> matches_in(
    const std::vector<Instance>& inst, const std::vector<TokenRange>& tokens, int start, int last)
{
    std::vector<TokenRange> matches;
    for (const auto& i : inst) {
        if (i.token >= start && i.token <= last) {
            matches.push_back(tokens[static_cast<std::size_t>(i.token)]);
        }
    }
    std::sort(matches.begin(), matches.end(),
        [](const TokenRange& a, const TokenRange& b) { return a.begin < b.begin; });
    matches.erase(std::unique(matches.begin(), matches.end(),
                      [](const TokenRange& a, const TokenRange& b) { return a.begin == b.begin; }),
        matches.end());
    return matches;
}

void snippet_function(
    const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc, sqlite3_value** argv)
{
    try {
        const int width = argc > 0 ? std::clamp(sqlite3_value_int(argv[0]), 4, 200) : 24;
        std::vector<Instance> inst;
        const auto column = snippet_column(api, fts, inst);
        if (!column) {
            sqlite3_result_error(ctx, "ck_snippet: no match information", -1);
            return;
        }
        const int start = inst.empty() ? 0 : best_window_start(inst, width);
        const char* text = nullptr;
        int size = 0;
        if (api->xColumnText(fts, *column, &text, &size) != SQLITE_OK || text == nullptr) {
            sqlite3_result_null(ctx);
            return;
        }
        TokenWalk walk;
        walk.stop_after = start + width;
        const int rc = api->xTokenize(fts, text, size, &walk, &on_column_token);
        if (rc != SQLITE_OK && rc != SQLITE_DONE) {
            sqlite3_result_error_code(ctx, rc);
            return;
        }
        const auto& tokens = walk.tokens;
        if (tokens.empty() || start >= static_cast<int>(tokens.size())) {
            sqlite3_result_blob(ctx, "\0\0\0\0", 4, SQLITE_TRANSIENT);
            return;
        }
        const int last = std::min(static_cast<int>(tokens.size()), start + width) - 1;
        const std::vector<TokenRange> matches = matches_in(inst, tokens, start, last);
        const bool more_after = rc == SQLITE_DONE || static_cast<int>(tokens.size()) > last + 1;
        // Extend to the end of the text when only spaces or punctuation follow the last token.
        const int end_byte = more_after ? tokens[static_cast<std::size_t>(last)].end : size;
        const int begin_byte = start == 0 ? 0 : tokens[static_cast<std::size_t>(start)].begin;
        const std::string blob = build_blob(std::string_view(text, static_cast<std::size_t>(size)),
            begin_byte, end_byte, start > 0, more_after, matches);
        sqlite3_result_blob64(ctx, blob.data(), blob.size(), SQLITE_TRANSIENT);
    } catch (const std::bad_alloc&) {
        sqlite3_result_error_nomem(ctx);
    }
}

} // namespace

Status register_snippet_function(sqlite3* db)
{
    fts5_api* api = sql::fts5_api_of(db);
    if (api == nullptr
        || api->xCreateFunction(api, "ck_snippet", nullptr, &snippet_function, nullptr) != SQLITE_OK) {
        return make_error("cannot register the snippet function", "search");
    }
    return {};
}

bool decode_snippet(std::string_view blob, std::string& snippet, std::vector<Highlight>& highlights)
{
    if (blob.size() < 4) {
        return false;
    }
    const std::size_t count = get_u32(blob, 0);
    if (count > (blob.size() - 4) / 8) {
        return false;
    }
    const std::size_t text_at = 4 + count * 8;
    snippet.assign(blob.substr(text_at));
    for (std::size_t i = 0; i < count; ++i) {
        const Highlight h { get_u32(blob, 4 + i * 8), get_u32(blob, 8 + i * 8) };
        if (h.begin < h.end && h.end <= snippet.size()) {
            highlights.push_back(h);
        }
    }
    return true;
}

} // namespace ck::content
