// The staff pages that do not scroll: the display's test patterns, the touch trace and accuracy
// test, the pack, performance, visits and actions. Same paper, type and touch sizes as the rest.
#include "app/staff_draw.hpp"
#include "app/staff_mode.hpp"
#include "app/staff_strings.hpp"
#include "core/log_ring.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <optional>
#include <tuple>

namespace ck::app {

using namespace staff_draw;
using ui::Color;
namespace {

constexpr int pattern_count = 8;

} // namespace

void StaffMode::build_display_intro(ui::Canvas& canvas, Rect area)
{
    const ui::Theme& t = canvas.theme();
    const Pen pen { canvas, t, t.palette().paper };
    const float width = std::min(area.w, t.px(220));
    const Size h = pen.put("staff.display.intro", staff_text(m_lang, "display.intro"), { area.x, area.y },
        width, t.type().ui_mm);
    ui::ButtonSpec start;
    start.id = "staff.display.start";
    start.label = staff_text(m_lang, "display.start");
    start.look = ui::Look::filled;
    start.rect = { area.x, area.y + h.h + t.px(t.spacing().gap_mm * 2), ui::button_width(canvas, start),
        t.px(t.spacing().primary_target_mm) };
    ui::button(canvas, start);
    // A small preview of each pattern, in order.
    const float sw = t.px(40);
    const float sh = sw * 9 / 16;
    float x = area.x;
    const float y = start.rect.bottom() + t.px(t.spacing().gap_mm * 2);
    const std::array<Color, 8> swatch = { Color { 192, 192, 0, 255 }, Color { 40, 40, 40, 255 },
        Color { 128, 128, 128, 255 }, Color { 255, 255, 255, 255 }, Color { 0, 0, 0, 255 },
        Color { 255, 0, 0, 255 }, Color { 0, 255, 0, 255 }, Color { 0, 0, 255, 255 } };
    for (std::size_t i = 0; i < swatch.size() && x + sw <= area.right(); ++i) {
        canvas.draw().fill_rect({ x, y, sw, sh }, swatch[i]);
        canvas.draw().stroke_rounded_rect({ x, y, sw, sh }, 0, 1, t.palette().rule);
        x += sw + t.px(3);
    }
}

void StaffMode::build_pattern(ui::Canvas& canvas, Size size)
{
    ui::DrawList& d = canvas.draw();
    const int index = *m_pattern;
    const auto W = size.w;
    const auto H = size.h;
    switch (index) {
    case 0: { // colour bars: white, yellow, cyan, green, magenta, red, blue, black
        const std::array<Color, 8> bars = { Color { 255, 255, 255, 255 }, Color { 255, 255, 0, 255 },
            Color { 0, 255, 255, 255 }, Color { 0, 255, 0, 255 }, Color { 255, 0, 255, 255 },
            Color { 255, 0, 0, 255 }, Color { 0, 0, 255, 255 }, Color { 0, 0, 0, 255 } };
        for (std::size_t i = 0; i < bars.size(); ++i) {
            const float x0 = std::round(W * static_cast<float>(i) / 8);
            const float x1 = std::round(W * static_cast<float>(i + 1) / 8);
            d.fill_rect({ x0, 0, x1 - x0, H }, bars[i]);
        }
        break;
    }
    case 1: { // a 1-pixel grid every 16 pixels, white on black, with the outermost pixels lit
        d.fill_rect({ 0, 0, W, H }, Color { 0, 0, 0, 255 });
        const Color line { 255, 255, 255, 255 };
        for (float x = 0; x < W; x += 16) {
            d.fill_rect({ x, 0, 1, H }, line);
        }
        for (float y = 0; y < H; y += 16) {
            d.fill_rect({ 0, y, W, 1 }, line);
        }
        d.fill_rect({ W - 1, 0, 1, H }, line);
        d.fill_rect({ 0, H - 1, W, 1 }, line);
        break;
    }
    case 2: { // a grey ramp: 32 steps above, a smooth ramp below
        for (int i = 0; i < 32; ++i) {
            const auto v = static_cast<std::uint8_t>(std::lround(255.0 * i / 31));
            const float x0 = std::round(W * static_cast<float>(i) / 32);
            const float x1 = std::round(W * static_cast<float>(i + 1) / 32);
            d.fill_rect({ x0, 0, x1 - x0, std::round(H / 2) }, Color { v, v, v, 255 });
        }
        for (int x = 0; x < static_cast<int>(W); ++x) {
            const auto v = static_cast<std::uint8_t>(
                std::lround(255.0 * x / std::max(1.0, static_cast<double>(W) - 1)));
            d.fill_rect({ static_cast<float>(x), std::round(H / 2), 1, H - std::round(H / 2) },
                Color { v, v, v, 255 });
        }
        break;
    }
    default: {
        const std::array<Color, 5> solids = { Color { 255, 255, 255, 255 }, Color { 0, 0, 0, 255 },
            Color { 255, 0, 0, 255 }, Color { 0, 255, 0, 255 }, Color { 0, 0, 255, 255 } };
        d.fill_rect({ 0, 0, W, H }, solids[static_cast<std::size_t>(std::clamp(index - 3, 0, 4))]);
        break;
    }
    }
    ui::Widget w;
    w.id = "staff.pattern";
    w.role = ui::Role::region;
    w.label = "Test pattern " + std::to_string(index + 1) + " of " + std::to_string(pattern_count);
    w.rect = { 0, 0, W, H };
    w.interactive = true;
    canvas.add_widget(w);
}

void StaffMode::build_trace(ui::Canvas& canvas, Rect area)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const Pen pen { canvas, t, p.paper };
    const float gap = t.px(t.spacing().gap_mm);
    ui::ButtonSpec clear;
    clear.id = "staff.trace.clear";
    clear.label = staff_text(m_lang, "trace.clear");
    clear.look = ui::Look::outline;
    const float cw = ui::button_width(canvas, clear);
    const float bh = t.px(t.spacing().target_mm + 2);
    clear.rect = { area.right() - cw, area.y, cw, bh };
    ui::button(canvas, clear);
    const float tw = clear.rect.x - area.x - gap;
    float y = area.y;
    y += pen.put("staff.trace.intro", staff_text(m_lang, "trace.intro"), { area.x, y }, tw, t.type().ui_mm).h;
    std::string devices;
    for (const std::string& d :
        m_services.touch_devices ? m_services.touch_devices() : std::vector<std::string> {}) {
        devices += (devices.empty() ? "" : ", ") + d;
    }
    if (devices.empty()) {
        devices = staff_text(m_lang, "trace.no_devices");
    }
    const std::string facts = staff_format(m_lang, "trace.devices", { { "list", devices } }) + "   ·   "
        + staff_format(
            m_lang, "trace.rotation", { { "deg", m_services.rotation.empty() ? "0" : m_services.rotation } })
        + "   ·   " + staff_format(m_lang, "trace.fingers", { { "n", std::to_string(m_fingers_seen) } });
    y += pen.put("staff.trace.facts", facts, { area.x, y + gap / 2 }, tw, t.type().caption_mm,
                text::Weight::regular, p.secondary)
             .h
        + gap / 2;
    if (!m_services.mapping.empty()) {
        y += pen.put("staff.trace.mapping",
                    staff_format(m_lang, "trace.mapping", { { "text", m_services.mapping } }), { area.x, y },
                    area.w, t.type().caption_mm, text::Weight::regular, p.secondary)
                 .h;
    }
    y += gap;
    const Rect box { area.x, y, area.w, area.bottom() - y };
    m_trace_area = box;
    canvas.draw().fill_rounded_rect(box, t.px(t.spacing().corner_mm), p.card);
    canvas.draw().stroke_rounded_rect(box, t.px(t.spacing().corner_mm), std::max(1.0f, t.px(0.3f)), p.rule);
    ui::Widget region;
    region.id = "staff.trace.area";
    region.role = ui::Role::region;
    region.label = staff_text(m_lang, "tab.trace");
    region.rect = box;
    canvas.add_widget(region);
    canvas.push_clip(box);
    const float stroke = std::max(2.0f, t.px(0.8f));
    for (const auto& entry : m_traces) {
        const Trace& tr = entry.second;
        for (std::size_t i = 1; i < tr.path.size(); ++i) {
            canvas.draw().line(tr.path[i - 1], tr.path[i], stroke, p.accent);
        }
        const Point last = tr.path.back();
        const float r = t.px(tr.down ? 6 : 4);
        if (tr.down) {
            canvas.draw().fill_circle(last, r, p.accent_soft);
        }
        canvas.draw().stroke_circle(last, r, stroke, p.accent);
        canvas.draw().fill_circle(tr.path.front(), t.px(1.2f), p.ink);
        const std::string label = "id " + std::to_string(entry.first);
        ui::TextSpec spec;
        spec.style = { text::Family::sans, text::Weight::semibold, t.text_px(t.type().caption_mm) };
        spec.color = p.ink;
        spec.background = p.card;
        // Above and to the right of the finger, clear of its path's last stretch.
        canvas.text("staff.trace.finger:" + std::to_string(entry.first), label,
            { last.x + r * 0.7f, last.y - r * 0.7f - spec.style.size_px * 1.35f }, t.px(60), spec);
    }
    canvas.pop_clip();
}

