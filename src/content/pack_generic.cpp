// The generic curation of an archive pack (built without a manifest), made when it is opened so that
// every archive, old or new, gets a complete kiosk: a title from the years it spans, an
// introduction with its count, one section per decade (the home screen's cards) and a featured list
// for the attract loop. The rule for the featured list (README, "A pack without a manifest"): the
// four cables cited by the most other cables in the pack, then, for every decade not yet
// represented, its most-cited cable (the earliest on a tie), all in date order, each with its year
// and subject as the teaser. Text read by OCR types garbage on the attract screen, so a cable read
// by OCR is featured only when the pack has no other (a decade of OCR'd scans only is left out).
// Everything is read from the years table, the citing counts of the refs_target index and a few
// rows by rowid, never by a scan of every cable: an archive may hold 2,000,000 of them. Only when
// the few candidates kept cannot settle the choice (dozens of the most cited read by OCR) does a
// join of every cited cable with its row decide, as it did for every open before (2 s at 2M).
// The Japanese forms are here beside the English because they are data of the pack, like a
// manifest's, not labels of the kiosk.
#include "content/pack_generic.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace ck::content {
namespace {

constexpr std::size_t most_cited = 4;

struct Row {
    std::int64_t num = 0;
    std::string id;
    int year = 0; // 0: undated
    std::string subject;
    bool ocr = false;
    std::int64_t cited = 0;
};

struct YearSpan {
    int year = 0;
    std::int64_t first_num = 0;
    std::int64_t last_num = 0;
    std::int64_t cables = 0;
};

Result<std::vector<YearSpan>> read_years(Pack::Impl& p)
{
    auto st = p.stmt("SELECT year, first_num, last_num, cables FROM years WHERE year > 0 ORDER BY year");
    if (!st) {
        return st.error();
    }
    std::vector<YearSpan> out;
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) {
        out.push_back(YearSpan {
            static_cast<int>(s.column_int(0)), s.column_int(1), s.column_int(2), s.column_int(3) });
    });
    if (!status) {
        return status.error();
    }
    return out;
}

Row read_row(const sql::Stmt& s)
{
    return Row { s.column_int(0), s.column_text(1), static_cast<int>(s.column_int(2)), s.column_text(3),
        s.column_int(4) != 0, s.column_int(5) };
}

// Every cited cable with its count of distinct citing cables, through the refs_target index, one
// row at a time: `each` sees each row once, and nothing is kept (a list of every cited cable held
// 280 MiB at 2M cables, when an archive pack was opened).
Status each_cited(Pack::Impl& p, const std::function<void(Row&&)>& each)
{
    auto st
        = p.stmt("SELECT c.num, c.id, c.year, c.subject, c.ocr, r.n FROM (SELECT target_num,"
                 " count(DISTINCT cable) AS n FROM refs WHERE target_num IS NOT NULL GROUP BY target_num) r"
                 " JOIN cables c ON c.num = r.target_num");
    if (!st) {
        return st.error();
    }
    return sql::each_row(**st, [&](const sql::Stmt& s) { each(read_row(s)); });
}

// The first cable between two rows (a decade's), not read by OCR unless `any`.
Result<std::optional<Row>> first_between(Pack::Impl& p, std::int64_t from, std::int64_t to, bool any)
{
    auto st = p.stmt("SELECT num, id, year, subject, ocr, 0 FROM cables WHERE num BETWEEN ?1 AND ?2"
                     " AND (?3 OR ocr = 0) ORDER BY num LIMIT 1");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, from).bind(2, to).bind(3, any ? 1 : 0);
    return sql::query_one(**st, read_row);
}

// More cited first; on a tie, the earlier cable.
bool more_cited(const Row& a, const Row& b)
{
    return a.cited != b.cited ? a.cited > b.cited : a.num < b.num;
}

std::string span(int from, int to, std::string_view dash = "–")
{
    return from == to ? std::to_string(from) : std::to_string(from) + std::string(dash) + std::to_string(to);
}

int decade_of(int year)
{
    return year / 10 * 10;
}

// The decades in order: their first and last year, first and last row, and count.
std::map<int, YearSpan> decades_of(const std::vector<YearSpan>& years)
{
    std::map<int, YearSpan> decades; // decade -> {its last year, first num, last num, cables}
    for (const YearSpan& y : years) {
        auto [it, fresh] = decades.try_emplace(decade_of(y.year), y);
        if (!fresh) {
            it->second.year = y.year;
            it->second.first_num = std::min(it->second.first_num, y.first_num);
            it->second.last_num = std::max(it->second.last_num, y.last_num);
            it->second.cables += y.cables;
        }
    }
    return decades;
}

// The `keep` best rows seen, in more_cited order; `dropped` once a row has fallen off the end.
struct Best {
    std::vector<Row> rows;
    bool dropped = false;

    void add(Row r, std::size_t keep)
    {
        if (rows.size() == keep && !more_cited(r, rows.back())) {
            dropped = true;
            return;
        }
        rows.insert(std::upper_bound(rows.begin(), rows.end(), r, more_cited), std::move(r));
        if (rows.size() > keep) {
            rows.pop_back();
            dropped = true;
        }
    }
};

