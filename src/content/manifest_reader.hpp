// Internal to src/content: the checking reader behind parse_manifest (manifest.cpp) and its parts
// in other files (manifest_tours.cpp). It collects every problem as an Error citing the manifest's
// line; toml++ appears only here and in those files.
#pragma once

#include "content/manifest.hpp"

#include <toml++/toml.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace ck::content::manifest_detail {

class Reader {
public:
    explicit Reader(std::string file)
        : m_file(std::move(file))
    {
    }

    void fail(const toml::node* node, const std::string& message)
    {
        const std::size_t line = node != nullptr ? node->source().begin.line : 0;
        fail_at(line, message);
    }
    void fail_at(std::size_t line, const std::string& message)
    {
        m_errors.push_back(make_error(message, m_file + ":" + std::to_string(line)));
    }
    [[nodiscard]] const std::vector<Error>& errors() const { return m_errors; }
    [[nodiscard]] const std::string& file() const { return m_file; }

    // Rejects keys of `table` not in `allowed`, naming where the table is.
    void only_keys(
        const toml::table& table, std::initializer_list<std::string_view> allowed, const std::string& in)
    {
        for (const auto& [key, node] : table) {
            bool known = false;
            for (const auto name : allowed) {
                known = known || key.str() == name;
            }
            if (!known) {
                fail(&node, "unknown key '" + std::string(key.str()) + "' in " + in);
            }
        }
    }

    std::string string(const toml::node* node, const std::string& what)
    {
        const auto* value = node != nullptr ? node->as_string() : nullptr;
        if (value == nullptr) {
            fail(node, what + " must be a string");
            return {};
        }
        const std::string& text = value->get();
        if (text.size() > manifest_max_text_bytes) {
            fail(node, what + " is longer than " + std::to_string(manifest_max_text_bytes) + " bytes");
        }
        return text;
    }

    // A table of language code -> text with "en" present.
    LangText lang_text(
        const toml::node* node, std::size_t parent_line, const std::string& what, bool required)
    {
        LangText out;
        if (node == nullptr) {
            if (required) {
                fail_at(parent_line, "missing required key '" + what + "' (with at least '" + what + ".en')");
            }
            return out;
        }
        const auto* table = node->as_table();
        if (table == nullptr) {
            fail(node, what + " must be a table of languages, e.g. " + what + ".en = \"...\"");
            return out;
        }
        for (const auto& [key, value] : *table) {
            const std::string lang(key.str());
            if (!valid_language(lang)) {
                std::string message = "'";
                message.append(lang).append("' in ").append(what).append(
                    " is not a language code such as en or ja");
                fail(&value, message);
                continue;
            }
            std::string name = what;
            name.append(".").append(lang);
            out[lang] = string(&value, name);
        }
        if (out.count("en") == 0) {
            fail(node, what + " has no English text (" + what + ".en)");
        }
        return out;
    }

    static bool valid_language(std::string_view code)
    {
        if (code.size() < 2 || code.size() > 8) {
            return false;
        }
        for (const char c : code) {
            if (!((c >= 'a' && c <= 'z') || c == '-')) {
                return false;
            }
        }
        return code.front() != '-' && code.back() != '-';
    }

private:
    std::string m_file;
    std::vector<Error> m_errors;
};

inline bool valid_slug(std::string_view slug)
{
    if (slug.empty() || slug.size() > 64) {
        return false;
    }
    for (const char c : slug) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
            return false;
        }
    }
    return true;
}

inline const toml::array* array_of_tables(Reader& r, const toml::table& root, std::string_view key)
{
    const toml::node* node = root.get(key);
    if (node == nullptr) {
        return nullptr;
    }
    const auto* array = node->as_array();
    if (array == nullptr || !array->is_array_of_tables()) {
        // Built by appending: GCC 12 at -O3 warns falsely on "literal" + std::string&&.
        std::string message = "'";
        message.append(key).append("' must be written as [[").append(key).append("]] tables");
        r.fail(node, message);
        return nullptr;
    }
    return array;
}

// [[tours]]: manifest_tours.cpp.
void read_tours(Reader& r, const toml::table& root, Manifest& m);

} // namespace ck::content::manifest_detail
