// Decades as rows and years as columns read like a calendar at a glance, fit a 1080-pixel portrait
// width with cells wider than a fingertip, and keep every year in the same column from decade to
// decade. Bars are drawn against the busiest year so that heights compare across the whole chart.
#include "screens/timeline_screen.hpp"

#include "screens/cable_row.hpp"
#include "screens/section_screen.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace ck::screens {

TimelineBuckets bucket_years(const std::vector<content::YearCount>& years)
{
    TimelineBuckets out;
    std::map<int, DecadeRow> by_decade;
    for (const content::YearCount& y : years) {
        if (y.cables <= 0) {
            continue;
        }
        if (y.year <= 0) {
            out.undated += y.cables;
            continue;
        }
        const int decade = y.year - y.year % 10;
        DecadeRow& row = by_decade[decade];
        row.decade = decade;
        row.counts[static_cast<std::size_t>(y.year % 10)] += y.cables;
        out.total += y.cables;
        out.first_year = out.first_year == 0 ? y.year : std::min(out.first_year, y.year);
        out.last_year = std::max(out.last_year, y.year);
    }
    for (const auto& [decade, row] : by_decade) {
        for (const std::int64_t n : row.counts) {
            out.max_count = std::max(out.max_count, n);
        }
        if (!out.decades.empty()) {
            const int empty = (decade - out.decades.back().decade) / 10 - 1;
            if (empty > max_empty_decades_kept) {
                out.decades.push_back(row);
                out.decades.back().gap_before = true;
                continue;
            }
            for (int d = out.decades.back().decade + 10; d < decade; d += 10) {
                out.decades.push_back(DecadeRow { d, {}, false });
            }
        }
        out.decades.push_back(row);
    }
    return out;
}

namespace {

// Rows of `per_row` needed for `count` sheets (rounded up).
std::int64_t rows_for(std::int64_t count, int per_row)
{
    return (count + per_row - 1) / per_row;
}

} // namespace

SheetLayout sheet_layout(
    std::int64_t max_count, float width, float height, float min_w, float max_w, float gap)
{
    SheetLayout best;
    if (max_count <= 0 || width <= 0 || height <= 0) {
        return best;
    }
    for (int per_row = 1; per_row <= max_sheets_per_row; ++per_row) {
        const auto rows = static_cast<float>(rows_for(max_count, per_row));
        const float by_height = ((height + gap) / rows - gap) / sheet_aspect;
        const float by_width = (width - static_cast<float>(per_row - 1) * gap) / static_cast<float>(per_row);
        const float w = std::min({ by_height, by_width, max_w });
        if (w >= min_w && w > best.w + 0.5f) {
            best = SheetLayout { per_row, std::floor(w), std::floor(w * sheet_aspect), gap };
        }
    }
    return best;
}

float SheetLayout::stack_height(std::int64_t count) const
{
    const auto rows = static_cast<float>(rows_for(count, per_row));
    return rows * (h + gap) - gap;
}

TimelineScreen::TimelineScreen(content::Pack* pack)
{
    if (pack == nullptr) {
        return;
    }
    if (auto years = pack->years(); years.ok()) {
        m_buckets = bucket_years(*years);
    }
}

float TimelineScreen::build_heading(ui::Canvas& canvas, const Env& env, Rect column)
{
    const ui::Theme& t = canvas.theme();
    float y = column.y;
    y += page_heading(canvas, "timeline.title", env.strings.get("timeline.title"), { column.x, y }, column.w,
             page_heading_spec(t))
             .h
        + t.px(2.5f);
    std::string meta = cable_count(env.strings, m_buckets.total + m_buckets.undated);
    if (m_buckets.first_year > 0) {
        meta += "  ·  " + year_span(env.strings, m_buckets.first_year, m_buckets.last_year);
    }
    ui::TextSpec meta_spec = page_eyebrow_spec(t);
    meta_spec.style.size_px = t.text_px(t.type().ui_mm * 0.85f);
    y += canvas.text("timeline.meta", meta, { column.x, y }, column.w, meta_spec).h + t.px(1);
    ui::TextSpec hint = page_prose_spec(t);
    hint.color = t.palette().secondary;
    hint.style.size_px = t.text_px(t.type().caption_mm);
    y += canvas.text("timeline.hint", env.strings.get("timeline.hint"), { column.x, y }, column.w, hint).h;
    return y - column.y;
}

