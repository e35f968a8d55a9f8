// Only the rows inside the scroll view's window are drawn; each frame asks for the pages under that
// window and keeps the last few, so a fling through a large year reads a page now and then and the
// memory held stays bounded.
#include "screens/year_screen.hpp"

#include "screens/section_screen.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace ck::screens {

std::optional<int> neighbour_year(const std::vector<content::YearCount>& years, int year, int step)
{
    std::optional<int> best;
    for (const content::YearCount& y : years) {
        if (y.year <= 0 || y.cables <= 0) {
            continue;
        }
        if (step < 0 && y.year < year && (!best || y.year > *best)) {
            best = y.year;
        }
        if (step > 0 && y.year > year && (!best || y.year < *best)) {
            best = y.year;
        }
    }
    return best;
}

YearScreen::YearScreen(content::Pack* pack, int year)
    : m_pack(pack)
{
    if (m_pack != nullptr) {
        if (auto years = m_pack->years(); years.ok()) {
            m_years = std::move(*years);
        }
    }
    show_year(year);
}

void YearScreen::show_year(int year)
{
    m_year = year;
    m_count = 0;
    for (const content::YearCount& y : m_years) {
        if (y.year == year) {
            m_count += std::max<std::int64_t>(0, y.cables);
        }
    }
    m_pages.clear();
    m_side.reset();
    m_list.reset();
}

const content::CableSummary* YearScreen::row(std::size_t index)
{
    const std::size_t page = index / year_page_rows;
    auto it = std::find_if(m_pages.begin(), m_pages.end(), [&](const Page& p) { return p.index == page; });
    if (it == m_pages.end()) {
        if (m_pack == nullptr) {
            return nullptr;
        }
        auto rows = m_pack->cables_in_year(m_year, year_page_rows, page * year_page_rows);
        if (!rows.ok()) {
            return nullptr; // the row stays blank; the next frame asks again
        }
        if (m_pages.size() >= year_pages_kept) {
            m_pages.erase(m_pages.begin());
        }
        m_pages.push_back(Page { page, std::move(*rows) });
        it = std::prev(m_pages.end());
    } else if (std::next(it) != m_pages.end()) {
        std::rotate(it, std::next(it), m_pages.end()); // most recently used goes last
        it = std::prev(m_pages.end());
    }
    const std::size_t offset = index % year_page_rows;
    return offset < it->rows.size() ? &it->rows[offset] : nullptr;
}

float YearScreen::build_heading(ui::Canvas& canvas, const Env& env, Rect column)
{
    const ui::Theme& t = canvas.theme();
    float y = column.y;
    y += canvas.text({}, env.strings.get("timeline.title"), { column.x, y }, column.w, page_eyebrow_spec(t))
             .h;
    ui::TextSpec big = page_heading_spec(t);
    const bool dated = m_year > 0;
    big.style.size_px = t.text_px(dated ? t.type().title_mm : t.type().heading_mm);
    big.line_height = 1.1f;
    const std::string title = dated ? env.strings.format("year.title", { { "year", std::to_string(m_year) } })
                                    : env.strings.get("row.undated");
    y += canvas.text("year.heading", title, { column.x, y }, column.w, big).h + t.px(1.5f);
    const std::string count = dated
        ? env.strings.format(m_count == 1 ? "timeline.year_count_one" : "timeline.year_count",
            { { "n", group_digits(m_count) }, { "year", std::to_string(m_year) } })
        : cable_count(env.strings, m_count);
    ui::TextSpec meta = page_eyebrow_spec(t);
    meta.style.size_px = t.text_px(t.type().ui_mm * 0.85f);
    y += canvas.text("year.count", count, { column.x, y }, column.w, meta).h;
    if (!dated) {
        return y - column.y;
    }

    y += t.px(t.spacing().gap_mm * 1.5f);
    const float h = t.px(t.spacing().target_mm + 1);
    const float gap = t.px(t.spacing().target_gap_mm * 2);
    float x = column.x;
    for (const int step : { -1, 1 }) {
        const std::optional<int> other = neighbour_year(m_years, m_year, step);
        if (!other) {
            continue;
        }
        ui::ButtonSpec b;
        b.id = step < 0 ? "year.previous" : "year.next";
        const std::string label = env.strings.format("year.title", { { "year", std::to_string(*other) } });
        // The arrow sits on the side the year lies: "← 1976", "1978 →".
        b.label = step < 0 ? "← " + label : label + " →";
        b.accessible_label = env.strings.format(
            step < 0 ? "year.previous" : "year.next", { { "year", std::to_string(*other) } });
        b.look = ui::Look::outline;
        const float w = std::min(column.w, ui::button_width(canvas, b));
        if (x > column.x && x + w > column.right()) {
            x = column.x;
            y += h + gap;
        }
        b.rect = { x, y, w, h };
        ui::button(canvas, b);
        x += w + gap;
    }
    return y + h - column.y;
}