// Candidates kept per list before the OCR check, which needs each cable's own row.
constexpr std::size_t candidates_kept = 32;

// A row's year from the years table: rows follow (date, id) order, so each year's rows are one
// span. Nullopt when the spans are not that (then the slow pass below decides).
std::optional<std::vector<YearSpan>> contiguous_spans(std::vector<YearSpan> years)
{
    std::sort(years.begin(), years.end(),
        [](const YearSpan& a, const YearSpan& b) { return a.first_num < b.first_num; });
    for (std::size_t i = 0; i < years.size(); ++i) {
        if (years[i].last_num - years[i].first_num + 1 != years[i].cables
            || (i > 0 && years[i].first_num <= years[i - 1].last_num)) {
            return std::nullopt;
        }
    }
    return years;
}

int year_of(const std::vector<YearSpan>& spans, std::int64_t num)
{
    auto after = std::upper_bound(
        spans.begin(), spans.end(), num, [](std::int64_t n, const YearSpan& y) { return n < y.first_num; });
    if (after == spans.begin()) {
        return 0;
    }
    --after;
    return num <= after->last_num ? after->year : 0;
}

// The cable of a candidate, with its id, subject and OCR flag.
Result<std::optional<Row>> row_of(Pack::Impl& p, const Row& candidate)
{
    auto st = p.stmt("SELECT num, id, year, subject, ocr, ?2 FROM cables WHERE num = ?1");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, candidate.num).bind(2, candidate.cited);
    return sql::query_one(**st, read_row);
}

// The first `want` candidates that may be featured, in order; nullopt when fewer were found and
// candidates were dropped (a dropped one might have been next).
Result<std::optional<std::vector<Row>>> first_featurable(
    Pack::Impl& p, const Best& best, std::size_t want, bool all_ocr)
{
    std::vector<Row> out;
    for (const Row& candidate : best.rows) {
        if (out.size() == want) {
            break;
        }
        auto row = row_of(p, candidate);
        if (!row) {
            return row.error();
        }
        if (row->has_value() && (all_ocr || !(*row)->ocr)) {
            out.push_back(std::move(**row));
        }
    }
    if (out.size() < want && best.dropped) {
        return std::optional<std::vector<Row>> {};
    }
    return std::optional<std::vector<Row>>(std::move(out));
}

// The featured rows from the citing counts alone (the refs_target index) and a few rows by rowid:
// the join of every cited cable with its row took 2 s at 2M cables (929,413 of them), the counts
// alone 0.5 s. Nullopt when the candidates kept cannot settle it; the one pass below then does.
Result<std::optional<std::map<std::int64_t, Row>>> featured_from_counts(
    Pack::Impl& p, const std::vector<YearSpan>& years, bool all_ocr)
{
    using Chosen = std::optional<std::map<std::int64_t, Row>>;
    const auto spans = contiguous_spans(years);
    if (!spans) {
        return Chosen {};
    }
    auto st = p.stmt("SELECT target_num, count(DISTINCT cable) FROM refs WHERE target_num IS NOT NULL"
                     " GROUP BY target_num");
    if (!st) {
        return st.error();
    }
    Best top;
    std::map<int, Best> by_decade;
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) {
        Row r;
        r.num = s.column_int(0);
        r.cited = s.column_int(1);
        r.year = year_of(*spans, r.num);
        if (r.year <= 0) {
            return;
        }
        by_decade[decade_of(r.year)].add(r, candidates_kept);
        top.add(std::move(r), most_cited + candidates_kept);
    });
    if (!status) {
        return status.error();
    }
    auto leaders = first_featurable(p, top, most_cited, all_ocr);
    if (!leaders) {
        return leaders.error();
    }
    if (!leaders->has_value()) {
        return Chosen {};
    }
    std::map<std::int64_t, Row> chosen;
    std::set<int> covered;
    for (Row& r : **leaders) {
        covered.insert(decade_of(r.year));
        chosen.emplace(r.num, std::move(r));
    }
    for (const auto& [decade, best] : by_decade) {
        if (covered.contains(decade)) {
            continue;
        }
        auto first = first_featurable(p, best, 1, all_ocr);
        if (!first) {
            return first.error();
        }
        if (!first->has_value()) {
            return Chosen {};
        }
        for (Row& r : **first) {
            chosen.emplace(r.num, std::move(r));
        }
    }
    return Chosen(std::move(chosen));
}