TimelineScreen::Grid TimelineScreen::grid_for(ui::Canvas& canvas, const Env& env, Rect area) const
{
    const ui::Theme& t = canvas.theme();
    Grid g;
    const float caption = t.text_px(t.type().caption_mm);
    const text::TextStyle decade_style { text::Family::sans, text::Weight::bold,
        t.text_px(t.type().subheading_mm * 0.8f) };
    if (!env.portrait) {
        const std::string widest = env.strings.format("timeline.decade", { { "decade", "2000" } });
        g.label_w = std::ceil(canvas.text().fonts.measure(widest, decade_style)) + t.px(8);
    } else {
        g.label_h = decade_style.size_px * 1.25f + t.px(1.5f);
    }
    g.count_h = caption * 1.35f;
    g.year_h = caption * 1.35f + t.px(1.5f);
    g.row_gap = t.px(env.portrait ? 7.0f : 4.0f);
    // The bars take what height is left, within limits that keep them readable and the rows compact.
    const auto rows = static_cast<float>(std::max<std::size_t>(1, m_buckets.decades.size()));
    const float fixed = g.label_h + g.count_h + g.year_h + g.row_gap;
    const float legend = caption * 1.4f + t.px(2);
    g.bar_h = std::clamp((area.h - legend - rows * fixed) / rows, t.px(9) * t.text_factor(), t.px(34));
    g.cell_w = (area.w - g.label_w) / 10;
    g.sheets = sheet_layout(m_buckets.max_count, g.cell_w * 0.62f, g.bar_h, t.px(1.6f), t.px(6), t.px(0.6f));
    if (g.sheets.fits()) {
        // Piles need only the busiest year's height; the rows close up around them.
        g.bar_h = g.sheets.stack_height(m_buckets.max_count) + t.px(0.6f);
    }
    return g;
}

void TimelineScreen::build_year_cell(
    ui::Canvas& canvas, const Env& env, int year, std::int64_t count, const Grid& grid, Rect cell)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const std::string id = "year:" + std::to_string(year);
    const bool pressed = count > 0 && canvas.is_pressed(id);
    const Rect target = cell.inset(t.px(1.1f), 0);
    const ui::Color bg = pressed ? p.accent_soft : p.paper;
    if (pressed) {
        canvas.draw().fill_rounded_rect(target, t.px(t.spacing().corner_mm), bg);
    }
    const float caption = t.text_px(t.type().caption_mm);
    const float baseline = cell.y + grid.count_h + grid.bar_h;
    ui::TextSpec label;
    label.style = { text::Family::sans, text::Weight::regular, caption };
    label.align = text::Align::center;
    label.max_lines = 1;
    label.background = bg;
    label.color = count > 0 ? p.ink : p.secondary;
    if (count <= 0) {
        label.style.size_px = caption * 0.82f; // a year without cables is only a mark on the axis
    }
    canvas.text({}, std::to_string(year), { cell.x, baseline + t.px(1.5f) }, cell.w, label);
    if (count <= 0) {
        return;
    }
    float top = baseline;
    if (grid.sheets.fits()) {
        // Few enough cables that each can be drawn as a sheet of its own (an Isotype chart): a year
        // reads as a small pile of documents, counted rather than measured, and a single cable is as
        // visible as any other. Rows fill from the bottom; a part row is centred on the pile.
        const SheetLayout& sh = grid.sheets;
        for (std::int64_t i = 0; i < count; ++i) {
            const std::int64_t row = i / sh.per_row;
            const std::int64_t in_row = std::min<std::int64_t>(sh.per_row, count - row * sh.per_row);
            const auto col = static_cast<float>(i % sh.per_row);
            const float row_w = static_cast<float>(in_row) * (sh.w + sh.gap) - sh.gap;
            const float x = std::round(cell.center().x - row_w / 2 + col * (sh.w + sh.gap));
            const float y = baseline - t.px(0.6f) - static_cast<float>(row + 1) * (sh.h + sh.gap) + sh.gap;
            canvas.draw().fill_rounded_rect(
                { x, std::round(y), sh.w, sh.h }, std::min(t.px(0.5f), sh.w / 4), p.accent);
        }
        top = baseline - t.px(0.6f) - sh.stack_height(count);
    } else {
        const float bar_w = std::min(cell.w * 0.42f, t.px(8));
        const auto share
            = static_cast<float>(count) / static_cast<float>(std::max<std::int64_t>(1, m_buckets.max_count));
        top = baseline - std::max(t.px(1.4f), std::round(grid.bar_h * share));
        canvas.draw().fill_rounded_rect({ cell.center().x - bar_w / 2, top, bar_w, baseline - top },
            std::min(bar_w / 2, t.px(0.9f)), p.accent);
    }
    label.style.weight = text::Weight::semibold;
    label.color = p.accent;
    canvas.text({}, group_digits(count), { cell.x, top - grid.count_h }, cell.w, label);

    ui::Widget w;
    w.id = id;
    w.role = ui::Role::link;
    w.label = env.strings.format(count == 1 ? "timeline.year_count_one" : "timeline.year_count",
        { { "n", group_digits(count) }, { "year", std::to_string(year) } });
    w.rect = target.translated(canvas.draw().offset().x, canvas.draw().offset().y);
    w.interactive = true;
    canvas.add_widget(std::move(w));
}

