// The generic curation of an archive pack (built without a manifest), made when it is opened so that
// every archive, old or new, gets a complete kiosk: a title from the years it spans, an
// introduction with its count, one section per decade (the home screen's cards) and a featured list
// for the attract loop. The rule for the featured list (README, "A pack without a manifest"): the
// four cables cited by the most other cables in the pack, then, for every decade not yet
// represented, its most-cited cable (the earliest on a tie), all in date order, each with its year
// and subject as the teaser. Text read by OCR types garbage on the attract screen, so a cable read
// by OCR is featured only when the pack has no other (a decade of OCR'd scans only is left out).
// Everything is read from the years table, the refs_target index and a few rows by rowid, never by
// a scan of every cable: an archive may hold 250,000 of them. The Japanese forms are here beside
// the English because they are data of the pack, like a manifest's, not labels of the kiosk.
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

Result<std::vector<Row>> featured_rows(Pack::Impl& p, const std::vector<YearSpan>& years)
{
    auto any_plain = sql::query_int(p.db.get(), "SELECT EXISTS(SELECT 1 FROM cables WHERE ocr = 0)");
    if (!any_plain) {
        return any_plain.error();
    }
    const bool all_ocr = *any_plain == 0;
    // In one pass over the cited cables: the most cited (kept in more_cited order) and each
    // decade's most cited. Both are what sorting every cited cable by more_cited and taking the
    // first ones gives, in memory for a few rows.
    std::vector<Row> top;
    std::map<int, Row> decade_best;
    auto status = each_cited(p, [&](Row&& r) {
        if (r.year <= 0 || (r.ocr && !all_ocr)) {
            return;
        }
        auto [best, fresh] = decade_best.try_emplace(decade_of(r.year), r);
        if (!fresh && more_cited(r, best->second)) {
            best->second = r;
        }
        if (top.size() < most_cited || more_cited(r, top.back())) {
            top.insert(std::upper_bound(top.begin(), top.end(), r, more_cited), std::move(r));
            if (top.size() > most_cited) {
                top.pop_back();
            }
        }
    });
    if (!status) {
        return status.error();
    }
    std::map<std::int64_t, Row> chosen; // by num: date order
    std::set<int> covered;
    for (const Row& r : top) {
        chosen.emplace(r.num, r);
        covered.insert(decade_of(r.year));
    }
    for (const auto& [decade, d] : decades_of(years)) {
        if (covered.contains(decade)) {
            continue;
        }
        if (const auto cited_here = decade_best.find(decade); cited_here != decade_best.end()) {
            chosen.emplace(cited_here->second.num, cited_here->second);
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
