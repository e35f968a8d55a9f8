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

} // namespace

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
    std::size_t tag_range = 0;
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
        std::size_t matched = 0;
        for (const Entry& e : bucket) {
            if (e.tag && !on_tags_line) {
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
