// Planning a search: parse the visitor's text, expand a prefix from the vocabulary, map filters to
// facet tokens and a row range (rows are in date order, so a year range is a row range), and bound
// the hit count from document frequencies without touching the index.
#include "content/search_plan.hpp"

#include "content/query_intent.hpp"
#include "content/schema.hpp"
#include "content/variants.hpp"

#include <algorithm>
#include <cmath>

namespace ck::content {

namespace {

constexpr std::string_view text_columns = "{subject tags_text display_text}";
constexpr std::string_view head_columns = "{subject tags_text}";

Result<std::int64_t> docs_of(Pack::Impl& p, const std::string& word)
{
    auto st = p.stmt("SELECT docs FROM vocab WHERE term = ?1");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, std::string_view(word));
    auto docs = sql::query_one(**st, [](const sql::Stmt& s) { return s.column_int(0); });
    if (!docs) {
        return docs.error();
    }
    return docs->value_or(0);
}

// The facet tokens ("xo12") a typed filter value stands for, with their cable counts: the values
// equal to it in any case; failing that, for an origin, every origin holding all its words. None
// when the value is not in the pack.
Result<std::vector<std::pair<std::string, std::int64_t>>> facet_tokens(
    Pack::Impl& p, schema::FacetKind kind, const std::string& value)
{
    auto values = matching_facet_values(p, kind, value);
    if (!values) {
        return values.error();
    }
    const char letter = kind == schema::FacetKind::classification ? 'c'
        : kind == schema::FacetKind::origin                       ? 'o'
                                                                  : 't';
    std::vector<std::pair<std::string, std::int64_t>> out;
    for (const FacetValue& v : *values) {
        out.emplace_back(std::string("x") + letter + std::to_string(v.id), v.cables);
    }
    return out;
}

Status plan_range(Pack::Impl& p, const SearchQuery& q, SearchPlan& plan)
{
    plan.lo = 1;
    plan.hi = p.info.cables;
    if (!q.year_from && !q.year_to) {
        return {};
    }
    auto st = p.stmt("SELECT min(first_num), max(last_num) FROM years WHERE year BETWEEN ?1 AND ?2");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, q.year_from.value_or(0)).bind(2, q.year_to.value_or(1000000));
    auto range = sql::query_one(**st, [](const sql::Stmt& s) {
        return s.column_is_null(0) ? std::optional<std::pair<std::int64_t, std::int64_t>> {}
                                   : std::pair { s.column_int(0), s.column_int(1) };
    });
    if (!range) {
        return range.error();
    }
    if (!*range || !**range) {
        plan.matches_nothing = true;
        return {};
    }
    plan.lo = (**range)->first;
    plan.hi = (**range)->second;
    return {};
}

// Facet filters as FTS5 facet tokens; `bound` drops to the rarest filter value's count.
Status plan_filters(Pack::Impl& p, const SearchQuery& q, SearchPlan& plan, std::int64_t& bound)
{
    const std::pair<schema::FacetKind, const std::string*> filters[] = {
        { schema::FacetKind::classification, &q.classification },
        { schema::FacetKind::origin, &q.origin },
        { schema::FacetKind::tag, &q.tag },
    };
    for (const auto& [kind, value] : filters) {
        if (value->empty()) {
            continue;
        }
        auto tokens = facet_tokens(p, kind, *value);
        if (!tokens) {
            return tokens.error();
        }
        if (tokens->empty()) {
            plan.matches_nothing = true;
            continue;
        }
        // Several values (a partial origin) are ORed; their counts add up to a bound.
        std::string any;
        std::int64_t cables = 0;
        for (const auto& token : *tokens) {
            any += (any.empty() ? "" : " OR ") + fts5_quote(token.first);
            cables += token.second;
        }
        plan.facets += (plan.facets.empty() ? "" : " AND ") + std::string("{facet_tokens} : (") + any + ")";
        bound = std::min(bound, cables);
    }
    return {};
}

