// CIA cable routing lines of OCR'd NARA pages.
#include "cable/cia_cable.hpp"

#include "cable/dtg.hpp"
#include "cable/text_util.hpp"

#include <algorithm>
#include <array>

namespace ck::cable {
namespace {

constexpr std::size_t routing_search_lines = 80;
constexpr std::size_t record_search_lines = 30;
constexpr std::size_t min_cable_number_digits = 3;

// The letters OCR puts for digits in typed numbers.
std::optional<char> ocr_digit(char c)
{
    if (text::is_digit(c)) {
        return c;
    }
    switch (c) {
    case 'O':
    case 'o':
    case 'Q':
        return '0';
    case 'I':
    case 'l':
    case 'i':
    case '|':
    case '!':
        return '1';
    case 'a':
        return '4';
    default:
        return std::nullopt;
    }
}

// "DIRECTOR", "COPENHAGEN", "MEXICO": an upper-case station word.
bool is_station_word(std::string_view w)
{
    return w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) { return text::is_upper(c); });
}

// "94608", "398108": a cable number (OCR'd digits are not repaired here: a number has no pattern
// that would tell a misread).
bool is_cable_number(std::string_view w)
{
    return w.size() >= min_cable_number_digits && text::all_digits(w);
}

std::string_view strip_label(std::string_view t, std::string_view label)
{
    t = text::trim(t);
    if (!text::istarts_with(t, label)) {
        return {};
    }
    t.remove_prefix(label.size());
    t = text::trim_left(t);
    if (!t.empty() && (t.front() == ':' || t.front() == ';')) {
        t.remove_prefix(1);
    }
    return text::trim(t);
}

struct Stamp {
    DayTime time;
    int month = 0;
    int two_digit_year = -1;
    std::string origin; // "DIRECTOR" after the group, when followed by a number
    std::string number;
};

// A date-time group somewhere in `words`, with its month and year when they follow, and the
// originator and number after them ("0922042 AUG 95 DIRECTOR 398108", "221413% DIRECTOR 456844").
std::optional<Stamp> find_stamp(const std::vector<std::string_view>& words)
{
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto time = ocr_day_time(words[i]);
        if (!time) {
            continue;
        }
        Stamp s;
        s.time = *time;
        std::size_t k = i + 1;
        if (k + 1 < words.size() && month_from_name(words[k]) > 0 && words[k].size() == 3
            && words[k + 1].size() == 2 && text::all_digits(words[k + 1])) {
            s.month = month_from_name(words[k]);
            s.two_digit_year = text::to_int(words[k + 1]);
            k += 2;
        }
        if (k + 1 < words.size() && is_station_word(words[k]) && is_cable_number(words[k + 1])) {
            s.origin = std::string(words[k]);
            s.number = std::string(words[k + 1]);
        }
        return s;
    }
    return std::nullopt;
}

std::optional<CableDate> stamp_date(const Stamp& s, int month, int two_digit_year)
{
    if (month == 0 || two_digit_year < 0) {
        return std::nullopt;
    }
    Dtg d;
    d.day = s.time.day;
    d.hour = s.time.hour;
    d.minute = s.time.minute;
    d.month = month;
    d.two_digit_year = two_digit_year;
    return dtg_to_date(d, 0);
}

} // namespace

