// Signatures and the end of telegram text.
#include "cable/signature.hpp"

#include "cable/classification.hpp"
#include "cable/text_util.hpp"

#include <array>

namespace ck::cable {
namespace {

constexpr std::size_t max_signature_bytes = 40;
constexpr std::size_t max_signature_words = 3;

bool is_not_a_name(std::string_view word)
{
    static constexpr std::array<std::string_view, 16> words
        = { "END", "COMMENT", "UNQUOTE", "QUOTE", "SUMMARY", "TEXT", "NOTE", "NNNN", "BT", "SECTION",
              "SIPDIS", "NOFORN", "ACTION", "INFO", "PARA", "CONFIDENTIAL" };
    for (const std::string_view w : words) {
        if (text::iequals(word, w)) {
            return true;
        }
    }
    // A redaction ("XXXXXXXXXXXX") is no name.
    bool all_x = true;
    for (const char c : word) {
        all_x = all_x && (c == 'X' || c == 'x');
    }
    return all_x;
}

bool is_name_word(std::string_view w)
{
    if (w.empty() || !text::is_upper(w.front())) {
        return false;
    }
    std::size_t letters = 0;
    for (const char c : w) {
        if (text::is_alpha(c)) {
            ++letters;
        } else if (c != '.' && c != '-' && c != '\'') {
            return false;
        }
    }
    // A period marks an initial ("J."), not the end of a sentence ("TOKYO.").
    constexpr std::size_t max_initial = 2;
    if (w.find('.') != std::string_view::npos && letters > max_initial) {
        return false;
    }
    return letters >= 1 && !is_not_a_name(w);
}

// A line that is a signature by itself: one to three capitalized name words, no sentence ending.
bool is_signature_line(std::string_view line)
{
    const std::string_view t = text::trim(line);
    if (t.empty() || t.size() > max_signature_bytes || t.back() == ',' || t.back() == ':') {
        return false;
    }
    const std::vector<std::string_view> words = text::split_words(t);
    if (words.empty() || words.size() > max_signature_words) {
        return false;
    }
    bool all_caps = true;
    for (const std::string_view w : words) {
        if (!is_name_word(w)) {
            return false;
        }
        for (const char c : w) {
            all_caps = all_caps && !text::is_lower(c);
        }
    }
    const std::size_t letters = t.size();
    if (letters < 2) {
        return false;
    }
    // Mixed case: a single surname ("Keith", "Camp"); several words must be capitals ("VANCE").
    return all_caps || words.size() == 1;
}

// "... FROM TOKYO. VANCE", "... FOREIGN AFFAIRS.    PORTER", "UNQUOTE VANCE": the name at the end.
std::string trailing_name(std::string_view line)
{
    const std::string_view t = text::trim(line);
    const std::size_t space = t.find_last_of(" \t");
    if (space == std::string_view::npos) {
        return {};
    }
    const std::string_view name = t.substr(space + 1);
    constexpr std::size_t min_name = 3;
    if (name.size() < min_name || is_not_a_name(name)) {
        return {};
    }
    for (const char c : name) {
        if (!text::is_upper(c)) {
            return {};
        }
    }
    const std::string_view before = text::trim_right(t.substr(0, space));
    if (before.empty()) {
        return {};
    }
    const char end = before.back();
    const bool after_sentence = end == '.' || end == ')' || end == '"';
    const bool after_unquote
        = before.size() >= 7 && text::iequals(before.substr(before.size() - 7), "UNQUOTE");
    return after_sentence || after_unquote ? std::string(name) : std::string {};
}

} // namespace

bool is_page_header(std::string_view line)
{
    const std::string_view t = text::trim(line);
    if (!t.starts_with("PAGE ")) {
        return false;
    }
    const std::string_view rest = text::trim_left(t.substr(5));
    std::size_t digits = 0;
    while (digits < rest.size() && text::is_digit(rest[digits])) {
        ++digits;
    }
    return digits >= 1 && digits <= 3 && (digits == rest.size() || text::is_space(rest[digits]));
}

bool is_page_marker(std::string_view line)
{
    // STATION 00000954 001.2 OF 004; the cheap tests first, as every line of text is asked.
    const std::string_view t = text::trim(line);
    constexpr std::size_t min_marker = 20;
    if (t.size() < min_marker || !text::is_digit(t.back()) || t.find(" OF ") == std::string_view::npos) {
        return false;
    }
    const std::vector<std::string_view> w = text::split_words(t);
    constexpr std::size_t serial_digits = 8;
    if (w.size() < 5 || w.size() > 8 || !text::iequals(w[w.size() - 2], "OF")
        || !text::all_digits(w.back())) {
        return false;
    }
    const std::string_view serial = w[w.size() - 4];
    const std::string_view page = w[w.size() - 3];
    if (serial.size() != serial_digits || !text::all_digits(serial) || page.empty()
        || !text::is_digit(page[0])) {
        return false;
    }
    for (std::size_t i = 0; i + 4 < w.size(); ++i) {
        for (const char c : w[i]) {
            if (!text::is_upper(c)) {
                return false;
            }
        }
    }
    return true;
}

bool is_transport_line(std::string_view line)
{
    const std::string_view t = text::trim(line);
    if (t == "BT" || t == "NNNN" || t == "NNN" || t.starts_with("VZCZC")) {
        return true;
    }
    if (t.size() >= 2 && t[0] == '#' && text::all_digits(t.substr(1))) {
        return true;
    }
    if ((t.starts_with("ZNY ") || t.starts_with("ZNR ")) && t.size() < 20) {
        return true;
    }
    // "DE RUEHKO #1723/01 1760053": the sending station's routing line.
    return t.starts_with("DE R") && t.find('#') != std::string_view::npos && t.size() < 40;
}

bool is_furniture_line(std::string_view line)
{
    const std::string_view t = text::trim(line);
    if (t.empty() || is_transport_line(t) || is_page_header(t) || is_page_marker(t) || is_bare_marking(t)) {
        return true;
    }
    if (text::all_digits(t) || t.starts_with("```") || t.starts_with("#") || t.starts_with("***")) {
        return true;
    }
    // "NMAFVVZCZ": the next message's routing run into the end of a CORE telegram.
    if (t.find(' ') == std::string_view::npos && t.find("VVZCZ") != std::string_view::npos) {
        return true;
    }
    return text::icontains(t, "Systematic Review") || text::icontains(t, "END OF MESSAGE");
}

SignatureResult find_signature(const Lines& lines, std::size_t begin, std::size_t end)
{
    SignatureResult out;
    for (std::size_t i = end; i > begin; --i) {
        const std::string_view line = lines[i - 1].text;
        if (is_furniture_line(line)) {
            continue;
        }
        out.found_text = true;
        out.last_line = i - 1;
        if (is_signature_line(line)) {
            out.signature = std::string(text::trim(line));
        } else {
            out.signature = trailing_name(strip_trailing_marking(line));
        }
        return out;
    }
    return out;
}

} // namespace ck::cable