// A prefix phrase becomes its most frequent index words (one word: the phrase is that word). Adds
// each word's document count to `docs` and returns their sum.
Result<std::int64_t> expand_prefix(
    Pack::Impl& p, QueryPhrase& phrase, SearchPlan& plan, std::vector<std::int64_t>& docs)
{
    auto st = p.stmt("SELECT term, docs FROM vocab WHERE term >= ?1 AND term < ?2 ORDER BY docs "
                     "DESC, term LIMIT ?3");
    if (!st) {
        return st.error();
    }
    const std::string& prefix = phrase.tokens.front();
    // 0xFF never occurs in UTF-8, so prefix + 0xFF sorts after every word with the prefix.
    (*st)
        ->bind(1, std::string_view(prefix))
        .bind(2, prefix + "\xff")
        .bind(3, static_cast<int>(prefix_expansions_max));
    std::int64_t phrase_docs = 0;
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) {
        plan.expansions.push_back(s.column_text(0));
        phrase_docs += s.column_int(1);
        docs.push_back(s.column_int(1));
    });
    if (!status) {
        return status.error();
    }
    if (plan.expansions.empty() && phrase.variants.empty()) {
        plan.matches_nothing = true;
    } else if (plan.expansions.empty()) {
        docs.push_back(
            0); // written as FTS5's own prefix query, a phrase with no hits, ORed with the variants
    } else if (plan.expansions.size() == 1) {
        // One word has this prefix: the phrase is that word, with an exact count.
        phrase.tokens = { plan.expansions.front() };
        phrase.prefix = false;
        plan.expansions.clear();
    }
    return phrase_docs;
}

std::string joined(const std::vector<std::string>& tokens)
{
    std::string out;
    for (const auto& t : tokens) {
        out += (out.empty() ? "" : " ") + t;
    }
    return out;
}

// The other forms of the variants group(s) holding `form` (folded, tokens joined by a space), each
// as its tokens.
Result<std::vector<std::vector<std::string>>> variants_of(Pack::Impl& p, const std::string& form)
{
    auto st = p.stmt("SELECT DISTINCT b.form FROM variants a JOIN variants b ON b.grp = a.grp"
                     " WHERE a.form = ?1 AND a.leads = 1 AND b.form <> ?1 ORDER BY b.form");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, std::string_view(form));
    std::vector<std::vector<std::string>> out;
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) {
        std::vector<std::string> tokens;
        std::string token;
        for (const char c : s.column_view(0)) {
            if (c == ' ') {
                tokens.push_back(std::move(token));
                token.clear();
            } else {
                token += c;
            }
        }
        tokens.push_back(std::move(token));
        out.push_back(std::move(tokens));
    });
    if (!status) {
        return status.error();
    }
    return out;
}

// Words typed one after another without quotes that together are a form of the variants list
// ("north korea"), the longest run first: one phrase with the other forms of its group.
Result<std::optional<QueryPhrase>> run_at(
    Pack::Impl& p, const std::vector<QueryPhrase>& phrases, std::size_t i)
{
    const std::size_t most = std::min(variant_form_max_words, phrases.size() - i);
    for (std::size_t n = most; n >= 2; --n) {
        std::vector<std::string> tokens;
        for (std::size_t k = i; k < i + n && phrases[k].tokens.size() == 1; ++k) {
            tokens.push_back(phrases[k].tokens.front());
        }
        if (tokens.size() != n) {
            continue;
        }
        auto variants = variants_of(p, joined(tokens));
        if (!variants) {
            return variants.error();
        }
        if (!variants->empty()) {
            return std::optional<QueryPhrase> { QueryPhrase {
                std::move(tokens), false, std::move(*variants) } };
        }
    }
    return std::optional<QueryPhrase> {};
}

// Each phrase that is a form of the variants list (data shipped with the pack, never rules in
// code) gets the other forms of its group, ORed with it in the expression.
Status plan_variants(Pack::Impl& p, SearchPlan& plan)
{
    const std::vector<QueryPhrase>& phrases = plan.query.phrases;
    std::vector<QueryPhrase> out;
    for (std::size_t i = 0; i < phrases.size();) {
        auto run = run_at(p, phrases, i);
        if (!run) {
            return run.error();
        }
        if (*run) {
            i += (*run)->tokens.size();
            out.push_back(std::move(**run));
            continue;
        }
        QueryPhrase phrase = phrases[i++];
        auto variants = variants_of(p, joined(phrase.tokens));
        if (!variants) {
            return variants.error();
        }
        phrase.variants = std::move(*variants);
        out.push_back(std::move(phrase));
    }
    plan.query.phrases = std::move(out);
    return {};
}

