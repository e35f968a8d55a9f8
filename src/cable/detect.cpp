// Format detection.
#include "cable/detect.hpp"

#include "cable/classification.hpp"
#include "cable/dtg.hpp"
#include "cable/header_fields.hpp"
#include "cable/text_util.hpp"

#include <algorithm>

namespace ck::cable {
namespace {

constexpr std::size_t page_marker_lines = 40; // page headers sit in the first non-empty lines
constexpr std::size_t banner_label_window = 40;

bool is_csv_row_start(std::string_view t)
{
    // "18","1/8/1985 9:00","85TOKYO364",...
    if (t.size() < 4 || t[0] != '"' || !text::is_digit(t[1])) {
        return false;
    }
    std::size_t i = 1;
    while (i < t.size() && text::is_digit(t[i])) {
        ++i;
    }
    return t.substr(i, 3) == "\",\"";
}

bool is_csv_header_row(std::string_view t)
{
    return t.starts_with("\"") && text::icontains(t, "\",\"") && text::icontains(t.substr(0, 40), "created");
}

// A banner with a post and serial followed soon by header labels: a telegram without a DTG.
bool has_banner_with_header(const Lines& lines, std::size_t i)
{
    const auto b = parse_banner(lines[i].text);
    if (!b || b->serial.empty()) {
        return false;
    }
    const std::size_t stop = std::min(lines.size(), i + banner_label_window);
    for (std::size_t k = i + 1; k < stop; ++k) {
        std::size_t unused = 0;
        if (label_at_start(lines[k].text, unused) != HeaderLabel::none) {
            return true;
        }
    }
    return false;
}

} // namespace

bool is_crest_stamp(std::string_view line)
{
    return line.find("CIA-RDP") != std::string_view::npos && text::icontains(line, "Approved For Release");
}

DocumentKind detect_document(const Lines& lines)
{
    std::size_t seen = 0;
    bool first = true;
    for (std::size_t i = 0; i < lines.size() && seen < page_marker_lines; ++i) {
        const std::string_view t = text::trim(lines[i].text);
        if (t.empty()) {
            continue;
        }
        ++seen;
        if (first) {
            first = false;
            if (is_csv_row_start(t)
                || (is_csv_header_row(t) && i + 1 < lines.size()
                    && is_csv_row_start(text::trim(lines[i + 1].text)))) {
                return DocumentKind::csv;
            }
            if (t == "Identifier") {
                return DocumentKind::plusd_page;
            }
        }
        if (t.starts_with("Viewing cable ") || t == "Reference ID") {
            return DocumentKind::cablegate_page;
        }
        if (t.starts_with("Canonical ID:") || t == "Message Text" || t == "## Message Text") {
            return DocumentKind::plusd_page;
        }
    }
    bool telegram = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view t = lines[i].text;
        if (t.empty()) {
            continue;
        }
        if (is_crest_stamp(t)) {
            return DocumentKind::crest;
        }
        if (t == "Message Attributes" || t == "## Message Attributes" || t.starts_with("Document Number:")) {
            return DocumentKind::plusd_page;
        }
        if (!telegram) {
            telegram = parse_dtg_line(t).has_value() || t.starts_with("VZCZC")
                || ((t.starts_with("FM ") && i + 1 < lines.size()
                    && text::trim(lines[i + 1].text).starts_with("TO ")))
                || (text::is_upper(t[0]) && has_banner_with_header(lines, i));
        }
    }
    return telegram ? DocumentKind::telegram : DocumentKind::other;
}

} // namespace ck::cable
