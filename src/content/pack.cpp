// Reading cables, curation and metadata from an opened pack. Every public call runs under the
// connection's statement budget; search lives in search.cpp and facets.cpp.
#include "content/pack.hpp"

#include "cable/origin.hpp"
#include "content/pack_impl.hpp"
#include "content/schema.hpp"

#include <set>

namespace ck::content {

namespace fs = std::filesystem;

Result<sql::Stmt*> Pack::Impl::stmt(std::string_view text)
{
    auto it = statements.find(text);
    if (it == statements.end()) {
        auto prepared = sql::Stmt::prepare(db.get(), text);
        if (!prepared) {
            return prepared.error();
        }
        it = statements.emplace(std::string(text), std::move(*prepared)).first;
    }
    it->second.reset();
    return &it->second;
}

CableSummary read_summary(const sql::Stmt& st, int first_col)
{
    CableSummary s;
    s.id = st.column_text(first_col);
    s.date = st.column_text(first_col + 1);
    s.subject = st.column_text(first_col + 2);
    s.classification = st.column_text(first_col + 3);
    s.from = st.column_text(first_col + 4);
    s.origin = st.column_text(first_col + 5);
    s.first_to = st.column_text(first_col + 6);
    return s;
}

namespace {

// Runs the cached statement `text` with `key` bound to ?1, calling on_row for each row.
template <class Key, class OnRow>
Status each_row_of(Pack::Impl& p, std::string_view text, Key key, OnRow&& on_row)
{
    auto st = p.stmt(text);
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, key);
    return sql::each_row(**st, std::forward<OnRow>(on_row));
}

// The curation texts: owner ("collection", "section/2", ...) -> field -> language -> text.
using Texts = std::map<std::string, std::map<std::string, LangText>>;

Result<Texts> read_texts(Pack::Impl& p)
{
    auto st = p.stmt("SELECT owner, field, lang, value FROM texts");
    if (!st) {
        return st.error();
    }
    Texts texts;
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) {
        texts[s.column_text(0)][s.column_text(1)][s.column_text(2)] = s.column_text(3);
    });
    if (!status) {
        return status.error();
    }
    return texts;
}

Status read_sections(Pack::Impl& p, Texts& texts, Collection& c)
{
    auto st = p.stmt("SELECT pos, slug FROM sections ORDER BY pos");
    if (!st) {
        return st.error();
    }
    std::vector<std::int64_t> positions;
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) {
        const std::string owner = "section/" + std::to_string(s.column_int(0));
        positions.push_back(s.column_int(0));
        c.sections.push_back(
            Section { s.column_text(1), texts[owner]["title"], texts[owner]["caption"], {} });
    });
    for (std::size_t i = 0; status && i < positions.size(); ++i) {
        status = each_row_of(p,
            "SELECT c.id FROM section_cables s JOIN cables c ON c.num = s.cable WHERE s.section = ?1"
            " ORDER BY s.pos",
            positions[i], [&](const sql::Stmt& s) { c.sections[i].cables.push_back(s.column_text(0)); });
    }
    return status;
}

Status read_featured_and_glossary(Pack::Impl& p, Texts& texts, Collection& c)
{
    auto st = p.stmt("SELECT f.pos, c.id FROM featured f JOIN cables c ON c.num = f.cable ORDER BY f.pos");
    if (!st) {
        return st.error();
    }
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) {
        c.featured.push_back(
            Featured { s.column_text(1), texts["featured/" + std::to_string(s.column_int(0))]["teaser"] });
    });
    if (!status) {
        return status;
    }
    st = p.stmt("SELECT pos, term, kind FROM glossary ORDER BY pos");
    if (!st) {
        return st.error();
    }
    return sql::each_row(**st, [&](const sql::Stmt& s) {
        const auto kind = s.column_view(2) == "tag" ? GlossaryKind::tag : GlossaryKind::term;
        c.glossary.push_back(GlossaryTerm {
            s.column_text(1), kind, texts["glossary/" + std::to_string(s.column_int(0))]["definition"] });
    });
}

