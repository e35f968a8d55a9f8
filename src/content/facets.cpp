// Pack::facets: counts per year, classification, origin and tag over the hits of a query. The
// per-row facet ids live in memory (FacetArrays, loaded once), so counting costs one walk over the
// hits' row numbers. Within the budget the counts are exact; past it, they are estimated from a
// sample of the first hits in each of facet_strata equal row ranges, each scaled by the hit
// density seen in its range, so every period of the collection is represented.
#include "content/schema.hpp"
#include "content/search_plan.hpp"

#include <algorithm>
#include <cmath>

namespace ck::content {

namespace {

constexpr int facet_strata = 32;
constexpr std::int64_t facet_sample_per_stratum = 256;

// Sizes the arrays by the largest row number, which a hostile file controls: it may not exceed
// what the file could hold (a row takes more than 16 bytes), so no allocation outgrows the file.
Result<std::size_t> row_count(Pack::Impl& p)
{
    auto max_num = sql::query_int(p.db.get(), "SELECT coalesce(max(num), 0) FROM cables");
    if (!max_num) {
        return max_num.error();
    }
    std::error_code ec;
    const auto file_bytes = static_cast<std::int64_t>(std::filesystem::file_size(p.path, ec));
    if (ec || *max_num < 0 || *max_num > file_bytes / 16) {
        return make_error("row numbers do not fit the file", std::string(check::metadata));
    }
    return static_cast<std::size_t>(*max_num) + 1;
}

// Each row's classification and origin id.
Status load_row_facets(Pack::Impl& p, FacetArrays& a, std::size_t rows)
{
    a.classification.assign(rows, 0);
    a.origin.assign(rows, 0);
    auto st = p.stmt("SELECT num, class_id, origin_id FROM cables");
    if (!st) {
        return st.error();
    }
    return sql::each_row(**st, [&](const sql::Stmt& s) {
        const auto num = static_cast<std::size_t>(s.column_int(0));
        if (num < rows) {
            a.classification[num] = static_cast<std::uint32_t>(s.column_int(1));
            a.origin[num] = static_cast<std::uint32_t>(s.column_int(2));
        }
    });
}

// Each row's tags, in CSR form: tag_ids[tag_offsets[n]..tag_offsets[n + 1]).
Status load_tags(Pack::Impl& p, FacetArrays& a, std::size_t rows)
{
    auto st = p.stmt("SELECT cable, tag FROM cable_tags ORDER BY cable");
    if (!st) {
        return st.error();
    }
    a.tag_offsets.assign(rows + 1, 0);
    std::size_t filled = 0; // tag_offsets[0..filled] are final
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) {
        const auto num = static_cast<std::size_t>(s.column_int(0));
        if (num >= rows || num < filled) {
            return;
        }
        while (filled < num) {
            a.tag_offsets[++filled] = static_cast<std::uint32_t>(a.tag_ids.size());
        }
        a.tag_ids.push_back(static_cast<std::uint32_t>(s.column_int(1)));
    });
    if (!status) {
        return status;
    }
    while (filled < rows) {
        a.tag_offsets[++filled] = static_cast<std::uint32_t>(a.tag_ids.size());
    }
    return {};
}

// Where each year's rows begin, and the last dated row.
Status load_years(Pack::Impl& p, FacetArrays& a)
{
    auto st = p.stmt("SELECT first_num, year FROM years ORDER BY first_num");
    if (!st) {
        return st.error();
    }
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) {
        a.year_starts.emplace_back(s.column_int(0), static_cast<int>(s.column_int(1)));
    });
    if (!status) {
        return status;
    }
    auto last = sql::query_int(p.db.get(), "SELECT coalesce(max(last_num), 0) FROM years");
    if (!last) {
        return last.error();
    }
    a.last_dated = *last;
    return {};
}

// The name of every facet id.
Status load_names(Pack::Impl& p, FacetArrays& a)
{
    auto st = p.stmt("SELECT kind, id, value FROM facet_values");
    if (!st) {
        return st.error();
    }
    return sql::each_row(**st, [&](const sql::Stmt& s) {
        const auto id = static_cast<std::uint32_t>(s.column_int(1));
        switch (static_cast<schema::FacetKind>(s.column_int(0))) {
        case schema::FacetKind::classification:
            a.class_names[id] = s.column_text(2);
            break;
        case schema::FacetKind::origin:
            a.origin_names[id] = s.column_text(2);
            break;
        case schema::FacetKind::tag:
            a.tag_names[id] = s.column_text(2);
            break;
        }
    });
}

