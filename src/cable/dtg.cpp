// Date-time groups, precedence letters and two-digit years.
#include "cable/dtg.hpp"

#include "cable/text_util.hpp"

#include <array>
#include <cstdlib>

namespace ck::cable {
namespace {

bool is_precedence_letter(char c)
{
    return c == 'Z' || c == 'O' || c == 'P' || c == 'R';
}

// A tiny cursor over one line; each step either consumes what it expects or fails.
struct Cursor {
    std::string_view s;
    std::size_t i = 0;

    void skip_spaces()
    {
        while (i < s.size() && text::is_space(s[i])) {
            ++i;
        }
    }
    bool at_end() const { return i >= s.size(); }
    bool take_digits(std::size_t n, int& out)
    {
        if (i + n > s.size()) {
            return false;
        }
        const int v = text::to_int(s.substr(i, n));
        if (v < 0) {
            return false;
        }
        out = v;
        i += n;
        return true;
    }
};

} // namespace

std::string_view precedence_name(char letter)
{
    switch (letter) {
    case 'Z':
        return "FLASH";
    case 'O':
        return "IMMEDIATE";
    case 'P':
        return "PRIORITY";
    case 'R':
        return "ROUTINE";
    default:
        return {};
    }
}

int month_from_name(std::string_view name)
{
    static constexpr std::array<std::string_view, 12> names = { "JANUARY", "FEBRUARY", "MARCH", "APRIL",
        "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER" };
    if (name.size() < 3) {
        return 0;
    }
    for (std::size_t m = 0; m < names.size(); ++m) {
        const std::string_view full = names[m];
        if (text::iequals(name, full) || text::iequals(name, full.substr(0, 3))
            || (m == 8 && text::iequals(name, "SEPT"))) {
            return static_cast<int>(m) + 1;
        }
    }
    return 0;
}

bool is_valid_date(int year, int month, int day)
{
    static constexpr std::array<int, 12> days = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > days[static_cast<std::size_t>(month - 1)]) {
        return false;
    }
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return !(month == 2 && day == 29 && !leap);
}

std::optional<Dtg> parse_dtg_line(std::string_view line)
{
    Cursor c { text::trim(line) };
    Dtg dtg;
    // One or two precedence letters, each a word of its own.
    if (c.s.size() < 2 || !is_precedence_letter(c.s[0]) || c.s[1] != ' ') {
        return std::nullopt;
    }
    dtg.action_precedence = c.s[0];
    c.i = 1;
    c.skip_spaces();
    if (c.i + 1 < c.s.size() && is_precedence_letter(c.s[c.i]) && c.s[c.i + 1] == ' ') {
        ++c.i;
        c.skip_spaces();
    }
    if (!c.take_digits(2, dtg.day) || !c.take_digits(2, dtg.hour) || !c.take_digits(2, dtg.minute)) {
        return std::nullopt;
    }
    c.skip_spaces(); // "221828 Z" occurs in CORE telegrams
    if (c.at_end() || c.s[c.i] != 'Z') {
        return std::nullopt;
    }
    ++c.i;
    c.skip_spaces();
    if (c.i + 3 > c.s.size()) {
        return std::nullopt;
    }
    dtg.month = month_from_name(c.s.substr(c.i, 3));
    c.i += 3;
    c.skip_spaces();
    if (dtg.month == 0 || !c.take_digits(2, dtg.two_digit_year)) {
        return std::nullopt;
    }
    c.skip_spaces();
    // Transmission flags may follow: "O 301508Z JUN 09 ZFF6".
    if (!c.at_end() && c.s[c.i] == 'Z') {
        const std::string_view flag = c.s.substr(c.i);
        constexpr std::size_t max_flag = 6;
        bool ok = flag.size() <= max_flag;
        for (const char ch : flag) {
            ok = ok && (text::is_upper(ch) || text::is_digit(ch));
        }
        if (ok) {
            c.i = c.s.size();
        }
    }
    if (!c.at_end() || dtg.day < 1 || dtg.day > 31 || dtg.hour > 23 || dtg.minute > 59) {
        return std::nullopt;
    }
    return dtg;
}

int resolve_two_digit_year(int two_digit_year, int year_hint)
{
    constexpr int pivot = 50;
    if (year_hint > 0) {
        const int base = (year_hint / 100) * 100;
        int best = base + two_digit_year;
        for (const int candidate : { base - 100 + two_digit_year, base + 100 + two_digit_year }) {
            if (std::abs(candidate - year_hint) < std::abs(best - year_hint)) {
                best = candidate;
            }
        }
        return best;
    }
    return two_digit_year >= pivot ? 1900 + two_digit_year : 2000 + two_digit_year;
}

std::optional<CableDate> dtg_to_date(const Dtg& dtg, int year_hint)
{
    CableDate d;
    d.year = resolve_two_digit_year(dtg.two_digit_year, year_hint);
    d.month = dtg.month;
    d.day = dtg.day;
    d.hour = dtg.hour;
    d.minute = dtg.minute;
    if (!is_valid_date(d.year, d.month, d.day)) {
        return std::nullopt;
    }
    return d;
}

} // namespace ck::cable