// The tours with their stops in order; a stop whose cable row is gone is dropped (a build never
// writes one: it refuses a stop naming a cable that is not in the pack).
Status read_tours(Pack::Impl& p, Texts& texts, Collection& c)
{
    auto st = p.stmt("SELECT pos, slug FROM tours ORDER BY pos");
    if (!st) {
        return st.error();
    }
    std::vector<std::int64_t> positions;
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) {
        const std::string owner = "tour/" + std::to_string(s.column_int(0));
        positions.push_back(s.column_int(0));
        c.tours.push_back(Tour { s.column_text(1), texts[owner]["title"], texts[owner]["introduction"], {} });
    });
    for (std::size_t i = 0; status && i < positions.size(); ++i) {
        const std::string owner = "tour/" + std::to_string(positions[i]) + "/stop/";
        status = each_row_of(p,
            "SELECT t.pos, c.id, t.paragraph FROM tour_stops t JOIN cables c ON c.num = t.cable"
            " WHERE t.tour = ?1 ORDER BY t.pos",
            positions[i], [&](const sql::Stmt& s) {
                c.tours[i].stops.push_back(TourStop { s.column_text(1),
                    texts[owner + std::to_string(s.column_int(0))]["note"], s.column_text(2) });
            });
    }
    return status;
}

// The names and readings tables (name_tables.hpp). A name is keyed by its English form and by the
// kiosk's wording of it, so "AMEMBASSY TOKYO" in the table also names the origin "Embassy Tokyo";
// a form the table lists itself wins over a derived one.
void read_name_tables(Texts& texts, Collection& c)
{
    for (const auto& [english, langs] : texts["name"]) {
        if (const std::string worded = cable::origin_from_addressee(english); !worded.empty()) {
            c.names.emplace(name_key(worded), langs);
        }
    }
    for (const auto& [english, langs] : texts["name"]) {
        c.names.insert_or_assign(name_key(english), langs);
    }
    for (const auto& [term, langs] : texts["reading"]) {
        const auto it = langs.find("ja");
        if (it == langs.end()) {
            continue;
        }
        std::size_t pos = 0;
        while (pos < it->second.size()) {
            const std::size_t end = std::min(it->second.find(' ', pos), it->second.size());
            if (end > pos) {
                c.readings_ja.push_back({ term, it->second.substr(pos, end - pos), 0 });
            }
            pos = end + 1;
        }
    }
}

} // namespace

Status read_collection(Pack::Impl& p)
{
    Collection& c = p.collection;
    auto texts = read_texts(p);
    if (!texts) {
        return texts.error();
    }
    c.title = (*texts)["collection"]["title"];
    c.introduction = (*texts)["collection"]["introduction"];
    c.about = (*texts)["collection"]["about"];
    for (const auto& [key, langs] : (*texts)["ui"]) {
        for (const auto& [lang, value] : langs) {
            c.ui[lang][key] = value;
        }
    }
    read_name_tables(*texts, c);
    if (auto status = read_sections(p, *texts, c); !status) {
        return status;
    }
    if (auto status = read_featured_and_glossary(p, *texts, c); !status) {
        return status;
    }
    return read_tours(p, *texts, c);
}

