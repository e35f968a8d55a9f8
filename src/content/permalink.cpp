// The permalink rules of permalink.hpp, each a small function tried in order. The patterns are
// checked by hand (no regex): an id or a URL that does not have exactly the expected shape gets
// no permalink rather than a wrong one, since a visitor cannot tell a dead link from the kiosk.
#include "content/permalink.hpp"

#include "core/ascii.hpp"

#include <fstream>
#include <sstream>

namespace ck::content {
namespace {

bool starts_with(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

bool all_of(std::string_view s, bool (*pred)(char))
{
    for (const char c : s) {
        if (!pred(c)) {
            return false;
        }
    }
    return true;
}

bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}
bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}
bool is_upper_or_digit(char c)
{
    return is_upper(c) || is_digit(c);
}

// A cablegate-era id: two digits of year, the post in capitals (letters and digits, ending in a
// letter: "UNVIEVIENNA", "USUNNEWYORK"), the serial number: 09UNVIEVIENNA281.
bool is_cablegate_id(std::string_view id)
{
    if (id.size() < 4 || !is_digit(id[0]) || !is_digit(id[1])) {
        return false;
    }
    const std::size_t digits = id.find_last_not_of("0123456789");
    if (digits == std::string_view::npos || digits < 2 || digits + 1 == id.size() || !is_upper(id[digits])) {
        return false;
    }
    return is_upper(id[2]) && all_of(id.substr(2, digits - 1), is_upper_or_digit);
}

// A PlusD id: a cablegate id, or the four-digit-year form of the older cables (1973STATE097844).
bool is_plusd_id(std::string_view id)
{
    return is_cablegate_id(id)
        || (id.size() > 4 && all_of(id.substr(0, 2), is_digit) && is_cablegate_id(id.substr(2)));
}

// The URL inside "(mirror of URL)" or "(saved URL)", else empty.
std::string_view explicit_url(std::string_view source)
{
    for (const std::string_view marker : { std::string_view("(mirror of "), std::string_view("(saved ") }) {
        const auto at = source.find(marker);
        if (at == std::string_view::npos) {
            continue;
        }
        const auto start = at + marker.size();
        const auto end = source.find(')', start);
        if (end != std::string_view::npos) {
            return source.substr(start, end - start);
        }
    }
    return {};
}

// https://cablegate.wikileaks.org/cable/YYYY/MM/ID.html
bool is_cablegate_page(std::string_view url)
{
    constexpr std::string_view prefix = "https://cablegate.wikileaks.org/cable/";
    if (!starts_with(url, prefix)) {
        return false;
    }
    const std::string_view rest = url.substr(prefix.size()); // YYYY/MM/ID.html
    if (rest.size() < 9 + 6 || rest[4] != '/' || rest[7] != '/' || !all_of(rest.substr(0, 4), is_digit)
        || !all_of(rest.substr(5, 2), is_digit) || rest.substr(rest.size() - 5) != ".html") {
        return false;
    }
    return is_cablegate_id(rest.substr(8, rest.size() - 8 - 5));
}

// https://wikileaks.org/plusd/cables/ID_x.html (x: the page's letter, a or b)
bool is_plusd_page(std::string_view url)
{
    constexpr std::string_view prefix = "https://wikileaks.org/plusd/cables/";
    if (!starts_with(url, prefix) || url.size() < prefix.size() + 8
        || url.substr(url.size() - 5) != ".html") {
        return false;
    }
    const std::string_view rest = url.substr(prefix.size(), url.size() - prefix.size() - 5); // ID_x
    if (rest.size() < 3 || rest[rest.size() - 2] != '_' || rest.back() < 'a' || rest.back() > 'z') {
        return false;
    }
    return is_plusd_id(rest.substr(0, rest.size() - 2));
}

// "CIA-RDP80B01676R003100290016-2": CIA-RDP, then capitals, digits and dashes.
bool is_crest_id(std::string_view id)
{
    return starts_with(id, "CIA-RDP") && id.size() > 7
        && all_of(id.substr(7), [](char c) { return is_upper_or_digit(c) || c == '-'; });
}

// "NARA 104-10326-10044" or "104-10326-10044": the JFK collection's record number, else empty.
std::string_view nara_record_number(std::string_view field)
{
    if (starts_with(field, "NARA ")) {
        field.remove_prefix(5);
    }
    const bool shaped = field.size() == 15 && field[3] == '-' && field[9] == '-'
        && all_of(field.substr(0, 3), is_digit) && all_of(field.substr(4, 5), is_digit)
        && all_of(field.substr(10, 5), is_digit);
    return shaped ? field : std::string_view();
}

std::vector<std::string> split_tabs(const std::string& line)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start)) {
        out.push_back(line.substr(start, tab - start));
        start = tab + 1;
    }
    out.push_back(line.substr(start));
    return out;
}

} // namespace

