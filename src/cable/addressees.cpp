// Addressee blocks.
#include "cable/addressees.hpp"

#include "cable/classification.hpp"
#include "cable/signature.hpp"
#include "cable/text_util.hpp"

#include <algorithm>
#include <array>

namespace ck::cable {
namespace {

enum class Section { none, from, to, info, xmt };

// Levenshtein distance capped at `limit + 1`; words are short, so the table is tiny.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit)
{
    if (a.size() > b.size() + limit || b.size() > a.size() + limit) {
        return limit + 1;
    }
    constexpr std::size_t max_len = 16;
    if (a.size() >= max_len || b.size() >= max_len) {
        return limit + 1;
    }
    std::array<std::size_t, max_len + 1> prev {};
    std::array<std::size_t, max_len + 1> cur {};
    for (std::size_t j = 0; j <= b.size(); ++j) {
        prev[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = text::to_upper(a[i - 1]) == b[j - 1] ? 0 : 1;
            cur[j] = std::min({ prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost });
        }
        prev = cur;
    }
    return prev[b.size()];
}

// What a line in the block starts with: a section keyword, and the rest.
Section keyword(std::string_view line, std::string_view& rest)
{
    const std::string_view t = text::trim_left(line);
    struct Key {
        std::string_view word;
        Section section;
    };
    static constexpr std::array<Key, 5> keys = { {
        { "FM", Section::from },
        { "FROM", Section::from },
        { "TO", Section::to },
        { "INFO", Section::info },
        { "XMT", Section::xmt },
    } };
    for (const Key& k : keys) {
        if (text::istarts_with(t, k.word)
            && (t.size() == k.word.size() || text::is_space(t[k.word.size()]))) {
            rest = text::trim(t.substr(k.word.size()));
            return k.section;
        }
    }
    rest = text::trim(t);
    return Section::none;
}

// An addressee line has capitals, digits, spaces and a little punctuation; any lower-case letter
// or a colon means the block has ended (a header line, prose, a web page).
bool looks_like_addressee(std::string_view line)
{
    const std::string_view t = text::trim(line);
    constexpr std::size_t max_addressee_line = 80;
    if (t.empty() || t.size() > max_addressee_line) {
        return false;
    }
    for (const char c : t) {
        if (text::is_lower(c) || c == ':' || c == '"' || c == '(' || c == ')') {
            return false;
        }
    }
    return text::is_upper(t[0]);
}

bool ends_block(std::string_view line)
{
    const std::string_view t = text::trim(line);
    if (t == "BT" || parse_banner(t)) {
        return true;
    }
    return text::istarts_with(t, "E.O.") || text::istarts_with(t, "SUBJECT") || text::istarts_with(t, "TAGS");
}

// A page header inside a long addressee list, or the classification line just above one.
bool is_page_break(const Lines& lines, std::size_t i)
{
    if (is_page_header(lines[i].text) || is_page_marker(lines[i].text)) {
        return true;
    }
    if (!is_bare_marking(lines[i].text)) {
        return false;
    }
    constexpr std::size_t lookahead = 4;
    for (std::size_t k = i + 1; k < lines.size() && k <= i + lookahead; ++k) {
        if (is_page_header(lines[k].text)) {
            return true;
        }
    }
    return false;
}

void add(std::vector<std::string>& list, std::string name, std::size_t max_addressees)
{
    if (!name.empty() && list.size() < max_addressees) {
        list.push_back(std::move(name));
    }
}

} // namespace

bool is_precedence_word(std::string_view word)
{
    static constexpr std::array<std::string_view, 3> long_words = { "IMMEDIATE", "PRIORITY", "ROUTINE" };
    constexpr std::size_t min_fuzzy_length = 6; // "ROUTE" is two edits from ROUTINE but a word
    constexpr std::size_t max_fuzzy_length = 11;
    if (word.size() < min_fuzzy_length || word.size() > max_fuzzy_length) {
        return text::iequals(word, "FLASH") || text::iequals(word, "NIACT");
    }
    for (const std::string_view w : long_words) {
        if (edit_distance(word, w, 2) <= 2) {
            return true;
        }
    }
    return text::iequals(word, "FLASH") || text::iequals(word, "NIACT");
}

std::string clean_addressee(std::string_view raw)
{
    std::string_view s = text::trim(raw);
    // Routing indicator: a run of capitals and digits before the first '/', e.g. "RUEHC/", "ZEN/".
    if (const std::size_t slash = s.find('/'); slash != std::string_view::npos && slash >= 3 && slash <= 8) {
        bool indicator = true;
        for (std::size_t i = 0; i < slash; ++i) {
            indicator = indicator && (text::is_upper(s[i]) || text::is_digit(s[i]));
        }
        if (indicator && s.substr(slash, 2) != "//") {
            s = s.substr(slash + 1);
        }
    }
    // Office suffix "//...//" and anything after it.
    if (const std::size_t office = s.find("//"); office != std::string_view::npos) {
        s = s.substr(0, office);
    }
    std::vector<std::string_view> words = text::split_words(s);
    // From the end: serial numbers and precedence words, in any order ("PRIORITY 5329").
    while (!words.empty() && (text::all_digits(words.back()) || is_precedence_word(words.back()))) {
        words.pop_back();
    }
    // A leading precedence word belongs to the line, not the post ("TO PRIORITY TOKYO").
    while (!words.empty() && is_precedence_word(words.front())) {
        words.erase(words.begin());
    }
    std::string out;
    for (const std::string_view w : words) {
        if (!out.empty()) {
            out.push_back(' ');
        }
        out.append(w);
    }
    while (!out.empty() && (out.back() == '.' || out.back() == ',')) {
        out.pop_back();
    }
    return out;
}

Addressees read_addressees(const Lines& lines, std::size_t begin, std::size_t max_addressees)
{
    Addressees out;
    Section section = Section::none;
    std::size_t blank_run = 0;
    std::size_t i = begin;
    for (; i < lines.size(); ++i) {
        const std::string_view line = lines[i].text;
        if (text::is_blank(line)) {
            if (++blank_run >= 2 && section != Section::none) {
                break;
            }
            continue;
        }
        blank_run = 0;
        if (is_page_break(lines, i)) {
            continue;
        }
        if (ends_block(line)) {
            break;
        }
        std::string_view rest;
        const Section k = keyword(line, rest);
        if (k == Section::none && (section == Section::none || !looks_like_addressee(line))) {
            break;
        }
        if (k != Section::none) {
            section = k;
        }
        if (rest.empty() || is_page_header(rest)) {
            continue; // "TO PAGE 02 STATE 015113 182333Z": the list goes on below the page header
        }
        if (!looks_like_addressee(rest)) {
            break;
        }
        std::string name = clean_addressee(rest);
        switch (section) {
        case Section::from:
            if (out.from.empty()) {
                out.from = std::move(name);
            }
            break;
        case Section::to:
            add(out.to, std::move(name), max_addressees);
            break;
        case Section::info:
            add(out.info, std::move(name), max_addressees);
            break;
        case Section::xmt:
            add(out.excluded, std::move(name), max_addressees);
            break;
        case Section::none:
            break;
        }
    }
    out.end = i;
    return out;
}

} // namespace ck::cable
