// The manifest checks of exhibit_checks.hpp. Problems name the manifest line (toml++ keeps source
// positions) so a curator can find the entry at fault.
#include "exhibit_checks.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <set>

namespace ck::exhibit_test {
namespace {

std::string at_line(const toml::node& node)
{
    return " (line " + std::to_string(node.source().begin.line) + ")";
}

std::string at_line(const toml::node_view<const toml::node>& view)
{
    return view ? at_line(*view.node()) : std::string {};
}

// Concatenates the parts of a problem sentence into one string, allocating once.
std::string join(std::initializer_list<std::string_view> parts)
{
    std::string out;
    for (const auto part : parts) {
        out.append(part);
    }
    return out;
}

std::string text_of(const toml::node_view<const toml::node>& view)
{
    return view.value<std::string>().value_or("");
}

// Calls fn(what, table_view) for every language table of the manifest: the collection's title,
// introduction and about text, each section's title and caption, each teaser and definition.
template <typename Fn> void for_each_text(const toml::table& manifest, Fn&& fn)
{
    const auto collection = manifest["collection"];
    for (const char* key : { "title", "introduction", "about" }) {
        fn(std::string("collection.") + key, collection[key]);
    }
    if (const auto* sections = manifest["sections"].as_array()) {
        for (const auto& node : *sections) {
            const toml::node_view<const toml::node> section { node };
            const std::string id = text_of(section["id"]);
            fn("section " + id + " title", section["title"]);
            fn("section " + id + " caption", section["caption"]);
        }
    }
    if (const auto* featured = manifest["featured"].as_array()) {
        for (const auto& node : *featured) {
            const toml::node_view<const toml::node> entry { node };
            fn("teaser of " + text_of(entry["cable"]), entry["teaser"]);
        }
    }
    if (const auto* glossary = manifest["glossary"].as_array()) {
        for (const auto& node : *glossary) {
            const toml::node_view<const toml::node> entry { node };
            fn("definition of " + text_of(entry["term"]), entry["definition"]);
        }
    }
}

// The cables of every section, with the section's id.
std::vector<std::pair<std::string, const toml::array*>> section_cable_lists(const toml::table& manifest)
{
    std::vector<std::pair<std::string, const toml::array*>> lists;
    if (const auto* sections = manifest["sections"].as_array()) {
        for (const auto& node : *sections) {
            const toml::node_view<const toml::node> section { node };
            lists.emplace_back(text_of(section["id"]), section["cables"].as_array());
        }
    }
    return lists;
}

bool is_key_char(char c)
{
    return (c >= 'a' && c <= 'z') || c == '_' || c == '.';
}

// "{n}", "{from}": the names the kiosk fills in.
std::set<std::string> placeholders(std::string_view text)
{
    std::set<std::string> found;
    for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
        const std::size_t close = text.find('}', open);
        if (close == std::string_view::npos) {
            break;
        }
        const std::string_view name = text.substr(open + 1, close - open - 1);
        if (!name.empty() && std::all_of(name.begin(), name.end(), is_key_char)) {
            found.insert(std::string(text.substr(open, close - open + 1)));
        }
    }
    return found;
}

void check_words(Problems& problems, const std::string& what, const toml::node_view<const toml::node>& text,
    std::size_t min_words, std::size_t max_words)
{
    const std::size_t words = word_count(text_of(text["en"]));
    if (words < min_words || words > max_words) {
        problems.push_back(what + " has " + std::to_string(words) + " English words, not "
            + std::to_string(min_words) + "-" + std::to_string(max_words) + at_line(text));
    }
}

void check_chars_ja(Problems& problems, const std::string& what,
    const toml::node_view<const toml::node>& text, std::size_t max_chars)
{
    const std::size_t chars = utf8::length(text_of(text["ja"]));
    if (chars > max_chars) {
        problems.push_back(what + " has " + std::to_string(chars) + " Japanese characters, over "
            + std::to_string(max_chars) + at_line(text));
    }
}

} // namespace

std::size_t word_count(std::string_view text)
{
    std::size_t words = 0;
    bool in_word = false;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space && !in_word) {
            ++words;
        }
        in_word = !space;
    }
    return words;
}

