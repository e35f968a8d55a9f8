// Year: the cables of one year as rows, opened from the timeline, with buttons to the years before
// and after that have cables (they change the year in place, so Back still returns to the
// timeline). A year of a large archive holds tens of thousands of cables: rows have one height
// and are read from the pack a page at a time, only around what is on screen.
#pragma once

#include "screens/cable_row.hpp"
#include "screens/screen.hpp"
#include "screens/scroll_view.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace ck::screens {

inline constexpr std::size_t year_page_rows = 48;
inline constexpr std::size_t year_pages_kept = 12;

// The nearest year before (step -1) or after (step +1) `year` that has cables and a date.
std::optional<int> neighbour_year(const std::vector<content::YearCount>& years, int year, int step);

class YearScreen final : public Screen {
public:
    YearScreen(content::Pack* pack, int year);

    [[nodiscard]] ScreenId id() const override { return ScreenId::year; }
    void build(ui::Canvas& canvas, const Env& env) override;
    Intent on_tap(const ui::Widget& widget, const Env& env) override;
    Intent on_gesture(const input::Gesture& gesture, const Env& env) override;
    void advance(Millis now) override;
    [[nodiscard]] bool animating() const override;

    [[nodiscard]] int year() const { return m_year; }
    [[nodiscard]] std::int64_t count() const { return m_count; }
    // Pages of rows held in memory now (bounded by year_pages_kept).
    [[nodiscard]] std::size_t pages_held() const { return m_pages.size(); }

private:
    struct Page {
        std::size_t index = 0;
        std::vector<content::CableSummary> rows;
    };

    void show_year(int year);
    const content::CableSummary* row(std::size_t index);
    float build_heading(ui::Canvas& canvas, const Env& env, Rect column);
    float build_rows(ui::Canvas& canvas, const Env& env, Rect column);

    content::Pack* m_pack;
    std::vector<content::YearCount> m_years;
    int m_year = 0;
    std::int64_t m_count = 0;
    std::vector<Page> m_pages; // most recently used last
    ScrollView m_side;
    ScrollView m_list;
};

} // namespace ck::screens
