// The telegram reader shared by all telegram formats.
#include "cable/telegram.hpp"

#include "cable/addressees.hpp"
#include "cable/display.hpp"
#include "cable/dtg.hpp"
#include "cable/header_fields.hpp"
#include "cable/limits.hpp"
#include "cable/paragraphs.hpp"
#include "cable/refs.hpp"
#include "cable/signature.hpp"
#include "cable/tags.hpp"
#include "cable/text_util.hpp"

#include <algorithm>

namespace ck::cable {
namespace {

constexpr std::size_t banner_search_lines = 60;
constexpr std::size_t repeat_search_lines = 60;

struct Start {
    std::string routing_serial;
    std::optional<Dtg> dtg;
    std::size_t dtg_index = 0;
    std::size_t fm_index = 0;
    bool has_fm = false;
    std::optional<Banner> banner;
    std::size_t banner_index = 0;
};

// "DE RUEHKO #1723/01 1760053" -> "1723".
std::string routing_serial(std::string_view line)
{
    const std::size_t hash = line.find('#');
    std::string serial;
    for (std::size_t i = hash + 1; i < line.size() && text::is_digit(line[i]); ++i) {
        serial.push_back(line[i]);
    }
    return serial;
}

bool starts_word(std::string_view line, std::string_view word)
{
    const std::string_view t = text::trim_left(line);
    return t.size() > word.size() && t.starts_with(word) && text::is_space(t[word.size()]);
}

// The first DTG, "FM" line or station banner: where the telegram proper begins. A DTG inside a
// quoted cable comes after the outer banner and is never reached.
Start find_start(const Lines& lines)
{
    Start s;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view t = lines[i].text;
        if (t.empty()) {
            continue;
        }
        if (auto dtg = parse_dtg_line(t)) {
            s.dtg = dtg;
            s.dtg_index = i;
            return s;
        }
        if (t.starts_with("DE R") && is_transport_line(t)) {
            s.routing_serial = routing_serial(t);
        }
        if (starts_word(t, "FM") && i + 1 < lines.size() && starts_word(lines[i + 1].text, "TO")) {
            s.has_fm = true;
            s.fm_index = i;
            return s;
        }
        if (auto b = parse_banner(t); b && !b->serial.empty()) {
            s.banner = std::move(b);
            s.banner_index = i;
            return s;
        }
    }
    return s;
}

// The banner after an addressee block: the next lines other than blanks and BT.
void find_banner_after(const Lines& lines, std::size_t from, Start& s)
{
    const std::size_t stop = std::min(lines.size(), from + banner_search_lines);
    for (std::size_t i = from; i < stop; ++i) {
        const std::string_view t = text::trim(lines[i].text);
        if (t.empty() || t == "BT" || is_transport_line(t)) {
            continue;
        }
        if (auto b = parse_banner(t)) {
            s.banner = std::move(b);
            s.banner_index = i;
        }
        return;
    }
}

bool is_header_end(std::string_view line)
{
    const std::string_view t = text::trim(line);
    if (paragraph_start(t) || text::istarts_with(t, "SUMMARY") || text::istarts_with(t, "BEGIN SUMMARY")
        || t == "QUOTE" || t.starts_with("QUOTE ")) {
        return true;
    }
    constexpr std::size_t min_rule = 3;
    return t.size() >= min_rule && t.find_first_not_of('-') == std::string_view::npos;
}

std::size_t header_end(const Lines& lines, std::size_t begin)
{
    const std::size_t stop = std::min(lines.size(), begin + limits::max_header_lines);
    for (std::size_t i = begin; i < stop; ++i) {
        if (is_header_end(lines[i].text)) {
            return i;
        }
    }
    return stop;
}

// PlusD pages of cablegate cables show the header block twice (banner to Classified By, then the
// same again before the text): drop the first copy.
Lines without_repeated_header(const Lines& lines, std::size_t banner_index)
{
    const std::string_view banner = text::trim(lines[banner_index].text);
    const std::size_t stop = std::min(lines.size(), banner_index + repeat_search_lines);
    for (std::size_t j = banner_index + 1; j < stop; ++j) {
        if (text::trim(lines[j].text) != banner) {
            continue;
        }
        std::size_t a = banner_index;
        std::size_t b = j;
        bool same = true;
        while (a < j && same) {
            if (text::is_blank(lines[a].text)) {
                ++a;
                continue;
            }
            while (b < lines.size() && text::is_blank(lines[b].text)) {
                ++b;
            }
            same = b < lines.size() && text::trim(lines[a].text) == text::trim(lines[b].text);
            ++a;
            ++b;
        }
        if (same) {
            Lines out(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(banner_index));
            out.insert(out.end(), lines.begin() + static_cast<std::ptrdiff_t>(j), lines.end());
            return out;
        }
        break;
    }
    return lines;
}

void read_caveat_lines(const Lines& lines, std::size_t begin, std::size_t end, Telegram& t)
{
    for (std::size_t i = begin; i < end; ++i) {
        std::size_t unused = 0;
        if (label_at_start(lines[i].text, unused) != HeaderLabel::none) {
            return;
        }
        if (auto caveats = parse_caveat_line(lines[i].text)) {
            for (std::string& c : *caveats) {
                add_caveat(t.caveats, std::move(c));
            }
        }
    }
}

std::string capped(std::string s)
{
    if (s.size() > limits::max_field_bytes) {
        std::string out;
        text::append_utf8_prefix(out, s, limits::max_field_bytes);
        return out;
    }
    return s;
}

void apply_fields(const std::vector<HeaderField>& fields, const TelegramHints& hints, Telegram& t, Sink& sink)
{
    bool have_eo = false;
    bool have_tags = false;
    bool have_subject = false;
    bool have_refs = false;
    bool have_classified_by = false;
    for (const HeaderField& f : fields) {
        switch (f.label) {
        case HeaderLabel::eo:
            if (!have_eo) {
                have_eo = true;
                t.eo_line = capped(text::collapse_spaces(f.value));
                t.declassification = capped(declassification_of(t.eo_line));
            }
            break;
        case HeaderLabel::tags:
            if (!have_tags) {
                std::string joined = f.value;
                std::replace(joined.begin(), joined.end(), '\n', ' ');
                TagList list = parse_tag_value(text::strip_markdown(joined), limits::max_tags);
                have_tags = !list.tags.empty();
                t.tags = std::move(list.tags);
                if (list.capped) {
                    sink.warning(f.line,
                        "more than " + std::to_string(limits::max_tags) + " TAGS; the rest are ignored");
                }
            }
            break;
        case HeaderLabel::subject:
            if (!have_subject) {
                t.subject = capped(clean_subject(text::strip_markdown(f.value)));
                have_subject = !t.subject.empty();
            }
            break;
        case HeaderLabel::ref:
            if (!have_refs) {
                RefList list
                    = parse_ref_value(text::strip_markdown(f.value), t.year, hints.era, limits::max_refs);
                have_refs = !list.refs.empty();
                t.refs = std::move(list.refs);
                if (list.capped) {
                    sink.warning(f.line,
                        "more than " + std::to_string(limits::max_refs)
                            + " REF entries; the rest are ignored");
                }
            }
            break;
        case HeaderLabel::classified_by:
            if (!have_classified_by) {
                have_classified_by = true;
                t.classified_by = capped(clean_classified_by(f.value));
            }
            break;
        case HeaderLabel::none:
            break;
        }
    }
}

// A repeated cable ("FOLLOWING ... QUOTE"): the outer cable's fields stand; only a subject or TAGS
// the outer header lacks are taken from the quoted header.
void fill_from_quote(
    const Lines& lines, std::size_t quote_line, const TelegramHints& hints, Telegram& t, Sink& sink)
{
    if (!t.subject.empty() && !t.tags.empty()) {
        return;
    }
    const std::size_t stop = std::min(lines.size(), quote_line + banner_search_lines);
    for (std::size_t i = quote_line; i < stop; ++i) {
        if (!parse_banner(lines[i].text)) {
            continue;
        }
        Telegram quoted;
        quoted.year = t.year;
        std::vector<Diagnostic> ignored;
        Sink quiet(sink.file(), ignored);
        apply_fields(read_header_fields(lines, i + 1, header_end(lines, i + 1)), hints, quoted, quiet);
        if (t.subject.empty()) {
            t.subject = quoted.subject;
        }
        if (t.tags.empty()) {
            t.tags = quoted.tags;
        }
        return;
    }
}

void check_sections(const Lines& lines, std::size_t begin, std::size_t end, Sink& sink)
{
    int expected = 0;
    int count = 0;
    for (std::size_t i = begin; i < end; ++i) {
        const std::string_view t = lines[i].text;
        if (t.empty() || !text::is_upper(text::trim_left(t).empty() ? ' ' : text::trim_left(t)[0])) {
            continue;
        }
        const auto b = parse_banner(t);
        if (!b || b->section == 0) {
            continue;
        }
        if (expected == 0) {
            expected = b->section;
            count = b->section_count;
        }
        if (b->section != expected || b->section > b->section_count || b->section_count != count) {
            sink.warning(lines[i].number,
                "section " + std::to_string(b->section) + " of " + std::to_string(b->section_count)
                    + " is out of order, repeated or beyond the count; text kept as received");
            return;
        }
        ++expected;
    }
}

void warn_long_lines(const Lines& lines, std::size_t begin, std::size_t end, Sink& sink)
{
    for (std::size_t i = begin; i < end; ++i) {
        if (lines[i].text.size() > limits::max_line_bytes) {
            sink.warning(lines[i].number,
                "line is " + std::to_string(lines[i].text.size())
                    + " bytes long; the display text keeps the first "
                    + std::to_string(limits::max_line_bytes));
        }
    }
}

} // namespace

