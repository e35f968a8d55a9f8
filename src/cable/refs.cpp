// REF entries and the cable ids they name.
#include "cable/refs.hpp"

#include "cable/dtg.hpp"
#include "cable/text_util.hpp"

#include <algorithm>
#include <array>

namespace ck::cable {
namespace {

constexpr std::size_t max_station_words = 4;
constexpr std::size_t max_serial_digits = 7;

bool is_boundary(std::string_view s, std::size_t pos)
{
    if (pos == 0) {
        return true;
    }
    const char p = s[pos - 1];
    // The pilcrow's second byte (0xB6) counts as a boundary: "¶B."
    return text::is_space(p) || p == '\n' || p == ',' || p == ';' || p == '\xB6';
}

// A label at `pos`: "(A)", "[A]", "A.", "A)", "A:" or, at a line start, "A " before a capital.
// Returns its letter and length, or 0.
std::size_t label_at(std::string_view s, std::size_t pos, char& letter)
{
    if (!is_boundary(s, pos) || pos >= s.size()) {
        return 0;
    }
    const auto after_ok
        = [&](std::size_t p) { return p >= s.size() || text::is_space(s[p]) || s[p] == '\n'; };
    if ((s[pos] == '(' || s[pos] == '[') && pos + 2 < s.size() && text::is_upper(s[pos + 1])
        && s[pos + 2] == (s[pos] == '(' ? ')' : ']')) {
        letter = s[pos + 1];
        return 3;
    }
    if (!text::is_upper(s[pos]) || pos + 1 >= s.size()) {
        return 0;
    }
    const char next = s[pos + 1];
    if ((next == '.' || next == ':') && after_ok(pos + 2)) {
        letter = s[pos];
        return 2;
    }
    if (next == ')' && (after_ok(pos + 2) || (pos + 2 < s.size() && text::is_upper(s[pos + 2])))) {
        letter = s[pos];
        return 2;
    }
    const bool line_start = pos == 0 || s[pos - 1] == '\n';
    if (line_start && next == ' ' && pos + 2 < s.size() && text::is_upper(s[pos + 2])) {
        letter = s[pos];
        return 2;
    }
    return 0;
}

struct RawEntry {
    char label = 0;
    std::string_view text;
};

// Cuts the value at labels that follow the sequence A, B, C, ...; a label repeated right after
// itself ("A. (A) ...") is one label.
std::vector<RawEntry> split_entries(std::string_view s)
{
    std::vector<RawEntry> entries;
    char expected = 'A';
    char current = 0;
    std::size_t text_start = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        char letter = 0;
        const std::size_t len = label_at(s, i, letter);
        // Letters run in order; one or two may be missing from a list ("A. ... C. ...").
        constexpr int max_gap = 3;
        const bool in_sequence = letter >= expected && letter - expected < max_gap;
        if (len == 0 || (!in_sequence && letter != current)) {
            ++i;
            continue;
        }
        const bool repeat = letter == current && text::is_blank(s.substr(text_start, i - text_start));
        if (letter == current && !repeat) {
            ++i;
            continue;
        }
        if (!repeat) {
            entries.push_back(RawEntry { current, s.substr(text_start, i - text_start) });
            current = letter;
            expected = static_cast<char>(letter + 1);
        }
        i += len;
        text_start = i;
    }
    entries.push_back(RawEntry { current, s.substr(text_start) });
    return entries;
}

std::string clean_entry_text(std::string_view t)
{
    std::string s = text::collapse_spaces(t);
    // Pilcrows mark the next entry's label; they are never part of an entry.
    for (std::size_t p = s.find("\xC2\xB6"); p != std::string::npos; p = s.find("\xC2\xB6")) {
        s.erase(p, 2);
    }
    s = text::collapse_spaces(s);
    // "REF A STATE 122214", "REF: KATHMANDU 2282": a label word repeated inside the entry.
    for (const std::string_view prefix : { "REF: ", "REF:", "REFTEL ", "REF " }) {
        if (text::istarts_with(s, prefix)) {
            s.erase(0, prefix.size());
            if (s.size() > 2 && text::is_upper(s[0]) && s[1] == ' ') {
                s.erase(0, 2);
            }
            break;
        }
    }
    while (!s.empty() && (s.back() == ',' || s.back() == ';' || s.back() == ' ')) {
        s.pop_back();
    }
    return s;
}

bool is_station_word(std::string_view w)
{
    static constexpr std::array<std::string_view, 14> not_posts = { "EMAIL", "FBIS", "DOC", "MEMO", "TELCON",
        "LETTER", "AIRGRAM", "REPORT", "FAX", "DTD", "DATED", "PARA", "AND", "OF" };
    if (w.empty()) {
        return false;
    }
    for (const char c : w) {
        if (!text::is_alpha(c) && c != '.') {
            return false;
        }
    }
    return std::none_of(
        not_posts.begin(), not_posts.end(), [&](std::string_view n) { return text::iequals(w, n); });
}

// A serial as written: digits, maybe "-097844", "#3565", "4525-91" or "00789/08" (with a year).
bool read_serial(std::string_view w, std::string& serial, int& suffix_year)
{
    if (!w.empty() && (w.front() == '-' || w.front() == '#')) {
        w.remove_prefix(1);
    }
    std::size_t i = 0;
    while (i < w.size() && text::is_digit(w[i])) {
        ++i;
    }
    if (i == 0 || i > max_serial_digits) {
        return false;
    }
    serial = std::string(w.substr(0, i));
    const std::string_view rest = w.substr(i);
    if (rest.empty()) {
        return true;
    }
    if (rest.size() == 3 && (rest[0] == '-' || rest[0] == '/') && text::all_digits(rest.substr(1))) {
        suffix_year = text::to_int(rest.substr(1));
        return true;
    }
    return false;
}

// "STATE 4567 (NOTAL) (FISHERIES TALKS)": trailing parenthesised notes and descriptions are kept
// in the text but name no part of the cable id.
std::string_view without_trailing_notes(std::string_view entry)
{
    entry = text::trim_right(entry);
    while (!entry.empty() && entry.back() == ')') {
        int depth = 0;
        std::size_t open = std::string_view::npos;
        for (std::size_t i = entry.size(); i-- > 0;) {
            depth += entry[i] == ')' ? 1 : (entry[i] == '(' ? -1 : 0);
            if (depth == 0) {
                open = i;
                break;
            }
        }
        if (open == std::string_view::npos || open == 0) {
            break; // unbalanced, or the whole entry is in parentheses
        }
        entry = text::trim_right(entry.substr(0, open));
    }
    return entry;
}

std::vector<std::string_view> significant_words(std::string_view entry)
{
    std::vector<std::string_view> words = text::split_words(without_trailing_notes(entry));
    // Trailing notes: "(NOTAL)", "NOTAL", "AND PREVIOUS", "(EXDIS)".
    while (!words.empty()) {
        std::string_view w = words.back();
        while (!w.empty() && (w.back() == '.' || w.back() == ',')) {
            w.remove_suffix(1);
        }
        if (w.empty() || w.back() == ')' || text::iequals(w, "NOTAL") || text::iequals(w, "PREVIOUS")
            || (text::iequals(w, "AND") && words.size() > 1)) {
            words.pop_back();
            continue;
        }
        words.back() = w;
        break;
    }
    if (!words.empty() && text::iequals(words.back(), "AND")) {
        words.pop_back();
    }
    return words;
}

} // namespace

