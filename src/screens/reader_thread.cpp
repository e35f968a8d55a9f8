// Each step is one widget (a link, the open cable's plain row, or a placeholder), drawn as two lines
// beside a rail of dots: a filled accent dot for a cable to open, a larger ink dot for the open one,
// a hollow dot for a cable the collection lacks. The card is measured before it is drawn (its
// background goes under it) by the same functions, with drawing off.
#include "screens/reader_thread.hpp"

#include "core/log.hpp"
#include "screens/reader_text.hpp"
#include "screens/widget_ids.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <charconv>

namespace ck::screens {
namespace {

constexpr std::string_view step_prefix = "reader.thread:";

} // namespace

struct ReaderThread::Metrics {
    float pad = 0;
    float gap = 0;
    float rail_w = 0; // the column of the rail and its dots
    float dot_r = 0;
    float current_r = 0;
    float vpad = 0;
    float target = 0;
    float rule = 1;
    float corner = 0;
    ui::TextSpec heading;
    ui::TextSpec position;
    ui::TextSpec title;
    ui::TextSpec detail;
    ui::Palette palette;

    explicit Metrics(const ui::Theme& t)
        : pad(t.px(7))
        , gap(t.px(3.2f))
        , rail_w(t.px(8))
        , dot_r(t.px(1.9f))
        , current_r(t.px(2.6f))
        , vpad(t.px(2.2f))
        , target(t.px(t.spacing().target_mm))
        , rule(std::max(1.0f, t.px(0.25f)))
        , corner(t.px(t.spacing().corner_mm))
        , palette(t.palette())
    {
        const auto spec = [&](text::Family family, text::Weight weight, float mm, ui::Color color, float lh) {
            ui::TextSpec s;
            s.style = { family, weight, t.text_px(mm) };
            s.color = color;
            s.background = palette.card;
            s.line_height = lh;
            return s;
        };
        heading = spec(text::Family::sans, text::Weight::bold, t.type().ui_mm, palette.ink, 1.3f);
        heading.role = ui::Role::heading;
        position
            = spec(text::Family::sans, text::Weight::regular, t.type().caption_mm, palette.secondary, 1.4f);
        title
            = spec(text::Family::mono, text::Weight::bold, t.type().caption_mm * 1.05f, palette.accent, 1.3f);
        title.max_lines = 2;
        detail
            = spec(text::Family::sans, text::Weight::regular, t.type().caption_mm, palette.secondary, 1.35f);
        detail.max_lines = 1;
    }
};

ReaderThread::ReaderThread(content::Thread thread)
    : m_thread(std::move(thread))
{
}

std::unique_ptr<ReaderThread> ReaderThread::load(content::Pack& pack, const std::string& cable_id)
{
    auto thread = pack.thread(cable_id, radius);
    if (!thread.ok()) {
        // For staff; the visitor sees the reader without the card.
        log::warning(
            "reader", "the thread of " + cable_id + " cannot be read: " + thread.error().to_string());
        return nullptr;
    }
    if (thread->empty() || thread->current >= thread->steps.size()) {
        return nullptr;
    }
    return std::make_unique<ReaderThread>(std::move(*thread));
}

std::string ReaderThread::step_title(const content::ThreadStep& step) const
{
    if (step.in_pack()) {
        return step.cable.subject.empty() ? step.cable.id : step.cable.subject;
    }
    // What the id tells: the post and the number as a REF line writes them.
    return step.post.empty() ? step.missing_id : step.post + " " + step.serial;
}

std::string ReaderThread::step_detail(const Env& env, std::size_t index) const
{
    const content::ThreadStep& step = m_thread.steps[index];
    if (!step.in_pack()) {
        const std::string missing = env.strings.get("thread.missing");
        if (step.year == 0) {
            return missing;
        }
        return env.strings.format("thread.year", { { "year", std::to_string(step.year) } }) + "  ·  "
            + missing;
    }
    std::string detail;
    if (const auto date = cable::CableDate::from_iso(step.cable.date)) {
        detail = reader::format_date({ date->year, date->month, date->day, -1, -1 }, env.strings.lang());
    }
    const std::string tail = index == m_thread.current ? env.strings.get("thread.reading") : step.cable.id;
    return detail.empty() ? tail : detail + "  ·  " + tail;
}

// The open cable's row: the bar's warm tone; in high contrast, which has none, an outline.
void ReaderThread::draw_current_row(ui::Canvas& canvas, const Metrics& m, Rect row)
{
    canvas.draw().fill_rounded_rect(row, m.corner, m.palette.bar);
    if (canvas.theme().contrast() == ui::ContrastMode::high) {
        canvas.draw().stroke_rounded_rect(row, m.corner, std::max(2.0f, m.rule * 2), m.palette.ink);
    }
}

// A step's dot on the rail: a larger ink dot for the open cable, an accent dot for a cable to
// open, a hollow ring for a cable the collection lacks.
void ReaderThread::draw_dot(ui::Canvas& canvas, const Metrics& m, Point at, Dot kind, ui::Color behind)
{
    switch (kind) {
    case Dot::current:
        canvas.draw().fill_circle(at, m.current_r, m.palette.ink);
        return;
    case Dot::cable:
        canvas.draw().fill_circle(at, m.dot_r, m.palette.accent);
        return;
    case Dot::missing:
        canvas.draw().fill_circle(at, m.dot_r, behind);
        canvas.draw().stroke_circle(at, m.dot_r - m.rule, std::max(1.5f, m.rule * 1.5f), m.palette.secondary);
        return;
    }
}

float ReaderThread::build_step(ui::Canvas& canvas, const Env& env, const Metrics& m, Point at, float width,
    std::size_t index, Pass pass, float* dot_y)
{
    const ui::Theme& t = canvas.theme();
    const content::ThreadStep& step = m_thread.steps[index];
    const bool current = index == m_thread.current;
    const bool link = step.in_pack() && !current;
    const std::string id = std::string(step_prefix) + std::to_string(index);
    const bool pressed = !current && canvas.is_pressed(id);
    const float icon = t.text_px(t.type().caption_mm) * 1.1f;
    const float text_x = at.x + m.rail_w;
    const float text_w = width - m.rail_w - (link ? icon + t.px(3) : 0);
    const ui::Color bg = pressed ? m.palette.accent_soft : current ? m.palette.bar : m.palette.card;
    ui::TextSpec title = m.title;
    title.color = link ? m.palette.accent : current ? m.palette.ink : m.palette.secondary;
    const std::string title_text = step_title(step);
    const std::string detail_text = step_detail(env, index);
    // Balanced, like the header's subject: a title on two lines never leaves one word alone.
    const auto title_l = canvas.balanced_layout(
        title_text, title.style, text_w, text::Align::start, title.line_height, step.in_pack() ? 2 : 1);
    const auto detail_l = canvas.layout(detail_text, m.detail.style, text_w, text::WrapMode::words,
        text::Align::start, m.detail.line_height, m.detail.max_lines);
    const float content_h = title_l->size().h + t.px(0.8f) + detail_l->size().h;
    const float h = std::max(m.target, content_h + 2 * m.vpad);
    const float y = at.y + (h - content_h) / 2;
    const Point dot { at.x + m.rail_w / 2 - t.px(1.5f), y + title.style.size_px * title.line_height / 2 };
    if (dot_y != nullptr) {
        *dot_y = dot.y - at.y;
    }
    const Rect row { at.x - t.px(1.5f), at.y, width + t.px(3), h };
    if (pass == Pass::background && current) {
        draw_current_row(canvas, m, row);
    }
    if (pass != Pass::draw) {
        return h;
    }
    if (pressed) {
        canvas.draw().fill_rounded_rect(row, m.corner, bg);
    }
    draw_dot(canvas, m, dot, current ? Dot::current : step.in_pack() ? Dot::cable : Dot::missing, bg);
    canvas.draw_layout(*title_l, { text_x, y }, title.color);
    canvas.draw_layout(*detail_l, { text_x, y + title_l->size().h + t.px(0.8f) }, m.detail.color);
    if (link) {
        ui::draw_icon(canvas.draw(), ui::Icon::forward,
            { at.x + width - icon, at.y + (h - icon) / 2, icon, icon }, m.palette.accent,
            std::max(1.5f, icon * 0.09f));
    }
    ui::Widget w;
    w.id = id;
    w.role = current ? ui::Role::text : ui::Role::link;
    w.label = title_text + ": " + detail_text;
    w.rect = row.translated(canvas.draw().offset().x, canvas.draw().offset().y);
    w.interactive = !current;
    w.text_color = title.color;
    w.background = bg;
    w.text_px = m.detail.style.size_px;
    canvas.add_widget(std::move(w));
    return h;
}

float ReaderThread::contents(ui::Canvas& canvas, const Env& env, Rect column, bool draw)
{
    const Metrics m(canvas.theme());
    const float inner = column.w - 2 * m.pad;
    const float x = column.x + m.pad;
    float y = column.y + m.pad;
    const auto text = [&](const std::string& str, const ui::TextSpec& spec) {
        if (draw) {
            return canvas.text({}, str, { x, y }, inner, spec).h;
        }
        return canvas.layout(str, spec.style, inner, spec.wrap, spec.align, spec.line_height, spec.max_lines)
            ->size()
            .h;
    };
    y += text(env.strings.get("thread.heading"), m.heading);
    y += text(
        env.strings.format("thread.position",
            { { "n", std::to_string(m_thread.current_nth) }, { "total", std::to_string(m_thread.cables) } }),
        m.position);
    y += m.gap;
    const auto earlier = m_thread.first_pos;
    const auto later
        = m_thread.total_steps - m_thread.first_pos - static_cast<std::int64_t>(m_thread.steps.size());
    if (earlier > 0) {
        y += text(env.strings.format("thread.earlier", { { "n", std::to_string(earlier) } }), m.position);
    }
    // Heights first; then the open cable's highlight, the rail joining the dots, and the steps.
    std::vector<float> heights;
    std::vector<float> dots;
    for (std::size_t i = 0; i < m_thread.steps.size(); ++i) {
        float dot = 0;
        heights.push_back(build_step(canvas, env, m, { x, 0 }, inner, i, Pass::measure, &dot));
        dots.push_back(dot);
    }
    if (draw) {
        float row_y = y;
        for (std::size_t i = 0; i < heights.size(); ++i) {
            build_step(canvas, env, m, { x, row_y }, inner, i, Pass::background, nullptr);
            row_y += heights[i];
        }
        if (heights.size() > 1) {
            const ui::Theme& t = canvas.theme();
            const float top = y + dots.front();
            const float bottom = row_y - heights.back() + dots.back();
            const float rail = std::max(2.0f, t.px(0.5f));
            canvas.draw().fill_rect(
                { x + m.rail_w / 2 - t.px(1.5f) - rail / 2, top, rail, bottom - top }, m.palette.rule);
        }
    }
    for (std::size_t i = 0; i < m_thread.steps.size(); ++i) {
        y += draw ? build_step(canvas, env, m, { x, y }, inner, i, Pass::draw, nullptr) : heights[i];
    }
    if (later > 0) {
        y += text(env.strings.format("thread.later", { { "n", std::to_string(later) } }), m.position);
    }
    return y + m.pad - column.y;
}

float ReaderThread::measure(ui::Canvas& canvas, const Env& env, float width)
{
    return contents(canvas, env, { 0, 0, width, 0 }, false);
}

float ReaderThread::build(ui::Canvas& canvas, const Env& env, Rect column)
{
    const Metrics m(canvas.theme());
    const float height = column.h > 0 ? column.h : measure(canvas, env, column.w);
    const Rect card { column.x, column.y, column.w, height };
    canvas.draw().fill_rounded_rect(card, m.corner, m.palette.card);
    canvas.draw().stroke_rounded_rect(card, m.corner, m.rule, m.palette.rule);
    contents(canvas, env, card, true);
    return height;
}

std::optional<Intent> ReaderThread::on_tap(const ui::Widget& widget) const
{
    const auto i = index_after(widget.id, step_prefix);
    if (!i) {
        return std::nullopt;
    }
    if (*i >= m_thread.steps.size() || *i == m_thread.current) {
        return Intent::none();
    }
    const content::ThreadStep& step = m_thread.steps[*i];
    // Every step taken is pushed onto the app's stack, so Back retraces the visitor's own path.
    return step.in_pack() ? Intent::of(Intent::Kind::open_cable, step.cable.id)
                          : Intent::of(Intent::Kind::show_notice, "reader.not_in_collection");
}

} // namespace ck::screens
