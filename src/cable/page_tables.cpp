// Web page tables and markers.
#include "cable/page_tables.hpp"

#include "cable/text_util.hpp"

#include <algorithm>
#include <array>

namespace ck::cable {
namespace {

bool is_table_label(std::string_view t)
{
    static constexpr std::array<std::string_view, 6> labels
        = { "Identifier", "Reference ID", "Created", "Released", "Classification", "Origin" };
    return std::find(labels.begin(), labels.end(), t) != labels.end();
}

} // namespace

std::size_t read_column_table(const Lines& lines, std::size_t begin, std::vector<Attribute>& out)
{
    std::size_t i = begin;
    while (i < lines.size() && text::is_blank(lines[i].text)) {
        ++i;
    }
    std::vector<std::string_view> labels;
    while (i < lines.size() && is_table_label(text::trim(lines[i].text))) {
        labels.push_back(text::trim(lines[i].text));
        ++i;
    }
    if (labels.size() < 2 || i + labels.size() > lines.size()) {
        return begin;
    }
    for (const std::string_view label : labels) {
        out.push_back(Attribute { std::string(label), std::string(text::trim(lines[i].text)) });
        ++i;
    }
    return i;
}

std::size_t find_marker(
    const Lines& lines, std::size_t begin, std::size_t end, std::initializer_list<std::string_view> markers)
{
    end = std::min(end, lines.size());
    for (std::size_t i = begin; i < end; ++i) {
        const std::string_view t = text::trim(lines[i].text);
        for (const std::string_view m : markers) {
            if (t == m) {
                return i;
            }
        }
    }
    return end;
}

std::size_t find_prefix(const Lines& lines, std::size_t begin, std::size_t end, std::string_view prefix)
{
    end = std::min(end, lines.size());
    for (std::size_t i = begin; i < end; ++i) {
        if (text::trim(lines[i].text).starts_with(prefix)) {
            return i;
        }
    }
    return end;
}

bool has_partial_extract_note(const Lines& lines, std::size_t begin, std::size_t end)
{
    end = std::min(end, lines.size());
    for (std::size_t i = begin; i < end; ++i) {
        if (text::icontains(lines[i].text, "partial extract of the original cable")) {
            return true;
        }
    }
    return false;
}

Lines slice(const Lines& lines, std::size_t begin, std::size_t end)
{
    end = std::min(end, lines.size());
    begin = std::min(begin, end);
    return Lines(
        lines.begin() + static_cast<std::ptrdiff_t>(begin), lines.begin() + static_cast<std::ptrdiff_t>(end));
}

} // namespace ck::cable
