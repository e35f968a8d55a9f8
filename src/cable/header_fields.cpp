// Header block labels and values.
#include "cable/header_fields.hpp"

#include "cable/paragraphs.hpp"
#include "cable/signature.hpp"
#include "cable/tags.hpp"
#include "cable/text_util.hpp"

#include <array>

namespace ck::cable {
namespace {

constexpr std::size_t max_subject_lines = 6;
constexpr std::size_t max_ref_lines = 60;
constexpr std::size_t max_classified_by_lines = 4;
constexpr std::size_t max_tag_lines = 8;

// "E.O.", "E. O.", "EO", "E.o." followed by an order number or a colon.
std::size_t match_eo(std::string_view s)
{
    std::size_t i = 0;
    if (i >= s.size() || text::to_upper(s[i]) != 'E') {
        return 0;
    }
    ++i;
    const bool dotted = i < s.size() && s[i] == '.';
    if (dotted) {
        ++i;
    }
    while (i < s.size() && s[i] == ' ') {
        ++i;
    }
    if (i >= s.size() || text::to_upper(s[i]) != 'O') {
        return 0;
    }
    ++i;
    if (i < s.size() && s[i] == '.') {
        ++i;
    } else if (dotted) {
        return 0;
    }
    const std::size_t label_end = i;
    while (i < s.size() && s[i] == ' ') {
        ++i;
    }
    if (i < s.size() && (text::is_digit(s[i]) || s[i] == ':')) {
        return label_end;
    }
    return 0;
}

struct Word {
    std::string_view word;
    HeaderLabel label;
    bool needs_colon;
};

// Longest first within a family.
constexpr std::array<Word, 13> words = { {
    { "CLASSIFIED BY", HeaderLabel::classified_by, false },
    { "SUBJECT", HeaderLabel::subject, false },
    { "SUBJ", HeaderLabel::subject, false },
    { "REF(S)", HeaderLabel::ref, false },
    { "REFTELS", HeaderLabel::ref, true },
    { "REFTEL", HeaderLabel::ref, true },
    { "REFS", HeaderLabel::ref, false },
    { "REF", HeaderLabel::ref, false },
    { "TAGS", HeaderLabel::tags, false },
    { "TAG", HeaderLabel::tags, false },
    { "AGS", HeaderLabel::tags, true }, // "TAGS" with its first letter lost
    { "DECL", HeaderLabel::eo, true },
    { "E.O.", HeaderLabel::eo, false },
} };

// After a label word: optional spaces and a colon; without a colon at least one space must follow
// (and the label must allow it). Returns the value start or 0.
std::size_t after_label(std::string_view s, std::size_t i, bool needs_colon)
{
    std::size_t k = i;
    while (k < s.size() && s[k] == ' ') {
        ++k;
    }
    if (k < s.size() && s[k] == ':') {
        return k + 1;
    }
    if (needs_colon) {
        return 0;
    }
    if (k == s.size()) {
        return k; // the label alone on its line; the value follows below
    }
    return k > i ? k : 0;
}

void append_line(std::string& value, std::string_view line)
{
    if (!value.empty()) {
        value.push_back('\n');
    }
    value.append(text::trim(line));
}

// "SUB-" at a line end and "JECT:" below: a label split by hyphenation.
bool starts_split_subject(const Lines& lines, std::size_t i, std::size_t end)
{
    return text::iequals(text::trim(lines[i].text), "SUB-") && i + 1 < end
        && text::istarts_with(text::trim_left(lines[i + 1].text), "JECT");
}

bool is_rule(std::string_view line)
{
    const std::string_view t = text::trim(line);
    constexpr std::size_t min_rule = 3;
    return t.size() >= min_rule && t.find_first_not_of('-') == std::string_view::npos;
}

bool has_lower(std::string_view s)
{
    for (const char c : s) {
        if (text::is_lower(c)) {
            return true;
        }
    }
    return false;
}

// CSV-era cables mark blank lines with a lone "-".
bool is_blank_or_filler(std::string_view line)
{
    const std::string_view t = text::trim(line);
    return t.empty() || t == "-";
}

bool is_ref_item_start(std::string_view line)
{
    std::string_view t = text::strip_pilcrow(line);
    if (t.size() >= 3 && t[0] == '(' && text::is_upper(t[1]) && t[2] == ')') {
        return true;
    }
    return t.size() >= 2 && text::is_upper(t[0]) && (t[1] == '.' || t[1] == ')');
}

} // namespace

HeaderLabel label_at_start(std::string_view line, std::size_t& value_start)
{
    const std::string_view t = text::trim_left(line);
    const std::size_t indent = line.size() - t.size();
    if (const std::size_t eo = match_eo(t); eo > 0) {
        value_start = indent;
        return HeaderLabel::eo;
    }
    for (const Word& w : words) {
        if (!text::istarts_with(t, w.word)) {
            continue;
        }
        if (const std::size_t v = after_label(t, w.word.size(), w.needs_colon); v > 0) {
            // The E.O. line keeps its label in the value (it is reported whole).
            value_start = w.label == HeaderLabel::eo ? indent : indent + v;
            return w.label;
        }
    }
    return HeaderLabel::none;
}

namespace {

// A label inside a line follows a space; a REF label may also follow an upper-case letter, where a
// page lost the line break before it ("...FISHERIES TALKSREF: A. STATE 1234").
bool inline_label_may_start(std::string_view line, std::size_t pos, HeaderLabel label)
{
    if (pos == 0) {
        return false;
    }
    const char before = line[pos - 1];
    return text::is_space(before) || (label == HeaderLabel::ref && text::is_upper(before));
}

} // namespace

std::size_t find_inline_label(
    std::string_view line, std::size_t from, HeaderLabel& label, std::size_t& value_start)
{
    static constexpr std::array<Word, 10> inline_words = { {
        { "TAGS:", HeaderLabel::tags, true },
        { "SUBJECT:", HeaderLabel::subject, true },
        { "SUBJ:", HeaderLabel::subject, true },
        { "REFS:", HeaderLabel::ref, true },
        { "REF:", HeaderLabel::ref, true },
        { "REF(S):", HeaderLabel::ref, true },
        { "REFTEL:", HeaderLabel::ref, true },
        { "REFTELS:", HeaderLabel::ref, true },
        { "CLASSIFIED BY:", HeaderLabel::classified_by, true },
        { "AGS:", HeaderLabel::tags, true },
    } };
    std::size_t best = std::string_view::npos;
    for (const Word& w : inline_words) {
        std::size_t pos = text::ifind(line, w.word, from);
        while (pos != std::string_view::npos && !inline_label_may_start(line, pos, w.label)) {
            pos = text::ifind(line, w.word, pos + 1);
        }
        if (pos != std::string_view::npos && pos > 0 && pos < best) {
            best = pos;
            label = w.label;
            value_start = pos + w.word.size();
        }
    }
    return best;
}

namespace {

std::size_t continuation_limit(HeaderLabel label)
{
    switch (label) {
    case HeaderLabel::subject:
        return max_subject_lines;
    case HeaderLabel::ref:
        return max_ref_lines;
    case HeaderLabel::classified_by:
        return max_classified_by_lines;
    case HeaderLabel::tags:
        return max_tag_lines;
    case HeaderLabel::eo:
    case HeaderLabel::none:
        return 1;
    }
    return 1;
}

// Splits one physical line at the labels inside it; every field but the last is complete and goes
// to `fields`, the last is returned (its value may continue on the next lines).
HeaderField split_line(std::string_view line, std::size_t value_start, HeaderLabel label, std::size_t number,
    std::vector<HeaderField>& fields)
{
    std::size_t pos = value_start;
    HeaderField field { label, {}, number };
    while (true) {
        HeaderLabel next_label = HeaderLabel::none;
        std::size_t next_value = 0;
        const std::size_t next = find_inline_label(line, pos, next_label, next_value);
        if (next == std::string_view::npos) {
            append_line(field.value, line.substr(pos));
            return field;
        }
        append_line(field.value, line.substr(pos, next - pos));
        fields.push_back(std::move(field));
        field = HeaderField { next_label, {}, number };
        pos = next_value;
    }
}

// A double-spaced page (typed cables transcribed with a blank line after every line): the line
// before the label is blank and so is the one after the candidate continuation at `n`.
bool double_spaced_at(const Lines& lines, std::size_t label_index, std::size_t n, std::size_t end)
{
    const bool blank_before = label_index > 0 && text::is_blank(lines[label_index - 1].text);
    const bool blank_after = n + 1 >= end || text::is_blank(lines[n + 1].text);
    return blank_before && blank_after;
}

// Whether the non-blank line at `n` can continue a subject: not a label, paragraph or rule, and not
// a mixed-case sentence after an upper-case subject.
bool subject_goes_on(const HeaderField& field, std::string_view next)
{
    std::size_t unused = 0;
    if (label_at_start(next, unused) != HeaderLabel::none || paragraph_start(next) || is_rule(next)) {
        return false;
    }
    return has_lower(field.value) || !has_lower(next);
}

// Whether lines[k] continues `field`; a blank line may be skipped inside a REF list or a
// double-spaced subject, which moves k. `label_index` is the field's label line.
bool continues(
    const Lines& lines, std::size_t& k, std::size_t end, const HeaderField& field, std::size_t label_index)
{
    const std::string_view next = lines[k].text;
    std::size_t unused = 0;
    if (label_at_start(next, unused) != HeaderLabel::none || paragraph_start(next)
        || starts_split_subject(lines, k, end) || is_rule(next)) {
        return false;
    }
    // An upper-case subject does not run on into a mixed-case sentence of the body.
    if (field.label == HeaderLabel::subject && !has_lower(field.value) && has_lower(next)) {
        return false;
    }
    if (is_blank_or_filler(next)) {
        // A REF list may have blank lines between its lettered items.
        std::size_t n = k + 1;
        while (n < end && is_blank_or_filler(lines[n].text)) {
            ++n;
        }
        if (field.label == HeaderLabel::ref && n < end && is_ref_item_start(lines[n].text)
            && !paragraph_start(lines[n].text)) {
            k = n;
            return true;
        }
        // "SUBJECT: TALKS ON THE FISHERIES" / "" / "AGREEMENT" / "" / "REF: ...": one blank line
        // is only the page's spacing when every line is spaced so.
        if (field.label == HeaderLabel::subject && n == k + 1 && n < end
            && double_spaced_at(lines, label_index, n, end) && subject_goes_on(field, lines[n].text)) {
            k = n;
            return true;
        }
        return false;
    }
    if (field.label == HeaderLabel::tags) {
        const std::string_view prev = text::trim_right(field.value);
        return (!prev.empty() && prev.back() == ',') || looks_like_tag_continuation(next);
    }
    return true;
}

} // namespace

std::vector<HeaderField> read_header_fields(const Lines& lines, std::size_t begin, std::size_t end)
{
    std::vector<HeaderField> fields;
    std::size_t i = begin;
    while (i < end) {
        std::string_view line = lines[i].text;
        std::size_t value_start = 0;
        HeaderLabel label = label_at_start(line, value_start);
        if (label == HeaderLabel::none && starts_split_subject(lines, i, end)) {
            ++i;
            line = text::trim_left(lines[i].text);
            const std::size_t colon = line.find(':');
            label = HeaderLabel::subject;
            value_start = colon == std::string_view::npos ? 4 : colon + 1;
        }
        if (label == HeaderLabel::none) {
            ++i;
            continue;
        }
        HeaderField field = split_line(line, value_start, label, lines[i].number, fields);
        const std::size_t limit = continuation_limit(field.label);
        std::size_t k = i + 1;
        for (std::size_t taken = 1; k < end && taken < limit; ++k, ++taken) {
            if (is_page_header(lines[k].text) || is_page_marker(lines[k].text)) {
                continue; // a page break inside the header: the value goes on after it
            }
            if (!continues(lines, k, end, field, i)) {
                break;
            }
            append_line(field.value, lines[k].text);
        }
        fields.push_back(std::move(field));
        i = k;
    }
    return fields;
}

std::string clean_subject(std::string_view value)
{
    std::string joined;
    std::size_t start = 0;
    while (start <= value.size()) {
        std::size_t end = value.find('\n', start);
        if (end == std::string_view::npos) {
            end = value.size();
        }
        std::string_view part = text::trim(value.substr(start, end - start));
        if (start > 0 && !part.empty() && part.front() == '-'
            && (part.size() == 1 || text::is_space(part[1]))) {
            part = text::trim_left(part.substr(1)); // "-         POLICY SPEECH": CSV-era filler
        }
        if (!part.empty()) {
            // "CROSS-" / "BORDER": a teletype line ends only where the sender typed a hyphen, so
            // the hyphen stays and no space is added.
            if (!joined.empty() && !ends_with_word_hyphen(joined)) {
                joined.push_back(' ');
            }
            joined.append(part);
        }
        start = end + 1;
    }
    return text::collapse_spaces(joined);
}

bool ends_with_word_hyphen(std::string_view s)
{
    return s.size() >= 2 && s.back() == '-' && text::is_alpha(s[s.size() - 2]);
}

std::string clean_classified_by(std::string_view value)
{
    std::string joined;
    std::size_t start = 0;
    while (start <= value.size()) {
        std::size_t end = value.find('\n', start);
        if (end == std::string_view::npos) {
            end = value.size();
        }
        const std::string_view part = text::trim(value.substr(start, end - start));
        if (!part.empty()) {
            const char c = part.front();
            const bool glue = c == ')' || c == '.' || c == ',' || c == ';';
            if (!joined.empty() && !glue) {
                joined.push_back(' ');
            }
            joined.append(part);
        }
        start = end + 1;
    }
    return text::collapse_spaces(joined);
}

std::string declassification_of(std::string_view eo_line)
{
    std::string_view v;
    const std::size_t decl = text::ifind(eo_line, "DECL");
    if (decl != std::string_view::npos) {
        v = eo_line.substr(decl + 4);
        v = text::trim_left(v);
        if (!v.empty() && v.front() == ':') {
            v.remove_prefix(1);
        }
    } else {
        const std::size_t colon = eo_line.find(':');
        if (colon == std::string_view::npos) {
            return {};
        }
        v = eo_line.substr(colon + 1);
    }
    std::string out = text::collapse_spaces(v);
    // "1/20/2019" and "01/20/2019" are the same date: write it one way.
    const std::vector<std::string_view> parts = [&] {
        std::vector<std::string_view> p;
        std::size_t s = 0;
        while (s <= out.size()) {
            std::size_t e = out.find('/', s);
            if (e == std::string::npos) {
                e = out.size();
            }
            p.push_back(std::string_view(out).substr(s, e - s));
            s = e + 1;
        }
        return p;
    }();
    if (parts.size() == 3 && text::all_digits(parts[0]) && text::all_digits(parts[1])
        && text::all_digits(parts[2]) && parts[0].size() <= 2 && parts[1].size() <= 2) {
        std::string date;
        for (std::size_t k = 0; k < 2; ++k) {
            if (parts[k].size() == 1) {
                date.push_back('0');
            }
            date.append(parts[k]);
            date.push_back('/');
        }
        date.append(parts[2]);
        return date;
    }
    return out;
}

} // namespace ck::cable
