// Reading the names and readings tables (name_tables.hpp). Both share one line reader: two fields
// and a tab, with every line's problem collected so a curator fixes the file in one pass.
#include "content/name_tables.hpp"

#include "core/ascii.hpp"
#include "core/utf8.hpp"

#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <set>

namespace ck::content {
namespace {

using ascii::trim;

struct Pair {
    std::string_view first;
    std::string_view second;
};

// Calls `on_pair` for every entry line; `fail` for each malformed one. Returns false when the
// text as a whole is unusable (too large, not UTF-8).
using OnPair = std::function<void(std::size_t line, Pair pair)>;
using Fail = std::function<void(std::size_t line, const std::string& message)>;

bool each_pair(std::string_view text, std::string_view what, const OnPair& on_pair, const Fail& fail)
{
    if (text.size() > name_table_max_bytes) {
        fail(
            0, std::string(what) + " is larger than " + std::to_string(name_table_max_bytes >> 10U) + " KiB");
        return false;
    }
    if (!utf8::is_valid(text)) {
        fail(0, std::string(what) + " is not valid UTF-8");
        return false;
    }
    std::size_t line_no = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, end - pos);
        ++line_no;
        pos = end + 1;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (trim(line).empty() || trim(line).front() == '#') {
            continue;
        }
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos || line.find('\t', tab + 1) != std::string_view::npos) {
            fail(line_no, "an entry is two fields separated by one tab");
            continue;
        }
        const Pair pair { trim(line.substr(0, tab)), trim(line.substr(tab + 1)) };
        if (pair.first.empty() || pair.second.empty()) {
            fail(line_no, "a field is empty");
            continue;
        }
        if (pair.first.size() > name_max_bytes || pair.second.size() > name_max_bytes) {
            fail(line_no, "a field is longer than " + std::to_string(name_max_bytes) + " bytes");
            continue;
        }
        on_pair(line_no, pair);
    }
    return true;
}

bool has_non_ascii(std::string_view s)
{
    for (const char c : s) {
        if ((static_cast<unsigned char>(c) & 0x80U) != 0) {
            return true;
        }
    }
    return false;
}

template <class T> Result<T> finish(T&& out, std::optional<Error>& first)
{
    if (first) {
        return *first;
    }
    return std::move(out);
}

Result<std::string> slurp(const std::filesystem::path& path, std::string_view what)
{
    const std::string name = path.filename().string();
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        return make_error("cannot read " + std::string(what) + ": " + ec.message(), name + ":0");
    }
    if (size > name_table_max_bytes) {
        return make_error(
            std::string(what) + " is larger than " + std::to_string(name_table_max_bytes >> 10U) + " KiB",
            name + ":0");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return make_error("cannot open " + std::string(what), name + ":0");
    }
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Fail collector(const std::string& file_name, std::vector<Error>* problems, std::optional<Error>& first)
{
    return [&file_name, problems, &first](std::size_t line, const std::string& message) {
        Error e { message, file_name + ":" + std::to_string(line) };
        if (problems != nullptr) {
            problems->push_back(e);
        }
        if (!first) {
            first = std::move(e);
        }
    };
}

} // namespace

std::string name_key(std::string_view english)
{
    std::string out;
    for (const char c : trim(english)) {
        if (ascii::is_space(c)) {
            if (!out.empty() && out.back() != ' ') {
                out += ' ';
            }
            continue;
        }
        out += ascii::to_upper(c);
    }
    return out;
}

bool is_reading_char(char32_t cp)
{
    return (cp >= 0x3041 && cp <= 0x3096) || cp == 0x30FC;
}

Result<std::vector<NameEntry>> parse_names(
    std::string_view text, const std::string& file_name, std::vector<Error>* problems)
{
    std::vector<NameEntry> out;
    std::optional<Error> first;
    const Fail fail = collector(file_name, problems, first);
    std::map<std::string, std::size_t> seen; // key -> line
    each_pair(
        text, "the names table",
        [&](std::size_t line, Pair p) {
            const std::string key = name_key(p.first);
            if (const auto it = seen.find(key); it != seen.end()) {
                fail(line,
                    "'" + std::string(p.first) + "' is already named on line " + std::to_string(it->second));
                return;
            }
            if (has_non_ascii(p.first)) {
                fail(line, "the first field is the English form (as the cables write it), in ASCII");
                return;
            }
            if (name_key(p.second) == key) {
                fail(line, "the second field repeats the English form; leave the line out instead");
                return;
            }
            seen.emplace(key, line);
            out.push_back({ std::string(p.first), std::string(p.second), line });
        },
        fail);
    return finish(std::move(out), first);
}

Result<std::vector<TermReading>> parse_readings(
    std::string_view text, const std::string& file_name, std::vector<Error>* problems)
{
    std::vector<TermReading> out;
    std::optional<Error> first;
    const Fail fail = collector(file_name, problems, first);
    std::set<std::pair<std::string, std::string>> seen;
    each_pair(
        text, "the readings table",
        [&](std::size_t line, Pair p) {
            std::size_t pos = 0;
            while (pos < p.second.size()) {
                if (!is_reading_char(utf8::decode(p.second, pos))) {
                    fail(line, "a reading is hiragana (and ー) only: '" + std::string(p.second) + "'");
                    return;
                }
            }
            if (!seen.emplace(std::string(p.first), std::string(p.second)).second) {
                fail(line, "this term and reading are already listed");
                return;
            }
            out.push_back({ std::string(p.first), std::string(p.second), line });
        },
        fail);
    return finish(std::move(out), first);
}

Result<std::vector<NameEntry>> read_names(const std::filesystem::path& path, std::vector<Error>* problems)
{
    auto text = slurp(path, "the names table");
    if (!text) {
        if (problems != nullptr) {
            problems->push_back(text.error());
        }
        return text.error();
    }
    return parse_names(*text, path.filename().string(), problems);
}

Result<std::vector<TermReading>> read_readings(
    const std::filesystem::path& path, std::vector<Error>* problems)
{
    auto text = slurp(path, "the readings table");
    if (!text) {
        if (problems != nullptr) {
            problems->push_back(text.error());
        }
        return text.error();
    }
    return parse_readings(*text, path.filename().string(), problems);
}

} // namespace ck::content