void StaffMode::build_accuracy(ui::Canvas& canvas, Rect area)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const Pen pen { canvas, t, p.paper };
    const float gap = t.px(t.spacing().gap_mm);
    float y = area.y;
    y += pen.put("staff.accuracy.intro", staff_text(m_lang, "accuracy.intro"), { area.x, y },
                std::min(area.w, t.px(220)), t.type().ui_mm)
             .h
        + gap * 2;
    ui::ButtonSpec start;
    start.id = "staff.accuracy.start";
    start.label = staff_text(m_lang, "accuracy.start");
    start.look = ui::Look::filled;
    start.rect = { area.x, y, ui::button_width(canvas, start), t.px(t.spacing().primary_target_mm) };
    ui::button(canvas, start);
    y = start.rect.bottom() + gap * 2;
    const bool measured = !m_targets.empty()
        && std::all_of(
            m_targets.begin(), m_targets.end(), [](const Target& x) { return x.error_mm.has_value(); });
    if (!measured) {
        pen.put("staff.accuracy.verdict", staff_text(m_lang, "accuracy.none"), { area.x, y }, area.w,
            t.type().ui_mm, text::Weight::regular, p.secondary);
        return;
    }
    float worst = 0;
    for (const Target& x : m_targets) {
        worst = std::max(worst, *x.error_mm);
    }
    constexpr float good_mm = 3.0f;
    constexpr float usable_mm = 6.0f;
    const selfcheck::Status status = worst <= good_mm ? selfcheck::Status::pass
        : worst <= usable_mm                          ? selfcheck::Status::warn
                                                      : selfcheck::Status::fail;
    const std::string key = status == selfcheck::Status::pass ? "accuracy.pass"
        : status == selfcheck::Status::warn                   ? "accuracy.warn"
                                                              : "accuracy.fail";
    const ui::BannerColors colors = status_colors(t, status);
    const std::string verdict
        = staff_format(m_lang, key, { { "mm", fixed(good_mm, 0) }, { "max", fixed(worst, 1) } });
    const text::TextStyle vs { text::Family::sans, text::Weight::semibold, t.text_px(t.type().ui_mm) };
    const auto vl = canvas.layout(verdict, vs, area.w - 2 * gap);
    const Rect band { area.x, y, std::min(area.w, vl->size().w + 2 * gap), vl->size().h + gap };
    canvas.draw().fill_rounded_rect(band, t.px(t.spacing().corner_mm), colors.background);
    ui::TextSpec vspec;
    vspec.style = vs;
    vspec.color = colors.text;
    vspec.background = colors.background;
    canvas.text(
        "staff.accuracy.verdict", verdict, { band.x + gap, band.y + gap / 2 }, area.w - 2 * gap, vspec);
    y = band.bottom() + gap * 1.5f;
    // A 3x3 table laid out like the screen: each cell is where its target was.
    const float cell_w = std::min(area.w / 3, t.px(70));
    const float cell_h = t.px(16);
    for (std::size_t i = 0; i < m_targets.size(); ++i) {
        const float cx = area.x + static_cast<float>(i % 3) * cell_w;
        const float cy = y + static_cast<float>(i / 3) * cell_h;
        const Target& x = m_targets[i];
        const float h = pen.put({}, staff_text(m_lang, "accuracy.target." + x.key), { cx, cy }, cell_w - gap,
                               t.type().caption_mm, text::Weight::regular, p.secondary)
                            .h;
        pen.put("staff.accuracy.error:" + x.key, fixed(*x.error_mm, 1) + " mm", { cx, cy + h }, cell_w - gap,
            t.type().ui_mm, text::Weight::semibold);
    }
}