Pack::Pack(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{
}
Pack::~Pack() = default;
Pack::Pack(Pack&&) noexcept = default;
Pack& Pack::operator=(Pack&&) noexcept = default;

Result<Pack> Pack::open(const fs::path& path, const OpenOptions& options)
{
    auto impl = open_pack(path, options);
    if (!impl) {
        return impl.error();
    }
    return Pack(std::move(*impl));
}

const PackInfo& Pack::info() const
{
    return m_impl->info;
}

const Collection& Pack::collection() const
{
    return m_impl->collection;
}

const fs::path& Pack::path() const
{
    return m_impl->path;
}

std::vector<std::string> Pack::languages() const
{
    std::set<std::string> langs;
    const Collection& c = m_impl->collection;
    for (const auto& [lang, _] : c.title) {
        langs.insert(lang);
    }
    for (const auto& [lang, _] : c.ui) {
        langs.insert(lang);
    }
    std::vector<std::string> out { "en" };
    for (const auto& lang : langs) {
        if (lang != "en") {
            out.push_back(lang);
        }
    }
    return out;
}

std::string Pack::ui_string(std::string_view lang, std::string_view key) const
{
    const auto& ui = m_impl->collection.ui;
    for (const std::string_view l : { lang, std::string_view("en") }) {
        if (auto it = ui.find(std::string(l)); it != ui.end()) {
            if (auto found = it->second.find(std::string(key)); found != it->second.end()) {
                return found->second;
            }
        }
    }
    return std::string(key);
}

Result<std::vector<CableSummary>> Pack::Impl::summaries_by_num(const std::vector<std::int64_t>& nums)
{
    std::vector<CableSummary> out;
    out.reserve(nums.size());
    for (const std::int64_t num : nums) {
        auto status
            = each_row_of(*this, "SELECT " + std::string(summary_columns) + " FROM cables c WHERE c.num = ?1",
                num, [&](const sql::Stmt& s) { out.push_back(read_summary(s)); });
        if (!status) {
            return status.error();
        }
    }
    return out;
}

namespace {

// The cable's own row: identity, dates, header fields and the display text.
Status read_cable_row(Pack::Impl& p, std::int64_t num, CableRecord& r)
{
    auto st = p.stmt(
        "SELECT id, id_from_file, date, ocr, partial_extract, source_line, format, precedence, sender,"
        " origin, classification, eo_line, declassification, classified_by, signature, source_file,"
        " subject, display_text FROM cables WHERE num = ?1");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, num);
    auto found = sql::query_one(**st, [&](const sql::Stmt& s) {
        cable::Cable& c = r.cable;
        c.id = s.column_text(0);
        r.id_from_file = s.column_int(1) != 0;
        c.date = s.column_is_null(2) ? std::nullopt : cable::CableDate::from_iso(s.column_view(2));
        c.ocr = s.column_int(3) != 0;
        c.partial_extract = s.column_int(4) != 0;
        c.source_line = static_cast<std::size_t>(s.column_int(5));
        c.format = cable::source_format_from_string(s.column_view(6)).value_or(cable::SourceFormat::other);
        std::string* fields[]
            = { &c.precedence, &c.from, &c.origin, &c.classification, &c.eo_line, &c.declassification,
                  &c.classified_by, &c.signature, &c.source_file, &c.subject, &c.display_text };
        for (int i = 0; i < 11; ++i) {
            *fields[i] = s.column_text(7 + i);
        }
        return true;
    });
    if (!found) {
        return found.error();
    }
    if (!*found) {
        return make_error("no cable " + std::to_string(num), "pack");
    }
    return {};
}

// To, info, caveats, tags and excluded, each in its order.
Status read_lists(Pack::Impl& p, std::int64_t num, cable::Cable& c)
{
    return each_row_of(p, "SELECT field, value FROM cable_lists WHERE cable = ?1 ORDER BY field, pos", num,
        [&](const sql::Stmt& l) {
            switch (static_cast<schema::ListField>(l.column_int(0))) {
            case schema::ListField::to:
                c.to.push_back(l.column_text(1));
                break;
            case schema::ListField::info:
                c.info.push_back(l.column_text(1));
                break;
            case schema::ListField::caveats:
                c.caveats.push_back(l.column_text(1));
                break;
            case schema::ListField::tags:
                c.tags.push_back(l.column_text(1));
                break;
            case schema::ListField::excluded:
                c.excluded.push_back(l.column_text(1));
                break;
            }
        });
}

// The references with the cable each resolves to, and the alternatives a source page offered.
Status read_refs(Pack::Impl& p, std::int64_t num, CableRecord& r)
{
    auto status = each_row_of(p,
        "SELECT r.pos, r.label, r.text, r.target, t.id, r.kind FROM refs r"
        " LEFT JOIN cables t ON t.num = r.target_num WHERE r.cable = ?1 ORDER BY r.pos",
        num, [&](const sql::Stmt& l) {
            ResolvedReference ref;
            ref.ref.label = l.column_text(1);
            ref.ref.text = l.column_text(2);
            ref.ref.id = l.column_text(3);
            ref.target_id = l.column_text(4);
            ref.ref.kind
                = cable::reference_kind_from_string(l.column_text(5)).value_or(cable::ReferenceKind::other);
            r.refs.push_back(std::move(ref));
        });
    if (!status) {
        return status;
    }
    status = each_row_of(p,
        "SELECT a.ref, a.id, t.id FROM ref_alternatives a LEFT JOIN cables t ON t.num = a.target_num"
        " WHERE a.cable = ?1 ORDER BY a.ref, a.pos",
        num, [&](const sql::Stmt& l) {
            const auto ref = static_cast<std::size_t>(l.column_int(0));
            if (ref >= r.refs.size()) {
                return;
            }
            ResolvedReference& rr = r.refs[ref];
            rr.ref.alternatives.push_back(l.column_text(1));
            // Offered by the source page and in this pack: "possibly", with the reason it is not sure.
            if (std::string target = l.column_text(2); !target.empty() && target != rr.target_id) {
                rr.possibly.push_back(
                    { target, cable::alternative_reason(rr.ref, rr.ref.alternatives.back()) });
            }
        });
    // The cable itself carries its references too, as the parser gave them (export, diff).
    r.cable.refs.clear();
    for (const ResolvedReference& rr : r.refs) {
        r.cable.refs.push_back(rr.ref);
    }
    return status;
}

Status read_paragraphs_and_attributes(Pack::Impl& p, std::int64_t num, cable::Cable& c)
{
    auto status
        = each_row_of(p, "SELECT number, portion_mark, line FROM paragraphs WHERE cable = ?1 ORDER BY pos",
            num, [&](const sql::Stmt& l) {
                c.paragraphs.push_back(cable::Paragraph {
                    l.column_text(0), l.column_text(1), static_cast<std::size_t>(l.column_int(2)) });
            });
    if (!status) {
        return status;
    }
    return each_row_of(
        p, "SELECT key, value FROM attributes WHERE cable = ?1 ORDER BY pos", num, [&](const sql::Stmt& l) {
            c.attributes.push_back(cable::Attribute { l.column_text(0), l.column_text(1) });
        });
}

// "Cited by" is capped: a list screen shows a handful, and a hostile pack cannot make it huge.
Status read_cited_by(Pack::Impl& p, std::int64_t num, CableRecord& r)
{
    std::vector<std::int64_t> citing;
    auto status = each_row_of(p,
        "SELECT DISTINCT cable FROM refs WHERE target_num = ?1 AND cable != ?1 ORDER BY cable LIMIT 200", num,
        [&](const sql::Stmt& l) { citing.push_back(l.column_int(0)); });
    if (!status) {
        return status;
    }
    auto cited = p.summaries_by_num(citing);
    if (!cited) {
        return cited.error();
    }
    r.cited_by = std::move(*cited);
    return {};
}

// Looks up a cable's row number by a key bound to ?1; nullopt when there is none.
template <class Key>
Result<std::optional<std::int64_t>> num_where(Pack::Impl& p, std::string_view text, Key key)
{
    auto st = p.stmt(text);
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, key);
    return sql::query_one(**st, [](const sql::Stmt& s) { return s.column_int(0); });
}

} // namespace

