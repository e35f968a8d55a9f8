// CIA CREST releases: OCR of scanned memos, each page stamped "Approved For Release YYYY/MM/DD :
// CIA-RDP80B01676R003100290016-2". The id is the RDP number most stamps agree on (OCR breaks some
// stamps and puts spaces inside the number); the date is the memo's own, not the release date.
#include "cable/detect.hpp"
#include "cable/formats.hpp"
#include "cable/memo.hpp"
#include "cable/text_util.hpp"

#include <map>

namespace ck::cable {
namespace {

// "CIA-RDP" 2 digits, a letter, 5 digits, "R", 6-12 digits, "-", a check digit.
bool is_rdp_number(std::string_view s)
{
    if (!s.starts_with("CIA-RDP")) {
        return false;
    }
    std::string_view r = s.substr(7);
    const auto digits = [&](std::size_t min, std::size_t max) {
        std::size_t n = 0;
        while (n < r.size() && n < max && text::is_digit(r[n])) {
            ++n;
        }
        r.remove_prefix(n);
        return n >= min;
    };
    const auto letter = [&](char want) {
        if (r.empty() || !(want == 0 ? text::is_upper(r[0]) : r[0] == want)) {
            return false;
        }
        r.remove_prefix(1);
        return true;
    };
    return digits(2, 2) && letter(0) && digits(5, 5) && letter('R') && digits(6, 12) && letter('-')
        && digits(1, 1) && r.empty();
}

// The stamp's number with OCR's spaces removed; what follows it on the line is cut at the first
// character no RDP number has.
std::string stamp_number(std::string_view line)
{
    const std::size_t at = line.find("CIA-RDP");
    if (at == std::string_view::npos) {
        return {};
    }
    std::string out;
    for (const char c : line.substr(at)) {
        if (text::is_space(c)) {
            continue;
        }
        if (!text::is_alnum(c) && c != '-') {
            break;
        }
        out.push_back(c);
    }
    return out;
}

bool is_stamp(std::string_view line)
{
    return is_crest_stamp(line);
}

} // namespace

void parse_crest(const Lines& lines, Sink& sink, std::vector<Cable>& out)
{
    std::map<std::string, std::size_t> votes;
    std::string first_raw;
    std::size_t first_stamp_line = 0;
    for (const Line& l : lines) {
        if (!is_crest_stamp(l.text)) {
            continue;
        }
        std::string number = stamp_number(l.text);
        if (first_raw.empty()) {
            first_raw = number;
            first_stamp_line = l.number;
        }
        if (is_rdp_number(number)) {
            ++votes[number];
        }
    }
    Cable c;
    c.format = SourceFormat::crest;
    c.ocr = true;
    std::size_t best = 0;
    for (const auto& [number, count] : votes) {
        if (count > best) {
            best = count;
            c.id = number;
        }
    }
    if (c.id.empty()) {
        c.id = first_raw;
        sink.warning(first_stamp_line,
            "no release stamp holds a readable CIA-RDP number; the first is kept as written");
    }
    const MemoFields memo = read_memo_fields(lines, is_stamp);
    c.date = memo.date;
    c.subject = memo.subject;
    c.to = memo.to;
    c.classification = memo.classification;
    c.display_text = ocr_display_text(lines);
    c.source_line = 1;
    out.push_back(std::move(c));
}

} // namespace ck::cable