// The same choice in one pass over every cited cable joined with its row: the most cited (kept in
// more_cited order) and each decade's most cited. Both are what sorting every cited cable by
// more_cited and taking the first ones gives, in memory for a few rows.
Result<std::map<std::int64_t, Row>> featured_in_one_pass(Pack::Impl& p, bool all_ocr)
{
    Best top;
    std::map<int, Best> by_decade;
    auto status = each_cited(p, [&](Row&& r) {
        if (r.year <= 0 || (r.ocr && !all_ocr)) {
            return;
        }
        by_decade[decade_of(r.year)].add(r, 1);
        top.add(std::move(r), most_cited);
    });
    if (!status) {
        return status.error();
    }
    std::map<std::int64_t, Row> chosen; // by num: date order
    std::set<int> covered;
    for (const Row& r : top.rows) {
        chosen.emplace(r.num, r);
        covered.insert(decade_of(r.year));
    }
    for (const auto& [decade, best] : by_decade) {
        if (!covered.contains(decade)) {
            chosen.emplace(best.rows.front().num, best.rows.front());
        }
    }
    return chosen;
}

Result<std::vector<Row>> featured_rows(Pack::Impl& p, const std::vector<YearSpan>& years)
{
    auto any_plain = sql::query_int(p.db.get(), "SELECT EXISTS(SELECT 1 FROM cables WHERE ocr = 0)");
    if (!any_plain) {
        return any_plain.error();
    }
    const bool all_ocr = *any_plain == 0;
    auto quick = featured_from_counts(p, years, all_ocr);
    if (!quick) {
        return quick.error();
    }
    std::map<std::int64_t, Row> chosen; // by num: date order
    if (quick->has_value()) {
        chosen = std::move(**quick);
    } else {
        auto slow = featured_in_one_pass(p, all_ocr);
        if (!slow) {
            return slow.error();
        }
        chosen = std::move(*slow);
    }
    // Decades with no cited cable that may be featured: their first cable.
    std::set<int> covered;
    for (const auto& [num, r] : chosen) {
        covered.insert(decade_of(r.year));
    }
    for (const auto& [decade, d] : decades_of(years)) {
        if (covered.contains(decade)) {
            continue;
        }
        auto first = first_between(p, d.first_num, d.last_num, all_ocr);
        if (!first) {
            return first.error();
        }
        if (first->has_value()) {
            chosen.emplace((*first)->num, **first);
        }
    }
    std::vector<Row> out;
    out.reserve(chosen.size());
    for (auto& [num, r] : chosen) {
        out.push_back(std::move(r));
    }
    return out;
}

Featured featured_of(const Row& r)
{
    const std::string subject = r.subject.empty() ? r.id : r.subject;
    return Featured { r.id,
        { { "en", std::to_string(r.year) + ": " + subject },
            { "ja", std::to_string(r.year) + "年：" + subject } } };
}

// One card per decade, in order; undated cables are reached through search and the timeline.
std::vector<Section> decade_sections(const std::vector<YearSpan>& years)
{
    std::vector<Section> out;
    for (const auto& [decade, d] : decades_of(years)) {
        Section s;
        s.id = "decade-" + std::to_string(decade);
        s.title
            = { { "en", "The " + std::to_string(decade) + "s" }, { "ja", std::to_string(decade) + "年代" } };
        s.decade_cables = d.cables;
        s.last_year = d.year;
        const auto here = decade; // clang 14 cannot capture a structured binding
        const auto first = std::find_if(
            years.begin(), years.end(), [&](const YearSpan& y) { return decade_of(y.year) == here; });
        s.first_year = first->year;
        // The caption says what a touch does (the card's own line gives the count and the years).
        const std::string from = std::to_string(s.first_year);
        s.caption = { { "en", "Read the cables year by year, from " + from + "." },
            { "ja", from + "年から、年ごとに電報を読めます。" } };
        out.push_back(std::move(s));
    }
    return out;
}

void titles(const std::vector<YearSpan>& years, std::int64_t cables, Collection& c)
{
    const std::string n = std::to_string(cables);
    if (years.empty()) {
        c.title = { { "en", "Diplomatic cables" }, { "ja", "外交電報" } };
        c.introduction = { { "en", "This archive holds " + n + " documents, as they were published." },
            { "ja", "このアーカイブには、公開されたままの文書" + n + "点が収められています。" } };
        return;
    }
    const int from = years.front().year;
    const int to = years.back().year;
    c.title = { { "en", "Diplomatic cables, " + span(from, to) }, { "ja", "外交電報 " + span(from, to) } };
    c.introduction = { { "en",
                           "This archive holds " + n + " documents from " + span(from, to, " to ")
                               + ", as they were published, without a curator's selection. Touch a decade to "
                                 "read its cables, or browse the timeline, or search for a word." },
        { "ja",
            "このアーカイブには、" + span(from, to, "年から") + "年までの文書" + n
                + "点が、公開されたままの形で収められています。文書は英語です。年代にふれると、その年代の電報"
                  "を"
                  "読めます。年表や検索からもご覧いただけます。" } };
}

} // namespace

Status add_generic_curation(Pack::Impl& p)
{
    auto years = read_years(p);
    if (!years) {
        return years.error();
    }
    Collection& c = p.collection;
    titles(*years, p.info.cables, c);
    c.sections = decade_sections(*years);
    auto featured = featured_rows(p, *years);
    if (!featured) {
        return featured.error();
    }
    c.featured.clear();
    for (const Row& r : *featured) {
        c.featured.push_back(featured_of(r));
    }
    return {};
}

} // namespace ck::content