Status load_arrays(Pack::Impl& p)
{
    auto rows = row_count(p);
    if (!rows) {
        return rows.error();
    }
    auto arrays = std::make_unique<FacetArrays>();
    Status status = load_row_facets(p, *arrays, *rows);
    status = status ? load_tags(p, *arrays, *rows) : status;
    status = status ? load_years(p, *arrays) : status;
    status = status ? load_names(p, *arrays) : status;
    if (!status) {
        return status;
    }
    p.facets = std::move(arrays);
    return {};
}

// Weighted counts while walking hits.
struct Tally {
    std::map<int, double> year;
    std::map<std::uint32_t, double> classification;
    std::map<std::uint32_t, double> origin;
    std::map<std::uint32_t, double> tag;
    double total = 0;

    void add(const FacetArrays& a, std::int64_t num, double weight)
    {
        const auto n = static_cast<std::size_t>(num);
        if (n >= a.classification.size()) {
            return;
        }
        total += weight;
        auto it = std::upper_bound(a.year_starts.begin(), a.year_starts.end(), std::make_pair(num, 1 << 30));
        // Rows after the last dated year have no date (they sort last) and count in no year.
        if (it != a.year_starts.begin() && (it != a.year_starts.end() || num <= a.last_dated)) {
            year[std::prev(it)->second] += weight;
        }
        if (a.classification[n] != 0) {
            classification[a.classification[n]] += weight;
        }
        if (a.origin[n] != 0) {
            origin[a.origin[n]] += weight;
        }
        for (std::uint32_t i = a.tag_offsets[n]; i < a.tag_offsets[n + 1]; ++i) {
            tag[a.tag_ids[i]] += weight;
        }
    }
};

std::vector<FacetCount> top(const std::map<std::uint32_t, double>& counts,
    const std::map<std::uint32_t, std::string>& names, std::size_t max_values)
{
    std::vector<FacetCount> out;
    for (const auto& [id, count] : counts) {
        auto name = names.find(id);
        if (name != names.end()) {
            out.push_back(FacetCount { name->second, static_cast<std::int64_t>(std::llround(count)) });
        }
    }
    std::stable_sort(
        out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    if (out.size() > max_values) {
        out.resize(max_values);
    }
    return out;
}

Facets finish(const Pack::Impl& p, const Tally& t, const FacetOptions& options, bool estimated)
{
    Facets f;
    const FacetArrays& a = *p.facets;
    for (const auto& [year, count] : t.year) {
        f.year.push_back(FacetCount { std::to_string(year), static_cast<std::int64_t>(std::llround(count)) });
    }
    f.classification = top(t.classification, a.class_names, options.max_values);
    f.origin = top(t.origin, a.origin_names, options.max_values);
    f.tag = top(t.tag, a.tag_names, options.max_values);
    f.total = static_cast<std::int64_t>(std::llround(t.total));
    f.estimated = estimated;
    return f;
}

// Walks every hit; false when the budget ran out first.
Result<bool> count_all(Pack::Impl& p, const SearchPlan& plan, Tally& tally)
{
    const FacetArrays& a = *p.facets;
    if (plan.full_expression().empty()) {
        const auto last
            = std::min<std::int64_t>(plan.hi, static_cast<std::int64_t>(a.classification.size()) - 1);
        for (std::int64_t num = std::max<std::int64_t>(plan.lo, 0); num <= last; ++num) {
            if (plan.covers(num)) {
                tally.add(a, num, 1.0);
            }
        }
        return true;
    }
    auto st = p.stmt("SELECT rowid FROM search_text WHERE search_text MATCH ?1 AND rowid BETWEEN ?2 AND ?3"
                     " AND rowid NOT BETWEEN ?8 AND ?9");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, plan.full_expression()).bind(2, plan.lo).bind(3, plan.hi);
    (*st)->bind(8, plan.skip_lo).bind(9, plan.skip_hi);
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) { tally.add(a, s.column_int(0), 1.0); });
    if (!status) {
        if (p.guard.tripped_by_deadline) {
            return false;
        }
        return status.error();
    }
    return true;
}