namespace {

// "STATE 123456 AND TOKYO 4567", "PRAGUE 849, STATE 1484": one entry naming cables of several posts.
// Split only when every part names a cable; otherwise the entry stays whole.
std::vector<std::string> split_unlabelled(const std::string& entry, int citing_year, IdEra era)
{
    if (!reference_ids(entry, citing_year, era).empty()) {
        return { entry };
    }
    std::vector<std::string> parts;
    std::string current;
    const std::vector<std::string_view> words = text::split_words(entry);
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string_view w = words[i];
        const bool comma = w.ends_with(",");
        if (comma) {
            w.remove_suffix(1);
        }
        if (text::iequals(w, "AND") || w == "&") {
            if (!current.empty()) {
                parts.push_back(std::move(current));
                current.clear();
            }
            continue;
        }
        if (!current.empty()) {
            current += ' ';
        }
        current.append(w);
        if (comma) {
            parts.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) {
        parts.push_back(std::move(current));
    }
    if (parts.size() < 2) {
        return { entry };
    }
    for (const std::string& p : parts) {
        if (reference_ids(p, citing_year, era).empty()) {
            return { entry };
        }
    }
    return parts;
}

} // namespace

std::vector<std::string> reference_ids(std::string_view entry, int citing_year, IdEra era)
{
    const std::vector<std::string_view> words = significant_words(entry);
    std::size_t i = 0;
    int year = 0;
    if (words.size() >= 3 && text::all_digits(words[0]) && (words[0].size() == 2 || words[0].size() == 4)) {
        year = text::to_int(words[0]);
        if (words[0].size() == 2) {
            year = resolve_two_digit_year(year, citing_year);
        }
        i = 1;
    }
    std::string station_words;
    const std::size_t station_start = i;
    while (i < words.size() && is_station_word(words[i]) && i - station_start < max_station_words) {
        station_words.append(words[i]);
        ++i;
    }
    if (station_words.empty() || i >= words.size()) {
        return {};
    }
    // One serial, or several joined by AND, commas or slashes: "2799 AND 2764", "936/935".
    std::vector<std::string> serials;
    int suffix_year = 0;
    for (; i < words.size(); ++i) {
        const std::string_view w = words[i];
        if (text::iequals(w, "AND") || w == "&") {
            continue;
        }
        std::string_view part = w;
        while (!part.empty() && part.back() == ',') {
            part.remove_suffix(1);
        }
        std::string serial;
        if (!read_serial(part, serial, suffix_year)) {
            return {};
        }
        serials.push_back(std::move(serial));
    }
    if (suffix_year > 0 && year == 0) {
        year = resolve_two_digit_year(suffix_year, citing_year);
    }
    if (year == 0) {
        year = citing_year;
    }
    if (year == 0 || serials.empty()) {
        return {};
    }
    const std::string station = canonical_station(station_words);
    std::vector<std::string> ids;
    ids.reserve(serials.size());
    for (const std::string& serial : serials) {
        ids.push_back(make_cable_id(year, station, serial, era));
    }
    return ids;
}

