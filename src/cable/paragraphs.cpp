// Numbered paragraphs and portion marks.
#include "cable/paragraphs.hpp"

#include "cable/text_util.hpp"

#include <algorithm>
#include <array>

namespace ck::cable {
namespace {

constexpr std::size_t max_number_digits = 3;
constexpr std::size_t max_mark_length = 24;

bool is_mark_char(char c)
{
    return text::is_upper(c) || c == '/' || c == ' ' || c == '-';
}

// Portion marks start with a classification abbreviation: "(C)", "(S/NF)", "(SBU)", "(LOU)",
// "(SECRET/REL FRANCE)". "(SUMMARY)" after a number is a heading, not a mark.
bool starts_like_marking(std::string_view mark)
{
    static constexpr std::array<std::string_view, 13> first_words = { "U", "C", "S", "TS", "SBU", "LOU",
        "FOUO", "NF", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP", "UNCLAS" };
    const std::size_t end = mark.find_first_of("/ -");
    const std::string_view first = mark.substr(0, end);
    return std::find(first_words.begin(), first_words.end(), first) != first_words.end();
}

// "(C)", "(S/NF)", "(SECRET/REL FRANCE)", "(S" cut off; empty when what follows is not a mark.
std::string read_mark(std::string_view s)
{
    if (s.empty() || s.front() != '(') {
        return {};
    }
    std::size_t i = 1;
    while (i < s.size() && i <= max_mark_length && is_mark_char(s[i])) {
        ++i;
    }
    std::string_view mark = text::trim(s.substr(1, i - 1));
    const bool closed = i < s.size() && s[i] == ')';
    if (!closed) {
        // "(S" with no close: keep the first word if it is short, like a mark.
        const std::size_t space = mark.find(' ');
        mark = mark.substr(0, space);
        const std::size_t after = 1 + mark.size(); // "(Summary" is a word, not the mark "S"
        if (mark.size() > 4 || (after < s.size() && text::is_alnum(s[after]))) {
            return {};
        }
    }
    if (mark.empty() || !starts_like_marking(mark)) {
        return {};
    }
    return std::string(mark);
}

long to_number(const std::string& n)
{
    return text::to_int(n);
}

} // namespace

std::optional<ParagraphStart> paragraph_start(std::string_view line)
{
    std::string_view s = text::trim_left(line);
    if (s.size() >= 2 && s[0] == '-' && s[1] == ' ') {
        s = text::trim_left(s.substr(2));
    }
    s = text::strip_pilcrow(s);
    std::size_t i = 0;
    while (i < s.size() && text::is_digit(s[i])) {
        ++i;
    }
    if (i == 0 || i > max_number_digits || i >= s.size()) {
        return std::nullopt;
    }
    const char sep = s[i];
    std::string_view rest = s.substr(i + 1);
    if (sep == '.') {
        // "1.4 (b)" is a reason code, "1.2 MILLION" a number: a digit after the dot is no paragraph.
        if (!rest.empty() && !text::is_space(rest.front()) && rest.front() != '(') {
            return std::nullopt;
        }
    } else if (sep == ',') {
        // A comma typed for the dot, only when a portion mark follows: "6, (SBU)".
        if (text::trim_left(rest).substr(0, 1) != "(") {
            return std::nullopt;
        }
    } else {
        return std::nullopt;
    }
    ParagraphStart p;
    p.number = std::string(s.substr(0, i));
    if (p.number.front() == '0' && p.number.size() > 1) {
        return std::nullopt;
    }
    p.portion_mark = read_mark(text::trim_left(rest));
    return p;
}

std::vector<Paragraph> find_paragraphs(std::string_view display_text, std::size_t max_paragraphs)
{
    std::vector<Paragraph> candidates;
    std::size_t line_number = 1;
    std::size_t start = 0;
    while (start < display_text.size() && candidates.size() < max_paragraphs) {
        std::size_t end = display_text.find('\n', start);
        if (end == std::string_view::npos) {
            end = display_text.size();
        }
        if (auto p = paragraph_start(display_text.substr(start, end - start))) {
            candidates.push_back(Paragraph { std::move(p->number), std::move(p->portion_mark), line_number });
        }
        start = end + 1;
        ++line_number;
    }
    std::size_t marked = 0;
    for (const Paragraph& p : candidates) {
        marked += p.portion_mark.empty() ? 0 : 1;
    }
    const bool marks_rule = marked >= 2 && marked * 3 >= candidates.size();
    std::vector<Paragraph> out;
    long last = 0;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const Paragraph& p = candidates[i];
        const long n = to_number(p.number);
        bool keep = false;
        if (marks_rule && !p.portion_mark.empty()) {
            keep = n > last;
        } else if (marks_rule) {
            // Unmarked: keep only if the next marked paragraph continues from it.
            long next_marked = -1;
            for (std::size_t k = i + 1; k < candidates.size(); ++k) {
                if (!candidates[k].portion_mark.empty()) {
                    next_marked = to_number(candidates[k].number);
                    break;
                }
            }
            keep = n == last + 1 && (next_marked < 0 || next_marked == n + 1);
        } else {
            keep = n == last + 1 || (last == 0 && n <= 2);
        }
        if (keep) {
            out.push_back(p);
            last = n;
        }
    }
    return out;
}

} // namespace ck::cable