// Every phrase's document count, in FTS5 expression order, for the IDF; `bound` drops to the
// rarest phrase's count.
Result<std::vector<std::int64_t>> plan_phrases(Pack::Impl& p, SearchPlan& plan, std::int64_t& bound)
{
    std::vector<std::int64_t> docs_in_order;
    for (auto& phrase : plan.query.phrases) {
        std::int64_t phrase_docs = p.info.cables;
        if (phrase.prefix) {
            const std::size_t first = docs_in_order.size();
            auto expanded = expand_prefix(p, phrase, plan, docs_in_order);
            if (!expanded) {
                return expanded.error();
            }
            phrase_docs = *expanded;
            // A prefix's completions are one best-of group for ck_score(): the first starts it.
            for (std::size_t i = first; i < docs_in_order.size(); ++i) {
                plan.joins.push_back(i > first ? '\1' : '\0');
            }
        } else {
            for (const auto& token : phrase.tokens) {
                auto docs = docs_of(p, token);
                if (!docs) {
                    return docs.error();
                }
                phrase_docs = std::min(phrase_docs, *docs);
            }
            docs_in_order.push_back(phrase_docs); // a phrase: at most its rarest word's count
            plan.joins.push_back('\0');
        }
        // Each variant is one more phrase ORed with this one: the hits are at most the sum.
        for (const auto& variant : phrase.variants) {
            std::int64_t variant_docs = p.info.cables;
            for (const auto& token : variant) {
                auto docs = docs_of(p, token);
                if (!docs) {
                    return docs.error();
                }
                variant_docs = std::min(variant_docs, *docs);
            }
            docs_in_order.push_back(variant_docs);
            plan.joins.push_back('\0');
            phrase_docs = std::min(p.info.cables, phrase_docs + variant_docs);
        }
        bound = std::min(bound, phrase_docs);
    }
    return docs_in_order;
}

// BM25's IDF per phrase, and the bounds on the hit count that choose the search strategy.
void plan_statistics(Pack::Impl& p, const SearchQuery& q, const std::vector<std::int64_t>& docs_in_order,
    std::int64_t bound, SearchPlan& plan)
{
    // The IDF is clamped as FTS5 clamps it, so a word in most cables still counts a little.
    const auto n = static_cast<double>(std::max<std::int64_t>(p.info.cables, 1));
    for (const std::int64_t docs : docs_in_order) {
        const double d = static_cast<double>(docs);
        const double idf = std::max(1e-6, std::log((n - d + 0.5) / (d + 0.5)));
        plan.idf.append(reinterpret_cast<const char*>(&idf), sizeof idf);
    }
    plan.upper_bound = std::max<std::int64_t>(bound, 0);
    const bool unfiltered = !plan.has_filters() && !q.year_from && !q.year_to && !plan.has_skip()
        && plan.lo == 1 && plan.hi == p.info.cables;
    if (unfiltered && plan.query.phrases.size() == 1 && plan.query.phrases.front().tokens.size() == 1) {
        // A lone word, or a lone prefix: at least as many hits as its most frequent word has.
        std::int64_t most = 0;
        double none = 1.0;
        for (const std::int64_t docs : docs_in_order) {
            most = std::max(most, docs);
            none *= 1.0 - static_cast<double>(docs) / n;
        }
        plan.lower_bound = most;
        plan.union_estimate = std::clamp<std::int64_t>(
            static_cast<std::int64_t>(n * (1.0 - none)), most, std::max(most, plan.upper_bound));
    }
    for (const auto& phrase : plan.query.phrases) {
        plan.has_phrase_or_prefix = plan.has_phrase_or_prefix || phrase.tokens.size() > 1 || phrase.prefix
            || !phrase.variants.empty();
    }
    plan.exact_single_word = plan.query.phrases.size() == 1 && plan.query.phrases.front().tokens.size() == 1
        && !plan.query.phrases.front().prefix && plan.query.phrases.front().variants.empty() && unfiltered;
    if (plan.upper_bound == 0) {
        plan.matches_nothing = true;
    }
}

} // namespace

namespace {

// The exact value first, through the index: the kiosk's filters are always exact values.
Result<std::optional<FacetValue>> exact_facet_value(
    Pack::Impl& p, schema::FacetKind kind, std::string_view typed)
{
    auto st = p.stmt("SELECT id, value, cables FROM facet_values WHERE kind = ?1 AND value = ?2");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, static_cast<int>(kind)).bind(2, typed);
    return sql::query_one(**st, [](const sql::Stmt& s) {
        return FacetValue { s.column_int(0), s.column_text(1), s.column_int(2) };
    });
}

} // namespace

