// Display text.
#include "cable/display.hpp"

#include "cable/addressees.hpp"
#include "cable/classification.hpp"
#include "cable/dtg.hpp"
#include "cable/signature.hpp"
#include "cable/text_util.hpp"

#include <vector>

namespace ck::cable {
namespace {

constexpr std::size_t max_envelope_lines = 60;

bool is_markdown_wrapper(std::string_view t)
{
    return t.starts_with("```") || t.starts_with("# ") || t.starts_with("## ") || t.starts_with("### ");
}

// Page header: drop it, the classification lines and blank lines around it (a page break falls
// anywhere, often mid-sentence), and a marking glued to the end of the last text line before it.
void drop_page_break(const Lines& lines, std::size_t begin, std::size_t end, std::size_t page,
    std::vector<char>& drop, std::vector<std::string_view>& view)
{
    drop[page - begin] = 1;
    std::string page_marking;
    for (std::size_t i = page + 1; i < end; ++i) {
        const std::string_view t = text::trim(lines[i].text);
        if (!t.empty() && !is_bare_marking(t)) {
            break;
        }
        if (!t.empty()) {
            page_marking = parse_banner(t)->classification;
        }
        drop[i - begin] = 1;
    }
    for (std::size_t i = page; i > begin; --i) {
        const std::string_view t = text::trim(lines[i - 1].text);
        if (t.empty() || is_bare_marking(t)) {
            if (!t.empty()) {
                page_marking = parse_banner(t)->classification;
            }
            drop[i - 1 - begin] = 1;
            continue;
        }
        // The footer marking may be glued to the last text line; only the page's own marking is
        // removed, so a sentence ending in another word stays whole.
        if (!page_marking.empty()) {
            view[i - 1 - begin] = strip_trailing_marking(lines[i - 1].text, page_marking);
        }
        break;
    }
}

// A later section's banner ("SECTION 02 OF 03") and, when one precedes it, the transmission
// envelope (VZCZC, DE, DTG, FM/TO/INFO, BT) that repeats the first section's.
void drop_section_envelope(
    const Lines& lines, std::size_t begin, std::size_t floor, std::size_t banner, std::vector<char>& drop)
{
    drop[banner - begin] = 1;
    std::size_t envelope_start = banner;
    for (std::size_t i = banner; i > floor && banner - i < max_envelope_lines; --i) {
        const std::string_view t = text::trim(lines[i - 1].text);
        const bool envelope_line = t.empty() || is_transport_line(t) || parse_dtg_line(t).has_value();
        const bool addressee_line = !t.empty()
            && (t.starts_with("FM ") || t.starts_with("TO ") || t.starts_with("INFO ")
                || t == clean_addressee(t));
        if (!envelope_line && !addressee_line) {
            break;
        }
        if (t.starts_with("VZCZC") || parse_dtg_line(t)) {
            envelope_start = i - 1;
        }
    }
    for (std::size_t i = envelope_start; i < banner; ++i) {
        drop[i - begin] = 1;
    }
}

} // namespace

std::string build_display_text(const Lines& lines, std::size_t begin, std::size_t end,
    std::size_t first_banner, const DisplayOptions& options)
{
    if (begin >= end) {
        return {};
    }
    const std::size_t n = end - begin;
    std::vector<char> drop(n, 0);
    std::vector<std::string_view> view(n);
    for (std::size_t i = 0; i < n; ++i) {
        view[i] = lines[begin + i].text;
    }
    for (std::size_t i = begin; i < end; ++i) {
        const std::string_view t = text::trim(lines[i].text);
        if (is_markdown_wrapper(t)) {
            drop[i - begin] = 1;
            continue;
        }
        if (options.keep_furniture) {
            continue;
        }
        if (is_page_header(t)) {
            drop_page_break(lines, begin, end, i, drop, view);
        } else if (is_transport_line(t) || is_page_marker(t) || t.starts_with("***")
            || (t.find(' ') == std::string_view::npos && t.find("VVZCZ") != std::string_view::npos)) {
            drop[i - begin] = 1;
        } else if (i > first_banner && first_banner < end) {
            if (const auto b = parse_banner(t); b && b->section >= 2) {
                // The envelope lies between the first banner and this one, never above the first.
                drop_section_envelope(lines, begin, first_banner + 1, i, drop);
            }
        }
    }
    std::string out;
    out.reserve(n * 48);
    bool pending_blank = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (drop[i] != 0) {
            continue;
        }
        const std::string_view line = view[i];
        if (text::is_blank(line)) {
            pending_blank = !out.empty();
            continue;
        }
        if (pending_blank) {
            out.push_back('\n');
            pending_blank = false;
        }
        if (line.find('[') != std::string_view::npos || line.find("**") != std::string_view::npos) {
            text::append_utf8_prefix(out, text::strip_markdown(line), options.max_line_bytes);
        } else {
            text::append_utf8_prefix(out, line, options.max_line_bytes);
        }
        out.push_back('\n');
    }
    while (!out.empty() && out.back() == '\n') {
        out.pop_back();
    }
    return out;
}

} // namespace ck::cable