float TimelineScreen::build_decade(
    ui::Canvas& canvas, const Env& env, const DecadeRow& row, const Grid& grid, Rect area)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    float y = area.y;
    if (row.gap_before) {
        // A broken axis: decades without cables were left out here.
        const float dot = std::max(2.0f, t.px(0.7f));
        for (int i = -1; i <= 1; ++i) {
            canvas.draw().fill_circle(
                { area.x + grid.label_w + t.px(3) + static_cast<float>(i) * t.px(2.2f), y + t.px(1) },
                dot / 2, p.secondary);
        }
        y += t.px(4);
    }
    ui::TextSpec decade;
    decade.style = { text::Family::sans, text::Weight::bold, t.text_px(t.type().subheading_mm * 0.8f) };
    decade.color = p.ink;
    decade.background = p.paper;
    decade.role = ui::Role::heading;
    decade.max_lines = 1;
    decade.line_height = 1.25f;
    const std::string label
        = env.strings.format("timeline.decade", { { "decade", std::to_string(row.decade) } });
    const float baseline = y + grid.label_h + grid.count_h + grid.bar_h;
    if (grid.label_w > 0) {
        canvas.text({}, label, { area.x, baseline - decade.style.size_px * 1.25f }, grid.label_w, decade);
    } else {
        canvas.text({}, label, { area.x, y }, area.w, decade);
    }
    const float cells_x = area.x + grid.label_w;
    const float cell_w = (area.right() - cells_x) / 10;
    canvas.draw().fill_rect(
        { cells_x, baseline, area.right() - cells_x, std::max(1.0f, t.px(0.3f)) }, p.rule);
    for (std::size_t i = 0; i < row.counts.size(); ++i) {
        const Rect cell { cells_x + static_cast<float>(i) * cell_w, y + grid.label_h, cell_w,
            grid.count_h + grid.bar_h + grid.year_h };
        build_year_cell(canvas, env, row.decade + static_cast<int>(i), row.counts[i], grid, cell);
    }
    return y + grid.row_h() - area.y;
}

