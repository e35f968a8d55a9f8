// Classification markings and caveats.
#include "cable/classification.hpp"

#include "cable/text_util.hpp"

#include <algorithm>
#include <array>

namespace ck::cable {
namespace {

struct Marking {
    std::string_view letters; // what to match, letters only
    std::string_view name; // the normalized classification
};

// Longest first, so "TOP SECRET" wins over "SECRET" and "UNCLASSIFIED" over "UNCLAS".
constexpr std::array<Marking, 6> markings = { {
    { "LIMITEDOFFICIALUSE", "LIMITED OFFICIAL USE" },
    { "UNCLASSIFIED", "UNCLASSIFIED" },
    { "CONFIDENTIAL", "CONFIDENTIAL" },
    { "TOPSECRET", "TOP SECRET" },
    { "UNCLAS", "UNCLASSIFIED" },
    { "SECRET", "SECRET" },
} };

struct CaveatWord {
    std::string_view word;
    std::string_view name;
};

constexpr std::array<CaveatWord, 15> caveat_words = { {
    { "NOFORN", "NOFORN" }, { "SIPDIS", "SIPDIS" }, { "EXDIS", "EXDIS" }, { "LIMDIS", "LIMDIS" },
    { "NODIS", "NODIS" }, { "STADIS", "STADIS" }, { "SENSITIVE", "SENSITIVE" }, { "SBU", "SENSITIVE" },
    { "ORCON", "ORCON" }, { "NOCONTRACT", "NOCONTRACT" }, { "PROPIN", "PROPIN" }, { "WNINTEL", "WNINTEL" },
    { "EFTO", "EFTO" }, { "NF", "NOFORN" },
    { "NOTAL", "" }, // a distribution note, not a caveat: accepted on a caveat line, not recorded
} };

// Matches `letters` at the start of `s`, with up to two spaces between letters skipped
// (letter-spaced banners). Returns the length consumed, or 0.
std::size_t match_spaced(std::string_view s, std::string_view letters)
{
    std::size_t i = 0;
    for (std::size_t k = 0; k < letters.size(); ++k) {
        if (k > 0) {
            // Up to two spaces between letters: "L I M I T E D  O F F I C I A L  U S E".
            std::size_t spaces = 0;
            while (i < s.size() && s[i] == ' ' && spaces < 2) {
                ++i;
                ++spaces;
            }
        }
        // Banners are written in capitals; "Secret talks ..." in a sentence is not one.
        if (i >= s.size() || s[i] != letters[k]) {
            return 0;
        }
        ++i;
    }
    // A word boundary must follow.
    if (i < s.size() && text::is_alnum(s[i])) {
        return 0;
    }
    return i;
}

std::optional<std::string_view> caveat_name(std::string_view word)
{
    for (const CaveatWord& c : caveat_words) {
        if (text::iequals(word, c.word)) {
            return c.name;
        }
    }
    return std::nullopt;
}

// Reads "SECTION 01 OF 02" at the start of `rest`; advances past it.
bool take_section(std::string_view& rest, int& section, int& count)
{
    const std::vector<std::string_view> w = text::split_words(rest.substr(0, 40));
    if (w.size() < 4 || !text::iequals(w[0], "SECTION") || !text::iequals(w[2], "OF")) {
        return false;
    }
    const int n = text::to_int(w[1]);
    const int m = text::to_int(w[3]);
    if (n < 0 || m < 0) {
        return false;
    }
    section = n;
    count = m;
    const std::size_t end = static_cast<std::size_t>(w[3].data() + w[3].size() - rest.data());
    rest = text::trim_left(rest.substr(end));
    return true;
}

// After the marking: optional "//CAVEAT", "SECTION nn OF mm", then "STATION ... SERIAL", then
// perhaps caveat words ("EXDIS").
void read_banner_rest(std::string_view rest, Banner& b)
{
    rest = text::trim(rest);
    while (rest.substr(0, 2) == "//") {
        rest.remove_prefix(2);
        std::size_t end = rest.find("//");
        const std::string_view part
            = text::trim(rest.substr(0, end == std::string_view::npos ? rest.size() : end));
        std::size_t word_end = 0;
        while (word_end < part.size() && !text::is_space(part[word_end])) {
            ++word_end;
        }
        if (auto name = caveat_name(part.substr(0, word_end)); name && !name->empty()) {
            add_caveat(b.caveats, std::string(*name));
        } else if (!part.empty()) {
            add_caveat(b.caveats, text::to_upper(part));
        }
        rest = end == std::string_view::npos ? std::string_view {} : rest.substr(end);
        if (end == std::string_view::npos) {
            break;
        }
    }
    rest = text::trim(rest);
    // "UNCLAS E F T O STATE 123456": the caveat letter-spaced like the banner.
    if (rest.starts_with("E F T O") && (rest.size() == 7 || text::is_space(rest[7]))) {
        add_caveat(b.caveats, "EFTO");
        rest = text::trim(rest.substr(7));
    }
    b.rest = std::string(rest);
    take_section(rest, b.section, b.section_count);
    // Station words up to the first all-digit word, which is the serial. A word mixing digits and
    // letters ("02OF02", a garbled section header) means the post cannot be read: none is derived.
    std::string station;
    bool garbled = false;
    for (const std::string_view w : text::split_words(rest)) {
        if (text::all_digits(w)) {
            if (!station.empty() && b.serial.empty()) {
                b.serial = std::string(w);
            }
            continue;
        }
        if (auto name = caveat_name(w)) {
            if (!name->empty()) {
                add_caveat(b.caveats, std::string(*name));
            }
            continue;
        }
        if (b.serial.empty()) {
            for (const char c : w) {
                if (text::is_alpha(c)) {
                    station.push_back(text::to_upper(c));
                } else if (text::is_digit(c)) {
                    garbled = true;
                }
            }
        }
    }
    if (!b.serial.empty() && !garbled) {
        b.station = station;
    }
}

} // namespace

void add_caveat(std::vector<std::string>& list, std::string caveat)
{
    if (!caveat.empty() && std::find(list.begin(), list.end(), caveat) == list.end()) {
        list.push_back(std::move(caveat));
    }
}

std::optional<Banner> parse_banner(std::string_view line)
{
    const std::string_view s = text::trim(line);
    if (s.empty() || !text::is_alpha(s[0])) {
        return std::nullopt;
    }
    for (const Marking& m : markings) {
        const std::size_t n = match_spaced(s, m.letters);
        if (n == 0) {
            continue;
        }
        Banner b;
        b.classification = std::string(m.name);
        read_banner_rest(s.substr(n), b);
        return b;
    }
    return std::nullopt;
}

bool is_bare_marking(std::string_view line)
{
    const auto b = parse_banner(line);
    return b && text::trim(b->rest).empty() && b->caveats.empty();
}

std::string_view strip_trailing_marking(std::string_view line, std::string_view only)
{
    const std::string_view t = text::trim_right(line);
    for (const Marking& m : markings) {
        // Only the unspaced form is ever glued to the end of a text line.
        const std::string_view name = m.name;
        if (!only.empty() && name != only) {
            continue;
        }
        if (t.size() > name.size() && t.substr(t.size() - name.size()) == name
            && text::is_space(t[t.size() - name.size() - 1])) {
            return text::trim_right(t.substr(0, t.size() - name.size()));
        }
    }
    return line;
}

std::optional<std::vector<std::string>> parse_caveat_line(std::string_view line)
{
    const std::string upper = text::to_upper(text::trim(line));
    if (upper.empty()) {
        return std::nullopt;
    }
    if (upper == "SENSITIVE BUT UNCLASSIFIED" || upper == "SENSITIVE BUT UNCLASSIFIED (SBU)") {
        return std::vector<std::string> { "SENSITIVE" };
    }
    if (upper == "FOR OFFICIAL USE ONLY") {
        return std::vector<std::string> { "FOR OFFICIAL USE ONLY" };
    }
    std::vector<std::string> out;
    for (const std::string_view w : text::split_words(upper)) {
        std::string_view word = w;
        while (!word.empty() && (word.back() == ',' || word.back() == '.')) {
            word.remove_suffix(1);
        }
        const auto name = caveat_name(word);
        if (!name) {
            return std::nullopt;
        }
        if (!name->empty()) {
            add_caveat(out, std::string(*name));
        }
    }
    return out;
}

std::optional<Banner> parse_classification_value(std::string_view value)
{
    auto b = parse_banner(text::to_upper(value));
    if (!b) {
        return std::nullopt;
    }
    // A metadata value has no station; "(SENSITIVE)" style notes are caveats too.
    for (const std::string_view w : text::split_words(b->rest)) {
        std::string_view word = w;
        if (!word.empty() && word.front() == '(') {
            word.remove_prefix(1);
        }
        if (!word.empty() && word.back() == ')') {
            word.remove_suffix(1);
        }
        if (auto name = caveat_name(word); name && !name->empty()) {
            add_caveat(b->caveats, std::string(*name));
        }
    }
    b->station.clear();
    b->serial.clear();
    return b;
}

} // namespace ck::cable
