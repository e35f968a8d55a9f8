// TAGS parsing.
#include "cable/tags.hpp"

#include "cable/text_util.hpp"

#include <algorithm>

namespace ck::cable {
namespace {

constexpr std::size_t max_code_length = 5; // PREL, KNNP, MTCRE, ASEAN
constexpr std::size_t min_run_to_split = 10; // shorter runs may be one odd code

bool is_code_word(std::string_view w)
{
    if (w.empty() || w.size() > max_code_length) {
        return false;
    }
    for (const char c : w) {
        if (!text::is_alnum(c) && c != '-') {
            return false;
        }
    }
    return true;
}

// A run of capitals with no separators at all ("KFRDKIRFCVISCMGTKOCIASECPHUMSMIGEG") is tags
// written without spaces: four-letter subject codes and a final two-letter country code. Subject
// codes begin with the letter of their family (Administration, Consular, Economic, K-programs,
// Military, Operations, Political, Social, Technology...), which keeps "COUNTERTERRORISM" whole.
std::vector<std::string> split_run(const std::string& word)
{
    const std::size_t n = word.size();
    bool letters_only = true;
    for (const char c : word) {
        letters_only = letters_only && text::is_upper(c);
    }
    if (!letters_only || n < min_run_to_split || (n % 4 != 0 && n % 4 != 2)) {
        return { word };
    }
    constexpr std::string_view families = "ABCEKMOPST";
    for (std::size_t i = 0; i + 4 <= n; i += 4) {
        if (families.find(word[i]) == std::string_view::npos) {
            return { word };
        }
    }
    std::vector<std::string> parts;
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        parts.push_back(word.substr(i, 4));
    }
    if (i < n) {
        parts.push_back(word.substr(i));
    }
    return parts;
}

struct Item {
    std::string words; // upper-cased, single spaces
    bool parenthesized = false;
};

bool has_alnum(std::string_view w)
{
    return std::any_of(w.begin(), w.end(), [](char c) { return text::is_alnum(c); });
}

// "KS -", "KS .. —": words without a letter or digit (page debris, dashes OCR'd from a rule) are
// dropped, so they neither become tags nor turn a code into a multi-word tag.
std::string without_debris_words(const std::string& item)
{
    std::string out;
    for (const std::string_view w : text::split_words(item)) {
        if (!has_alnum(w)) {
            continue;
        }
        if (!out.empty()) {
            out.push_back(' ');
        }
        out.append(w);
    }
    return out;
}

// Items separated by commas, semicolons or (outside parentheses) spaces; parenthesized groups stay
// whole. `comma_separated` tells the caller whether commas were used at all.
std::vector<Item> tokenize(std::string_view value, bool& comma_separated)
{
    std::vector<Item> items;
    std::string current;
    bool in_paren = false;
    comma_separated = false;
    const auto flush = [&](bool paren) {
        std::string w = without_debris_words(text::collapse_spaces(current));
        current.clear();
        if (!w.empty()) {
            items.push_back(Item { std::move(w), paren });
        }
    };
    for (const char c : value) {
        if (in_paren) {
            if (c == ')') {
                flush(true);
                in_paren = false;
            } else {
                current.push_back(text::to_upper(c));
            }
            continue;
        }
        if (c == '(') {
            flush(false);
            in_paren = true;
        } else if (c == ',' || c == ';') {
            comma_separated = true;
            flush(false);
            items.push_back(Item { ",", false }); // separator marker
        } else {
            current.push_back(text::to_upper(c));
        }
    }
    flush(in_paren);
    return items;
}

// "(" + words + ")", written out: GCC 12 at -O3 warns falsely (-Wrestrict) on the operator+ chain.
std::string parenthesized(std::string_view prefix, std::string_view words)
{
    std::string s;
    s.reserve(prefix.size() + words.size() + 2);
    s.append(prefix);
    s.push_back('(');
    s.append(words);
    s.push_back(')');
    return s;
}

// Line-end debris after the last tag ("KS      -", "KS ..", a dash or dot of the page) is not a
// tag: trailing spaces, dots, commas and dashes go, and what has no letter or digit is dropped.
bool is_debris_end(char c)
{
    return c == '.' || c == ',' || c == '-' || c == '_' || text::is_space(c);
}

void add_tag(TagList& out, std::string tag, std::size_t max_tags)
{
    while (!tag.empty() && is_debris_end(tag.back())) {
        tag.pop_back();
    }
    if (!has_alnum(tag) || tag == "SIPDIS" || out.capped) {
        return;
    }
    if (std::find(out.tags.begin(), out.tags.end(), tag) != out.tags.end()) {
        return;
    }
    if (out.tags.size() >= max_tags) {
        out.capped = true; // checked before the search above, so a flood costs no more than the cap
        return;
    }
    out.tags.push_back(std::move(tag));
}

// An unparenthesized person tag: OVIP followed by a surname and given name, one of them longer
// than any tag code ("OVIP CLINTON HILLARY"); "OVIP PARM PINR" is three tags.
std::size_t person_words_after_ovip(const std::vector<std::string_view>& words, std::size_t i)
{
    if (i + 1 >= words.size()) {
        return 0;
    }
    const bool long_name = words[i].size() > max_code_length || words[i + 1].size() > max_code_length;
    return long_name ? 2 : 0;
}

void add_space_separated(TagList& out, std::string_view item, std::size_t max_tags, bool split_runs)
{
    const std::vector<std::string_view> words = text::split_words(item);
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string word(words[i]);
        if (word == "OVIP") {
            const std::size_t n = person_words_after_ovip(words, i + 1);
            for (std::size_t k = 1; k <= n; ++k) {
                word += ' ';
                word.append(words[i + k]);
            }
            i += n;
            add_tag(out, std::move(word), max_tags);
            continue;
        }
        if (!split_runs) {
            add_tag(out, std::move(word), max_tags);
            continue;
        }
        for (std::string& part : split_run(word)) {
            add_tag(out, std::move(part), max_tags);
        }
    }
}

} // namespace

