// Both languages at once: without a pack there is no language switch to offer.
#include "screens/out_of_order_screen.hpp"

namespace ck::screens {

void OutOfOrderScreen::build(ui::Canvas& canvas, const Env& env)
{
    const ui::Theme& t = canvas.theme();
    const ui::Palette& p = t.palette();
    const Rect body = env.body;
    const float width = std::min(body.w - 2 * t.px(t.spacing().margin_mm), t.px(220));
    const float x = body.center().x - width / 2;
    ui::TextSpec heading;
    heading.style = { text::Family::sans, text::Weight::bold, t.text_px(t.type().heading_mm) };
    heading.color = p.ink;
    heading.background = p.paper;
    heading.align = text::Align::center;
    heading.role = ui::Role::heading;
    ui::TextSpec line = heading;
    line.style = { text::Family::sans, text::Weight::regular, t.text_px(t.type().ui_mm) };
    line.color = p.secondary;
    line.role = ui::Role::text;

    float y = body.y + body.h * 0.3f;
    for (const char* lang : { "en", "ja" }) {
        y += canvas.text({}, builtin_string(lang, "out_of_order.title"), { x, y }, width, heading).h
            + t.px(3);
        y += canvas.text({}, builtin_string(lang, "out_of_order.body"), { x, y }, width, line).h + t.px(12);
    }
    // A quiet rule, so the screen reads as deliberate rather than broken.
    canvas.draw().fill_rect({ body.center().x - t.px(15), body.y + body.h * 0.3f - t.px(10), t.px(30),
                                std::max(2.0f, t.px(0.6f)) },
        p.accent);
}

} // namespace ck::screens
