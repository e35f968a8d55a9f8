// Strict UTF-8 per RFC 3629 / Unicode 15 table 3-7, and two legacy decoders.
#include "core/utf8.hpp"

#include <array>

namespace ck::utf8 {
namespace {

bool is_continuation(unsigned char c)
{
    return (c & 0xC0U) == 0x80U;
}

// CP1252 differs from ISO-8859-1 only in 0x80..0x9F; five of those are unassigned and map to
// themselves as C1 controls, which is what Windows' own decoder does.
constexpr std::array<char32_t, 32> cp1252_high = {
    0x20AC,
    0x0081,
    0x201A,
    0x0192,
    0x201E,
    0x2026,
    0x2020,
    0x2021,
    0x02C6,
    0x2030,
    0x0160,
    0x2039,
    0x0152,
    0x008D,
    0x017D,
    0x008F,
    0x0090,
    0x2018,
    0x2019,
    0x201C,
    0x201D,
    0x2022,
    0x2013,
    0x2014,
    0x02DC,
    0x2122,
    0x0161,
    0x203A,
    0x0153,
    0x009D,
    0x017E,
    0x0178,
};

} // namespace

char32_t decode(std::string_view text, std::size_t& pos)
{
    const auto at = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char c0 = at(pos);
    if (c0 < 0x80) {
        ++pos;
        return c0;
    }
    std::size_t need = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (c0 >= 0xC2 && c0 <= 0xDF) {
        need = 1;
        cp = c0 & 0x1FU;
        min = 0x80;
    } else if (c0 >= 0xE0 && c0 <= 0xEF) {
        need = 2;
        cp = c0 & 0x0FU;
        min = 0x800;
    } else if (c0 >= 0xF0 && c0 <= 0xF4) {
        need = 3;
        cp = c0 & 0x07U;
        min = 0x10000;
    } else {
        ++pos;
        return replacement_char;
    }
    if (pos + need >= text.size()) { // fewer bytes remain than the lead byte announces
        ++pos;
        return replacement_char;
    }
    for (std::size_t i = 1; i <= need; ++i) {
        const unsigned char c = at(pos + i);
        if (!is_continuation(c)) {
            ++pos;
            return replacement_char;
        }
        cp = (cp << 6U) | (c & 0x3FU);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return replacement_char;
    }
    pos += need + 1;
    return cp;
}

void append(std::string& out, char32_t cp)
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        cp = replacement_char;
    }
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0U | (cp >> 6U)));
        out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0U | (cp >> 12U)));
        out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
        out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
    } else {
        out.push_back(static_cast<char>(0xF0U | (cp >> 18U)));
        out.push_back(static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU)));
        out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
        out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
    }
}

bool is_valid(std::string_view text)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t before = pos;
        const char32_t cp = decode(text, pos);
        if (cp == replacement_char && !(pos - before == 3 && text.substr(before, 3) == "\xEF\xBF\xBD")) {
            return false;
        }
    }
    return true;
}

std::string sanitize(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t before = pos;
        const char32_t cp = decode(text, pos);
        if (cp == replacement_char) {
            append(out, cp);
        } else {
            out.append(text.substr(before, pos - before));
        }
    }
    return out;
}

std::string from_latin1(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (const char ch : bytes) {
        append(out, static_cast<unsigned char>(ch));
    }
    return out;
}

std::string from_cp1252(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        append(out, (c >= 0x80 && c <= 0x9F) ? cp1252_high[c - 0x80U] : c);
    }
    return out;
}

std::size_t length(std::string_view text)
{
    std::size_t n = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        decode(text, pos);
        ++n;
    }
    return n;
}

std::size_t previous_boundary(std::string_view text, std::size_t pos)
{
    if (pos == 0) {
        return 0;
    }
    std::size_t p = pos - 1;
    std::size_t steps = 0;
    while (p > 0 && steps < 3 && is_continuation(static_cast<unsigned char>(text[p]))) {
        --p;
        ++steps;
    }
    std::size_t probe = p;
    decode(text, probe);
    return probe == pos ? p : pos - 1;
}

} // namespace ck::utf8
