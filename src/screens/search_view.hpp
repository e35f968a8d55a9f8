// Drawing the parts of the search screen into a Canvas: the text field with its caret and
// underlined composition, wrapping rows of chips, and the words that say how many were found
// (pure, so tests check them without fonts). Result rows are the lists' cable rows (cable_row.hpp)
// with the query's words marked. No state of its own, no searching.
#pragma once

#include "content/search.hpp"
#include "screens/cable_row.hpp"
#include "screens/screen.hpp"
#include "screens/search_field.hpp"
#include "screens/search_worker.hpp"
#include "ui/widgets.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ck::screens {

// "12 cables found", "1 cable found", "About 3,400 cables found".
std::string count_text(const Strings& strings, std::int64_t total, bool estimate);
// How the list is ordered, for the line under the count.
std::string ranking_text(const Strings& strings, content::Ranking ranking);
// "Also searched: 日本: japan, tokyo, goj" (search.widened), for the words the variants list widened.
std::string widened_text(const Strings& strings, const std::vector<content::Widened>& widened);

// Canvas::text with a widget id that is not a layout-cache id: the cache keys the layout by the
// text itself, since these texts change with the language and the count under the same id.
Size labelled_text(ui::Canvas& canvas, std::string_view widget_id, std::string_view text, Point origin,
    float max_width, const ui::TextSpec& spec);

// The field's horizontal scroll, kept between frames so the caret stays in view.
struct FieldScroll {
    float x = 0;
};

// Draws the search box in `rect` (a text_field widget labelled with its text or placeholder) and
// its clear button.
void draw_field(ui::Canvas& canvas, const Env& env, Rect rect, const SearchField& field, FieldScroll& scroll);

struct ChipSpec {
    std::string id;
    std::string label;
    bool selected = false;
    ui::Look look = ui::Look::chip;
    ui::Icon icon = ui::Icon::none;
};
// Chips flowing left to right and wrapping, at most `max_rows` rows (0: any). Returns the height;
// `rects`, when given, receives where each chip went (fewer when rows ran out).
float draw_chips(ui::Canvas& canvas, Rect area, const std::vector<ChipSpec>& chips, int max_rows = 0,
    std::vector<Rect>* rects = nullptr);
// The height draw_chips would take, without drawing.
float measure_chips(ui::Canvas& canvas, float width, const std::vector<ChipSpec>& chips, int max_rows = 0);
float chip_height(const ui::Theme& theme);

// The tallest a result row can be (two lines of subject, two of snippet): the height a row not yet
// laid out is given, so rows far below the visible part cost nothing until they scroll into view.
float result_row_max_height(const CableRowMetrics& metrics);

} // namespace ck::screens