void StaffMode::build_accuracy_run(ui::Canvas& canvas, Size size)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const Target& target = m_targets[*m_accuracy_step];
    ui::Widget region;
    region.id = "staff.accuracy.area";
    region.role = ui::Role::region;
    region.label = staff_text(m_lang, "tab.accuracy");
    region.rect = { 0, 0, size.w, size.h };
    region.interactive = true;
    canvas.add_widget(region);
    const float r = t.px(6);
    const float stroke = std::max(2.0f, t.px(0.5f));
    canvas.draw().stroke_circle(target.at, r, stroke, p.accent);
    canvas.draw().stroke_circle(target.at, r * 0.45f, stroke, p.accent);
    canvas.draw().fill_rect({ target.at.x - r * 1.6f, target.at.y - stroke / 2, r * 3.2f, stroke }, p.ink);
    canvas.draw().fill_rect({ target.at.x - stroke / 2, target.at.y - r * 1.6f, stroke, r * 3.2f }, p.ink);
    const std::string prompt = staff_format(m_lang, "accuracy.prompt",
        { { "i", std::to_string(*m_accuracy_step + 1) }, { "n", std::to_string(m_targets.size()) } });
    ui::TextSpec spec;
    spec.style = { text::Family::sans, text::Weight::medium, t.text_px(t.type().ui_mm) };
    spec.color = p.ink;
    spec.background = p.paper;
    spec.align = text::Align::center;
    const float width = std::min(size.w - 2 * t.px(t.spacing().margin_mm), t.px(200));
    // The prompt sits between the centre and the target, never on it.
    const float y
        = target.at.y > size.h * 0.4f && target.at.y < size.h * 0.6f ? size.h * 0.3f : size.h / 2 - t.px(5);
    canvas.text("staff.accuracy.prompt", prompt, { size.w / 2 - width / 2, y }, width, spec);
}

