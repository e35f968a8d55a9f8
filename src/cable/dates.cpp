// Metadata and memo dates.
#include "cable/dates.hpp"

#include "cable/dtg.hpp"
#include "cable/text_util.hpp"

namespace ck::cable {
namespace {

std::optional<CableDate> make_date(int y, int m, int d)
{
    if (!is_valid_date(y, m, d)) {
        return std::nullopt;
    }
    CableDate out;
    out.year = y;
    out.month = m;
    out.day = d;
    return out;
}

// Splits off the leading run of characters for which `pred` holds.
template <class Pred> std::string_view take_while(std::string_view& s, Pred pred)
{
    std::size_t i = 0;
    while (i < s.size() && pred(s[i])) {
        ++i;
    }
    const std::string_view head = s.substr(0, i);
    s.remove_prefix(i);
    return head;
}

bool is_year_char(char c)
{
    return text::is_digit(c) || c == 'i' || c == 'l' || c == 'I' || c == 'o' || c == 'O' || c == '|';
}

void skip_separators(std::string_view& s)
{
    while (!s.empty() && (text::is_space(s.front()) || s.front() == '.' || s.front() == ',')) {
        s.remove_prefix(1);
    }
}

// "2009-09-16", "1977-07-07T..."
std::optional<CableDate> iso_form(std::string_view s)
{
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') {
        return std::nullopt;
    }
    return make_date(
        text::to_int(s.substr(0, 4)), text::to_int(s.substr(5, 2)), text::to_int(s.substr(8, 2)));
}

// "1/8/1985", "12/1/1983"
std::optional<CableDate> us_slash_form(std::string_view s)
{
    const int m = text::to_int(take_while(s, text::is_digit));
    if (s.empty() || s.front() != '/') {
        return std::nullopt;
    }
    s.remove_prefix(1);
    const int d = text::to_int(take_while(s, text::is_digit));
    if (s.empty() || s.front() != '/') {
        return std::nullopt;
    }
    s.remove_prefix(1);
    const std::string_view y = take_while(s, text::is_digit);
    if (y.size() != 4) {
        return std::nullopt;
    }
    return make_date(text::to_int(y), m, d);
}

// "24 AUG 1976", "07-Jul-1977", "9 September. 1960", "25 April i960"
std::optional<CableDate> day_month_year_form(std::string_view s)
{
    const std::string_view day = take_while(s, text::is_digit);
    if (day.empty() || day.size() > 2 || s.empty() || (s.front() != ' ' && s.front() != '-')) {
        return std::nullopt;
    }
    s.remove_prefix(1);
    s = text::trim_left(s);
    const int month = month_from_name(take_while(s, text::is_alpha));
    if (month == 0 || s.empty()) {
        return std::nullopt;
    }
    if (s.front() == '-') {
        s.remove_prefix(1);
    }
    skip_separators(s);
    const int year = ocr_year(take_while(s, is_year_char));
    return year < 0 ? std::nullopt : make_date(year, month, text::to_int(day));
}

// "1973 May 22, 18:28 (Tuesday)"
std::optional<CableDate> year_month_day_form(std::string_view s)
{
    const std::string_view year = take_while(s, text::is_digit);
    if (year.size() != 4 || s.empty() || s.front() != ' ') {
        return std::nullopt;
    }
    s = text::trim_left(s);
    const int month = month_from_name(take_while(s, text::is_alpha));
    s = text::trim_left(s);
    const std::string_view day = take_while(s, text::is_digit);
    if (month == 0 || day.empty() || day.size() > 2) {
        return std::nullopt;
    }
    return make_date(text::to_int(year), month, text::to_int(day));
}

// "April 25, 1960"
std::optional<CableDate> month_day_year_form(std::string_view s)
{
    const int month = month_from_name(take_while(s, text::is_alpha));
    s = text::trim_left(s);
    const std::string_view day = take_while(s, text::is_digit);
    if (month == 0 || day.empty() || day.size() > 2) {
        return std::nullopt;
    }
    skip_separators(s);
    const int year = ocr_year(take_while(s, is_year_char));
    return year < 0 ? std::nullopt : make_date(year, month, text::to_int(day));
}

} // namespace

int ocr_year(std::string_view token)
{
    if (token.size() != 4) {
        return -1;
    }
    int value = 0;
    int real_digits = 0;
    for (const char c : token) {
        int digit = 0;
        if (text::is_digit(c)) {
            digit = c - '0';
            ++real_digits;
        } else if (c == 'i' || c == 'l' || c == 'I' || c == '|') {
            digit = 1;
        } else if (c == 'o' || c == 'O') {
            digit = 0;
        } else {
            return -1;
        }
        value = value * 10 + digit;
    }
    constexpr int first_year = 1900;
    constexpr int last_year = 2099;
    return real_digits >= 2 && value >= first_year && value <= last_year ? value : -1;
}

std::optional<CableDate> parse_date_prefix(std::string_view t)
{
    t = text::trim(t);
    if (t.empty()) {
        return std::nullopt;
    }
    for (const auto form :
        { iso_form, us_slash_form, day_month_year_form, year_month_day_form, month_day_year_form }) {
        if (auto d = form(t)) {
            return d;
        }
    }
    return std::nullopt;
}

std::optional<CableDate> parse_date_line(std::string_view line)
{
    std::string_view t = text::trim(line);
    constexpr std::size_t max_date_line = 24;
    if (t.empty() || t.size() > max_date_line) {
        return std::nullopt;
    }
    // Every word must be part of the date: a day, a month name, a year (OCR'd or not).
    for (const std::string_view w : text::split_words(t)) {
        std::string_view word = w;
        while (!word.empty() && (word.back() == '.' || word.back() == ',')) {
            word.remove_suffix(1);
        }
        const bool ok = (text::all_digits(word) && word.size() <= 2) || month_from_name(word) != 0
            || ocr_year(word) > 0;
        if (!ok) {
            return std::nullopt;
        }
    }
    return parse_date_prefix(t);
}

} // namespace ck::cable
