// Memo fields of OCR documents.
#include "cable/memo.hpp"

#include "cable/cia_cable.hpp"
#include "cable/classification.hpp"
#include "cable/dates.hpp"
#include "cable/display.hpp"
#include "cable/dtg.hpp"
#include "cable/header_fields.hpp"
#include "cable/limits.hpp"
#include "cable/paragraphs.hpp"
#include "cable/text_util.hpp"

#include <algorithm>
#include <array>

namespace ck::cable {
namespace {

constexpr std::size_t date_search_lines = 200;
constexpr std::size_t max_subject_lines = 8;
constexpr std::size_t label_only_skip = 12;
constexpr std::size_t letterhead_lines = 20;
constexpr std::size_t header_lines_after_subject = 3;
constexpr std::size_t max_noise_words = 1;

// "SUBJECT:", "SUBJECT", "*SUBJECT:", "Subject:" at the start of a line; npos when absent, else
// where the value starts.
std::size_t subject_label(std::string_view line)
{
    std::string_view t = text::trim_left(line);
    std::size_t offset = line.size() - t.size();
    // "*SUBJECT:", "* SUBJECT:" (CIA cables star lines with index terms), "(SUBJECT".
    while (!t.empty() && (t.front() == '*' || t.front() == '(' || (t.front() == ' ' && offset > 0))) {
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
        // Without a colon the label stands alone or apart from its value, as OCR puts columns
        // ("SUBJECT    Organization of CIA"); "SUBJECT AS THE NUMBER ONE" is a sentence.
        constexpr std::size_t column_gap = 2;
        if (k == t.size() || k >= label.size() + column_gap) {
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

namespace {

// A line that starts another part of the memo or cable, so a subject never runs into it: a
// header label ("REF:", "TEXT:", "REFERENCE:"), a numbered paragraph.
bool ends_subject(std::string_view line)
{
    const std::string_view t = text::trim(line);
    std::size_t unused = 0;
    return label_at_start(t, unused) != HeaderLabel::none || paragraph_start(t)
        || text::istarts_with(t, "TEXT:") || text::istarts_with(t, "REFERENCE");
}

// Joins a continuation line: "Intel-" + "ligence" is one word (a typist's hyphenation, the
// continuation in lower case); "CROSS-" + "BORDER" keeps its hyphen.
void append_continuation(std::string& subject, std::string_view line)
{
    const std::string next = text::collapse_spaces(line);
    if (next.empty()) {
        return;
    }
    if (ends_with_word_hyphen(subject)) {
        if (text::is_lower(next.front())) {
            subject.pop_back();
        }
    } else {
        subject += ' ';
    }
    subject += next;
}

// The first line of the value when OCR read the label column first: past blanks and other bare
// labels; npos when the value is missing (the next thing is a paragraph or another header).
std::size_t value_line_after_label(const Lines& lines, std::size_t k)
{
    const std::size_t stop = std::min(lines.size(), k + label_only_skip);
    while (k < stop && (text::is_blank(lines[k].text) || is_label_only(lines[k].text))) {
        ++k;
    }
    return k >= stop || ends_subject(lines[k].text) ? std::string_view::npos : k;
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
        k = value_line_after_label(lines, k);
        if (k == std::string_view::npos) {
            return {};
        }
        subject = text::collapse_spaces(lines[k].text);
        ++k;
    }
    const bool numbered = is_numbered_item(subject);
    std::size_t taken = 1;
    while (k < lines.size() && taken < max_subject_lines && !ends_subject(lines[k].text)) {
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
        append_continuation(subject, lines[k].text);
        ++k;
        ++taken;
    }
    return text::collapse_spaces(subject);
}

std::size_t noise_words(std::string_view subject)
{
    static constexpr std::array<std::string_view, 24> short_words
        = { "a", "an", "as", "at", "by", "in", "is", "it", "of", "on", "or", "to", "vs", "re", "no", "up",
              "we", "be", "do", "if", "so", "me", "he", "us" };
    std::size_t noise = 0;
    for (std::string_view w : text::split_words(subject)) {
        if (w.size() == 1 && (w[0] == ';' || w[0] == '.' || w[0] == ':' || w[0] == ',' || w[0] == '|')) {
            ++noise; // lone punctuation: specks on the scan
            continue;
        }
        while (!w.empty() && (w.back() == '.' || w.back() == ',' || w.back() == ';' || w.back() == ':')) {
            w.remove_suffix(1);
        }
        const bool foreign = std::any_of(w.begin(), w.end(), [](char c) { return (c & 0x80) != 0; });
        const bool letters = std::all_of(w.begin(), w.end(), [](char c) { return text::is_alpha(c); });
        const std::size_t ascii_letters = static_cast<std::size_t>(
            std::count_if(w.begin(), w.end(), [](char c) { return text::is_alpha(c); }));
        if (foreign && ascii_letters >= 1 && w.size() <= 3) {
            ++noise; // "éL": a letter of another alphabet in a two-letter word
        } else if (letters && w.size() <= 2 && text::is_lower(w[0])
            && std::find(short_words.begin(), short_words.end(), w) == short_words.end()) {
            ++noise; // "oe": no English word
        }
    }
    return noise;
}

std::optional<CableDate> memo_date_line(std::string_view line, bool& repaired)
{
    std::string_view t = text::trim(line);
    if (text::istarts_with(t, "DIST ")) {
        t = text::trim(t.substr(5)); // "DIST 3 MARCH 1966": the date of distribution
    }
    std::vector<std::string_view> words = text::split_words(t);
    // Debris after the date: a dash, a bar, a speck.
    while (!words.empty() && std::none_of(words.back().begin(), words.back().end(), text::is_alnum)) {
        words.pop_back();
    }
    if (words.size() < 3 || !text::all_digits(words[0]) || month_from_name(words[1]) == 0) {
        std::string rest;
        for (const std::string_view w : words) {
            rest.append(rest.empty() ? "" : " ").append(w);
        }
        return parse_date_line(rest);
    }
    std::string joined = std::string(words[0]) + " " + std::string(words[1]) + " ";
    std::string year;
    for (std::size_t i = 2; i < words.size(); ++i) {
        year.append(words[i]);
    }
    // "I 96 Z": the year split by OCR, its last digit read as Z.
    if (year.size() == 4 && (year.back() == 'Z' || year.back() == 'z')) {
        year.back() = '2';
        repaired = true;
    }
    repaired = repaired || words.size() > 3 || ocr_year(year) != text::to_int(year);
    joined += year;
    return parse_date_line(joined);
}

namespace {

// Words of four letters or more, upper-cased: what two readings of one subject share.
std::vector<std::string> long_words(std::string_view s)
{
    std::vector<std::string> out;
    for (const std::string_view w : text::split_words(s)) {
        if (w.size() >= 4 && std::all_of(w.begin(), w.end(), [](char c) { return text::is_alpha(c); })) {
            out.push_back(text::to_upper(w));
        }
    }
    return out;
}

// A clean reading of a noisy subject elsewhere in the document (a repeated SUBJECT line of the
// same memo): no noise, and at least half the noisy reading's long words in it.
bool is_clean_form_of(std::string_view candidate, std::string_view noisy)
{
    const std::vector<std::string> want = long_words(noisy);
    const std::vector<std::string> have = long_words(candidate);
    const auto shared = std::count_if(want.begin(), want.end(),
        [&](const std::string& w) { return std::find(have.begin(), have.end(), w) != have.end(); });
    return noise_words(candidate) == 0 && !want.empty()
        && static_cast<std::size_t>(shared) * 2 >= want.size();
}

// The subject at a SUBJECT line, CIA index brackets removed; its confidence says what was done.
std::string read_subject_at(const Lines& lines, std::size_t i, Confidence& confidence)
{
    std::string subject = memo_subject(lines, i);
    confidence = Confidence::ocr;
    if (subject.find_first_of("<>") != std::string::npos) {
        bool damaged = false;
        subject = without_index_brackets(subject, damaged);
        confidence = damaged ? Confidence::low : Confidence::ocr_repaired;
    }
    return subject;
}

void take_subject(const Lines& lines, std::size_t i, MemoFields& m, std::string& noisy)
{
    Confidence confidence = Confidence::ocr;
    std::string subject = read_subject_at(lines, i, confidence);
    if (subject.empty()) {
        if (m.unreadable_subject_line == 0) {
            m.unreadable_subject_line = lines[i].number; // a label whose value OCR lost or misplaced
        }
        return;
    }
    if (!noisy.empty()) {
        if (is_clean_form_of(subject, noisy)) {
            m.subject = std::move(subject);
            m.subject_confidence = Confidence::ocr_repaired;
        }
        return;
    }
    if (noise_words(subject) > max_noise_words) {
        noisy = std::move(subject); // unreadable here; a clean repeat may follow
        m.unreadable_subject_line = lines[i].number;
        return;
    }
    m.subject = std::move(subject);
    m.subject_confidence = confidence;
}

// "MEMORANDUM FOR: Director of Central Intelligence", "FROM: Charles A. Briggs", the letterhead.
void take_header_line(std::string_view t, std::size_t i, MemoFields& m)
{
    if (m.to.empty() && text::istarts_with(t, "MEMORANDUM FOR")) {
        const std::string_view rest = text::trim(t.substr(14));
        if (!rest.empty() && rest.front() == ':' && !text::trim(rest.substr(1)).empty()) {
            m.to.push_back(text::collapse_spaces(rest.substr(1)));
        }
    }
    if (m.from.empty() && text::istarts_with(t, "FROM:") && !text::trim(t.substr(5)).empty()) {
        m.from = text::collapse_spaces(t.substr(5));
    }
    if (m.from.empty() && i < letterhead_lines && text::iequals(t, "CENTRAL INTELLIGENCE AGENCY")) {
        m.from = "Central Intelligence Agency";
    }
}

} // namespace

MemoFields read_memo_fields(const Lines& lines, bool (*skip)(std::string_view))
{
    MemoFields m;
    const std::size_t date_stop = std::min(lines.size(), date_search_lines);
    std::size_t header_end = lines.size(); // the memo's own header ends a few lines after its SUBJECT
    std::string noisy;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view t = text::trim(lines[i].text);
        if (t.empty() || (skip != nullptr && skip(t))) {
            continue;
        }
        if (!m.date && i < date_stop) {
            bool repaired = false;
            m.date = memo_date_line(t, repaired);
            m.date_confidence = repaired ? Confidence::ocr_repaired : Confidence::ocr;
        }
        if (m.subject.empty() && subject_label(t) != std::string_view::npos) {
            take_subject(lines, i, m, noisy);
            header_end = std::min(header_end, i + header_lines_after_subject);
        }
        if (i < header_end) {
            take_header_line(t, i, m);
        }
        if (m.classification.empty() && is_bare_marking(t)) {
            m.classification = parse_banner(t)->classification;
        }
    }
    if (!m.subject.empty()) {
        m.unreadable_subject_line = 0;
    }
    if (m.subject.size() > limits::max_field_bytes) {
        std::string cut;
        text::append_utf8_prefix(cut, m.subject, limits::max_field_bytes);
        m.subject = std::move(cut);
    }
    return m;
}

void report_unreadable(const MemoFields& memo, Sink& sink)
{
    if (memo.unreadable_subject_line > 0) {
        sink.warning(memo.unreadable_subject_line,
            "the SUBJECT is too damaged by OCR to read with confidence; left empty (check by hand)");
    }
}

std::string ocr_display_text(const Lines& lines)
{
    DisplayOptions options;
    options.keep_furniture = true;
    options.max_line_bytes = limits::max_line_bytes;
    return build_display_text(lines, 0, lines.size(), lines.size(), options);
}

} // namespace ck::cable