float YearScreen::build_rows(ui::Canvas& canvas, const Env& env, Rect column)
{
    const ui::Theme& t = canvas.theme();
    if (m_count <= 0) {
        return canvas
            .text("list.empty", env.strings.get("list.empty"), { column.x, column.y }, column.w,
                page_prose_spec(t))
            .h;
    }
    canvas.draw().fill_rect({ column.x, column.y, column.w, std::max(1.0f, t.px(0.25f)) }, t.palette().rule);
    const CableRowMetrics metrics = cable_row_metrics(canvas, env.strings.lang());
    const content::CableSummary blank;
    CableRowSpec spec;
    spec.cable = &blank;
    spec.width = column.w;
    spec.fit = RowFit::two_lines;
    const float row_h = cable_row_height(canvas, metrics, spec);
    const Rect visible = canvas.clip();
    const auto count = static_cast<std::size_t>(m_count);
    const auto first = static_cast<std::size_t>(std::max(0.0f, std::floor((visible.y - column.y) / row_h)));
    const auto last = std::min(
        count, static_cast<std::size_t>(std::max(0.0f, std::ceil((visible.bottom() - column.y) / row_h))));
    for (std::size_t i = first; i < last; ++i) {
        const content::CableSummary* cable = row(i);
        if (cable == nullptr) {
            continue;
        }
        spec.cable = cable;
        spec.origin = { column.x, column.y + static_cast<float>(i) * row_h };
        cable_row(canvas, metrics, spec, env.strings);
    }
    return static_cast<float>(count) * row_h;
}

void YearScreen::build(ui::Canvas& canvas, const Env& env)
{
    const ui::Theme& t = canvas.theme();
    const float margin = t.px(t.spacing().margin_mm);
    const PageColumns cols = page_columns(t, env);
    if (cols.split) {
        m_side.begin(canvas, cols.side_view);
        const float heading_h = build_heading(canvas, env, cols.side);
        m_side.end(canvas, cols.side.y + heading_h + margin);
        m_list.begin(canvas, cols.main_view);
        const float rows_h = build_rows(canvas, env, cols.main);
        m_list.end(canvas, cols.main.y + rows_h + margin);
        return;
    }
    m_list.begin(canvas, cols.main_view);
    float y = cols.main.y + build_heading(canvas, env, cols.main) + t.px(t.spacing().section_gap_mm);
    y += build_rows(canvas, env, { cols.main.x, y, cols.main.w, 0 });
    m_list.end(canvas, y + margin);
}

Intent YearScreen::on_tap(const ui::Widget& widget, const Env& /*env*/)
{
    if (const std::string_view cable = row_cable_id(widget); !cable.empty()) {
        return Intent::of(Intent::Kind::open_cable, std::string(cable));
    }
    if (widget.id == "year.previous" || widget.id == "year.next") {
        if (const auto other = neighbour_year(m_years, m_year, widget.id == "year.previous" ? -1 : 1)) {
            show_year(*other);
        }
    }
    return Intent::none();
}

Intent YearScreen::on_gesture(const input::Gesture& gesture, const Env& /*env*/)
{
    if (!m_list.on_gesture(gesture)) {
        m_side.on_gesture(gesture);
    }
    return Intent::none();
}

void YearScreen::advance(Millis now)
{
    m_side.advance(now);
    m_list.advance(now);
}

bool YearScreen::animating() const
{
    return m_side.animating() || m_list.animating();
}

} // namespace ck::screens