Result<CableRecord> Pack::Impl::record_by_num(std::int64_t num)
{
    CableRecord r;
    Status status = read_cable_row(*this, num, r);
    status = status ? read_lists(*this, num, r.cable) : status;
    status = status ? read_refs(*this, num, r) : status;
    status = status ? read_paragraphs_and_attributes(*this, num, r.cable) : status;
    status = status ? read_cited_by(*this, num, r) : status;
    if (!status) {
        return status.error();
    }
    return r;
}

Result<std::optional<CableRecord>> Pack::cable(std::string_view id)
{
    auto scope = m_impl->scope();
    auto num = num_where(*m_impl, "SELECT num FROM cables WHERE id = ?1", id);
    if (!num) {
        return num.error();
    }
    if (!*num) {
        return std::optional<CableRecord> {};
    }
    auto record = m_impl->record_by_num(**num);
    if (!record) {
        return record.error();
    }
    return std::optional<CableRecord>(std::move(*record));
}

Result<std::vector<CableSummary>> Pack::summaries(const std::vector<std::string>& ids)
{
    auto scope = m_impl->scope();
    std::vector<std::int64_t> nums;
    for (const auto& id : ids) {
        auto num = num_where(*m_impl, "SELECT num FROM cables WHERE id = ?1", std::string_view(id));
        if (!num) {
            return num.error();
        }
        if (*num) {
            nums.push_back(**num);
        }
    }
    return m_impl->summaries_by_num(nums);
}

