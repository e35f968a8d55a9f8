// Row writing for PackWriter. Facet values get small ids in order of first appearance (so the same
// inputs give the same ids), and each cable carries its facet ids as tokens ("xc3 xo12 xt7") in a
// column that only our own query code ever names, so filters run inside the search index.
#include "content/writer_tables.hpp"

#include "content/query.hpp"
#include "content/schema.hpp"
#include "content/writer_threads.hpp"

#include <algorithm>

namespace ck::content {

namespace fs = std::filesystem;

namespace {

std::string join(const std::vector<std::string>& items, std::string_view separator)
{
    std::string out;
    for (const auto& s : items) {
        if (!out.empty()) {
            out += separator;
        }
        out += s;
    }
    return out;
}

struct StatementText {
    const char* name;
    const char* sql;
};

constexpr StatementText statements[] = {
    { "cable",
        "INSERT INTO cables(num, id, id_from_file, ref_key, date, year, class_id, origin_id, ocr, "
        "partial_extract,"
        " source_line, format, precedence, sender, origin, classification, eo_line, declassification,"
        " classified_by, signature, source_file, subject, tags_text, facet_tokens, display_text)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, "
        "?21,"
        " ?22, ?23, ?24, ?25)" },
    { "list", "INSERT INTO cable_lists(cable, field, pos, value) VALUES (?1, ?2, ?3, ?4)" },
    { "tag", "INSERT OR IGNORE INTO cable_tags(cable, tag) VALUES (?1, ?2)" },
    { "ref",
        "INSERT INTO refs(cable, pos, label, text, target, target_num, kind)"
        " VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6)" },
    { "ref_key", "INSERT INTO temp.ref_keys(cable, ref, pos, key) VALUES (?1, ?2, ?3, ?4)" },
    { "alternative",
        "INSERT INTO ref_alternatives(cable, ref, pos, id, target_num) VALUES (?1, ?2, ?3, ?4, NULL)" },
    { "paragraph",
        "INSERT INTO paragraphs(cable, pos, number, portion_mark, line) VALUES (?1, ?2, ?3, ?4, ?5)" },
    { "attribute", "INSERT INTO attributes(cable, pos, key, value) VALUES (?1, ?2, ?3, ?4)" },
    { "text", "INSERT INTO texts(owner, field, lang, value) VALUES (?1, ?2, ?3, ?4)" },
    { "meta", "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)" },
    { "num_of", "SELECT num FROM cables WHERE id = ?1" },
    { "section", "INSERT INTO sections(pos, slug) VALUES (?1, ?2)" },
    { "section_cable", "INSERT INTO section_cables(section, pos, cable) VALUES (?1, ?2, ?3)" },
    { "featured", "INSERT INTO featured(pos, cable) VALUES (?1, ?2)" },
    { "glossary", "INSERT INTO glossary(pos, term, kind) VALUES (?1, ?2, ?3)" },
    { "tour", "INSERT INTO tours(pos, slug) VALUES (?1, ?2)" },
    { "tour_stop", "INSERT INTO tour_stops(tour, pos, cable, paragraph) VALUES (?1, ?2, ?3, ?4)" },
    { "paragraph_numbers", "SELECT number FROM paragraphs WHERE cable = ?1 ORDER BY pos" },
    { "permalink", "INSERT OR REPLACE INTO permalinks(cable, url) VALUES (?1, ?2)" },
    { "variant", "INSERT OR IGNORE INTO variants(form, grp, leads) VALUES (?1, ?2, ?3)" },
};

} // namespace

std::int64_t TableWriter::FacetDictionary::id_of(const std::string& value)
{
    if (value.empty()) {
        return 0;
    }
    auto [it, inserted] = ids.try_emplace(value, static_cast<std::int64_t>(ids.size()) + 1);
    if (inserted) {
        counts.push_back(0);
    }
    return it->second;
}

TableWriter::TableWriter(sqlite3* db, const BuildOptions& options)
    : m_db(db)
    , m_options(options)
{
}

sql::Stmt& TableWriter::stmt(const std::string& name)
{
    return m_stmts.at(name);
}

Status TableWriter::begin(IndexBuilder& index)
{
    m_index = &index;
    if (auto st = schema::create(m_db); !st) {
        return st;
    }
    const std::string setup = "CREATE TEMP TABLE ref_keys(cable INTEGER, ref INTEGER, pos INTEGER, key TEXT,"
                              " PRIMARY KEY(cable, ref, pos)) WITHOUT ROWID; BEGIN;";
    if (auto st = sql::exec(m_db, setup); !st) {
        return st;
    }
    for (const auto& s : statements) {
        auto prepared = sql::Stmt::prepare(m_db, s.sql);
        if (!prepared) {
            return prepared.error();
        }
        m_stmts.emplace(s.name, std::move(*prepared));
    }
    return {};
}

std::string TableWriter::count_facets(
    std::int64_t num, const cable::Cable& c, std::vector<std::int64_t>& tag_ids)
{
    const std::int64_t class_id = m_classifications.id_of(c.classification);
    const std::int64_t origin_id = m_origins.id_of(c.origin);
    std::string facet_tokens;
    if (class_id > 0) {
        ++m_classifications.counts[static_cast<std::size_t>(class_id - 1)];
        facet_tokens += "xc" + std::to_string(class_id);
    }
    if (origin_id > 0) {
        ++m_origins.counts[static_cast<std::size_t>(origin_id - 1)];
        facet_tokens += " xo" + std::to_string(origin_id);
    }
    for (const auto& tag : c.tags) {
        const std::int64_t id = m_tags.id_of(tag);
        if (id == 0 || std::find(tag_ids.begin(), tag_ids.end(), id) != tag_ids.end()) {
            continue;
        }
        tag_ids.push_back(id);
        ++m_tags.counts[static_cast<std::size_t>(id - 1)];
        facet_tokens += " xt" + std::to_string(id);
    }
    const int year = c.date ? c.date->year : 0;
    if (year > 0) {
        auto& span = m_years[year];
        span.first = span.count == 0 ? num : span.first;
        span.last = num;
        ++span.count;
    }
    return facet_tokens;
}

Status TableWriter::insert_cable_row(
    std::int64_t num, const cable::Cable& c, bool id_from_file, const std::string& facet_tokens)
{
    const std::string date = c.date ? c.date->iso() : std::string();
    auto& s = stmt("cable");
    s.bind(1, num).bind(2, std::string_view(c.id)).bind(3, id_from_file ? 1 : 0).bind(4, reference_key(c.id));
    if (c.date) {
        s.bind(5, std::string_view(date));
    } else {
        s.bind_null(5);
    }
    s.bind(6, c.date ? c.date->year : 0)
        .bind(7, m_classifications.id_of(c.classification))
        .bind(8, m_origins.id_of(c.origin))
        .bind(9, c.ocr ? 1 : 0)
        .bind(10, c.partial_extract ? 1 : 0);
    s.bind(11, static_cast<std::int64_t>(c.source_line)).bind(12, cable::to_string(c.format));
    s.bind(13, std::string_view(c.precedence))
        .bind(14, std::string_view(c.from))
        .bind(15, std::string_view(c.origin));
    s.bind(16, std::string_view(c.classification)).bind(17, std::string_view(c.eo_line));
    s.bind(18, std::string_view(c.declassification)).bind(19, std::string_view(c.classified_by));
    s.bind(20, std::string_view(c.signature)).bind(21, std::string_view(c.source_file));
    s.bind(22, std::string_view(c.subject))
        .bind(23, join(c.tags, "\n"))
        .bind(24, std::string_view(facet_tokens));
    s.bind(25, std::string_view(c.display_text));
    if (auto st = s.run(); !st) {
        return Error { st.error().message, c.source_file + ":" + std::to_string(c.source_line) };
    }
    return {};
}

Status TableWriter::add_cable(const cable::Cable& c, bool id_from_file)
{
    const std::int64_t num = ++m_num;
    std::vector<std::int64_t> tag_ids;
    const std::string facet_tokens = count_facets(num, c, tag_ids);
    m_text_bytes += static_cast<std::int64_t>(c.display_text.size());
    if (auto st = insert_cable_row(num, c, id_from_file, facet_tokens); !st) {
        return st;
    }
    m_index->add(IndexRow { num, c.subject, join(c.tags, "\n"), c.display_text, facet_tokens });
    for (const std::int64_t id : tag_ids) {
        if (auto st = stmt("tag").bind(1, num).bind(2, id).run(); !st) {
            return st;
        }
    }
    return insert_children(num, c);
}

// Each reference, the keys it may resolve by (its own id, then each alternative's) and the
// alternatives themselves.
Status TableWriter::insert_refs(std::int64_t num, const cable::Cable& c)
{
    for (std::size_t i = 0; i < c.refs.size(); ++i) {
        const auto& r = c.refs[i];
        const auto pos = static_cast<std::int64_t>(i);
        auto& s = stmt("ref").bind(1, num).bind(2, pos).bind(3, std::string_view(r.label));
        s.bind(4, std::string_view(r.text)).bind(5, std::string_view(r.id));
        if (auto st = s.bind(6, cable::to_string(r.kind)).run(); !st) {
            return st;
        }
        // Key 0 is the reference's own id, key j + 1 the source page's alternative j.
        if (!r.id.empty()) {
            auto& k = stmt("ref_key").bind(1, num).bind(2, pos).bind(3, std::int64_t { 0 });
            if (auto st = k.bind(4, reference_key(r.id)).run(); !st) {
                return st;
            }
        }
        for (std::size_t j = 0; j < r.alternatives.size(); ++j) {
            const auto key_pos = static_cast<std::int64_t>(j + 1);
            auto& a = stmt("alternative").bind(1, num).bind(2, pos).bind(3, static_cast<std::int64_t>(j));
            if (auto st = a.bind(4, std::string_view(r.alternatives[j])).run(); !st) {
                return st;
            }
            auto& k = stmt("ref_key").bind(1, num).bind(2, pos).bind(3, key_pos);
            if (auto st = k.bind(4, reference_key(r.alternatives[j])).run(); !st) {
                return st;
            }
        }
    }
    return {};
}

Status TableWriter::insert_children(std::int64_t num, const cable::Cable& c)
{
    const std::pair<schema::ListField, const std::vector<std::string>*> lists[] = {
        { schema::ListField::to, &c.to },
        { schema::ListField::info, &c.info },
        { schema::ListField::caveats, &c.caveats },
        { schema::ListField::tags, &c.tags },
        { schema::ListField::excluded, &c.excluded },
    };
    for (const auto& [field, values] : lists) {
        for (std::size_t i = 0; i < values->size(); ++i) {
            auto& s = stmt("list")
                          .bind(1, num)
                          .bind(2, static_cast<int>(field))
                          .bind(3, static_cast<std::int64_t>(i));
            if (auto st = s.bind(4, std::string_view((*values)[i])).run(); !st) {
                return st;
            }
        }
    }
    if (auto st = insert_refs(num, c); !st) {
        return st;
    }
    for (std::size_t i = 0; i < c.paragraphs.size(); ++i) {
        const auto& p = c.paragraphs[i];
        auto& s = stmt("paragraph").bind(1, num).bind(2, static_cast<std::int64_t>(i));
        s.bind(3, std::string_view(p.number)).bind(4, std::string_view(p.portion_mark));
        if (auto st = s.bind(5, static_cast<std::int64_t>(p.line)).run(); !st) {
            return st;
        }
    }
    for (std::size_t i = 0; i < c.attributes.size(); ++i) {
        const auto& a = c.attributes[i];
        auto& s = stmt("attribute").bind(1, num).bind(2, static_cast<std::int64_t>(i));
        if (auto st = s.bind(3, std::string_view(a.key)).bind(4, std::string_view(a.value)).run(); !st) {
            return st;
        }
    }
    return {};
}

Status TableWriter::write_facets_and_years()
{
    auto insert = sql::Stmt::prepare(
        m_db, "INSERT INTO facet_values(kind, id, value, cables) VALUES (?1, ?2, ?3, ?4)");
    if (!insert) {
        return insert.error();
    }
    const std::pair<schema::FacetKind, const FacetDictionary*> kinds[] = {
        { schema::FacetKind::classification, &m_classifications },
        { schema::FacetKind::origin, &m_origins },
        { schema::FacetKind::tag, &m_tags },
    };
    for (const auto& [kind, dict] : kinds) {
        for (const auto& [value, id] : dict->ids) {
            insert->bind(1, static_cast<int>(kind)).bind(2, id).bind(3, std::string_view(value));
            if (auto st = insert->bind(4, dict->counts[static_cast<std::size_t>(id - 1)]).run(); !st) {
                return st;
            }
        }
    }
    auto years = sql::Stmt::prepare(
        m_db, "INSERT INTO years(year, first_num, last_num, cables) VALUES (?1, ?2, ?3, ?4)");
    if (!years) {
        return years.error();
    }
    for (const auto& [year, span] : m_years) {
        if (auto st = years->bind(1, year).bind(2, span.first).bind(3, span.last).bind(4, span.count).run();
            !st) {
            return st;
        }
    }
    return {};
}

Status TableWriter::resolve_references()
{
    // A reference resolves by its own id only: that id rests on strong evidence (the year written
    // in the entry, else the citing cable's own year). An id the source page offers instead may be
    // another cable altogether (1974ATHENS02959's "STATE -097844" is not 1973STATE097844), so it
    // is recorded on its own row, to be shown as "possibly", never as the reference's target.
    return sql::exec(m_db,
        "UPDATE refs SET target_num = (SELECT c.num FROM temp.ref_keys k JOIN cables c ON c.ref_key = k.key"
        " WHERE k.cable = refs.cable AND k.ref = refs.pos AND k.pos = 0 ORDER BY c.num LIMIT 1);"
        "UPDATE ref_alternatives SET target_num = (SELECT c.num FROM temp.ref_keys k"
        " JOIN cables c ON c.ref_key = k.key WHERE k.cable = ref_alternatives.cable"
        " AND k.ref = ref_alternatives.ref AND k.pos = ref_alternatives.pos + 1 ORDER BY c.num LIMIT 1);");
}

Status TableWriter::write_texts(const std::string& owner, const std::string& field, const LangText& text)
{
    for (const auto& [lang, value] : text) {
        auto& s = stmt("text").bind(1, std::string_view(owner)).bind(2, std::string_view(field));
        if (auto st = s.bind(3, std::string_view(lang)).bind(4, std::string_view(value)).run(); !st) {
            return st;
        }
    }
    return {};
}

std::int64_t TableWriter::manifest_num_of(const std::string& id, std::size_t line)
{
    auto& s = stmt("num_of").bind(1, std::string_view(id));
    auto found = sql::query_one(s, [](const sql::Stmt& row) { return row.column_int(0); });
    const std::int64_t num = found && *found ? **found : 0;
    s.reset();
    if (num == 0) {
        m_manifest_errors.push_back(make_error(
            "cable '" + id + "' is not in the pack", m_options.manifest->file + ":" + std::to_string(line)));
    }
    return num;
}

Status TableWriter::write_sections()
{
    const Manifest& m = *m_options.manifest;
    Status st;
    for (std::size_t i = 0; st && i < m.sections.size(); ++i) {
        const auto& s = m.sections[i];
        const auto pos = static_cast<std::int64_t>(i);
        const std::string owner = "section/" + std::to_string(i);
        st = stmt("section").bind(1, pos).bind(2, std::string_view(s.id)).run();
        st = st ? write_texts(owner, "title", s.title) : st;
        st = st ? write_texts(owner, "caption", s.caption) : st;
        for (std::size_t j = 0; st && j < s.cables.size(); ++j) {
            const std::int64_t num
                = manifest_num_of(s.cables[j], j < s.cable_lines.size() ? s.cable_lines[j] : s.line);
            st = stmt("section_cable").bind(1, pos).bind(2, static_cast<std::int64_t>(j)).bind(3, num).run();
        }
    }
    return st;
}

Status TableWriter::write_featured_and_glossary()
{
    const Manifest& m = *m_options.manifest;
    Status st;
    for (std::size_t i = 0; st && i < m.featured.size(); ++i) {
        const auto& f = m.featured[i];
        const std::int64_t num = manifest_num_of(f.cable, f.line);
        st = stmt("featured").bind(1, static_cast<std::int64_t>(i)).bind(2, num).run();
        st = st ? write_texts("featured/" + std::to_string(i), "teaser", f.teaser) : st;
    }
    for (std::size_t i = 0; st && i < m.glossary.size(); ++i) {
        const auto& g = m.glossary[i];
        auto& insert
            = stmt("glossary").bind(1, static_cast<std::int64_t>(i)).bind(2, std::string_view(g.term));
        st = insert.bind(3, to_string(g.kind)).run();
        st = st ? write_texts("glossary/" + std::to_string(i), "definition", g.definition) : st;
    }
    return st;
}

Status TableWriter::write_variants()
{
    // The groups of the variants list, then one per glossary entry with other forms.
    std::vector<VariantGroup> groups = m_options.variants;
    if (m_options.manifest) {
        for (const auto& g : m_options.manifest->glossary) {
            if (!g.also.empty()) {
                VariantGroup group { { g.term }, false, m_options.manifest->file, g.line };
                group.forms.insert(group.forms.end(), g.also.begin(), g.also.end());
                groups.push_back(std::move(group));
            }
        }
    }
    if (groups.empty()) {
        return {};
    }
    // Forms are stored folded as the index folds words, tokens joined by one space, so a lookup
    // of what a visitor typed is one exact match.
    auto parser = QueryParser::create();
    if (!parser) {
        return parser.error();
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
        for (std::size_t f = 0; f < groups[g].forms.size(); ++f) {
            const std::string& form = groups[g].forms[f];
            // In a one-way group only the first form leads to the others.
            const bool leads = !groups[g].one_way || f == 0;
            std::string folded;
            for (const auto& token : parser->tokenize(form)) {
                folded += (folded.empty() ? "" : " ") + token.text;
            }
            if (folded.empty()) {
                return make_error("'" + form + "' has no word that search could match",
                    groups[g].file + ":" + std::to_string(groups[g].line));
            }
            auto st = stmt("variant")
                          .bind(1, std::string_view(folded))
                          .bind(2, static_cast<std::int64_t>(g))
                          .bind(3, leads ? 1 : 0)
                          .run();
            if (!st) {
                return st;
            }
        }
    }
    return {};
}

Status TableWriter::write_permalinks()
{
    // The sources' permalinks name the cables they describe; a cable stored under another id
    // (a duplicate) simply has none. The curator's, written last, replace them.
    Status st;
    for (const auto& [id, url] : m_options.permalinks) {
        auto& s = stmt("num_of").bind(1, std::string_view(id));
        auto found = sql::query_one(s, [](const sql::Stmt& row) { return row.column_int(0); });
        const std::int64_t num = found && *found ? **found : 0;
        s.reset();
        if (st && num > 0) {
            st = stmt("permalink").bind(1, num).bind(2, std::string_view(url)).run();
        }
    }
    if (m_options.manifest) {
        for (const auto& c : m_options.manifest->cables) {
            const std::int64_t num = manifest_num_of(c.id, c.line);
            if (st && num > 0) {
                st = stmt("permalink").bind(1, num).bind(2, std::string_view(c.permalink)).run();
            }
        }
    }
    return st;
}

Status TableWriter::write_name_tables()
{
    // Owner "name": field = the English form, value = its name; owner "reading": field = the term,
    // value = its readings separated by spaces (a term's lines joined in table order).
    Status st;
    for (const NameEntry& n : m_options.names_ja) {
        st = st ? write_texts("name", n.english, LangText { { "ja", n.local } }) : st;
    }
    std::map<std::string, std::string> readings;
    for (const TermReading& r : m_options.readings_ja) {
        std::string& all = readings[r.term];
        all += (all.empty() ? "" : " ") + r.reading;
    }
    for (const auto& [term, all] : readings) {
        st = st ? write_texts("reading", term, LangText { { "ja", all } }) : st;
    }
    return st;
}

Status TableWriter::write_manifest()
{
    if (!m_options.manifest) {
        return {};
    }
    const Manifest& m = *m_options.manifest;
    Status st = write_texts("collection", "title", m.title);
    st = st ? write_texts("collection", "introduction", m.introduction) : st;
    st = st ? write_texts("collection", "about", m.about) : st;
    st = st ? write_sections() : st;
    st = st ? write_featured_and_glossary() : st;
    st = st ? write_tours() : st;
    for (const auto& [lang, strings] : m.ui) {
        for (const auto& [key, value] : strings) {
            if (st) {
                st = write_texts("ui", key, LangText { { lang, value } });
            }
        }
    }
    if (!st) {
        return st;
    }
    if (!m_manifest_errors.empty()) {
        // Every missing cable is reported, each on its own "file:line: ..." line.
        Error first = m_manifest_errors.front();
        for (std::size_t i = 1; i < m_manifest_errors.size(); ++i) {
            first.message.append("\n").append(m_manifest_errors[i].to_string());
        }
        return first;
    }
    return {};
}

} // namespace ck::content