std::string_view to_string(PermalinkRule rule)
{
    switch (rule) {
    case PermalinkRule::explicit_url:
        return "explicit URL";
    case PermalinkRule::plusd:
        return "PlusD";
    case PermalinkRule::cia_reading_room:
        return "CIA reading room";
    case PermalinkRule::nara_jfk_2025:
        return "NARA JFK 2025 release";
    case PermalinkRule::none:
        return "none";
    }
    return "none";
}

Permalink permalink_for(const SourceRow& row)
{
    if (starts_with(row.source, "seed document:")) {
        return {};
    }
    if (const std::string_view url = explicit_url(row.source); is_cablegate_page(url) || is_plusd_page(url)) {
        return { std::string(url), PermalinkRule::explicit_url };
    }
    if (is_crest_id(row.doc_id)) {
        return { "https://www.cia.gov/readingroom/document/" + ascii::to_lower(row.doc_id),
            PermalinkRule::cia_reading_room };
    }
    const std::string_view record = nara_record_number(row.nara_record);
    if (!record.empty() && row.source.find("NARA 2025 JFK") != std::string::npos) {
        return { "https://www.archives.gov/files/research/jfk/releases/2025/0318/" + std::string(record)
                + ".pdf",
            PermalinkRule::nara_jfk_2025 };
    }
    const bool cablegate_source = row.format == "cablegate" || row.format == "csv" || row.format == "bare";
    if (cablegate_source && is_cablegate_id(row.doc_id)) {
        return { "https://wikileaks.org/plusd/cables/" + row.doc_id + "_a.html", PermalinkRule::plusd };
    }
    return {};
}

Status check_permalink(std::string_view url)
{
    constexpr std::string_view scheme = "https://";
    if (!starts_with(url, scheme)) {
        return make_error("permalink must start with https:// (the kiosk shows only secure links)");
    }
    if (url.size() > 256) {
        return make_error("permalink is longer than 256 bytes");
    }
    const std::string_view rest = url.substr(scheme.size());
    const auto slash = rest.find('/');
    const std::string_view host = rest.substr(0, slash);
    if (host.empty() || host.find('.') == std::string_view::npos) {
        return make_error("permalink has no host name after https://");
    }
    for (const char c : url) {
        if (c <= ' ' || c > '~' || c == '"' || c == '<' || c == '>' || c == '\\') {
            return make_error(
                "permalink must be printable ASCII without spaces or quotes (percent-encode them)");
        }
    }
    return {};
}

Result<std::vector<SourceRow>> read_sources_tsv(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return make_error("cannot read the file", path.string());
    }
    std::string line;
    std::getline(in, line);
    const std::vector<std::string> header = split_tabs(line);
    const auto column = [&](std::string_view name) {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i] == name) {
                return static_cast<int>(i);
            }
        }
        return -1;
    };
    const int file = column("file");
    const int source = column("source");
    if (file < 0 || source < 0) {
        return make_error("the header must name the columns 'file' and 'source'", path.string() + ":1");
    }
    std::vector<SourceRow> rows;
    for (std::size_t n = 2; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.empty()) {
            continue;
        }
        const std::vector<std::string> cells = split_tabs(line);
        if (cells.size() < header.size()) {
            return make_error("has " + std::to_string(cells.size()) + " columns, the header "
                    + std::to_string(header.size()),
                path.string() + ":" + std::to_string(n));
        }
        const auto cell = [&](int i) { return i < 0 ? std::string() : cells[static_cast<std::size_t>(i)]; };
        rows.push_back({ cell(file), cell(source), cell(column("format")), cell(column("doc_id")),
            cell(column("nara_record")), n });
    }
    return rows;
}

} // namespace ck::content
