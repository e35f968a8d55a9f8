// What a query names besides its words: cables by id (every written form, a REF line's reference
// included) and a time (a year, a decade, a month). Both are looked up here, without FTS5: an id
// through the indexed reference key of every cable, a time as a row range (rows are in date order).
// search.cpp lists these cables first and the full-text matches after them.
#include "content/pack_writer.hpp"
#include "content/query_intent.hpp"
#include "content/search_plan.hpp"

#include <algorithm>

namespace ck::content {

namespace {

// An id with no year written is looked up in every year of the pack; a query naming many cables
// is not an id query, so the list is cut.
constexpr std::size_t id_matches_max = 20;

bool has_digit(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Rows whose reference key is `key`, appended once each.
Status add_key(Pack::Impl& p, const std::string& key, std::vector<std::int64_t>& out)
{
    auto st = p.stmt("SELECT num FROM cables WHERE ref_key = ?1 ORDER BY num");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, std::string_view(key));
    return sql::each_row(**st, [&](const sql::Stmt& s) {
        if (std::find(out.begin(), out.end(), s.column_int(0)) == out.end()) {
            out.push_back(s.column_int(0));
        }
    });
}

// A station and serial in every year that has cables ("TOKYO 1723" is 08TOKYO1723 or 09TOKYO1723).
Status add_any_year(Pack::Impl& p, const IdReading& reading, std::vector<std::int64_t>& out)
{
    auto st = p.stmt("SELECT num FROM cables WHERE ref_key IN (SELECT CAST(year AS TEXT) || ?1 FROM years)"
                     " ORDER BY num");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, reading.station + reading.serial);
    return sql::each_row(**st, [&](const sql::Stmt& s) {
        if (std::find(out.begin(), out.end(), s.column_int(0)) == out.end()) {
            out.push_back(s.column_int(0));
        }
    });
}

Result<std::vector<std::int64_t>> id_matches(Pack::Impl& p, std::string_view text, const SearchPlan& filters)
{
    std::vector<std::int64_t> found;
    // The whole query as one id first: ids of no standard form ("DIRECTOR 941533") match so.
    if (auto st = add_key(p, reference_key(text), found); !st) {
        return st.error();
    }
    for (const IdReading& reading : id_readings(text)) {
        auto st = reading.year ? add_key(p, id_key(reading, *reading.year), found)
                               : add_any_year(p, reading, found);
        if (!st) {
            return st.error();
        }
    }
    std::vector<std::int64_t> out;
    for (const std::int64_t num : found) {
        auto matches = row_matches(p, filters, num);
        if (!matches) {
            return matches.error();
        }
        if (*matches && out.size() < id_matches_max) {
            out.push_back(num);
        }
    }
    return out;
}

Result<std::string> date_of(Pack::Impl& p, std::int64_t num)
{
    auto st = p.stmt("SELECT coalesce(date, '') FROM cables WHERE num = ?1");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, num);
    auto date = sql::query_one(**st, [](const sql::Stmt& s) { return s.column_text(0); });
    if (!date) {
        return date.error();
    }
    return date->value_or(std::string());
}

// The first row in [lo, hi + 1) whose date is not before `key`: rows are in date order.
Result<std::int64_t> first_row_from(Pack::Impl& p, std::int64_t lo, std::int64_t hi, const std::string& key)
{
    std::int64_t end = hi + 1;
    while (lo < end) {
        const std::int64_t mid = lo + (end - lo) / 2;
        auto date = date_of(p, mid);
        if (!date) {
            return date.error();
        }
        if (*date < key) {
            lo = mid + 1;
        } else {
            end = mid;
        }
    }
    return lo;
}

std::string month_key(int year, int month)
{
    std::string key = std::to_string(year) + "-";
    key += static_cast<char>('0' + month / 10);
    key += static_cast<char>('0' + month % 10);
    return key;
}

// One month's rows inside its year's rows, by binary search on the date: a few point reads.
Result<std::pair<std::int64_t, std::int64_t>> month_rows(Pack::Impl& p, int year, int month)
{
    auto st = p.stmt("SELECT first_num, last_num FROM years WHERE year = ?1");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, year);
    auto range = sql::query_one(**st, [](const sql::Stmt& s) {
        return std::pair { s.column_int(0), s.column_int(1) };
    });
    if (!range) {
        return range.error();
    }
    if (!*range) {
        return std::pair<std::int64_t, std::int64_t> { 1, 0 };
    }
    const auto [lo, hi] = **range;
    auto first = first_row_from(p, lo, hi, month_key(year, month));
    if (!first) {
        return first.error();
    }
    auto after
        = first_row_from(p, *first, hi, month == 12 ? month_key(year + 1, 1) : month_key(year, month + 1));
    if (!after) {
        return after.error();
    }
    return std::pair { *first, *after - 1 };
}

// The plan for the cables of the time named: the rest of the words within it, inside any year
// range the visitor also set.
Result<std::optional<SearchPlan>> time_plan(Pack::Impl& p, const SearchQuery& q, const TimeSpan& span)
{
    SearchQuery within = q;
    within.text = span.rest;
    within.year_from = std::max(q.year_from.value_or(span.year_from), span.year_from);
    within.year_to = std::min(q.year_to.value_or(span.year_to), span.year_to);
    RowLimits limits;
    if (span.month != 0) {
        auto rows = month_rows(p, span.year_from, span.month);
        if (!rows) {
            return rows.error();
        }
        limits.within = *rows;
    }
    auto plan = plan_search(p, within, limits);
    if (!plan) {
        return plan.error();
    }
    if (plan->matches_nothing) {
        return std::optional<SearchPlan> {};
    }
    return std::optional<SearchPlan> { std::move(*plan) };
}

} // namespace

Result<bool> row_matches(Pack::Impl& p, const SearchPlan& plan, std::int64_t num)
{
    if (plan.matches_nothing || !plan.covers(num)) {
        return false;
    }
    if (!plan.has_text() && !plan.has_filters()) {
        return true;
    }
    auto st = p.stmt("SELECT 1 FROM search_text WHERE search_text MATCH ?1 AND rowid = ?2");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, plan.full_expression()).bind(2, num);
    auto one = sql::query_one(**st, [](const sql::Stmt& s) { return s.column_int(0); });
    if (!one) {
        return one.error();
    }
    return one->has_value();
}

Result<QueryIntent> plan_intent(Pack::Impl& p, const SearchQuery& q)
{
    QueryIntent out;
    const auto span = time_span(q.text);
    if (!has_digit(q.text)) {
        return out; // every id and every time has a digit
    }
    SearchQuery filters_only = q;
    filters_only.text.clear();
    auto filters = plan_search(p, filters_only);
    if (!filters) {
        return filters.error();
    }
    if (filters->matches_nothing) {
        return out;
    }
    auto ids = id_matches(p, q.text, *filters);
    if (!ids) {
        return ids.error();
    }
    out.ids = std::move(*ids);
    if (span) {
        auto time = time_plan(p, q, *span);
        if (!time) {
            return time.error();
        }
        out.time = std::move(*time);
    }
    return out;
}

} // namespace ck::content
