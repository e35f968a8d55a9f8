// One pass over the text: at each place a word can start, only the terms that begin with that
// byte are tried, longest first. Bytes of UTF-8 sequences count as letters, so a term never
// matches inside a word written in another script.
#include "screens/reader_terms.hpp"

#include <algorithm>

namespace ck::screens::reader {
namespace {

constexpr std::size_t max_continuation_lines = 3;

bool is_word(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80;
}

char fold(char c)
{
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

bool has_small_letter(std::string_view s)
{
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// "TAGS:", "TAGS ", "Tags:", "TAG:" at the start of a (trimmed) line.
bool starts_tags_label(std::string_view s)
{
    std::size_t n = 0;
    while (n < s.size() && n < 4 && fold(s[n]) == "TAGS"[n]) {
        ++n;
    }
    if (n < 3) {
        return false;
    }
    return n == s.size() || s[n] == ':' || is_blank(s[n]);
}

// Another header label ("SUBJECT:", "REF:") ends the TAGS block.
bool starts_other_label(std::string_view s)
{
    const std::size_t colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 24) {
        return false;
    }
    return std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(colon),
        [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' ' || c == '.'; });
}

// Where the TAGS label is on a line: at its start in any case and with or without a colon, or
// later on the line (OCR runs header fields together) in capitals with a colon.
std::size_t find_tags_label(std::string_view line)
{
    std::size_t indent = 0;
    while (indent < line.size() && is_blank(line[indent])) {
        ++indent;
    }
    if (starts_tags_label(line.substr(indent))) {
        return indent;
    }
    for (std::size_t at = line.find("TAG", indent); at != std::string_view::npos;
         at = line.find("TAG", at + 1)) {
        const std::string_view from = line.substr(at);
        const bool colon = from.substr(0, 4) == "TAG:" || from.substr(0, 5) == "TAGS:";
        if (colon && at > 0 && !is_word(line[at - 1])) {
            return at;
        }
    }
    return std::string_view::npos;
}

// How far the tags run from their label: to the next label on the line ("SUBJECT:"), else to
// the line's end.
std::size_t tags_extent(std::string_view from_label)
{
    const std::size_t colon = from_label.find_first_of(": \t");
    std::size_t i = colon == std::string_view::npos ? from_label.size() : colon + 1;
    while (i < from_label.size()) {
        std::size_t letters = 0;
        const bool word_start = !is_word(from_label[i - 1]);
        while (i + letters < from_label.size() && from_label[i + letters] >= 'A'
            && from_label[i + letters] <= 'Z') {
            ++letters;
        }
        if (word_start && letters >= 3 && i + letters < from_label.size() && from_label[i + letters] == ':') {
            while (i > 0 && is_blank(from_label[i - 1])) {
                --i;
            }
            return i;
        }
        i += std::max<std::size_t>(letters, 1);
    }
    return from_label.size();
}

// "(C)", "(S/NF)", "(SBU)": capitals (and slashes) in parentheses, the shape of a portion marking,
// and of a list letter, which only the place it stands in tells apart.
bool is_marking_shape(std::string_view term)
{
    return term.size() >= 3 && term.front() == '(' && term.back() == ')'
        && std::all_of(
            term.begin() + 1, term.end() - 1, [](char c) { return (c >= 'A' && c <= 'Z') || c == '/'; });
}

// A list number or letter that may open a paragraph before its marking: "1.", "12)", "A.", "(A)".
std::size_t list_label_length(std::string_view s)
{
    std::size_t n = 0;
    if (!s.empty() && s[0] == '(') {
        n = 1;
    }
    const std::size_t start = n;
    while (n < s.size() && n - start < 3 && ((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'A' && s[n] <= 'Z'))) {
        ++n;
    }
    if (n == start || n >= s.size() || (s[n] != '.' && s[n] != ')')) {
        return 0;
    }
    return n + 1;
}

// Where a portion marking stands: at the start of a line (after its indent and an optional
// paragraph number or letter), or right after a header label such as "SUBJECT:".
bool at_marking_position(std::string_view text, std::size_t pos)
{
    const std::size_t line_start = pos == 0 ? 0 : text.rfind('\n', pos - 1) + 1;
    std::string_view before = text.substr(line_start, pos - line_start);
    while (!before.empty() && is_blank(before.back())) {
        before.remove_suffix(1);
    }
    while (!before.empty() && is_blank(before.front())) {
        before.remove_prefix(1);
    }
    if (before.empty()) {
        return true;
    }
    if (list_label_length(before) == before.size()) {
        return true;
    }
    return before.back() == ':' && starts_other_label(before);
}

// "REF:", "REFS:", "REFTEL:", "REFERENCE:" at the start of a trimmed line.
bool starts_ref_label(std::string_view s)
{
    if (s.substr(0, 3) != "REF") {
        return false;
    }
    const std::size_t colon = s.find(':');
    return colon != std::string_view::npos && colon <= 9
        && std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(colon),
            [](char c) { return c >= 'A' && c <= 'Z'; });
}

} // namespace

