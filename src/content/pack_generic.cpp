// The generic curation of an archive pack (built without a manifest), made when it is opened so that
// every archive, old or new, gets a complete kiosk: a title from the years it spans, an
// introduction with its count, one section per decade (the home screen's cards) and a featured list
// for the attract loop. The rule for the featured list (README, "A pack without a manifest"): the
// four cables cited by the most other cables in the pack, then, for every decade not yet
// represented, its most-cited cable (the earliest on a tie), all in date order, each with its year
// and subject as the teaser. Text read by OCR types garbage on the attract screen, so a cable read
// by OCR is featured only when the pack has no other (a decade of OCR'd scans only is left out). The
// Japanese forms are here beside the English because they are data of the pack, like a manifest's, not labels
// of the kiosk.
#include "content/pack_generic.hpp"

#include <algorithm>
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

Result<std::vector<Row>> read_rows(Pack::Impl& p)
{
    std::vector<Row> rows;
    auto st = p.stmt("SELECT num, id, year, subject, ocr FROM cables ORDER BY num");
    if (!st) {
        return st.error();
    }
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) {
        rows.push_back(Row { s.column_int(0), s.column_text(1), static_cast<int>(s.column_int(2)),
            s.column_text(3), s.column_int(4) != 0, 0 });
    });
    if (!status) {
        return status.error();
    }
    // Citations by distinct citing cables, through the refs_target index.
    st = p.stmt("SELECT target_num, count(DISTINCT cable) FROM refs WHERE target_num IS NOT NULL"
                " GROUP BY target_num");
    if (!st) {
        return st.error();
    }
    std::map<std::int64_t, std::int64_t> cited;
    status = sql::each_row(**st, [&](const sql::Stmt& s) { cited[s.column_int(0)] = s.column_int(1); });
    if (!status) {
        return status.error();
    }
    for (Row& r : rows) {
        const auto it = cited.find(r.num);
        r.cited = it == cited.end() ? 0 : it->second;
    }
    return rows;
}

std::string span(int from, int to, std::string_view dash = "–")
{
    return from == to ? std::to_string(from) : std::to_string(from) + std::string(dash) + std::to_string(to);
}

// More cited first; on a tie, the earlier cable.
bool more_cited(const Row* a, const Row* b)
{
    return a->cited != b->cited ? a->cited > b->cited : a->num < b->num;
}

std::vector<const Row*> featured_rows(const std::vector<Row>& rows)
{
    const bool all_ocr = std::all_of(rows.begin(), rows.end(), [](const Row& r) { return r.ocr; });
    std::vector<const Row*> dated;
    for (const Row& r : rows) {
        if (r.year > 0 && (!r.ocr || all_ocr)) {
            dated.push_back(&r);
        }
    }
    std::vector<const Row*> ranked = dated;
    std::stable_sort(ranked.begin(), ranked.end(), more_cited);
    std::set<const Row*> chosen;
    for (const Row* r : ranked) {
        if (chosen.size() < most_cited && r->cited > 0) {
            chosen.insert(r);
        }
    }
    std::map<int, const Row*> by_decade; // decade -> its most-cited cable
    std::set<int> covered;
    for (const Row* r : ranked) {
        by_decade.try_emplace(r->year / 10 * 10, r);
        if (chosen.contains(r)) {
            covered.insert(r->year / 10 * 10);
        }
    }
    for (const auto& [decade, r] : by_decade) {
        if (!covered.contains(decade)) {
            chosen.insert(r);
        }
    }
    std::vector<const Row*> out(chosen.begin(), chosen.end());
    std::sort(out.begin(), out.end(), [](const Row* a, const Row* b) { return a->num < b->num; });
    return out;
}

Featured featured_of(const Row& r)
{
    const std::string subject = r.subject.empty() ? r.id : r.subject;
    return Featured { r.id,
        { { "en", std::to_string(r.year) + ": " + subject },
            { "ja", std::to_string(r.year) + "年：" + subject } } };
}

// One section per decade, in order, and the undated cables last.
std::vector<Section> decade_sections(const std::vector<Row>& rows)
{
    std::map<int, Section> decades;
    Section undated { "undated", { { "en", "Date unknown" }, { "ja", "日付不明" } }, {}, {} };
    for (const Row& r : rows) {
        if (r.year <= 0) {
            undated.cables.push_back(r.id);
            continue;
        }
        const int decade = r.year / 10 * 10;
        decades[decade].cables.push_back(r.id);
    }
    std::vector<Section> out;
    for (auto& [decade, s] : decades) {
        s.id = "decade-" + std::to_string(decade);
        s.title
            = { { "en", "The " + std::to_string(decade) + "s" }, { "ja", std::to_string(decade) + "年代" } };
        // No caption: the card's own line already gives the count and the years.
        out.push_back(std::move(s));
    }
    if (!undated.cables.empty()) {
        out.push_back(std::move(undated));
    }
    return out;
}

void titles(const std::vector<Row>& rows, Collection& c)
{
    int from = 0;
    int to = 0;
    for (const Row& r : rows) {
        if (r.year > 0) {
            from = from == 0 ? r.year : std::min(from, r.year);
            to = std::max(to, r.year);
        }
    }
    const std::string n = std::to_string(rows.size());
    if (from == 0) {
        c.title = { { "en", "Diplomatic cables" }, { "ja", "外交電報" } };
        c.introduction = { { "en", "This archive holds " + n + " documents, as they were published." },
            { "ja", "このアーカイブには、公開されたままの文書" + n + "点が収められています。" } };
        return;
    }
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
    auto rows = read_rows(p);
    if (!rows) {
        return rows.error();
    }
    Collection& c = p.collection;
    titles(*rows, c);
    c.sections = decade_sections(*rows);
    c.featured.clear();
    for (const Row* r : featured_rows(*rows)) {
        c.featured.push_back(featured_of(*r));
    }
    return {};
}

} // namespace ck::content
