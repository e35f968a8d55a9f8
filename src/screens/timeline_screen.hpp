// Timeline: the collection by year, one row per decade with a cell per year, each cell a bar as
// tall as the year's share of the busiest year and its count; a year with cables opens its list
// (Intent::open_year). The bucketing is pure and tested on its own.
#pragma once

#include "screens/screen.hpp"
#include "screens/scroll_view.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace ck::screens {

struct DecadeRow {
    int decade = 0; // 1970 for the 1970s
    std::array<std::int64_t, 10> counts {}; // counts[i]: cables dated decade + i
    bool gap_before = false; // decades with no cables were left out just before this one
    friend bool operator==(const DecadeRow&, const DecadeRow&) = default;
};

struct TimelineBuckets {
    std::vector<DecadeRow> decades; // in order; empty when no cable has a year
    std::int64_t max_count = 0; // the busiest year's count (bars are drawn against it)
    std::int64_t total = 0; // dated cables
    std::int64_t undated = 0; // cables without a year (year 0 or less)
    int first_year = 0;
    int last_year = 0;
};

// Decades between two that have cables are kept when the gap is short (so a quiet decade shows as
// quiet); a longer gap is left out and marked, so a stray date cannot stretch the chart.
inline constexpr int max_empty_decades_kept = 2;
TimelineBuckets bucket_years(const std::vector<content::YearCount>& years);

// Cables drawn one sheet each, in rows of up to `per_row` sheets piled from the baseline.
struct SheetLayout {
    int per_row = 0; // 0: too many cables for sheets; draw proportional bars instead
    float w = 0;
    float h = 0;
    float gap = 0;
    [[nodiscard]] bool fits() const { return per_row > 0; }
    // The height of a pile of `count` sheets.
    [[nodiscard]] float stack_height(std::int64_t count) const;
};

inline constexpr int max_sheets_per_row = 4;
inline constexpr float sheet_aspect = 1.3f; // height over width, a sheet of paper standing up

// The largest sheets (no wider than `max_w`) that let the busiest year's pile fit a box of `width` x
// `height`, trying 1 to max_sheets_per_row sheets a row; per_row 0 when they would be under `min_w`.
SheetLayout sheet_layout(
    std::int64_t max_count, float width, float height, float min_w, float max_w, float gap);

class TimelineScreen final : public Screen {
public:
    explicit TimelineScreen(content::Pack* pack);

    [[nodiscard]] ScreenId id() const override { return ScreenId::timeline; }
    void build(ui::Canvas& canvas, const Env& env) override;
    Intent on_tap(const ui::Widget& widget, const Env& env) override;
    Intent on_gesture(const input::Gesture& gesture, const Env& env) override;
    void advance(Millis now) override;
    [[nodiscard]] bool animating() const override;

private:
    struct Grid {
        float label_w = 0; // decade labels beside the cells (landscape); 0: above them
        float label_h = 0; // decade label line above the cells (portrait)
        float count_h = 0;
        float bar_h = 0;
        float year_h = 0;
        float row_gap = 0;
        float cell_w = 0;
        SheetLayout sheets;
        [[nodiscard]] float row_h() const { return label_h + count_h + bar_h + year_h; }
    };

    float build_heading(ui::Canvas& canvas, const Env& env, Rect column);
    float build_chart(ui::Canvas& canvas, const Env& env, Rect area);
    Grid grid_for(ui::Canvas& canvas, const Env& env, Rect area) const;
    float build_decade(ui::Canvas& canvas, const Env& env, const DecadeRow& row, const Grid& grid, Rect area);
    void build_year_cell(
        ui::Canvas& canvas, const Env& env, int year, std::int64_t count, const Grid& grid, Rect cell);

    TimelineBuckets m_buckets;
    ScrollView m_side;
    ScrollView m_scroll;
};

} // namespace ck::screens
