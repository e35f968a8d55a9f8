// The words side of search: filter values a visitor can pick, completions of the word being typed
// (from the vocabulary, never from the index), and a word's cable count. Split from search.cpp,
// which runs the queries themselves.
#include "content/query_intent.hpp"
#include "content/search_plan.hpp"
#include "core/utf8.hpp"

#include <algorithm>

namespace ck::content {

namespace {

// Completion starts where prefix search starts (three characters), as the README documents: two
// would offer mostly function words and fragments.
constexpr std::size_t completion_min_chars = prefix_min_chars;
// Stop words are skipped after the LIMIT, so a few more rows are read than are offered.
constexpr std::size_t completion_stop_word_margin = 32;

} // namespace

Result<std::vector<FacetCount>> Pack::filter_values(FilterField field, std::string_view typed)
{
    auto scope = m_impl->scope();
    schema::FacetKind kind = schema::FacetKind::classification;
    switch (field) {
    case FilterField::classification:
        kind = schema::FacetKind::classification;
        break;
    case FilterField::origin:
        kind = schema::FacetKind::origin;
        break;
    case FilterField::tag:
        kind = schema::FacetKind::tag;
        break;
    }
    auto values = matching_facet_values(*m_impl, kind, typed);
    if (!values) {
        return values.error();
    }
    std::vector<FacetCount> out;
    for (auto& v : *values) {
        out.push_back(FacetCount { std::move(v.value), v.cables });
    }
    return out;
}

Result<std::vector<Completion>> Pack::complete(std::string_view typed, std::size_t limit)
{
    Impl& p = *m_impl;
    auto scope = p.scope();
    auto parser = parser_of(p);
    if (!parser) {
        return parser.error();
    }
    // Only the word being typed is completed: none once a separator follows it.
    const std::string text = utf8::sanitize(typed.substr(0, std::min(typed.size(), query_max_bytes)));
    const auto tokens = (*parser)->tokenize(text);
    std::vector<Completion> out;
    if (tokens.empty() || tokens.back().end != text.size()
        || utf8::length(tokens.back().text) < completion_min_chars) {
        return out;
    }
    // Only words a visitor could mean (vocab.offered: not OCR debris), never the word as typed.
    auto st = p.stmt("SELECT term, docs FROM vocab WHERE term > ?1 AND term < ?2 AND offered = 1"
                     " ORDER BY docs DESC, term LIMIT ?3");
    if (!st) {
        return st.error();
    }
    const std::string& prefix = tokens.back().text;
    const std::size_t wanted = std::min<std::size_t>(limit, search_page_max);
    (*st)
        ->bind(1, std::string_view(prefix))
        .bind(2, prefix + "\xff")
        .bind(3, static_cast<std::int64_t>(wanted + completion_stop_word_margin));
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) {
        if (out.size() < wanted && !is_stop_word(s.column_view(0))) {
            out.push_back(Completion { s.column_text(0), s.column_int(1) });
        }
    });
    if (!status) {
        return status.error();
    }
    return out;
}

Result<std::int64_t> Pack::word_cables(std::string_view word)
{
    auto scope = m_impl->scope();
    auto st = m_impl->stmt("SELECT docs FROM vocab WHERE term = ?1");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, word);
    auto docs = sql::query_one(**st, [](const sql::Stmt& s) { return s.column_int(0); });
    if (!docs) {
        return docs.error();
    }
    return docs->value_or(0);
}

} // namespace ck::content