float TimelineScreen::build_chart(ui::Canvas& canvas, const Env& env, Rect area)
{
    const ui::Theme& t = canvas.theme();
    const Grid grid = grid_for(canvas, env, area);
    float y = area.y;
    for (const DecadeRow& row : m_buckets.decades) {
        y += build_decade(canvas, env, row, grid, { area.x, y, area.w, 0 }) + grid.row_gap;
    }
    if (m_buckets.undated > 0) {
        ui::ButtonSpec b;
        b.id = "year:0";
        b.label = env.strings.get("row.undated") + "  ·  " + cable_count(env.strings, m_buckets.undated);
        b.look = ui::Look::outline;
        b.role = ui::Role::link;
        b.text_mm = t.type().caption_mm;
        const float h = t.px(t.spacing().target_mm);
        b.rect
            = { area.x + grid.label_w, y, std::min(area.w - grid.label_w, ui::button_width(canvas, b)), h };
        ui::button(canvas, b);
        y += h + grid.row_gap;
    }
    if (m_buckets.decades.empty() && m_buckets.undated == 0) {
        y += canvas
                 .text("list.empty", env.strings.get("list.empty"), { area.x, y }, area.w, page_prose_spec(t))
                 .h
            + grid.row_gap;
    } else if (grid.sheets.fits()) {
        // The key to the chart, under it as a figure's caption: one sheet, and what it stands for.
        const SheetLayout& sh = grid.sheets;
        ui::TextSpec key = page_prose_spec(t);
        key.color = t.palette().secondary;
        key.style.size_px = t.text_px(t.type().caption_mm);
        key.line_height = 1.4f;
        const float x = area.x + grid.label_w;
        const float line_h = key.style.size_px * key.line_height;
        canvas.draw().fill_rounded_rect({ x, std::round(y + (line_h - sh.h) / 2), sh.w, sh.h },
            std::min(t.px(0.5f), sh.w / 4), t.palette().accent);
        y += canvas
                 .text("timeline.unit", env.strings.get("timeline.unit"), { x + sh.w + t.px(2.5f), y },
                     area.w - grid.label_w - sh.w - t.px(2.5f), key)
                 .h
            + grid.row_gap;
    }
    return y - grid.row_gap - area.y;
}

void TimelineScreen::build(ui::Canvas& canvas, const Env& env)
{
    const ui::Theme& t = canvas.theme();
    const float margin = t.px(t.spacing().margin_mm);
    // A narrow side column: the chart wants the width.
    const PageColumns cols = page_columns(t, env, 0.22f);
    if (cols.split) {
        m_side.begin(canvas, cols.side_view);
        const float heading_h = build_heading(canvas, env, cols.side);
        m_side.end(canvas, cols.side.y + heading_h + margin);
        m_scroll.begin(canvas, cols.main_view);
        const float chart_h = build_chart(
            canvas, env, { cols.main.x, cols.main.y, cols.main.w, cols.main_view.h - 2 * margin });
        m_scroll.end(canvas, cols.main.y + chart_h + margin);
        return;
    }
    m_scroll.begin(canvas, cols.main_view);
    float y = cols.main.y + build_heading(canvas, env, cols.main) + t.px(t.spacing().section_gap_mm);
    y += build_chart(canvas, env, { cols.main.x, y, cols.main.w, cols.main_view.h - margin - y });
    m_scroll.end(canvas, y + margin);
}

Intent TimelineScreen::on_tap(const ui::Widget& widget, const Env& /*env*/)
{
    constexpr std::string_view prefix = "year:";
    if (std::string_view(widget.id).substr(0, prefix.size()) != prefix) {
        return Intent::none();
    }
    int year = 0;
    const std::string_view digits = std::string_view(widget.id).substr(prefix.size());
    if (std::from_chars(digits.data(), digits.data() + digits.size(), year).ec != std::errc {}) {
        return Intent::none();
    }
    return Intent::of(Intent::Kind::open_year, {}, year);
}

Intent TimelineScreen::on_gesture(const input::Gesture& gesture, const Env& /*env*/)
{
    if (!m_scroll.on_gesture(gesture)) {
        m_side.on_gesture(gesture);
    }
    return Intent::none();
}

void TimelineScreen::advance(Millis now)
{
    m_side.advance(now);
    m_scroll.advance(now);
}

bool TimelineScreen::animating() const
{
    return m_side.animating() || m_scroll.animating();
}

} // namespace ck::screens