void StaffMode::build_pack(ui::Canvas& canvas, Rect area, const StaffView& view)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const Pen pen { canvas, t, p.paper };
    const float gap = t.px(t.spacing().gap_mm);
    if (view.pack == nullptr) {
        pen.put("staff.pack.none", staff_text(m_lang, "pack.none"), { area.x, area.y },
            std::min(area.w, t.px(220)), t.type().ui_mm);
        return;
    }
    const content::PackInfo& info = view.pack->info();
    const std::string unknown = staff_text(m_lang, "pack.unknown");
    const std::vector<std::pair<std::string, std::string>> rows = {
        { "title", info.title },
        { "sequence", std::to_string(info.sequence) },
        { "signer", m_services.signer_key_id.empty() ? unknown : m_services.signer_key_id },
        { "built", info.build_time > 0 ? utc_text(info.build_time) : staff_text(m_lang, "pack.build_unset") },
        { "cables", std::to_string(info.cables) },
        { "size",
            m_services.pack_file_bytes >= 0 ? bytes_text(static_cast<double>(m_services.pack_file_bytes))
                                            : unknown },
        { "hash", info.content_hash },
        { "file", view.pack->path().filename().string() },
        { "previous", staff_text(m_lang, "pack.previous_none") },
    };
    const float key_w = std::min(t.px(75), area.w * 0.4f);
    float y = area.y;
    for (const auto& row : rows) {
        const float kh = pen.put({}, staff_text(m_lang, "pack." + row.first), { area.x, y }, key_w - gap,
                                t.type().ui_mm, text::Weight::regular, p.secondary)
                             .h;
        const text::Family family
            = row.first == "hash" || row.first == "signer" ? text::Family::mono : text::Family::sans;
        const float h = pen.put("staff.pack." + row.first, row.second, { area.x + key_w, y }, area.w - key_w,
                               t.type().ui_mm, text::Weight::medium, {}, ui::Role::text, family)
                            .h;
        y += std::max(h, kh) + gap;
    }
}