namespace {

// "REF: NONE", "REF: N/A": the cable says it has no references.
bool says_none(std::string_view value)
{
    std::string_view v = text::trim(value);
    while (!v.empty() && (v.back() == '.' || v.back() == ',')) {
        v.remove_suffix(1);
    }
    return text::iequals(v, "NONE") || text::iequals(v, "N/A") || text::iequals(v, "NIL");
}

} // namespace

ReferenceKind reference_kind(std::string_view entry, bool names_cable)
{
    if (names_cable) {
        return ReferenceKind::cable;
    }
    const std::vector<std::string_view> words = text::split_words(entry);
    const bool fbis = std::any_of(words.begin(), words.end(), [](std::string_view w) {
        while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ':')) {
            w.remove_suffix(1);
        }
        return text::iequals(w, "FBIS");
    });
    return fbis ? ReferenceKind::fbis : ReferenceKind::other;
}

RefList parse_ref_value(std::string_view value, int citing_year, IdEra era, std::size_t max_refs)
{
    RefList out;
    if (says_none(value)) {
        return out;
    }
    for (const RawEntry& raw : split_entries(value)) {
        // Unlabelled text may hold several entries separated by semicolons.
        std::size_t start = 0;
        while (start <= raw.text.size()) {
            std::size_t end = raw.label == 0 ? raw.text.find(';', start) : std::string_view::npos;
            if (end == std::string_view::npos) {
                end = raw.text.size();
            }
            const std::string entry = clean_entry_text(raw.text.substr(start, end - start));
            start = end + 1;
            if (entry.empty()) {
                continue;
            }
            for (const std::string& part : split_unlabelled(entry, citing_year, era)) {
                const std::vector<std::string> ids = reference_ids(part, citing_year, era);
                const std::size_t count = std::max<std::size_t>(ids.size(), 1);
                for (std::size_t k = 0; k < count; ++k) {
                    if (out.refs.size() >= max_refs) {
                        out.capped = true;
                        return out;
                    }
                    Reference r;
                    r.label = raw.label == 0 ? std::string {} : std::string(1, raw.label);
                    r.text = part;
                    r.id = k < ids.size() ? ids[k] : std::string {};
                    r.kind = reference_kind(part, !ids.empty());
                    out.refs.push_back(std::move(r));
                }
            }
        }
    }
    return out;
}

namespace {

// "1973STATE097844" -> ("STATE", 97844); serial 0 when the id has no serial.
std::pair<std::string_view, long> station_and_serial(std::string_view id)
{
    std::size_t i = 0;
    while (i < id.size() && text::is_digit(id[i])) {
        ++i;
    }
    const std::size_t station_start = i;
    while (i < id.size() && text::is_upper(id[i])) {
        ++i;
    }
    long serial = 0;
    for (std::size_t k = i; k < id.size() && k < i + max_serial_digits; ++k) {
        if (!text::is_digit(id[k])) {
            return { {}, 0 };
        }
        serial = serial * 10 + (id[k] - '0');
    }
    return { id.substr(station_start, i - station_start), serial };
}

} // namespace

AlternativeReason alternative_reason(const Reference& ref, std::string_view alternative)
{
    if (ref.id.empty()) {
        return AlternativeReason::entry_names_no_cable;
    }
    return year_of_id(ref.id) != year_of_id(alternative) ? AlternativeReason::different_year
                                                         : AlternativeReason::different_serial;
}

std::string_view to_string(AlternativeReason reason)
{
    switch (reason) {
    case AlternativeReason::different_year:
        return "different-year";
    case AlternativeReason::different_serial:
        return "different-serial";
    case AlternativeReason::entry_names_no_cable:
        return "entry-names-no-cable";
    }
    return "different-year";
}

void attach_alternatives(std::vector<Reference>& refs, const std::vector<std::string>& listed_ids)
{
    for (const std::string& listed : listed_ids) {
        const auto [station, serial] = station_and_serial(listed);
        Reference* target = nullptr;
        for (Reference& r : refs) {
            const auto [rs, rn] = station_and_serial(r.id);
            if (!r.id.empty() && rs == station && rn == serial) {
                target = &r;
                break;
            }
        }
        if (target == nullptr && refs.size() == 1) {
            target = &refs.front();
        }
        if (target == nullptr || target->id == listed) {
            continue;
        }
        if (std::find(target->alternatives.begin(), target->alternatives.end(), listed)
            == target->alternatives.end()) {
            target->alternatives.push_back(listed);
        }
    }
}

} // namespace ck::cable
