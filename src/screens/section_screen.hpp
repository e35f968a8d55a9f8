// Section: the section's title and caption, then its cables as rows (cable_row.hpp); a row opens
// the cable. In landscape the title and caption stand in a side column beside the list, as on the
// home screen; in portrait they head one scrolling column.
#pragma once

#include "screens/cable_row.hpp"
#include "screens/screen.hpp"
#include "screens/scroll_view.hpp"

#include <string>
#include <vector>

namespace ck::screens {

// The frame the list screens share (section, year, about): a side column beside the main one in
// landscape, one column in portrait. Views are in screen coordinates; `side` and `main` are the
// content columns inside their views (x and width; y is where content starts).
struct PageColumns {
    bool split = false;
    Rect side_view;
    Rect main_view;
    Rect side;
    Rect main;
};
// `side_share`: the side column's part of the width inside the margins.
PageColumns page_columns(const ui::Theme& theme, const Env& env, float side_share = 0.34f);

// Text styles the list screens share, so their headings and intros match the home screen's.
ui::TextSpec page_heading_spec(const ui::Theme& theme);
ui::TextSpec page_eyebrow_spec(const ui::Theme& theme);
ui::TextSpec page_prose_spec(const ui::Theme& theme);
// The longest comfortable line for prose: about 38 em of its size (some 80 Latin characters).
float prose_measure(const ui::Theme& theme);

// Japanese headings break only between phrases: after a space or after 、 and 。, never inside a
// word such as 戦略物資, and balanced so that the lines are of similar length. Returns the text with
// '\n' at the chosen breaks, or unchanged when it has no CJK text or a phrase is wider than `width`.
std::string phrase_lines(
    text::FontSet& fonts, std::string_view text, const text::TextStyle& style, float width);

// "1985–2008" with a word joiner after the dash, so a heading never breaks inside a range of years.
std::string keep_ranges_together(std::string_view text);

// Draws a heading (page_heading_spec or a variant): balanced by words for Latin text, by phrases for
// Japanese. Returns the size it took.
Size page_heading(ui::Canvas& canvas, std::string_view id, std::string_view text, Point origin, float width,
    ui::TextSpec spec);

class SectionScreen final : public Screen {
public:
    SectionScreen(content::Pack* pack, const std::string& section_id);

    [[nodiscard]] ScreenId id() const override { return ScreenId::section; }
    void build(ui::Canvas& canvas, const Env& env) override;
    Intent on_tap(const ui::Widget& widget, const Env& env) override;
    Intent on_gesture(const input::Gesture& gesture, const Env& env) override;
    void advance(Millis now) override;
    [[nodiscard]] bool animating() const override;

private:
    float build_intro(ui::Canvas& canvas, const Env& env, Rect column);
    float build_rows(ui::Canvas& canvas, const Env& env, Rect column);

    content::Pack* m_pack;
    const content::Section* m_section = nullptr;
    std::vector<content::CableSummary> m_cables;
    int m_first_year = 0;
    int m_last_year = 0;
    ScrollView m_side;
    ScrollView m_list;
};

} // namespace ck::screens