void StaffMode::build_performance(ui::Canvas& canvas, Rect area, const StaffView& view)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const Pen pen { canvas, t, p.paper };
    const float gap = t.px(t.spacing().gap_mm);
    const bool wide = area.w > area.h * 1.3f;
    const float graph_w = wide ? area.w * 0.58f : area.w;
    const auto& recent = view.frames.recent_ms();
    float y = area.y;
    y += pen.put("staff.perf.graph",
                staff_format(m_lang, "perf.graph", { { "n", std::to_string(FrameStats::kept) } }),
                { area.x, y }, graph_w, t.type().caption_mm, text::Weight::regular, p.secondary)
             .h
        + gap / 2;
    const Rect graph { area.x, y, graph_w, wide ? std::min(area.bottom() - y, t.px(110)) : t.px(70) };
    canvas.draw().fill_rect(graph, p.card);
    canvas.draw().stroke_rounded_rect(graph, 0, 1, p.rule);
    constexpr double scale_ms = 50.0; // the graph's top
    const float bar_w = graph.w / static_cast<float>(FrameStats::kept);
    for (std::size_t i = 0; i < recent.size(); ++i) {
        const float h = static_cast<float>(std::min(recent[i], scale_ms) / scale_ms) * graph.h;
        const float x = graph.x + static_cast<float>(FrameStats::kept - recent.size() + i) * bar_w;
        canvas.draw().fill_rect({ std::floor(x), graph.bottom() - h, std::max(1.0f, std::floor(bar_w)), h },
            recent[i] > 1000.0 / 60 ? t.banner("SECRET").background : p.accent);
    }
    const float budget_y = graph.bottom() - static_cast<float>(1000.0 / 60 / scale_ms) * graph.h;
    canvas.draw().fill_rect({ graph.x, std::round(budget_y), graph.w, 1 }, p.ink);

    const auto fmt_ms = [](std::optional<double> v) { return v ? fixed(*v, 2) : std::string("–"); };
    const auto glyphs = view.text.glyphs.stats();
    const auto layouts = view.text.layouts.stats();
    const auto rate = [](std::uint64_t hits, std::uint64_t misses) {
        const auto total = hits + misses;
        return total == 0 ? std::string("–")
                          : fixed(100.0 * static_cast<double>(hits) / static_cast<double>(total), 1) + " %";
    };
    const std::vector<std::pair<std::string, std::string>> rows = {
        { "fps", fixed(view.frames.fps(m_now), 0) },
        { "quantiles",
            view.frames.recent_ms().empty()
                ? staff_text(m_lang, "perf.none")
                : fmt_ms(view.frames.quantile(0.5)) + " / " + fmt_ms(view.frames.quantile(0.95)) + " / "
                    + fmt_ms(view.frames.quantile(0.99)) + " ms" },
        { "presented", std::to_string(view.frames.presented()) },
        { "rss", m_services.rss_bytes ? bytes_text(static_cast<double>(m_services.rss_bytes())) : "–" },
        { "atlas", fixed(100.0 * view.text.glyphs.atlas().fill_ratio(), 1) + " %" },
        { "glyphs",
            rate(glyphs.hits, glyphs.misses) + "  (" + std::to_string(glyphs.hits + glyphs.misses) + ")" },
        { "layouts",
            rate(layouts.hits, layouts.misses) + "  (" + std::to_string(layouts.hits + layouts.misses)
                + ")" },
    };
    float x = wide ? graph.right() + t.px(10) : area.x;
    float ry = wide ? area.y : graph.bottom() + gap * 1.5f;
    const float w = wide ? area.right() - x : area.w;
    for (const auto& row : rows) {
        const float h = pen.put({}, staff_text(m_lang, "perf." + row.first), { x, ry }, w,
                               t.type().caption_mm, text::Weight::regular, p.secondary)
                            .h;
        ry += h;
        ry += pen.put("staff.perf." + row.first, row.second, { x, ry }, w, t.type().ui_mm,
                     text::Weight::semibold)
                  .h
            + gap;
    }
}