std::vector<std::pair<std::size_t, std::size_t>> ref_blocks(std::string_view text)
{
    // From a REF label to the blank line, numbered paragraph or next label that ends the list.
    std::vector<std::pair<std::size_t, std::size_t>> out;
    bool in_refs = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view rest = text.substr(pos, end - pos);
        while (!rest.empty() && is_blank(rest.front())) {
            rest.remove_prefix(1);
        }
        if (starts_ref_label(rest)) {
            out.emplace_back(pos, end);
            in_refs = true;
        } else if (in_refs && !rest.empty() && !starts_other_label(rest)
            && !(rest.front() >= '0' && rest.front() <= '9')) {
            out.back().second = end;
        } else {
            in_refs = false;
        }
        pos = end + 1;
    }
    return out;
}

TermFinder::TermFinder(const std::vector<content::GlossaryTerm>& glossary)
    : m_by_first(256)
{
    for (std::size_t i = 0; i < glossary.size(); ++i) {
        const std::string& term = glossary[i].term;
        if (term.empty() || term.front() == ' ' || term.back() == ' ') {
            continue;
        }
        Entry e;
        e.term = term;
        e.index = static_cast<std::uint32_t>(i);
        e.any_case = term.find(' ') != std::string::npos || has_small_letter(term);
        e.tag = glossary[i].kind == content::GlossaryKind::tag;
        e.marking = is_marking_shape(term);
        const auto first = static_cast<unsigned char>(e.any_case ? fold(term.front()) : term.front());
        m_by_first[first].push_back(e);
        if (e.any_case && first >= 'A' && first <= 'Z') {
            m_by_first[first - 'A' + 'a'].push_back(e);
        }
    }
    for (auto& bucket : m_by_first) {
        std::stable_sort(bucket.begin(), bucket.end(),
            [](const Entry& a, const Entry& b) { return a.term.size() > b.term.size(); });
    }
}

std::size_t TermFinder::match_at(std::string_view text, std::size_t pos, const Entry& e) const
{
    std::size_t i = pos;
    std::size_t j = 0;
    const std::string& term = e.term;
    while (j < term.size()) {
        if (term[j] == ' ') {
            // Any run of spaces with at most one line break between the words of a phrase.
            int breaks = 0;
            const std::size_t run = i;
            while (i < text.size() && (is_blank(text[i]) || (text[i] == '\n' && breaks++ == 0))) {
                ++i;
            }
            if (i == run || (i < text.size() && text[i] == '\n')) {
                return 0;
            }
            while (j < term.size() && term[j] == ' ') {
                ++j;
            }
            continue;
        }
        if (i >= text.size()) {
            return 0;
        }
        const bool same = text[i] == term[j] || (e.any_case && fold(text[i]) == fold(term[j]));
        if (!same) {
            return 0;
        }
        ++i;
        ++j;
    }
    if (is_word(term.back()) && i < text.size() && is_word(text[i])) {
        return 0;
    }
    return i - pos;
}

std::vector<TermMatch> TermFinder::find(std::string_view text, std::size_t limit) const
{
    std::vector<TermMatch> out;
    const auto tags = tags_lines(text);
    const auto refs = ref_blocks(text);
    std::size_t tag_range = 0;
    std::size_t ref_range = 0;
    std::size_t pos = 0;
    while (pos < text.size() && out.size() < limit) {
        const auto& bucket = m_by_first[static_cast<unsigned char>(text[pos])];
        if (bucket.empty() || (pos > 0 && is_word(text[pos - 1]) && is_word(text[pos]))) {
            ++pos;
            continue;
        }
        while (tag_range < tags.size() && tags[tag_range].second <= pos) {
            ++tag_range;
        }
        const bool on_tags_line = tag_range < tags.size() && tags[tag_range].first <= pos;
        while (ref_range < refs.size() && refs[ref_range].second <= pos) {
            ++ref_range;
        }
        const bool in_refs = ref_range < refs.size() && refs[ref_range].first <= pos;
        std::size_t matched = 0;
        for (const Entry& e : bucket) {
            if ((e.tag && !on_tags_line) || (e.marking && (in_refs || !at_marking_position(text, pos)))) {
                continue;
            }
            matched = match_at(text, pos, e);
            if (matched > 0) {
                out.push_back(
                    { static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(pos + matched), e.index });
                break;
            }
        }
        pos += matched > 0 ? matched : 1;
    }
    return out;
}

std::vector<std::pair<std::size_t, std::size_t>> tags_lines(std::string_view text)
{
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t pos = 0;
    std::size_t continuation = 0;
    bool in_tags = false;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const std::string_view line = text.substr(pos, end - pos);
        std::size_t indent = 0;
        while (indent < line.size() && is_blank(line[indent])) {
            ++indent;
        }
        const std::string_view rest = line.substr(indent);
        if (const std::size_t label = find_tags_label(line); label != std::string_view::npos) {
            out.emplace_back(pos + label, pos + label + tags_extent(line.substr(label)));
            in_tags = out.back().second == end; // a label later on the line ends the block
            continuation = 0;
        } else if (in_tags && !rest.empty() && !starts_other_label(rest)
            && continuation < max_continuation_lines) {
            out.back().second = end;
            ++continuation;
        } else {
            in_tags = false;
        }
        pos = end + 1;
    }
    return out;
}

} // namespace ck::screens::reader
