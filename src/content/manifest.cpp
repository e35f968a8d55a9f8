// Reads collection.toml with toml++ and checks it against format_version 1 of
// content_pack/README.md: unknown keys, missing required keys, wrong types and malformed language
// tables are all errors citing the line. toml++ exceptions stop here; callers see Result values.
#include "content/manifest.hpp"

#include "content/manifest_reader.hpp"
#include "content/permalink.hpp"

#include <algorithm>
#include <fstream>
#include <set>

namespace ck::content {

std::string pick(const LangText& text, std::string_view lang)
{
    if (auto it = text.find(std::string(lang)); it != text.end()) {
        return it->second;
    }
    if (auto it = text.find("en"); it != text.end()) {
        return it->second;
    }
    return {};
}

std::string_view to_string(GlossaryKind kind)
{
    switch (kind) {
    case GlossaryKind::tag:
        return "tag";
    case GlossaryKind::term:
        return "term";
    }
    return "term";
}

using namespace manifest_detail;

namespace {

void read_collection(Reader& r, const toml::table& root, Manifest& m)
{
    const toml::node* node = root.get("collection");
    const auto* table = node != nullptr ? node->as_table() : nullptr;
    if (table == nullptr) {
        r.fail_at(node != nullptr ? node->source().begin.line : 1, "missing required table [collection]");
        return;
    }
    r.only_keys(*table, { "title", "introduction", "about" }, "[collection]");
    const std::size_t line = table->source().begin.line;
    m.collection_line = line;
    m.title = r.lang_text(table->get("title"), line, "title", true);
    m.introduction = r.lang_text(table->get("introduction"), line, "introduction", false);
    m.about = r.lang_text(table->get("about"), line, "about", false);
}

void read_sections(Reader& r, const toml::table& root, Manifest& m)
{
    const auto* array = array_of_tables(r, root, "sections");
    if (array == nullptr) {
        return;
    }
    std::set<std::string> seen;
    for (const toml::node& node : *array) {
        const auto& table = *node.as_table();
        ManifestSection s;
        s.line = table.source().begin.line;
        r.only_keys(table, { "id", "title", "caption", "cables" }, "[[sections]]");
        if (const auto* id = table.get("id"); id == nullptr) {
            r.fail_at(s.line, "[[sections]] is missing required key 'id'");
        } else {
            s.id = r.string(id, "id");
            if (!valid_slug(s.id)) {
                r.fail(id, "section id '" + s.id + "' must be a slug of a-z, 0-9, '-' and '_'");
            } else if (!seen.insert(s.id).second) {
                r.fail(id, "section id '" + s.id + "' is used twice");
            }
        }
        s.title = r.lang_text(table.get("title"), s.line, "title", true);
        s.caption = r.lang_text(table.get("caption"), s.line, "caption", false);
        const toml::node* cables = table.get("cables");
        const auto* list = cables != nullptr ? cables->as_array() : nullptr;
        if (list == nullptr) {
            r.fail_at(cables != nullptr ? cables->source().begin.line : s.line,
                "[[sections]] needs 'cables', a list of cable ids");
        } else {
            for (const toml::node& item : *list) {
                s.cables.push_back(r.string(&item, "a cable id in 'cables'"));
                s.cable_lines.push_back(item.source().begin.line);
            }
        }
        m.sections.push_back(std::move(s));
    }
}

void read_featured(Reader& r, const toml::table& root, Manifest& m)
{
    const auto* array = array_of_tables(r, root, "featured");
    if (array == nullptr) {
        return;
    }
    for (const toml::node& node : *array) {
        const auto& table = *node.as_table();
        ManifestFeatured f;
        f.line = table.source().begin.line;
        r.only_keys(table, { "cable", "teaser" }, "[[featured]]");
        if (const auto* cable = table.get("cable"); cable == nullptr) {
            r.fail_at(f.line, "[[featured]] is missing required key 'cable'");
        } else {
            f.cable = r.string(cable, "cable");
            f.line = cable->source().begin.line;
        }
        f.teaser = r.lang_text(table.get("teaser"), f.line, "teaser", true);
        m.featured.push_back(std::move(f));
    }
}

void read_glossary(Reader& r, const toml::table& root, Manifest& m)
{
    const auto* array = array_of_tables(r, root, "glossary");
    if (array == nullptr) {
        return;
    }
    for (const toml::node& node : *array) {
        const auto& table = *node.as_table();
        ManifestGlossaryEntry g;
        g.line = table.source().begin.line;
        r.only_keys(table, { "term", "kind", "definition", "also" }, "[[glossary]]");
        if (const auto* term = table.get("term"); term == nullptr) {
            r.fail_at(g.line, "[[glossary]] is missing required key 'term'");
        } else {
            g.term = r.string(term, "term");
            if (g.term.empty()) {
                r.fail(term, "glossary term is empty");
            }
        }
        if (const auto* kind = table.get("kind"); kind == nullptr) {
            r.fail_at(g.line, "[[glossary]] is missing required key 'kind' (\"tag\" or \"term\")");
        } else {
            const std::string k = r.string(kind, "kind");
            if (k == "tag") {
                g.kind = GlossaryKind::tag;
            } else if (k == "term") {
                g.kind = GlossaryKind::term;
            } else {
                r.fail(kind, "kind must be \"tag\" or \"term\", not \"" + k + "\"");
            }
        }
        g.definition = r.lang_text(table.get("definition"), g.line, "definition", true);
        if (const toml::node* also = table.get("also"); also != nullptr) {
            if (const auto* list = also->as_array(); list == nullptr) {
                r.fail(
                    also, "'also' is a list of other forms of the term, such as [\"Government of Japan\"]");
            } else {
                for (const toml::node& item : *list) {
                    g.also.push_back(r.string(&item, "a form in 'also'"));
                }
            }
        }
        m.glossary.push_back(std::move(g));
    }
}

// [[cables]]: id and permalink (an https URL, checked here so the error names the line).
void read_cables(Reader& r, const toml::table& root, Manifest& m)
{
    const auto* array = array_of_tables(r, root, "cables");
    for (std::size_t i = 0; array != nullptr && i < array->size(); ++i) {
        const auto& table = *array->get(i)->as_table();
        ManifestCable c;
        c.line = table.source().begin.line;
        r.only_keys(table, { "id", "permalink" }, "[[cables]]");
        const auto* id = table.get("id");
        const auto* link = table.get("permalink");
        if (id == nullptr || link == nullptr) {
            r.fail_at(c.line, "[[cables]] needs 'id' and 'permalink'");
            continue;
        }
        c.id = r.string(id, "id");
        c.permalink = r.string(link, "permalink");
        if (auto ok = check_permalink(c.permalink); !ok) {
            r.fail(link, ok.error().message);
        }
        m.cables.push_back(std::move(c));
    }
}

void read_ui(Reader& r, const toml::table& root, Manifest& m)
{
    const toml::node* node = root.get("ui");
    if (node == nullptr) {
        return;
    }
    const auto* table = node->as_table();
    if (table == nullptr) {
        r.fail(node, "'ui' must be tables of strings: [ui.en], [ui.ja]");
        return;
    }
    for (const auto& [lang_key, lang_node] : *table) {
        const std::string lang(lang_key.str());
        if (!Reader::valid_language(lang)) {
            r.fail(&lang_node, "[ui." + lang + "] is not a language code such as en or ja");
            continue;
        }
        const auto* strings = lang_node.as_table();
        if (strings == nullptr) {
            r.fail(&lang_node, "[ui." + lang + "] must be a table of strings");
            continue;
        }
        auto& out = m.ui[lang];
        m.ui_lines[lang] = lang_node.source().begin.line;
        for (const auto& [key, value] : *strings) {
            out[std::string(key.str())]
                = r.string(&value, "ui." + lang + " \"" + std::string(key.str()) + "\"");
        }
    }
    if (!m.ui.empty() && m.ui.count("en") == 0) {
        r.fail(node, "UI strings need an English table [ui.en]");
    }
}

} // namespace

Result<Manifest> parse_manifest(
    std::string_view text, const std::string& file_name, std::vector<Error>* problems)
{
    Reader r(file_name);
    Manifest m;
    m.file = file_name;
    if (text.size() > manifest_max_bytes) {
        r.fail_at(1, "manifest is larger than " + std::to_string(manifest_max_bytes) + " bytes");
    } else {
        try {
            const toml::table root = toml::parse(text, file_name);
            r.only_keys(root,
                { "format_version", "collection", "sections", "featured", "glossary", "tours", "cables",
                    "ui" },
                "the manifest");
            const toml::node* version = root.get("format_version");
            if (version == nullptr) {
                r.fail_at(1, "missing required key 'format_version' (this reader knows format_version = 1)");
            } else if (const auto* v = version->as_integer(); v == nullptr || v->get() != 1) {
                r.fail(version, "unknown format_version (this reader knows format_version = 1)");
            }
            read_collection(r, root, m);
            read_sections(r, root, m);
            read_featured(r, root, m);
            read_glossary(r, root, m);
            read_tours(r, root, m);
            read_cables(r, root, m);
            read_ui(r, root, m);
        } catch (const toml::parse_error& e) {
            r.fail_at(e.source().begin.line, "TOML error: " + std::string(e.description()));
        }
    }
    if (r.errors().empty()) {
        return m;
    }
    if (problems != nullptr) {
        problems->insert(problems->end(), r.errors().begin(), r.errors().end());
    }
    return r.errors().front();
}

Result<Manifest> read_manifest(const std::filesystem::path& path, std::vector<Error>* problems)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    std::ifstream in(path, std::ios::binary);
    if (ec || !in) {
        Error e = make_error("cannot read the manifest", path.string());
        if (problems != nullptr) {
            problems->push_back(e);
        }
        return e;
    }
    // Read one byte past the limit, so an oversized file is reported without reading all of it.
    std::string text(std::min<std::uintmax_t>(size, manifest_max_bytes + 1), '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    return parse_manifest(text, path.string(), problems);
}

namespace {

struct GapFinder {
    const Manifest& m;
    std::set<std::string> languages;
    std::vector<Error> out;

