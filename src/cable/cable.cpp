// Small value functions of the Cable model: names, ISO dates, diagnostics.
#include "cable/cable.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace ck::cable {
namespace {

constexpr std::array<std::string_view, 7> format_names
    = { "core", "plusd", "cablegate", "bare", "csv", "crest", "other" };

bool read_int(std::string_view text, std::size_t pos, std::size_t len, int& out)
{
    if (pos + len > text.size()) {
        return false;
    }
    const char* first = text.data() + pos;
    const char* last = first + len;
    for (const char* p = first; p != last; ++p) {
        if (*p < '0' || *p > '9') {
            return false;
        }
    }
    return std::from_chars(first, last, out).ec == std::errc {};
}

bool valid_date(int y, int m, int d)
{
    constexpr std::array<int, 12> days = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days[static_cast<std::size_t>(m - 1)]) {
        return false;
    }
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

} // namespace

std::string_view to_string(SourceFormat format)
{
    return format_names[static_cast<std::size_t>(format)];
}

std::optional<SourceFormat> source_format_from_string(std::string_view name)
{
    for (std::size_t i = 0; i < format_names.size(); ++i) {
        if (format_names[i] == name) {
            return static_cast<SourceFormat>(i);
        }
    }
    return std::nullopt;
}

namespace {
constexpr std::array<std::string_view, 3> reference_kind_names = { "cable", "fbis", "other" };
} // namespace

std::string_view to_string(Confidence confidence)
{
    switch (confidence) {
    case Confidence::source:
        return "source";
    case Confidence::derived:
        return "derived";
    case Confidence::ocr:
        return "ocr";
    case Confidence::ocr_repaired:
        return "ocr-repaired";
    case Confidence::low:
        return "low";
    }
    return "low";
}

std::string_view to_string(ReferenceKind kind)
{
    return reference_kind_names[static_cast<std::size_t>(kind)];
}

std::optional<ReferenceKind> reference_kind_from_string(std::string_view name)
{
    for (std::size_t i = 0; i < reference_kind_names.size(); ++i) {
        if (reference_kind_names[i] == name) {
            return static_cast<ReferenceKind>(i);
        }
    }
    return std::nullopt;
}

std::string CableDate::iso() const
{
    std::array<char, 32> buf {};
    if (has_time()) {
        std::snprintf(buf.data(), buf.size(), "%04d-%02d-%02dT%02d:%02dZ", year, month, day, hour, minute);
    } else {
        std::snprintf(buf.data(), buf.size(), "%04d-%02d-%02d", year, month, day);
    }
    return buf.data();
}

std::optional<CableDate> CableDate::from_iso(std::string_view text)
{
    CableDate d;
    if ((text.size() != 10 && text.size() != 17) || text[4] != '-' || text[7] != '-'
        || !read_int(text, 0, 4, d.year) || !read_int(text, 5, 2, d.month) || !read_int(text, 8, 2, d.day)
        || !valid_date(d.year, d.month, d.day)) {
        return std::nullopt;
    }
    if (text.size() == 17) {
        if (text[10] != 'T' || text[13] != ':' || text[16] != 'Z' || !read_int(text, 11, 2, d.hour)
            || !read_int(text, 14, 2, d.minute) || d.hour > 23 || d.minute > 59) {
            return std::nullopt;
        }
    }
    return d;
}

std::string Diagnostic::to_string() const
{
    return file + ":" + std::to_string(line) + ": " + message;
}

bool ParseOutput::has_errors() const
{
    for (const Diagnostic& d : diagnostics) {
        if (d.severity == Diagnostic::Severity::error) {
            return true;
        }
    }
    return false;
}

} // namespace ck::cable