void StaffMode::build_visits(ui::Canvas& canvas, Rect area, const StaffView& view)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const Pen pen { canvas, t, p.paper };
    const float gap = t.px(t.spacing().gap_mm);
    float y = area.y;
    y += pen.put("staff.visits.intro", staff_text(m_lang, "visits.intro"), { area.x, y },
                std::min(area.w, t.px(260)), t.type().caption_mm, text::Weight::regular, p.secondary)
             .h
        + gap * 1.5f;
    const int day = m_services.today ? m_services.today() : 0;
    const VisitCounts& all = view.visits.since_start();
    const VisitCounts today = view.visits.today(day);
    const bool wide = area.w > area.h * 1.3f;
    const float table_w = wide ? area.w * 0.55f : area.w;
    const float label_w = table_w * 0.5f;
    const float col_w = (table_w - label_w) / 2;
    pen.put({}, staff_text(m_lang, "visits.since_start"), { area.x + label_w, y }, col_w, t.type().caption_mm,
        text::Weight::semibold, p.secondary);
    y += pen.put({}, staff_text(m_lang, "visits.today"), { area.x + label_w + col_w, y }, col_w,
                t.type().caption_mm, text::Weight::semibold, p.secondary)
             .h
        + gap / 2;
    const auto median = [&](const VisitCounts& c) {
        const auto m = c.median_length_s();
        return m ? duration_text(m_lang, Millis { static_cast<Millis::rep>(*m * 1000) })
                 : staff_text(m_lang, "visits.no_median");
    };
    const std::vector<std::tuple<std::string, std::string, std::string>> rows = {
        { "visits", std::to_string(all.visits), std::to_string(today.visits) },
        { "opened", std::to_string(all.cables_opened), std::to_string(today.cables_opened) },
        { "searches", std::to_string(all.searches), std::to_string(today.searches) },
        { "nothing", std::to_string(all.searches_nothing_found),
            std::to_string(today.searches_nothing_found) },
        { "median", median(all), median(today) },
    };
    for (const auto& row : rows) {
        const std::string& key = std::get<0>(row);
        const float h
            = pen.put({}, staff_text(m_lang, "visits." + key), { area.x, y }, label_w - gap, t.type().ui_mm)
                  .h;
        pen.put("staff.visits.all." + key, std::get<1>(row), { area.x + label_w, y }, col_w - gap,
            t.type().ui_mm, text::Weight::semibold);
        pen.put("staff.visits.today." + key, std::get<2>(row), { area.x + label_w + col_w, y }, col_w - gap,
            t.type().ui_mm, text::Weight::semibold);
        y += h + gap;
        canvas.draw().fill_rect({ area.x, y - gap / 2, table_w, 1 }, p.rule);
    }
    float x = wide ? area.x + table_w + t.px(12) : area.x;
    float ty = wide ? area.y + t.px(16) : y + gap;
    const float w = wide ? area.right() - x : area.w;
    ty += pen.put({}, staff_text(m_lang, "visits.top"), { x, ty }, w, t.type().ui_mm, text::Weight::semibold)
              .h
        + gap / 2;
    const auto top = all.most_opened(10);
    if (top.empty()) {
        pen.put("staff.visits.top_none", staff_text(m_lang, "visits.top_none"), { x, ty }, w,
            t.type().caption_mm, text::Weight::regular, p.secondary);
    }
    int rank = 0;
    for (const auto& entry : top) {
        ++rank;
        ty += pen.put("staff.visits.top:" + entry.first,
                     std::to_string(rank) + ".  " + entry.first + "  ×" + std::to_string(entry.second),
                     { x, ty }, w, t.type().caption_mm, text::Weight::regular, {}, ui::Role::text,
                     text::Family::mono)
                  .h
            + gap / 3;
    }
}