Telegram read_telegram(const Lines& input, const TelegramHints& hints, Sink& sink)
{
    Telegram t;
    t.year = hints.year_hint;
    Start s = find_start(input);
    t.routing_serial = s.routing_serial;
    Lines lines = input;
    std::size_t display_start = 0;
    std::size_t header_start = 0;
    if (s.dtg || s.has_fm) {
        t.found = true;
        display_start = s.dtg ? s.dtg_index : s.fm_index;
        if (s.dtg) {
            t.precedence = std::string(precedence_name(s.dtg->action_precedence));
            t.date = dtg_to_date(*s.dtg, hints.year_hint);
            if (!t.date) {
                sink.warning(
                    lines[s.dtg_index].number, "the date-time group names a day that does not exist");
            }
        }
        Addressees a = read_addressees(lines, display_start + (s.dtg ? 1 : 0), limits::max_addressees);
        t.from = std::move(a.from);
        t.to = std::move(a.to);
        t.info = std::move(a.info);
        t.excluded = std::move(a.excluded);
        header_start = a.end;
        find_banner_after(lines, a.end, s);
    } else if (s.banner) {
        t.found = true;
        display_start = s.banner_index;
    }
    if (t.date) {
        t.year = t.date->year;
    }
    if (s.banner) {
        lines = without_repeated_header(lines, s.banner_index);
        header_start = s.banner_index + 1;
        t.banner = s.banner;
        for (const std::string& c : s.banner->caveats) {
            add_caveat(t.caveats, c);
        }
    }
    if (!t.found) {
        while (display_start < lines.size() && text::is_blank(lines[display_start].text)) {
            ++display_start;
        }
    }
    if (display_start < lines.size()) {
        t.start_line = lines[display_start].number;
    }
    if (t.found) {
        const std::size_t hend = header_end(lines, header_start);
        read_caveat_lines(lines, header_start, hend, t);
        apply_fields(read_header_fields(lines, header_start, hend), hints, t, sink);
        if (hend < lines.size() && text::trim(lines[hend].text).starts_with("QUOTE")) {
            fill_from_quote(lines, hend, hints, t, sink);
        }
    }
    const SignatureResult sig = find_signature(lines, display_start, lines.size());
    t.signature = sig.signature;
    const std::size_t display_end = sig.found_text ? sig.last_line + 1 : display_start;
    const std::size_t first_banner = s.banner ? s.banner_index : lines.size();
    if (s.banner) {
        check_sections(lines, s.banner_index, display_end, sink);
    }
    warn_long_lines(lines, display_start, display_end, sink);
    DisplayOptions options;
    options.max_line_bytes = limits::max_line_bytes;
    t.display_text = build_display_text(lines, display_start, display_end, first_banner, options);
    return t;
}

std::string derived_id(const Telegram& t, IdEra era)
{
    if (t.year == 0) {
        return {};
    }
    if (t.banner && !t.banner->station.empty() && !t.banner->serial.empty()) {
        return make_cable_id(t.year, canonical_station(t.banner->station), t.banner->serial, era);
    }
    const std::string station = station_of_sender(t.from);
    if (station.empty() || t.routing_serial.empty()) {
        return {};
    }
    return make_cable_id(t.year, station, t.routing_serial, era);
}

} // namespace ck::cable
