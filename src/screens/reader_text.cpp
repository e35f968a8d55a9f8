// Large print has to tell a teletype's wrap from a writer's break without knowing the format:
// a wrapped line runs close to the text's usual width and the next line continues it; anything
// else (a short line, a new paragraph, a label, a rule, a column) was broken on purpose.
#include "screens/reader_text.hpp"

#include "core/ascii.hpp"

#include <algorithm>
#include <array>

namespace ck::screens::reader {
namespace {

// A line shorter than this share of a full line ended early on purpose. A wrapped line loses at
// most the next word, which is rarely a third of a line.
constexpr float short_line_ratio = 0.6f;
constexpr std::size_t min_typical_chars = 20;
constexpr std::size_t max_label_chars = 24; // "MEMORANDUM FOR:", "Classified By:"
constexpr std::size_t max_banner_caveats = 4;

using ascii::is_alpha;
using ascii::is_digit;
using ascii::is_space;
using ascii::is_upper;
using ascii::trim;

// Code points, not bytes: a line's length as the eye sees it.
std::size_t chars(std::string_view s)
{
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// "-----", "=====", "* * *": a rule under a heading or between parts.
bool is_rule(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return c == '-' || c == '=' || c == '_' || c == '*' || c == '~' || c == '.' || c == ' ';
    });
}

// Columns aligned with runs of spaces (tables, lists of names and figures).
bool has_columns(std::string_view s)
{
    return s.find("   ") != std::string_view::npos;
}

// "1.", "12)", "¶3.", "(A)", "(C)", "(IV)", "A. ", "- ", "* ", "• ".
bool starts_paragraph(std::string_view s)
{
    if (s.substr(0, 2) == "\xC2\xB6" || s.substr(0, 3) == "\xE2\x80\xA2") { // pilcrow, bullet
        return true;
    }
    if (s.size() >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') {
        return true;
    }
    std::size_t digits = 0;
    while (digits < s.size() && digits < 4 && is_digit(s[digits])) {
        ++digits;
    }
    if (digits > 0 && digits <= 3 && digits < s.size() && (s[digits] == '.' || s[digits] == ')')) {
        const std::size_t after = digits + 1;
        return after == s.size() || s[after] == ' ' || s[after] == '(';
    }
    if (s.size() >= 3 && s[0] == '(') {
        const std::size_t close = s.find(')');
        if (close != std::string_view::npos && close >= 2 && close <= 6) {
            const std::string_view inside = s.substr(1, close - 1);
            return std::all_of(
                inside.begin(), inside.end(), [](char c) { return is_alpha(c) || is_digit(c) || c == '/'; });
        }
    }
    return s.size() >= 3 && is_alpha(s[0]) && s[1] == '.' && s[2] == ' ';
}

// "SUBJECT:", "REF:", "Classified By:", "E.O. 12958:", "MEMORANDUM FOR:": a label starts a line.
bool starts_label(std::string_view s)
{
    if (s.substr(0, 4) == "E.O." || s.substr(0, 4) == "E.o.") {
        return true;
    }
    const std::size_t colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > max_label_chars || !is_alpha(s[0])) {
        return false;
    }
    const std::string_view label = s.substr(0, colon);
    return std::all_of(
        label.begin(), label.end(), [](char c) { return is_alpha(c) || c == ' ' || c == '.'; });
}

std::size_t typical_line_chars(std::string_view display)
{
    std::vector<std::size_t> lengths;
    std::size_t pos = 0;
    while (pos <= display.size()) {
        std::size_t nl = display.find('\n', pos);
        if (nl == std::string_view::npos) {
            nl = display.size();
        }
        const std::string_view line = trim(display.substr(pos, nl - pos));
        if (!line.empty()) {
            lengths.push_back(chars(line));
        }
        pos = nl + 1;
    }
    if (lengths.empty()) {
        return min_typical_chars;
    }
    // The 90th percentile: a full line, not the one overlong line of a table or a URL.
    const auto nth = lengths.begin() + static_cast<std::ptrdiff_t>(lengths.size() * 9 / 10);
    std::nth_element(lengths.begin(), nth, lengths.end());
    return std::max(min_typical_chars, *nth);
}

} // namespace

std::size_t clamp_size_step(int step)
{
    return static_cast<std::size_t>(std::clamp(step, 0, static_cast<int>(size_factors.size()) - 1));
}

