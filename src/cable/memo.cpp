// Memo fields of OCR documents.
#include "cable/memo.hpp"

#include "cable/classification.hpp"
#include "cable/dates.hpp"
#include "cable/display.hpp"
#include "cable/limits.hpp"
#include "cable/text_util.hpp"

#include <algorithm>

namespace ck::cable {
namespace {

constexpr std::size_t date_search_lines = 200;
constexpr std::size_t max_subject_lines = 8;
constexpr std::size_t label_only_skip = 12;

// "SUBJECT:", "SUBJECT", "*SUBJECT:", "Subject:" at the start of a line; npos when absent, else
// where the value starts.
std::size_t subject_label(std::string_view line)
{
    std::string_view t = text::trim_left(line);
    std::size_t offset = line.size() - t.size();
    while (!t.empty() && (t.front() == '*' || t.front() == '(')) {
        t.remove_prefix(1);
        ++offset;
    }
    for (const std::string_view label : { std::string_view("SUBJECT"), std::string_view("SUBJ") }) {
        if (!text::istarts_with(t, label)) {
            continue;
        }
        std::size_t k = label.size();
        while (k < t.size() && t[k] == ' ') {
            ++k;
        }
        if (k < t.size() && t[k] == ':') {
            return offset + k + 1;
        }
        if (k == t.size() || k > label.size()) {
            return offset + k;
        }
    }
    return std::string_view::npos;
}

bool is_label_only(std::string_view line)
{
    const std::string_view t = text::trim(line);
    if (t.empty() || t.size() > 20) {
        return false;
    }
    for (const char c : t) {
        if (!text::is_upper(c) && c != ':' && c != ' ') {
            return false;
        }
    }
    return true;
}

// "(2) ...", "(l) ..." (OCR for "(1)"): the next item of a numbered subject.
bool is_numbered_item(std::string_view line)
{
    const std::string_view t = text::trim_left(line);
    return t.size() >= 3 && t[0] == '(' && (text::is_digit(t[1]) || t[1] == 'l') && t[2] == ')';
}

} // namespace

std::string memo_subject(const Lines& lines, std::size_t i)
{
    const std::size_t value_start = subject_label(lines[i].text);
    if (value_start == std::string_view::npos) {
        return {};
    }
    std::string subject
        = text::collapse_spaces(lines[i].text.substr(std::min(value_start, lines[i].text.size())));
    std::size_t k = i + 1;
    if (subject.empty()) {
        // OCR read the label column first: skip blanks and other bare labels to the value.
        const std::size_t stop = std::min(lines.size(), k + label_only_skip);
        while (k < stop && (text::is_blank(lines[k].text) || is_label_only(lines[k].text))) {
            ++k;
        }
        if (k >= stop) {
            return {};
        }
        subject = text::collapse_spaces(lines[k].text);
        ++k;
    }
    const bool numbered = is_numbered_item(subject);
    std::size_t taken = 1;
    while (k < lines.size() && taken < max_subject_lines) {
        if (text::is_blank(lines[k].text)) {
            std::size_t n = k;
            while (n < lines.size() && text::is_blank(lines[n].text)) {
                ++n;
            }
            if (!numbered || n >= lines.size() || !is_numbered_item(lines[n].text)) {
                break;
            }
            k = n;
        }
        subject += ' ';
        subject += text::collapse_spaces(lines[k].text);
        ++k;
        ++taken;
    }
    return text::collapse_spaces(subject);
}

MemoFields read_memo_fields(const Lines& lines, bool (*skip)(std::string_view))
{
    MemoFields m;
    const std::size_t date_stop = std::min(lines.size(), date_search_lines);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view t = text::trim(lines[i].text);
        if (t.empty() || (skip != nullptr && skip(t))) {
            continue;
        }
        if (!m.date && i < date_stop) {
            m.date = parse_date_line(t);
        }
        if (m.subject.empty() && subject_label(t) != std::string_view::npos) {
            m.subject = memo_subject(lines, i);
        }
        if (m.to.empty() && text::istarts_with(t, "MEMORANDUM FOR")) {
            const std::string_view rest = text::trim(t.substr(14));
            if (!rest.empty() && rest.front() == ':' && !text::trim(rest.substr(1)).empty()) {
                m.to.push_back(text::collapse_spaces(rest.substr(1)));
            }
        }
        if (m.classification.empty() && is_bare_marking(t)) {
            m.classification = parse_banner(t)->classification;
        }
    }
    if (m.subject.size() > limits::max_field_bytes) {
        std::string cut;
        text::append_utf8_prefix(cut, m.subject, limits::max_field_bytes);
        m.subject = std::move(cut);
    }
    return m;
}

std::string ocr_display_text(const Lines& lines)
{
    DisplayOptions options;
    options.keep_furniture = true;
    options.max_line_bytes = limits::max_line_bytes;
    return build_display_text(lines, 0, lines.size(), lines.size(), options);
}

} // namespace ck::cable