TagList parse_tag_value(std::string_view value, std::size_t max_tags)
{
    TagList out;
    bool comma_separated = false;
    const std::vector<Item> items = tokenize(value, comma_separated);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& item = items[i];
        if (item.words == ",") {
            continue;
        }
        if (item.parenthesized) {
            add_tag(out, parenthesized({}, item.words), max_tags);
            continue;
        }
        // "OVIP (STEINBERG, JAMES B.)": the code and the person are one tag.
        if (i + 1 < items.size() && items[i + 1].parenthesized) {
            std::string_view words = item.words;
            const std::size_t last_space = words.rfind(' ');
            const std::string_view last
                = last_space == std::string_view::npos ? words : words.substr(last_space + 1);
            if (last == "OVIP") {
                add_space_separated(
                    out, words.substr(0, words.size() - last.size()), max_tags, !comma_separated);
                add_tag(out, parenthesized("OVIP ", items[i + 1].words), max_tags);
                ++i;
                continue;
            }
        }
        // In a comma-separated list an item of long words is one multi-word tag ("GOI EXTERNAL");
        // an item of short codes is several tags that lost their commas ("PREL PGOV").
        const std::vector<std::string_view> words = text::split_words(item.words);
        const bool all_codes = std::all_of(words.begin(), words.end(), is_code_word);
        if (comma_separated && words.size() > 1 && !all_codes && words[0] != "OVIP") {
            add_tag(out, item.words, max_tags);
        } else {
            // With commas as separators a long word is one tag, never a run of codes.
            add_space_separated(out, item.words, max_tags, !comma_separated);
        }
    }
    return out;
}

void merge_tags(std::vector<std::string>& list, const std::vector<std::string>& more, std::size_t max_tags)
{
    for (const std::string& t : more) {
        if (list.size() >= max_tags) {
            return;
        }
        if (std::find(list.begin(), list.end(), t) == list.end()) {
            list.push_back(t);
        }
    }
}

bool looks_like_tag_continuation(std::string_view line)
{
    const std::string_view t = text::trim(line);
    if (t.empty() || t.find(':') != std::string_view::npos) {
        return false;
    }
    std::size_t words = 0;
    for (const std::string_view w : text::split_words(t)) {
        std::string_view word = w;
        while (!word.empty() && (word.back() == ',' || word.back() == ';')) {
            word.remove_suffix(1);
        }
        if (word.empty()) {
            continue;
        }
        for (const char c : word) {
            if (!text::is_upper(c) && !text::is_digit(c) && c != '-') {
                return false;
            }
        }
        if (word.size() > max_code_length) {
            return false;
        }
        ++words;
    }
    return words > 0;
}

std::vector<std::string> parse_plusd_tag_list(std::string_view value, std::size_t max_tags)
{
    TagList out;
    std::size_t start = 0;
    while (start <= value.size()) {
        std::size_t bar = value.find('|', start);
        if (bar == std::string_view::npos) {
            bar = value.size();
        }
        const std::string_view entry = text::trim(value.substr(start, bar - start));
        start = bar + 1;
        if (entry.empty()) {
            continue;
        }
        const std::size_t dash = entry.find(" - ");
        if (dash != std::string_view::npos) {
            add_tag(out, text::to_upper(text::trim(entry.substr(0, dash))), max_tags);
        } else if (entry.find(',') != std::string_view::npos) {
            add_tag(out, parenthesized({}, text::collapse_spaces(text::to_upper(entry))), max_tags);
        } else {
            add_tag(out, text::to_upper(entry), max_tags);
        }
    }
    return out.tags;
}

} // namespace ck::cable