std::optional<std::string> tag_code(std::string_view tag)
{
    const auto is_code_char
        = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'; };
    const auto end = std::find_if_not(tag.begin(), tag.end(), is_code_char);
    const std::string_view code = tag.substr(0, static_cast<std::size_t>(end - tag.begin()));
    const std::string_view rest = tag.substr(code.size());
    // "OVIP (STEINBERG, JAMES B.)" and "OVIP CLINTON HILLARY" carry OVIP; in "KALOUDIS, NICK" the
    // capitals are a surname.
    if (code.empty() || !(rest.empty() || rest.starts_with(' '))) {
        return std::nullopt;
    }
    return std::string(code);
}

std::vector<std::string> ui_keys_in_readme(std::string_view readme)
{
    // Rows look like "| `nav.back` | Back |"; the header and other tables have no backticked key.
    constexpr std::string_view row_start = "| `";
    std::vector<std::string> keys;
    std::size_t pos = 0;
    while (pos < readme.size()) {
        std::size_t end = readme.find('\n', pos);
        end = end == std::string_view::npos ? readme.size() : end;
        const std::string_view line = readme.substr(pos, end - pos);
        pos = end + 1;
        if (!line.starts_with(row_start)) {
            continue;
        }
        const std::size_t close = line.find('`', row_start.size());
        if (close == std::string_view::npos || line.substr(close).rfind("` |", 0) != 0) {
            continue;
        }
        const std::string_view key = line.substr(row_start.size(), close - row_start.size());
        if (key.find('.') != std::string_view::npos && std::all_of(key.begin(), key.end(), is_key_char)) {
            keys.emplace_back(key);
        }
    }
    return keys;
}

Problems check_languages(const toml::table& manifest)
{
    Problems problems;
    for_each_text(manifest, [&](const std::string& what, const auto& text) {
        for (const char* language : { "en", "ja" }) {
            if (text_of(text[language]).empty()) {
                problems.push_back(what + " has no " + language + " text" + at_line(text));
            }
        }
    });
    return problems;
}

Problems check_counts(const toml::table& manifest)
{
    Problems problems;
    const auto count = [&](const char* key) {
        const auto* array = manifest[key].as_array();
        return array ? array->size() : 0;
    };
    const std::pair<const char*, std::size_t> minimums[] = { { "sections", min_sections },
        { "featured", min_featured }, { "glossary", min_glossary_entries } };
    for (const auto& [key, minimum] : minimums) {
        if (count(key) < minimum) {
            problems.push_back(std::string("only ") + std::to_string(count(key)) + " " + key
                + " entries, fewer than " + std::to_string(minimum));
        }
    }
    return problems;
}

Problems check_lengths(const toml::table& manifest)
{
    Problems problems;
    const auto introduction = manifest["collection"]["introduction"];
    check_words(problems, "the introduction", introduction, introduction_min_words, introduction_max_words);
    check_chars_ja(problems, "the introduction", introduction, introduction_max_chars_ja);
    for_each_text(manifest, [&](const std::string& what, const auto& text) {
        if (what.ends_with(" caption")) {
            check_words(problems, what, text, caption_min_words, caption_max_words);
            check_chars_ja(problems, what, text, caption_max_chars_ja);
        } else if (what.starts_with("definition of ")) {
            check_words(problems, what, text, 1, definition_max_words);
            check_chars_ja(problems, what, text, definition_max_chars_ja);
        } else if (what.starts_with("teaser of ")) {
            check_words(problems, what, text, 1, teaser_max_words);
            check_chars_ja(problems, what, text, teaser_max_chars_ja);
        }
    });
    return problems;
}

Problems check_every_cable_in_a_section(const toml::table& manifest, const std::vector<CorpusCable>& corpus)
{
    std::set<std::string> listed;
    for (const auto& [id, cables] : section_cable_lists(manifest)) {
        if (cables != nullptr) {
            for (const auto& name : *cables) {
                listed.insert(name.value_or(std::string {}));
            }
        }
    }
    Problems problems;
    for (const auto& cable : corpus) {
        if (!listed.contains(cable.name)) {
            problems.push_back(cable.name + " (" + cable.file + ") is in no section");
        }
    }
    return problems;
}