Result<std::vector<YearCount>> Pack::years()
{
    auto scope = m_impl->scope();
    auto st = m_impl->stmt("SELECT year, cables FROM years ORDER BY year");
    if (!st) {
        return st.error();
    }
    std::vector<YearCount> out;
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) {
        out.push_back(YearCount { static_cast<int>(s.column_int(0)), s.column_int(1) });
    });
    if (!status) {
        return status.error();
    }
    return out;
}

Result<std::vector<CableSummary>> Pack::cables_in_year(int year, std::size_t limit, std::size_t offset)
{
    auto scope = m_impl->scope();
    auto st = m_impl->stmt("SELECT " + std::string(summary_columns)
        + " FROM years y JOIN cables c ON c.num BETWEEN y.first_num AND y.last_num"
          " WHERE y.year = ?1 ORDER BY c.num LIMIT ?2 OFFSET ?3");
    if (!st) {
        return st.error();
    }
    (*st)->bind(1, year).bind(2, static_cast<std::int64_t>(limit)).bind(3, static_cast<std::int64_t>(offset));
    std::vector<CableSummary> out;
    auto status = sql::each_row(**st, [&](const sql::Stmt& s) { out.push_back(read_summary(s)); });
    if (!status) {
        return status.error();
    }
    return out;
}

Result<RefCounts> Pack::ref_counts()
{
    auto scope = m_impl->scope();
    auto total = sql::query_int(m_impl->db.get(), "SELECT count(*) FROM refs");
    auto resolved
        = sql::query_int(m_impl->db.get(), "SELECT count(*) FROM refs WHERE target_num IS NOT NULL");
    auto possible = sql::query_int(m_impl->db.get(), std::string(schema::possible_refs_count_sql));
    auto fbis = sql::query_int(m_impl->db.get(), "SELECT count(*) FROM refs WHERE kind = 'fbis'");
    for (const auto* r : { &total, &resolved, &possible, &fbis }) {
        if (!*r) {
            return r->error();
        }
    }
    return RefCounts { *total, *resolved, *possible, *fbis };
}

Status Pack::for_each_cable(const std::function<Status(const CableRecord&)>& fn)
{
    // Walks by number rather than holding one statement open, so each record's own queries can
    // reuse the cached statements; the budget applies per cable, not to the whole walk.
    for (std::int64_t num = 1;; ++num) {
        auto scope = m_impl->scope();
        auto next = num_where(*m_impl, "SELECT num FROM cables WHERE num >= ?1 ORDER BY num LIMIT 1", num);
        if (!next) {
            return next.error();
        }
        if (!*next) {
            return {};
        }
        num = **next;
        auto record = m_impl->record_by_num(num);
        if (!record) {
            return record.error();
        }
        if (auto status = fn(*record); !status) {
            return status;
        }
    }
}

Status Pack::check_integrity(Integrity level, const std::atomic<bool>* cancel)
{
    {
        sql::GuardScope scope(m_impl->guard, std::chrono::milliseconds { 0 }, cancel);
        if (auto st = check_integrity_pragma(m_impl->db.get()); !st) {
            return st;
        }
    }
    if (auto st = check_fts_integrity(m_impl->path, level == Integrity::full, cancel); !st) {
        return st;
    }
    sql::GuardScope scope(m_impl->guard, std::chrono::milliseconds { 0 }, cancel);
    auto hash = schema::content_hash(m_impl->db.get());
    if (!hash) {
        return Error { hash.error().message, std::string(check::content_hash) };
    }
    if (*hash != m_impl->info.content_hash) {
        return make_error(
            "the content does not match the content hash in the metadata", std::string(check::content_hash));
    }
    return {};
}

} // namespace ck::content
