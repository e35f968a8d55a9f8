// ASCII-oriented string helpers for the cable parsers.
#include "cable/text_util.hpp"

namespace ck::cable::text {

std::string_view trim_left(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size() && is_space(s[i])) {
        ++i;
    }
    return s.substr(i);
}

std::string_view trim_right(std::string_view s)
{
    std::size_t n = s.size();
    while (n > 0 && is_space(s[n - 1])) {
        --n;
    }
    return s.substr(0, n);
}

std::string_view trim(std::string_view s)
{
    return trim_right(trim_left(s));
}

bool is_blank(std::string_view s)
{
    for (const char c : s) {
        if (!is_space(c)) {
            return false;
        }
    }
    return true;
}

std::size_t ifind(std::string_view s, std::string_view needle, std::size_t from)
{
    if (needle.empty()) {
        return from <= s.size() ? from : std::string_view::npos;
    }
    if (needle.size() > s.size()) {
        return std::string_view::npos;
    }
    const char first = to_upper(needle[0]);
    for (std::size_t i = from; i + needle.size() <= s.size(); ++i) {
        if (to_upper(s[i]) == first && iequals(s.substr(i, needle.size()), needle)) {
            return i;
        }
    }
    return std::string_view::npos;
}

bool icontains(std::string_view s, std::string_view needle)
{
    return ifind(s, needle) != std::string_view::npos;
}

bool all_digits(std::string_view s)
{
    if (s.empty()) {
        return false;
    }
    for (const char c : s) {
        if (!is_digit(c)) {
            return false;
        }
    }
    return true;
}

int to_int(std::string_view s)
{
    constexpr std::size_t max_digits = 9;
    if (s.empty() || s.size() > max_digits || !all_digits(s)) {
        return -1;
    }
    int value = 0;
    for (const char c : s) {
        value = value * 10 + (c - '0');
    }
    return value;
}

std::string collapse_spaces(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (const char c : s) {
        if (is_space(c) || c == '\n') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) {
            out.push_back(' ');
            pending_space = false;
        }
        out.push_back(c);
    }
    return out;
}

std::vector<std::string_view> split_words(std::string_view s)
{
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) {
            ++i;
        }
        const std::size_t start = i;
        while (i < s.size() && !is_space(s[i])) {
            ++i;
        }
        if (i > start) {
            words.push_back(s.substr(start, i - start));
        }
    }
    return words;
}

namespace {

constexpr std::string_view pilcrow = "\xC2\xB6";

// True when what follows a "[1](#)" is a paragraph number ("2.") or a reference letter ("B.").
bool starts_numbered_item(std::string_view rest)
{
    std::size_t i = 0;
    while (i < rest.size() && is_digit(rest[i])) {
        ++i;
    }
    if (i == 0 && !rest.empty() && is_upper(rest[0])) {
        i = 1;
    }
    return i > 0 && i < rest.size() && (rest[i] == '.' || rest[i] == ')');
}

} // namespace

std::string strip_markdown(std::string_view line)
{
    if (line.find('[') == std::string_view::npos && line.find("**") == std::string_view::npos) {
        return std::string(line);
    }
    std::string out;
    out.reserve(line.size());
    std::size_t i = 0;
    while (i < line.size()) {
        if (line[i] == '*' && i + 1 < line.size() && line[i + 1] == '*') {
            i += 2;
            continue;
        }
        if (line[i] == '[') {
            const std::size_t close = line.find(']', i + 1);
            if (close != std::string_view::npos && line.substr(close + 1, 3) == "(#)") {
                const std::string_view label = line.substr(i + 1, close - i - 1);
                const std::string_view rest = line.substr(close + 4);
                if (label == "1" && starts_numbered_item(rest)) {
                    out.append(pilcrow);
                } else {
                    out.append(label);
                }
                i = close + 4;
                continue;
            }
        }
        out.push_back(line[i]);
        ++i;
    }
    return out;
}

std::string_view strip_pilcrow(std::string_view s)
{
    s = trim_left(s);
    if (s.substr(0, pilcrow.size()) == pilcrow) {
        s = trim_left(s.substr(pilcrow.size()));
    }
    return s;
}

void append_utf8_prefix(std::string& out, std::string_view s, std::size_t max_bytes)
{
    if (s.size() <= max_bytes) {
        out.append(s);
        return;
    }
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0U) == 0x80U) {
        --cut;
    }
    out.append(s.substr(0, cut));
}

} // namespace ck::cable::text
