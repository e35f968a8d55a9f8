// Reading ids and times out of a visitor's query. The text is cut into runs (ASCII letters, ASCII
// digits, one punctuation character, one non-ASCII code point), each remembering whether a space
// came before it, so "08TOKYO1723" and "08 TOKYO 1723" give the same runs and "1977STATE158046"
// is never read as the year 1977.
#include "content/query_intent.hpp"

#include "core/ascii.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace ck::content {

namespace {

enum class RunKind { letters, digits, punct, other };

struct Run {
    RunKind kind = RunKind::other;
    std::string_view text;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool space_before = false;
};

std::vector<Run> runs_of(std::string_view text)
{
    std::vector<Run> out;
    bool space = true;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (ascii::is_space(c)) {
            space = true;
            ++i;
            continue;
        }
        Run run;
        run.begin = i;
        run.space_before = space;
        space = false;
        if (ascii::is_alpha(c) || ascii::is_digit(c)) {
            const bool alpha = ascii::is_alpha(c);
            run.kind = alpha ? RunKind::letters : RunKind::digits;
            while (i < text.size() && (alpha ? ascii::is_alpha(text[i]) : ascii::is_digit(text[i]))) {
                ++i;
            }
        } else if (static_cast<unsigned char>(c) < 0x80) {
            run.kind = RunKind::punct;
            ++i;
        } else {
            run.kind = RunKind::other;
            utf8::decode(text, i);
        }
        run.end = i;
        run.text = text.substr(run.begin, run.end - run.begin);
        out.push_back(run);
    }
    return out;
}

std::optional<int> number_of(std::string_view digits)
{
    int value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc {} || end != digits.data() + digits.size()) {
        return std::nullopt;
    }
    return value;
}

// Cable series begin in the 1940s and the collections end before 2100.
constexpr int year_min = 1900;
constexpr int year_max = 2099;
// Serial numbers of telegrams have at most 7 digits; more is some other number.
constexpr std::size_t serial_max_digits = 7;
// A station written as more words than this is a sentence, not a station ("SAO PAULO" is two).
constexpr std::size_t station_max_words = 3;

bool is(const std::vector<Run>& runs, std::size_t i, RunKind kind)
{
    return i < runs.size() && runs[i].kind == kind;
}

std::optional<int> year_at(const std::vector<Run>& runs, std::size_t i)
{
    if (!is(runs, i, RunKind::digits) || runs[i].text.size() != 4) {
        return std::nullopt;
    }
    const auto year = number_of(runs[i].text);
    return year && *year >= year_min && *year <= year_max ? year : std::nullopt;
}

// Two digits as a year: from 50 on 19xx, else 20xx (the same rule as reference_key).
int widen_year(int two_digits)
{
    return two_digits >= 50 ? 1900 + two_digits : 2000 + two_digits;
}

std::optional<int> id_year_at(const std::vector<Run>& runs, std::size_t i)
{
    if (!is(runs, i, RunKind::digits)) {
        return std::nullopt;
    }
    if (runs[i].text.size() == 2) {
        return widen_year(number_of(runs[i].text).value_or(0));
    }
    return year_at(runs, i);
}

std::string strip_zeros(std::string_view digits)
{
    while (digits.size() > 1 && digits.front() == '0') {
        digits.remove_prefix(1);
    }
    return std::string(digits);
}

void add_reading(std::vector<IdReading>& out, IdReading reading)
{
    if (std::find(out.begin(), out.end(), reading) == out.end()) {
        out.push_back(std::move(reading));
    }
}

// The readings whose serial is runs[serial]: stations of 1 to station_max_words letter runs before
// it, each with the year written before the station if there is one.
void readings_ending_at(const std::vector<Run>& runs, std::size_t serial, std::vector<IdReading>& with_year,
    std::vector<IdReading>& without_year)
{
    if (runs[serial].text.size() > serial_max_digits) {
        return;
    }
    std::string station;
    for (std::size_t words = 1; words <= station_max_words && words <= serial; ++words) {
        const std::size_t first = serial - words;
        // A one-letter word is a list letter ("A. 03 PANAMA 2201"), never part of a station.
        if (!is(runs, first, RunKind::letters) || runs[first].text.size() < 2) {
            return;
        }
        station.insert(0, ascii::to_upper(runs[first].text));
        IdReading reading { std::nullopt, station, strip_zeros(runs[serial].text) };
        if (first > 0) {
            reading.year = id_year_at(runs, first - 1);
        }
        add_reading(reading.year ? with_year : without_year, std::move(reading));
    }
}

} // namespace