Result<std::vector<FacetValue>> matching_facet_values(
    Pack::Impl& p, schema::FacetKind kind, std::string_view typed)
{
    if (!typed.empty()) {
        auto exact = exact_facet_value(p, kind, typed);
        if (!exact) {
            return exact.error();
        }
        if (*exact) {
            return std::vector<FacetValue> { **exact };
        }
    }
    auto st
        = p.stmt("SELECT id, value, cables FROM facet_values WHERE kind = ?1 ORDER BY cables DESC, value");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, static_cast<int>(kind));
    std::vector<FacetValue> all;
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) {
        all.push_back(FacetValue { s.column_int(0), s.column_text(1), s.column_int(2) });
    });
    if (!status) {
        return status.error();
    }
    if (typed.empty()) {
        return all;
    }
    std::vector<FacetValue> out;
    for (const FilterMatch how : { FilterMatch::whole, FilterMatch::words }) {
        if (how == FilterMatch::words && kind != schema::FacetKind::origin) {
            break; // a partial classification or tag would be a different one ("SECRET" in "TOP SECRET")
        }
        for (const FacetValue& v : all) {
            if (filter_matches(typed, v.value, how)) {
                out.push_back(v);
            }
        }
        if (!out.empty()) {
            break;
        }
    }
    return out;
}

std::string SearchPlan::full_expression() const
{
    std::string out;
    if (has_text()) {
        out = std::string(text_columns) + " : (" + text + ")";
    }
    if (has_filters()) {
        out += (out.empty() ? "" : " AND ") + facets;
    }
    return out;
}

std::string SearchPlan::head_expression() const
{
    std::string out = std::string(head_columns) + " : (" + text + ")";
    if (has_filters()) {
        out += " AND " + facets;
    }
    return out;
}

std::string SearchPlan::body_only_expression() const
{
    std::string out = "(";
    out.append(full_expression())
        .append(") NOT (")
        .append(head_columns)
        .append(" : (")
        .append(text)
        .append("))");
    return out;
}

std::string SearchPlan::snippet_expression() const
{
    return std::string(text_columns) + " : (" + text + ")";
}

Result<QueryParser*> parser_of(Pack::Impl& p)
{
    if (!p.parser) {
        auto parser = QueryParser::create();
        if (!parser) {
            return parser.error();
        }
        p.parser = std::make_unique<QueryParser>(std::move(*parser));
    }
    return p.parser.get();
}

namespace {

// Applies the row limits to the range from the year filter; the bound drops by the rows skipped.
std::int64_t apply_limits(const RowLimits& limits, SearchPlan& plan)
{
    if (limits.within) {
        plan.lo = std::max(plan.lo, limits.within->first);
        plan.hi = std::min(plan.hi, limits.within->second);
    }
    std::int64_t rows = plan.hi >= plan.lo ? plan.hi - plan.lo + 1 : 0;
    if (limits.skip) {
        plan.skip_lo = limits.skip->first;
        plan.skip_hi = limits.skip->second;
        const std::int64_t overlap = std::min(plan.hi, plan.skip_hi) - std::max(plan.lo, plan.skip_lo) + 1;
        rows -= std::max<std::int64_t>(0, overlap);
    }
    if (rows <= 0) {
        plan.matches_nothing = true;
    }
    return std::max<std::int64_t>(0, rows);
}

} // namespace

Result<SearchPlan> plan_search(Pack::Impl& p, const SearchQuery& q, const RowLimits& limits)
{
    auto parser = parser_of(p);
    if (!parser) {
        return parser.error();
    }
    SearchPlan plan;
    plan.query = (*parser)->parse(q.text);
    plan.rank_every_hit = q.rank_every_hit;
    plan.defer_ranking = q.defer_ranking;
    if (auto st = plan_range(p, q, plan); !st) {
        return st.error();
    }
    std::int64_t bound = apply_limits(limits, plan);
    if (auto st = plan_filters(p, q, plan, bound); !st) {
        return st.error();
    }
    if (auto st = plan_variants(p, plan); !st) {
        return st.error();
    }
    auto docs_in_order = plan_phrases(p, plan, bound);
    if (!docs_in_order) {
        return docs_in_order.error();
    }
    plan.text = fts5_expression(plan.query, plan.expansions);
    plan_statistics(p, q, *docs_in_order, bound, plan);
    return plan;
}

} // namespace ck::content