std::optional<DayTime> ocr_day_time(std::string_view w)
{
    // The zone letter, and at most one stray mark after it ("092204Z%").
    const bool speck = w.size() == 8 && (w[6] == 'Z' || w[6] == 'z') && !text::is_alnum(w[7]);
    if (speck) {
        w.remove_suffix(1);
    }
    if (w.size() != 7) {
        return std::nullopt;
    }
    static constexpr std::array<char, 5> zone_misreads = { '2', '%', '7', 'z', '>' };
    const char zone = w[6];
    const bool zone_ok = zone == 'Z';
    if (!zone_ok && std::find(zone_misreads.begin(), zone_misreads.end(), zone) == zone_misreads.end()) {
        return std::nullopt;
    }
    std::string digits;
    bool repaired = !zone_ok || speck;
    for (const char c : w.substr(0, 6)) {
        const auto d = ocr_digit(c);
        if (!d) {
            return std::nullopt;
        }
        repaired = repaired || *d != c;
        digits.push_back(*d);
    }
    // At least four real digits: a word of OCR letters is not a date-time group.
    if (std::count_if(w.begin(), w.begin() + 6, [](char c) { return text::is_digit(c); }) < 4) {
        return std::nullopt;
    }
    DayTime t { text::to_int(digits.substr(0, 2)), text::to_int(digits.substr(2, 2)),
        text::to_int(digits.substr(4, 2)), repaired };
    if (t.day < 1 || t.day > 31 || t.hour > 23 || t.minute > 59) {
        return std::nullopt;
    }
    return t;
}

