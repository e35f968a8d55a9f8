// The home screen's tour cards: like the section cards (the same paper, border and type), with
// the accent rule of the reader's tour card at their left so a visitor sees the two belong
// together, and a line saying what a tour is and how long: "Guided tour · 5 stops".
#include "screens/home_screen.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace ck::screens {

float HomeScreen::build_tours(ui::Canvas& canvas, const Env& env, Rect area)
{
    const auto& tours = m_pack->collection().tours;
    if (tours.empty()) {
        return 0;
    }
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const std::string& lang = env.strings.lang();
    const float gap = t.px(t.spacing().gap_mm * 1.5f);
    const auto columns = static_cast<std::size_t>(area.w > t.px(320) ? 2 : 1);
    const float card_w = (area.w - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float pad = t.px(5.5f);
    const float rule = std::round(t.px(1.2f));
    const float text_w = card_w - 2 * pad - rule;
    ui::TextSpec meta;
    meta.style = { text::Family::sans, text::Weight::semibold, t.text_px(t.type().caption_mm) };
    meta.color = p.accent;
    meta.max_lines = 1;
    ui::TextSpec title;
    title.style = { text::Family::sans, text::Weight::bold, t.text_px(t.type().subheading_mm * 0.85f) };
    title.color = p.ink;
    title.max_lines = 2;
    title.line_height = 1.2f;
    title.role = ui::Role::heading;
    title.balanced = true;
    ui::TextSpec intro;
    intro.style = { text::Family::sans, text::Weight::regular, t.text_px(t.type().caption_mm) };
    intro.color = p.secondary;
    intro.max_lines = 2;
    intro.line_height = 1.4f;
    const float meta_h = meta.style.size_px * 1.3f;
    float y = area.y;
    for (std::size_t row = 0; row * columns < tours.size(); ++row) {
        // The cards of a row share the tallest one's height.
        float row_h = 0;
        for (std::size_t i = row * columns; i < std::min(tours.size(), (row + 1) * columns); ++i) {
            const auto title_h
                = canvas
                      .layout(content::pick(tours[i].title, lang), title.style, text_w, text::WrapMode::words,
                          text::Align::start, title.line_height, title.max_lines)
                      ->size()
                      .h;
            const auto intro_h
                = canvas
                      .layout(content::pick(tours[i].introduction, lang), intro.style, text_w,
                          text::WrapMode::words, text::Align::start, intro.line_height, intro.max_lines)
                      ->size()
                      .h;
            row_h = std::max(row_h, pad + meta_h + t.px(1.5f) + title_h + t.px(2) + intro_h + pad);
        }
        for (std::size_t i = row * columns; i < std::min(tours.size(), (row + 1) * columns); ++i) {
            const content::Tour& tour = tours[i];
            const Rect card { area.x + static_cast<float>(i - row * columns) * (card_w + gap), y, card_w,
                row_h };
            const std::string id = "tour:" + tour.id;
            const ui::Color bg = canvas.is_pressed(id) ? p.accent_soft : p.card;
            const float corner = t.px(t.spacing().corner_mm);
            canvas.draw().fill_rounded_rect(card, corner, bg);
            canvas.draw().stroke_rounded_rect(card, corner, std::max(1.0f, t.px(0.25f)), p.rule);
            canvas.draw().fill_rect({ card.x, card.y + corner, rule, card.h - 2 * corner }, p.accent);
            const float x = card.x + rule + pad;
            float cy = card.y + pad;
            meta.background = title.background = intro.background = bg;
            canvas.text({},
                env.strings.get("tour.label") + "  ·  "
                    + env.strings.format("tour.stops", { { "n", std::to_string(tour.stops.size()) } }),
                { x, cy }, text_w, meta);
            cy += meta_h + t.px(1.5f);
            cy += canvas.text({}, content::pick(tour.title, lang), { x, cy }, text_w, title).h + t.px(2);
            canvas.text({}, content::pick(tour.introduction, lang), { x, cy }, text_w, intro);
            ui::Widget w;
            w.id = id;
            w.role = ui::Role::card;
            w.label = content::pick(tour.title, lang);
            w.rect = card.translated(canvas.draw().offset().x, canvas.draw().offset().y);
            w.interactive = true;
            canvas.add_widget(std::move(w));
        }
        y += row_h + gap;
    }
    return y - gap - area.y;
}

} // namespace ck::screens