    void text(const LangText& t, std::size_t line, const std::string& what, std::string_view field)
    {
        if (t.empty()) {
            return; // an optional text left out in every language is no gap
        }
        for (const std::string& lang : languages) {
            if (!t.contains(lang)) {
                out.push_back(make_error(what + " has no " + std::string(field) + "." + lang
                        + ": a visitor reading in that language sees it in "
                        + (t.contains("en") ? std::string("English") : t.begin()->first),
                    m.file + ":" + std::to_string(line)));
            }
        }
    }

    void ui()
    {
        std::set<std::string> keys;
        for (const auto& [lang, strings] : m.ui) {
            for (const auto& [key, value] : strings) {
                keys.insert(key);
            }
        }
        for (const std::string& lang : languages) {
            const auto strings = m.ui.find(lang);
            const auto line = m.ui_lines.find(lang);
            for (const std::string& key : keys) {
                if (strings == m.ui.end() || !strings->second.contains(key)) {
                    out.push_back(make_error(
                        "[ui." + lang + "] lacks \"" + key + "\", which another language has",
                        m.file + ":"
                            + std::to_string(line != m.ui_lines.end() ? line->second : m.collection_line)));
                }
            }
        }
    }
};

} // namespace

std::vector<Error> translation_gaps(const Manifest& m)
{
    GapFinder f { m, {}, {} };
    for (const auto& [lang, strings] : m.ui) {
        f.languages.insert(lang);
    }
    for (const auto& [lang, text] : m.title) {
        f.languages.insert(lang);
    }
    f.text(m.title, m.collection_line, "[collection]", "title");
    f.text(m.introduction, m.collection_line, "[collection]", "introduction");
    f.text(m.about, m.collection_line, "[collection]", "about");
    for (const auto& section : m.sections) {
        f.text(section.title, section.line, "section '" + section.id + "'", "title");
        f.text(section.caption, section.line, "section '" + section.id + "'", "caption");
    }
    for (const auto& featured : m.featured) {
        f.text(featured.teaser, featured.line, "featured cable " + featured.cable, "teaser");
    }
    for (const auto& entry : m.glossary) {
        f.text(entry.definition, entry.line, "glossary term " + entry.term, "definition");
    }
    f.ui();
    return std::move(f.out);
}

} // namespace ck::content