std::string format_date(const cable::CableDate& date, std::string_view lang)
{
    static constexpr std::array<std::string_view, 12> months = { "January", "February", "March", "April",
        "May", "June", "July", "August", "September", "October", "November", "December" };
    if (date.year <= 0) {
        return {};
    }
    const bool has_month = date.month >= 1 && date.month <= 12;
    const bool has_day = has_month && date.day >= 1 && date.day <= 31;
    std::string out;
    if (lang == "ja") {
        out = std::to_string(date.year) + "年";
        if (has_month) {
            out += std::to_string(date.month) + "月";
        }
        if (has_day) {
            out += std::to_string(date.day) + "日";
        }
    } else {
        if (has_day) {
            out = std::to_string(date.day) + " ";
        }
        if (has_month) {
            out += std::string(months[static_cast<std::size_t>(date.month - 1)]) + " ";
        }
        out += std::to_string(date.year);
    }
    if (has_day && date.has_time() && date.hour <= 23 && date.minute >= 0 && date.minute <= 59) {
        const auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
        // A no-break space keeps "UTC" with its time when a narrow column wraps the line.
        out += (lang == "ja" ? " " : ", ") + two(date.hour) + ":" + two(date.minute) + "\xC2\xA0UTC";
    }
    return out;
}

std::string precedence_key(std::string_view precedence)
{
    std::string key = "precedence.";
    for (const char c : trim(precedence)) {
        if (is_upper(c)) {
            key += static_cast<char>(c - 'A' + 'a');
        } else if (is_alpha(c) || is_digit(c)) {
            key += c;
        } else if (key.back() != '_') {
            key += '_';
        }
    }
    return key;
}

std::string banner_marking(const cable::Cable& cable)
{
    std::string out(trim(cable.classification));
    if (out.empty()) {
        return out;
    }
    std::size_t added = 0;
    for (const std::string& caveat : cable.caveats) {
        const std::string_view c = trim(caveat);
        // SIPDIS routed a cable to the SIPRNet database; it never restricted who could read it.
        if (c.empty() || c == "SIPDIS" || added == max_banner_caveats) {
            continue;
        }
        out += "//";
        out += c;
        ++added;
    }
    return out;
}

bool is_hard_break(std::string_view line, std::string_view next, std::size_t typical_chars)
{
    const std::string_view a = trim(line);
    const std::string_view b = trim(next);
    if (a.empty() || b.empty() || is_rule(a) || is_rule(b) || a.back() == ':') {
        return true;
    }
    if (static_cast<float>(chars(a)) < short_line_ratio * static_cast<float>(typical_chars)) {
        return true;
    }
    return starts_paragraph(b) || starts_label(b) || has_columns(a) || has_columns(b);
}

LargePrint LargePrint::make(std::string_view display)
{
    LargePrint out;
    out.m_text.reserve(display.size());
    const std::size_t typical = typical_line_chars(display);
    std::size_t piece_start = 0;
    std::size_t line_start = 0;
    while (true) {
        const std::size_t nl = display.find('\n', line_start);
        if (nl == std::string_view::npos || nl + 1 >= display.size()) {
            break;
        }
        const std::size_t next_start = nl + 1;
        std::size_t next_end = display.find('\n', next_start);
        if (next_end == std::string_view::npos) {
            next_end = display.size();
        }
        const std::string_view line = display.substr(line_start, nl - line_start);
        const std::string_view next = display.substr(next_start, next_end - next_start);
        if (!is_hard_break(line, next, typical)) {
            // The gap runs from the end of this line's ink to the start of the next line's.
            std::size_t gap_begin = nl;
            while (gap_begin > line_start && is_space(display[gap_begin - 1])) {
                --gap_begin;
            }
            std::size_t gap_end = next_start;
            while (gap_end < next_end && is_space(display[gap_end])) {
                ++gap_end;
            }
            out.m_pieces.push_back({ piece_start, out.m_text.size(), gap_begin - piece_start });
            out.m_text.append(display.substr(piece_start, gap_begin - piece_start));
            const bool hyphen
                = gap_begin >= 2 && display[gap_begin - 1] == '-' && is_alpha(display[gap_begin - 2]);
            if (!hyphen) {
                out.m_text += ' ';
            }
            piece_start = gap_end;
        }
        line_start = next_start;
    }
    out.m_pieces.push_back({ piece_start, out.m_text.size(), display.size() - piece_start });
    out.m_text.append(display.substr(piece_start));
    return out;
}

std::size_t LargePrint::from_display(std::size_t offset) const
{
    const auto it = std::upper_bound(m_pieces.begin(), m_pieces.end(), offset,
        [](std::size_t value, const Piece& p) { return value < p.display; });
    if (it == m_pieces.begin()) {
        return 0;
    }
    const Piece& p = *(it - 1);
    return p.text + std::min(offset - p.display, p.size);
}

std::size_t LargePrint::to_display(std::size_t offset) const
{
    const auto it = std::upper_bound(m_pieces.begin(), m_pieces.end(), offset,
        [](std::size_t value, const Piece& p) { return value < p.text; });
    if (it == m_pieces.begin()) {
        return 0;
    }
    const Piece& p = *(it - 1);
    return p.display + std::min(offset - p.text, p.size);
}

} // namespace ck::screens::reader
