// Attribute blocks.
#include "cable/attributes.hpp"

#include "cable/text_util.hpp"

#include <array>

namespace ck::cable {
namespace {

// The field names of the State Department's CORE archive as PlusD shows them. Run-together OCR
// lines are split at these names only, so a colon inside a value ("SUBJECT: JAPAN-USSR RELATIONS:
// FOLLOW UP") does not start a new attribute.
constexpr std::array<std::string_view, 82> core_keys = {
    "Automatic Decaptioning",
    "Capture Date",
    "Channel Indicators",
    "Current Classification",
    "Concepts",
    "Control Number",
    "Copy",
    "Draft Date",
    "Sent Date",
    "Decaption Date",
    "Decaption Note",
    "Disposition Action",
    "Disposition Approved on Date",
    "Disposition Authority",
    "Disposition Case Number",
    "Disposition Comment",
    "Disposition Date",
    "Disposition Event",
    "Disposition History",
    "Disposition Reason",
    "Disposition Remarks",
    "Document Number",
    "Document Source",
    "Document Unique ID",
    "Drafter",
    "Enclosure",
    "Executive Order",
    "Errors",
    "Expiration",
    "Film Number",
    "Format",
    "From",
    "Handling Restrictions",
    "Image Path",
    "ISecure",
    "Legacy Key",
    "Line Count",
    "Litigation Code Aides",
    "Litigation Code IDs",
    "Litigation Codes",
    "Litigation History",
    "Locator",
    "Message ID",
    "Office",
    "Original Classification",
    "Original Handling Restrictions",
    "Original Previous Classification",
    "Original Previous Handling Restrictions",
    "Page Count",
    "Previous Channel Indicators",
    "Previous Classification",
    "Previous Handling Restrictions",
    "Reference",
    "Retention",
    "Review Action",
    "Review Authority",
    "Review Comment",
    "Review Content Flags",
    "Review Date",
    "Review Event",
    "Review Exemptions",
    "Review History",
    "Review Markings",
    "Review Media Identifier",
    "Review Referrals",
    "Review Release Date",
    "Review Release Event",
    "Review Transfer Date",
    "Review Withdrawn Fields",
    "SAS ID",
    "Secure",
    "Status",
    "Subject",
    "TAGS",
    "To",
    "Type",
    "vdkgvwkey",
    "Markings",
    "Markings Date",
    "Review State",
    "Archive Status",
    "Character Count",
};

// The known key that starts at `pos` (followed by ':'), longest first; its length or 0.
std::size_t key_at(std::string_view s, std::size_t pos, std::string_view& key)
{
    std::size_t best = 0;
    for (const std::string_view k : core_keys) {
        if (k.size() <= best || pos + k.size() >= s.size() || s[pos + k.size()] != ':') {
            continue;
        }
        if (s.substr(pos, k.size()) == k) {
            best = k.size();
            key = k;
        }
    }
    return best;
}

std::string_view strip_emphasis(std::string_view s)
{
    s = text::trim(s);
    while (s.starts_with("**")) {
        s = text::trim(s.substr(2));
    }
    while (s.ends_with("**")) {
        s = text::trim(s.substr(0, s.size() - 2));
    }
    return s;
}

// YAML-style quoting of the PlusD metadata block: "! 'n/a ... '" and "'00'".
std::string clean_value(std::string_view v)
{
    std::string s = text::collapse_spaces(strip_emphasis(v));
    if (s.starts_with("! '")) {
        s.erase(0, 3);
    }
    if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'') {
        s = s.substr(1, s.size() - 2);
    } else if (!s.empty() && s.back() == '\'' && s.find('\'') == s.size() - 1) {
        s.pop_back();
    }
    return text::collapse_spaces(s);
}

} // namespace

std::vector<Attribute> parse_attribute_block(
    const Lines& lines, std::size_t begin, std::size_t end, std::size_t max)
{
    std::vector<Attribute> out;
    std::vector<std::string> raw_values;
    for (std::size_t i = begin; i < end && out.size() < max; ++i) {
        const std::string_view line = strip_emphasis(lines[i].text);
        if (line.empty()) {
            continue;
        }
        std::size_t pos = 0;
        std::string_view key;
        std::size_t len = key_at(line, 0, key);
        if (len == 0) {
            if (!raw_values.empty()) {
                raw_values.back() += ' ';
                raw_values.back().append(line);
            }
            continue;
        }
        while (len > 0 && out.size() < max) {
            const std::size_t value_start = pos + len + 1;
            // The next known key preceded by a space starts the next attribute.
            std::size_t next = value_start;
            std::string_view next_key;
            std::size_t next_len = 0;
            for (; next < line.size(); ++next) {
                if (text::is_space(line[next - 1]) && (next_len = key_at(line, next, next_key)) > 0) {
                    break;
                }
            }
            out.push_back(Attribute { std::string(key), {} });
            raw_values.emplace_back(line.substr(value_start, next - value_start));
            pos = next;
            key = next_key;
            len = next < line.size() ? next_len : 0;
        }
    }
    for (std::size_t k = 0; k < out.size(); ++k) {
        out[k].value = clean_value(raw_values[k]);
    }
    return out;
}

bool parse_key_value_line(std::string_view line, Attribute& out)
{
    const std::string_view t = text::trim(line);
    const std::size_t colon = t.find(':');
    constexpr std::size_t max_key = 40;
    constexpr std::size_t max_key_words = 4;
    if (colon == std::string_view::npos || colon == 0 || colon > max_key) {
        return false;
    }
    const std::string_view key = t.substr(0, colon);
    if (!text::is_alpha(key.front()) || text::split_words(key).size() > max_key_words) {
        return false;
    }
    for (const char c : key) {
        if (!text::is_alnum(c) && c != ' ' && c != '-') {
            return false;
        }
    }
    out.key = std::string(key);
    out.value = clean_value(t.substr(colon + 1));
    return true;
}

bool is_empty_value(std::string_view value)
{
    const std::string_view v = text::trim(value);
    return v.empty() || v == "-" || text::iequals(v, "n/a") || text::icontains(v, "N/A or Blank");
}

std::string_view attribute_value(const std::vector<Attribute>& attributes, std::string_view key)
{
    for (const Attribute& a : attributes) {
        if (text::iequals(a.key, key) && !is_empty_value(a.value)) {
            return a.value;
        }
    }
    return {};
}

} // namespace ck::cable