namespace {

struct Routing {
    std::optional<Stamp> tot; // transmission
    std::optional<Stamp> tor; // receipt
    std::optional<Stamp> citation; // the message's own group: "STAFF 131953Z DIRECTOR 941533"
    std::optional<Stamp> filed; // another full group ("SRE 161059% AUG 95 STAFF")
    std::string cite_station;
    std::string cite_number;
    std::string to_line;
    std::string ref_line;
    bool has_ref = false;
};

// "REF: MINSK 14072 95 1207999" (the referenced cable's number, then its IN number); "REF: NONE"
// names none. The text stays as written; the id is the station and number, the form a CIA
// cable's own id takes here.
std::vector<Reference> cia_refs(std::string_view value)
{
    const std::vector<std::string_view> w = text::split_words(value);
    if (w.empty() || text::istarts_with(w[0], "NONE")) {
        return {};
    }
    Reference r;
    r.text = text::collapse_spaces(value);
    r.kind = ReferenceKind::other;
    if (w.size() >= 2 && is_station_word(w[0]) && is_cable_number(w[1])) {
        r.id = std::string(w[0]) + " " + std::string(w[1]);
        r.kind = ReferenceKind::cable;
    }
    return { r };
}

// "END OF MESSAGE SECRET", as OCR reads it ("SECRES-", "“SECRET", "SBRERET"): the marking that
// closes every CIA cable. Empty when the word cannot be read as one.
std::string end_marking(std::string_view rest, Confidence& confidence)
{
    std::string letters;
    for (const char c : rest) {
        if (text::is_alpha(c)) {
            letters.push_back(text::to_upper(c));
        }
    }
    const auto read_as = [&](std::string_view marking, bool close) {
        confidence = letters == marking ? Confidence::ocr : Confidence::ocr_repaired;
        return close ? std::string(marking) : std::string();
    };
    constexpr std::size_t min_letters = 5;
    if (letters.size() < min_letters) {
        return {};
    }
    if (letters.starts_with("UNCLAS")) {
        return read_as("UNCLASSIFIED", true);
    }
    if (letters.starts_with("CONF")) {
        return read_as("CONFIDENTIAL", true);
    }
    constexpr std::size_t max_secret_letters = 7;
    const bool secret
        = letters.size() <= max_secret_letters && (letters.starts_with("SEC") || letters.ends_with("RET"));
    return read_as("SECRET", secret);
}

void read_cite(std::string_view rest, Routing& r)
{
    const std::vector<std::string_view> w = text::split_words(rest);
    if (!w.empty() && is_station_word(w[0])) {
        std::size_t k = 1;
        std::string station(w[0]);
        // "CITE MEXICO CITY 1234": a station of two words.
        if (k + 1 < w.size() && is_station_word(w[k]) && is_cable_number(w[k + 1])) {
            station.append(" ").append(w[k]);
            ++k;
        }
        r.cite_station = station;
        r.cite_number = k < w.size() && is_cable_number(w[k]) ? std::string(w[k]) : std::string();
    }
}

void read_routing_line(std::string_view t, Routing& r)
{
    if (const std::string_view v = strip_label(t, "TOT"); !v.empty() && !r.tot) {
        r.tot = find_stamp(text::split_words(v));
    } else if (const std::string_view v2 = strip_label(t, "TOR"); !v2.empty() && !r.tor) {
        r.tor = find_stamp(text::split_words(v2));
    } else if (const std::string_view v4
               = strip_label(text::trim_left(t.substr(t.starts_with("(") ? 1 : 0)), "REF");
               !r.has_ref && !v4.empty() && t.find(':') != std::string_view::npos) {
        r.has_ref = true;
        r.ref_line = std::string(v4);
    } else if (t.starts_with("CITE ") && r.cite_station.empty()) {
        read_cite(t.substr(4), r);
    } else if (const std::string_view v3 = strip_label(t, "TO");
               !v3.empty() && r.to_line.empty() && (t.size() > 2 && (t[2] == ':' || t[2] == ';'))) {
        r.to_line = std::string(v3);
    } else if (auto s = find_stamp(text::split_words(t))) {
        if (!s->number.empty() && !r.citation) {
            r.citation = s;
        } else if (s->month > 0 && !r.filed) {
            r.filed = s;
        }
    }
}

// "PRIORITY MINSK.", "IMMEDIATE DIRECTOR.", "PRIORITY moscow INFO MINSK.", "PRIORITY TOKYO. {"
void read_addressees(std::string_view line, CiaCable& c)
{
    static constexpr std::array<std::string_view, 5> precedences
        = { "FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE", "NIACT" };
    std::vector<std::string>* list = &c.to;
    for (std::string_view w : text::split_words(line)) {
        const bool last = w.ends_with(".");
        while (!w.empty() && !text::is_alpha(w.back())) {
            w.remove_suffix(1);
        }
        const std::string upper = text::to_upper(w);
        if (upper == "INFO") {
            list = &c.info;
        } else if (std::find(precedences.begin(), precedences.end(), upper) != precedences.end()) {
            c.precedence = c.precedence.empty() ? upper : c.precedence;
        } else if (!upper.empty() && std::all_of(upper.begin(), upper.end(), [](char ch) {
                       return text::is_upper(ch) || ch == ' ' || ch == '/';
                   })) {
            if (list->empty() || list == &c.info) {
                list->push_back(upper);
            } else {
                list->back().append(" ").append(upper); // "MEXICO CITY"
            }
        }
        if (last) {
            break; // the addressee line ends with a full stop; what follows is OCR debris
        }
    }
}

// The cable's own date-time group: the citation line's ("STAFF 131953Z"), whose month and year
// come from the TOT line; else the TOT line's own, then another full group; the time of receipt
// (TOR) last, minutes after the cable was sent.
std::optional<CableDate> cia_cable_date(const Routing& r, Confidence& confidence)
{
    const Stamp* full = nullptr;
    for (const std::optional<Stamp>* s : { &r.tot, &r.filed, &r.tor }) {
        if (s->has_value() && (*s)->month > 0) {
            full = &**s;
            break;
        }
    }
    if (full == nullptr) {
        return std::nullopt;
    }
    const Stamp* own = r.citation ? &*r.citation : full;
    if (own == &*r.tor && r.tor) {
        confidence = Confidence::derived;
    } else {
        confidence = own->time.repaired ? Confidence::ocr_repaired : Confidence::ocr;
    }
    const int month = own->month > 0 ? own->month : full->month;
    const int year = own->month > 0 ? own->two_digit_year : full->two_digit_year;
    return stamp_date(*own, month, year);
}

// Where the middle and last groups of a record number start: "10326-10074", "10326 10044".
bool record_groups_at(std::string_view t, std::size_t p, std::string& digits, bool& repaired)
{
    digits.clear();
    for (std::size_t k = 0; k < 11; ++k) {
        if (p + k >= t.size()) {
            return false;
        }
        const char c = t[p + k];
        if (k == 5) {
            if (c != '-' && c != ' ') {
                return false;
            }
            repaired = repaired || c != '-';
            continue;
        }
        const auto d = ocr_digit(c);
        if (!d) {
            return false;
        }
        repaired = repaired || *d != c;
        digits.push_back(*d);
    }
    return p + 11 == t.size() || !text::is_alnum(t[p + 11]);
}

// The agency number before the first hyphen: three digits, or the OCR'd form of one whose
// leading 1 was lost or garbled ("ioa", "Ifro4", "Woa", "04").
std::optional<std::string> agency_before(std::string_view t, std::size_t hyphen, bool& repaired)
{
    std::string tail;
    for (std::size_t k = hyphen; k > 0 && tail.size() < 3; --k) {
        const auto d = ocr_digit(t[k - 1]);
        if (!d) {
            break;
        }
        repaired = repaired || *d != t[k - 1];
        tail.insert(tail.begin(), *d);
    }
    if (tail.size() == 3 && tail[0] == '1') {
        return tail;
    }
    if (tail.size() >= 2) {
        repaired = true;
        return "1" + tail.substr(tail.size() - 2);
    }
    return std::nullopt;
}

} // namespace

