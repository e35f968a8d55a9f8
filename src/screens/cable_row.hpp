// One cable in a list (a section, a year, search results): a classification stamp, the date, origin
// -> destination and the subject in the typewriter face, with an optional highlighted snippet. The
// wording helpers are pure and tested on their own; drawing goes through a ui::Canvas only.
#pragma once

#include "content/pack_types.hpp"
#include "content/search.hpp"
#include "screens/strings.hpp"
#include "ui/canvas.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ck::screens {

// --- Wording (pure) -------------------------------------------------------------------------

// The short marking a stamp shows: "LIMITED OFFICIAL USE" -> "LOU", "SECRET//NOFORN" -> "SECRET",
// "UNCLAS" -> "UNCLASSIFIED"; empty when the document carries no marking.
std::string stamp_marking(std::string_view classification);

// A date as a visitor reads it: "2008-06-24T00:53Z" -> "24 Jun 2008" in English, "2008年6月24日"
// in Japanese; "1977-07" -> "Jul 1977"; "1977" -> "1977". Empty when `iso` is not a date.
std::string natural_date(std::string_view iso, std::string_view lang);

// An addressee or an origin in a few words: "SECSTATE WASHDC" and "Secretary of State" ->
// "Washington", "AMEMBASSY TOKYO" -> "Embassy Tokyo", "KOREA COLLECTIVE" -> "Korea Collective".
// Text that is not all capitals ("Chief, FI/Division D") is kept as written, spaces tidied.
std::string short_place(std::string_view addressee);

// "Embassy Tokyo → Washington"; "From …" or "To …" when only one end is known; empty when neither.
std::string route_line(const content::CableSummary& cable, const Strings& strings);

// "1 cable", "40 cables", "1,204 cables" (section.count / section.count_one).
std::string cable_count(const Strings& strings, std::int64_t n);

// "1960–2010" (section.years), or "1999" (year.title) when both ends are one year.
std::string year_span(const Strings& strings, int from, int to);

// 251287 -> "251,287".
std::string group_digits(std::int64_t n);

// --- Drawing --------------------------------------------------------------------------------

// How tall a row is: as its subject needs, or always room for two subject lines (long lists that
// are drawn a window at a time need rows of one height).
enum class RowFit : std::uint8_t { content, two_lines };

struct CableRowSpec {
    const content::CableSummary* cable = nullptr; // required
    std::string id; // the widget id; "row:<cable id>" when empty
    Point origin; // top-left of the row
    float width = 0;
    RowFit fit = RowFit::content;
    // Search results: byte ranges of the subject to mark, and a snippet with its own ranges.
    std::vector<content::Highlight> subject_highlights;
    std::string snippet; // shown under the subject when not empty
    std::vector<content::Highlight> snippet_highlights;
};

// Sizes shared by every row of a list, from the theme and the language (the left column is as wide
// as the widest stamp or date can be, so the columns of a list line up).
struct CableRowMetrics {
    float pad_y = 0;
    float left_w = 0; // date and stamp column
    float gap = 0; // between the columns
    float chevron_w = 0; // the "opens" arrow at the right
    float route_gap = 0; // between the route and the subject
    text::TextStyle date_style;
    text::TextStyle stamp_style;
    text::TextStyle route_style;
    text::TextStyle subject_style;
    text::TextStyle snippet_style;
    float subject_line_height = 1.3f;
    float stamp_h = 0;
    float stamp_pad_x = 0;
};
CableRowMetrics cable_row_metrics(ui::Canvas& canvas, std::string_view lang);

// The height the row will take.
float cable_row_height(ui::Canvas& canvas, const CableRowMetrics& m, const CableRowSpec& spec);

// Draws the row (pressed look included) and records one interactive widget (role link) whose label
// reads date, route, marking and subject; returns the row's height.
float cable_row(
    ui::Canvas& canvas, const CableRowMetrics& m, const CableRowSpec& spec, const Strings& strings);

// A classification stamp: a rounded tag in the banner colour; returns its width (0 when no marking).
float draw_stamp(ui::Canvas& canvas, const CableRowMetrics& m, Point origin, std::string_view classification);

// The cable a row widget opens: "08TOKYO1723" for "row:08TOKYO1723", empty for any other widget.
std::string_view row_cable_id(const ui::Widget& widget);

} // namespace ck::screens