Status count_sample(Pack::Impl& p, const SearchPlan& plan, Tally& tally)
{
    if (plan.full_expression().empty()) {
        // A plain row range (a time, no words or filters) is counted from memory, exactly.
        auto counted = count_all(p, plan, tally);
        if (!counted) {
            return counted.error();
        }
        return {};
    }
    const FacetArrays& a = *p.facets;
    const std::int64_t span = plan.hi - plan.lo + 1;
    const std::int64_t stratum = std::max<std::int64_t>(1, (span + facet_strata - 1) / facet_strata);
    for (std::int64_t first = plan.lo; first <= plan.hi; first += stratum) {
        const std::int64_t last = std::min(plan.hi, first + stratum - 1);
        auto st
            = p.stmt("SELECT rowid FROM search_text WHERE search_text MATCH ?1 AND rowid BETWEEN ?2 AND ?3"
                     " AND rowid NOT BETWEEN ?8 AND ?9 ORDER BY rowid LIMIT ?4");
        if (!st) {
            return st.error();
        }
        (*st)->bind(1, plan.full_expression()).bind(2, first).bind(3, last).bind(4, facet_sample_per_stratum);
        (*st)->bind(8, plan.skip_lo).bind(9, plan.skip_hi);
        std::vector<std::int64_t> nums;
        auto status = sql::each_row(**st, [&](const sql::Stmt& s) { nums.push_back(s.column_int(0)); });
        if (!status) {
            return status;
        }
        if (nums.empty()) {
            continue;
        }
        // A full sample stands for the hits of the whole stratum at the density it showed.
        double weight = 1.0;
        if (static_cast<std::int64_t>(nums.size()) == facet_sample_per_stratum) {
            const double covered = static_cast<double>(nums.back() - first + 1);
            weight = static_cast<double>(last - first + 1) / covered;
        }
        for (const std::int64_t num : nums) {
            tally.add(a, num, weight);
        }
    }
    return {};
}

// The id matches that no part lists (each cable is counted once, as the search lists it once).
Status add_ids(
    Pack::Impl& p, const QueryIntent& intent, const std::vector<const SearchPlan*>& parts, Tally& tally)
{
    for (const std::int64_t num : intent.ids) {
        bool listed = false;
        for (const SearchPlan* part : parts) {
            auto matches = row_matches(p, *part, num);
            if (!matches) {
                return matches.error();
            }
            listed = listed || *matches;
        }
        if (!listed) {
            tally.add(*p.facets, num, 1.0);
        }
    }
    return {};
}

} // namespace

Result<Facets> Pack::facets(
    const SearchQuery& query, const FacetOptions& options, const std::atomic<bool>* cancel)
{
    Impl& p = *m_impl;
    auto cancelled
        = [&]() { return make_error("a newer search replaced this one", std::string(search_cancelled)); };
    if (cancel != nullptr && cancel->load()) {
        return cancelled();
    }
    if (!p.facets) {
        auto scope = p.scope(cancel);
        if (auto st = load_arrays(p); !st) {
            return p.guard.tripped_by_cancel ? cancelled() : st.error();
        }
    }
    // The same parts as the search lists (search.cpp): the ids, the cables of a time the query
    // names, the full-text matches outside that time; so the counts add up to the results.
    Result<QueryIntent> intent = make_error("unplanned", "facets");
    Result<SearchPlan> plan = make_error("unplanned", "facets");
    {
        auto scope = p.scope(cancel);
        intent = plan_intent(p, query);
        if (!intent) {
            return p.guard.tripped_by_cancel ? cancelled() : intent.error();
        }
        RowLimits limits;
        if (intent->time) {
            limits.skip = std::pair { intent->time->lo, intent->time->hi };
        }
        plan = plan_search(p, query, limits);
        if (!plan) {
            return p.guard.tripped_by_cancel ? cancelled() : plan.error();
        }
    }
    std::vector<const SearchPlan*> parts;
    if (intent->time) {
        parts.push_back(&*intent->time);
    }
    if (!plan->matches_nothing && (plan->has_text() || !intent->any())) {
        parts.push_back(&*plan);
    }
    Tally tally;
    {
        auto scope = p.scope(cancel);
        if (auto st = add_ids(p, *intent, parts, tally); !st) {
            return p.guard.tripped_by_cancel ? cancelled() : st.error();
        }
    }
    const Tally ids_only = tally;
    bool complete = true;
    if (options.budget.count() >= 0) {
        sql::GuardScope scope(p.guard, options.budget, cancel);
        for (const SearchPlan* part : parts) {
            auto counted = count_all(p, *part, tally);
            if (!counted) {
                return p.guard.tripped_by_cancel ? cancelled() : counted.error();
            }
            complete = complete && *counted;
        }
    } else {
        complete = parts.empty();
    }
    if (complete) {
        return finish(p, tally, options, false);
    }
    tally = ids_only;
    sql::GuardScope scope(p.guard, std::chrono::milliseconds { 0 }, cancel);
    for (const SearchPlan* part : parts) {
        if (auto st = count_sample(p, *part, tally); !st) {
            return p.guard.tripped_by_cancel ? cancelled() : st.error();
        }
    }
    return finish(p, tally, options, true);
}

} // namespace ck::content