void StaffMode::build_actions(ui::Canvas& canvas, Rect area)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const Pen pen { canvas, t, p.paper };
    const float gap = t.px(t.spacing().gap_mm);
    const float bh = t.px(t.spacing().primary_target_mm);
    const float note_w = std::min(area.w, t.px(200));
    float y = area.y;
    ui::ButtonSpec run;
    run.id = "staff.actions.run";
    run.label = staff_text(m_lang, "actions.run");
    run.look = ui::Look::filled;
    run.rect = { area.x, y, std::max(t.px(80), ui::button_width(canvas, run)), bh };
    ui::button(canvas, run);
    y += bh + gap * 3;

    // Save a report: into the import folder; without one, plainly not possible.
    const std::string save = staff_text(m_lang, "actions.save");
    if (!m_services.report_dir.empty()) {
        ui::ButtonSpec sb;
        sb.id = "staff.actions.save";
        sb.label = save;
        sb.look = ui::Look::outline;
        sb.rect = { area.x, y, std::max(t.px(80), ui::button_width(canvas, sb)), bh };
        ui::button(canvas, sb);
        y += bh + gap;
        const std::string note
            = m_report_message.empty() ? staff_text(m_lang, "actions.save_where") : m_report_message;
        y += pen.put("staff.actions.save_note", note, { area.x, y }, note_w, t.type().caption_mm,
                    text::Weight::regular, p.secondary)
                 .h
            + gap * 3;
    } else {
        const text::TextStyle ls { text::Family::sans, text::Weight::medium, t.text_px(t.type().ui_mm) };
        const auto sl = canvas.layout(save, ls, area.w);
        const Rect save_rect { area.x, y, std::max(t.px(80), sl->size().w + t.px(8)), bh };
        canvas.draw().stroke_rounded_rect(
            save_rect, t.px(t.spacing().corner_mm), std::max(1.0f, t.px(0.3f)), p.disabled);
        canvas.draw_layout(*sl,
            { save_rect.center().x - sl->size().w / 2, save_rect.center().y - sl->size().h / 2 }, p.disabled);
        ui::Widget sw;
        sw.id = "staff.actions.save";
        sw.role = ui::Role::button;
        sw.label = save;
        sw.rect = save_rect;
        sw.disabled = true;
        sw.text_color = p.disabled;
        sw.background = p.paper;
        sw.text_px = ls.size_px;
        canvas.add_widget(sw);
        y += bh + gap;
        y += pen.put("staff.actions.save_note", staff_text(m_lang, "actions.save_note"), { area.x, y },
                    note_w, t.type().caption_mm, text::Weight::regular, p.secondary)
                 .h
            + gap * 3;
    }

    ui::ButtonSpec leave;
    leave.id = "staff.actions.leave";
    leave.label = staff_text(m_lang, "actions.leave");
    leave.look = ui::Look::outline;
    leave.rect = { area.x, y, std::max(t.px(80), ui::button_width(canvas, leave)), bh };
    ui::button(canvas, leave);
    y += bh + gap;
    pen.put("staff.actions.leave_note", staff_text(m_lang, "actions.leave_note"), { area.x, y }, note_w,
        t.type().caption_mm, text::Weight::regular, p.secondary);
}

} // namespace ck::app