std::vector<IdReading> id_readings(std::string_view text)
{
    // Punctuation inside an id is decoration ("08-TOKYO-1723", "REF: A. 03 PANAMA 2201").
    auto runs = runs_of(text);
    std::erase_if(runs, [](const Run& r) { return r.kind == RunKind::punct; });
    std::vector<IdReading> with_year;
    std::vector<IdReading> without_year;
    for (std::size_t i = 1; i < runs.size(); ++i) {
        if (runs[i].kind == RunKind::digits) {
            readings_ending_at(runs, i, with_year, without_year);
        }
    }
    // A year written with the id pins it; without one, every year is looked up.
    std::vector<IdReading> out = std::move(with_year);
    out.insert(out.end(), without_year.begin(), without_year.end());
    if (out.size() > id_readings_max) {
        out.resize(id_readings_max);
    }
    return out;
}

std::string id_key(const IdReading& reading, int year)
{
    return std::to_string(year) + reading.station + reading.serial;
}

namespace {

constexpr std::array<std::string_view, 12> month_names = { "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december" };

// A month name in English, whole or cut to 3 letters or more ("jul", "sept"), any case.
int month_of_word(std::string_view word)
{
    if (word.size() < 3) {
        return 0;
    }
    const std::string lower = ascii::to_lower(word);
    for (std::size_t m = 0; m < month_names.size(); ++m) {
        if (month_names[m].starts_with(lower)) {
            return static_cast<int>(m) + 1;
        }
    }
    return 0;
}

int month_at(const std::vector<Run>& runs, std::size_t i)
{
    if (is(runs, i, RunKind::digits) && runs[i].text.size() <= 2) {
        const int m = number_of(runs[i].text).value_or(0);
        return m >= 1 && m <= 12 ? m : 0;
    }
    return 0;
}

bool is_text(const std::vector<Run>& runs, std::size_t i, std::string_view text)
{
    return i < runs.size() && runs[i].text == text;
}

// Runs [first, last] stand alone: no letter or digit touches them without a space.
bool stands_alone(const std::vector<Run>& runs, std::size_t first, std::size_t last)
{
    const auto word
        = [&](std::size_t i) { return runs[i].kind == RunKind::letters || runs[i].kind == RunKind::digits; };
    const bool left = first == 0 || runs[first].space_before || !word(first - 1);
    const bool right = last + 1 >= runs.size() || runs[last + 1].space_before || !word(last + 1);
    return left && right;
}

struct Match {
    TimeSpan span;
    std::size_t last = 0; // the last run of the match
};

// Japanese forms: 1977年7月, 1970年代, 1977年.
std::optional<Match> japanese_at(const std::vector<Run>& runs, std::size_t i, int year)
{
    if (!is_text(runs, i + 1, "年")) {
        return std::nullopt;
    }
    if (is_text(runs, i + 2, "代") && year % 10 == 0) {
        return Match { { year, year + 9, 0, {} }, i + 2 };
    }
    if (const int m = month_at(runs, i + 2); m != 0 && is_text(runs, i + 3, "月")) {
        return Match { { year, year, m, {} }, i + 3 };
    }
    return Match { { year, year, 0, {} }, i + 1 };
}

// Forms that begin with a four-digit year at runs[i].
std::optional<Match> from_year_at(const std::vector<Run>& runs, std::size_t i)
{
    const auto year = year_at(runs, i);
    if (!year) {
        return std::nullopt;
    }
    if (auto japanese = japanese_at(runs, i, *year)) {
        return japanese;
    }
    // 1970s, 1970's
    std::size_t s = is_text(runs, i + 1, "'") ? i + 2 : i + 1;
    if (*year % 10 == 0 && is_text(runs, s, "s") && !runs[s].space_before && stands_alone(runs, i, s)) {
        return Match { { *year, *year + 9, 0, {} }, s };
    }
    const bool dash = is_text(runs, i + 1, "-") || is_text(runs, i + 1, "–") || is_text(runs, i + 1, "/");
    if (dash || (is(runs, i + 1, RunKind::letters) && ascii::to_lower(runs[i + 1].text) == "to")) {
        // 1977-1980, 1977 to 1980
        if (const auto to = year_at(runs, i + 2); to && *to >= *year && stands_alone(runs, i, i + 2)) {
            return Match { { *year, *to, 0, {} }, i + 2 };
        }
        // 1977-07, 1977/7
        if (const int m = month_at(runs, i + 2); m != 0 && dash && stands_alone(runs, i, i + 2)) {
            return Match { { *year, *year, m, {} }, i + 2 };
        }
    }
    // 1977 July
    if (is(runs, i + 1, RunKind::letters) && stands_alone(runs, i, i + 1)) {
        if (const int m = month_of_word(runs[i + 1].text); m != 0) {
            return Match { { *year, *year, m, {} }, i + 1 };
        }
    }
    if (stands_alone(runs, i, i)) {
        return Match { { *year, *year, 0, {} }, i };
    }
    return std::nullopt;
}

// Forms that begin with a month (July 1977, jul. 1977, 7/1977) or a short decade ('70s, 70s).
std::optional<Match> from_other_at(const std::vector<Run>& runs, std::size_t i)
{
    if (is(runs, i, RunKind::letters)) {
        const int m = month_of_word(runs[i].text);
        const std::size_t y = is_text(runs, i + 1, ".") || is_text(runs, i + 1, ",") ? i + 2 : i + 1;
        if (const auto year = year_at(runs, y); m != 0 && year && stands_alone(runs, i, y)) {
            return Match { { *year, *year, m, {} }, y };
        }
        return std::nullopt;
    }
    if (const int m = month_at(runs, i); m != 0 && is_text(runs, i + 1, "/")) {
        if (const auto year = year_at(runs, i + 2); year && stands_alone(runs, i, i + 2)) {
            return Match { { *year, *year, m, {} }, i + 2 };
        }
    }
    if (is(runs, i, RunKind::digits) && runs[i].text.size() == 2) {
        const int tens = number_of(runs[i].text).value_or(1);
        const std::size_t s = is_text(runs, i + 1, "'") ? i + 2 : i + 1;
        if (tens % 10 == 0 && is_text(runs, s, "s") && !runs[s].space_before && stands_alone(runs, i, s)) {
            const int year = widen_year(tens);
            return Match { { year, year + 9, 0, {} }, s };
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<TimeSpan> time_span(std::string_view text)
{
    const auto runs = runs_of(text);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        auto match = from_year_at(runs, i);
        if (!match) {
            match = from_other_at(runs, i);
        }
        if (!match) {
            continue;
        }
        std::size_t begin = runs[i].begin;
        // A leading apostrophe belongs to a short decade ('70s).
        if (i > 0 && runs[i - 1].text == "'" && !runs[i].space_before) {
            begin = runs[i - 1].begin;
        }
        const std::size_t end = runs[match->last].end;
        match->span.rest = std::string(text.substr(0, begin)) + " " + std::string(text.substr(end));
        return match->span;
    }
    return std::nullopt;
}

namespace {

std::vector<std::string> upper_words(std::string_view text)
{
    std::vector<std::string> out;
    std::string word;
    for (const char c : text) {
        if (ascii::is_space(c) || c == ',' || c == '/' || c == '-') {
            if (!word.empty()) {
                out.push_back(std::move(word));
                word.clear();
            }
            continue;
        }
        word += ascii::to_upper(c);
    }
    if (!word.empty()) {
        out.push_back(std::move(word));
    }
    return out;
}

} // namespace

bool filter_matches(std::string_view typed, std::string_view value, FilterMatch how)
{
    const auto want = upper_words(typed);
    const auto have = upper_words(value);
    if (want.empty()) {
        return false;
    }
    if (how == FilterMatch::whole) {
        return want == have;
    }
    return std::all_of(want.begin(), want.end(),
        [&](const std::string& w) { return std::find(have.begin(), have.end(), w) != have.end(); });
}

bool is_stop_word(std::string_view folded)
{
    // Sorted, for the binary search.
    static constexpr std::array<std::string_view, 104> words = { "a", "about", "after", "all", "also", "am",
        "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "between", "both",
        "but", "by", "can", "could", "did", "do", "does", "during", "each", "for", "from", "had", "has",
        "have", "he", "her", "here", "hers", "him", "his", "how", "if", "in", "into", "is", "it", "its",
        "may", "more", "most", "much", "must", "no", "nor", "not", "of", "on", "only", "or", "other", "our",
        "out", "over", "said", "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their",
        "them", "then", "there", "these", "they", "this", "those", "through", "to", "under", "until", "up",
        "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "whose", "why",
        "will", "with", "within", "would", "you", "your" };
    static_assert(std::is_sorted(words.begin(), words.end()));
    return std::binary_search(words.begin(), words.end(), folded);
}

} // namespace ck::content