Problems check_named_cables_exist(const toml::table& manifest, const std::vector<CorpusCable>& corpus)
{
    std::set<std::string> known;
    for (const auto& cable : corpus) {
        known.insert(cable.name);
    }
    Problems problems;
    const auto check = [&](const std::string& where, const toml::node& name) {
        const std::string text = name.value_or(std::string {});
        if (!known.contains(text)) {
            problems.push_back(
                where + " names " + text + ", which is not in content_pack/cables" + at_line(name));
        }
    };
    for (const auto& [id, cables] : section_cable_lists(manifest)) {
        if (cables == nullptr) {
            problems.push_back("section " + id + " lists no cables");
            continue;
        }
        for (const auto& name : *cables) {
            check("section " + id, name);
        }
    }
    if (const auto* featured = manifest["featured"].as_array()) {
        for (const auto& node : *featured) {
            if (const auto* cable = node.as_table() ? node.as_table()->get("cable") : nullptr) {
                check("a featured entry", *cable);
            }
        }
    }
    return problems;
}

Problems check_tags_explained(const toml::table& manifest, const std::vector<CorpusCable>& corpus)
{
    std::set<std::string> explained;
    if (const auto* glossary = manifest["glossary"].as_array()) {
        for (const auto& node : *glossary) {
            const toml::node_view<const toml::node> entry { node };
            if (text_of(entry["kind"]) == "tag") {
                explained.insert(text_of(entry["term"]));
            }
        }
    }
    std::map<std::string, std::string> missing; // code -> first document carrying it
    for (const auto& cable : corpus) {
        for (const auto& tag : cable.tags) {
            const auto code = tag_code(tag);
            if (code && !explained.contains(*code)) {
                missing.emplace(*code, cable.name);
            }
        }
    }
    Problems problems;
    for (const auto& [code, first] : missing) {
        problems.push_back(
            join({ "TAGS code ", code, " (first on ", first, ") has no glossary entry of kind \"tag\"" }));
    }
    return problems;
}

Problems check_ui_strings(const toml::table& manifest, const std::vector<std::string>& keys)
{
    Problems problems;
    for (const auto& key : keys) {
        const auto english = manifest["ui"]["en"][key].value<std::string>();
        for (const char* language : { "en", "ja" }) {
            const auto text = manifest["ui"][language][key].value<std::string>();
            if (!text || text->empty()) {
                problems.push_back("UI key " + key + " has no " + language + " string");
            } else if (english && placeholders(*text) != placeholders(*english)) {
                problems.push_back("UI key " + key + " has other placeholders in " + language);
            }
        }
    }
    return problems;
}

Problems check_section_date_order(const toml::table& manifest, const std::vector<CorpusCable>& corpus)
{
    std::map<std::string, cable::CableDate> dates;
    for (const auto& cable : corpus) {
        if (cable.date) {
            dates.emplace(cable.name, *cable.date);
        }
    }
    Problems problems;
    for (const auto& [id, cables] : section_cable_lists(manifest)) {
        if (cables == nullptr) {
            continue; // check_named_cables_exist reports it
        }
        std::optional<std::pair<std::string, cable::CableDate>> previous;
        for (const auto& node : *cables) {
            const std::string name = node.value_or(std::string {});
            const auto date = dates.find(name);
            if (date == dates.end()) {
                continue;
            }
            if (previous && date->second < previous->second) {
                problems.push_back(join({ "section ", id, " lists ", name, " (", date->second.iso(),
                    ") after ", previous->first, " (", previous->second.iso(), ")", at_line(node) }));
            }
            previous.emplace(name, date->second);
        }
    }
    return problems;
}

Problems check_uniqueness(const toml::table& manifest)
{
    Problems problems;
    const auto unique = [&](const char* array_key, const char* field, const char* what) {
        std::set<std::string> seen;
        if (const auto* array = manifest[array_key].as_array()) {
            for (const auto& node : *array) {
                const toml::node_view<const toml::node> entry { node };
                if (!seen.insert(text_of(entry[field])).second) {
                    problems.push_back(std::string(what) + " " + text_of(entry[field]) + " appears twice"
                        + at_line(entry[field]));
                }
            }
        }
    };
    unique("sections", "id", "section id");
    unique("glossary", "term", "glossary term");
    unique("featured", "cable", "featured cable");
    for (const auto& [id, cables] : section_cable_lists(manifest)) {
        if (cables == nullptr) {
            continue;
        }
        std::set<std::string> seen;
        for (const auto& node : *cables) {
            if (!seen.insert(node.value_or(std::string {})).second) {
                problems.push_back(
                    "section " + id + " lists " + node.value_or(std::string {}) + " twice" + at_line(node));
            }
        }
    }
    return problems;
}

} // namespace ck::exhibit_test
