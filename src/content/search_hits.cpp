// The hits of a search's page as the kiosk shows them: each cable's summary, and the matching
// words in context (ck_snippet(), search_snippet.cpp), or the start of its text where there are
// none (an id match, or a row matched by its filters alone). Made only for the rows of the page.
#include "content/pack_impl.hpp"
#include "content/search_plan.hpp"
#include "core/ascii.hpp"

namespace ck::content {

namespace {

constexpr std::size_t snippet_tokens = 24;

// The matching words of one hit in context, with their ranges (ck_snippet over the index).
Status snippet_of(Pack::Impl& p, const SearchPlan& plan, std::int64_t num, SearchHit& hit)
{
    auto st = p.stmt("SELECT ck_snippet(search_text, ?2) FROM search_text WHERE search_text MATCH ?1 "
                     "AND rowid = ?3");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, plan.snippet_expression()).bind(2, static_cast<std::int64_t>(snippet_tokens)).bind(3, num);
    return sql::each_row(**st, [&](const sql::Stmt& s) {
        decode_snippet(s.column_view(0), hit.snippet, hit.highlights);
        return sql::Next::stop;
    });
}

// Without words to show in context, the start of the cable's text with whitespace runs collapsed.
Status opening_of(Pack::Impl& p, std::int64_t num, SearchHit& hit)
{
    auto st = p.stmt("SELECT substr(display_text, 1, 240) FROM cables WHERE num = ?1");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, num);
    return sql::each_row(**st, [&](const sql::Stmt& s) {
        std::string text;
        bool space = false;
        for (const char c : s.column_view(0)) {
            if (ascii::is_space(c)) {
                space = !text.empty();
                continue;
            }
            if (space) {
                text += ' ';
                space = false;
            }
            text += c;
        }
        hit.snippet = std::move(text);
        return sql::Next::stop;
    });
}

} // namespace

Status add_snippets(Pack::Impl& p, const std::vector<Listed>& page, SearchResults& out)
{
    std::vector<std::int64_t> nums;
    nums.reserve(page.size());
    for (const Listed& l : page) {
        nums.push_back(l.num);
    }
    auto summaries = p.summaries_by_num(nums);
    if (!summaries) {
        return summaries.error();
    }
    for (std::size_t i = 0; i < page.size() && i < summaries->size(); ++i) {
        SearchHit hit;
        hit.cable = std::move((*summaries)[i]);
        const SearchPlan* plan = page[i].plan;
        if (plan != nullptr && plan->has_text()) {
            if (auto status = snippet_of(p, *plan, page[i].num, hit); !status) {
                return status;
            }
        }
        if (hit.snippet.empty()) {
            if (auto status = opening_of(p, page[i].num, hit); !status) {
                return status;
            }
        }
        out.hits.push_back(std::move(hit));
    }
    return {};
}

} // namespace ck::content