NaraRecord nara_record_number(const Lines& lines)
{
    for (std::size_t i = 0; i < lines.size() && i < record_search_lines; ++i) {
        const std::string_view t = lines[i].text;
        for (std::size_t h = t.find('-'); h != std::string_view::npos; h = t.find('-', h + 1)) {
            NaraRecord r;
            std::string groups;
            if (!record_groups_at(t, h + 1, groups, r.repaired)) {
                continue;
            }
            if (const auto agency = agency_before(t, h, r.repaired)) {
                r.number = *agency + "-" + groups.substr(0, 5) + "-" + groups.substr(5);
                return r;
            }
        }
    }
    return {};
}

std::string without_index_brackets(std::string_view s, bool& damaged)
{
    std::string out;
    int open = 0;
    for (const char c : s) {
        if (c == '<' || c == '>') {
            open += c == '<' ? 1 : -1;
            damaged = damaged || open < 0 || open > 1;
            out.push_back(' ');
            continue;
        }
        out.push_back(c);
    }
    damaged = damaged || open != 0;
    std::string trimmed = text::collapse_spaces(out);
    // A closing bracket OCR'd as a brace at the very end: "IN JAPAN}".
    while (!trimmed.empty() && (trimmed.back() == '}' || trimmed.back() == ']')
        && std::count(trimmed.begin(), trimmed.end(), trimmed.back() == '}' ? '{' : '[') == 0) {
        trimmed.pop_back();
        damaged = true;
    }
    return text::collapse_spaces(trimmed);
}

std::optional<CiaCable> read_cia_cable(const Lines& lines)
{
    Routing r;
    for (std::size_t i = 0; i < lines.size() && i < routing_search_lines; ++i) {
        read_routing_line(text::trim(lines[i].text), r);
    }
    const bool is_cable = r.tot || r.tor || r.citation || !r.cite_number.empty();
    if (!is_cable) {
        return std::nullopt;
    }
    CiaCable c;
    // The originator's own number: the CITE line of an incoming cable, else the TOT line or the
    // citation line of an outgoing one (a TOR line abbreviates the station: "COPE 94608").
    if (!r.cite_number.empty()) {
        c.from = r.cite_station;
        c.id = r.cite_station + " " + r.cite_number;
    } else if (r.tot && !r.tot->number.empty()) {
        c.from = r.tot->origin;
        c.id = r.tot->origin + " " + r.tot->number;
    } else if (r.citation) {
        c.from = r.citation->origin;
        c.id = r.citation->origin + " " + r.citation->number;
    } else if (!r.cite_station.empty()) {
        c.from = r.cite_station;
    }
    read_addressees(r.to_line, c);
    c.date = cia_cable_date(r, c.date_confidence);
    c.refs = cia_refs(r.ref_line);
    for (const Line& l : lines) {
        if (const std::string_view t = text::trim(l.text); text::istarts_with(t, "END OF MESSAGE")) {
            c.classification = end_marking(t.substr(14), c.classification_confidence);
        }
    }
    return c;
}

} // namespace ck::cable
